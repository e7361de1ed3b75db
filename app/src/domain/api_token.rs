//! Personal access tokens for API clients: what a token may do, its name, how long it lives and
//! how an `Idempotency-Key` looks. Shared by the profile page and the server.

use serde::{Deserialize, Serialize};
use strum::{EnumIter, EnumString, IntoStaticStr};

use crate::domain::hidden_characters::has_hidden_characters;
use crate::error::ErrorCode;

/// Live tokens one account may hold: enough for every phone and script a person has.
pub const TOKENS_PER_ACCOUNT: i64 = 20;
pub const TOKEN_NAME_MAX: usize = 60;
/// The lifetimes the profile offers, in days; `None` is "until revoked".
pub const TOKEN_LIFETIMES: [Option<u32>; 5] = [Some(7), Some(30), Some(90), Some(365), None];
/// How long the answer to an `Idempotency-Key` is kept and replayed.
pub const IDEMPOTENCY_HOURS: i32 = 24;
pub const IDEMPOTENCY_KEY_MAX: usize = 255;

/// What a token may do: `read` only looks; `write` may also change what its owner may change.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    EnumString,
    IntoStaticStr,
    EnumIter,
)]
#[strum(serialize_all = "snake_case")]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum TokenScope {
    #[default]
    Read,
    Write,
}

impl TokenScope {
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn from_name(name: &str) -> Option<Self> {
        name.parse().ok()
    }

    pub fn allows_writing(self) -> bool {
        self == TokenScope::Write
    }
}

/// A token's name: what the person will recognise it by ("Phone", "Home Assistant").
pub fn parse_token_name(raw: &str) -> Result<String, ErrorCode> {
    let name = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    if has_hidden_characters(&name) {
        return Err(ErrorCode::HiddenCharacters);
    }
    let length = name.chars().count();
    if !(1..=TOKEN_NAME_MAX).contains(&length) || name.chars().any(char::is_control) {
        return Err(ErrorCode::TokenNameInvalid);
    }
    Ok(name)
}

/// The lifetime picked in the form: empty is "until revoked", else one of [`TOKEN_LIFETIMES`].
pub fn parse_lifetime(raw: &str) -> Result<Option<u32>, ErrorCode> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    let days = raw.parse::<u32>().map_err(|_| ErrorCode::InvalidInput)?;
    if TOKEN_LIFETIMES.contains(&Some(days)) {
        Ok(Some(days))
    } else {
        Err(ErrorCode::InvalidInput)
    }
}

/// An `Idempotency-Key` as a client sends it: 1–255 visible ASCII characters (a UUID is usual).
pub fn valid_idempotency_key(key: &str) -> bool {
    (1..=IDEMPOTENCY_KEY_MAX).contains(&key.len()) && key.bytes().all(|b| b.is_ascii_graphic())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_trimmed_and_bounded() {
        assert_eq!(parse_token_name("  My   phone ").as_deref(), Ok("My phone"));
        assert_eq!(parse_token_name("   "), Err(ErrorCode::TokenNameInvalid));
        assert_eq!(
            parse_token_name(&"x".repeat(61)),
            Err(ErrorCode::TokenNameInvalid)
        );
        assert_eq!(
            parse_token_name("phone\u{202e}"),
            Err(ErrorCode::HiddenCharacters)
        );
    }

    #[test]
    fn only_offered_lifetimes_are_accepted() {
        assert_eq!(parse_lifetime(""), Ok(None));
        assert_eq!(parse_lifetime("30"), Ok(Some(30)));
        assert_eq!(parse_lifetime("31"), Err(ErrorCode::InvalidInput));
        assert_eq!(parse_lifetime("-1"), Err(ErrorCode::InvalidInput));
    }

    #[test]
    fn scopes_read_their_names() {
        assert_eq!(TokenScope::from_name("write"), Some(TokenScope::Write));
        assert_eq!(TokenScope::Read.as_str(), "read");
        assert_eq!(TokenScope::from_name("admin"), None);
    }

    #[test]
    fn idempotency_keys_are_visible_ascii() {
        assert!(valid_idempotency_key("3f1c-a9"));
        assert!(!valid_idempotency_key(""));
        assert!(!valid_idempotency_key("a b"));
        assert!(!valid_idempotency_key(&"k".repeat(256)));
        assert!(!valid_idempotency_key("ключ"));
    }
}
