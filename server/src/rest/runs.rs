//! `/runs/{run_id}`: a run as its group's members see it, with the actions the run state machine
//! offers the caller, and the caller's bids and readiness. The run answers with an `ETag`, so a
//! phone polling it with `If-None-Match` gets `304 Not Modified` and no body while nothing changed.

use app::domain::run::{BidAmount, parse_note};
use app::domain::run_state::{RunAction, RunRole, RunState, offered_actions};
use app::model::{BidOutcome, RunDetail, RunProduct};
use app::server::AppContext;
use app::server::runs::{self, bids, detail};
use axum::Json;
use axum::extract::rejection::{JsonRejection, PathRejection};
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::rest::caller::Caller;
use crate::rest::error::{ApiResult, Refusals};
use crate::rest::idempotency::IdempotencyKey;

/// A quantity as an exact decimal string: "1.5", "2", "0.125".
type Decimal = String;

#[derive(Serialize, ToSchema)]
pub struct Run {
    pub id: Uuid,
    pub group_id: Uuid,
    pub group_name: String,
    pub store_id: Uuid,
    pub store_name: String,
    pub state: RunState,
    pub comment: String,
    pub planned_on: Option<NaiveDate>,
    pub cancel_reason: String,
    pub created_at: DateTime<Utc>,
    /// ISO 4217 code of the group's money; prices are in its minor units.
    pub currency: String,
    pub your_role: RunRole,
    /// What the caller may do now, as the run state machine says.
    pub actions: Vec<RunAction>,
    pub participants: Vec<Participant>,
    pub products: Vec<Product>,
}

#[derive(Serialize, ToSchema)]
pub struct Participant {
    pub user_id: Uuid,
    pub display_name: String,
    pub is_leader: bool,
    pub is_helper: bool,
    pub is_ready: bool,
    /// Left the group; their bids stay part of the run.
    pub removed: bool,
}

#[derive(Serialize, ToSchema)]
pub struct Product {
    pub product_id: Uuid,
    pub name: String,
    pub brand: String,
    pub unit: String,
    /// The newest known price per unit, in minor units of `currency`.
    pub price_minor: Option<i64>,
    /// Everyone's committed quantity.
    #[schema(value_type = String, example = "2.5")]
    pub total: Decimal,
    pub interested_count: i64,
    /// What was bought, once recorded.
    #[schema(value_type = Option<String>, example = "3")]
    pub bought: Option<Decimal>,
    pub bids: Vec<Bid>,
}

#[derive(Serialize, ToSchema)]
pub struct Bid {
    pub user_id: Uuid,
    #[schema(value_type = String, example = "1.5")]
    pub quantity: Decimal,
    /// "Interested" without a quantity.
    pub interested_only: bool,
    /// How much more they would take to fill a pack.
    #[schema(value_type = String, example = "0")]
    pub tolerance: Decimal,
    pub comment: String,
}

fn product(item: RunProduct, people: &[Uuid]) -> Product {
    Product {
        product_id: item.product_id,
        name: item.name,
        brand: item.brand,
        unit: item.unit,
        price_minor: item.current_price,
        total: item.total.to_string(),
        interested_count: item.interested_count,
        bought: item.bought.map(|bought| bought.to_string()),
        bids: item
            .bids
            .into_iter()
            .filter_map(|bid| {
                Some(Bid {
                    user_id: *people.get(bid.participant)?,
                    quantity: bid.quantity.to_string(),
                    interested_only: bid.interested_only,
                    tolerance: bid.tolerance.to_string(),
                    comment: bid.comment,
                })
            })
            .collect(),
    }
}

fn run(detail: RunDetail) -> Run {
    let people: Vec<Uuid> = detail.participants.iter().map(|p| p.user_id).collect();
    Run {
        id: detail.id,
        group_id: detail.group_id,
        group_name: detail.group_name,
        store_id: detail.store_id,
        store_name: detail.store_name,
        state: detail.state,
        comment: detail.comment,
        planned_on: detail.planned_on,
        cancel_reason: detail.cancel_reason,
        created_at: detail.created_at,
        currency: detail.currency,
        your_role: detail.viewer_role,
        actions: offered_actions(detail.state, detail.viewer_role),
        participants: detail
            .participants
            .into_iter()
            .map(|p| Participant {
                user_id: p.user_id,
                display_name: p.display_name,
                is_leader: p.is_leader,
                is_helper: p.is_helper,
                is_ready: p.is_ready,
                removed: p.removed,
            })
            .collect(),
        products: detail
            .products
            .into_iter()
            .map(|item| product(item, &people))
            .collect(),
    }
}

/// A strong validator of the exact answer.
fn etag_of(body: &[u8]) -> String {
    format!(
        "\"{}\"",
        URL_SAFE_NO_PAD.encode(&Sha256::digest(body)[..18])
    )
}

fn matches(headers: &HeaderMap, etag: &str) -> bool {
    headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .map(str::trim)
        .any(|candidate| {
            candidate == etag || candidate == "*" || candidate.strip_prefix("W/") == Some(etag)
        })
}

/// A run of one of the caller's groups.
#[utoipa::path(get, path = "/runs/{run_id}", tag = "runs", security(("bearer" = [])),
    params(("run_id" = Uuid, Path),
           ("If-None-Match" = Option<String>, Header, description = "The ETag of the copy you have")),
    responses(
        (status = 200, body = Run, headers(("ETag" = String))),
        (status = 304, description = "Unchanged since the ETag you sent", headers(("ETag" = String))),
        Refusals))]
pub async fn show(
    State(ctx): State<AppContext>,
    caller: Caller,
    headers: HeaderMap,
    path: Result<Path<Uuid>, PathRejection>,
) -> ApiResult<Response> {
    let Path(run_id) = path?;
    let detail = detail::detail_cached(&ctx.db, &ctx.runs, caller.user_id(), run_id).await?;
    let body = serde_json::to_vec(&run(detail)).map_err(app::error::AppError::internal)?;
    let etag = etag_of(&body);
    let etag_value = HeaderValue::from_str(&etag).map_err(app::error::AppError::internal)?;
    if matches(&headers, &etag) {
        return Ok((StatusCode::NOT_MODIFIED, [(header::ETAG, etag_value)]).into_response());
    }
    Ok((
        [
            (header::ETAG, etag_value),
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            ),
        ],
        body,
    )
        .into_response())
}

/// A bid: a quantity (with an optional tolerance), or only interest.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BidRequest {
    /// Exact decimal, more than 0, at most 3 decimals; required unless `interested_only`.
    #[schema(example = "1.5", pattern = "^[0-9]{0,5}([.,][0-9]{1,3})?$")]
    pub quantity: Option<String>,
    /// How much more you would take to fill a pack (decimal, 0 when absent; only for products
    /// sold by the pack).
    #[schema(example = "0.5", pattern = "^[0-9]{0,5}([.,][0-9]{1,3})?$")]
    pub tolerance: Option<String>,
    #[serde(default)]
    pub interested_only: bool,
    #[schema(max_length = 500)]
    pub comment: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct BidResult {
    /// The product's committed total after the change.
    #[schema(value_type = String, example = "4.5")]
    pub total: Decimal,
    /// The run's new state when this bid moved it (a first bid moves a planned run to active).
    pub run_state: Option<RunState>,
}

impl From<BidOutcome> for BidResult {
    fn from(outcome: BidOutcome) -> Self {
        Self {
            total: outcome.total.to_string(),
            run_state: outcome.new_state,
        }
    }
}

/// Places or changes the caller's bid on a product of the run.
#[utoipa::path(put, path = "/runs/{run_id}/bids/{product_id}", tag = "bids", security(("bearer" = [])),
    params(("run_id" = Uuid, Path), ("product_id" = Uuid, Path), IdempotencyKey),
    request_body = BidRequest,
    responses((status = 200, body = BidResult), Refusals))]
pub async fn place_bid(
    State(ctx): State<AppContext>,
    caller: Caller,
    path: Result<Path<(Uuid, Uuid)>, PathRejection>,
    body: Result<Json<BidRequest>, JsonRejection>,
) -> ApiResult<Json<BidResult>> {
    let Path((run_id, product_id)) = path?;
    let Json(bid) = body?;
    let amount = if bid.interested_only {
        BidAmount::InterestedOnly
    } else {
        BidAmount::parse(
            bid.quantity.as_deref().unwrap_or(""),
            bid.tolerance.as_deref().unwrap_or(""),
            false,
        )?
    };
    let comment = parse_note(bid.comment.as_deref().unwrap_or(""))?;
    let outcome = bids::place(
        &ctx.db,
        caller.user_id(),
        run_id,
        product_id,
        amount,
        &comment,
    )
    .await?;
    Ok(Json(outcome.into()))
}

/// Takes the caller's bid on a product back.
#[utoipa::path(delete, path = "/runs/{run_id}/bids/{product_id}", tag = "bids", security(("bearer" = [])),
    params(("run_id" = Uuid, Path), ("product_id" = Uuid, Path), IdempotencyKey),
    responses((status = 200, body = BidResult), Refusals))]
pub async fn retract_bid(
    State(ctx): State<AppContext>,
    caller: Caller,
    path: Result<Path<(Uuid, Uuid)>, PathRejection>,
) -> ApiResult<Json<BidResult>> {
    let Path((run_id, product_id)) = path?;
    let outcome = bids::retract(&ctx.db, caller.user_id(), run_id, product_id).await?;
    Ok(Json(outcome.into()))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReadyRequest {
    pub ready: bool,
}

/// Says whether the caller is done bidding.
#[utoipa::path(put, path = "/runs/{run_id}/ready", tag = "bids", security(("bearer" = [])),
    params(("run_id" = Uuid, Path), IdempotencyKey),
    request_body = ReadyRequest,
    responses((status = 204, description = "Saved"), Refusals))]
pub async fn set_ready(
    State(ctx): State<AppContext>,
    caller: Caller,
    path: Result<Path<Uuid>, PathRejection>,
    body: Result<Json<ReadyRequest>, JsonRejection>,
) -> ApiResult<StatusCode> {
    let Path(run_id) = path?;
    let Json(ready) = body?;
    runs::set_ready(&ctx.db, caller.user_id(), run_id, ready.ready).await?;
    Ok(StatusCode::NO_CONTENT)
}
