//! Asking before a destructive action, with and without JavaScript. Hydrated, the button opens a
//! modal `<dialog>`: the rest of the page is inert, Escape or "Go back" closes it and focus returns
//! to the button, and only its confirming button sends the form. Without JavaScript (or before
//! hydration) the same button sends the form's fields by GET to a confirmation page
//! ([`Confirmation`]) that asks the same question and posts the real form.

use leptos::html;
use leptos::prelude::*;

use crate::components::form::FormState;
use crate::error::{AppError, ErrorCode};
use crate::i18n::{Key, use_i18n};

/// The submit button of a destructive form. `page` is its confirmation page; `key` tells apart
/// several such buttons of one page (one per item).
#[component]
pub fn ConfirmSubmit(
    state: FormState,
    #[prop(into)] label: Signal<String>,
    #[prop(into)] question: Signal<String>,
    #[prop(into)] page: String,
    #[prop(optional, into)] key: Option<String>,
    #[prop(optional)] danger: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let dialog = NodeRef::<html::Dialog>::new();
    let trigger = NodeRef::<html::Button>::new();
    let question_id = format!("confirm-{}", dom_id(&page, key.as_deref()));
    let open = move |event: leptos::ev::MouseEvent| {
        if let Some(dialog) = dialog.get_untracked() {
            event.prevent_default();
            let _ = dialog.show_modal();
        }
    };
    let close = move |_| {
        if let Some(dialog) = dialog.get_untracked() {
            dialog.close();
        }
    };
    let send = move |_| {
        if let Some(dialog) = dialog.get_untracked() {
            dialog.close();
        }
        if let Some(form) = trigger.get_untracked().and_then(|button| button.form()) {
            let _ = form.request_submit();
        }
    };
    let return_focus = move |_| {
        if let Some(button) = trigger.get_untracked() {
            let _ = button.focus();
        }
    };
    let class = if danger { "button danger" } else { "button" };
    let labelled_by = question_id.clone();
    view! {
        <button type="submit" class=class node_ref=trigger formaction=page formmethod="get"
            formnovalidate=true disabled=move || state.is_pending()
            aria-busy=move || state.is_pending().to_string() on:click=open>
            {move || if state.is_pending() { i18n.t(Key::Working).to_owned() } else { label.get() }}
        </button>
        <dialog class="confirm-dialog" node_ref=dialog aria-labelledby=labelled_by
            data-testid="confirmation" on:close=return_focus>
            <p id=question_id>{move || question.get()}</p>
            <div class="confirm-actions">
                <button type="button" class="button" autofocus=true on:click=close>
                    {move || i18n.t(Key::GoBack)}
                </button>
                <button type="button" class=class on:click=send>{move || label.get()}</button>
            </div>
        </dialog>
    }
}

/// An id for the dialog's question, the same on the server and in the browser.
fn dom_id(page: &str, key: Option<&str>) -> String {
    page.chars()
        .chain(
            key.into_iter()
                .flat_map(|key| std::iter::once('-').chain(key.chars())),
        )
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .trim_matches('-')
        .to_owned()
}

/// A confirmation page's question and its real form, posted without JavaScript to `action` with
/// `fields`; `back` is the page it stands for, where the answer (or an error) is shown and where
/// "Go back" leads. `children` may add what the question is about (the reason given, say);
/// `inside` adds choices the person may still change, sent with the form.
#[component]
pub fn Confirmation(
    question: String,
    label: String,
    action: &'static str,
    fields: Vec<(&'static str, String)>,
    back: String,
    #[prop(optional)] danger: bool,
    #[prop(default = None)] inside: Option<AnyView>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <leptos_meta::Title text=i18n.t_now(Key::ConfirmationTitle)/>
        <section class="card confirmation" data-testid="confirmation" aria-labelledby="confirmation-title">
            <h1 id="confirmation-title">{move || i18n.t(Key::ConfirmationTitle)}</h1>
            <p class="confirmation-question">{question}</p>
            {children.map(|children| children())}
            <form method="post" action=action class="confirm-actions">
                {inside.map(|inside| view! { <div class="confirm-inside">{inside}</div> })}
                {fields.into_iter().map(|(name, value)| view! {
                    <input type="hidden" name=name value=value/>
                }).collect_view()}
                <input type="hidden" name="__back" value=back.clone()/>
                <a class="button" href=back>{move || i18n.t(Key::GoBack)}</a>
                <button type="submit" class=if danger { "button danger" } else { "button primary" }>{label}</button>
            </form>
        </section>
    }
}

/// A confirmation page for a move that is not offered (any more): why, and the way back.
#[component]
pub fn ConfirmationRefused(code: ErrorCode, back: String) -> impl IntoView {
    let i18n = use_i18n();
    let error = AppError::from(code);
    view! {
        <section class="card narrow" data-testid="confirmation-refused">
            <h1>{move || i18n.t(Key::ConfirmationTitle)}</h1>
            <p role="alert" data-code=code.as_str()>{i18n.error(&error)}</p>
            <p><a class="button" href=back>{move || i18n.t(Key::GoBack)}</a></p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::dom_id;

    #[test]
    fn dialog_ids_are_plain_and_tell_items_apart() {
        assert_eq!(
            dom_id("/runs/1a/confirm/cancel", None),
            "runs-1a-confirm-cancel"
        );
        assert_ne!(
            dom_id("/runs/1/confirm/put-back", Some("a")),
            dom_id("/runs/1/confirm/put-back", Some("b"))
        );
    }
}
