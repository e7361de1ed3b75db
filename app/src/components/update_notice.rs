//! "A new version is ready": when a newer service worker has installed behind an open page, a
//! toast offers to reload. The page is never reloaded unasked (someone may be typing); when the
//! person chooses to, the waiting worker takes over first (skip waiting), so the reloaded page
//! and its WASM come from the newer server. A page becoming visible again asks for an update, so
//! an app left open on a phone learns of a release.

use leptos::prelude::*;

use crate::i18n::{Key, use_i18n};

#[component]
pub fn UpdateNotice() -> impl IntoView {
    let i18n = use_i18n();
    let ready = RwSignal::new(false);
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| browser::watch(ready));
    move || {
        ready.get().then(|| {
            view! {
                <p class="toast" data-testid="update-ready">
                    <span>{move || i18n.t(Key::ToastUpdateReady)}</span>
                    <button type="button" class="button primary small" on:click=move |_| {
                        #[cfg(feature = "hydrate")]
                        browser::reload_into_new_version();
                    }>{move || i18n.t(Key::ReloadNow)}</button>
                </p>
            }
        })
    }
}

#[cfg(feature = "hydrate")]
mod browser {
    use leptos::prelude::*;
    use wasm_bindgen::JsCast;
    use wasm_bindgen::prelude::*;
    use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

    fn container() -> Option<ServiceWorkerContainer> {
        let window = web_sys::window()?;
        // Browsers without service workers have no such property.
        js_sys::Reflect::has(&window.navigator(), &"serviceWorker".into())
            .unwrap_or(false)
            .then(|| window.navigator().service_worker())
    }

    /// With the registration of this page's worker, if there is one.
    fn with_registration(then: impl FnOnce(ServiceWorkerRegistration) + 'static) {
        let Some(container) = container() else {
            return;
        };
        let found = Closure::once(move |value: JsValue| {
            if let Ok(registration) = value.dyn_into::<ServiceWorkerRegistration>() {
                then(registration);
            }
        });
        let _ = container.get_registration().then(&found);
        found.forget();
    }

    /// A worker is an update only when another one controls the page already.
    fn is_update() -> bool {
        container().is_some_and(|c| c.controller().is_some())
    }

    pub fn watch(ready: RwSignal<bool>) {
        with_registration(move |registration| {
            if registration.waiting().is_some() && is_update() {
                ready.set(true);
            }
            let watch_installing = {
                let registration = registration.clone();
                move || {
                    let Some(worker) = registration.installing() else {
                        return;
                    };
                    let observed = worker.clone();
                    let on_state = Closure::<dyn FnMut()>::new(move || {
                        if observed.state() == ServiceWorkerState::Installed && is_update() {
                            ready.set(true);
                        }
                    });
                    worker.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
                    on_state.forget();
                }
            };
            watch_installing();
            let on_update = Closure::<dyn FnMut()>::new(watch_installing);
            registration.set_onupdatefound(Some(on_update.as_ref().unchecked_ref()));
            on_update.forget();

            let on_visible = Closure::<dyn FnMut()>::new(move || {
                let visible = web_sys::window()
                    .and_then(|w| w.document())
                    .is_some_and(|d| d.visibility_state() == web_sys::VisibilityState::Visible);
                if visible {
                    let _ = registration.update();
                }
            });
            if let Some(document) = web_sys::window().and_then(|w| w.document()) {
                let _ = document.add_event_listener_with_callback(
                    "visibilitychange",
                    on_visible.as_ref().unchecked_ref(),
                );
            }
            on_visible.forget();
        });
    }

    fn reload() {
        if let Some(window) = web_sys::window() {
            let _ = window.location().reload();
        }
    }

    pub fn reload_into_new_version() {
        let Some(container) = container() else {
            return reload();
        };
        let on_change = Closure::<dyn FnMut()>::new(reload);
        container.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
        on_change.forget();
        with_registration(|registration| match registration.waiting() {
            Some(worker) => {
                let _ = worker.post_message(&JsValue::from_str("skip-waiting"));
            }
            None => reload(),
        });
    }
}
