//! The languages Bulq speaks, how a visitor's language is chosen, and the time zone a person
//! reads times in.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Language {
    #[default]
    #[serde(rename = "en")]
    En,
    #[serde(rename = "ru")]
    Ru,
    /// Serbian in Cyrillic, the script Serbian defaults to.
    #[serde(rename = "sr-Cyrl")]
    SrCyrl,
    #[serde(rename = "sr-Latn")]
    SrLatn,
}

impl Language {
    pub const ALL: [Language; 4] = [
        Language::En,
        Language::Ru,
        Language::SrCyrl,
        Language::SrLatn,
    ];

    /// The BCP 47 tag, as stored on the profile and written into `<html lang>`.
    pub fn code(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Ru => "ru",
            Language::SrCyrl => "sr-Cyrl",
            Language::SrLatn => "sr-Latn",
        }
    }

    /// The language's name in itself, as a language picker shows it.
    pub fn native_name(self) -> &'static str {
        match self {
            Language::En => "English",
            Language::Ru => "Русский",
            Language::SrCyrl => "Српски (ћирилица)",
            Language::SrLatn => "Srpski (latinica)",
        }
    }

    /// Reads a BCP 47 tag: the language, and for Serbian the script (`sr-Latn`, `sr-Latn-RS`);
    /// Serbian without a script is Cyrillic. Case and `_` for `-` are forgiven.
    pub fn from_code(code: &str) -> Option<Language> {
        let lowered = code.trim().to_ascii_lowercase().replace('_', "-");
        let mut subtags = lowered.split('-');
        match subtags.next()? {
            "en" => Some(Language::En),
            "ru" => Some(Language::Ru),
            "sr" => {
                if subtags.any(|subtag| subtag == "latn") {
                    Some(Language::SrLatn)
                } else {
                    Some(Language::SrCyrl)
                }
            }
            _ => None,
        }
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

/// A valid IANA time zone name, as stored on the profile.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimeZoneName(String);

impl TimeZoneName {
    #[cfg(feature = "ssr")]
    pub fn parse(raw: &str) -> Result<TimeZoneName, crate::error::ErrorCode> {
        let name = raw.trim();
        if crate::i18n::zone::is_known_zone(name) {
            Ok(TimeZoneName(name.to_owned()))
        } else {
            Err(crate::error::ErrorCode::TimeZoneInvalid)
        }
    }

    /// The zone the browser reported at registration, else the likeliest one for the
    /// language (a no-JavaScript registration sends none); the profile changes it.
    #[cfg(feature = "ssr")]
    pub fn from_browser_or(raw: Option<&str>, language: Language) -> TimeZoneName {
        raw.and_then(|raw| TimeZoneName::parse(raw).ok())
            .unwrap_or_else(|| {
                TimeZoneName(
                    match language {
                        Language::En => "UTC",
                        Language::Ru => "Europe/Moscow",
                        Language::SrCyrl | Language::SrLatn => "Europe/Belgrade",
                    }
                    .to_owned(),
                )
            })
    }

    pub fn as_str(&self) -> &str {
        &self.0
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
        assert_eq!(Language::from_code("ru-RU"), Some(Language::Ru));
        assert_eq!(Language::from_code("sr"), Some(Language::SrCyrl));
        assert_eq!(Language::from_code("sr-RS"), Some(Language::SrCyrl));
        assert_eq!(Language::from_code("sr-Latn-RS"), Some(Language::SrLatn));
        assert_eq!(Language::from_code("sr_latn"), Some(Language::SrLatn));
    }

    #[test]
    fn browser_language_is_negotiated_by_quality() {
        assert_eq!(Language::negotiate("de-DE,en;q=0.8"), Some(Language::En));
        assert_eq!(Language::negotiate("de, fr;q=0.9"), None);
        assert_eq!(Language::negotiate("en;q=0"), None);
        assert_eq!(
            Language::negotiate("de;q=0.9, ru-RU, en;q=0.5"),
            Some(Language::Ru)
        );
        assert_eq!(
            Language::negotiate("sr-Latn-RS,sr;q=0.9"),
            Some(Language::SrLatn)
        );
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
