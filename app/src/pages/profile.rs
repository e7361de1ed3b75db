//! `/profile`: the account's display name, password, language, time zone, colour theme, how
//! friends pay them back and where they are logged in. Logged-out visitors are sent to the login page and brought back.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Redirect;
use strum::IntoEnumIterator;

use crate::api::accounts::{UpdateTheme, UpdateTimeZone, get_session, my_stats, time_zones};
use crate::components::form::{
    Concern, Field, FieldCheck, FormError, FormState, FormSuccess, NewPasswordFields, SubmitButton,
};
use crate::components::toast::toast_after;
use crate::domain::language::Language;
use crate::domain::theme::Theme;
use crate::domain::validation::{DISPLAY_NAME_MAX, PASSWORD_MAX, USERNAME_MAX, USERNAME_PATTERN};
use crate::i18n::{Key, use_i18n};
use crate::model::UserView;
use crate::pages::devices::DevicesCard;
use crate::pages::payment_details::PaymentDetailsCard;
use crate::session::use_account_actions;
use crate::t;
use crate::tr;

#[component]
pub fn ProfilePage() -> impl IntoView {
    let i18n = use_i18n();
    // Its own fetch, not the shared session: the shared one refreshes after every profile change,
    // which would re-mount these forms in the middle of showing their result.
    let profile = Resource::new(|| (), |_| get_session());
    view! {
        <Title text=i18n.t_now(Key::ProfileTitle)/>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match profile.await.ok().and_then(|info| info.user) {
                    Some(user) => view! { <Profile user/> }.into_any(),
                    None => view! { <Redirect path="/login?next=/profile"/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Profile(user: UserView) -> impl IntoView {
    let i18n = use_i18n();
    let username = user.username.clone();
    view! {
        <h1>{t!(i18n, ProfileTitle)}</h1>
        <p class="muted" data-testid="signed-in-as">
            {move || tr!(i18n, ProfileSignedInAs, username = username)}
        </p>
        <RunStats/>
        <DisplayNameForm current=user.display_name.clone()/>
        <UsernameForm current=user.username.clone()/>
        <PasswordForm/>
        <LanguageForm current=user.language/>
        <TimeZoneForm current=user.time_zone.clone()/>
        <ThemeForm current=user.theme/>
        <PaymentDetailsCard/>
        <DevicesCard/>
        <section class="card">
            <h2>{t!(i18n, ApiTokensTitle)}</h2>
            <p class="muted">{t!(i18n, ApiTokensHelp)}</p>
            <p><a class="button" href="/profile/api-tokens" data-testid="api-tokens-link">{t!(i18n, ApiTokensProfileLink)}</a></p>
        </section>
        <section class="card">
            <h2>{t!(i18n, YourDataSection)}</h2>
            <p class="muted">{t!(i18n, YourDataHelp)}</p>
            <p><a class="button" href="/profile/data.json" download="" rel="external" data-testid="download-my-data">{t!(i18n, DownloadMyData)}</a></p>
        </section>
        <section class="card">
            <h2>{t!(i18n, DeleteAccountSection)}</h2>
            <p class="muted">{t!(i18n, DeleteAccountHelp)}</p>
            <p><a class="button danger" href="/profile/delete">{t!(i18n, DeleteAccountLink)}</a></p>
        </section>
    }
}

#[component]
fn UsernameForm(current: String) -> impl IntoView {
    let i18n = use_i18n();
    let action = use_account_actions().username;
    let state = FormState::of(action);
    let username = FieldCheck::new(state, Concern::Username, "profile-username").with_hint();
    view! {
        <section class="card">
            <h2>{t!(i18n, UsernameSection)}</h2>
            <ActionForm action attr:class="stack" attr:data-testid="username-form">
                <FormError state/>
                <Field id="profile-username" label=Key::UsernameLabel hint=Key::UsernameHint check=username.clone()>
                    <input id="profile-username" name="username" value=current autocomplete="username"
                        autocapitalize="none" spellcheck="false"
                        aria-describedby=username.described_by() aria-invalid=username.invalid()
                        pattern=USERNAME_PATTERN maxlength=USERNAME_MAX required/>
                </Field>
                <FormSuccess state message=Key::Saved/>
                <SubmitButton state label=Key::ChangeUsernameSubmit/>
            </ActionForm>
        </section>
    }
}

/// Light, dark, or as the device is set. Hydrated, the page takes the new theme at once; without
/// JavaScript the next page is rendered in it.
#[component]
fn ThemeForm(current: Theme) -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<UpdateTheme>::new();
    let state = FormState::of(action);
    toast_after(action, Key::ToastSaved);
    let chosen = RwSignal::new(current);
    Effect::new(move |_| {
        if let Some(Ok(())) = action.value().get() {
            #[cfg(feature = "hydrate")]
            if let Some(root) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.document_element())
            {
                let _ = root.set_attribute("data-theme", chosen.get_untracked().as_str());
            }
        }
    });
    view! {
        <section class="card">
            <h2>{t!(i18n, ThemeSection)}</h2>
            <ActionForm action attr:class="stack" attr:data-testid="theme-form">
                <FormError state/>
                <fieldset class="choices">
                    <legend class="visually-hidden">{t!(i18n, ThemeSection)}</legend>
                    {Theme::iter().map(|theme| {
                        let id = format!("theme-{}", theme.as_str());
                        let label = match theme {
                            Theme::System => Key::ThemeSystem,
                            Theme::Light => Key::ThemeLight,
                            Theme::Dark => Key::ThemeDark,
                        };
                        view! {
                            <label class="check">
                                <input type="radio" id=id name="theme" value=theme.as_str()
                                    checked=theme == current on:change=move |_| chosen.set(theme)/>
                                {move || i18n.t(label)}
                            </label>
                        }
                    }).collect_view()}
                </fieldset>
                <SubmitButton state label=Key::SaveTheme/>
            </ActionForm>
        </section>
    }
}

#[component]
fn DisplayNameForm(current: String) -> impl IntoView {
    let i18n = use_i18n();
    let action = use_account_actions().display_name;
    let state = FormState::of(action);
    let display_name = FieldCheck::new(state, Concern::DisplayName, "profile-display-name");
    view! {
        <section class="card">
            <h2>{t!(i18n, DisplayNameSection)}</h2>
            <ActionForm action attr:class="stack" attr:data-testid="display-name-form">
                <FormError state/>
                <Field id="profile-display-name" label=Key::DisplayNameLabel check=display_name.clone()>
                    <input id="profile-display-name" name="display_name" value=current autocomplete="name"
                        aria-describedby=display_name.described_by() aria-invalid=display_name.invalid()
                        maxlength=DISPLAY_NAME_MAX required/>
                </Field>
                <FormSuccess state message=Key::DisplayNameSaved/>
                <SubmitButton state label=Key::SaveDisplayName/>
            </ActionForm>
        </section>
    }
}

#[component]
fn PasswordForm() -> impl IntoView {
    let i18n = use_i18n();
    let action = use_account_actions().change_password;
    let state = FormState::of(action);
    let form = NodeRef::<leptos::html::Form>::new();
    let current = FieldCheck::new(state, Concern::CurrentPassword, "profile-current-password");
    // Clear the typed passwords once the change went through.
    Effect::new(move |_| {
        if state.succeeded()
            && let Some(form) = form.get()
        {
            form.reset();
        }
    });
    view! {
        <section class="card">
            <h2>{t!(i18n, PasswordSection)}</h2>
            <ActionForm action node_ref=form attr:class="stack" attr:data-testid="password-form">
                <FormError state/>
                <Field id="profile-current-password" label=Key::CurrentPasswordLabel check=current.clone()>
                    <input id="profile-current-password" name="current_password" type="password"
                        aria-describedby=current.described_by() aria-invalid=current.invalid()
                        autocomplete="current-password" maxlength=PASSWORD_MAX required/>
                </Field>
                <NewPasswordFields state form="profile" name="new_password" label=Key::NewPasswordLabel/>
                <FormSuccess state message=Key::PasswordChanged/>
                <SubmitButton state label=Key::ChangePasswordSubmit/>
            </ActionForm>
        </section>
    }
}

#[component]
fn LanguageForm(current: Option<Language>) -> impl IntoView {
    let i18n = use_i18n();
    let action = use_account_actions().language;
    let state = FormState::of(action);
    view! {
        <section class="card">
            <h2>{t!(i18n, LanguageSection)}</h2>
            <ActionForm action attr:class="stack" attr:data-testid="language-form">
                <FormError state/>
                <Field id="profile-language" label=Key::LanguageLabel>
                    <select id="profile-language" name="language">
                        <option value="" selected=current.is_none()>{t!(i18n, LanguageFollowBrowser)}</option>
                        {Language::ALL
                            .into_iter()
                            .map(|language| view! {
                                <option value=language.code() selected=current == Some(language)>
                                    {language.native_name()}
                                </option>
                            })
                            .collect_view()}
                    </select>
                </Field>
                <FormSuccess state message=Key::LanguageSaved/>
                <SubmitButton state label=Key::SaveLanguage/>
            </ActionForm>
        </section>
    }
}

/// The zone times are shown in; after a change the page is loaded again, since every time on it
/// was written for the old zone.
#[component]
fn TimeZoneForm(current: String) -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<UpdateTimeZone>::new();
    let state = FormState::of(action);
    let zones = Resource::new(|| (), |_| time_zones());
    Effect::new(move |_| {
        if let Some(Ok(())) = action.value().get() {
            #[cfg(feature = "hydrate")]
            if let Some(window) = web_sys::window() {
                let _ = window.location().reload();
            }
        }
    });
    view! {
        <section class="card">
            <h2>{t!(i18n, TimeZoneSection)}</h2>
            <ActionForm action attr:class="stack" attr:data-testid="time-zone-form">
                <FormError state/>
                <Field id="profile-time-zone" label=Key::TimeZoneLabel hint=Key::TimeZoneHint>
                    <Suspense fallback=|| ()>
                        {move || {
                            let current = current.clone();
                            zones.get().map(|zones| {
                                let zones = zones.unwrap_or_default();
                                view! {
                                    <select id="profile-time-zone" name="time_zone" aria-describedby="profile-time-zone-hint">
                                        {zones.into_iter().map(|zone| {
                                            let selected = zone == current;
                                            view! { <option value=zone.clone() selected=selected>{zone.replace('_', " ")}</option> }
                                        }).collect_view()}
                                    </select>
                                }
                            })
                        }}
                    </Suspense>
                </Field>
                <FormSuccess state message=Key::TimeZoneSaved/>
                <SubmitButton state label=Key::SaveTimeZone/>
            </ActionForm>
        </section>
    }
}

/// Runs joined and led, and money spent on shares of what was bought.
#[component]
fn RunStats() -> impl IntoView {
    let i18n = use_i18n();
    let stats = Resource::new(|| (), |_| my_stats());
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                stats.await.ok().map(|stats| {
                    let spent = if stats.spent.is_empty() {
                        "0".to_owned()
                    } else {
                        stats
                            .spent
                            .iter()
                            .map(|(currency, minor)| i18n.money(*minor, currency))
                            .collect::<Vec<_>>()
                            .join(" + ")
                    };
                    view! {
                        <section class="card" data-testid="run-stats">
                            <h2>{t!(i18n, RunStatsTitle)}</h2>
                            <dl class="facts">
                                <dt>{t!(i18n, RunsJoinedLabel)}</dt>
                                <dd data-testid="runs-joined">{stats.runs_joined}</dd>
                                <dt>{t!(i18n, RunsLedLabel)}</dt>
                                <dd>{stats.runs_led}</dd>
                                <dt>{t!(i18n, MoneySpentLabel)}</dt>
                                <dd data-testid="money-spent">{spent}</dd>
                            </dl>
                        </section>
                    }
                })
            })}
        </Suspense>
    }
}
