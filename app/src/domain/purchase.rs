//! What a shopper records for an item: how much they bought and what they paid, as a unit price
//! or as the total (the other is computed), and whether a price looks suspicious next to the
//! last one seen at the store.

use serde::{Deserialize, Serialize};

use crate::domain::money::{MAX_AMOUNT_MINOR, parse_amount};
use crate::domain::quantity::{MAX_PURCHASE, Quantity, SCALE};
use crate::error::ErrorCode;

/// A recorded purchase. `total_minor` is what was paid and what costs are split from; the unit
/// price is what was typed, or the total divided by the quantity, rounded to the minor unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Purchase {
    pub quantity: Quantity,
    pub unit_price_minor: i64,
    pub total_minor: i64,
}

/// `quantity` × `unit_minor`, rounded half up to the minor unit.
pub fn line_total(quantity: Quantity, unit_minor: i64) -> i64 {
    let exact = i128::from(quantity.thousandths()) * i128::from(unit_minor);
    let scale = i128::from(SCALE);
    ((exact + scale / 2) / scale) as i64
}

impl Purchase {
    /// From the purchase form: a quantity, and the total paid or the unit price (the total wins
    /// when both are given: it is what left the shopper's pocket).
    pub fn parse(
        quantity: &str,
        unit_price: &str,
        total: &str,
        currency: &str,
    ) -> Result<Self, ErrorCode> {
        let quantity = Quantity::parse_up_to(quantity, MAX_PURCHASE)?;
        let total_minor = match total.trim() {
            "" => None,
            total => Some(parse_amount(total, currency)?),
        };
        let unit_price_minor = match unit_price.trim() {
            _ if total_minor.is_some() => None,
            "" => None,
            unit => Some(parse_amount(unit, currency)?),
        };
        Self::from_minor(quantity, unit_price_minor, total_minor)
    }

    /// From amounts already in minor units (the JSON API); the total wins when both are given.
    pub fn from_minor(
        quantity: Quantity,
        unit_price_minor: Option<i64>,
        total_minor: Option<i64>,
    ) -> Result<Self, ErrorCode> {
        let valid = |amount: i64| {
            (0..=MAX_AMOUNT_MINOR)
                .contains(&amount)
                .then_some(amount)
                .ok_or(ErrorCode::AmountInvalid)
        };
        match (total_minor, unit_price_minor) {
            (Some(total), _) => {
                let total_minor = valid(total)?;
                Ok(Self {
                    quantity,
                    unit_price_minor: price_of_one(total_minor, quantity),
                    total_minor,
                })
            }
            (None, Some(unit)) => {
                let unit_price_minor = valid(unit)?;
                Ok(Self {
                    quantity,
                    unit_price_minor,
                    total_minor: line_total(quantity, unit_price_minor),
                })
            }
            (None, None) => Err(ErrorCode::PriceMissing),
        }
    }
}

/// A purchase by the pack as the shopper typed it: how many packs, and the total paid or the
/// price of one pack. The size of a pack comes from the run (what confirmation planned).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PackPurchase {
    packs: i64,
    paid: PackPaid,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum PackPaid {
    Total(i64),
    Each(i64),
}

impl PackPurchase {
    /// From the purchase form: the packs (whole, at least one) and the total or the price of
    /// one pack (the total wins when both are given: it is what left the shopper's pocket).
    pub fn parse(
        packs: &str,
        pack_price: &str,
        total: &str,
        currency: &str,
    ) -> Result<Self, ErrorCode> {
        let packs: i64 = packs
            .trim()
            .parse()
            .ok()
            .filter(|packs| (1..=MAX_PACKS).contains(packs))
            .ok_or(ErrorCode::QuantityInvalid)?;
        let paid = if !total.trim().is_empty() {
            PackPaid::Total(parse_amount(total, currency)?)
        } else if pack_price.trim().is_empty() {
            return Err(ErrorCode::PriceMissing);
        } else {
            PackPaid::Each(parse_amount(pack_price, currency)?)
        };
        Ok(Self { packs, paid })
    }

    /// The purchase in the product's own unit, with `size` to a pack. The total is exact; the
    /// unit price is rounded from it.
    pub fn of_size(self, size: Quantity) -> Result<Purchase, ErrorCode> {
        let quantity = size
            .thousandths()
            .checked_mul(self.packs)
            .map(Quantity::from_thousandths)
            .filter(|quantity| !quantity.is_zero() && *quantity <= MAX_PURCHASE)
            .ok_or(ErrorCode::QuantityInvalid)?;
        let total_minor = match self.paid {
            PackPaid::Total(total) => total,
            PackPaid::Each(each) => each
                .checked_mul(self.packs)
                .filter(|total| *total <= MAX_AMOUNT_MINOR)
                .ok_or(ErrorCode::AmountInvalid)?,
        };
        Ok(Purchase {
            quantity,
            unit_price_minor: price_of_one(total_minor, quantity),
            total_minor,
        })
    }
}

/// What one unit of a pack of `size` costs when the pack costs `pack_minor`, rounded half up;
/// a unit below one minor unit (a thousand cups for 4.99) is no shelf price.
pub fn unit_price_of_pack(pack_minor: i64, size: Quantity) -> Result<i64, ErrorCode> {
    if size.is_zero() {
        return Err(ErrorCode::QuantityInvalid);
    }
    match price_of_one(pack_minor, size) {
        0 => Err(ErrorCode::AmountInvalid),
        unit => Ok(unit),
    }
}

/// What one unit cost when `total_minor` bought `quantity` (above 0), rounded half up.
fn price_of_one(total_minor: i64, quantity: Quantity) -> i64 {
    let thousandths = i128::from(quantity.thousandths().max(1));
    ((i128::from(total_minor) * i128::from(SCALE) + thousandths / 2) / thousandths) as i64
}

/// The most packs one purchase records.
pub const MAX_PACKS: i64 = 9_999;

/// A price this far from the last one seen (either way) earns a warning: 20 %.
pub const PRICE_WARNING_PERCENT: i64 = 20;

/// How far `paid` is from `last_seen`, in whole percent, when it is beyond the warning threshold.
pub fn price_jump(last_seen: Option<i64>, paid: i64) -> Option<i64> {
    let last = last_seen.filter(|last| *last > 0)?;
    let difference = paid - last;
    (difference.abs() * 100 > PRICE_WARNING_PERCENT * last).then_some(difference * 100 / last)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packs_give_the_quantity_and_an_exact_total() {
        // Two cases of 12 jars at 10.00 a case: 24 jars, 20.00, 0.83 a jar.
        let twelve = Quantity::units(12);
        let cases = PackPurchase::parse("2", "10.00", "", "EUR").unwrap();
        let purchase = cases.of_size(twelve).unwrap();
        assert_eq!(purchase.quantity, Quantity::units(24));
        assert_eq!(
            (purchase.total_minor, purchase.unit_price_minor),
            (2000, 83)
        );
        let paid = PackPurchase::parse("2", "10.00", "19.50", "EUR").unwrap();
        assert_eq!(
            paid.of_size(twelve).unwrap().total_minor,
            1950,
            "the total paid wins"
        );
        for packs in ["0", "1.5", "x", "99999"] {
            assert_eq!(
                PackPurchase::parse(packs, "1", "", "EUR"),
                Err(ErrorCode::QuantityInvalid),
                "{packs}"
            );
        }
        assert_eq!(
            PackPurchase::parse("1", "", "", "EUR"),
            Err(ErrorCode::PriceMissing)
        );
        let too_many = PackPurchase::parse("9999", "1", "", "EUR").unwrap();
        assert_eq!(
            too_many.of_size(Quantity::units(9999)),
            Err(ErrorCode::QuantityInvalid)
        );
    }

    #[test]
    fn a_pack_price_gives_the_price_of_one() {
        // 6 × 1 L for 11.94: 1.99 a litre; 10.00 for 12 jars: 0.83.
        assert_eq!(unit_price_of_pack(1194, Quantity::units(6)), Ok(199));
        assert_eq!(unit_price_of_pack(1000, Quantity::units(12)), Ok(83));
        assert_eq!(
            unit_price_of_pack(1, Quantity::units(1000)),
            Err(ErrorCode::AmountInvalid)
        );
    }

    #[test]
    fn the_unit_price_gives_the_total() {
        let purchase = Purchase::parse("1.5", "3.99", "", "EUR").unwrap();
        assert_eq!(purchase.total_minor, 599); // 5.985 rounds half up
        assert_eq!(purchase.unit_price_minor, 399);
    }

    #[test]
    fn the_total_gives_the_unit_price_and_wins() {
        let purchase = Purchase::parse("3", "1.00", "10.00", "EUR").unwrap();
        assert_eq!(purchase.total_minor, 1000);
        assert_eq!(purchase.unit_price_minor, 333);
    }

    #[test]
    fn a_price_is_needed_and_quantities_are_checked() {
        assert_eq!(
            Purchase::parse("2", " ", "", "EUR"),
            Err(ErrorCode::PriceMissing)
        );
        assert_eq!(
            Purchase::parse("0", "1", "", "EUR"),
            Err(ErrorCode::QuantityInvalid)
        );
        assert_eq!(
            Purchase::parse("2", "abc", "", "EUR"),
            Err(ErrorCode::AmountInvalid)
        );
        assert!(Purchase::parse("99999", "1", "", "EUR").is_ok());
    }

    #[test]
    fn big_price_jumps_are_flagged() {
        assert_eq!(price_jump(Some(1000), 1200), None);
        assert_eq!(price_jump(Some(1000), 1201), Some(20));
        assert_eq!(price_jump(Some(1000), 1250), Some(25));
        assert_eq!(price_jump(Some(1000), 700), Some(-30));
        assert_eq!(price_jump(None, 700), None);
    }
}
