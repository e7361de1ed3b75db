//! Toasts: a short line about what just happened (an action went through, a notification arrived
//! live, a new version is ready), announced politely from one `aria-live` region in the page
//! shell and gone after a few seconds, or when tapped. They are only ever an echo: without
//! JavaScript the page itself shows every outcome, so nothing is said only in a toast.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use crate::components::update_notice::UpdateNotice;
use crate::error::AppError;
use crate::i18n::{Key, use_i18n};

/// How long a toast stays, in milliseconds: long enough to read a line twice.
#[cfg(feature = "hydrate")]
const SHOWN_FOR_MS: u64 = 6_000;

#[derive(Clone, Debug, PartialEq)]
struct Toast {
    id: u64,
    text: String,
}

/// The page's toasts, newest last.
#[derive(Clone, Copy)]
pub struct Toasts {
    shown: RwSignal<Vec<Toast>>,
    next_id: StoredValue<u64>,
}

impl Toasts {
    /// Provides the app's toasts (once, in the app shell).
    pub fn provide() {
        provide_context(Self {
            shown: RwSignal::new(Vec::new()),
            next_id: StoredValue::new(0),
        });
    }

    /// The app's toasts, where the shell provided them.
    pub fn get() -> Option<Self> {
        use_context()
    }

    /// Shows `text` for a few seconds.
    pub fn show(self, text: String) {
        let toasts = self;
        let Some(id) = toasts.next_id.try_get_value() else {
            return;
        };
        toasts.next_id.set_value(id + 1);
        toasts.shown.try_update(|shown| {
            shown.push(Toast { id, text });
            // A burst of live news keeps only the latest few on a phone's screen.
            let excess = shown.len().saturating_sub(3);
            shown.drain(..excess);
        });
        #[cfg(feature = "hydrate")]
        set_timeout(
            move || toasts.dismiss(id),
            std::time::Duration::from_millis(SHOWN_FOR_MS),
        );
    }

    fn dismiss(self, id: u64) {
        self.shown
            .try_update(|shown| shown.retain(|toast| toast.id != id));
    }
}

/// Shows `message` each time `action` goes through (never for a result it already had).
pub fn toast_after<A>(action: ServerAction<A>, message: Key)
where
    A: ServerFn<Error = AppError> + Clone + Send + Sync + 'static,
    A::Output: Clone + Send + Sync + 'static,
{
    let i18n = use_i18n();
    let toasts = Toasts::get();
    Effect::new(move |seen: Option<usize>| {
        let version = action.version().try_get().unwrap_or_default();
        let succeeded = matches!(action.value().try_get().flatten(), Some(Ok(_)));
        if seen.is_some_and(|seen| seen != version)
            && succeeded
            && let Some(toasts) = toasts
        {
            toasts.show(i18n.t_now(message).to_owned());
        }
        version
    });
}

/// The live region the toasts appear in; it is in every page, empty until something happens.
#[component]
pub fn ToastRegion() -> impl IntoView {
    let i18n = use_i18n();
    let toasts = Toasts::get();
    let shown = move || toasts.map(|t| t.shown.get()).unwrap_or_default();
    view! {
        <div class="toasts" role="status" aria-live="polite" data-testid="toasts">
            <For each=shown key=|toast| toast.id let:toast>
                <p class="toast">
                    <span>{toast.text.clone()}</span>
                    <button type="button" class="toast-close"
                        aria-label=move || i18n.t(Key::DismissToast)
                        on:click=move |_| if let Some(toasts) = toasts { toasts.dismiss(toast.id) }>
                        "×"
                    </button>
                </p>
            </For>
            <UpdateNotice/>
        </div>
    }
}
