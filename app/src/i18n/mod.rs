//! Every user-visible string goes through here. The texts live in Fluent files, one per
//! language (`app/locales/<language>/bulq.ftl`), which a translator edits without touching Rust;
//! [`Key`] names each message, so Rust cannot ask for one that does not exist, and the tests in
//! `tests.rs` fail on a message missing in a language, one no key asks for, or a variable that
//! differs between languages or from what the code passes (ADR 19).

mod catalogue;
#[cfg(feature = "ssr")]
pub mod demo;
pub mod locale;
#[cfg(all(test, feature = "ssr"))]
mod tests;
pub mod zone;

use leptos::prelude::*;
use leptos::reactive::graph::Observer;

pub use self::catalogue::Arg;
use self::catalogue::catalogue;
use self::zone::Zone;
use crate::domain::admin::AuditAction;
use crate::domain::language::Language;
use crate::error::{AppError, ErrorCode};

/// One message of the Fluent files; its id is the kebab-case name (`MemberCount` → `member-count`).
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, strum::IntoStaticStr, strum::EnumIter, strum::EnumCount,
)]
#[strum(serialize_all = "kebab-case")]
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
    ApiTokensTitle,
    ApiTokensHelp,
    ApiReferenceLink,
    ApiTokensProfileLink,
    ApiTokenCreateTitle,
    ApiTokenName,
    ApiTokenNamePlaceholder,
    ApiTokenScope,
    ApiTokenScopeRead,
    ApiTokenScopeWrite,
    ApiTokenLifetime,
    ApiTokenLifetimeDays,
    ApiTokenNoExpiry,
    ApiTokenCreate,
    ApiTokenNewTitle,
    ApiTokenNewHelp,
    ApiTokenSecretLabel,
    ApiTokenCopy,
    ApiTokensYours,
    ApiTokensNone,
    ApiTokenMade,
    ApiTokenExpires,
    ApiTokenNeverUsed,
    ApiTokenLastUsed,
    ApiTokenRevoke,
    ApiTokenRevokeQuestion,
    DevicesTitle,
    DevicesHelp,
    DeviceLine,
    DeviceUnknown,
    ThisDevice,
    DeviceLastSeen,
    LogOutElsewhereSubmit,
    LoggedOutElsewhere,
    LanguageSection,
    LanguageLabel,
    LanguageFollowBrowser,
    SaveLanguage,
    LanguageSaved,
    Working,
    NotFoundTitle,
    NotFoundBody,
    BackHome,
    OfflineTitle,
    OfflineBody,
    OfflineRetry,
    RateLimitedTitle,
    RequestRefusedTitle,
    ServerErrorTitle,
    ErrorReference,
    CreateGroupTitle,
    GroupNameLabel,
    GroupNameHint,
    CreateGroupSubmit,
    MemberCount,
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
    CostEstimatesSection,
    OwnPricesOnlyOff,
    OwnPricesOnlyOn,
    UseOwnPricesOnly,
    UseEveryonesPrices,
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
    PackPriceSeen,
    PricePackSizeLabel,
    PricePackSizeHint,
    StoreColumn,
    LowestColumn,
    AverageColumn,
    HighestColumn,
    HistoryDate,
    HistoryStore,
    HistoryPrice,
    HistoryNote,
    HistoryBy,
    PriceByAnotherGroup,
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
    ParticipantCount,
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
    ReopenQuestion,
    ConfirmationTitle,
    GoBack,
    DismissToast,
    ToastSaved,
    ToastRunConfirmed,
    ToastRunReopened,
    ToastRunCancelled,
    ToastRecorded,
    ToastShoppingDone,
    ToastSharedOut,
    ToastRunCompleted,
    ToastLinkRenewed,
    ToastMemberRemoved,
    ToastUpdateReady,
    ReloadNow,
    ThemeSection,
    ThemeSystem,
    ThemeLight,
    ThemeDark,
    SaveTheme,
    CancelRunTitle,
    CancelReasonLabel,
    CancelRunSubmit,
    EditRunTitle,
    SaveRunDetailsSubmit,
    LeaderPanelTitle,
    LeaderBadge,
    HelperBadge,
    ReadyChip,
    NotReadyChip,
    TotalLabel,
    PackMeterOpen,
    PackMeterTolerance,
    PackMeterFilledByTolerance,
    PackMeterAllFull,
    PacksToBuy,
    PackSoldBy,
    PackMinimum,
    TakeRestSubmit,
    ToleranceLabel,
    ToleranceHint,
    PackRuleExplained,
    PacksTitle,
    NoPacksYet,
    PackWholeUnitsShort,
    PackLooseSubmit,
    PackSizeLabel,
    PackSizeHint,
    PackMinimumLabel,
    PackMinimumHint,
    PackWholeUnitsLabel,
    PackSaved,
    PackSaveSubmit,
    PackBuy,
    PackBuyNothing,
    PackRuleFirstCome,
    PackPlanTitle,
    PackOpenQuestion,
    PackRoundDown,
    PackRoundUp,
    PackPlanGets,
    PackPlanHolds,
    PackPlanAsAsked,
    PackOrderLine,
    AskedShort,
    FairnessLabel,
    FairnessProportional,
    FairnessFirstCome,
    PacksBoughtLabel,
    PackPriceLabel,
    InterestedCount,
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
    CompleteWithLeft,
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
    AlsoSeenPrice,
    NotePriceTitle,
    MarkAllPickedUp,
    MarkPickedUp,
    NotBought,
    NothingLeftToBuy,
    OpenShoppingList,
    OutOfStock,
    OutOfStockSubmit,
    PickUpsLeft,
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
    StillUnbalanced,
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
    NavAccountLabel,
    NavSectionsLabel,
    NavPagesLabel,
    BreadcrumbLabel,
    LanguageSwitchLabel,
    TimeZoneSection,
    TimeZoneLabel,
    TimeZoneHint,
    SaveTimeZone,
    TimeZoneSaved,
    GroupCurrencyLabel,
    GroupCurrencyHint,
    CurrencySection,
    SaveCurrency,
    CurrencyLocked,
    TimeJustNow,
    TimeMinutesAgo,
    TimeHoursAgo,
    TimeTodayAt,
    TimeYesterdayAt,
    DayToday,
    DayTomorrow,
    DayYesterday,
    DayInDays,
    DayDaysAgo,
    UnitKg,
    UnitG,
    UnitL,
    UnitMl,
    UnitEach,
    UnitPack,
    CsvProduct,
    CsvUnit,
    CsvPerson,
    CsvAsked,
    CsvInterestedOnly,
    CsvGets,
    CsvWhy,
    CsvUnitPrice,
    CsvCost,
    CsvPickedUp,
    CsvListRequested,
    CsvBought,
    CsvItemPaid,
    CsvCurrency,
    CsvTolerance,
    CsvAfterPacks,
    CsvPackSize,
    CsvPacks,
    CsvDate,
    CsvEntry,
    CsvStore,
    CsvOtherPerson,
    CsvPaid,
    CsvGoods,
    CsvSharedCosts,
    CsvAmount,
    CsvBalanceChange,
    LedgerEntryRun,
    LedgerEntryRepaid,
    LedgerEntryRepaidBy,
    LedgerEntryWaiting,
    LedgerEntryToPay,
    NavAdmin,
    LoginForgotPassword,
    RegistrationClosedNotice,
    RegistrationInviteOnlyNotice,
    AdminTitle,
    AdminUsersTab,
    AdminSettingsTab,
    AdminAuditTab,
    AdminFilterAll,
    AdminFilterVerified,
    AdminFilterUnverified,
    AdminFilterDisabled,
    AdminFilterSiteAdmins,
    AdminFilterLabel,
    AdminUserSearchLabel,
    AdminSearchSubmit,
    AdminUserCount,
    AdminResetLinkTitle,
    AdminResetLinkHelp,
    SiteAdminBadge,
    VerifiedBadge,
    DisabledBadge,
    AdminUserJoined,
    AdminVerify,
    AdminUnverify,
    AdminMakeResetLink,
    AdminDisableConfirm,
    AdminRevokeConfirm,
    AdminEnable,
    AdminDisable,
    AdminRevokeSiteAdmin,
    AdminGrantSiteAdmin,
    RegistrationSection,
    RegistrationOpen,
    RegistrationOpenHelp,
    RegistrationInviteOnly,
    RegistrationInviteOnlyHelp,
    RegistrationClosed,
    RegistrationClosedHelp,
    SaveSettings,
    AuditFilterLabel,
    AuditUserLabel,
    AuditActionLabel,
    AuditAnyAction,
    AuditRetention,
    AuditEmpty,
    AuditWhen,
    AuditActionColumn,
    AuditWho,
    AuditTarget,
    AuditDetail,
    AuditFrom,
    AuditOrigin,
    ResetTitle,
    ResetFor,
    ResetSubmit,
    AdminProductsTab,
    AdminStoresTab,
    CatalogueFilterCurrent,
    CatalogueFilterArchived,
    CatalogueSearchLabel,
    CatalogueCount,
    CatalogueRuns,
    ArchivedBadge,
    MergedIntoNote,
    AdminArchive,
    AdminUnarchive,
    ArchiveConfirm,
    MergeIntoLink,
    DuplicatesTitle,
    DuplicatesHelp,
    KeepThis,
    MergeTitle,
    MergeSearchHelp,
    MergeIntoThis,
    MergeConfirm,
    MergeProductsRule,
    MergeStoresRule,
    MergeSubmit,
    AdminGroupsTab,
    AdminGroupFacts,
    AdminGroupActive,
    GroupArchiveConfirm,
    YourDataSection,
    YourDataHelp,
    DownloadMyData,
    DeleteAccountSection,
    DeleteAccountHelp,
    DeleteAccountLink,
    DeleteAccountExplain,
    DeleteAccountSubmit,
    UsernameSection,
    ChangeUsernameSubmit,
    DeletedBadge,
    AdminEditNames,
    AdminDelete,
    AdminDeleteConfirm,
    MergeUsersRule,
    SearchKindFamily,
    FamilyBadge,
    VariantOf,
    FamilyLabel,
    FamilyHint,
    FamilyNone,
    IsFamilyLabel,
    FamilyVariantsTitle,
    FamilyExplained,
    FamilyNoVariants,
    VariantBoughtLabel,
    VariantPick,
    ForFamily,
    FamilyItemNoVariants,
    FamilyItemExplained,
    MoneyTitle,
    MoneyLink,
    MoneyPageTitle,
    NoMoneyYet,
    PendingRepaymentsTitle,
    RepaymentsTitle,
    RepaymentConfirmed,
    RepaymentWithdrawn,
    RepaymentLine,
    YouAreOwed,
    YouOwe,
    YouAreSquare,
    SettleRuleFewest,
    SettleRulePaired,
    BalancesTitle,
    BalanceDetail,
    TransfersTitle,
    AllSquare,
    AllPaidWaiting,
    TransferLine,
    IPaidSubmit,
    IReceivedSubmit,
    RepaymentWaiting,
    ConfirmReceivedSubmit,
    WithdrawRepaymentSubmit,
    PaidTheStore,
    PayersTitle,
    NoPayersYet,
    ChangePayers,
    PayersMustAddUp,
    PayerAmountLabel,
    SavePayers,
    NotePaymentSent,
    NotePaymentConfirmed,
    YouPay,
    PaysYou,
    ExtraCostsTitle,
    ExtraCostLine,
    SplitEquallyNote,
    SplitByGoodsNote,
    RemoveExtraCostSubmit,
    ExtraCostPartsLater,
    AddExtraCost,
    StatementLink,
    MyStatementLink,
    LedgerDownload,
    RunByRunTitle,
    RunByRunHint,
    RunNoDebts,
    OlderRunsInLedger,
    StatementTitle,
    StatementSubtitle,
    StatementRepaidTo,
    StatementRepaidBy,
    StatementBalance,
    StatementRunDetail,
    ExtraCostLabel,
    ExtraCostAmountLabel,
    ExtraCostPaidBy,
    ExtraCostSplitLegend,
    SplitEquallyLabel,
    SplitByGoodsLabel,
    AddExtraCostSubmit,
    PayToLine,
    ScanToPay,
    PaymentDetailsTitle,
    PaymentDetailsHelp,
    IbanLabel,
    PayeeNameLabel,
    PaymentNoteLabel,
    PaymentNoteHint,
    SavePaymentDetails,
}

impl Key {
    /// The Fluent message id.
    pub fn id(self) -> &'static str {
        self.into()
    }
}

/// The text of a message without variables.
pub fn text(language: Language, key: Key) -> &'static str {
    catalogue(language).plain(key)
}

/// A message with its variables filled in; counted messages pick their plural form from `count`.
pub fn format(language: Language, key: Key, args: &[(&str, Arg)]) -> String {
    catalogue(language).format(key.id(), args)
}

/// The message a user sees for an error code.
pub fn error_text(language: Language, code: ErrorCode) -> String {
    catalogue(language).format(&error_id(code), &[])
}

/// The Fluent id of an error code's message: `error-` and the code in kebab case.
pub fn error_id(code: ErrorCode) -> String {
    format!(
        "error-{}",
        code.as_str().to_ascii_lowercase().replace('_', "-")
    )
}

/// The Fluent id of an audit action's name: `audit-action-` and the action in kebab case.
pub fn audit_action_id(action: AuditAction) -> String {
    format!(
        "audit-action-{}",
        action.as_str().to_ascii_lowercase().replace('_', "-")
    )
}

/// The full message for an error, with its retry delay or support reference where it has one.
pub fn describe_error(language: Language, error: &AppError) -> String {
    let seconds = error.retry_after_secs.unwrap_or(60) as i64;
    let catalogue = catalogue(language);
    let mut message = catalogue.format(&error_id(error.code), &[("seconds", Arg::Number(seconds))]);
    if let Some(reference) = &error.reference {
        message.push(' ');
        message.push_str(&catalogue.format(
            Key::ErrorReference.id(),
            &[("reference", Arg::Text(reference))],
        ));
    }
    message
}

/// The page's language and time zone, provided once at the root and read by every component.
#[derive(Clone, Copy)]
pub struct I18n {
    language: RwSignal<Language>,
    zone: StoredValue<Zone>,
}

impl I18n {
    /// Tracked where something re-renders on a change (a `move ||` in a view), plain elsewhere.
    /// Component bodies build their data's text once, when their data arrives; the language
    /// changes live only on the pages with a language form, whose texts sit in closures. Outside
    /// a tracking context `get()` subscribes to nothing anyway; it only warns in debug builds.
    pub fn language(&self) -> Language {
        if Observer::get().is_some() {
            self.language.get()
        } else {
            self.language.get_untracked()
        }
    }

    pub fn language_untracked(&self) -> Language {
        self.language.get_untracked()
    }

    pub fn set_language(&self, language: Language) {
        self.language.set(language);
    }

    /// Reactive: re-reads when the language changes.
    pub fn t(&self, key: Key) -> &'static str {
        text(self.language(), key)
    }

    /// Not reactive: for text that is read once, outside the reactive system, such as the page
    /// title, which Leptos renders into the head after the page's reactive scope has ended (a
    /// reactive read there panics under `sandboxed-arenas`).
    pub fn t_now(&self, key: Key) -> &'static str {
        text(self.language.get_untracked(), key)
    }

    /// A message with variables; use through [`tr!`](crate::tr), which names them.
    pub fn format(&self, key: Key, args: &[(&str, Arg)]) -> String {
        format(self.language(), key, args)
    }

    /// A counted message: "1 member", "5 members" (and Russian's "5 участников").
    pub fn count(&self, key: Key, count: i64) -> String {
        format(self.language(), key, &[("count", Arg::Number(count))])
    }

    /// What an audit-log action is called in the viewer's language.
    pub fn audit_action(&self, action: AuditAction) -> String {
        catalogue(self.language()).format(&audit_action_id(action), &[])
    }

    pub fn error(&self, error: &AppError) -> String {
        describe_error(self.language(), error)
    }

    /// The viewer's time zone (with the moment the page was made, for "2 hours ago").
    pub fn zone(&self) -> Zone {
        self.zone.get_value()
    }

    /// "€12.99", "12,99 €", "1.234,50 дин.": an amount in the viewer's locale.
    pub fn money(&self, minor: i64, currency: &str) -> String {
        locale::money(self.language(), minor, currency)
    }

    /// "+€9.50", "−€9.50", "€0.00": a balance or its change, with its sign always shown.
    pub fn signed_money(&self, minor: i64, currency: &str) -> String {
        let text = self.money(minor.abs(), currency);
        match minor.signum() {
            1 => format!("+{text}"),
            -1 => format!("−{text}"),
            _ => text,
        }
    }

    /// "1,5 кг": a quantity with the locale's decimal separator and its unit's local name.
    pub fn quantity(&self, quantity: crate::domain::quantity::Quantity, unit: &str) -> String {
        locale::quantity(self.language(), quantity, unit)
    }

    /// A unit's local name ("kg" → "кг", "pack" → "уп."); a unit Bulq does not know as it is.
    pub fn unit<'a>(&self, unit: &'a str) -> &'a str {
        locale::unit_name(self.language(), unit)
    }

    /// A calendar day: "Dec 24, 2026", "24 дек. 2026 г.".
    pub fn day(&self, day: chrono::NaiveDate) -> String {
        locale::day(self.language(), day)
    }

    /// The viewer's calendar day of a moment.
    pub fn day_of(&self, at: chrono::DateTime<chrono::Utc>) -> String {
        let zone = self.zone.get_value();
        locale::day(self.language(), zone.local(at).date())
    }

    /// A moment as a local date and time in the viewer's zone.
    pub fn date_time(&self, at: chrono::DateTime<chrono::Utc>) -> String {
        let zone = self.zone.get_value();
        locale::date_time(self.language(), zone.local(at))
    }

    /// A recent moment as people say it ("just now", "2 hours ago", "yesterday at 17:04"),
    /// older ones as a date and time.
    pub fn relative_time(&self, at: chrono::DateTime<chrono::Utc>) -> String {
        locale::relative_time(self.language(), &self.zone.get_value(), at)
    }

    /// A shopping day with how far it is, where that helps: "Dec 24, 2026 (tomorrow)".
    pub fn day_with_distance(&self, day: chrono::NaiveDate) -> String {
        let date = self.day(day);
        match self.relative_day(day) {
            Some(distance) => format!("{date} ({distance})"),
            None => date,
        }
    }

    /// How far a shopping day is: "tomorrow", "in 3 days", "2 days ago".
    pub fn relative_day(&self, day: chrono::NaiveDate) -> Option<String> {
        locale::relative_day(self.language(), &self.zone.get_value(), day)
    }
}

pub fn provide_i18n(language: Language, zone: Zone) -> I18n {
    let i18n = I18n {
        language: RwSignal::new(language),
        zone: StoredValue::new(zone),
    };
    provide_context(i18n);
    i18n
}

pub fn use_i18n() -> I18n {
    use_context::<I18n>().unwrap_or_else(|| provide_i18n(Language::default(), Zone::utc()))
}

/// `t!(i18n, Key)` is a reactive text node for a message without variables.
#[macro_export]
macro_rules! t {
    ($i18n:expr, $key:ident) => {{
        let i18n = $i18n;
        move || i18n.t($crate::i18n::Key::$key)
    }};
}

/// `tr!(i18n, Key, name = value, …)` is the message with its variables filled in, as a `String`.
/// The tests read every call and compare its names with the message's variables.
#[macro_export]
macro_rules! tr {
    ($i18n:expr, $key:ident $(, $name:ident = $value:expr)* $(,)?) => {
        $i18n.format(
            $crate::i18n::Key::$key,
            &[$((stringify!($name), $crate::i18n::Arg::from(&$value))),*],
        )
    };
}
