//! What the admin area shows: accounts, the audit trail, the site's settings and a freshly made
//! password-reset link.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::admin::{
    AuditAction, CatalogueFilter, CatalogueKind, GroupFilter, RegistrationMode, UserFilter,
};
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
    /// Deleted: an anonymous former member, kept for runs' history.
    pub deleted: bool,
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

/// A product or store as the admin's catalogue list shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogueRow {
    pub id: uuid::Uuid,
    pub name: String,
    /// A product's brand and unit, a store's address.
    pub detail: String,
    pub verified: bool,
    pub archived: bool,
    /// The survivor this one was merged into.
    pub merged_into: Option<String>,
    /// Runs that use it (bids on a product, runs at a store).
    pub runs: i64,
}

/// Two entries that look like one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DuplicatePair {
    pub first: CatalogueRow,
    pub second: CatalogueRow,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogueList {
    pub kind: CatalogueKind,
    pub rows: Page<CatalogueRow>,
    pub search: String,
    pub filter: CatalogueFilter,
    /// Likely duplicates among current entries, most alike first.
    pub duplicates: Vec<DuplicatePair>,
}

/// A group as the admin's list shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminGroupRow {
    pub id: uuid::Uuid,
    pub name: String,
    pub members: i64,
    /// Runs not completed or cancelled.
    pub open_runs: i64,
    /// The newest change to the group or any of its runs.
    pub last_activity: DateTime<Utc>,
    pub archived: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminGroupList {
    pub groups: Page<AdminGroupRow>,
    pub search: String,
    pub filter: GroupFilter,
}
