//! Groups as their members see them.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::domain::paging::Page;

/// A group in the viewer's list of groups.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupSummary {
    pub id: Uuid,
    pub name: String,
    pub member_count: i64,
    pub viewer_is_admin: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberView {
    pub user_id: Uuid,
    pub username: String,
    pub display_name: String,
    pub is_admin: bool,
}

/// A group as one of its members sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupDetail {
    pub id: Uuid,
    pub name: String,
    pub currency: String,
    /// A run already has prices, so the currency can no longer change.
    pub currency_locked: bool,
    pub invite_token: String,
    pub joining_allowed: bool,
    /// Cost estimates use only prices the group's own members saw.
    #[serde(default)]
    pub own_prices_only: bool,
    pub member_count: i64,
    pub admin_count: i64,
    pub viewer_id: Uuid,
    pub viewer_is_admin: bool,
    pub members: Page<MemberView>,
}

/// What an invite link shows before joining, also to visitors who are not logged in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvitePreview {
    pub group_id: Uuid,
    pub group_name: String,
    pub member_count: i64,
    pub joining_allowed: bool,
    /// Only known when the visitor is logged in.
    pub viewer_is_member: bool,
}
