//! Catalogue server functions: stores, products, recording a price and how a store sells a
//! product (packs). Any logged-in user may
//! look and add; editing is for whoever added the entry, or a site admin.

use leptos::prelude::*;
use uuid::Uuid;

use crate::domain::paging::Page;
use crate::error::AppError;
use crate::model::{FamilyRef, ProductDetail, ProductSummary, StoreDetail, StoreSummary};

#[cfg(feature = "ssr")]
use crate::{
    domain::{
        catalogue::{FamilyPlace, ProductFields, StoreFields, parse_price_note},
        money::parse_amount,
        packs::PackRule,
        paging::PageRequest,
        quantity::{MAX_BID, Quantity},
    },
    server::{families, packs, prices, products, request, stores},
};

pub const STORES_PER_PAGE: u32 = 50;
pub const PRODUCTS_PER_PAGE: u32 = 50;
pub const STORE_PRODUCTS_PER_PAGE: u32 = 50;
pub const HISTORY_PER_PAGE: u32 = 50;

#[server(prefix = "/api", endpoint = "stores/list")]
pub async fn list_stores(page: Option<u32>) -> Result<Page<StoreSummary>, AppError> {
    let ctx = request::app_context()?;
    request::require_viewer()?;
    stores::list(&ctx.db, &ctx.cache, PageRequest::new(page, STORES_PER_PAGE)).await
}

/// Every store, for the store pickers.
#[server(prefix = "/api", endpoint = "stores/choices")]
pub async fn store_choices() -> Result<Vec<StoreSummary>, AppError> {
    let ctx = request::app_context()?;
    request::require_viewer()?;
    stores::choices(&ctx.db, &ctx.cache).await
}

#[server(prefix = "/api", endpoint = "stores/create")]
pub async fn create_store(
    name: String,
    address: String,
    opening_hours: String,
    notes: String,
) -> Result<(), AppError> {
    let ctx = request::app_context()?;
    let viewer = request::require_viewer()?;
    let fields = StoreFields::parse(&name, &address, &opening_hours, &notes)?;
    let store_id = stores::create(&ctx.db, &ctx.cache, viewer.id, &fields).await?;
    leptos_axum::redirect(&format!("/stores/{store_id}"));
    Ok(())
}

#[server(prefix = "/api", endpoint = "stores/update")]
pub async fn update_store(
    store_id: Uuid,
    name: String,
    address: String,
    opening_hours: String,
    notes: String,
) -> Result<(), AppError> {
    let ctx = request::app_context()?;
    let viewer = request::require_viewer()?;
    let fields = StoreFields::parse(&name, &address, &opening_hours, &notes)?;
    stores::update(&ctx.db, &ctx.cache, &viewer, store_id, &fields).await
}

#[server(prefix = "/api", endpoint = "stores/get")]
pub async fn get_store(store_id: Uuid, page: Option<u32>) -> Result<StoreDetail, AppError> {
    let ctx = request::app_context()?;
    let viewer = request::require_viewer()?;
    let page = PageRequest::new(page, STORE_PRODUCTS_PER_PAGE);
    stores::detail(&ctx.db, &ctx.cache, &viewer, store_id, page).await
}

#[server(prefix = "/api", endpoint = "products/list")]
pub async fn list_products(page: Option<u32>) -> Result<Page<ProductSummary>, AppError> {
    let ctx = request::app_context()?;
    request::require_viewer()?;
    products::list(&ctx.db, PageRequest::new(page, PRODUCTS_PER_PAGE)).await
}

/// Existing products like the name being typed, to avoid duplicates.
#[server(prefix = "/api", endpoint = "products/similar")]
pub async fn similar_products(name: String) -> Result<Vec<ProductSummary>, AppError> {
    let ctx = request::app_context()?;
    request::require_viewer()?;
    products::similar(&ctx.db, &name).await
}

/// The families a product may be put in, for the product forms' picker.
#[server(prefix = "/api", endpoint = "products/families")]
pub async fn family_choices() -> Result<Vec<FamilyRef>, AppError> {
    let ctx = request::app_context()?;
    request::require_viewer()?;
    families::choices(&ctx.db).await
}

#[server(prefix = "/api", endpoint = "products/create")]
pub async fn create_product(
    name: String,
    brand: String,
    unit: String,
    #[server(default)] is_family: Option<String>,
    #[server(default)] family: Option<String>,
) -> Result<(), AppError> {
    let ctx = request::app_context()?;
    let viewer = request::require_viewer()?;
    let fields = ProductFields::parse(&name, &brand, &unit)?;
    let place = FamilyPlace::parse(is_family.is_some(), family.as_deref())?;
    let product_id = products::create(&ctx.db, viewer.id, &fields, place).await?;
    leptos_axum::redirect(&format!("/products/{product_id}"));
    Ok(())
}

#[server(prefix = "/api", endpoint = "products/update")]
pub async fn update_product(
    product_id: Uuid,
    name: String,
    brand: String,
    unit: String,
    #[server(default)] family: Option<String>,
) -> Result<(), AppError> {
    let ctx = request::app_context()?;
    let viewer = request::require_viewer()?;
    let fields = ProductFields::parse(&name, &brand, &unit)?;
    let family = FamilyPlace::parse(false, family.as_deref())?.family();
    products::update(&ctx.db, &ctx.cache, &viewer, product_id, &fields, family).await
}

#[server(prefix = "/api", endpoint = "products/get")]
pub async fn get_product(
    product_id: Uuid,
    history_page: Option<u32>,
) -> Result<ProductDetail, AppError> {
    let ctx = request::app_context()?;
    let viewer = request::require_viewer()?;
    products::detail(
        &ctx.db,
        &viewer,
        product_id,
        &ctx.default_currency,
        PageRequest::new(history_page, HISTORY_PER_PAGE),
    )
    .await
}

/// Records a price seen at a store, in the default currency (no group context here).
#[server(prefix = "/api", endpoint = "prices/record")]
pub async fn record_price(
    product_id: Uuid,
    store_id: Uuid,
    amount: String,
    note: String,
    #[server(default)] pack_size: String,
) -> Result<(), AppError> {
    let ctx = request::app_context()?;
    let viewer = request::require_viewer()?;
    let currency = &ctx.default_currency;
    let amount_minor = parse_amount(&amount, currency.as_str())?;
    let note = parse_price_note(&note)?;
    // A price for a whole pack says how big the pack is.
    let pack_size = match pack_size.trim() {
        "" => None,
        size => Some(Quantity::parse_up_to(size, MAX_BID)?),
    };
    let observation = prices::Observation {
        product_id,
        store_id,
        amount_minor,
        currency,
        note: &note,
        pack_size,
    };
    prices::record(&ctx.db, &ctx.cache, viewer.id, observation)
        .await
        .map(drop)
}

/// Says how a store sells a product: by the pack and/or with a minimum order; `loose` (the second
/// button) says it is sold loose again. `whole_units` is a checkbox: present when ticked.
#[server(prefix = "/api", endpoint = "packs/set")]
pub async fn set_pack(
    product_id: Uuid,
    store_id: Uuid,
    #[server(default)] size: String,
    #[server(default)] minimum: String,
    #[server(default)] whole_units: Option<String>,
    #[server(default)] loose: Option<String>,
) -> Result<(), AppError> {
    let ctx = request::app_context()?;
    let viewer = request::require_viewer()?;
    let rule = match loose {
        Some(_) => None,
        None => Some(PackRule::parse(&size, &minimum, whole_units.is_some())?),
    };
    packs::set(&ctx.db, viewer.id, store_id, product_id, rule.as_ref()).await
}
