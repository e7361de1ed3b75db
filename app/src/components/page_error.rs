//! What a page shows instead of its content when loading it failed.

use leptos::prelude::*;

use crate::error::{AppError, ErrorCode};
use crate::i18n::use_i18n;
use crate::t;

/// A page whose data cannot be shown: not found and not allowed look the same on purpose (ids do
/// not leak), a missing login goes to the login page and back, and the HTTP status says which.
#[component]
pub fn PageError(error: AppError) -> impl IntoView {
    let i18n = use_i18n();
    if error.code == ErrorCode::AuthRequired {
        let here = leptos_router::hooks::use_location()
            .pathname
            .get_untracked();
        let to_login = format!("/login?next={here}");
        return view! { <leptos_router::components::Redirect path=to_login/> }.into_any();
    }
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(
            http::StatusCode::from_u16(error.code.http_status())
                .unwrap_or(http::StatusCode::NOT_FOUND),
        );
    }
    view! {
        <section class="card narrow">
            <h1>{t!(i18n, NotFoundTitle)}</h1>
            <p role="alert">{i18n.error(&error)}</p>
        </section>
    }
    .into_any()
}
