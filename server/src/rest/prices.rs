//! A product with the newest price at each store, its price history, and recording a price seen
//! on a shelf. Prices outside a run are in the site's currency (`record_currency`).

use app::domain::catalogue::parse_price_note;
use app::domain::paging::PageRequest;
use app::domain::quantity::{MAX_BID, Quantity};
use app::error::ErrorCode;
use app::model::PricePoint;
use app::server::{AppContext, prices, products};
use axum::Json;
use axum::extract::rejection::{JsonRejection, PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
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
pub struct Price {
    pub store_id: Uuid,
    pub store_name: String,
    /// The price of one unit, in minor units of `currency` (rounded when seen for a pack).
    pub amount_minor: i64,
    pub currency: String,
    /// Seen for a whole pack: its size…
    #[schema(value_type = Option<String>, example = "12")]
    pub pack_size: Option<String>,
    /// …and exactly what the pack cost, in minor units.
    pub pack_amount_minor: Option<i64>,
    pub note: String,
    pub observed_at: DateTime<Utc>,
    /// Who saw it, when they share a group with the caller.
    pub observed_by: Option<String>,
}

fn price(point: PricePoint) -> Price {
    Price {
        store_id: point.store_id,
        store_name: point.store_name,
        amount_minor: point.amount_minor,
        currency: point.currency,
        pack_size: point.pack.map(|(size, _)| size.to_string()),
        pack_amount_minor: point.pack.map(|(_, amount)| amount),
        note: point.note,
        observed_at: point.observed_at,
        observed_by: point.observed_by,
    }
}

#[derive(Serialize, ToSchema)]
pub struct ProductWithPrices {
    pub id: Uuid,
    pub name: String,
    pub brand: String,
    pub unit: String,
    pub is_family: bool,
    /// What a price recorded for it is taken in (ISO 4217).
    pub record_currency: String,
    /// The newest price at each store, cheapest first.
    pub current_prices: Vec<Price>,
}

/// A product and its newest price at each store (a merged product answers as the one it became).
#[utoipa::path(get, path = "/products/{product_id}", tag = "catalogue", security(("bearer" = [])),
    params(("product_id" = Uuid, Path)),
    responses((status = 200, body = ProductWithPrices), Refusals))]
pub async fn product(
    State(ctx): State<AppContext>,
    caller: Caller,
    path: Result<Path<Uuid>, PathRejection>,
) -> ApiResult<Json<ProductWithPrices>> {
    let Path(product_id) = path?;
    let history = PageRequest::new(None, 1);
    let detail = products::detail(
        &ctx.db,
        caller.account(),
        product_id,
        &ctx.default_currency,
        history,
    )
    .await?;
    Ok(Json(ProductWithPrices {
        id: detail.id,
        name: detail.name,
        brand: detail.brand,
        unit: detail.unit,
        is_family: detail.is_family,
        record_currency: detail.record_currency,
        current_prices: detail.current_prices.into_iter().map(price).collect(),
    }))
}

/// Every price recorded for a product, newest first.
#[utoipa::path(get, path = "/products/{product_id}/prices", tag = "catalogue", security(("bearer" = [])),
    params(("product_id" = Uuid, Path), ListQuery),
    responses((status = 200, body = Paged<Price>), Refusals))]
pub async fn history(
    State(ctx): State<AppContext>,
    caller: Caller,
    path: Result<Path<Uuid>, PathRejection>,
    query: Result<Query<ListQuery>, QueryRejection>,
) -> ApiResult<Json<Paged<Price>>> {
    let Path(product_id) = path?;
    let page = query?.page()?;
    let detail = products::detail(
        &ctx.db,
        caller.account(),
        product_id,
        &ctx.default_currency,
        page,
    )
    .await?;
    Ok(Json(Paged::from_page(detail.history, price)))
}

/// A price seen on a shelf.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PriceRequest {
    pub store_id: Uuid,
    /// The price of one unit, or of the whole pack when `pack_size` is given, in minor units.
    #[schema(minimum = 0, maximum = 100_000_000)]
    pub amount_minor: i64,
    /// Must be the product's `record_currency`.
    #[schema(example = "EUR", pattern = "^[A-Z]{3}$")]
    pub currency: String,
    #[schema(max_length = 200)]
    pub note: Option<String>,
    /// The size of the pack the price is for.
    #[schema(example = "12", pattern = "^[0-9]{0,5}([.,][0-9]{1,3})?$")]
    pub pack_size: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct Recorded {
    pub id: Uuid,
}

/// Records a price seen at a store.
#[utoipa::path(post, path = "/products/{product_id}/prices", tag = "catalogue", security(("bearer" = [])),
    params(("product_id" = Uuid, Path), IdempotencyKey),
    request_body = PriceRequest,
    responses((status = 201, body = Recorded), Refusals))]
pub async fn record(
    State(ctx): State<AppContext>,
    caller: Caller,
    path: Result<Path<Uuid>, PathRejection>,
    body: Result<Json<PriceRequest>, JsonRejection>,
) -> ApiResult<(StatusCode, Json<Recorded>)> {
    let Path(product_id) = path?;
    let Json(request) = body?;
    if request.currency != ctx.default_currency.as_str() {
        return Err(ErrorCode::CurrencyInvalid.into());
    }
    if !(0..=app::domain::money::MAX_AMOUNT_MINOR).contains(&request.amount_minor) {
        return Err(ErrorCode::AmountInvalid.into());
    }
    let note = parse_price_note(request.note.as_deref().unwrap_or(""))?;
    let pack_size = match request.pack_size.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(size) => Some(Quantity::parse_up_to(size, MAX_BID)?),
    };
    let observation = prices::Observation {
        product_id,
        store_id: request.store_id,
        amount_minor: request.amount_minor,
        currency: &ctx.default_currency,
        note: &note,
        pack_size,
    };
    let id = prices::record(&ctx.db, &ctx.cache, caller.user_id(), observation).await?;
    Ok((StatusCode::CREATED, Json(Recorded { id })))
}
