//! Shopping, adjusting and distribution server functions: starting and completing shopping,
//! recording purchases and prices seen, finishing adjustment, pick-ups and completing the run. Each is
//! who → valid input → one service call; the services ask the state machine.

use leptos::prelude::*;
use uuid::Uuid;

use crate::error::AppError;
use crate::model::ShoppingList;

#[cfg(feature = "ssr")]
use crate::{
    domain::{
        catalogue::{parse_price_note, parse_variant},
        money::parse_amount,
        purchase::{PackPurchase, Purchase},
        quantity::Quantity,
    },
    server::request,
    server::runs::{
        distribution::{self, PickUp},
        shelf_prices,
        shopping::{self, Entry, Record},
    },
};

/// The leader starts shopping and is taken to the list.
#[server(prefix = "/api", endpoint = "shopping/start")]
pub async fn start_shopping(run_id: Uuid) -> Result<(), AppError> {
    let ctx = request::app_context()?;
    let viewer = request::require_viewer()?;
    shopping::start(&ctx.db, viewer.id, run_id).await?;
    leptos_axum::redirect(&format!("/runs/{run_id}/shopping"));
    Ok(())
}

#[server(prefix = "/api", endpoint = "shopping/list")]
pub async fn get_shopping_list(run_id: Uuid) -> Result<ShoppingList, AppError> {
    let ctx = request::app_context()?;
    let viewer = request::require_viewer()?;
    shopping::list(&ctx.db, viewer.id, run_id).await
}

/// Bought: a quantity and the unit price or the total, in the group's `currency` (the form
/// says which it showed; a mismatch is refused rather than misread). `correcting` is set by
/// the edit form of an item already recorded.
#[server(prefix = "/api", endpoint = "shopping/record")]
pub async fn record_purchase(
    run_id: Uuid,
    product_id: Uuid,
    currency: String,
    #[server(default)] quantity: String,
    #[server(default)] unit_price: String,
    #[server(default)] total: String,
    #[server(default)] correcting: Option<String>,
    #[server(default)] variant: Option<String>,
) -> Result<(), AppError> {
    let ctx = request::app_context()?;
    let viewer = request::require_viewer()?;
    let purchase = Purchase::parse(&quantity, &unit_price, &total, &currency)?;
    let entry = Entry {
        product_id,
        variant: parse_variant(variant.as_deref())?,
        currency: &currency,
        record: Record::Bought(purchase),
        correcting: correcting.is_some(),
    };
    shopping::record(&ctx.db, &ctx.cache, viewer.id, run_id, &entry).await
}

/// Bought by the pack: how many packs, and the price of one pack or the total; the size of a
/// pack is the run's.
#[server(prefix = "/api", endpoint = "shopping/record-packs")]
pub async fn record_packs(
    run_id: Uuid,
    product_id: Uuid,
    currency: String,
    #[server(default)] packs: String,
    #[server(default)] pack_price: String,
    #[server(default)] total: String,
    #[server(default)] correcting: Option<String>,
) -> Result<(), AppError> {
    let ctx = request::app_context()?;
    let viewer = request::require_viewer()?;
    let purchase = PackPurchase::parse(&packs, &pack_price, &total, &currency)?;
    let entry = Entry {
        product_id,
        variant: None,
        currency: &currency,
        record: Record::BoughtPacks(purchase),
        correcting: correcting.is_some(),
    };
    shopping::record(&ctx.db, &ctx.cache, viewer.id, run_id, &entry).await
}

/// A price seen on the shelf for an item of the list, without buying it.
#[server(prefix = "/api", endpoint = "shopping/note-price")]
pub async fn note_shelf_price(
    run_id: Uuid,
    product_id: Uuid,
    currency: String,
    #[server(default)] amount: String,
    #[server(default)] note: String,
) -> Result<(), AppError> {
    let ctx = request::app_context()?;
    let viewer = request::require_viewer()?;
    let amount_minor = parse_amount(&amount, &currency)?;
    let note = parse_price_note(&note)?;
    let price = shelf_prices::ShelfPrice {
        product_id,
        currency: &currency,
        amount_minor,
        note: &note,
    };
    shelf_prices::note(&ctx.db, &ctx.cache, viewer.id, run_id, &price).await
}

/// The store had none of it.
#[server(prefix = "/api", endpoint = "shopping/out-of-stock")]
pub async fn mark_out_of_stock(
    run_id: Uuid,
    product_id: Uuid,
    currency: String,
    #[server(default)] correcting: Option<String>,
) -> Result<(), AppError> {
    let ctx = request::app_context()?;
    let viewer = request::require_viewer()?;
    let entry = Entry {
        product_id,
        variant: None,
        currency: &currency,
        record: Record::OutOfStock,
        correcting: correcting.is_some(),
    };
    shopping::record(&ctx.db, &ctx.cache, viewer.id, run_id, &entry).await
}

/// A mistaken record: the item goes back on the list to buy.
#[server(prefix = "/api", endpoint = "shopping/unrecord")]
pub async fn unrecord_purchase(run_id: Uuid, product_id: Uuid) -> Result<(), AppError> {
    let ctx = request::app_context()?;
    let viewer = request::require_viewer()?;
    shopping::unrecord(&ctx.db, viewer.id, run_id, product_id).await
}

/// A product found in the store joins the list with the quantity asked.
#[server(prefix = "/api", endpoint = "shopping/add")]
pub async fn add_shopping_item(
    run_id: Uuid,
    product_id: Uuid,
    #[server(default)] quantity: String,
) -> Result<(), AppError> {
    let ctx = request::app_context()?;
    let viewer = request::require_viewer()?;
    // It becomes the shopper's bid, so a bid's limits apply.
    let quantity = Quantity::parse_bid(&quantity)?;
    shopping::add_item(&ctx.db, viewer.id, run_id, product_id, quantity).await
}

/// The leader is done in the store; the run page shows where that led.
#[server(prefix = "/api", endpoint = "shopping/complete")]
pub async fn complete_shopping(run_id: Uuid) -> Result<(), AppError> {
    let ctx = request::app_context()?;
    let viewer = request::require_viewer()?;
    shopping::complete(&ctx.db, viewer.id, run_id).await?;
    leptos_axum::redirect(&format!("/runs/{run_id}"));
    Ok(())
}

/// `force` (a checkbox or a second button) finishes even where bids do not match yet.
#[server(prefix = "/api", endpoint = "runs/finish-adjusting")]
pub async fn finish_adjusting(
    run_id: Uuid,
    #[server(default)] force: Option<String>,
) -> Result<(), AppError> {
    let ctx = request::app_context()?;
    let viewer = request::require_viewer()?;
    distribution::finish_adjusting(&ctx.db, viewer.id, run_id, force.is_some())
        .await
        .map(drop)
}

/// Marks one product (`product_id`) or everything a person gets as picked up, or takes the mark
/// back (`picked_up` false).
#[server(prefix = "/api", endpoint = "runs/pick-up")]
pub async fn set_picked_up(
    run_id: Uuid,
    user_id: Uuid,
    #[server(default)] product_id: Option<Uuid>,
    picked_up: bool,
) -> Result<(), AppError> {
    let ctx = request::app_context()?;
    let viewer = request::require_viewer()?;
    let which = product_id.map_or(PickUp::Everything, PickUp::Item);
    distribution::set_picked_up(&ctx.db, viewer.id, run_id, user_id, which, picked_up).await
}

#[server(prefix = "/api", endpoint = "runs/complete")]
pub async fn complete_distribution(run_id: Uuid) -> Result<(), AppError> {
    let ctx = request::app_context()?;
    let viewer = request::require_viewer()?;
    distribution::complete(&ctx.db, viewer.id, run_id)
        .await
        .map(drop)
}
