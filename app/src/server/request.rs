//! What a server function or page render may ask about the request it serves: the app context,
//! the session, the viewer and the language. Reads Leptos' request context; no I/O.

use http::request::Parts;
use leptos::prelude::use_context;
use tower_sessions::Session;

use crate::domain::language::Language;
use crate::error::{AppError, AppResult, ErrorCode};
use crate::server::AppContext;
use crate::server::accounts::Account;
use crate::server::sessions::Viewer;

pub fn app_context() -> AppResult<AppContext> {
    use_context::<AppContext>().ok_or_else(|| AppError::internal("AppContext missing from context"))
}

fn parts() -> AppResult<Parts> {
    use_context::<Parts>().ok_or_else(|| AppError::internal("request parts missing from context"))
}

pub fn session() -> AppResult<Session> {
    parts()?
        .extensions
        .get::<Session>()
        .cloned()
        .ok_or_else(|| AppError::internal("session layer missing"))
}

pub fn viewer() -> Option<Account> {
    parts()
        .ok()?
        .extensions
        .get::<Viewer>()
        .map(|viewer| viewer.0.clone())
}

pub fn require_viewer() -> AppResult<Account> {
    viewer().ok_or_else(|| ErrorCode::AuthRequired.into())
}

/// The profile's language, else the browser's, else English.
pub fn language() -> Language {
    let profile = viewer().and_then(|account| account.view().language);
    let accept = parts().ok().and_then(|parts| {
        parts
            .headers
            .get(http::header::ACCEPT_LANGUAGE)
            .and_then(|value| value.to_str().ok())
            .map(str::to_owned)
    });
    Language::resolve(profile, accept.as_deref())
}
