//! Rules for a run's own fields and a bid's: comments, the cancel reason, the planned day, and the
//! limits that keep one run and one group manageable.

use chrono::NaiveDate;

use crate::domain::hidden_characters::has_hidden_characters;
use crate::domain::quantity::{MAX_BID, Quantity};
use crate::error::ErrorCode;

pub const COMMENT_MAX: usize = 500;
pub const MAX_PRODUCTS_PER_RUN: i64 = 100;
pub const MAX_OPEN_RUNS_PER_GROUP: i64 = 100;

/// Free text of up to 500 characters: a run's comment, a bid's comment or why a run was cancelled.
pub fn parse_note(raw: &str) -> Result<String, ErrorCode> {
    let text = raw.trim().replace("\r\n", "\n");
    if has_hidden_characters(&text) {
        return Err(ErrorCode::HiddenCharacters);
    }
    if text.chars().count() > COMMENT_MAX || text.chars().any(|c| c.is_control() && c != '\n') {
        return Err(ErrorCode::TextTooLong);
    }
    Ok(text)
}

/// The day the leader plans to shop: empty, or an ISO date as a date input sends it.
pub fn parse_planned_on(raw: &str) -> Result<Option<NaiveDate>, ErrorCode> {
    let text = raw.trim();
    if text.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| ErrorCode::PlannedDateInvalid)
}

/// What a person asks for: a quantity (and how much more they would take to fill a pack), or
/// "interested" without committing to one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BidAmount {
    Quantity {
        quantity: Quantity,
        /// "Up to this much more to fill a pack"; zero when they offer none.
        tolerance: Quantity,
    },
    InterestedOnly,
}

impl BidAmount {
    /// A quantity without tolerance.
    pub fn of(quantity: Quantity) -> Self {
        BidAmount::Quantity {
            quantity,
            tolerance: Quantity::ZERO,
        }
    }

    /// From a bid form: the interested box wins; otherwise the quantity must be valid, and the
    /// tolerance, when given, a quantity from 0 up to `MAX_BID` (the pack it must fit in is the
    /// service's to check).
    pub fn parse(
        quantity: &str,
        tolerance: &str,
        interested_only: bool,
    ) -> Result<Self, ErrorCode> {
        if interested_only {
            return Ok(BidAmount::InterestedOnly);
        }
        let quantity = Quantity::parse_bid(quantity)?;
        let tolerance = match tolerance.trim() {
            "" => Quantity::ZERO,
            raw => Quantity::parse_up_to_or_zero(raw, MAX_BID)
                .map_err(|_| ErrorCode::ToleranceInvalid)?,
        };
        Ok(BidAmount::Quantity {
            quantity,
            tolerance,
        })
    }

    /// What counts towards the product's total: nothing for "interested".
    pub fn committed(self) -> Quantity {
        match self {
            BidAmount::Quantity { quantity, .. } => quantity,
            BidAmount::InterestedOnly => Quantity::ZERO,
        }
    }

    /// The tolerance offered: nothing for "interested".
    pub fn tolerance(self) -> Quantity {
        match self {
            BidAmount::Quantity { tolerance, .. } => tolerance,
            BidAmount::InterestedOnly => Quantity::ZERO,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_are_trimmed_and_bounded() {
        assert_eq!(
            parse_note("  bring bags \r\n please ").unwrap(),
            "bring bags \n please"
        );
        assert_eq!(parse_note(&"x".repeat(501)), Err(ErrorCode::TextTooLong));
        assert_eq!(parse_note("").unwrap(), "");
        assert_eq!(
            parse_note("pay me at \u{202E}moc.live"),
            Err(ErrorCode::HiddenCharacters)
        );
    }

    #[test]
    fn planned_days_are_dates_or_nothing() {
        assert_eq!(parse_planned_on(" "), Ok(None));
        assert_eq!(
            parse_planned_on("2026-12-24"),
            Ok(NaiveDate::from_ymd_opt(2026, 12, 24))
        );
        assert_eq!(
            parse_planned_on("24.12.2026"),
            Err(ErrorCode::PlannedDateInvalid)
        );
    }

    #[test]
    fn interested_bids_commit_nothing_and_ignore_the_quantity() {
        assert_eq!(
            BidAmount::parse("", "", true).unwrap().committed(),
            Quantity::ZERO
        );
        assert_eq!(
            BidAmount::parse("1.5", "", false).unwrap().committed(),
            Quantity::from_thousandths(1500)
        );
        assert_eq!(
            BidAmount::parse("0", "", false),
            Err(ErrorCode::QuantityInvalid)
        );
    }

    #[test]
    fn tolerance_is_optional_may_be_zero_and_must_be_a_quantity() {
        let amount = BidAmount::parse("4", " 2 ", false).unwrap();
        assert_eq!(amount.tolerance(), Quantity::units(2));
        assert_eq!(
            BidAmount::parse("4", "0", false).unwrap().tolerance(),
            Quantity::ZERO
        );
        assert_eq!(
            BidAmount::parse("4", "lots", false),
            Err(ErrorCode::ToleranceInvalid)
        );
        assert_eq!(
            BidAmount::parse("", "lots", true),
            Ok(BidAmount::InterestedOnly)
        );
    }
}
