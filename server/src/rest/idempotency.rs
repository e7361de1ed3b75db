//! `Idempotency-Key` on every call that changes something: the first answer is kept a day and a
//! repeat with the same key and the same request gets it again (`Idempotent-Replayed: true`)
//! without the work being done twice; the same key with another request is refused. Answers of
//! failures on our side (5xx) are not kept, so a retry does the work.

use app::domain::api_token::valid_idempotency_key;
use app::error::{AppError, ErrorCode};
use app::server::AppContext;
use app::server::idempotency::{self, Claim, StoredAnswer};
use axum::body::{Body, to_bytes};
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;
use http::{HeaderValue, Method, StatusCode, header};
use serde::Deserialize;
use sha2::{Digest, Sha256};
use utoipa::IntoParams;

use crate::problem;
use crate::rest::caller::Caller;

pub const HEADER: &str = "idempotency-key";

/// The header as documented for every call that changes something.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Header)]
#[allow(dead_code)]
pub struct IdempotencyKey {
    /// A new key for each new request (a UUID, say); a retry sends the same key and the same
    /// body and gets the first answer. Kept for 24 hours.
    #[serde(rename = "Idempotency-Key")]
    #[param(pattern = "^[!-~]{1,255}$", min_length = 1, max_length = 255)]
    idempotency_key: Option<String>,
}

/// The largest body a call may send, and the largest answer kept.
const BODY_LIMIT: usize = 64 * 1024;
const ANSWER_LIMIT: usize = 4 * 1024 * 1024;

/// How long a repeat that finds its first call still running should wait.
const IN_PROGRESS_RETRY_SECS: u64 = 1;

fn changes_something(method: &Method) -> bool {
    matches!(
        *method,
        Method::POST | Method::PUT | Method::PATCH | Method::DELETE
    )
}

fn request_hash(method: &Method, path_and_query: &str, body: &[u8]) -> Vec<u8> {
    let mut hash = Sha256::new();
    hash.update(method.as_str().as_bytes());
    hash.update(b"\n");
    hash.update(path_and_query.as_bytes());
    hash.update(b"\n");
    hash.update(body);
    hash.finalize().to_vec()
}

fn refuse(headers: &http::HeaderMap, caller: &Caller, error: AppError) -> Response {
    problem::answer(
        &error,
        caller.language(headers),
        problem::request_id_of(headers),
    )
}

fn replay(answer: StoredAnswer) -> Response {
    let mut response = Response::new(Body::from(answer.body));
    *response.status_mut() = StatusCode::from_u16(answer.status as u16).unwrap_or(StatusCode::OK);
    let headers = response.headers_mut();
    if let Some(content_type) = answer
        .content_type
        .and_then(|value| HeaderValue::from_str(&value).ok())
    {
        headers.insert(header::CONTENT_TYPE, content_type);
    }
    headers.insert("idempotent-replayed", HeaderValue::from_static("true"));
    response
}

pub async fn keep_answers(State(ctx): State<AppContext>, request: Request, next: Next) -> Response {
    if !changes_something(request.method()) {
        return next.run(request).await;
    }
    let Some(caller) = request.extensions().get::<Caller>().cloned() else {
        return next.run(request).await;
    };
    let Some(key) = request.headers().get(HEADER).cloned() else {
        return next.run(request).await;
    };
    let (parts, body) = request.into_parts();
    let Some(key) = key.to_str().ok().filter(|key| valid_idempotency_key(key)) else {
        return refuse(
            &parts.headers,
            &caller,
            ErrorCode::IdempotencyKeyInvalid.into(),
        );
    };
    let key = key.to_owned();
    let Ok(body) = to_bytes(body, BODY_LIMIT).await else {
        return refuse(&parts.headers, &caller, ErrorCode::BodyTooLarge.into());
    };
    let target = parts
        .uri
        .path_and_query()
        .map_or_else(|| parts.uri.path(), |pq| pq.as_str());
    let hash = request_hash(&parts.method, target, &body);
    let user = caller.user_id().into();
    match idempotency::claim(&ctx.db, user, &key, &hash).await {
        Ok(Claim::Claimed) => {}
        Ok(Claim::Replay(answer)) => return replay(answer),
        Err(error) => {
            let error = if error.code == ErrorCode::IdempotencyKeyInProgress {
                AppError {
                    retry_after_secs: Some(IN_PROGRESS_RETRY_SECS),
                    ..error
                }
            } else {
                error
            };
            return refuse(&parts.headers, &caller, error);
        }
    }
    let headers = parts.headers.clone();
    let response = next.run(Request::from_parts(parts, Body::from(body))).await;
    let (parts, body) = response.into_parts();
    let Ok(body) = to_bytes(body, ANSWER_LIMIT).await else {
        let _ = idempotency::release(&ctx.db, user, &key).await;
        return refuse(
            &headers,
            &caller,
            AppError::internal("an API answer too large to keep"),
        );
    };
    let kept = if parts.status.is_server_error() {
        idempotency::release(&ctx.db, user, &key).await
    } else {
        let answer = StoredAnswer {
            status: parts.status.as_u16() as i16,
            content_type: parts
                .headers
                .get(header::CONTENT_TYPE)
                .and_then(|value| value.to_str().ok())
                .map(str::to_owned),
            body: body.to_vec(),
        };
        idempotency::finish(&ctx.db, user, &key, &answer).await
    };
    if let Err(error) = kept {
        tracing::warn!(error = %error.code.as_str(), "an idempotency key was not settled");
    }
    Response::from_parts(parts, Body::from(body))
}
