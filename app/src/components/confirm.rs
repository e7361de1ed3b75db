//! A submit button that asks first. Once hydrated it shows the browser's confirm dialog and stops
//! the submission on "Cancel"; without JavaScript the form is sent straight away.

use leptos::prelude::*;

use crate::components::form::FormState;

#[component]
pub fn ConfirmSubmit(
    state: FormState,
    #[prop(into)] label: Signal<String>,
    #[prop(into)] question: Signal<String>,
    #[prop(optional)] danger: bool,
) -> impl IntoView {
    let on_click = move |event: leptos::ev::MouseEvent| {
        let confirmed = window()
            .confirm_with_message(&question.get_untracked())
            .unwrap_or(false);
        if !confirmed {
            event.prevent_default();
        }
    };
    view! {
        <button type="submit" class=if danger { "button danger" } else { "button" }
            disabled=move || state.is_pending() on:click=on_click>
            {move || label.get()}
        </button>
    }
}
