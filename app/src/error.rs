//! The one error type users can see: a stable machine code plus the few details a message needs.
//! Internal failures collapse into `Internal` with a reference the user can quote; their cause is
//! only ever logged on the server.

use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

/// Stable codes: they appear in URLs, logs, tests and docs/errors.md, so never rename one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ErrorCode {
    InvalidInput,
    UsernameInvalid,
    UsernameTaken,
    DisplayNameInvalid,
    PasswordTooShort,
    PasswordTooLong,
    PasswordTooCommon,
    PasswordMismatch,
    PasswordIncorrect,
    InvalidCredentials,
    GroupNameInvalid,
    GroupNotFound,
    InviteNotFound,
    NotGroupAdmin,
    GroupJoiningDisabled,
    AlreadyGroupMember,
    NotAGroupMember,
    UserMaxGroupsExceeded,
    GroupMaxMembersExceeded,
    LastGroupAdmin,
    CannotRemoveGroupAdmin,
    StoreNameInvalid,
    ProductNameInvalid,
    TextTooLong,
    AmountInvalid,
    StoreNotFound,
    ProductNotFound,
    NotAllowedToEdit,
    SearchQueryInvalid,
    RunNotFound,
    NotRunParticipant,
    NotRunLeader,
    NotRunLeaderOrHelper,
    RunStateForbids,
    QuantityInvalid,
    PlannedDateInvalid,
    BidNotFound,
    RunMaxProductsExceeded,
    GroupMaxActiveRunsExceeded,
    LeaderCannotBeHelper,
    TransferToSelf,
    TransferTargetNotParticipant,
    TransferAlreadyPending,
    TransferNotFound,
    LeaderIsAlwaysReady,
    NothingToAdjust,
    AdjustOnlyDown,
    AdjustBelowBought,
    AdjustOnlyUp,
    AdjustAboveBought,
    AdjustNewProduct,
    AdjustmentIncomplete,
    ShoppingItemNotFound,
    ItemAlreadyRecorded,
    ItemAlreadyOnList,
    PriceMissing,
    PickUpsOutstanding,
    AllocationNotFound,
    AuthRequired,
    Forbidden,
    NotFound,
    RateLimited,
    /// More live streams open for one person than any phone and laptop need.
    TooManyStreams,
    CrossSiteRequest,
    Unavailable,
    Network,
    Internal,
    CurrencyInvalid,
    CurrencyLocked,
    TimeZoneInvalid,
    NotSiteAdmin,
    UserNotFound,
    ResetLinkInvalid,
    RegistrationClosed,
    RegistrationInviteOnly,
    CannotChangeOwnAccount,
    LastSiteAdmin,
    CannotMergeIntoItself,
    MergeConflict,
    HiddenCharacters,
    BodyTooLarge,
    ToleranceInvalid,
    WholeUnitsOnly,
    PackInvalid,
    PackAlreadyFull,
    PackChanged,
    FamilyNotFound,
    FamilyHasNoPrice,
    VariantRequired,
    NotAVariant,
    FamilyMismatch,
    PayersDoNotAddUp,
    SettlementTooLarge,
    SettlementNotFound,
    SettlementDecided,
    NotYourSettlement,
    CostLabelInvalid,
    ExtraCostNotFound,
    IbanInvalid,
    PayeeNameMissing,
    ProductUsedByOtherGroups,
    TokenNameInvalid,
    TokenNotFound,
    TooManyTokens,
    TokenInvalid,
    TokenScopeForbids,
    IdempotencyKeyInvalid,
    IdempotencyKeyReused,
    IdempotencyKeyInProgress,
    MethodNotAllowed,
}

impl ErrorCode {
    pub const ALL: [ErrorCode; 110] = [
        ErrorCode::InvalidInput,
        ErrorCode::UsernameInvalid,
        ErrorCode::UsernameTaken,
        ErrorCode::DisplayNameInvalid,
        ErrorCode::PasswordTooShort,
        ErrorCode::PasswordTooLong,
        ErrorCode::PasswordTooCommon,
        ErrorCode::PasswordMismatch,
        ErrorCode::PasswordIncorrect,
        ErrorCode::InvalidCredentials,
        ErrorCode::GroupNameInvalid,
        ErrorCode::GroupNotFound,
        ErrorCode::InviteNotFound,
        ErrorCode::NotGroupAdmin,
        ErrorCode::GroupJoiningDisabled,
        ErrorCode::AlreadyGroupMember,
        ErrorCode::NotAGroupMember,
        ErrorCode::UserMaxGroupsExceeded,
        ErrorCode::GroupMaxMembersExceeded,
        ErrorCode::LastGroupAdmin,
        ErrorCode::CannotRemoveGroupAdmin,
        ErrorCode::StoreNameInvalid,
        ErrorCode::ProductNameInvalid,
        ErrorCode::TextTooLong,
        ErrorCode::AmountInvalid,
        ErrorCode::StoreNotFound,
        ErrorCode::ProductNotFound,
        ErrorCode::NotAllowedToEdit,
        ErrorCode::SearchQueryInvalid,
        ErrorCode::RunNotFound,
        ErrorCode::NotRunParticipant,
        ErrorCode::NotRunLeader,
        ErrorCode::NotRunLeaderOrHelper,
        ErrorCode::RunStateForbids,
        ErrorCode::QuantityInvalid,
        ErrorCode::PlannedDateInvalid,
        ErrorCode::BidNotFound,
        ErrorCode::RunMaxProductsExceeded,
        ErrorCode::GroupMaxActiveRunsExceeded,
        ErrorCode::LeaderCannotBeHelper,
        ErrorCode::TransferToSelf,
        ErrorCode::TransferTargetNotParticipant,
        ErrorCode::TransferAlreadyPending,
        ErrorCode::TransferNotFound,
        ErrorCode::LeaderIsAlwaysReady,
        ErrorCode::NothingToAdjust,
        ErrorCode::AdjustOnlyDown,
        ErrorCode::AdjustBelowBought,
        ErrorCode::AdjustOnlyUp,
        ErrorCode::AdjustAboveBought,
        ErrorCode::AdjustNewProduct,
        ErrorCode::AdjustmentIncomplete,
        ErrorCode::ShoppingItemNotFound,
        ErrorCode::ItemAlreadyRecorded,
        ErrorCode::ItemAlreadyOnList,
        ErrorCode::PriceMissing,
        ErrorCode::PickUpsOutstanding,
        ErrorCode::AllocationNotFound,
        ErrorCode::AuthRequired,
        ErrorCode::Forbidden,
        ErrorCode::NotFound,
        ErrorCode::RateLimited,
        ErrorCode::TooManyStreams,
        ErrorCode::CrossSiteRequest,
        ErrorCode::Unavailable,
        ErrorCode::Network,
        ErrorCode::Internal,
        ErrorCode::CurrencyInvalid,
        ErrorCode::CurrencyLocked,
        ErrorCode::TimeZoneInvalid,
        ErrorCode::NotSiteAdmin,
        ErrorCode::UserNotFound,
        ErrorCode::ResetLinkInvalid,
        ErrorCode::RegistrationClosed,
        ErrorCode::RegistrationInviteOnly,
        ErrorCode::CannotChangeOwnAccount,
        ErrorCode::LastSiteAdmin,
        ErrorCode::CannotMergeIntoItself,
        ErrorCode::MergeConflict,
        ErrorCode::HiddenCharacters,
        ErrorCode::BodyTooLarge,
        ErrorCode::ToleranceInvalid,
        ErrorCode::WholeUnitsOnly,
        ErrorCode::PackInvalid,
        ErrorCode::PackAlreadyFull,
        ErrorCode::PackChanged,
        ErrorCode::FamilyNotFound,
        ErrorCode::FamilyHasNoPrice,
        ErrorCode::VariantRequired,
        ErrorCode::NotAVariant,
        ErrorCode::FamilyMismatch,
        ErrorCode::PayersDoNotAddUp,
        ErrorCode::SettlementTooLarge,
        ErrorCode::SettlementNotFound,
        ErrorCode::SettlementDecided,
        ErrorCode::NotYourSettlement,
        ErrorCode::CostLabelInvalid,
        ErrorCode::ExtraCostNotFound,
        ErrorCode::IbanInvalid,
        ErrorCode::PayeeNameMissing,
        ErrorCode::ProductUsedByOtherGroups,
        ErrorCode::TokenNameInvalid,
        ErrorCode::TokenNotFound,
        ErrorCode::TooManyTokens,
        ErrorCode::TokenInvalid,
        ErrorCode::TokenScopeForbids,
        ErrorCode::IdempotencyKeyInvalid,
        ErrorCode::IdempotencyKeyReused,
        ErrorCode::IdempotencyKeyInProgress,
        ErrorCode::MethodNotAllowed,
    ];

    /// The HTTP status a response carrying this error gets.
    pub fn http_status(self) -> u16 {
        match self {
            ErrorCode::InvalidInput
            | ErrorCode::UsernameInvalid
            | ErrorCode::DisplayNameInvalid
            | ErrorCode::PasswordTooShort
            | ErrorCode::PasswordTooLong
            | ErrorCode::PasswordTooCommon
            | ErrorCode::PasswordMismatch
            | ErrorCode::GroupNameInvalid
            | ErrorCode::StoreNameInvalid
            | ErrorCode::ProductNameInvalid
            | ErrorCode::TextTooLong
            | ErrorCode::AmountInvalid
            | ErrorCode::SearchQueryInvalid
            | ErrorCode::QuantityInvalid
            | ErrorCode::PlannedDateInvalid
            | ErrorCode::TransferToSelf => 422,
            ErrorCode::TransferNotFound => 404,
            ErrorCode::ShoppingItemNotFound | ErrorCode::AllocationNotFound => 404,
            ErrorCode::NothingToAdjust
            | ErrorCode::AdjustOnlyDown
            | ErrorCode::AdjustBelowBought
            | ErrorCode::AdjustOnlyUp
            | ErrorCode::AdjustAboveBought
            | ErrorCode::AdjustNewProduct
            | ErrorCode::AdjustmentIncomplete
            | ErrorCode::ItemAlreadyRecorded
            | ErrorCode::ItemAlreadyOnList
            | ErrorCode::PickUpsOutstanding => 409,
            ErrorCode::PriceMissing => 422,
            ErrorCode::LeaderCannotBeHelper
            | ErrorCode::TransferTargetNotParticipant
            | ErrorCode::TransferAlreadyPending
            | ErrorCode::LeaderIsAlwaysReady => 409,
            ErrorCode::RunNotFound | ErrorCode::BidNotFound => 404,
            ErrorCode::NotRunParticipant
            | ErrorCode::NotRunLeader
            | ErrorCode::NotRunLeaderOrHelper => 403,
            ErrorCode::RunStateForbids
            | ErrorCode::RunMaxProductsExceeded
            | ErrorCode::GroupMaxActiveRunsExceeded => 409,
            ErrorCode::StoreNotFound | ErrorCode::ProductNotFound => 404,
            ErrorCode::NotAllowedToEdit => 403,
            ErrorCode::AlreadyGroupMember
            | ErrorCode::NotAGroupMember
            | ErrorCode::UserMaxGroupsExceeded
            | ErrorCode::GroupMaxMembersExceeded
            | ErrorCode::LastGroupAdmin => 409,
            ErrorCode::NotGroupAdmin
            | ErrorCode::GroupJoiningDisabled
            | ErrorCode::CannotRemoveGroupAdmin => 403,
            ErrorCode::GroupNotFound | ErrorCode::InviteNotFound => 404,
            ErrorCode::UsernameTaken => 409,
            ErrorCode::PasswordIncorrect
            | ErrorCode::InvalidCredentials
            | ErrorCode::AuthRequired => 401,
            ErrorCode::Forbidden | ErrorCode::CrossSiteRequest => 403,
            ErrorCode::NotFound => 404,
            ErrorCode::RateLimited | ErrorCode::TooManyStreams => 429,
            ErrorCode::Unavailable => 503,
            ErrorCode::Network => 502,
            ErrorCode::Internal => 500,
            ErrorCode::CurrencyInvalid | ErrorCode::TimeZoneInvalid => 422,
            ErrorCode::CurrencyLocked => 409,
            ErrorCode::NotSiteAdmin
            | ErrorCode::RegistrationClosed
            | ErrorCode::RegistrationInviteOnly => 403,
            ErrorCode::UserNotFound | ErrorCode::ResetLinkInvalid => 404,
            ErrorCode::CannotChangeOwnAccount | ErrorCode::LastSiteAdmin => 409,
            ErrorCode::CannotMergeIntoItself => 422,
            ErrorCode::MergeConflict => 409,
            ErrorCode::HiddenCharacters => 422,
            ErrorCode::BodyTooLarge => 413,
            ErrorCode::ToleranceInvalid | ErrorCode::WholeUnitsOnly | ErrorCode::PackInvalid => 422,
            ErrorCode::PackAlreadyFull | ErrorCode::PackChanged => 409,
            ErrorCode::FamilyNotFound => 404,
            ErrorCode::FamilyHasNoPrice | ErrorCode::VariantRequired | ErrorCode::NotAVariant => {
                422
            }
            ErrorCode::FamilyMismatch => 409,
            ErrorCode::PayersDoNotAddUp => 422,
            ErrorCode::SettlementTooLarge | ErrorCode::SettlementDecided => 409,
            ErrorCode::SettlementNotFound => 404,
            ErrorCode::NotYourSettlement | ErrorCode::ProductUsedByOtherGroups => 403,
            ErrorCode::CostLabelInvalid => 422,
            ErrorCode::ExtraCostNotFound => 404,
            ErrorCode::IbanInvalid | ErrorCode::PayeeNameMissing => 422,
            ErrorCode::TokenNameInvalid => 422,
            ErrorCode::TokenNotFound => 404,
            ErrorCode::TooManyTokens => 409,
            ErrorCode::TokenInvalid => 401,
            ErrorCode::TokenScopeForbids => 403,
            ErrorCode::IdempotencyKeyInvalid => 400,
            ErrorCode::IdempotencyKeyReused => 422,
            ErrorCode::IdempotencyKeyInProgress => 409,
            ErrorCode::MethodNotAllowed => 405,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::InvalidInput => "INVALID_INPUT",
            ErrorCode::UsernameInvalid => "USERNAME_INVALID",
            ErrorCode::UsernameTaken => "USERNAME_TAKEN",
            ErrorCode::DisplayNameInvalid => "DISPLAY_NAME_INVALID",
            ErrorCode::PasswordTooShort => "PASSWORD_TOO_SHORT",
            ErrorCode::PasswordTooLong => "PASSWORD_TOO_LONG",
            ErrorCode::PasswordTooCommon => "PASSWORD_TOO_COMMON",
            ErrorCode::PasswordMismatch => "PASSWORD_MISMATCH",
            ErrorCode::PasswordIncorrect => "PASSWORD_INCORRECT",
            ErrorCode::InvalidCredentials => "INVALID_CREDENTIALS",
            ErrorCode::GroupNameInvalid => "GROUP_NAME_INVALID",
            ErrorCode::GroupNotFound => "GROUP_NOT_FOUND",
            ErrorCode::InviteNotFound => "INVITE_NOT_FOUND",
            ErrorCode::NotGroupAdmin => "NOT_GROUP_ADMIN",
            ErrorCode::GroupJoiningDisabled => "GROUP_JOINING_DISABLED",
            ErrorCode::AlreadyGroupMember => "ALREADY_GROUP_MEMBER",
            ErrorCode::NotAGroupMember => "NOT_A_GROUP_MEMBER",
            ErrorCode::UserMaxGroupsExceeded => "USER_MAX_GROUPS_EXCEEDED",
            ErrorCode::GroupMaxMembersExceeded => "GROUP_MAX_MEMBERS_EXCEEDED",
            ErrorCode::LastGroupAdmin => "LAST_GROUP_ADMIN",
            ErrorCode::CannotRemoveGroupAdmin => "CANNOT_REMOVE_GROUP_ADMIN",
            ErrorCode::StoreNameInvalid => "STORE_NAME_INVALID",
            ErrorCode::ProductNameInvalid => "PRODUCT_NAME_INVALID",
            ErrorCode::TextTooLong => "TEXT_TOO_LONG",
            ErrorCode::AmountInvalid => "AMOUNT_INVALID",
            ErrorCode::StoreNotFound => "STORE_NOT_FOUND",
            ErrorCode::ProductNotFound => "PRODUCT_NOT_FOUND",
            ErrorCode::NotAllowedToEdit => "NOT_ALLOWED_TO_EDIT",
            ErrorCode::SearchQueryInvalid => "SEARCH_QUERY_INVALID",
            ErrorCode::RunNotFound => "RUN_NOT_FOUND",
            ErrorCode::NotRunParticipant => "NOT_RUN_PARTICIPANT",
            ErrorCode::NotRunLeader => "NOT_RUN_LEADER",
            ErrorCode::NotRunLeaderOrHelper => "NOT_RUN_LEADER_OR_HELPER",
            ErrorCode::RunStateForbids => "RUN_STATE_FORBIDS",
            ErrorCode::QuantityInvalid => "QUANTITY_INVALID",
            ErrorCode::PlannedDateInvalid => "PLANNED_DATE_INVALID",
            ErrorCode::BidNotFound => "BID_NOT_FOUND",
            ErrorCode::RunMaxProductsExceeded => "RUN_MAX_PRODUCTS_EXCEEDED",
            ErrorCode::GroupMaxActiveRunsExceeded => "GROUP_MAX_ACTIVE_RUNS_EXCEEDED",
            ErrorCode::LeaderCannotBeHelper => "LEADER_CANNOT_BE_HELPER",
            ErrorCode::TransferToSelf => "TRANSFER_TO_SELF",
            ErrorCode::TransferTargetNotParticipant => "TRANSFER_TARGET_NOT_PARTICIPANT",
            ErrorCode::TransferAlreadyPending => "TRANSFER_ALREADY_PENDING",
            ErrorCode::TransferNotFound => "TRANSFER_NOT_FOUND",
            ErrorCode::LeaderIsAlwaysReady => "LEADER_IS_ALWAYS_READY",
            ErrorCode::NothingToAdjust => "NOTHING_TO_ADJUST",
            ErrorCode::AdjustOnlyDown => "ADJUST_ONLY_DOWN",
            ErrorCode::AdjustBelowBought => "ADJUST_BELOW_BOUGHT",
            ErrorCode::AdjustOnlyUp => "ADJUST_ONLY_UP",
            ErrorCode::AdjustAboveBought => "ADJUST_ABOVE_BOUGHT",
            ErrorCode::AdjustNewProduct => "ADJUST_NEW_PRODUCT",
            ErrorCode::AdjustmentIncomplete => "ADJUSTMENT_INCOMPLETE",
            ErrorCode::ShoppingItemNotFound => "SHOPPING_ITEM_NOT_FOUND",
            ErrorCode::ItemAlreadyRecorded => "ITEM_ALREADY_RECORDED",
            ErrorCode::ItemAlreadyOnList => "ITEM_ALREADY_ON_LIST",
            ErrorCode::PriceMissing => "PRICE_MISSING",
            ErrorCode::PickUpsOutstanding => "PICK_UPS_OUTSTANDING",
            ErrorCode::AllocationNotFound => "ALLOCATION_NOT_FOUND",
            ErrorCode::AuthRequired => "AUTH_REQUIRED",
            ErrorCode::Forbidden => "FORBIDDEN",
            ErrorCode::NotFound => "NOT_FOUND",
            ErrorCode::RateLimited => "RATE_LIMITED",
            ErrorCode::TooManyStreams => "TOO_MANY_STREAMS",
            ErrorCode::CrossSiteRequest => "CROSS_SITE_REQUEST",
            ErrorCode::Unavailable => "UNAVAILABLE",
            ErrorCode::Network => "NETWORK",
            ErrorCode::Internal => "INTERNAL",
            ErrorCode::CurrencyInvalid => "CURRENCY_INVALID",
            ErrorCode::CurrencyLocked => "CURRENCY_LOCKED",
            ErrorCode::TimeZoneInvalid => "TIME_ZONE_INVALID",
            ErrorCode::NotSiteAdmin => "NOT_SITE_ADMIN",
            ErrorCode::UserNotFound => "USER_NOT_FOUND",
            ErrorCode::ResetLinkInvalid => "RESET_LINK_INVALID",
            ErrorCode::RegistrationClosed => "REGISTRATION_CLOSED",
            ErrorCode::RegistrationInviteOnly => "REGISTRATION_INVITE_ONLY",
            ErrorCode::CannotChangeOwnAccount => "CANNOT_CHANGE_OWN_ACCOUNT",
            ErrorCode::LastSiteAdmin => "LAST_SITE_ADMIN",
            ErrorCode::CannotMergeIntoItself => "CANNOT_MERGE_INTO_ITSELF",
            ErrorCode::MergeConflict => "MERGE_CONFLICT",
            ErrorCode::HiddenCharacters => "HIDDEN_CHARACTERS",
            ErrorCode::BodyTooLarge => "BODY_TOO_LARGE",
            ErrorCode::ToleranceInvalid => "TOLERANCE_INVALID",
            ErrorCode::WholeUnitsOnly => "WHOLE_UNITS_ONLY",
            ErrorCode::PackInvalid => "PACK_INVALID",
            ErrorCode::PackAlreadyFull => "PACK_ALREADY_FULL",
            ErrorCode::PackChanged => "PACK_CHANGED",
            ErrorCode::FamilyNotFound => "FAMILY_NOT_FOUND",
            ErrorCode::FamilyHasNoPrice => "FAMILY_HAS_NO_PRICE",
            ErrorCode::VariantRequired => "VARIANT_REQUIRED",
            ErrorCode::NotAVariant => "NOT_A_VARIANT",
            ErrorCode::FamilyMismatch => "FAMILY_MISMATCH",
            ErrorCode::PayersDoNotAddUp => "PAYERS_DO_NOT_ADD_UP",
            ErrorCode::SettlementTooLarge => "SETTLEMENT_TOO_LARGE",
            ErrorCode::SettlementNotFound => "SETTLEMENT_NOT_FOUND",
            ErrorCode::SettlementDecided => "SETTLEMENT_DECIDED",
            ErrorCode::NotYourSettlement => "NOT_YOUR_SETTLEMENT",
            ErrorCode::ProductUsedByOtherGroups => "PRODUCT_USED_BY_OTHER_GROUPS",
            ErrorCode::CostLabelInvalid => "COST_LABEL_INVALID",
            ErrorCode::ExtraCostNotFound => "EXTRA_COST_NOT_FOUND",
            ErrorCode::IbanInvalid => "IBAN_INVALID",
            ErrorCode::PayeeNameMissing => "PAYEE_NAME_MISSING",
            ErrorCode::TokenNameInvalid => "TOKEN_NAME_INVALID",
            ErrorCode::TokenNotFound => "TOKEN_NOT_FOUND",
            ErrorCode::TooManyTokens => "TOO_MANY_TOKENS",
            ErrorCode::TokenInvalid => "TOKEN_INVALID",
            ErrorCode::TokenScopeForbids => "TOKEN_SCOPE_FORBIDS",
            ErrorCode::IdempotencyKeyInvalid => "IDEMPOTENCY_KEY_INVALID",
            ErrorCode::IdempotencyKeyReused => "IDEMPOTENCY_KEY_REUSED",
            ErrorCode::IdempotencyKeyInProgress => "IDEMPOTENCY_KEY_IN_PROGRESS",
            ErrorCode::MethodNotAllowed => "METHOD_NOT_ALLOWED",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[error("{}", code.as_str())]
pub struct AppError {
    pub code: ErrorCode,
    /// Seconds until a rate-limited request may be retried.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "plausible_retry"
    )]
    pub retry_after_secs: Option<u64>,
    /// The request id of an internal error, so a user can quote it and an operator find the log.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "request_id_only"
    )]
    pub reference: Option<String>,
}

/// A no-JS form's error travels in its page's address (`?__err=`), where anyone can write one:
/// what is read back may only be a request id, never text of the link's choosing.
fn request_id_only<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<String>, D::Error> {
    let text = Option::<String>::deserialize(deserializer)?;
    Ok(text.filter(|id| {
        (1..=64).contains(&id.len()) && id.chars().all(|c| c.is_ascii_hexdigit() || c == '-')
    }))
}

/// A retry delay read back from an address is at most an hour.
fn plausible_retry<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<u64>, D::Error> {
    Ok(Option::<u64>::deserialize(deserializer)?.map(|seconds| seconds.min(3600)))
}

impl AppError {
    pub fn new(code: ErrorCode) -> Self {
        Self {
            code,
            retry_after_secs: None,
            reference: None,
        }
    }

    pub fn rate_limited(retry_after_secs: u64) -> Self {
        Self {
            retry_after_secs: Some(retry_after_secs),
            ..Self::new(ErrorCode::RateLimited)
        }
    }

    /// Logs the real cause on the server and returns the generic error the user sees.
    #[cfg(feature = "ssr")]
    pub fn internal(cause: impl std::fmt::Display) -> Self {
        tracing::error!(error = %cause, "internal error");
        Self::new(ErrorCode::Internal)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| r#"{"code":"INTERNAL"}"#.to_owned())
    }
}

impl From<ErrorCode> for AppError {
    fn from(code: ErrorCode) -> Self {
        Self::new(code)
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            // A request's body that does not decode (not UTF-8, not the form it should be) is
            // bad input, not a fault of ours.
            ServerFnErrorErr::Args(_)
            | ServerFnErrorErr::MissingArg(_)
            | ServerFnErrorErr::Deserialization(_) => Self::new(ErrorCode::InvalidInput),
            ServerFnErrorErr::Request(_) => Self::new(ErrorCode::Network),
            #[cfg(feature = "ssr")]
            other => Self::internal(other),
            #[cfg(not(feature = "ssr"))]
            _ => Self::new(ErrorCode::Internal),
        }
    }
}

#[cfg(feature = "ssr")]
impl From<sqlx::Error> for AppError {
    fn from(err: sqlx::Error) -> Self {
        if database_unavailable(&err) {
            // Load or an outage, not a bug: the user is told to try again (503) at once.
            tracing::warn!(error = %err, "database unavailable");
            return Self::new(ErrorCode::Unavailable);
        }
        Self::internal(err)
    }
}

/// Whether a database error means "not now" rather than "wrong": a saturated pool, a lost or
/// refused connection, Postgres shutting down or out of connections, a statement cancelled by its
/// timeout, a transaction that lost a serialization race or a deadlock.
#[cfg(feature = "ssr")]
fn database_unavailable(err: &sqlx::Error) -> bool {
    match err {
        sqlx::Error::PoolTimedOut
        | sqlx::Error::PoolClosed
        | sqlx::Error::Io(_)
        | sqlx::Error::Tls(_)
        | sqlx::Error::WorkerCrashed => true,
        sqlx::Error::Database(db) => db.code().is_some_and(|code| {
            code.starts_with("08")
                || code.starts_with("53")
                || code.starts_with("57")
                || code == "40001"
                || code == "40P01"
        }),
        _ => false,
    }
}

pub type AppResult<T> = Result<T, AppError>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_error_read_back_from_a_link_carries_no_text_of_the_links_choosing() {
        let crafted = r#"{"code":"INTERNAL","reference":"call +1 555 0100 to fix","retry_after_secs":99999999}"#;
        let error: AppError = serde_json::from_str(crafted).unwrap();
        assert_eq!(error.reference, None);
        assert_eq!(error.retry_after_secs, Some(3600));
        let real = r#"{"code":"INTERNAL","reference":"0b8e5f0e-4a37-4c7e-9d55-52a1b1f0f3aa"}"#;
        let error: AppError = serde_json::from_str(real).unwrap();
        assert_eq!(
            error.reference.as_deref(),
            Some("0b8e5f0e-4a37-4c7e-9d55-52a1b1f0f3aa")
        );
    }

    #[test]
    fn codes_serialise_as_their_stable_names() {
        for code in ErrorCode::ALL {
            let json = serde_json::to_string(&code).unwrap();
            assert_eq!(json, format!("\"{}\"", code.as_str()));
        }
    }

    #[test]
    fn user_errors_are_client_errors_and_internal_is_500() {
        for code in ErrorCode::ALL {
            let status = code.http_status();
            match code {
                ErrorCode::Internal => assert_eq!(status, 500),
                ErrorCode::Unavailable | ErrorCode::Network => assert!(status >= 500),
                _ => assert!((400..500).contains(&status), "{code:?}"),
            }
        }
    }

    #[test]
    fn an_error_survives_the_wire() {
        let error = AppError::rate_limited(12);
        let back: AppError = serde_json::from_str(&error.to_json()).unwrap();
        assert_eq!(back, error);
    }
}
