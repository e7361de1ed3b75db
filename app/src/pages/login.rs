//! `/login`: username and password; returns to `?next=` afterwards.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::form::{Field, FormError, FormState, SubmitButton};
use crate::components::language_switch::LanguageSwitch;
use crate::domain::validation::PASSWORD_MAX;
use crate::i18n::{Key, use_i18n};
use crate::pages::next_path::use_next_path;
use crate::session::use_account_actions;
use crate::t;

#[component]
pub fn LoginPage() -> impl IntoView {
    let i18n = use_i18n();
    let action = use_account_actions().login;
    let state = FormState::of(action);
    let (next, register_href) = use_next_path("/register");
    view! {
        <Title text=i18n.t_now(Key::LoginTitle)/>
        <LanguageSwitch/>
        <section class="card narrow">
            <h1>{t!(i18n, LoginTitle)}</h1>
            <ActionForm action attr:class="stack" attr:data-testid="login-form">
                <input type="hidden" name="next" value=next/>
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
            <p class="aside muted">{t!(i18n, LoginForgotPassword)}</p>
        </section>
    }
}
