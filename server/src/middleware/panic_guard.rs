//! The last line: a handler that panics answers 500 with the request id as the reference the
//! person can quote, and the panic is logged with that id, instead of the connection dropping.

use std::any::Any;
use std::panic::AssertUnwindSafe;

use app::error::{AppError, ErrorCode};
use app::i18n::Key;
use axum::body::Body;
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;
use futures_util::FutureExt;
use http::{HeaderName, header};

use super::refusal;

pub async fn guard(request: Request, next: Next) -> Response {
    let asked = what_was_asked(&request);
    match AssertUnwindSafe(next.run(request)).catch_unwind().await {
        Ok(response) => response,
        Err(panic) => answer(&asked, panic.as_ref()),
    }
}

fn answer(asked: &Request, panic: &(dyn Any + Send)) -> Response {
    let reference = request_id(asked.headers());
    let message = panic
        .downcast_ref::<&str>()
        .map(|text| (*text).to_owned())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_default();
    tracing::error!(request_id = %reference.as_deref().unwrap_or("-"), panic = %message, "request handler panicked");
    let error = AppError {
        reference,
        ..AppError::new(ErrorCode::Internal)
    };
    refusal::refuse(asked, error, Key::ServerErrorTitle)
}

/// The path and headers the answer needs (its language, HTML or JSON, the id), kept before the request
/// moves into the handler.
fn what_was_asked(request: &Request) -> Request {
    let mut asked = Request::new(Body::empty());
    *asked.uri_mut() = request.uri().clone();
    for name in [
        header::ACCEPT,
        header::ACCEPT_LANGUAGE,
        HeaderName::from_static("x-request-id"),
    ] {
        if let Some(value) = request.headers().get(&name) {
            asked.headers_mut().insert(name, value.clone());
        }
    }
    asked
}

fn request_id(headers: &http::HeaderMap) -> Option<String> {
    headers
        .get("x-request-id")
        .and_then(|value| value.to_str().ok())
        .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use axum::Router;
    use axum::middleware::from_fn;
    use axum::routing::get;
    use http::StatusCode;
    use tower::ServiceExt;

    use super::*;

    async fn panics() -> &'static str {
        panic!("a bug")
    }

    #[tokio::test]
    async fn a_panicking_handler_answers_500_with_the_request_id() {
        let app = Router::new()
            .route("/boom", get(panics))
            .layer(from_fn(guard));
        let request = Request::builder()
            .uri("/boom")
            .header("x-request-id", "req-42")
            .header(header::ACCEPT, "text/html")
            .body(Body::empty())
            .unwrap();
        let response = app.oneshot(request).await.unwrap();
        assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
        let body = axum::body::to_bytes(response.into_body(), 64 * 1024)
            .await
            .unwrap();
        let page = String::from_utf8_lossy(&body);
        assert!(page.contains("req-42"), "the reference is shown: {page}");
    }
}
