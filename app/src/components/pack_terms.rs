//! How a store sells a product, in a line ("Sold in packs of 12 · minimum order 24"), and what
//! to buy of it ("2 × 6 jars = 12 jars").

use crate::domain::packs::PackRule;
use crate::domain::quantity::Quantity;
use crate::i18n::{I18n, Key};
use crate::tr;

/// How the store sells the product: "Sold in packs of 12 · minimum order 24".
pub fn pack_terms(i18n: I18n, rule: &PackRule, unit: &str) -> String {
    let mut parts = Vec::with_capacity(2);
    if let Some(size) = rule.size {
        parts.push(tr!(i18n, PackSoldBy, size = i18n.quantity(size, unit)));
    }
    if let Some(minimum) = rule.minimum {
        parts.push(tr!(
            i18n,
            PackMinimum,
            minimum = i18n.quantity(minimum, unit)
        ));
    }
    parts.join(" · ")
}

/// What to buy: "2 × 6 jars = 12 jars" by the pack, the quantity when sold loose, or "nothing".
pub fn pack_purchase(i18n: I18n, to_buy: Quantity, size: Option<Quantity>, unit: &str) -> String {
    if to_buy.is_zero() {
        return i18n.t_now(Key::PackBuyNothing).to_owned();
    }
    let total = i18n.quantity(to_buy, unit);
    match size.filter(|size| !size.is_zero() && to_buy.thousandths() % size.thousandths() == 0) {
        Some(size) => tr!(
            i18n,
            PackBuy,
            packs = i18n.quantity(
                Quantity::units(to_buy.thousandths() / size.thousandths()),
                ""
            ),
            size = i18n.quantity(size, unit),
            total = total
        ),
        None => total,
    }
}
