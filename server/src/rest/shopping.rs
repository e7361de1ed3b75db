//! `/runs/{run_id}/shopping`: the shopping list in the store, recording what was bought (or
//! that the store had none), and taking a mistaken record back.

use app::domain::ids::ProductId;
use app::domain::purchase::Purchase;
use app::domain::quantity::{MAX_PURCHASE, Quantity};
use app::domain::run_state::{RunRole, RunState};
use app::model::ShoppingItemView;
use app::server::AppContext;
use app::server::runs::shopping::{self, Entry, Record};
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
pub struct ShoppingList {
    pub run_id: Uuid,
    pub store_name: String,
    pub state: RunState,
    pub your_role: RunRole,
    /// What purchases are recorded in (ISO 4217).
    pub currency: String,
    /// Not yet recorded first, then in the order they were recorded.
    pub items: Vec<ShoppingItem>,
}

#[derive(Serialize, ToSchema)]
pub struct ShoppingItem {
    pub product_id: Uuid,
    pub name: String,
    pub brand: String,
    pub unit: String,
    /// What everyone asked for.
    #[schema(value_type = String, example = "4.5")]
    pub requested: String,
    /// The size of the pack it is bought in, when the store sells it by the pack.
    #[schema(value_type = Option<String>, example = "12")]
    pub pack_size: Option<String>,
    /// A family on the list ("any rice"), bought as one of its variants.
    pub is_family: bool,
    /// The newest price seen at the store before it was bought, in minor units.
    pub last_price_minor: Option<i64>,
    /// What was recorded; `null` while it is still to buy.
    pub purchase: Option<RecordedPurchase>,
}

#[derive(Serialize, ToSchema)]
pub struct RecordedPurchase {
    /// `"0"` when the store had none.
    #[schema(value_type = String, example = "4.5")]
    pub quantity: String,
    pub unit_price_minor: i64,
    pub total_minor: i64,
    /// Who recorded it.
    pub by: String,
}

fn item(view: ShoppingItemView) -> ShoppingItem {
    let last_price_minor = view.last_price().map(|price| price.amount_minor);
    ShoppingItem {
        product_id: view.product_id,
        name: view.name,
        brand: view.brand,
        unit: view.unit,
        requested: view.requested.to_string(),
        pack_size: view.pack_size.map(|size| size.to_string()),
        is_family: view.is_family,
        last_price_minor,
        purchase: view.purchase.map(|purchase| RecordedPurchase {
            quantity: purchase.quantity.to_string(),
            unit_price_minor: purchase.unit_price_minor,
            total_minor: purchase.total_minor,
            by: purchase.by,
        }),
    }
}

/// The run's shopping list.
#[utoipa::path(get, path = "/runs/{run_id}/shopping", tag = "shopping", security(("bearer" = [])),
    params(("run_id" = Uuid, Path)),
    responses((status = 200, body = ShoppingList), Refusals))]
pub async fn list(
    State(ctx): State<AppContext>,
    caller: Caller,
    path: Result<Path<Uuid>, PathRejection>,
) -> ApiResult<Json<ShoppingList>> {
    let Path(run_id) = path?;
    let list = shopping::list(&ctx.db, caller.user_id(), run_id).await?;
    Ok(Json(ShoppingList {
        run_id: list.run_id,
        store_name: list.store_name,
        state: list.state,
        your_role: list.viewer_role,
        currency: list.currency,
        items: list.items.into_iter().map(item).collect(),
    }))
}

/// What the shopper found of one item.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PurchaseRequest {
    /// The currency the amounts are in; must be the run's.
    #[schema(example = "EUR", pattern = "^[A-Z]{3}$")]
    pub currency: String,
    /// The store had none of it; nothing else is read.
    #[serde(default)]
    pub out_of_stock: bool,
    /// How much was bought (exact decimal, up to 99 999).
    #[schema(example = "4.5", pattern = "^[0-9]{0,5}([.,][0-9]{1,3})?$")]
    pub quantity: Option<String>,
    /// The price of one unit, in minor units.
    #[schema(minimum = 0, maximum = 100_000_000)]
    pub unit_price_minor: Option<i64>,
    /// What was paid in all, in minor units; wins over `unit_price_minor`.
    #[schema(minimum = 0, maximum = 100_000_000)]
    pub total_minor: Option<i64>,
    /// For a family on the list: the variant bought.
    pub variant: Option<Uuid>,
    /// Replace a record made before (someone else's too); without it such a record is kept
    /// and the call refused with `ITEM_ALREADY_RECORDED`.
    #[serde(default)]
    pub correcting: bool,
}

/// Records what was bought of an item, or that the store had none.
#[utoipa::path(put, path = "/runs/{run_id}/shopping/{product_id}", tag = "shopping", security(("bearer" = [])),
    params(("run_id" = Uuid, Path), ("product_id" = Uuid, Path), IdempotencyKey),
    request_body = PurchaseRequest,
    responses((status = 204, description = "Recorded"), Refusals))]
pub async fn record(
    State(ctx): State<AppContext>,
    caller: Caller,
    path: Result<Path<(Uuid, Uuid)>, PathRejection>,
    body: Result<Json<PurchaseRequest>, JsonRejection>,
) -> ApiResult<StatusCode> {
    let Path((run_id, product_id)) = path?;
    let Json(request) = body?;
    let record = if request.out_of_stock {
        Record::OutOfStock
    } else {
        let quantity =
            Quantity::parse_up_to(request.quantity.as_deref().unwrap_or(""), MAX_PURCHASE)?;
        Record::Bought(Purchase::from_minor(
            quantity,
            request.unit_price_minor,
            request.total_minor,
        )?)
    };
    let entry = Entry {
        product_id,
        variant: request.variant.map(ProductId),
        currency: &request.currency,
        record,
        correcting: request.correcting,
    };
    shopping::record(&ctx.db, &ctx.cache, caller.user_id(), run_id, &entry).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Takes a mistaken record back: the item is to buy again.
#[utoipa::path(delete, path = "/runs/{run_id}/shopping/{product_id}", tag = "shopping", security(("bearer" = [])),
    params(("run_id" = Uuid, Path), ("product_id" = Uuid, Path), IdempotencyKey),
    responses((status = 204, description = "Back on the list"), Refusals))]
pub async fn unrecord(
    State(ctx): State<AppContext>,
    caller: Caller,
    path: Result<Path<(Uuid, Uuid)>, PathRejection>,
) -> ApiResult<StatusCode> {
    let Path((run_id, product_id)) = path?;
    shopping::unrecord(&ctx.db, caller.user_id(), run_id, product_id).await?;
    Ok(StatusCode::NO_CONTENT)
}
