//! `/profile/delete`: deleting one's own account, asked on a page of its own (it is the
//! confirmation): what happens, the current password, and the button. Works without JavaScript.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::form::{Concern, Field, FieldCheck, FormError, FormState};
use crate::domain::validation::PASSWORD_MAX;
use crate::i18n::{Key, use_i18n};
use crate::session::use_account_actions;
use crate::t;

#[component]
pub fn DeleteAccountPage() -> impl IntoView {
    let i18n = use_i18n();
    let action = use_account_actions().delete_account;
    let state = FormState::of(action);
    let password = FieldCheck::new(state, Concern::CurrentPassword, "delete-current-password");
    view! {
        <Title text=i18n.t_now(Key::DeleteAccountSection)/>
        <section class="card narrow">
            <h1>{t!(i18n, DeleteAccountSection)}</h1>
            <p>{t!(i18n, DeleteAccountExplain)}</p>
            <ActionForm action attr:class="stack" attr:data-testid="delete-account-form">
                <FormError state/>
                <Field id="delete-current-password" label=Key::CurrentPasswordLabel check=password.clone()>
                    <input id="delete-current-password" name="current_password" type="password"
                        autocomplete="current-password" maxlength=PASSWORD_MAX required
                        aria-describedby=password.described_by() aria-invalid=password.invalid()/>
                </Field>
                <button type="submit" class="button danger" disabled=move || state.is_pending()>
                    {move || if state.is_pending() { i18n.t(Key::Working) } else { i18n.t(Key::DeleteAccountSubmit) }}
                </button>
            </ActionForm>
            <p class="aside"><a href="/profile">{t!(i18n, GoBack)}</a></p>
        </section>
    }
}
