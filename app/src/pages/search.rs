//! `/search?q=…&page=…`: everything the search box finds, a page at a time. A plain GET form, so
//! it works without JavaScript; the header's box suggests the first hits while typing.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::search::search;
use crate::components::page_error::PageError;
use crate::components::pager::Pager;
use crate::domain::search::QUERY_MAX;
use crate::i18n::{I18n, Key, use_i18n};
use crate::model::SearchHit;
use crate::t;
use crate::tr;

/// What kind of thing a hit is, and the line under its name.
pub fn hit_kind_and_detail(i18n: I18n, hit: &SearchHit) -> (&'static str, String) {
    match hit {
        SearchHit::Group { member_count, .. } => (
            i18n.t(Key::SearchKindGroup),
            i18n.count(Key::MemberCount, *member_count),
        ),
        SearchHit::Store { address, .. } => (i18n.t(Key::SearchKindStore), address.clone()),
        SearchHit::Product {
            brand,
            unit,
            is_family,
            family,
            ..
        } => {
            let variant_of = family
                .as_ref()
                .map(|family| tr!(i18n, VariantOf, family = *family));
            let detail = [variant_of.as_deref().unwrap_or(""), brand, i18n.unit(unit)]
                .into_iter()
                .filter(|part| !part.is_empty())
                .collect::<Vec<_>>()
                .join(" · ");
            let kind = if *is_family {
                Key::SearchKindFamily
            } else {
                Key::SearchKindProduct
            };
            (i18n.t(kind), detail)
        }
    }
}

#[component]
pub fn SearchPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let typed = move || query.read().get("q").unwrap_or_default();
    let page = move || query.read().get("page").and_then(|p| p.parse::<u32>().ok());
    let results = Resource::new(
        move || (typed(), page()),
        |(q, page)| async move {
            if q.trim().is_empty() {
                None
            } else {
                Some(search(q, page).await)
            }
        },
    );
    view! {
        <Title text=i18n.t_now(Key::SearchTitle)/>
        <h1>{t!(i18n, SearchTitle)}</h1>
        <form class="card search-form" method="get" action="/search" role="search"
            aria-label=move || i18n.t(Key::SearchPlaceholder)>
            <label class="visually-hidden" for="search-page-q">{t!(i18n, SearchLabel)}</label>
            <input id="search-page-q" type="search" name="q" value=typed maxlength=QUERY_MAX
                placeholder=move || i18n.t(Key::SearchPlaceholder) autocomplete="off"/>
            <button type="submit" class="button primary">{t!(i18n, SearchSubmit)}</button>
        </form>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match results.await {
                    None => view! { <p class="empty">{t!(i18n, SearchPrompt)}</p> }.into_any(),
                    Some(Err(error)) => view! { <PageError error/> }.into_any(),
                    Some(Ok(found)) if found.items.is_empty() => {
                        let q = typed();
                        view! {
                            <p class="empty" data-testid="search-empty">
                                {move || tr!(i18n, SearchNoResults, query = q)}
                            </p>
                        }.into_any()
                    }
                    Some(Ok(found)) => {
                        let q = typed();
                        let encoded = urlencode(&q);
                        view! {
                            <section class="card">
                                <h2>{move || tr!(i18n, SearchResultsFor, query = q)}</h2>
                                <ul class="group-list" data-testid="search-results">
                                    {found.items.iter().map(|hit| {
                                        let (kind, detail) = hit_kind_and_detail(i18n, hit);
                                        view! {
                                            <li><a class="list-row" href=hit.href()>
                                                <span class="list-title">{hit.name().to_owned()}</span>
                                                <span class="badge">{kind}</span>
                                                <span class="muted">{detail}</span>
                                            </a></li>
                                        }
                                    }).collect_view()}
                                </ul>
                                <Pager page=found href_for=move |n| format!("/search?q={encoded}&page={n}")/>
                            </section>
                        }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}

/// Percent-encodes a query for a link (RFC 3986 unreserved characters stay as they are).
pub fn urlencode(text: &str) -> String {
    text.bytes()
        .map(|byte| match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (byte as char).to_string()
            }
            _ => format!("%{byte:02X}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::urlencode;

    #[test]
    fn queries_survive_a_link() {
        assert_eq!(urlencode("olive oil"), "olive%20oil");
        assert_eq!(urlencode("café&x=1"), "caf%C3%A9%26x%3D1");
    }
}
