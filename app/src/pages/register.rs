//! `/register`: a new account, logged in at once; returns to `?next=` afterwards.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::accounts::registration_mode;
use crate::components::form::{
    Concern, Field, FieldCheck, FormError, FormState, NewPasswordFields, SubmitButton,
};
use crate::components::language_switch::LanguageSwitch;
use crate::domain::admin::RegistrationMode;
use crate::domain::validation::{DISPLAY_NAME_MAX, USERNAME_MAX, USERNAME_PATTERN};
use crate::i18n::{Key, use_i18n};
use crate::pages::next_path::use_next_path;
use crate::session::use_account_actions;
use crate::t;

#[component]
pub fn RegisterPage() -> impl IntoView {
    let i18n = use_i18n();
    let action = use_account_actions().register;
    let state = FormState::of(action);
    let (next, login_href) = use_next_path("/login");
    let browser_time_zone = RwSignal::new(String::new());
    Effect::new(move |_| {
        #[cfg(feature = "hydrate")]
        if let Some(zone) = crate::components::language_switch::browser_time_zone() {
            browser_time_zone.set(zone);
        }
    });
    let browser_time_zone = move || browser_time_zone.get();
    let mode = Resource::new(|| (), |()| registration_mode());
    // With an invite link, invite-only registration takes the person; the server checks the link.
    let with_invite = move || next.get().starts_with("/join/");
    let refusal = move || match mode.get().and_then(Result::ok) {
        Some(RegistrationMode::Closed) => Some(Key::RegistrationClosedNotice),
        Some(RegistrationMode::InviteOnly) if !with_invite() => {
            Some(Key::RegistrationInviteOnlyNotice)
        }
        _ => None,
    };
    let display_name =
        FieldCheck::new(state, Concern::DisplayName, "register-display-name").with_hint();
    let username = FieldCheck::new(state, Concern::Username, "register-username").with_hint();
    view! {
        <Title text=i18n.t_now(Key::RegisterTitle)/>
        <LanguageSwitch/>
        <section class="card narrow">
            <h1>{t!(i18n, RegisterTitle)}</h1>
            <Suspense fallback=|| ()>
            {move || match refusal() {
                Some(notice) => view! {
                    <p class="notice" role="status" data-testid="registration-refused">{move || i18n.t(notice)}</p>
                }.into_any(),
                None => {
                let (display_name, username) = (display_name.clone(), username.clone());
                view! {
            <ActionForm action attr:class="stack" attr:data-testid="register-form">
                <input type="hidden" name="next" value=next/>
                // Filled in by the browser once the page is live; without JavaScript the server
                // guesses from the language, and the profile changes it.
                <input type="hidden" name="time_zone" value=browser_time_zone/>
                <FormError state/>
                <Field id="register-display-name" label=Key::DisplayNameLabel hint=Key::DisplayNameHint
                    check=display_name.clone()>
                    <input id="register-display-name" name="display_name" autocomplete="name"
                        aria-describedby=display_name.described_by() aria-invalid=display_name.invalid()
                        maxlength=DISPLAY_NAME_MAX required/>
                </Field>
                <Field id="register-username" label=Key::UsernameLabel hint=Key::UsernameHint
                    check=username.clone()>
                    <input id="register-username" name="username" autocomplete="username"
                        aria-describedby=username.described_by() aria-invalid=username.invalid()
                        autocapitalize="none" spellcheck="false"
                        pattern=USERNAME_PATTERN maxlength=USERNAME_MAX required/>
                </Field>
                <NewPasswordFields state form="register" name="password" label=Key::PasswordLabel/>
                <SubmitButton state label=Key::RegisterSubmit/>
            </ActionForm>
                }.into_any()
                }
            }}
            </Suspense>
            <p class="aside"><a href=login_href>{t!(i18n, RegisterHaveAccount)}</a></p>
        </section>
    }
}
