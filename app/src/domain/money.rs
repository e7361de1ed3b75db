//! Exact money: amounts are integers in the currency's minor unit (cents), never floats.
//! Parsing accepts what people type on a phone ("12.99", "12,99", "12"); formatting shows the
//! minor digits the currency has.

use crate::error::ErrorCode;

/// The largest price a single observation may have: 1,000,000.00 in major units.
pub const MAX_AMOUNT_MINOR: i64 = 100_000_000;

/// How many minor digits a currency has (ISO 4217); two unless listed.
pub fn minor_digits(currency: &str) -> u32 {
    match currency {
        "JPY" | "KRW" | "ISK" | "CLP" | "VND" => 0,
        "BHD" | "KWD" | "OMR" | "JOD" | "TND" => 3,
        _ => 2,
    }
}

/// Parses a positive amount typed by a person into minor units.
pub fn parse_amount(raw: &str, currency: &str) -> Result<i64, ErrorCode> {
    let text = raw.trim().replace(',', ".");
    let digits = minor_digits(currency) as usize;
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let valid = !whole.is_empty()
        && whole.len() <= 9
        && whole.chars().all(|c| c.is_ascii_digit())
        && fraction.len() <= digits
        && fraction.chars().all(|c| c.is_ascii_digit());
    if !valid {
        return Err(ErrorCode::AmountInvalid);
    }
    let whole: i64 = whole.parse().map_err(|_| ErrorCode::AmountInvalid)?;
    let fraction: i64 = format!("{fraction:0<digits$}").parse().unwrap_or(0);
    let minor = whole * 10_i64.pow(digits as u32) + fraction;
    if minor <= 0 || minor > MAX_AMOUNT_MINOR {
        return Err(ErrorCode::AmountInvalid);
    }
    Ok(minor)
}

/// "12.99" for 1299 cents: the plain number, for inputs and tables.
pub fn format_plain(minor: i64, currency: &str) -> String {
    let digits = minor_digits(currency);
    if digits == 0 {
        return minor.to_string();
    }
    let scale = 10_i64.pow(digits);
    let sign = if minor < 0 { "-" } else { "" };
    let minor = minor.abs();
    format!(
        "{sign}{}.{:0width$}",
        minor / scale,
        minor % scale,
        width = digits as usize
    )
}

/// "12.99 EUR": an amount with its currency, as shown to people.
pub fn format_amount(minor: i64, currency: &str) -> String {
    format!("{} {currency}", format_plain(minor, currency))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_amounts_become_exact_cents() {
        assert_eq!(parse_amount("12.99", "EUR"), Ok(1299));
        assert_eq!(parse_amount(" 12,9 ", "EUR"), Ok(1290));
        assert_eq!(parse_amount("7", "EUR"), Ok(700));
        assert_eq!(parse_amount("0.01", "EUR"), Ok(1));
        assert_eq!(parse_amount("1500", "JPY"), Ok(1500));
        assert_eq!(parse_amount("1.234", "KWD"), Ok(1234));
    }

    #[test]
    fn nonsense_and_out_of_range_amounts_are_refused() {
        for bad in [
            "",
            "abc",
            "-1",
            "0",
            "0.00",
            "1.999",
            "1e3",
            "12.3.4",
            "1000000.01",
            " . ",
        ] {
            assert_eq!(
                parse_amount(bad, "EUR"),
                Err(ErrorCode::AmountInvalid),
                "{bad:?}"
            );
        }
        assert_eq!(parse_amount("1.5", "JPY"), Err(ErrorCode::AmountInvalid));
        assert_eq!(parse_amount("1000000", "EUR"), Ok(MAX_AMOUNT_MINOR));
    }

    #[test]
    fn amounts_format_with_the_currency_digits() {
        assert_eq!(format_amount(1299, "EUR"), "12.99 EUR");
        assert_eq!(format_plain(5, "EUR"), "0.05");
        assert_eq!(format_plain(1500, "JPY"), "1500");
        assert_eq!(format_plain(1234, "KWD"), "1.234");
    }

    #[test]
    fn parsing_what_was_formatted_gives_the_same_amount() {
        for minor in [1, 99, 100, 1299, 123_456, MAX_AMOUNT_MINOR] {
            assert_eq!(parse_amount(&format_plain(minor, "EUR"), "EUR"), Ok(minor));
        }
    }
}
