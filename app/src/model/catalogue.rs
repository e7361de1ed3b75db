//! Stores, products and prices as members see them. Amounts are exact minor units.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::domain::ids::ProductId;
use crate::domain::packs::PackRule;
use crate::domain::paging::Page;
use crate::domain::quantity::Quantity;

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
    /// A family ("any rice"): bid on like a product, bought as one of its variants.
    #[serde(default)]
    pub is_family: bool,
    /// The family this product is a variant of.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub family: Option<FamilyRef>,
}

/// A product family, by name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FamilyRef {
    pub id: ProductId,
    pub name: String,
}

/// One recorded price.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PricePoint {
    pub store_id: Uuid,
    pub store_name: String,
    /// The price of one unit (rounded, when it was seen for a pack).
    pub amount_minor: i64,
    /// Seen for a whole pack: its size and exactly what it cost.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pack: Option<(Quantity, i64)>,
    pub currency: String,
    pub note: String,
    pub observed_at: DateTime<Utc>,
    /// Who saw it, when they share a group with the viewer; `None` for someone of another group,
    /// whose name is theirs to share.
    pub observed_by: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductDetail {
    pub id: Uuid,
    pub name: String,
    pub brand: String,
    pub unit: String,
    pub is_family: bool,
    /// The family it is a variant of.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub family: Option<FamilyRef>,
    /// A family's variants, by name.
    #[serde(default)]
    pub variants: Vec<ProductSummary>,
    /// The families a variant may be put in, for whoever may edit it.
    #[serde(default)]
    pub family_choices: Vec<FamilyRef>,
    pub viewer_can_edit: bool,
    /// The currency a price recorded here is taken in (no group context: the default one).
    pub record_currency: String,
    /// The newest price at each store, cheapest first.
    pub current_prices: Vec<PricePoint>,
    /// Every recorded price, newest first.
    pub history: Page<PricePoint>,
    /// The whole history by store and currency, for the chart and the lowest / average /
    /// highest (the newest `PRICE_SERIES_POINTS` prices when there are more).
    pub price_series: Vec<PriceSeries>,
    /// How stores sell it, where someone said: by the pack, or with a minimum order.
    pub packs: Vec<StorePack>,
}

/// At most this many prices make a product's chart and its lowest, average and highest.
pub const PRICE_SERIES_POINTS: i64 = 2_000;

/// Every price seen for a product at one store in one currency, oldest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PriceSeries {
    pub store_id: Uuid,
    pub store_name: String,
    pub currency: String,
    /// When, and how much in minor units.
    pub points: Vec<(DateTime<Utc>, i64)>,
}

impl PriceSeries {
    pub fn lowest(&self) -> i64 {
        self.points
            .iter()
            .map(|(_, amount)| *amount)
            .min()
            .unwrap_or(0)
    }

    pub fn highest(&self) -> i64 {
        self.points
            .iter()
            .map(|(_, amount)| *amount)
            .max()
            .unwrap_or(0)
    }

    /// The average in minor units, rounded half up.
    pub fn average(&self) -> i64 {
        let count = i128::from(self.points.len().max(1) as i64);
        let sum: i128 = self
            .points
            .iter()
            .map(|(_, amount)| i128::from(*amount))
            .sum();
        ((2 * sum + count) / (2 * count)) as i64
    }
}

/// How one store sells a product.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StorePack {
    pub store_id: Uuid,
    pub store_name: String,
    pub rule: PackRule,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_series_knows_its_lowest_average_and_highest_exactly() {
        let at = DateTime::<Utc>::default();
        let series = PriceSeries {
            store_id: Uuid::nil(),
            store_name: "Depot".to_owned(),
            currency: "EUR".to_owned(),
            points: vec![(at, 499), (at, 500), (at, 450)],
        };
        // 1449 / 3 = 483.0 → 483; the extremes as seen.
        assert_eq!(
            (series.lowest(), series.average(), series.highest()),
            (450, 483, 500)
        );
        let halves = PriceSeries {
            points: vec![(at, 1), (at, 2)],
            ..series
        };
        assert_eq!(halves.average(), 2, "1.5 rounds half up");
    }
}
