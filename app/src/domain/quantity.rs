//! Exact quantities: what people bid and buy, in thousandths of the product's unit (1.5 kg is
//! 1500), never floats. Postgres keeps them as `numeric` with three decimals; parsing accepts
//! what people type on a phone ("1.5", "1,5", "2").

use serde::{Deserialize, Serialize};

use crate::error::ErrorCode;

/// Thousandths per unit: three decimals.
pub const SCALE: i64 = 1000;
/// The largest quantity one bid may ask for: 9 999 units.
pub const MAX_BID: Quantity = Quantity(9_999 * SCALE);
/// The largest quantity one purchase may record: 99 999 units.
pub const MAX_PURCHASE: Quantity = Quantity(99_999 * SCALE);

#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Quantity(i64);

impl Quantity {
    pub const ZERO: Quantity = Quantity(0);

    pub fn from_thousandths(thousandths: i64) -> Self {
        Self(thousandths)
    }

    pub fn thousandths(self) -> i64 {
        self.0
    }

    pub fn units(units: i64) -> Self {
        Self(units * SCALE)
    }

    pub fn is_zero(self) -> bool {
        self.0 == 0
    }

    /// A quantity typed by a person: positive, at most three decimals, at most `MAX_BID`.
    pub fn parse_bid(raw: &str) -> Result<Self, ErrorCode> {
        Self::parse_up_to(raw, MAX_BID)
    }

    /// A quantity typed by a person: positive, at most three decimals, at most `max`.
    pub fn parse_up_to(raw: &str, max: Quantity) -> Result<Self, ErrorCode> {
        match Self::parse_up_to_or_zero(raw, max)? {
            quantity if quantity.is_zero() => Err(ErrorCode::QuantityInvalid),
            quantity => Ok(quantity),
        }
    }

    /// Like `parse_up_to`, but zero is allowed: a tolerance, where "0" means none.
    pub fn parse_up_to_or_zero(raw: &str, max: Quantity) -> Result<Self, ErrorCode> {
        let text = raw.trim().replace(',', ".");
        let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
        let valid = !(whole.is_empty() && fraction.is_empty())
            && whole.len() <= 5
            && whole.chars().all(|c| c.is_ascii_digit())
            && fraction.len() <= 3
            && fraction.chars().all(|c| c.is_ascii_digit());
        if !valid {
            return Err(ErrorCode::QuantityInvalid);
        }
        let whole: i64 = if whole.is_empty() {
            0
        } else {
            whole.parse().map_err(|_| ErrorCode::QuantityInvalid)?
        };
        let fraction: i64 = format!("{fraction:0<3}")
            .parse()
            .map_err(|_| ErrorCode::QuantityInvalid)?;
        let quantity = Quantity(whole * SCALE + fraction);
        if quantity > max {
            return Err(ErrorCode::QuantityInvalid);
        }
        Ok(quantity)
    }
}

impl std::ops::Add for Quantity {
    type Output = Quantity;

    fn add(self, other: Quantity) -> Quantity {
        Quantity(self.0 + other.0)
    }
}

impl std::ops::Sub for Quantity {
    type Output = Quantity;

    fn sub(self, other: Quantity) -> Quantity {
        Quantity(self.0 - other.0)
    }
}

impl std::iter::Sum for Quantity {
    fn sum<I: Iterator<Item = Quantity>>(iter: I) -> Quantity {
        iter.fold(Quantity::ZERO, |a, b| a + b)
    }
}

/// "1.5", "2", "0.125": no trailing zeros, the plain number for inputs and labels.
impl std::fmt::Display for Quantity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (buffer, start) = self.digits();
        // Only ASCII digits, '-' and '.' were written.
        f.write_str(std::str::from_utf8(&buffer[start..]).unwrap_or_default())
    }
}

impl Quantity {
    /// The quantity as people read it, followed by its unit when there is one: "2.5 kg".
    pub fn with_unit(self, unit: &str) -> String {
        let mut text = String::with_capacity(16 + unit.len());
        self.push_to(&mut text);
        if !unit.is_empty() {
            text.push(' ');
            text.push_str(unit);
        }
        text
    }

    /// Appends the quantity as `Display` writes it. A run page prints a thousand of these, and
    /// the formatting machinery costs more than the digits.
    pub fn push_to(self, out: &mut String) {
        let (buffer, start) = self.digits();
        // Only ASCII digits, '-' and '.' were written.
        out.push_str(std::str::from_utf8(&buffer[start..]).unwrap_or_default());
    }

    /// The text, right-aligned in a buffer: the whole units, then a point and the thousandths
    /// without their trailing zeros (500 → ".5", 50 → ".05", 5 → ".005").
    fn digits(self) -> ([u8; 24], usize) {
        let mut buffer = [0u8; 24];
        let mut start = buffer.len();
        let mut put = |byte: u8| {
            start -= 1;
            buffer[start] = byte;
        };
        let abs = self.0.unsigned_abs();
        let scale = SCALE.unsigned_abs();
        let (mut whole, mut fraction) = (abs / scale, abs % scale);
        if fraction != 0 {
            let mut width = 3;
            while fraction % 10 == 0 {
                fraction /= 10;
                width -= 1;
            }
            for _ in 0..width {
                put(b'0' + (fraction % 10) as u8);
                fraction /= 10;
            }
            put(b'.');
        }
        loop {
            put(b'0' + (whole % 10) as u8);
            whole /= 10;
            if whole == 0 {
                break;
            }
        }
        if self.0 < 0 {
            put(b'-');
        }
        (buffer, start)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_quantities_become_exact_thousandths() {
        assert_eq!(Quantity::parse_bid("1.5"), Ok(Quantity(1500)));
        assert_eq!(Quantity::parse_bid(" 1,25 "), Ok(Quantity(1250)));
        assert_eq!(Quantity::parse_bid("2"), Ok(Quantity::units(2)));
        assert_eq!(Quantity::parse_bid("0.001"), Ok(Quantity(1)));
        assert_eq!(Quantity::parse_bid(".5"), Ok(Quantity(500)));
        assert_eq!(Quantity::parse_bid("9999"), Ok(MAX_BID));
    }

    #[test]
    fn nonsense_zero_negative_and_too_much_are_refused() {
        for bad in [
            "", ".", "0", "0.000", "-1", "1.2345", "10000", "abc", "1e3", "1.2.3", "NaN",
        ] {
            assert_eq!(
                Quantity::parse_bid(bad),
                Err(ErrorCode::QuantityInvalid),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn quantities_print_without_trailing_zeros_and_parse_back() {
        for (thousandths, text) in [
            (1500, "1.5"),
            (2000, "2"),
            (125, "0.125"),
            (1, "0.001"),
            (1050, "1.05"),
            (999_010, "999.01"),
        ] {
            assert_eq!(Quantity(thousandths).to_string(), text);
            assert_eq!(Quantity::parse_bid(text), Ok(Quantity(thousandths)));
        }
        assert_eq!(Quantity(-500).to_string(), "-0.5");
        assert_eq!(Quantity(0).to_string(), "0");
        assert_eq!(Quantity(-20).to_string(), "-0.02");
        assert_eq!(Quantity(i64::MIN).to_string(), "-9223372036854775.808");
        let mut text = String::from("x");
        Quantity(12_340).push_to(&mut text);
        assert_eq!(text, "x12.34");
        assert_eq!(Quantity(2500).with_unit("kg"), "2.5 kg");
        assert_eq!(Quantity(3000).with_unit(""), "3");
    }

    #[test]
    fn sums_are_exact() {
        let total: Quantity = ["0.1", "0.2", "0.3"]
            .iter()
            .map(|q| Quantity::parse_bid(q).unwrap())
            .sum();
        assert_eq!(total, Quantity::parse_bid("0.6").unwrap());
    }
}
