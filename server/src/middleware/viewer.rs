//! Resolves the session's user once per request and puts it into the request's extensions, where
//! server functions and pages read it.

use app::server::AppContext;
use app::server::sessions::{self, Viewer};
use axum::body::Body;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;
use tower_sessions::Session;

use app::error::{AppError, ErrorCode};
use app::i18n::Key;

use super::refusal::refuse;

/// When a client may try again after an outage of the session store.
const RETRY_AFTER_OUTAGE_SECS: u64 = 5;

pub async fn resolve(
    State(ctx): State<AppContext>,
    session: Session,
    mut request: Request,
    next: Next,
) -> Response<Body> {
    match sessions::resolve(&ctx, &session).await {
        Ok(Some(account)) => {
            request.extensions_mut().insert(Viewer(account));
        }
        Ok(None) => {}
        Err(error) => {
            // Redis or Postgres is away: "try again" in the person's language (a page) or as
            // the stable code (a server function), with a hint when to retry.
            tracing::warn!(error = %error.code.as_str(), "cannot resolve the session's user");
            let unavailable = AppError {
                retry_after_secs: Some(RETRY_AFTER_OUTAGE_SECS),
                ..AppError::new(ErrorCode::Unavailable)
            };
            return refuse(&request, unavailable, Key::ServerErrorTitle);
        }
    }
    next.run(request).await
}
