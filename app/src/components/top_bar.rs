//! The header on every page: the brand, and either log in / sign up or the user's name and log
//! out, the app's sections and the search box.

use leptos::prelude::*;

use crate::components::form::FormState;
use crate::components::search_box::SearchBox;
use crate::i18n::use_i18n;
use crate::session::{use_account_actions, use_session};
use crate::t;

#[component]
pub fn TopBar() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let actions = use_account_actions();
    let logout_state = FormState::of(actions.logout);
    view! {
        <header class="top-bar">
            <a class="skip-link" href="#main">{t!(i18n, SkipToContent)}</a>
            <a class="brand" href="/">
                <span class="brand-mark" aria-hidden="true">"▦"</span>
                {t!(i18n, AppName)}
            </a>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    match session.await.ok().and_then(|info| info.user) {
                        Some(user) => view! {
                            <nav class="top-nav" aria-label="Account">
                                <a class="nav-link" href="/profile" data-testid="nav-profile">
                                    {user.display_name}
                                </a>
                                <ActionForm action=actions.logout attr:class="inline-form">
                                    <button type="submit" class="button ghost"
                                        disabled=move || logout_state.is_pending()>
                                        {t!(i18n, NavLogOut)}
                                    </button>
                                </ActionForm>
                            </nav>
                            <nav class="section-nav" aria-label="Sections">
                                <a href="/">{t!(i18n, NavGroups)}</a>
                                <a href="/stores">{t!(i18n, NavStores)}</a>
                                <a href="/products">{t!(i18n, NavProducts)}</a>
                            </nav>
                            <SearchBox/>
                        }.into_any(),
                        None => view! {
                            <nav class="top-nav" aria-label="Account">
                                <a class="nav-link" href="/login">{t!(i18n, NavLogIn)}</a>
                                <a class="button primary small" href="/register">{t!(i18n, NavSignUp)}</a>
                            </nav>
                        }.into_any(),
                    }
                })}
            </Transition>
        </header>
    }
}
