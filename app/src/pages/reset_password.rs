//! `/reset/:token`: a new password through a one-time link a site admin made. The link works once,
//! for an hour; afterwards the person is logged in here and logged out everywhere else.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::api::accounts::reset_link;
use crate::components::form::{FormError, FormState, NewPasswordFields, SubmitButton};
use crate::i18n::{Key, use_i18n};
use crate::session::use_account_actions;
use crate::{t, tr};

#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let token = move || params.read().get("token").unwrap_or_default();
    let link = Resource::new(token, reset_link);
    let action = use_account_actions().reset_password;
    let state = FormState::of(action);
    view! {
        <Title text=i18n.t_now(Key::ResetTitle)/>
        <section class="card narrow">
            <h1>{t!(i18n, ResetTitle)}</h1>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match link.await {
                        Ok(person) => view! {
                            <p>{tr!(i18n, ResetFor, name = person.display_name, username = person.username)}</p>
                            <ActionForm action attr:class="stack" attr:data-testid="reset-form">
                                <input type="hidden" name="token" value=token/>
                                <FormError state/>
                                <NewPasswordFields state form="reset" name="new_password" label=Key::NewPasswordLabel/>
                                <SubmitButton state label=Key::ResetSubmit/>
                            </ActionForm>
                        }.into_any(),
                        Err(error) => view! {
                            <p role="alert" data-code=error.code.as_str()>{i18n.error(&error)}</p>
                            <p><a class="button" href="/login">{t!(i18n, NavLogIn)}</a></p>
                        }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}
