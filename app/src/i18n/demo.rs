//! The demo data's descriptive texts in each language (`locales/<language>/demo.ftl`): run
//! comments, store details and price notes for `server seed`. Server-only, so the browser's bundle
//! does not carry them.

use fluent_bundle::{FluentBundle, FluentResource};
use strum::{EnumIter, IntoStaticStr};

use crate::domain::language::Language;

/// A demo text; its kebab-case name is its Fluent id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, EnumIter, IntoStaticStr)]
#[strum(serialize_all = "kebab-case")]
pub enum DemoText {
    StoreCostcoAddress,
    StoreCostcoHours,
    StoreCostcoNotes,
    StoreSamsAddress,
    StoreSamsHours,
    #[strum(serialize = "note-aisle-12")]
    NoteAisle12,
    NoteEndCap,
    NoteOrganicSection,
    NoteHousehold,
    NoteRegularPrice,
    NoteDeli,
    NoteClearance,
    NoteOnSale,
    NoteHigherToday,
    RunOpened,
    RunBidding,
    RunConfirmed,
    RunShopping,
    RunAdjusting,
    RunDistributing,
    RunCompleted,
    RunCancelled,
    CancelReason,
}

impl DemoText {
    pub fn id(self) -> &'static str {
        self.into()
    }

    /// The text in `language`; a text missing there shows its id (the tests make sure none is).
    pub fn text(self, language: Language) -> String {
        let resource = FluentResource::try_new(source(language).to_owned())
            .unwrap_or_else(|(resource, _)| resource);
        let mut bundle = FluentBundle::new(Vec::new());
        let _ = bundle.add_resource(resource);
        let Some(pattern) = bundle.get_message(self.id()).and_then(|m| m.value()) else {
            return self.id().to_owned();
        };
        let mut errors = Vec::new();
        bundle
            .format_pattern(pattern, None, &mut errors)
            .into_owned()
    }

    /// The text in every language, so demo data seeded in one language is recognised in another.
    pub fn in_every_language(self) -> Vec<String> {
        Language::ALL.into_iter().map(|l| self.text(l)).collect()
    }
}

pub(super) fn source(language: Language) -> &'static str {
    match language {
        Language::En => include_str!("../../locales/en/demo.ftl"),
        Language::Ru => include_str!("../../locales/ru/demo.ftl"),
        Language::SrCyrl => include_str!("../../locales/sr-Cyrl/demo.ftl"),
        Language::SrLatn => include_str!("../../locales/sr-Latn/demo.ftl"),
    }
}
