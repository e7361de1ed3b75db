//! `/me`: whose token this is.

use axum::Json;
use serde::Serialize;
use utoipa::ToSchema;

use crate::rest::caller::Caller;
use crate::rest::error::{ApiResult, Refusals};

#[derive(Serialize, ToSchema)]
pub struct Me {
    pub id: uuid::Uuid,
    pub username: String,
    pub display_name: String,
    /// The profile's language (`en`, `ru`, `sr-Cyrl`, `sr-Latn`), if chosen.
    pub language: Option<String>,
    /// IANA time zone of the profile.
    pub time_zone: String,
    pub is_site_admin: bool,
    /// What this token may do.
    pub token_scope: app::domain::api_token::TokenScope,
}

/// The account the token belongs to.
#[utoipa::path(get, path = "/me", tag = "account", security(("bearer" = [])),
    responses((status = 200, description = "The token's account", body = Me), Refusals))]
pub async fn me(caller: Caller) -> ApiResult<Json<Me>> {
    let account = caller.account();
    Ok(Json(Me {
        id: account.id,
        username: account.username.clone(),
        display_name: account.display_name.clone(),
        language: account.language.clone(),
        time_zone: account.time_zone.clone(),
        is_site_admin: account.is_admin,
        token_scope: caller.0.scope,
    }))
}
