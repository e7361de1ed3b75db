//! A thin bar along the top while the router fetches the next page (its WASM chunk and its
//! data), so a tap on a slow phone visibly did something. Screen readers hear it through
//! `aria-busy` on the page's main region instead.

use leptos::prelude::*;

#[component]
pub fn NavigationProgress(navigating: ReadSignal<bool>) -> impl IntoView {
    view! {
        <div class="navigation-progress" aria-hidden="true" data-testid="navigation-progress"
            hidden=move || !navigating.get()></div>
    }
}
