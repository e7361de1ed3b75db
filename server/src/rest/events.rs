//! Live events for API clients, as Server-Sent Events, authorised by the token: the same events
//! the pages receive, for what the caller may see. A stream ends with `gone` when its token is
//! revoked or expires, or the caller leaves the group; `resync` asks the client to reload.

use app::error::ErrorCode;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::response::Response;
use uuid::Uuid;

use crate::realtime::stream::{self, Credential, LiveState, Scope};
use crate::rest::caller::Caller;
use crate::rest::error::{ApiError, ApiResult, Refusals};

async fn watch(live: LiveState, caller: &Caller, scope: Scope) -> ApiResult<Response> {
    let credential = Credential::Token(caller.0.token_id);
    stream::watch(live, caller.user_id(), credential, scope)
        .await
        .map_err(|code: ErrorCode| ApiError::from(code))
}

/// What happens in one run, live.
#[utoipa::path(get, path = "/runs/{run_id}/events", tag = "runs", security(("bearer" = [])),
    params(("run_id" = Uuid, Path)),
    responses(
        (status = 200, content_type = "text/event-stream", body = String,
         description = "Each event's `data` is the JSON of what changed (`{\"type\": \"bid_changed\", …}`); \
                        `resync` means reload the run, `gone` that the stream ended."),
        Refusals))]
pub async fn run(
    State(live): State<LiveState>,
    caller: Caller,
    path: Result<Path<Uuid>, PathRejection>,
) -> ApiResult<Response> {
    let Path(run_id) = path?;
    watch(live, &caller, Scope::Run(run_id.to_string())).await
}

/// What happens in all of the caller's groups, live (joining a group adds it).
#[utoipa::path(get, path = "/events", tag = "notifications", security(("bearer" = [])),
    responses(
        (status = 200, content_type = "text/event-stream", body = String,
         description = "As for a run's events, for every group of the caller."),
        Refusals))]
pub async fn mine(State(live): State<LiveState>, caller: Caller) -> ApiResult<Response> {
    watch(live, &caller, Scope::Mine).await
}
