//! `/runs/{run_id}/shares` and pick-ups: who gets what of what was bought, why, and exactly what
//! each owes; the leader and helpers tick off what was handed over.

use app::domain::allocation::AllocationReason;
use app::server::AppContext;
use app::server::runs::detail;
use app::server::runs::distribution::{self, PickUp};
use axum::Json;
use axum::extract::rejection::{JsonRejection, PathRejection};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::rest::caller::Caller;
use crate::rest::error::{ApiResult, Refusals};
use crate::rest::idempotency::IdempotencyKey;

#[derive(Serialize, ToSchema)]
pub struct Shares {
    /// ISO 4217 code of the costs.
    pub currency: String,
    pub people: Vec<PersonShare>,
}

#[derive(Serialize, ToSchema)]
pub struct PersonShare {
    pub user_id: Uuid,
    pub display_name: String,
    /// What they owe in all, in minor units: their shares' costs add up to what was paid.
    pub total_minor: i64,
    pub shares: Vec<Share>,
}

#[derive(Serialize, ToSchema)]
pub struct Share {
    pub product_id: Uuid,
    pub product_name: String,
    pub unit: String,
    #[schema(value_type = String, example = "2")]
    pub asked: String,
    #[schema(value_type = String, example = "1.5")]
    pub quantity: String,
    pub reason: AllocationReason,
    pub cost_minor: i64,
    pub picked_up: bool,
}

/// Everyone's share of a run being handed out (empty before).
#[utoipa::path(get, path = "/runs/{run_id}/shares", tag = "distribution", security(("bearer" = [])),
    params(("run_id" = Uuid, Path)),
    responses((status = 200, body = Shares), Refusals))]
pub async fn shares(
    State(ctx): State<AppContext>,
    caller: Caller,
    path: Result<Path<Uuid>, PathRejection>,
) -> ApiResult<Json<Shares>> {
    let Path(run_id) = path?;
    let run = detail::detail_cached(&ctx.db, &ctx.runs, caller.user_id(), run_id).await?;
    let people = run
        .distribution
        .into_iter()
        .map(|person| PersonShare {
            total_minor: person.total_minor(),
            user_id: person.user_id,
            display_name: person.display_name,
            shares: person
                .shares
                .into_iter()
                .map(|share| Share {
                    product_id: share.product_id,
                    product_name: share.product_name,
                    unit: share.unit,
                    asked: share.asked.to_string(),
                    quantity: share.quantity.to_string(),
                    reason: share.reason,
                    cost_minor: share.cost_minor,
                    picked_up: share.picked_up,
                })
                .collect(),
        })
        .collect();
    Ok(Json(Shares {
        currency: run.currency,
        people,
    }))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PickUpRequest {
    /// One product; everything the person gets when absent.
    pub product_id: Option<Uuid>,
    /// `false` takes a mistaken tick back.
    pub picked_up: bool,
}

/// The leader or a helper marks a person's goods handed over.
#[utoipa::path(put, path = "/runs/{run_id}/pick-ups/{user_id}", tag = "distribution", security(("bearer" = [])),
    params(("run_id" = Uuid, Path), ("user_id" = Uuid, Path), IdempotencyKey),
    request_body = PickUpRequest,
    responses((status = 204, description = "Saved"), Refusals))]
pub async fn pick_up(
    State(ctx): State<AppContext>,
    caller: Caller,
    path: Result<Path<(Uuid, Uuid)>, PathRejection>,
    body: Result<Json<PickUpRequest>, JsonRejection>,
) -> ApiResult<StatusCode> {
    let Path((run_id, person)) = path?;
    let Json(request) = body?;
    let which = request.product_id.map_or(PickUp::Everything, PickUp::Item);
    distribution::set_picked_up(
        &ctx.db,
        caller.user_id(),
        run_id,
        person,
        which,
        request.picked_up,
    )
    .await?;
    Ok(StatusCode::NO_CONTENT)
}
