//! The shopping list, as shoppers work it in the store, and the distribution: who gets what of
//! what was bought and what each share costs. Quantities are exact, money in minor units of the
//! group's currency.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::domain::allocation::AllocationReason;
use crate::domain::quantity::Quantity;
use crate::domain::run_state::{RunRole, RunState};
use crate::model::ProductSummary;

/// A price seen for a product at the run's store before it was bought.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeenPrice {
    pub amount_minor: i64,
    pub currency: String,
    pub observed_at: DateTime<Utc>,
    pub note: String,
}

/// What a shopper recorded for an item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PurchaseView {
    /// Zero when the store had none.
    pub quantity: Quantity,
    pub unit_price_minor: i64,
    pub total_minor: i64,
    pub order: i32,
    pub by: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShoppingItemView {
    pub product_id: Uuid,
    pub name: String,
    pub brand: String,
    pub unit: String,
    pub requested: Quantity,
    pub added_in_store: bool,
    /// The prices seen at the store on the newest day before it was bought, newest first.
    pub seen_prices: Vec<SeenPrice>,
    pub purchase: Option<PurchaseView>,
    /// The pack it is bought in, when the store sells it by the pack: the list asks for packs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pack_size: Option<Quantity>,
    /// A family on the list ("any rice"): bought as one of `variants`, which the shopper picks.
    #[serde(default)]
    pub is_family: bool,
    #[serde(default)]
    pub variants: Vec<ProductSummary>,
    /// Bought for bids on a family: its name ("for any rice").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub for_family: Option<String>,
}

impl ShoppingItemView {
    /// The newest price seen before it was bought.
    pub fn last_price(&self) -> Option<&SeenPrice> {
        self.seen_prices.first()
    }

    pub fn is_recorded(&self) -> bool {
        self.purchase.is_some()
    }

    pub fn out_of_stock(&self) -> bool {
        self.purchase.as_ref().is_some_and(|p| p.quantity.is_zero())
    }

    /// How many whole packs `quantity` is, when bought by the pack and it comes out whole.
    pub fn packs_of(&self, quantity: Quantity) -> Option<i64> {
        let size = self.pack_size.filter(|size| !size.is_zero())?.thousandths();
        (quantity.thousandths() % size == 0).then(|| quantity.thousandths() / size)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShoppingList {
    pub run_id: Uuid,
    pub store_name: String,
    pub state: RunState,
    pub viewer_role: RunRole,
    /// The group's currency: what purchases are recorded in.
    pub currency: String,
    /// Not yet recorded first, then in the order they were recorded.
    pub items: Vec<ShoppingItemView>,
}

impl ShoppingList {
    /// What was paid so far.
    pub fn spent_minor(&self) -> i64 {
        self.items
            .iter()
            .filter_map(|item| item.purchase.as_ref())
            .map(|p| p.total_minor)
            .sum()
    }
}

/// One person's share of one bought product.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShareView {
    pub product_id: Uuid,
    pub product_name: String,
    pub unit: String,
    pub asked: Quantity,
    pub quantity: Quantity,
    pub reason: AllocationReason,
    /// What the shopper paid per unit (rounded; the cost is split from the exact total).
    pub unit_price_minor: i64,
    pub cost_minor: i64,
    pub picked_up: bool,
}

/// Everything one person gets, and what they owe for it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonShares {
    pub user_id: Uuid,
    pub display_name: String,
    pub shares: Vec<ShareView>,
}

impl PersonShares {
    pub fn total_minor(&self) -> i64 {
        self.shares.iter().map(|share| share.cost_minor).sum()
    }

    /// Everything with a quantity to hand over was picked up.
    pub fn all_picked_up(&self) -> bool {
        self.shares
            .iter()
            .all(|share| share.picked_up || share.quantity.is_zero())
    }
}
