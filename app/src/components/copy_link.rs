//! A link (or another text to hand over, like a new API token) shown in a read-only field with a
//! copy button. Without JavaScript the field can be selected and copied by hand; hydrated, the
//! button copies and says so.

use leptos::prelude::*;

use crate::i18n::{Key, use_i18n};

#[component]
pub fn CopyLink(
    #[prop(into)] url: Signal<String>,
    id: &'static str,
    /// What the field holds, for screen readers; an invite link unless told.
    #[prop(optional)]
    field_label: Option<Key>,
    /// The button's label; "Copy link" unless told.
    #[prop(optional)]
    copy_label: Option<Key>,
) -> impl IntoView {
    let i18n = use_i18n();
    let field_label = field_label.unwrap_or(Key::InviteLinkSection);
    let copy_label = copy_label.unwrap_or(Key::CopyLink);
    let copied = RwSignal::new(false);
    let copy = move |_| {
        let _promise = window()
            .navigator()
            .clipboard()
            .write_text(&url.get_untracked());
        copied.set(true);
    };
    view! {
        <div class="copy-link">
            <input id=id type="text" readonly value=move || url.get() data-testid="invite-url"
                aria-label=move || i18n.t(field_label)
                on:focus=|event| {
                    use leptos::wasm_bindgen::JsCast;
                    if let Some(input) = event.target().and_then(|t| t.dyn_into::<leptos::web_sys::HtmlInputElement>().ok()) {
                        input.select();
                    }
                }/>
            <button type="button" class="button small" on:click=copy>
                {move || if copied.get() { i18n.t(Key::LinkCopied) } else { i18n.t(copy_label) }}
            </button>
        </div>
    }
}

/// A page's full address: the page's own origin once in the browser; on the server the path is
/// enough until hydration fills in the origin.
pub fn site_url(path: &str) -> String {
    #[cfg(feature = "hydrate")]
    if let Ok(origin) = window().location().origin() {
        return format!("{origin}{path}");
    }
    path.to_owned()
}
