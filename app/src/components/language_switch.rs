//! The language picker of the log-in and registration pages, before there is a profile to keep
//! the choice (the server keeps it in a cookie). Live, the page changes language in place;
//! without JavaScript the post comes back to the same page.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::domain::language::Language;
use crate::i18n::use_i18n;
use crate::session::use_account_actions;
use crate::t;

#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let action = use_account_actions().language;
    let location = use_location();
    let here = move || format!("{}{}", location.pathname.get(), location.search.get());
    let current = i18n.language_untracked();
    view! {
        <ActionForm action attr:class="language-switch" attr:data-testid="language-switch">
            <input type="hidden" name="next" value=here/>
            <label for="language-switch">{t!(i18n, LanguageSwitchLabel)}</label>
            <select id="language-switch" name="language">
                {Language::ALL
                    .into_iter()
                    .map(|language| view! {
                        <option value=language.code() selected=language == current lang=language.code()>
                            {language.native_name()}
                        </option>
                    })
                    .collect_view()}
            </select>
            <button type="submit" class="button">{t!(i18n, SaveLanguage)}</button>
        </ActionForm>
    }
}

/// The time zone the browser runs in (`Europe/Belgrade`), from `Intl`.
#[cfg(feature = "hydrate")]
pub fn browser_time_zone() -> Option<String> {
    let format = js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &js_sys::Object::new());
    let options = format.resolved_options();
    js_sys::Reflect::get(&options, &"timeZone".into())
        .ok()?
        .as_string()
}
