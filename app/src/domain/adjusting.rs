//! Re-balancing bids after shopping: per bought product, how far the live total of committed bids
//! is from what was bought, and which new quantity one person may choose. With a shortage bids
//! may only go down, and not below what was bought in total; with a surplus only up, and not
//! beyond it. The page shows the range, the service enforces it under the product's row lock.

use serde::{Deserialize, Serialize};

use crate::domain::quantity::Quantity;
use crate::error::ErrorCode;

/// Where a product stands between what was bought and what is asked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Balance {
    /// Nothing of it was bought: its bids get nothing.
    NotBought,
    /// More is asked than was bought: this much must be removed.
    Short(Quantity),
    /// Less is asked than was bought: this much is still free to take.
    Over(Quantity),
    /// Asked and bought match.
    Even,
}

pub fn balance(bought: Quantity, asked: Quantity) -> Balance {
    if bought.is_zero() {
        Balance::NotBought
    } else if asked > bought {
        Balance::Short(asked - bought)
    } else if asked < bought {
        Balance::Over(bought - asked)
    } else {
        Balance::Even
    }
}

impl Balance {
    pub fn needs_adjusting(self) -> bool {
        matches!(self, Balance::Short(_) | Balance::Over(_))
    }
}

/// The quantities one person may choose, both ends included; zero means taking the bid back.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdjustRange {
    pub min: Quantity,
    pub max: Quantity,
}

/// What someone with the committed bid `mine` may change it to, given the product's live
/// `balance`; `None` when there is nothing for them to change.
pub fn adjust_range(balance: Balance, mine: Quantity) -> Option<AdjustRange> {
    match balance {
        Balance::Short(missing) if !mine.is_zero() => Some(AdjustRange {
            min: if missing >= mine {
                Quantity::ZERO
            } else {
                mine - missing
            },
            max: mine,
        }),
        Balance::Over(free) => Some(AdjustRange {
            min: mine,
            max: mine + free,
        }),
        _ => None,
    }
}

/// Checks a wanted quantity (zero = take the bid back) against the rules, saying what is wrong.
pub fn check_adjustment(
    balance: Balance,
    mine: Quantity,
    wanted: Quantity,
) -> Result<(), ErrorCode> {
    let Some(range) = adjust_range(balance, mine) else {
        return Err(ErrorCode::NothingToAdjust);
    };
    match balance {
        Balance::Short(_) if wanted > range.max => Err(ErrorCode::AdjustOnlyDown),
        Balance::Short(_) if wanted < range.min => Err(ErrorCode::AdjustBelowBought),
        Balance::Over(_) if wanted < range.min => Err(ErrorCode::AdjustOnlyUp),
        Balance::Over(_) if wanted > range.max => Err(ErrorCode::AdjustAboveBought),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(text: &str) -> Quantity {
        Quantity::parse_bid(text).unwrap()
    }

    #[test]
    fn balances() {
        assert_eq!(balance(Quantity::ZERO, q("3")), Balance::NotBought);
        assert_eq!(balance(q("2"), q("3.5")), Balance::Short(q("1.5")));
        assert_eq!(balance(q("4"), q("3")), Balance::Over(q("1")));
        assert_eq!(balance(q("3"), q("3")), Balance::Even);
    }

    #[test]
    fn a_shortage_lets_bids_go_down_but_not_below_what_was_bought() {
        let short = Balance::Short(q("1.5"));
        assert_eq!(
            adjust_range(short, q("2")),
            Some(AdjustRange {
                min: q("0.5"),
                max: q("2")
            })
        );
        assert_eq!(check_adjustment(short, q("2"), q("1")), Ok(()));
        assert_eq!(
            check_adjustment(short, q("2"), q("2.5")),
            Err(ErrorCode::AdjustOnlyDown)
        );
        assert_eq!(
            check_adjustment(short, q("2"), q("0.4")),
            Err(ErrorCode::AdjustBelowBought)
        );
        // The shortage covers the whole bid: it may be taken back.
        assert_eq!(check_adjustment(short, q("1"), Quantity::ZERO), Ok(()));
        assert_eq!(
            check_adjustment(short, q("2"), Quantity::ZERO),
            Err(ErrorCode::AdjustBelowBought)
        );
    }

    #[test]
    fn a_surplus_lets_bids_go_up_but_not_beyond_what_was_bought() {
        let over = Balance::Over(q("1"));
        assert_eq!(check_adjustment(over, q("2"), q("3")), Ok(()));
        assert_eq!(
            check_adjustment(over, q("2"), q("3.001")),
            Err(ErrorCode::AdjustAboveBought)
        );
        assert_eq!(
            check_adjustment(over, q("2"), q("1")),
            Err(ErrorCode::AdjustOnlyUp)
        );
        // Someone who was only interested may take the extra.
        assert_eq!(check_adjustment(over, Quantity::ZERO, q("1")), Ok(()));
    }

    #[test]
    fn balanced_and_unbought_products_have_nothing_to_adjust() {
        for balance in [Balance::Even, Balance::NotBought] {
            assert_eq!(adjust_range(balance, q("1")), None);
            assert_eq!(
                check_adjustment(balance, q("1"), q("1")),
                Err(ErrorCode::NothingToAdjust)
            );
        }
        assert_eq!(adjust_range(Balance::Short(q("1")), Quantity::ZERO), None);
    }
}
