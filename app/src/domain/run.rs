//! Rules for a run's own fields and a bid's: comments, the cancel reason, the planned day, and the
//! limits that keep one run and one group manageable.

use chrono::NaiveDate;

use crate::domain::hidden_characters::has_hidden_characters;
use crate::domain::quantity::Quantity;
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

/// What a person asks for: a quantity, or "interested" without committing to one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BidAmount {
    Quantity(Quantity),
    InterestedOnly,
}

impl BidAmount {
    /// From a bid form: the interested box wins; otherwise the quantity must be valid.
    pub fn parse(quantity: &str, interested_only: bool) -> Result<Self, ErrorCode> {
        if interested_only {
            Ok(BidAmount::InterestedOnly)
        } else {
            Quantity::parse_bid(quantity).map(BidAmount::Quantity)
        }
    }

    /// What counts towards the product's total: nothing for "interested".
    pub fn committed(self) -> Quantity {
        match self {
            BidAmount::Quantity(quantity) => quantity,
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
            BidAmount::parse("", true).unwrap().committed(),
            Quantity::ZERO
        );
        assert_eq!(
            BidAmount::parse("1.5", false).unwrap().committed(),
            Quantity::from_thousandths(1500)
        );
        assert_eq!(
            BidAmount::parse("0", false),
            Err(ErrorCode::QuantityInvalid)
        );
    }
}
