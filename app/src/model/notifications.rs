//! Notifications as their recipient sees them: grouped by what they are about (the same kind of
//! news about the same run), with how many there are and whether any is unread.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::domain::notification::NotificationKind;
use crate::domain::run_state::RunState;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotificationView {
    pub kind: NotificationKind,
    pub run_id: Option<Uuid>,
    /// The group whose money page a repayment's news leads to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub money_of: Option<Uuid>,
    /// The run's store, or the group's name for group news.
    pub subject: String,
    /// The newest entry's state and reason, for state changes and cancellations.
    pub state: Option<RunState>,
    pub reason: String,
    pub count: i64,
    pub unread: bool,
    pub latest_at: DateTime<Utc>,
}
