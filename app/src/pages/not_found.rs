//! The page for every unknown address, answered with status 404.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::page_live::PageLive;
use crate::i18n::{Key, use_i18n};
use crate::t;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    let i18n = use_i18n();
    view! {
        <Title text=i18n.t_now(Key::NotFoundTitle)/>
        <section class="card narrow">
            <h1>{t!(i18n, NotFoundTitle)}</h1>
            <p>{t!(i18n, NotFoundBody)}</p>
            <a class="button" href="/">{t!(i18n, BackHome)}</a>
        </section>
        <PageLive/>
    }
}
