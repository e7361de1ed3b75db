//! The site's administration vocabulary: who may register, which kinds of change the audit trail
//! records, and how the admin's account list is filtered. Names are stable: they are stored.

use serde::{Deserialize, Serialize};
use strum::{EnumIter, EnumString, IntoStaticStr};

/// Who may create an account.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    EnumString,
    IntoStaticStr,
    EnumIter,
)]
#[strum(serialize_all = "snake_case")]
#[serde(rename_all = "snake_case")]
pub enum RegistrationMode {
    /// Anyone.
    #[default]
    Open,
    /// Only someone who arrives with a group's invite link.
    InviteOnly,
    /// Nobody; admins still make reset links for existing accounts.
    Closed,
}

impl RegistrationMode {
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn from_name(name: &str) -> Option<Self> {
        name.parse().ok()
    }

    /// Whether a registration may go ahead, knowing whether it came with a valid invite link.
    pub fn admits(self, with_invite: bool) -> bool {
        match self {
            RegistrationMode::Open => true,
            RegistrationMode::InviteOnly => with_invite,
            RegistrationMode::Closed => false,
        }
    }
}

/// A kind of change the audit trail records; its name is the stable action code stored and shown.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    EnumString,
    IntoStaticStr,
    EnumIter,
)]
#[strum(serialize_all = "SCREAMING_SNAKE_CASE")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum AuditAction {
    LoginSucceeded,
    LoginFailed,
    LoggedOut,
    PasswordChanged,
    PasswordResetLinkCreated,
    PasswordReset,
    UserVerified,
    UserUnverified,
    UserDisabled,
    UserEnabled,
    SiteAdminGranted,
    SiteAdminRevoked,
    RegistrationModeChanged,
    GroupAdminGranted,
    GroupAdminRevoked,
    MemberRemoved,
    RunCancelled,
    ProductVerified,
    ProductUnverified,
    ProductArchived,
    ProductUnarchived,
    ProductsMerged,
    StoreVerified,
    StoreUnverified,
    StoreArchived,
    StoreUnarchived,
    StoresMerged,
    GroupArchived,
    GroupUnarchived,
    UsernameChanged,
    DisplayNameChanged,
    AccountDeleted,
    AccountsMerged,
    RunPayersChanged,
    OtherSessionsEnded,
    ApiTokenCreated,
    ApiTokenRevoked,
}

impl AuditAction {
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn from_name(name: &str) -> Option<Self> {
        name.parse().ok()
    }
}

/// Which accounts the admin's list shows.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    EnumString,
    IntoStaticStr,
    EnumIter,
)]
#[strum(serialize_all = "snake_case")]
#[serde(rename_all = "snake_case")]
pub enum UserFilter {
    #[default]
    All,
    Verified,
    Unverified,
    Disabled,
    SiteAdmins,
}

impl UserFilter {
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// A filter named in a URL; anything unknown shows everyone.
    pub fn from_name(name: &str) -> Self {
        name.parse().unwrap_or_default()
    }
}

/// The two halves of the shared catalogue a site admin looks after.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, EnumString, IntoStaticStr,
)]
#[strum(serialize_all = "snake_case")]
#[serde(rename_all = "snake_case")]
pub enum CatalogueKind {
    Products,
    Stores,
}

impl CatalogueKind {
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

/// Which catalogue entries the admin's list shows.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    EnumString,
    IntoStaticStr,
    EnumIter,
)]
#[strum(serialize_all = "snake_case")]
#[serde(rename_all = "snake_case")]
pub enum CatalogueFilter {
    /// Everything still in use (not archived).
    #[default]
    Current,
    Verified,
    Unverified,
    Archived,
}

impl CatalogueFilter {
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn from_name(name: &str) -> Self {
        name.parse().unwrap_or_default()
    }
}

/// Which groups the admin's list shows.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    EnumString,
    IntoStaticStr,
    EnumIter,
)]
#[strum(serialize_all = "snake_case")]
#[serde(rename_all = "snake_case")]
pub enum GroupFilter {
    #[default]
    Current,
    Archived,
}

impl GroupFilter {
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn from_name(name: &str) -> Self {
        name.parse().unwrap_or_default()
    }
}

/// How long a password-reset link works.
pub const RESET_LINK_MINUTES: i64 = 60;

/// Rows of an admin list per page.
pub const ADMIN_PAGE_SIZE: u32 = 25;

/// Longest search text an admin list takes.
pub const ADMIN_SEARCH_MAX: usize = 100;

#[cfg(test)]
mod tests {
    use super::*;
    use strum::IntoEnumIterator;

    #[test]
    fn names_round_trip() {
        for mode in RegistrationMode::iter() {
            assert_eq!(RegistrationMode::from_name(mode.as_str()), Some(mode));
        }
        for action in AuditAction::iter() {
            assert_eq!(AuditAction::from_name(action.as_str()), Some(action));
            // The database's check: capitals and underscores, 3 to 64 of them.
            assert!(
                action
                    .as_str()
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c == '_')
            );
            assert!((3..=64).contains(&action.as_str().len()));
        }
        assert_eq!(AuditAction::LoginFailed.as_str(), "LOGIN_FAILED");
        assert_eq!(RegistrationMode::InviteOnly.as_str(), "invite_only");
        assert_eq!(UserFilter::from_name("nonsense"), UserFilter::All);
    }

    #[test]
    fn invite_only_admits_only_with_an_invite() {
        assert!(RegistrationMode::Open.admits(false));
        assert!(RegistrationMode::InviteOnly.admits(true));
        assert!(!RegistrationMode::InviteOnly.admits(false));
        assert!(!RegistrationMode::Closed.admits(true));
    }
}
