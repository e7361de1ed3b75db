//! `/`: what Bulq is for visitors; the user's groups once logged in.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::i18n::{Key, use_i18n};
use crate::pages::dashboard::Dashboard;
use crate::session::use_session;
use crate::t;

#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    view! {
        <Title text=i18n.t_now(Key::AppTagline)/>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match session.await.ok().and_then(|info| info.user) {
                    Some(user) => view! { <Dashboard user/> }.into_any(),
                    None => view! { <Welcome/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Welcome() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="hero">
            <h1>{t!(i18n, HomeHeadline)}</h1>
            <p class="lead">{t!(i18n, HomeIntro)}</p>
            <div class="actions">
                <a class="button primary" href="/register">{t!(i18n, NavSignUp)}</a>
                <a class="button" href="/login">{t!(i18n, NavLogIn)}</a>
            </div>
        </section>
        <ol class="steps">
            <li class="card">
                <h2>{t!(i18n, HomeStepPlanTitle)}</h2>
                <p>{t!(i18n, HomeStepPlanBody)}</p>
            </li>
            <li class="card">
                <h2>{t!(i18n, HomeStepBidTitle)}</h2>
                <p>{t!(i18n, HomeStepBidBody)}</p>
            </li>
            <li class="card">
                <h2>{t!(i18n, HomeStepSplitTitle)}</h2>
                <p>{t!(i18n, HomeStepSplitBody)}</p>
            </li>
        </ol>
    }
}
