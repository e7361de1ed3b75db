//! How each language writes numbers, money, dates and times, from CLDR (v46) as a compact table
//! for our four locales rather than the full ICU data (ADR 19): the separators, where the currency
//! goes, the currency symbols people know, the month abbreviations and the clock.

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, NaiveTime, Timelike, Utc};

use super::zone::Zone;
use super::{Arg, Key, format, text};
use crate::domain::language::Language;
use crate::domain::money::minor_digits;
use crate::domain::quantity::Quantity;

/// No-break space: CLDR's grouping separator in Russian, and what keeps "12,99 €" on one line.
const NBSP: char = '\u{a0}';

struct Symbols {
    decimal: char,
    group: char,
    /// "€12.99" (before) or "12,99 €" (after, with a no-break space).
    currency_first: bool,
    months: [&'static str; 12],
}

fn symbols(language: Language) -> &'static Symbols {
    const EN: Symbols = Symbols {
        decimal: '.',
        group: ',',
        currency_first: true,
        months: [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ],
    };
    const RU: Symbols = Symbols {
        decimal: ',',
        group: NBSP,
        currency_first: false,
        months: [
            "янв.",
            "февр.",
            "мар.",
            "апр.",
            "мая",
            "июн.",
            "июл.",
            "авг.",
            "сент.",
            "окт.",
            "нояб.",
            "дек.",
        ],
    };
    const SR_CYRL: Symbols = Symbols {
        decimal: ',',
        group: '.',
        currency_first: false,
        months: [
            "јан", "феб", "мар", "апр", "мај", "јун", "јул", "авг", "сеп", "окт", "нов", "дец",
        ],
    };
    const SR_LATN: Symbols = Symbols {
        decimal: ',',
        group: '.',
        currency_first: false,
        months: [
            "jan", "feb", "mar", "apr", "maj", "jun", "jul", "avg", "sep", "okt", "nov", "dec",
        ],
    };
    match language {
        Language::En => &EN,
        Language::Ru => &RU,
        Language::SrCyrl => &SR_CYRL,
        Language::SrLatn => &SR_LATN,
    }
}

/// The symbol a reader of `language` knows for `currency`; the ISO code otherwise.
pub fn currency_symbol(language: Language, currency: &str) -> &str {
    match (language, currency) {
        (_, "EUR") => "€",
        (_, "GBP") => "£",
        (Language::En | Language::Ru, "USD") => "$",
        (Language::SrCyrl | Language::SrLatn, "USD") => "US$",
        (Language::En, "JPY") => "¥",
        (Language::Ru, "RUB") => "₽",
        (Language::Ru, "UAH") => "₴",
        (Language::SrCyrl, "RSD") => "дин.",
        (Language::SrLatn, "RSD") => "din.",
        _ => currency,
    }
}

/// Digits with the locale's grouping: 1234567 → "1 234 567" / "1,234,567" / "1.234.567".
fn push_grouped(out: &mut String, whole: u64, group: char) {
    let digits = whole.to_string();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            out.push(group);
        }
        out.push(digit);
    }
}

/// A plain number in minor units in the locale's notation, without a currency: "1 234,50".
pub fn amount_number(language: Language, minor: i64, currency: &str) -> String {
    let symbols = symbols(language);
    let digits = minor_digits(currency);
    let scale = 10_u64.pow(digits);
    let magnitude = minor.unsigned_abs();
    let mut out = String::with_capacity(16);
    if minor < 0 {
        out.push('-');
    }
    push_grouped(&mut out, magnitude / scale, symbols.group);
    if digits > 0 {
        out.push(symbols.decimal);
        let fraction = magnitude % scale;
        out.push_str(&format!("{fraction:0width$}", width = digits as usize));
    }
    out
}

/// "€12.99", "RSD 1,234.50", "12,99 €", "1.234,50 дин.".
pub fn money(language: Language, minor: i64, currency: &str) -> String {
    let symbol = currency_symbol(language, currency);
    let number = amount_number(language, minor.abs(), currency);
    let sign = if minor < 0 { "-" } else { "" };
    if symbols(language).currency_first {
        // CLDR puts a space between a symbol made of letters and the digits.
        let space = if symbol.chars().last().is_some_and(char::is_alphabetic) {
            "\u{a0}"
        } else {
            ""
        };
        format!("{sign}{symbol}{space}{number}")
    } else {
        format!("{sign}{number}{NBSP}{symbol}")
    }
}

/// The local name of a unit Bulq knows ("kg" → "кг"); any other unit as its product has it.
pub fn unit_name(language: Language, unit: &str) -> &str {
    let key = match unit.trim().to_lowercase().as_str() {
        "kg" => Key::UnitKg,
        "g" => Key::UnitG,
        "l" => Key::UnitL,
        "ml" => Key::UnitMl,
        "each" | "pc" | "pcs" | "piece" => Key::UnitEach,
        "pack" => Key::UnitPack,
        _ => return unit,
    };
    text(language, key)
}

/// Appends a quantity with the locale's decimal separator: "1,5".
pub fn push_quantity(out: &mut String, language: Language, quantity: Quantity) {
    let decimal = symbols(language).decimal;
    let start = out.len();
    quantity.push_to(out);
    if decimal != '.'
        && let Some(point) = out[start..].find('.')
    {
        out.replace_range(start + point..start + point + 1, &decimal.to_string());
    }
}

/// "1,5 кг", "2 each", "3 уп.".
pub fn quantity(language: Language, quantity: Quantity, unit: &str) -> String {
    let mut out = String::with_capacity(16 + unit.len());
    push_quantity(&mut out, language, quantity);
    let unit = unit_name(language, unit);
    if !unit.is_empty() {
        out.push(' ');
        out.push_str(unit);
    }
    out
}

/// The locale's way of writing a quantity into a form field: "1,5" in Russian.
pub fn quantity_input(language: Language, quantity: Quantity) -> String {
    let mut out = String::new();
    push_quantity(&mut out, language, quantity);
    out
}

/// A calendar day in CLDR's medium form: "Dec 24, 2026", "24 дек. 2026 г.", "24. дец 2026.".
pub fn day(language: Language, day: NaiveDate) -> String {
    let month = symbols(language).months[day.month0() as usize];
    let (d, y) = (day.day(), day.year());
    match language {
        Language::En => format!("{month} {d}, {y}"),
        Language::Ru => format!("{d} {month} {y} г."),
        Language::SrCyrl | Language::SrLatn => format!("{d}. {month} {y}."),
    }
}

/// A clock time: "5:04 PM" in English, "17:04" in Russian and Serbian.
pub fn time(language: Language, time: NaiveTime) -> String {
    let (hour, minute) = (time.hour(), time.minute());
    match language {
        Language::En => {
            let period = if hour < 12 { "AM" } else { "PM" };
            let hour12 = match hour % 12 {
                0 => 12,
                other => other,
            };
            format!("{hour12}:{minute:02}\u{202f}{period}")
        }
        _ => format!("{hour:02}:{minute:02}"),
    }
}

/// A local date and time: "Dec 24, 2026, 5:04 PM", "24 дек. 2026 г., 17:04".
pub fn date_time(language: Language, local: NaiveDateTime) -> String {
    let date = day(language, local.date());
    let clock = time(language, local.time());
    match language {
        Language::SrCyrl | Language::SrLatn => format!("{date} {clock}"),
        _ => format!("{date}, {clock}"),
    }
}

/// A past moment as people say it: "just now", "5 minutes ago", "3 hours ago", "today at 09:15",
/// "yesterday at 17:04"; older (or future) moments as a date and time.
pub fn relative_time(language: Language, zone: &Zone, at: DateTime<Utc>) -> String {
    let now = zone.now();
    let seconds = (now - at).num_seconds();
    let (local, local_now) = (zone.local(at), zone.local(now));
    let clock = || time(language, local.time());
    match seconds {
        -59..60 => text(language, Key::TimeJustNow).to_owned(),
        60..3600 => format(
            language,
            Key::TimeMinutesAgo,
            &[("count", Arg::Number(seconds / 60))],
        ),
        3600..21600 => format(
            language,
            Key::TimeHoursAgo,
            &[("count", Arg::Number(seconds / 3600))],
        ),
        _ if seconds > 0 && local.date() == local_now.date() => {
            format(language, Key::TimeTodayAt, &[("time", Arg::Text(&clock()))])
        }
        _ if seconds > 0 && local_now.date().pred_opt() == Some(local.date()) => format(
            language,
            Key::TimeYesterdayAt,
            &[("time", Arg::Text(&clock()))],
        ),
        _ => date_time(language, local),
    }
}

/// How far a day is from the viewer's today, where people say it that way: "today",
/// "tomorrow", "in 3 days", "2 days ago"; nothing beyond a week.
pub fn relative_day(language: Language, zone: &Zone, day: NaiveDate) -> Option<String> {
    let today = zone.local(zone.now()).date();
    let days = (day - today).num_days();
    Some(match days {
        0 => text(language, Key::DayToday).to_owned(),
        1 => text(language, Key::DayTomorrow).to_owned(),
        -1 => text(language, Key::DayYesterday).to_owned(),
        2..=6 => format(language, Key::DayInDays, &[("count", Arg::Number(days))]),
        -6..=-2 => format(language, Key::DayDaysAgo, &[("count", Arg::Number(-days))]),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    #[test]
    fn money_follows_the_viewers_locale_and_the_groups_currency() {
        assert_eq!(money(Language::En, 1299, "EUR"), "€12.99");
        assert_eq!(money(Language::En, 123_450, "RSD"), "RSD\u{a0}1,234.50");
        assert_eq!(money(Language::Ru, 1299, "EUR"), "12,99\u{a0}€");
        assert_eq!(
            money(Language::Ru, 123_450, "RSD"),
            "1\u{a0}234,50\u{a0}RSD"
        );
        assert_eq!(money(Language::Ru, 99_900, "RUB"), "999,00\u{a0}₽");
        assert_eq!(
            money(Language::SrCyrl, 123_450, "RSD"),
            "1.234,50\u{a0}дин."
        );
        assert_eq!(
            money(Language::SrLatn, 123_450, "RSD"),
            "1.234,50\u{a0}din."
        );
        assert_eq!(money(Language::En, -500, "USD"), "-$5.00");
        assert_eq!(money(Language::Ru, 1500, "JPY"), "1\u{a0}500\u{a0}JPY");
        assert_eq!(
            amount_number(Language::SrCyrl, 123_456_789, "EUR"),
            "1.234.567,89"
        );
    }

    #[test]
    fn quantities_use_the_locales_decimal_separator_and_unit_names() {
        let q = Quantity::from_thousandths(1500);
        assert_eq!(quantity(Language::En, q, "kg"), "1.5 kg");
        assert_eq!(quantity(Language::Ru, q, "kg"), "1,5 кг");
        assert_eq!(quantity(Language::SrCyrl, q, "L"), "1,5 л");
        assert_eq!(
            quantity(Language::SrLatn, Quantity::units(3), "pack"),
            "3 pak."
        );
        assert_eq!(quantity(Language::Ru, Quantity::units(2), "ящик"), "2 ящик");
        assert_eq!(quantity(Language::Ru, Quantity::units(2), ""), "2");
        assert_eq!(quantity_input(Language::Ru, q), "1,5");
    }

    #[test]
    fn days_and_times_as_each_locale_writes_them() {
        let christmas = NaiveDate::from_ymd_opt(2026, 12, 24).unwrap_or_default();
        assert_eq!(day(Language::En, christmas), "Dec 24, 2026");
        assert_eq!(day(Language::Ru, christmas), "24 дек. 2026 г.");
        assert_eq!(day(Language::SrCyrl, christmas), "24. дец 2026.");
        assert_eq!(day(Language::SrLatn, christmas), "24. dec 2026.");
        let evening = christmas.and_hms_opt(17, 4, 0).unwrap_or_default();
        assert_eq!(
            date_time(Language::En, evening),
            "Dec 24, 2026, 5:04\u{202f}PM"
        );
        assert_eq!(date_time(Language::Ru, evening), "24 дек. 2026 г., 17:04");
        assert_eq!(date_time(Language::SrLatn, evening), "24. dec 2026. 17:04");
        let midnight = christmas.and_hms_opt(0, 30, 0).unwrap_or_default();
        assert_eq!(time(Language::En, midnight.time()), "12:30\u{202f}AM");
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn relative_times_count_in_the_viewers_zone() {
        // 2026-12-01 23:30 UTC is already 2 December, 00:30, in Belgrade.
        let now = Utc.with_ymd_and_hms(2026, 12, 1, 23, 30, 0).unwrap();
        let belgrade = crate::i18n::zone::zone_for("Europe/Belgrade", now).unwrap();
        let utc = Zone::fixed("UTC", 0, now);
        let at = |h, m| Utc.with_ymd_and_hms(2026, 12, 1, h, m, 0).unwrap();
        assert_eq!(
            relative_time(Language::En, &utc, at(23, 29)),
            "1 minute ago"
        );
        assert_eq!(
            relative_time(Language::Ru, &utc, at(23, 25)),
            "5 минут назад"
        );
        assert_eq!(relative_time(Language::Ru, &utc, at(21, 0)), "2 часа назад");
        // 16:00 UTC is 17:00 in Belgrade: yesterday there by now, still today in UTC.
        let late = Utc.with_ymd_and_hms(2026, 12, 1, 16, 0, 0).unwrap();
        assert_eq!(
            relative_time(Language::En, &utc, late),
            "today at 4:00\u{202f}PM"
        );
        assert_eq!(
            relative_time(Language::SrLatn, &belgrade, late),
            format(
                Language::SrLatn,
                Key::TimeYesterdayAt,
                &[("time", Arg::Text("17:00"))]
            )
        );
        let old = Utc.with_ymd_and_hms(2026, 11, 2, 9, 15, 0).unwrap();
        assert_eq!(
            relative_time(Language::Ru, &belgrade, old),
            "2 нояб. 2026 г., 10:15"
        );
        // Summer time: 2026-07-01 09:15 UTC is 11:15 in Belgrade.
        let summer = Utc.with_ymd_and_hms(2026, 7, 1, 9, 15, 0).unwrap();
        assert_eq!(
            relative_time(Language::SrCyrl, &belgrade, summer),
            "1. јул 2026. 11:15"
        );
        // Shopping days count from the viewer's today, which in Belgrade is already 2 December.
        let day = |d| NaiveDate::from_ymd_opt(2026, 12, d).unwrap_or_default();
        assert_eq!(
            relative_day(Language::En, &belgrade, day(2)),
            Some("today".into())
        );
        assert_eq!(
            relative_day(Language::En, &utc, day(2)),
            Some("tomorrow".into())
        );
        assert_eq!(
            relative_day(Language::Ru, &belgrade, day(7)),
            Some("через 5 дней".into())
        );
        assert_eq!(relative_day(Language::En, &belgrade, day(30)), None);
    }
}
