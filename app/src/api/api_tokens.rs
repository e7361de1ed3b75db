//! The profile's personal access tokens: list, make (the secret shown once), revoke.

use leptos::prelude::*;

use crate::domain::ids::ApiTokenId;
use crate::error::AppError;
use crate::model::{ApiTokenView, NewApiToken};

#[cfg(feature = "ssr")]
use crate::{
    domain::api_token::{TokenScope, parse_lifetime, parse_token_name},
    error::ErrorCode,
    server::{api_tokens, request, sessions},
};

#[server(prefix = "/api", endpoint = "api-tokens")]
pub async fn my_api_tokens() -> Result<Vec<ApiTokenView>, AppError> {
    let ctx = request::app_context()?;
    let viewer = request::require_viewer()?;
    api_tokens::list(&ctx.db, viewer.id.into()).await
}

/// Makes a token; its secret waits in the session for [`take_new_api_token`], so a page rendered
/// without JavaScript shows it too and it never appears in a URL.
#[server(prefix = "/api", endpoint = "api-tokens/create")]
pub async fn create_api_token(
    name: String,
    scope: String,
    #[server(default)] lifetime_days: String,
) -> Result<(), AppError> {
    let ctx = request::app_context()?;
    let viewer = request::require_viewer()?;
    let token_request = api_tokens::TokenRequest {
        name: parse_token_name(&name)?,
        scope: TokenScope::from_name(&scope).ok_or(ErrorCode::InvalidInput)?,
        lifetime_days: parse_lifetime(&lifetime_days)?,
    };
    let token = api_tokens::create(&ctx.db, &viewer, &token_request, &request::origin()).await?;
    sessions::hold_new_api_token(&request::session()?, &token).await
}

/// The token made last, once: reading it forgets it.
#[server(prefix = "/api", endpoint = "api-tokens/take-new")]
pub async fn take_new_api_token() -> Result<Option<NewApiToken>, AppError> {
    request::require_viewer()?;
    sessions::take_new_api_token(&request::session()?).await
}

#[server(prefix = "/api", endpoint = "api-tokens/revoke")]
pub async fn revoke_api_token(token_id: ApiTokenId) -> Result<(), AppError> {
    let ctx = request::app_context()?;
    let viewer = request::require_viewer()?;
    api_tokens::revoke(&ctx.db, &viewer, token_id, &request::origin()).await
}
