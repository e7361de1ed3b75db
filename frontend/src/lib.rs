//! The browser entry point: hydrates the server-rendered page so forms and links become live, and
//! registers the service worker that makes Bulq installable and answers offline navigations.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(app::App);
    register_service_worker();
}

/// Browsers without service workers, or that refuse one (some private windows), go on without:
/// the app works the same, only not offline.
fn register_service_worker() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let ignore_refusal = Closure::<dyn FnMut(JsValue)>::new(|_| {});
    let _ = window
        .navigator()
        .service_worker()
        .register("/sw.js")
        .catch(&ignore_refusal);
    ignore_refusal.forget();
}
