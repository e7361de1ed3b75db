//! How a JSON API handler refuses: it returns an [`ApiError`]; the [`render`] layer writes the
//! API's error body in the caller's language. Malformed paths, queries and bodies become
//! `INVALID_INPUT` (or `BODY_TOO_LARGE`) in the same shape, never axum's plain-text rejections.

use app::error::{AppError, ErrorCode};
use axum::extract::Request;
use axum::extract::rejection::{JsonRejection, PathRejection, QueryRejection};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http::{HeaderMap, StatusCode};
use utoipa::IntoResponses;

use crate::problem::{self, Problem};
use crate::rest::caller::Caller;

pub struct ApiError(pub AppError);

pub type ApiResult<T> = Result<T, ApiError>;

impl From<AppError> for ApiError {
    fn from(error: AppError) -> Self {
        Self(error)
    }
}

impl From<ErrorCode> for ApiError {
    fn from(code: ErrorCode) -> Self {
        Self(AppError::new(code))
    }
}

impl From<JsonRejection> for ApiError {
    fn from(rejection: JsonRejection) -> Self {
        if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ErrorCode::BodyTooLarge.into()
        } else {
            ErrorCode::InvalidInput.into()
        }
    }
}

impl From<PathRejection> for ApiError {
    fn from(_: PathRejection) -> Self {
        ErrorCode::InvalidInput.into()
    }
}

impl From<QueryRejection> for ApiError {
    fn from(_: QueryRejection) -> Self {
        ErrorCode::InvalidInput.into()
    }
}

/// Carried to [`render`] in the response's extensions.
#[derive(Clone)]
struct Refused(AppError);

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut response = StatusCode::from_u16(self.0.code.http_status())
            .unwrap_or(StatusCode::BAD_REQUEST)
            .into_response();
        response.extensions_mut().insert(Refused(self.0));
        response
    }
}

/// Writes the error body of a refused call, in the language of the caller's profile.
pub async fn render(request: Request, next: Next) -> Response {
    let caller = request.extensions().get::<Caller>().cloned();
    let headers = request.headers().clone();
    let response = next.run(request).await;
    match response.extensions().get::<Refused>() {
        Some(Refused(error)) => {
            let language = caller.map_or_else(
                || problem::language_of(&headers, None),
                |caller| caller.language(&headers),
            );
            problem::answer(error, language, problem::request_id_of(&headers))
        }
        None => response,
    }
}

/// An address under `/api/v1` that is no call.
pub async fn no_such_call(headers: HeaderMap) -> Response {
    refuse_plainly(&headers, ErrorCode::NotFound)
}

/// A call's address with a method it does not take.
pub async fn no_such_method(headers: HeaderMap) -> Response {
    refuse_plainly(&headers, ErrorCode::MethodNotAllowed)
}

fn refuse_plainly(headers: &HeaderMap, code: ErrorCode) -> Response {
    problem::answer(
        &AppError::new(code),
        problem::language_of(headers, None),
        problem::request_id_of(headers),
    )
}

/// The refusals any call may meet, each with the API's error body; `code` says which.
#[derive(IntoResponses)]
#[allow(dead_code)]
pub enum Refusals {
    /// Malformed `Idempotency-Key`.
    #[response(status = 400)]
    BadRequest(Problem),
    /// No valid token (`TOKEN_INVALID`).
    #[response(status = 401)]
    Unauthorized(Problem),
    /// The token's scope or the caller's role does not allow it.
    #[response(status = 403)]
    Forbidden(Problem),
    /// Not there, or not visible to the caller.
    #[response(status = 404)]
    NotFound(Problem),
    /// The state of things forbids it now (`RUN_STATE_FORBIDS`, `IDEMPOTENCY_KEY_IN_PROGRESS` …).
    #[response(status = 409)]
    Conflict(Problem),
    /// The address does not take this method (`METHOD_NOT_ALLOWED`).
    #[response(status = 405)]
    WrongMethod(Problem),
    /// The body is over the size limit.
    #[response(status = 413)]
    TooLarge(Problem),
    /// Invalid input (`INVALID_INPUT`, `QUANTITY_INVALID`, `IDEMPOTENCY_KEY_REUSED` …).
    #[response(status = 422)]
    Invalid(Problem),
    /// Too many calls: wait `Retry-After` seconds.
    #[response(status = 429)]
    TooMany(Problem),
    /// Something went wrong on the server; quote `request_id`.
    #[response(status = 500)]
    Internal(Problem),
    /// Postgres or Redis is unreachable: retry after `Retry-After`.
    #[response(status = 503)]
    Unavailable(Problem),
}
