//! The search box in the header. Without JavaScript it is a GET form to `/search`. Hydrated, it
//! suggests the first hits while typing (after a short pause, so typing does not spend the rate
//! limit), as an ARIA combobox: ↑/↓ move through the suggestions, Enter opens the highlighted one
//! (or the results page), Escape closes the list.

use std::time::Duration;

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::api::search::suggest;
use crate::components::debounce::Debouncer;
use crate::domain::search::{QUERY_MAX, SUGGEST_MIN};
use crate::i18n::{Key, use_i18n};
use crate::model::SearchHit;
use crate::pages::search::{hit_kind_and_detail, urlencode};
use crate::t;

const PAUSE: Duration = Duration::from_millis(250);
const LIST_ID: &str = "search-suggestions";

fn option_id(index: usize) -> String {
    format!("search-option-{index}")
}

#[component]
pub fn SearchBox() -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let text = RwSignal::new(String::new());
    let hits = RwSignal::new(Vec::<SearchHit>::new());
    let open = RwSignal::new(false);
    let active = RwSignal::new(None::<usize>);
    let debouncer = Debouncer::new(PAUSE);

    let fetch_later = move |typed: String| {
        if typed.trim().chars().count() < SUGGEST_MIN {
            debouncer.cancel();
            hits.set(Vec::new());
            open.set(false);
            return;
        }
        debouncer.run(move || {
            leptos::task::spawn_local(async move {
                let found = suggest(typed.clone()).await.unwrap_or_default();
                // A slower answer to an older query must not replace a newer one; the page may
                // also have moved on meanwhile, so nothing here may assume the signals still live.
                if text.try_get_untracked().as_ref() == Some(&typed) {
                    hits.try_set(found);
                    active.try_set(None);
                    open.try_set(true);
                }
            });
        });
    };

    let on_keydown = move |event: leptos::ev::KeyboardEvent| {
        let count = hits.with_untracked(Vec::len);
        match event.key().as_str() {
            "ArrowDown" if count > 0 => {
                event.prevent_default();
                open.set(true);
                active.update(|a| *a = Some(a.map_or(0, |i| (i + 1) % count)));
            }
            "ArrowUp" if count > 0 => {
                event.prevent_default();
                active.update(|a| *a = Some(a.map_or(count - 1, |i| (i + count - 1) % count)));
            }
            "Enter" => {
                let chosen = active
                    .get_untracked()
                    .and_then(|i| hits.with_untracked(|h| h.get(i).map(SearchHit::href)));
                if let Some(href) = chosen {
                    event.prevent_default();
                    open.set(false);
                    navigate(&href, Default::default());
                }
            }
            "Escape" => {
                open.set(false);
                active.set(None);
            }
            _ => {}
        }
    };

    view! {
        <form class="search-box" method="get" action="/search" role="search"
            aria-label=move || i18n.t(Key::SearchTitle)
            on:submit=move |_| open.set(false)>
            <label class="visually-hidden" for="search-q">{t!(i18n, SearchLabel)}</label>
            <input id="search-q" type="search" name="q" maxlength=QUERY_MAX autocomplete="off"
                placeholder=move || i18n.t(Key::SearchPlaceholder)
                role="combobox" aria-autocomplete="list" aria-controls=LIST_ID
                aria-expanded=move || (open.get() && !hits.read().is_empty()).to_string()
                aria-activedescendant=move || active.get().map(option_id)
                prop:value=move || text.get()
                on:input=move |event| {
                    let typed = event_target_value(&event);
                    text.set(typed.clone());
                    fetch_later(typed);
                }
                on:keydown=on_keydown
                on:blur=move |_| {
                    // Late enough for a click on a suggestion to land first.
                    set_timeout(move || { open.try_set(false); }, Duration::from_millis(200));
                }/>
            <ul id=LIST_ID role="listbox" class="suggestions-list" data-testid="search-suggestions"
                hidden=move || !open.get() || hits.read().is_empty()>
                {move || hits.get().into_iter().enumerate().map(|(index, hit)| {
                    let (kind, detail) = hit_kind_and_detail(i18n, &hit);
                    let selected = move || active.get() == Some(index);
                    view! {
                        <li id=option_id(index) role="option" aria-selected=move || selected().to_string()
                            class:active=selected>
                            <a href=hit.href() tabindex="-1" on:click=move |_| open.set(false)>
                                <span class="list-title">{hit.name().to_owned()}</span>
                                <span class="badge">{kind}</span>
                                <span class="muted">{detail}</span>
                            </a>
                        </li>
                    }
                }).collect_view()}
                <li role="presentation" class="see-all">
                    <a href=move || format!("/search?q={}", urlencode(&text.get())) tabindex="-1">
                        {t!(i18n, SearchSeeAll)}
                    </a>
                </li>
            </ul>
        </form>
    }
}
