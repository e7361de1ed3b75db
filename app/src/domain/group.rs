//! Group rules shared by forms and server: names, currencies, invite tokens and size limits.

use crate::error::ErrorCode;

pub const GROUP_NAME_MIN: usize = 2;
pub const GROUP_NAME_MAX: usize = 100;
pub const MAX_GROUPS_PER_USER: i64 = 100;
pub const MAX_MEMBERS_PER_GROUP: i64 = 100;
/// Punctuation allowed in group names besides letters, digits and spaces of any script.
const GROUP_NAME_PUNCTUATION: &str = "-_&'.,()!";

/// A group name: 2–100 characters of letters and digits in any script, spaces and `-_&'.,()!`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GroupName(String);

impl GroupName {
    pub fn parse(raw: &str) -> Result<Self, ErrorCode> {
        let name = raw.split_whitespace().collect::<Vec<_>>().join(" ");
        let length = name.chars().count();
        let allowed =
            |c: char| c.is_alphanumeric() || c == ' ' || GROUP_NAME_PUNCTUATION.contains(c);
        if !(GROUP_NAME_MIN..=GROUP_NAME_MAX).contains(&length) || !name.chars().all(allowed) {
            return Err(ErrorCode::GroupNameInvalid);
        }
        Ok(GroupName(name))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// An ISO 4217 currency code such as `EUR` or `RSD`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CurrencyCode(String);

impl CurrencyCode {
    pub fn parse(raw: &str) -> Result<Self, ErrorCode> {
        let code = raw.trim().to_ascii_uppercase();
        if code.len() == 3 && code.chars().all(|c| c.is_ascii_uppercase()) {
            Ok(CurrencyCode(code))
        } else {
            Err(ErrorCode::InvalidInput)
        }
    }

    /// A currency a person picked from the list Bulq offers.
    pub fn offered(raw: &str) -> Result<Self, ErrorCode> {
        let code = raw.trim().to_ascii_uppercase();
        if OFFERED_CURRENCIES.contains(&code.as_str()) {
            Ok(CurrencyCode(code))
        } else {
            Err(ErrorCode::CurrencyInvalid)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The ISO 4217 currencies a group may keep its money in: those in use in Europe and the
/// widely traded ones, alphabetical.
pub const OFFERED_CURRENCIES: [&str; 30] = [
    "AUD", "BAM", "BGN", "BRL", "CAD", "CHF", "CNY", "CZK", "DKK", "EUR", "GBP", "GEL", "HUF",
    "ILS", "INR", "ISK", "JPY", "KZT", "MDL", "MKD", "NOK", "NZD", "PLN", "RON", "RSD", "RUB",
    "SEK", "TRY", "UAH", "USD",
];

/// The currency a new group is offered in the creator's language.
pub fn suggested_currency(language: crate::domain::language::Language) -> &'static str {
    use crate::domain::language::Language;
    match language {
        Language::En => "EUR",
        Language::Ru => "RUB",
        Language::SrCyrl | Language::SrLatn => "RSD",
    }
}

/// Invite tokens are 32 characters of `[A-Za-z0-9]`; anything else cannot be one.
pub fn looks_like_invite_token(token: &str) -> bool {
    token.len() == 32 && token.chars().all(|c| c.is_ascii_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn group_names_allow_any_script_and_fold_spaces() {
        assert_eq!(
            GroupName::parse("  Test   Friends ").unwrap().as_str(),
            "Test Friends"
        );
        assert_eq!(
            GroupName::parse("Друзья & Co.").unwrap().as_str(),
            "Друзья & Co."
        );
        assert_eq!(
            GroupName::parse("Ručak (posao)").unwrap().as_str(),
            "Ručak (posao)"
        );
    }

    #[test]
    fn group_names_outside_the_rules_are_refused() {
        for bad in ["", "x", "  a ", "<script>", "semi;colon", &"n".repeat(101)] {
            assert_eq!(
                GroupName::parse(bad),
                Err(ErrorCode::GroupNameInvalid),
                "{bad:?}"
            );
        }
        assert!(GroupName::parse(&"n".repeat(100)).is_ok());
    }

    #[test]
    fn currency_codes_are_three_letters() {
        assert_eq!(CurrencyCode::parse(" rsd ").unwrap().as_str(), "RSD");
        assert!(CurrencyCode::parse("EURO").is_err());
        assert!(CurrencyCode::parse("E1R").is_err());
        assert_eq!(CurrencyCode::offered("rsd").unwrap().as_str(), "RSD");
        assert_eq!(
            CurrencyCode::offered("XYZ"),
            Err(ErrorCode::CurrencyInvalid)
        );
    }

    #[test]
    fn invite_tokens_have_one_shape() {
        assert!(looks_like_invite_token(&"a1".repeat(16)));
        assert!(!looks_like_invite_token("short"));
        assert!(!looks_like_invite_token(&"-".repeat(32)));
    }
}
