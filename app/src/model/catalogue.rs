//! Stores, products and prices as members see them. Amounts are exact minor units.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::domain::packs::PackRule;
use crate::domain::paging::Page;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoreSummary {
    pub id: Uuid,
    pub name: String,
    pub address: String,
}

/// A product's newest price at one store.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShelfPrice {
    pub product_id: Uuid,
    pub product_name: String,
    pub brand: String,
    pub unit: String,
    pub amount_minor: i64,
    pub currency: String,
    pub observed_at: DateTime<Utc>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoreDetail {
    pub id: Uuid,
    pub name: String,
    pub address: String,
    pub opening_hours: String,
    pub notes: String,
    pub viewer_can_edit: bool,
    /// One page of the products seen here, by name, each with its newest price.
    pub products: Page<ShelfPrice>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductSummary {
    pub id: Uuid,
    pub name: String,
    pub brand: String,
    pub unit: String,
}

/// One recorded price.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PricePoint {
    pub store_id: Uuid,
    pub store_name: String,
    pub amount_minor: i64,
    pub currency: String,
    pub note: String,
    pub observed_at: DateTime<Utc>,
    pub observed_by: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductDetail {
    pub id: Uuid,
    pub name: String,
    pub brand: String,
    pub unit: String,
    pub viewer_can_edit: bool,
    /// The currency a price recorded here is taken in (no group context: the default one).
    pub record_currency: String,
    /// The newest price at each store, cheapest first.
    pub current_prices: Vec<PricePoint>,
    /// Every recorded price, newest first.
    pub history: Page<PricePoint>,
    /// How stores sell it, where someone said: by the pack, or with a minimum order.
    pub packs: Vec<StorePack>,
}

/// How one store sells a product.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StorePack {
    pub store_id: Uuid,
    pub store_name: String,
    pub rule: PackRule,
}
