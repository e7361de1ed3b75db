//! The form above an admin list: a search field, an optional filter, and a button that shows
//! the result. A plain GET form, so it works without JavaScript and the address keeps the search.

use leptos::prelude::*;

use crate::domain::admin::ADMIN_SEARCH_MAX;
use crate::i18n::{Key, use_i18n};

/// `landmark` names the search region apart from the field (`field_label`), which screen readers
/// and the browser tests tell apart; `children` adds a filter (a labelled `<select>`).
#[component]
pub fn FilterForm(
    #[prop(optional, into)] action: Option<String>,
    landmark: Key,
    field_id: &'static str,
    field_name: &'static str,
    field_label: Key,
    value: String,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <form method="get" action=action class="filter-form" role="search"
            aria-label=move || i18n.t(landmark)>
            <label for=field_id class="visually-hidden">{move || i18n.t(field_label)}</label>
            <input id=field_id type="search" name=field_name value=value maxlength=ADMIN_SEARCH_MAX
                autocapitalize="none" spellcheck="false" placeholder=move || i18n.t(field_label)/>
            {children.map(|children| children())}
            <button type="submit" class="button">{move || i18n.t(Key::AdminSearchSubmit)}</button>
        </form>
    }
}
