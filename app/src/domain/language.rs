//! The languages Bulq speaks and how a visitor's language is chosen.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Language {
    #[default]
    #[serde(rename = "en")]
    En,
}

impl Language {
    pub const ALL: [Language; 1] = [Language::En];

    /// The BCP 47 tag, as stored on the profile and written into `<html lang>`.
    pub fn code(self) -> &'static str {
        match self {
            Language::En => "en",
        }
    }

    /// The language's name in itself, as a language picker shows it.
    pub fn native_name(self) -> &'static str {
        match self {
            Language::En => "English",
        }
    }

    pub fn from_code(code: &str) -> Option<Language> {
        let primary = code.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Language::ALL
            .into_iter()
            .find(|language| language.code() == primary)
    }

    /// Picks the best supported language from an `Accept-Language` header, by quality.
    pub fn negotiate(accept_language: &str) -> Option<Language> {
        let mut offers: Vec<(f32, Language)> = accept_language
            .split(',')
            .filter_map(|part| {
                let mut pieces = part.split(';');
                let tag = pieces.next()?.trim();
                let quality = pieces
                    .find_map(|p| p.trim().strip_prefix("q="))
                    .and_then(|q| q.trim().parse::<f32>().ok())
                    .unwrap_or(1.0);
                Some((quality, Language::from_code(tag)?))
            })
            .filter(|(quality, _)| *quality > 0.0)
            .collect();
        offers.sort_by(|a, b| b.0.total_cmp(&a.0));
        offers.first().map(|(_, language)| *language)
    }

    /// The language to use: the profile's choice, else the browser's, else English.
    pub fn resolve(profile: Option<Language>, accept_language: Option<&str>) -> Language {
        profile
            .or_else(|| accept_language.and_then(Language::negotiate))
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for language in Language::ALL {
            assert_eq!(Language::from_code(language.code()), Some(language));
        }
        assert_eq!(Language::from_code("en-GB"), Some(Language::En));
        assert_eq!(Language::from_code("xx"), None);
    }

    #[test]
    fn browser_language_is_negotiated_by_quality() {
        assert_eq!(Language::negotiate("de-DE,en;q=0.8"), Some(Language::En));
        assert_eq!(Language::negotiate("de, fr;q=0.9"), None);
        assert_eq!(Language::negotiate("en;q=0"), None);
    }

    #[test]
    fn the_profile_wins_over_the_browser() {
        assert_eq!(
            Language::resolve(Some(Language::En), Some("de")),
            Language::En
        );
        assert_eq!(Language::resolve(None, Some("fr")), Language::En);
        assert_eq!(Language::resolve(None, None), Language::En);
    }
}
