//! Previous / next links for a paginated list; plain links, so they work without JavaScript.

use leptos::prelude::*;

use crate::domain::paging::Page;
use crate::i18n::{Key, use_i18n};
use crate::tr;

/// `href_for(n)` builds the address of page `n`.
#[component]
pub fn Pager<T: 'static>(
    page: Page<T>,
    href_for: impl Fn(u32) -> String + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let pages = page.total.div_ceil(u64::from(page.per_page.max(1))).max(1);
    let current = page.page;
    (page.has_previous() || page.has_next()).then(|| {
        view! {
            <nav class="pager" aria-label=move || i18n.t(Key::NavPagesLabel)>
                {page.has_previous().then(|| view! {
                    <a class="button small" rel="prev" href=href_for(current - 1)>{move || i18n.t(Key::PreviousPage)}</a>
                })}
                <span class="muted">
                    {move || tr!(i18n, PageOf, page = current, pages = pages)}
                </span>
                {page.has_next().then(|| view! {
                    <a class="button small" rel="next" href=href_for(current + 1)>{move || i18n.t(Key::NextPage)}</a>
                })}
            </nav>
        }
    })
}
