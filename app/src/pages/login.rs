//! `/login`: username and password; returns to `?next=` afterwards.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::components::form::{Field, FormError, FormState, SubmitButton};
use crate::domain::validation::PASSWORD_MAX;
use crate::i18n::{Key, use_i18n};
use crate::session::use_account_actions;
use crate::t;

#[component]
pub fn LoginPage() -> impl IntoView {
    let i18n = use_i18n();
    let action = use_account_actions().login;
    let state = FormState::of(action);
    let query = use_query_map();
    let next = move || query.read().get("next").unwrap_or_default();
    let register_href = move || match query.read().get("next") {
        Some(next) => format!("/register?next={}", encode_query_value(&next)),
        None => "/register".to_owned(),
    };
    view! {
        <Title text=move || i18n.t(Key::LoginTitle)/>
        <section class="card narrow">
            <h1>{t!(i18n, LoginTitle)}</h1>
            <ActionForm action attr:class="stack" attr:data-testid="login-form">
                <input type="hidden" name="next" prop:value=next/>
                <FormError state/>
                <Field id="login-username" label=Key::UsernameLabel>
                    <input id="login-username" name="username" autocomplete="username"
                        autocapitalize="none" spellcheck="false" required/>
                </Field>
                <Field id="login-password" label=Key::PasswordLabel>
                    <input id="login-password" name="password" type="password"
                        autocomplete="current-password" maxlength=PASSWORD_MAX required/>
                </Field>
                <SubmitButton state label=Key::LoginSubmit/>
            </ActionForm>
            <p class="aside"><a href=register_href>{t!(i18n, LoginNoAccount)}</a></p>
        </section>
    }
}

/// Percent-encodes a value for a query string (only what a local path can contain matters here).
pub fn encode_query_value(value: &str) -> String {
    value
        .bytes()
        .map(|byte| match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                (byte as char).to_string()
            }
            other => format!("%{other:02X}"),
        })
        .collect()
}
