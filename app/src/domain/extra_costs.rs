//! Costs a run shares besides the goods (fuel, delivery, a membership card's fee): one person paid
//! them, and they are split among everyone who got goods — equally, or in proportion to what each
//! one's goods cost — by largest remainder, so the parts add up to exactly the amount.

use serde::{Deserialize, Serialize};
use strum::{EnumIter, EnumString, IntoStaticStr};

use crate::domain::allocation::largest_remainder;
use crate::domain::catalogue::required_name;
use crate::error::ErrorCode;

/// How a shared cost is split.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    EnumString,
    IntoStaticStr,
    EnumIter,
)]
#[strum(serialize_all = "snake_case")]
#[serde(rename_all = "snake_case")]
pub enum CostSplit {
    /// The same for everyone who got goods (the odd cents to the earliest ids).
    Equally,
    /// In proportion to what each one's goods cost.
    ByGoods,
}

impl CostSplit {
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

/// The longest name of a shared cost ("Fuel to Costco").
pub const LABEL_MAX: usize = 100;

/// A shared cost's name: trimmed, one line, not empty.
pub fn parse_label(raw: &str) -> Result<String, ErrorCode> {
    required_name(raw, LABEL_MAX, ErrorCode::CostLabelInvalid)
}

/// Each person's part of `amount_minor`: `goods` are `(who, what their goods cost)` for everyone
/// who got goods. By goods with nothing priced falls back to equal parts. The parts come back in
/// the order of `goods` and add up to exactly `amount_minor`.
pub fn split_extra<K: Ord + Copy>(
    amount_minor: i64,
    split: CostSplit,
    goods: &[(K, i64)],
) -> Vec<(K, i64)> {
    let priced = goods.iter().any(|(_, cost)| *cost > 0);
    let weights: Vec<(K, i64)> = goods
        .iter()
        .map(|&(who, cost)| match split {
            CostSplit::ByGoods if priced => (who, cost.max(0)),
            CostSplit::ByGoods | CostSplit::Equally => (who, 1),
        })
        .collect();
    let parts = largest_remainder(amount_minor, &weights);
    goods
        .iter()
        .zip(parts)
        .map(|(&(who, _), part)| (who, part))
        .collect()
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn a_shared_cost_needs_a_short_name() {
        assert_eq!(
            parse_label("  Fuel   to  Costco "),
            Ok("Fuel to Costco".to_owned())
        );
        assert_eq!(parse_label("   "), Err(ErrorCode::CostLabelInvalid));
        assert_eq!(
            parse_label(&"f".repeat(LABEL_MAX + 1)),
            Err(ErrorCode::CostLabelInvalid)
        );
        assert_eq!("by_goods".parse(), Ok(CostSplit::ByGoods));
        assert!("half".parse::<CostSplit>().is_err());
    }

    #[test]
    fn fuel_split_equally_and_by_goods() {
        let goods = [(1, 1000), (2, 2000), (3, 0)];
        assert_eq!(
            split_extra(1000, CostSplit::Equally, &goods),
            [(1, 334), (2, 333), (3, 333)]
        );
        assert_eq!(
            split_extra(900, CostSplit::ByGoods, &goods),
            [(1, 300), (2, 600), (3, 0)]
        );
        assert_eq!(
            split_extra(300, CostSplit::ByGoods, &[(1, 0), (2, 0)]),
            [(1, 150), (2, 150)]
        );
        assert!(split_extra(300, CostSplit::Equally, &[] as &[(u8, i64)]).is_empty());
    }

    proptest! {
        #[test]
        fn parts_add_up_and_equal_parts_differ_by_a_cent_at_most(
            amount in 1i64..=1_000_000,
            goods in proptest::collection::vec(0i64..=100_000, 1..20),
            by_goods in any::<bool>(),
        ) {
            let goods: Vec<(usize, i64)> = goods.into_iter().enumerate().collect();
            let split = if by_goods { CostSplit::ByGoods } else { CostSplit::Equally };
            let parts = split_extra(amount, split, &goods);
            prop_assert_eq!(parts.iter().map(|(_, part)| part).sum::<i64>(), amount);
            prop_assert!(parts.iter().all(|(_, part)| *part >= 0));
            if split == CostSplit::Equally {
                let most = parts.iter().map(|(_, part)| *part).max().unwrap_or(0);
                let least = parts.iter().map(|(_, part)| *part).min().unwrap_or(0);
                prop_assert!(most - least <= 1);
            }
        }
    }
}
