//! What a search may ask for: the typed text, tidied and bounded, and how it becomes a LIKE
//! pattern. Case and accents are folded by Postgres (`bulq_fold`), not here.

use crate::error::ErrorCode;

pub const QUERY_MAX: usize = 100;
/// Shorter queries match too much to be worth a suggestion while typing.
pub const SUGGEST_MIN: usize = 2;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SearchQuery(String);

impl SearchQuery {
    pub fn parse(raw: &str) -> Result<Self, ErrorCode> {
        let text = raw.split_whitespace().collect::<Vec<_>>().join(" ");
        if text.is_empty() {
            return Err(ErrorCode::SearchQueryInvalid);
        }
        if text.chars().count() > QUERY_MAX || text.chars().any(char::is_control) {
            return Err(ErrorCode::SearchQueryInvalid);
        }
        Ok(Self(text))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The text with LIKE's wildcards escaped, so "50%" finds "50%" and not everything.
    pub fn like_escaped(&self) -> String {
        self.0
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_are_tidied_and_bounded() {
        assert_eq!(
            SearchQuery::parse("  olive   oil ").unwrap().as_str(),
            "olive oil"
        );
        assert_eq!(
            SearchQuery::parse("   "),
            Err(ErrorCode::SearchQueryInvalid)
        );
        assert_eq!(
            SearchQuery::parse(&"x".repeat(QUERY_MAX + 1)),
            Err(ErrorCode::SearchQueryInvalid)
        );
        assert!(SearchQuery::parse("Café").is_ok());
    }

    #[test]
    fn wildcards_are_taken_literally() {
        let query = SearchQuery::parse(r"50%_off\").unwrap();
        assert_eq!(query.like_escaped(), r"50\%\_off\\");
    }
}
