//! `/profile/api-tokens`: personal access tokens for the mobile app and scripts. A token's secret
//! is shown once, right after it is made; revoking asks first (a dialog, or without JavaScript
//! this same page with `?token_id=`).

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use strum::IntoEnumIterator;

use crate::api::api_tokens::{CreateApiToken, RevokeApiToken, my_api_tokens, take_new_api_token};
use crate::components::confirm::{ConfirmSubmit, Confirmation, ConfirmationRefused};
use crate::components::copy_link::CopyLink;
use crate::components::form::{Field, FormError, FormState, SubmitButton, with_state};
use crate::components::page_error::PageError;
use crate::domain::api_token::{TOKEN_LIFETIMES, TOKEN_NAME_MAX, TokenScope};
use crate::domain::ids::ApiTokenId;
use crate::error::ErrorCode;
use crate::i18n::{I18n, Key, use_i18n};
use crate::model::{ApiTokenView, NewApiToken};
use crate::{t, tr};

const PAGE: &str = "/profile/api-tokens";

#[component]
pub fn ApiTokensPage() -> impl IntoView {
    let i18n = use_i18n();
    let (create, create_state) = with_state(ServerAction::<CreateApiToken>::new());
    let (revoke, revoke_state) = with_state(ServerAction::<RevokeApiToken>::new());
    let tokens = Resource::new(
        move || create.version().get() + revoke.version().get(),
        |_| my_api_tokens(),
    );
    let fresh = Resource::new(move || create.version().get(), |_| take_new_api_token());
    let asked = use_query_map().with_untracked(|q| {
        q.get("token_id")
            .and_then(|id| id.parse::<ApiTokenId>().ok())
    });
    view! {
        <Title text=i18n.t_now(Key::ApiTokensTitle)/>
        <h1>{t!(i18n, ApiTokensTitle)}</h1>
        <p class="muted">{t!(i18n, ApiTokensHelp)}" "
            <a href="/api/v1/docs" rel="external">{t!(i18n, ApiReferenceLink)}</a>
        </p>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match fresh.await {
                    Ok(Some(token)) => view! { <FreshToken token/> }.into_any(),
                    _ => ().into_any(),
                }
            })}
        </Suspense>
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                match (tokens.await, asked) {
                    (Ok(list), Some(id)) => view! { <RevokeQuestion list id/> }.into_any(),
                    (Ok(list), None) => view! {
                        <TokenForm action=create state=create_state/>
                        <TokenList list action=revoke state=revoke_state/>
                    }
                    .into_any(),
                    (Err(error), _) => view! { <PageError error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn FreshToken(token: NewApiToken) -> impl IntoView {
    let i18n = use_i18n();
    let secret = token.secret.clone();
    view! {
        <section class="card notice" data-testid="new-api-token">
            <h2>{tr!(i18n, ApiTokenNewTitle, name = token.name)}</h2>
            <p class="muted">{t!(i18n, ApiTokenNewHelp)}</p>
            <CopyLink url=Signal::derive(move || secret.clone()) id="new-api-token"
                field_label=Key::ApiTokenSecretLabel copy_label=Key::ApiTokenCopy/>
        </section>
    }
}

fn lifetime_label(i18n: I18n, days: Option<u32>) -> String {
    match days {
        Some(days) => tr!(i18n, ApiTokenLifetimeDays, days = days),
        None => i18n.t_now(Key::ApiTokenNoExpiry).to_owned(),
    }
}

fn scope_label(i18n: I18n, scope: TokenScope) -> &'static str {
    i18n.t_now(match scope {
        TokenScope::Read => Key::ApiTokenScopeRead,
        TokenScope::Write => Key::ApiTokenScopeWrite,
    })
}

#[component]
fn TokenForm(action: ServerAction<CreateApiToken>, state: FormState) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="card">
            <h2>{t!(i18n, ApiTokenCreateTitle)}</h2>
            <ActionForm action attr:class="stack" attr:data-testid="create-api-token">
                <FormError state/>
                <Field id="api-token-name" label=Key::ApiTokenName>
                    <input id="api-token-name" name="name" required maxlength=TOKEN_NAME_MAX
                        autocomplete="off" placeholder=move || i18n.t(Key::ApiTokenNamePlaceholder)/>
                </Field>
                <Field id="api-token-scope" label=Key::ApiTokenScope>
                    <select id="api-token-scope" name="scope">
                        {TokenScope::iter().map(|scope| view! {
                            <option value=scope.as_str()>{scope_label(i18n, scope)}</option>
                        }).collect_view()}
                    </select>
                </Field>
                <Field id="api-token-lifetime" label=Key::ApiTokenLifetime>
                    <select id="api-token-lifetime" name="lifetime_days">
                        {TOKEN_LIFETIMES.into_iter().map(|days| view! {
                            <option value=days.map(|d| d.to_string()).unwrap_or_default()
                                selected=days == Some(90)>{lifetime_label(i18n, days)}</option>
                        }).collect_view()}
                    </select>
                </Field>
                <SubmitButton state label=Key::ApiTokenCreate/>
            </ActionForm>
        </section>
    }
}

#[component]
fn TokenList(
    list: Vec<ApiTokenView>,
    action: ServerAction<RevokeApiToken>,
    state: FormState,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="card" data-testid="api-tokens">
            <h2>{t!(i18n, ApiTokensYours)}</h2>
            <FormError state/>
            {list.is_empty().then(|| view! { <p class="muted">{t!(i18n, ApiTokensNone)}</p> })}
            <ul class="group-list">
                {list.into_iter().map(|token| view! { <TokenRow token action state/> }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn TokenRow(
    token: ApiTokenView,
    action: ServerAction<RevokeApiToken>,
    state: FormState,
) -> impl IntoView {
    let i18n = use_i18n();
    let made = tr!(i18n, ApiTokenMade, when = i18n.date_time(token.created_at));
    let expires = token.expires_at.map_or_else(
        || i18n.t_now(Key::ApiTokenNoExpiry).to_owned(),
        |at| tr!(i18n, ApiTokenExpires, when = i18n.date_time(at)),
    );
    let used = token.last_used_at.map_or_else(
        || i18n.t_now(Key::ApiTokenNeverUsed).to_owned(),
        |at| tr!(i18n, ApiTokenLastUsed, when = i18n.relative_time(at)),
    );
    let question = tr!(i18n, ApiTokenRevokeQuestion, name = token.name.clone());
    let id = token.id.to_string();
    view! {
        <li class="list-row" data-testid="api-token">
            <span class="list-title">{token.name.clone()}</span>
            <span class="badge">{scope_label(i18n, token.scope)}</span>
            <span class="muted">{made}" · "{expires}" · "{used}</span>
            <ActionForm action attr:class="inline-form">
                <input type="hidden" name="token_id" value=id.clone()/>
                <ConfirmSubmit state label=i18n.t_now(Key::ApiTokenRevoke).to_owned()
                    question page=PAGE key=id danger=true/>
            </ActionForm>
        </li>
    }
}

/// Without JavaScript, "Revoke" leads here first.
#[component]
fn RevokeQuestion(list: Vec<ApiTokenView>, id: ApiTokenId) -> impl IntoView {
    let i18n = use_i18n();
    let back = PAGE.to_owned();
    let Some(token) = list.into_iter().find(|token| token.id == id) else {
        let code = ErrorCode::TokenNotFound;
        return view! { <ConfirmationRefused code back/> }.into_any();
    };
    view! {
        <Confirmation question=tr!(i18n, ApiTokenRevokeQuestion, name = token.name)
            label=i18n.t_now(Key::ApiTokenRevoke).to_owned() action=RevokeApiToken::url()
            fields=vec![("token_id", id.to_string())] back danger=true/>
    }
    .into_any()
}
