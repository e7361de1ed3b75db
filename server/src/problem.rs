//! The JSON API's one error body, `{code, message, details, request_id}`, for every refusal of
//! an `/api/v1` call: the handlers', the rate limits', a panic's. The message is in the caller's
//! language (their profile's, else `Accept-Language`); an internal error says only "something
//! went wrong" and gives the request id to quote.

use app::domain::language::Language;
use app::error::{AppError, ErrorCode};
use app::i18n;
use axum::body::Body;
use axum::response::Response;
use http::{HeaderMap, HeaderValue, StatusCode, header};
use serde::Serialize;
use utoipa::openapi::schema::{ObjectBuilder, SchemaType, Type};
use utoipa::openapi::{RefOr, Schema};
use utoipa::{PartialSchema, ToSchema};

/// The path every JSON API call starts with.
pub const API_PREFIX: &str = "/api/v1/";

pub fn is_api(path: &str) -> bool {
    path.starts_with(API_PREFIX)
}

#[derive(Serialize, ToSchema)]
pub struct Problem {
    /// The stable code: act on this, never on the message.
    pub code: StableCode,
    /// What happened, for a person, in the caller's language.
    pub message: String,
    pub details: ProblemDetails,
    /// The request's id, to quote when asking for help.
    pub request_id: Option<String>,
}

#[derive(Default, Serialize, ToSchema)]
pub struct ProblemDetails {
    /// Seconds until a rate-limited or busy call may be retried (also in `Retry-After`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub retry_after_secs: Option<u64>,
}

/// An [`ErrorCode`], documented with every value it can take.
pub struct StableCode(pub ErrorCode);

impl Serialize for StableCode {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.0.as_str())
    }
}

impl PartialSchema for StableCode {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(SchemaType::Type(Type::String))
            .enum_values(Some(ErrorCode::ALL.iter().map(|code| code.as_str())))
            .description(Some("A stable error code (docs/errors.md)."))
            .into()
    }
}

impl ToSchema for StableCode {}

/// The caller's language: their profile's when known, else what the client asks for.
pub fn language_of(headers: &HeaderMap, profile: Option<Language>) -> Language {
    Language::resolve(
        profile,
        headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|value| value.to_str().ok()),
    )
}

pub fn request_id_of(headers: &HeaderMap) -> Option<String> {
    headers
        .get("x-request-id")
        .and_then(|value| value.to_str().ok())
        .map(str::to_owned)
}

/// The answer for `error`, in `language`, quoting `request_id`.
pub fn answer(error: &AppError, language: Language, request_id: Option<String>) -> Response {
    crate::metrics::error_answered(error.code);
    let problem = Problem {
        code: StableCode(error.code),
        message: if error.code == ErrorCode::Internal {
            i18n::error_text(language, ErrorCode::Internal)
        } else {
            i18n::describe_error(
                language,
                &AppError {
                    reference: None,
                    ..error.clone()
                },
            )
        },
        details: ProblemDetails {
            retry_after_secs: error.retry_after_secs,
        },
        request_id,
    };
    let body = serde_json::to_vec(&problem).unwrap_or_default();
    let mut response = Response::new(Body::from(body));
    *response.status_mut() =
        StatusCode::from_u16(error.code.http_status()).unwrap_or(StatusCode::BAD_REQUEST);
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    if let Some(seconds) = error.retry_after_secs {
        headers.insert(header::RETRY_AFTER, HeaderValue::from(seconds));
    }
    if matches!(
        error.code,
        ErrorCode::AuthRequired | ErrorCode::TokenInvalid
    ) {
        headers.insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
    }
    response
}
