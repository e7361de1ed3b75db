//! Marks the page live (`<body data-hydrated="true">`) once the page's own view is hydrated, not
//! just the shell around it: with per-page WASM chunks the shell is live before the page's chunk
//! has arrived. While the app navigates to another page (which may mean fetching its chunk) the
//! mark is off. Tests (and curious humans) wait for it; effects only run in the browser.

use leptos::prelude::*;

/// Placed after a page's view: marks the page live once it is hydrated.
#[component]
pub fn PageLive() -> impl IntoView {
    Effect::new(|_| mark_live(true));
}

/// The mark follows client-side navigation: off while the router loads the next page, on when
/// it is shown. The first run is the initial hydration, which [`PageLive`] reports instead.
pub fn follow_navigation(navigating: ReadSignal<bool>) {
    Effect::new(move |previous: Option<()>| {
        let busy = navigating.get();
        if previous.is_some() {
            mark_live(!busy);
        }
    });
}

fn mark_live(live: bool) {
    #[cfg(feature = "hydrate")]
    if let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    {
        let _ = if live {
            body.set_attribute("data-hydrated", "true")
        } else {
            body.remove_attribute("data-hydrated")
        };
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = live;
}
