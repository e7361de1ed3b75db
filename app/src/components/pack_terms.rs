//! How a store sells a product, in a line: "Sold in packs of 12 · minimum order 24".

use crate::domain::packs::PackRule;
use crate::i18n::I18n;
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
