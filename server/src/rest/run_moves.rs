//! Opening a run and moving it on: each call is one of the moves the run state machine offers
//! (`actions` in a run says which the caller may make now) and answers the run's new state.

use app::domain::run::{parse_note, parse_planned_on};
use app::domain::run_state::RunState;
use app::server::AppContext;
use app::server::request::origin_of;
use app::server::runs::{self, distribution, shopping};
use axum::Json;
use axum::extract::rejection::{JsonRejection, PathRejection};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::http::request::Parts;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::rest::caller::Caller;
use crate::rest::error::{ApiResult, Refusals};
use crate::rest::idempotency::IdempotencyKey;

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewRunRequest {
    pub store_id: Uuid,
    /// The day the leader plans to shop.
    #[schema(format = Date, example = "2026-12-12")]
    pub planned_on: Option<String>,
    #[schema(max_length = 500)]
    pub comment: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct Created {
    pub id: Uuid,
}

/// Opens a run of the group at a store; the caller leads it.
#[utoipa::path(post, path = "/groups/{group_id}/runs", tag = "runs", security(("bearer" = [])),
    params(("group_id" = Uuid, Path), IdempotencyKey),
    request_body = NewRunRequest,
    responses((status = 201, body = Created), Refusals))]
pub async fn create(
    State(ctx): State<AppContext>,
    caller: Caller,
    path: Result<Path<Uuid>, PathRejection>,
    body: Result<Json<NewRunRequest>, JsonRejection>,
) -> ApiResult<(StatusCode, Json<Created>)> {
    let Path(group_id) = path?;
    let Json(request) = body?;
    let new = runs::NewRun {
        group_id,
        store_id: request.store_id,
        comment: parse_note(request.comment.as_deref().unwrap_or(""))?,
        planned_on: parse_planned_on(request.planned_on.as_deref().unwrap_or(""))?,
    };
    let id = runs::create(&ctx.db, caller.user_id(), &new).await?;
    Ok((StatusCode::CREATED, Json(Created { id })))
}

#[derive(Serialize, ToSchema)]
pub struct Moved {
    /// The run's state after the move.
    pub state: RunState,
}

fn moved(state: RunState) -> Json<Moved> {
    Json(Moved { state })
}

#[derive(Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ConfirmRequest {
    /// Products whose last pack nobody's tolerance fills that the leader rounds up (the rest
    /// are rounded down).
    #[serde(default)]
    pub round_up: Vec<Uuid>,
}

/// The leader freezes the orders.
#[utoipa::path(post, path = "/runs/{run_id}/confirm", tag = "runs", security(("bearer" = [])),
    params(("run_id" = Uuid, Path), IdempotencyKey),
    request_body = ConfirmRequest,
    responses((status = 200, body = Moved), Refusals))]
pub async fn confirm(
    State(ctx): State<AppContext>,
    caller: Caller,
    path: Result<Path<Uuid>, PathRejection>,
    body: Result<Json<ConfirmRequest>, JsonRejection>,
) -> ApiResult<Json<Moved>> {
    let Path(run_id) = path?;
    let Json(request) = body?;
    Ok(moved(
        runs::confirm(&ctx.db, caller.user_id(), run_id, &request.round_up).await?,
    ))
}

/// The leader opens a confirmed run for bids again.
#[utoipa::path(post, path = "/runs/{run_id}/reopen", tag = "runs", security(("bearer" = [])),
    params(("run_id" = Uuid, Path), IdempotencyKey),
    responses((status = 200, body = Moved), Refusals))]
pub async fn reopen(
    State(ctx): State<AppContext>,
    caller: Caller,
    path: Result<Path<Uuid>, PathRejection>,
) -> ApiResult<Json<Moved>> {
    let Path(run_id) = path?;
    Ok(moved(
        runs::reopen(&ctx.db, caller.user_id(), run_id).await?,
    ))
}

#[derive(Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CancelRequest {
    /// Why, for everyone taking part.
    #[schema(max_length = 500)]
    pub reason: Option<String>,
}

/// The leader calls the run off.
#[utoipa::path(post, path = "/runs/{run_id}/cancel", tag = "runs", security(("bearer" = [])),
    params(("run_id" = Uuid, Path), IdempotencyKey),
    request_body = CancelRequest,
    responses((status = 200, body = Moved), Refusals))]
pub async fn cancel(
    State(ctx): State<AppContext>,
    caller: Caller,
    parts: Parts,
    path: Result<Path<Uuid>, PathRejection>,
    body: Result<Json<CancelRequest>, JsonRejection>,
) -> ApiResult<Json<Moved>> {
    let Path(run_id) = path?;
    let Json(request) = body?;
    let reason = parse_note(request.reason.as_deref().unwrap_or(""))?;
    let state = runs::cancel(
        &ctx.db,
        caller.user_id(),
        run_id,
        &reason,
        &origin_of(&parts),
    )
    .await?;
    Ok(moved(state))
}

/// The leader is in the store: the shopping list is made from the bids.
#[utoipa::path(post, path = "/runs/{run_id}/shopping/start", tag = "shopping", security(("bearer" = [])),
    params(("run_id" = Uuid, Path), IdempotencyKey),
    responses((status = 200, body = Moved), Refusals))]
pub async fn start_shopping(
    State(ctx): State<AppContext>,
    caller: Caller,
    path: Result<Path<Uuid>, PathRejection>,
) -> ApiResult<Json<Moved>> {
    let Path(run_id) = path?;
    Ok(moved(
        shopping::start(&ctx.db, caller.user_id(), run_id).await?,
    ))
}

/// Done in the store: the run ends (nothing bought), adjusts (a quantity differs) or shares out.
#[utoipa::path(post, path = "/runs/{run_id}/shopping/complete", tag = "shopping", security(("bearer" = [])),
    params(("run_id" = Uuid, Path), IdempotencyKey),
    responses((status = 200, body = Moved), Refusals))]
pub async fn complete_shopping(
    State(ctx): State<AppContext>,
    caller: Caller,
    path: Result<Path<Uuid>, PathRejection>,
) -> ApiResult<Json<Moved>> {
    let Path(run_id) = path?;
    Ok(moved(
        shopping::complete(&ctx.db, caller.user_id(), run_id).await?,
    ))
}

#[derive(Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FinishAdjustingRequest {
    /// Finish even where bids do not match what was bought: shortages are cut in proportion,
    /// surpluses go to the leader.
    #[serde(default)]
    pub force: bool,
}

/// The leader ends adjusting: allocations are fixed and goods are handed out.
#[utoipa::path(post, path = "/runs/{run_id}/adjusting/finish", tag = "distribution", security(("bearer" = [])),
    params(("run_id" = Uuid, Path), IdempotencyKey),
    request_body = FinishAdjustingRequest,
    responses((status = 200, body = Moved), Refusals))]
pub async fn finish_adjusting(
    State(ctx): State<AppContext>,
    caller: Caller,
    path: Result<Path<Uuid>, PathRejection>,
    body: Result<Json<FinishAdjustingRequest>, JsonRejection>,
) -> ApiResult<Json<Moved>> {
    let Path(run_id) = path?;
    let Json(request) = body?;
    let state =
        distribution::finish_adjusting(&ctx.db, caller.user_id(), run_id, request.force).await?;
    Ok(moved(state))
}

/// The leader closes the run once everything was picked up.
#[utoipa::path(post, path = "/runs/{run_id}/complete", tag = "distribution", security(("bearer" = [])),
    params(("run_id" = Uuid, Path), IdempotencyKey),
    responses((status = 200, body = Moved), Refusals))]
pub async fn complete(
    State(ctx): State<AppContext>,
    caller: Caller,
    path: Result<Path<Uuid>, PathRejection>,
) -> ApiResult<Json<Moved>> {
    let Path(run_id) = path?;
    Ok(moved(
        distribution::complete(&ctx.db, caller.user_id(), run_id).await?,
    ))
}
