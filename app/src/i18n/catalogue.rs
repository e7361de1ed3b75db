//! The Fluent bundles: each language's file is compiled into the binary, parsed the first time
//! the language is used, and its messages without variables are formatted once into a table, so
//! a page's static text costs an index, not a Fluent call.

use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use strum::{EnumCount, IntoEnumIterator};

use super::Key;
use crate::domain::language::Language;

/// The source of each language's messages.
pub(super) fn source(language: Language) -> &'static str {
    match language {
        Language::En => include_str!("../../locales/en/bulq.ftl"),
        Language::Ru => include_str!("../../locales/ru/bulq.ftl"),
        Language::SrCyrl => include_str!("../../locales/sr-Cyrl/bulq.ftl"),
        Language::SrLatn => include_str!("../../locales/sr-Latn/bulq.ftl"),
    }
}

/// A value for a message variable: text is shown as it is, a number also picks plural forms.
#[derive(Clone, Copy, Debug)]
pub enum Arg<'a> {
    Text(&'a str),
    Number(i64),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(text: &'a str) -> Self {
        Arg::Text(text)
    }
}

impl<'a> From<&'a &str> for Arg<'a> {
    fn from(text: &'a &str) -> Self {
        Arg::Text(text)
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(text: &'a String) -> Self {
        Arg::Text(text)
    }
}

macro_rules! number_args {
    ($($type:ty),*) => {$(
        impl From<&$type> for Arg<'_> {
            fn from(number: &$type) -> Self {
                Arg::Number(i64::try_from(*number).unwrap_or(i64::MAX))
            }
        }
    )*};
}
number_args!(i64, i32, u32, u64, usize);

pub(super) struct Catalogue {
    bundle: FluentBundle<FluentResource>,
    plain: Vec<String>,
}

impl Catalogue {
    fn load(language: Language) -> Catalogue {
        let resource = FluentResource::try_new(source(language).to_owned())
            .unwrap_or_else(|(resource, _)| resource);
        let locale = language
            .code()
            .parse()
            .unwrap_or_else(|_| unic_langid::LanguageIdentifier::default());
        let mut bundle = FluentBundle::new_concurrent(vec![locale]);
        // Unicode isolation marks around every variable would end up in inputs and copied text.
        bundle.set_use_isolating(false);
        // Duplicates are refused by the tests; the first definition wins here.
        let _ = bundle.add_resource(resource);
        let mut catalogue = Catalogue {
            bundle,
            plain: Vec::with_capacity(Key::COUNT),
        };
        catalogue.plain = Key::iter()
            .map(|key| catalogue.format(key.id(), &[]))
            .collect();
        catalogue
    }

    pub(super) fn plain(&'static self, key: Key) -> &'static str {
        self.plain.get(key as usize).map_or("", String::as_str)
    }

    /// The message `id` with `args`; a message missing from this language shows its id, so a
    /// gap is visible (and the tests make sure there is none).
    pub(super) fn format(&self, id: &str, args: &[(&str, Arg)]) -> String {
        let Some(pattern) = self.bundle.get_message(id).and_then(|m| m.value()) else {
            return id.to_owned();
        };
        let mut fluent_args = FluentArgs::with_capacity(args.len());
        for (name, value) in args {
            let value = match *value {
                Arg::Text(text) => FluentValue::from(text),
                Arg::Number(number) => FluentValue::from(number),
            };
            fluent_args.set(*name, value);
        }
        let mut errors = Vec::new();
        let text = self
            .bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors);
        text.into_owned()
    }

    /// The names of the variables a message uses, for the tests.
    #[cfg(test)]
    pub(super) fn has_message(&self, id: &str) -> bool {
        self.bundle.has_message(id)
    }
}

static EN: LazyLock<Catalogue> = LazyLock::new(|| Catalogue::load(Language::En));
static RU: LazyLock<Catalogue> = LazyLock::new(|| Catalogue::load(Language::Ru));
static SR_CYRL: LazyLock<Catalogue> = LazyLock::new(|| Catalogue::load(Language::SrCyrl));
static SR_LATN: LazyLock<Catalogue> = LazyLock::new(|| Catalogue::load(Language::SrLatn));

pub(super) fn catalogue(language: Language) -> &'static Catalogue {
    match language {
        Language::En => &EN,
        Language::Ru => &RU,
        Language::SrCyrl => &SR_CYRL,
        Language::SrLatn => &SR_LATN,
    }
}
