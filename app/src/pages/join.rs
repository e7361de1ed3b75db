//! `/join/:token`: what an invite link is for, visible without logging in; logged in, one click
//! joins. Logged out, log in or register and come back here.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::api::groups::{JoinGroup, preview_invite};
use crate::components::form::{FormError, FormState, SubmitButton};
use crate::error::ErrorCode;
use crate::i18n::{Key, use_i18n};
use crate::model::InvitePreview;
use crate::session::use_session;
use crate::t;
use crate::tr;

#[component]
pub fn JoinPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let token = Signal::derive(move || params.read().get("token").unwrap_or_default());
    let preview = Resource::new(move || token.get(), preview_invite);
    let session = use_session();
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let logged_in = session.await.ok().and_then(|info| info.user).is_some();
                match preview.await {
                    Ok(preview) => view! { <Invitation preview token=token.get_untracked() logged_in/> }.into_any(),
                    Err(error) => {
                        #[cfg(feature = "ssr")]
                        if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
                            response.set_status(http::StatusCode::NOT_FOUND);
                        }
                        view! {
                            <Title text=i18n.t_now(Key::InviteInvalidTitle)/>
                            <section class="card narrow">
                                <h1>{t!(i18n, InviteInvalidTitle)}</h1>
                                <p role="alert">{i18n.error(&error)}</p>
                                <a class="button" href="/">{t!(i18n, BackHome)}</a>
                            </section>
                        }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}

#[component]
fn Invitation(preview: InvitePreview, token: String, logged_in: bool) -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<JoinGroup>::new();
    let state = FormState::of(action);
    let title = tr!(i18n, JoinTitle, name = preview.group_name);
    let count = preview.member_count;
    let here = format!("/join/{token}");
    let body = if !logged_in {
        view! {
            <p>{t!(i18n, JoinLoginPrompt)}</p>
            <div class="actions">
                <a class="button primary" href=format!("/register?next={here}")>{t!(i18n, NavSignUp)}</a>
                <a class="button" href=format!("/login?next={here}")>{t!(i18n, NavLogIn)}</a>
            </div>
        }
        .into_any()
    } else if preview.viewer_is_member {
        view! {
            <p>{t!(i18n, AlreadyMemberNote)}</p>
            <a class="button primary" href=format!("/groups/{}", preview.group_id)>{t!(i18n, OpenGroup)}</a>
        }
        .into_any()
    } else if !preview.joining_allowed {
        view! { <p class="form-error" role="alert">{move || i18n.error(&ErrorCode::GroupJoiningDisabled.into())}</p> }.into_any()
    } else {
        view! {
            <ActionForm action attr:class="stack" attr:data-testid="join-form">
                <input type="hidden" name="token" value=token/>
                <FormError state/>
                <SubmitButton state label=Key::JoinSubmit/>
            </ActionForm>
        }
        .into_any()
    };
    view! {
        <Title text=title.clone()/>
        <section class="card narrow">
            <p class="muted">{t!(i18n, JoinIntro)}</p>
            <h1>{title}</h1>
            <p class="muted">{move || i18n.count(Key::MemberCount, count)}</p>
            {body}
        </section>
    }
}
