//! Every user-visible string goes through here. Each language is an exhaustive `match` over
//! [`Key`], so a language with a missing string does not compile. Placeholders are `{name}`.

mod en;

use leptos::prelude::*;

use crate::domain::language::Language;
use crate::error::{AppError, ErrorCode};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    AppName,
    AppTagline,
    SkipToContent,
    NavLogIn,
    NavSignUp,
    NavProfile,
    NavLogOut,
    FooterNote,
    HomeHeadline,
    HomeIntro,
    HomeStepPlanTitle,
    HomeStepPlanBody,
    HomeStepBidTitle,
    HomeStepBidBody,
    HomeStepSplitTitle,
    HomeStepSplitBody,
    HomeGreeting,
    YourGroups,
    NoGroupsYet,
    LoginTitle,
    LoginSubmit,
    LoginNoAccount,
    RegisterTitle,
    RegisterSubmit,
    RegisterHaveAccount,
    UsernameLabel,
    UsernameHint,
    DisplayNameLabel,
    DisplayNameHint,
    PasswordLabel,
    PasswordHint,
    ConfirmPasswordLabel,
    CurrentPasswordLabel,
    NewPasswordLabel,
    ProfileTitle,
    ProfileSignedInAs,
    DisplayNameSection,
    SaveDisplayName,
    DisplayNameSaved,
    PasswordSection,
    ChangePasswordSubmit,
    PasswordChanged,
    LanguageSection,
    LanguageLabel,
    LanguageFollowBrowser,
    SaveLanguage,
    LanguageSaved,
    Working,
    NotFoundTitle,
    NotFoundBody,
    BackHome,
    RateLimitedTitle,
    RequestRefusedTitle,
    ErrorReference,
    CreateGroupTitle,
    GroupNameLabel,
    GroupNameHint,
    CreateGroupSubmit,
    MemberCountOne,
    MemberCountOther,
    AdminBadge,
    YouSuffix,
    PreviousPage,
    NextPage,
    PageOf,
    GroupMembersTitle,
    GroupRunsTitle,
    NoRunsYet,
    ManageGroupLink,
    BackToGroups,
    BackToGroup,
    ManageGroupTitle,
    InviteLinkSection,
    InviteLinkHelp,
    CopyLink,
    LinkCopied,
    JoiningDisabledWarning,
    AllowJoining,
    DisallowJoining,
    RegenerateLink,
    RegenerateConfirm,
    RenameSection,
    RenameSubmit,
    MakeAdmin,
    RemoveAdminRole,
    RemoveMember,
    RemoveMemberConfirm,
    LeaveSection,
    LeaveHelp,
    LeaveGroup,
    LeaveConfirm,
    Saved,
    JoinTitle,
    JoinIntro,
    JoinSubmit,
    JoinLoginPrompt,
    AlreadyMemberNote,
    OpenGroup,
    InviteInvalidTitle,
    NavStores,
    NavProducts,
    NavGroups,
    StoresTitle,
    NoStoresYet,
    AddStoreTitle,
    StoreNameLabel,
    AddressLabel,
    OpeningHoursLabel,
    OpeningHoursHint,
    NotesLabel,
    AddStoreSubmit,
    EditStoreTitle,
    SaveChanges,
    StoreProductsTitle,
    NoPricesAtStore,
    ProductsTitle,
    NoProductsYet,
    AddProductTitle,
    ProductNameLabel,
    BrandLabel,
    UnitLabel,
    UnitHint,
    AddProductSubmit,
    SimilarProducts,
    EditProductTitle,
    CurrentPricesTitle,
    NoPricesYet,
    RecordPriceTitle,
    StoreLabel,
    PriceLabel,
    PriceHint,
    PriceNoteLabel,
    PriceNoteHint,
    RecordPriceSubmit,
    PriceRecorded,
    AddStoreFirst,
    PriceHistoryTitle,
    PriceChartLabel,
    HistoryDate,
    HistoryStore,
    HistoryPrice,
    HistoryNote,
    HistoryBy,
    SearchTitle,
    SearchLabel,
    SearchPlaceholder,
    SearchSubmit,
    SearchPrompt,
    SearchResultsFor,
    SearchNoResults,
    SearchSeeAll,
    SearchKindGroup,
    SearchKindStore,
    SearchKindProduct,
    StatePlanning,
    StateActive,
    StateConfirmed,
    StateShopping,
    StateAdjusting,
    StateDistributing,
    StateCompleted,
    StateCancelled,
    StatePlanningHelp,
    StateActiveHelp,
    StateConfirmedHelp,
    StateShoppingHelp,
    StateAdjustingHelp,
    StateDistributingHelp,
    StateCompletedHelp,
    StateCancelledHelp,
    LedBy,
    ParticipantCountOne,
    ParticipantCountOther,
    NewRunTitle,
    AddStoreFirstForRun,
    PlannedOnLabel,
    RunCommentLabel,
    RunCommentHint,
    StartRunSubmit,
    OpenRunsTitle,
    LeaderLabel,
    HelpersLabel,
    RunProductsTitle,
    NoBidsYet,
    NoProductsInRun,
    CancelledLeaderLeft,
    CancelledNoReason,
    CancelledWithReason,
    NotReadyAfterAll,
    YouAreReady,
    ImReady,
    ReadyHelp,
    CancelQuestionBidding,
    CancelQuestionConfirmed,
    CancelQuestionBought,
    EveryoneReady,
    NobodyBidYet,
    ConfirmRunSubmit,
    ConfirmQuestion,
    WaitingFor,
    ConfirmAnyway,
    ConfirmAnywayQuestion,
    ReopenHelp,
    ReopenSubmit,
    CancelRunTitle,
    CancelReasonLabel,
    CancelRunSubmit,
    LeaderPanelTitle,
    LeaderBadge,
    HelperBadge,
    ReadyChip,
    NotReadyChip,
    TotalLabel,
    InterestedCountOne,
    InterestedCountOther,
    InterestedOnlyShort,
    UpdateBidSubmit,
    PlaceBidSubmit,
    YourQuantityLabel,
    InterestedOnlyLabel,
    BidCommentLabel,
    RetractBidSubmit,
    AddToRunTitle,
    FindProductLabel,
    FindSubmit,
    NothingFoundForRun,
    AddToCatalogue,
    AlreadyInRun,
    TransferAsked,
    TransferAccept,
    TransferDecline,
    HelpersHelp,
    RemoveHelper,
    MakeHelper,
    TransferWaiting,
    TransferWithdraw,
    HandoverTitle,
    HandoverLabel,
    HandoverSubmit,
    AddAndBidSubmit,
    ProductRunsTitle,
    AddToListSubmit,
    AddToListTitle,
    AddedInStore,
    AdjustRange,
    AdjustingDone,
    AlreadyOnList,
    BackToRun,
    BoughtEven,
    BoughtFor,
    BoughtOver,
    BoughtQuantityLabel,
    BoughtShort,
    CompleteRunSubmit,
    CompleteShoppingQuestion,
    CompleteShoppingSubmit,
    CompleteWithLeftOne,
    CompleteWithLeftOther,
    DistributionPaid,
    DistributionTitle,
    DownloadCsv,
    DownloadJson,
    EditPurchase,
    EstimatedCostsHelp,
    EstimatedCostsTitle,
    EverythingPickedUp,
    ExportsTitle,
    FinishAdjustingSubmit,
    ForceFinishQuestion,
    ForceFinishSubmit,
    LastPriceColumn,
    LastSeenPrice,
    MarkAllPickedUp,
    MarkPickedUp,
    NotBought,
    NothingLeftToBuy,
    OpenShoppingList,
    OutOfStock,
    OutOfStockSubmit,
    PickUpsLeftOne,
    PickUpsLeftOther,
    PickedUpChip,
    PriceAboveLast,
    PriceBelowLast,
    PrintDistribution,
    PrintShoppingList,
    PrintSubmit,
    ProductColumn,
    PutBackQuestion,
    PutBackSubmit,
    QuantityColumn,
    QuantityToBuyLabel,
    ReasonShortageCut,
    ReasonSurplus,
    RecordBoughtSubmit,
    RecordedBy,
    RecordedTitle,
    SaveCorrection,
    ShoppingTitle,
    SpentSoFar,
    StartShoppingHelp,
    StartShoppingSubmit,
    StillUnbalancedOne,
    StillUnbalancedOther,
    ToBuyTitle,
    TotalPaidLabel,
    UndoPickUp,
    UnitPriceLabel,
    MoneySpentLabel,
    RunStatsTitle,
    RunsJoinedLabel,
    RunsLedLabel,
    BoughtOverShared,
    BoughtShortShared,
    MarkAllRead,
    MarkRead,
    NoNotifications,
    NoteEveryoneReady,
    NoteRemovedFromGroup,
    NoteRunCancelled,
    NoteRunCancelledWithReason,
    NoteRunStateChanged,
    NoteSomethingHappened,
    NoteTimes,
    NoteTransferAccepted,
    NoteTransferDeclined,
    NoteTransferRequested,
    NotificationsTitle,
}

/// The text of `key` in `language`.
pub fn text(language: Language, key: Key) -> &'static str {
    match language {
        Language::En => en::text(key),
    }
}

/// The message a user sees for an error code.
pub fn error_text(language: Language, code: ErrorCode) -> &'static str {
    match language {
        Language::En => en::error_text(code),
    }
}

/// "1 member" / "5 members": picks the form for `count` and fills `{count}`.
pub fn count_text(language: Language, count: i64, one: Key, other: Key) -> String {
    let template = if count == 1 {
        text(language, one)
    } else {
        text(language, other)
    };
    fill(template, &[("count", &count.to_string())])
}

/// Fills `{name}` placeholders.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    values
        .iter()
        .fold(template.to_owned(), |text, (name, value)| {
            text.replace(&format!("{{{name}}}"), value)
        })
}

/// The full message for an error, with its retry delay or support reference where it has one.
pub fn describe_error(language: Language, error: &AppError) -> String {
    let seconds = error.retry_after_secs.unwrap_or(60).to_string();
    let mut message = fill(error_text(language, error.code), &[("seconds", &seconds)]);
    if let Some(reference) = &error.reference {
        message.push(' ');
        message.push_str(&fill(
            text(language, Key::ErrorReference),
            &[("reference", reference)],
        ));
    }
    message
}

/// The page's language, provided once at the root and read by every component.
#[derive(Clone, Copy)]
pub struct I18n {
    language: RwSignal<Language>,
}

impl I18n {
    pub fn language(&self) -> Language {
        self.language.get()
    }

    pub fn set_language(&self, language: Language) {
        self.language.set(language);
    }

    /// Reactive: re-reads when the language changes.
    pub fn t(&self, key: Key) -> &'static str {
        text(self.language.get(), key)
    }

    /// Not reactive: for text that is read once, outside the reactive system, such as the page
    /// title, which Leptos renders into the head after the page's reactive scope has ended (a
    /// reactive read there panics under `sandboxed-arenas`).
    pub fn t_now(&self, key: Key) -> &'static str {
        text(self.language.get_untracked(), key)
    }

    pub fn count(&self, count: i64, one: Key, other: Key) -> String {
        count_text(self.language.get(), count, one, other)
    }

    pub fn error(&self, error: &AppError) -> String {
        describe_error(self.language.get(), error)
    }
}

pub fn provide_i18n(language: Language) -> I18n {
    let i18n = I18n {
        language: RwSignal::new(language),
    };
    provide_context(i18n);
    i18n
}

pub fn use_i18n() -> I18n {
    use_context::<I18n>().unwrap_or_else(|| provide_i18n(Language::default()))
}

/// `t!(i18n, Key)` is a reactive text node for a key.
#[macro_export]
macro_rules! t {
    ($i18n:expr, $key:ident) => {{
        let i18n = $i18n;
        move || i18n.t($crate::i18n::Key::$key)
    }};
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_filled() {
        assert_eq!(fill("Hi, {name}!", &[("name", "Ana")]), "Hi, Ana!");
    }

    #[test]
    fn every_error_code_has_a_message_in_every_language() {
        for language in Language::ALL {
            for code in ErrorCode::ALL {
                assert!(
                    !error_text(language, code).is_empty(),
                    "{language:?} {code:?}"
                );
            }
        }
    }

    #[test]
    fn rate_limit_message_names_the_wait_and_internal_errors_their_reference() {
        let limited = describe_error(Language::En, &AppError::rate_limited(42));
        assert!(limited.contains("42"), "{limited}");
        let internal = AppError {
            reference: Some("abc-123".into()),
            ..ErrorCode::Internal.into()
        };
        assert!(describe_error(Language::En, &internal).contains("abc-123"));
    }
}
