//! The colour theme a person chose: light, dark, or whatever their device is set to.

use serde::{Deserialize, Serialize};
use strum::{EnumIter, EnumString, IntoStaticStr};

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
#[strum(serialize_all = "lowercase")]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

impl Theme {
    /// The name stored and written into `<html data-theme>`.
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// A stored or posted name; anything else follows the device.
    pub fn from_name(name: &str) -> Option<Self> {
        name.parse().ok()
    }
}

#[cfg(test)]
mod tests {
    use super::Theme;
    use strum::IntoEnumIterator;

    #[test]
    fn names_round_trip_and_nothing_else_parses() {
        for theme in Theme::iter() {
            assert_eq!(Theme::from_name(theme.as_str()), Some(theme));
        }
        assert_eq!(Theme::from_name("Dark"), None);
        assert_eq!(Theme::from_name(""), None);
    }
}
