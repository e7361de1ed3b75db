//! `/notifications`: the caller's news, grouped as the notifications page shows it (one entry per
//! kind and run), and marking it read.

use app::domain::notification::NotificationKind;
use app::domain::run_state::RunState;
use app::server::{AppContext, notifications};
use axum::Json;
use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::extract::{Query, State};
use axum::http::StatusCode;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::rest::caller::Caller;
use crate::rest::error::{ApiResult, Refusals};
use crate::rest::idempotency::IdempotencyKey;
use crate::rest::paging::{ListQuery, Paged};

#[derive(Serialize, ToSchema)]
pub struct Notification {
    pub kind: NotificationKind,
    /// The run it is about, if any.
    pub run_id: Option<Uuid>,
    /// The run's store, or the group's name for group news.
    pub subject: String,
    /// The newest entry's run state, for state changes.
    pub state: Option<RunState>,
    /// The reason given, for cancellations.
    pub reason: String,
    /// How many notifications this entry stands for.
    pub count: i64,
    pub unread: bool,
    pub latest_at: DateTime<Utc>,
}

/// The caller's notifications, unread first, newest first.
#[utoipa::path(get, path = "/notifications", tag = "notifications", security(("bearer" = [])),
    params(ListQuery),
    responses((status = 200, body = Paged<Notification>), Refusals))]
pub async fn list(
    State(ctx): State<AppContext>,
    caller: Caller,
    query: Result<Query<ListQuery>, QueryRejection>,
) -> ApiResult<Json<Paged<Notification>>> {
    let page = query?.page()?;
    let list = notifications::list(&ctx.db, caller.user_id(), page).await?;
    Ok(Json(Paged::from_page(list, |entry| Notification {
        kind: entry.kind,
        run_id: entry.run_id,
        subject: entry.subject,
        state: entry.state,
        reason: entry.reason,
        count: entry.count,
        unread: entry.unread,
        latest_at: entry.latest_at,
    })))
}

/// One entry of the list: its kind and run (none for group news).
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReadRequest {
    pub kind: NotificationKind,
    pub run_id: Option<Uuid>,
}

/// Marks one entry read; marking an entry that is already read changes nothing.
#[utoipa::path(post, path = "/notifications/read", tag = "notifications", security(("bearer" = [])),
    params(IdempotencyKey),
    request_body = ReadRequest,
    responses((status = 204, description = "Marked read"), Refusals))]
pub async fn mark_read(
    State(ctx): State<AppContext>,
    caller: Caller,
    body: Result<Json<ReadRequest>, JsonRejection>,
) -> ApiResult<StatusCode> {
    let Json(entry) = body?;
    notifications::mark_read(&ctx.db, caller.user_id(), entry.kind, entry.run_id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Marks everything read.
#[utoipa::path(post, path = "/notifications/read-all", tag = "notifications", security(("bearer" = [])),
    params(IdempotencyKey),
    responses((status = 204, description = "All marked read"), Refusals))]
pub async fn mark_all_read(State(ctx): State<AppContext>, caller: Caller) -> ApiResult<StatusCode> {
    notifications::mark_all_read(&ctx.db, caller.user_id()).await?;
    Ok(StatusCode::NO_CONTENT)
}
