//! How the pipeline refuses a request: server-function calls get the JSON error their client
//! decodes into the form's message; browsers get a small readable page in their language; JSON
//! API clients get the API's error body.

use app::domain::language::Language;
use app::error::AppError;
use app::i18n::{self, Key};
use axum::body::Body;
use axum::response::Response;
use http::{HeaderValue, Request, StatusCode, header};

use crate::plain_page;
use crate::problem;

/// True for a plain browser navigation or no-JS form post, false for a server-function fetch.
pub fn wants_html<B>(request: &Request<B>) -> bool {
    request
        .headers()
        .get(header::ACCEPT)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|accept| accept.contains("text/html"))
}

pub fn refuse<B>(request: &Request<B>, error: AppError, title: Key) -> Response {
    if problem::is_api(request.uri().path()) {
        let language = problem::language_of(request.headers(), None);
        return problem::answer(&error, language, problem::request_id_of(request.headers()));
    }
    crate::metrics::error_answered(error.code);
    let status = StatusCode::from_u16(error.code.http_status()).unwrap_or(StatusCode::BAD_REQUEST);
    let mut response = if wants_html(request) {
        let language = Language::resolve(
            None,
            request
                .headers()
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok()),
        );
        let message =
            html_escape::encode_text(&i18n::describe_error(language, &error)).into_owned();
        let home = html_escape::encode_text(i18n::text(language, Key::BackHome)).into_owned();
        plain_page::render(
            language,
            i18n::text(language, title),
            &format!("<p role=\"alert\">{message}</p><a class=\"button\" href=\"/\">{home}</a>"),
        )
    } else {
        let mut response = Response::new(Body::from(error.to_json()));
        response.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
        response
    };
    *response.status_mut() = status;
    if let Some(seconds) = error.retry_after_secs {
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
    }
    response
}
