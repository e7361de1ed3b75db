//! What the admin area shows: accounts, the audit trail, the site's settings and a freshly made
//! password-reset link.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::admin::{AuditAction, RegistrationMode, UserFilter};
use crate::domain::ids::UserId;
use crate::domain::paging::Page;

/// One account in the admin's list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminUserRow {
    pub id: UserId,
    pub username: String,
    pub display_name: String,
    pub verified: bool,
    pub is_admin: bool,
    pub disabled: bool,
    pub created_at: DateTime<Utc>,
    pub group_count: i64,
}

/// The admin's account list: a page of it, with the search and filter that made it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminUserList {
    pub users: Page<AdminUserRow>,
    pub search: String,
    pub filter: UserFilter,
    /// The admin looking, who may not demote or disable themselves.
    pub viewer_id: UserId,
}

/// One entry of the audit trail as an admin reads it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntryView {
    pub id: i64,
    pub at: DateTime<Utc>,
    pub actor: Option<String>,
    pub action: AuditAction,
    pub target: Option<String>,
    pub detail: Option<String>,
    pub request_id: Option<String>,
    pub client_addr: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditTrail {
    pub entries: Page<AuditEntryView>,
    /// The username filtered by, as typed.
    pub user: String,
    pub action: Option<AuditAction>,
    pub retention_days: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteSettingsView {
    pub registration: RegistrationMode,
}

/// A password-reset link just made: the only time its token is seen.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResetLinkView {
    pub username: String,
    pub path: String,
    pub expires_at: DateTime<Utc>,
}

/// What the reset page shows before a new password is chosen.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResetLinkPreview {
    pub username: String,
    pub display_name: String,
}
