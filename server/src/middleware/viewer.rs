//! Resolves the session's user once per request and puts it into the request's extensions, where
//! server functions and pages read it.

use app::server::AppContext;
use app::server::sessions::{self, Viewer};
use axum::body::Body;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http::StatusCode;
use tower_sessions::Session;

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
        Err(_) => {
            return (
                StatusCode::SERVICE_UNAVAILABLE,
                "Bulq cannot reach its session store right now.",
            )
                .into_response();
        }
    }
    next.run(request).await
}
