//! The currency picker of a group: the offered ISO 4217 codes, each with its local symbol.

use leptos::prelude::*;

use crate::domain::group::OFFERED_CURRENCIES;
use crate::i18n::{locale, use_i18n};

/// A `<select name="currency">` with `selected` chosen; `hint_id` names the hint it is described by.
#[component]
pub fn CurrencySelect(id: &'static str, hint_id: &'static str, selected: String) -> impl IntoView {
    let language = use_i18n().language_untracked();
    view! {
        <select id=id name="currency" aria-describedby=hint_id>
            {OFFERED_CURRENCIES.iter().map(|&code| {
                let symbol = locale::currency_symbol(language, code);
                let text = if symbol == code { code.to_owned() } else { format!("{code} ({symbol})") };
                view! { <option value=code selected=code == selected>{text}</option> }
            }).collect_view()}
        </select>
    }
}
