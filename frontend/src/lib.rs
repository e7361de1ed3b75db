//! The browser entry point: hydrates the server-rendered page so forms and links become live, and
//! registers the service worker that makes Bulq installable and answers offline navigations.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_lazy(app::App);
    register_service_worker_after_load();
}

/// The worker precaches the shell's files (and keeps each page's chunk once used); after the
/// `load` event, so on a slow phone those downloads never compete with the page's own.
fn register_service_worker_after_load() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let loaded = window
        .document()
        .is_some_and(|document| document.ready_state() == "complete");
    if loaded {
        register_service_worker(&window);
        return;
    }
    let on_load = Closure::once(move || {
        if let Some(window) = web_sys::window() {
            register_service_worker(&window);
        }
    });
    let _ = window.add_event_listener_with_callback("load", on_load.as_ref().unchecked_ref());
    on_load.forget();
}

/// Browsers without service workers, or that refuse one (some private windows), go on without:
/// the app works the same, only not offline.
fn register_service_worker(window: &web_sys::Window) {
    let ignore_refusal = Closure::<dyn FnMut(JsValue)>::new(|_| {});
    let _ = window
        .navigator()
        .service_worker()
        .register("/sw.js")
        .catch(&ignore_refusal);
    ignore_refusal.forget();
}
