//! `/admin/settings`: who may register (open, invite-only, closed).

use leptos::prelude::*;
use leptos_meta::Title;
use strum::IntoEnumIterator;

use crate::api::admin::{SetRegistrationMode, site_settings};
use crate::components::form::{FormError, FormState, SubmitButton};
use crate::components::page_error::PageError;
use crate::components::toast::toast_after;
use crate::domain::admin::RegistrationMode;
use crate::i18n::{Key, use_i18n};
use crate::pages::admin::AdminTabs;
use crate::t;

fn mode_name(mode: RegistrationMode) -> (Key, Key) {
    match mode {
        RegistrationMode::Open => (Key::RegistrationOpen, Key::RegistrationOpenHelp),
        RegistrationMode::InviteOnly => {
            (Key::RegistrationInviteOnly, Key::RegistrationInviteOnlyHelp)
        }
        RegistrationMode::Closed => (Key::RegistrationClosed, Key::RegistrationClosedHelp),
    }
}

#[component]
pub fn AdminSettingsPage() -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<SetRegistrationMode>::new();
    let state = FormState::of(action);
    toast_after(action, Key::ToastSaved);
    let settings = Resource::new(move || action.version().get(), |_| site_settings());
    view! {
        <Title text=i18n.t_now(Key::AdminTitle)/>
        <AdminTabs current=Key::AdminSettingsTab/>
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                match settings.await {
                    Ok(settings) => view! {
                        <section class="card">
                            <h2>{t!(i18n, RegistrationSection)}</h2>
                            <ActionForm action attr:class="stack" attr:data-testid="registration-form">
                                <FormError state/>
                                <fieldset class="choices">
                                    <legend class="visually-hidden">{t!(i18n, RegistrationSection)}</legend>
                                    {RegistrationMode::iter().map(|mode| {
                                        let (name, help) = mode_name(mode);
                                        let id = format!("registration-{}", mode.as_str());
                                        let input_id = id.clone();
                                        view! {
                                            <label class="choice" for=id>
                                                <input type="radio" id=input_id name="registration" value=mode.as_str()
                                                    checked=mode == settings.registration/>
                                                <span>
                                                    <strong>{move || i18n.t(name)}</strong>
                                                    <span class="muted">{move || i18n.t(help)}</span>
                                                </span>
                                            </label>
                                        }
                                    }).collect_view()}
                                </fieldset>
                                <SubmitButton state label=Key::SaveSettings/>
                            </ActionForm>
                        </section>
                    }.into_any(),
                    Err(error) => view! { <PageError error/> }.into_any(),
                }
            })}
        </Transition>
    }
}
