//! Who calls the JSON API: the holder of the `Authorization: Bearer` token, never a cookie
//! session (so there is nothing for another site to forge). A read-only token may only read.
//! Calls are limited per token, and per address until a token is known.

use app::domain::language::Language;
use app::error::{AppError, ErrorCode};
use app::server::AppContext;
use app::server::accounts::Account;
use app::server::api_tokens::{self, TokenHolder};
use app::server::request::ClientAddress;
use axum::extract::{FromRequestParts, Request, State};
use axum::middleware::Next;
use axum::response::Response;
use http::request::Parts;
use http::{Method, header};

use crate::middleware::rate_limit::RateLimits;
use crate::problem;

/// The token holder of this call, put into the request by [`authenticate`].
#[derive(Clone)]
pub struct Caller(pub TokenHolder);

impl Caller {
    pub fn account(&self) -> &Account {
        &self.0.account
    }

    pub fn user_id(&self) -> uuid::Uuid {
        self.0.account.id
    }
}

impl Caller {
    /// The language of the caller's messages: their profile's, else what the client asks for.
    pub fn language(&self, headers: &http::HeaderMap) -> Language {
        let profile = self
            .account()
            .language
            .as_deref()
            .and_then(Language::from_code);
        problem::language_of(headers, profile)
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Caller {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        parts.extensions.get::<Caller>().cloned().ok_or_else(|| {
            problem::answer(
                &ErrorCode::TokenInvalid.into(),
                problem::language_of(&parts.headers, None),
                problem::request_id_of(&parts.headers),
            )
        })
    }
}

#[derive(Clone)]
pub struct AuthState {
    pub ctx: AppContext,
    pub limits: RateLimits,
}

fn bearer(request: &Request) -> Option<&str> {
    let value = request
        .headers()
        .get(header::AUTHORIZATION)?
        .to_str()
        .ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| token.trim())
}

fn refuse(request: &Request, error: AppError) -> Response {
    problem::answer(
        &error,
        problem::language_of(request.headers(), None),
        problem::request_id_of(request.headers()),
    )
}

fn reads_only(method: &Method) -> bool {
    matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

pub async fn authenticate(
    State(state): State<AuthState>,
    mut request: Request,
    next: Next,
) -> Response {
    let address = request.extensions().get::<ClientAddress>().map(|a| a.0);
    let holder = match bearer(&request) {
        Some(token) => api_tokens::authenticate(&state.ctx.db, token).await,
        None => Err(ErrorCode::TokenInvalid.into()),
    };
    let holder = match holder {
        Ok(holder) => holder,
        Err(error) => {
            // Guessing tokens costs the address its budget.
            if let Some(address) = address
                && let Err(retry_after) = state.limits.check_address(address).await
            {
                return refuse(&request, AppError::rate_limited(retry_after));
            }
            return refuse(&request, error);
        }
    };
    if let Err(retry_after) = state.limits.check_token(holder.token_id.as_uuid()).await {
        return refuse(&request, AppError::rate_limited(retry_after));
    }
    if !reads_only(request.method()) && !holder.scope.allows_writing() {
        return refuse(&request, ErrorCode::TokenScopeForbids.into());
    }
    request.extensions_mut().insert(Caller(holder));
    next.run(request).await
}
