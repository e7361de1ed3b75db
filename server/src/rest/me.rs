//! `/me`: whose token this is, and the profile settings an app may change.

use app::domain::language::{Language, TimeZoneName};
use app::domain::validation::DisplayName;
use app::error::ErrorCode;
use app::server::{AppContext, accounts};
use axum::Json;
use axum::extract::State;
use axum::extract::rejection::JsonRejection;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::rest::caller::Caller;
use crate::rest::error::{ApiResult, Refusals};
use crate::rest::idempotency::IdempotencyKey;

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
    Ok(Json(me_of(caller.account(), caller.0.scope)))
}

fn me_of(
    account: &app::server::accounts::Account,
    scope: app::domain::api_token::TokenScope,
) -> Me {
    Me {
        id: account.id,
        username: account.username.clone(),
        display_name: account.display_name.clone(),
        language: account.language.clone(),
        time_zone: account.time_zone.clone(),
        is_site_admin: account.is_admin,
        token_scope: scope,
    }
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DisplayNameRequest {
    #[schema(min_length = 1, max_length = 100, example = "Ana")]
    pub display_name: String,
}

/// Changes the name friends see.
#[utoipa::path(put, path = "/me/display-name", tag = "account", security(("bearer" = [])),
    params(IdempotencyKey),
    request_body = DisplayNameRequest,
    responses((status = 200, body = Me), Refusals))]
pub async fn set_display_name(
    State(ctx): State<AppContext>,
    caller: Caller,
    body: Result<Json<DisplayNameRequest>, JsonRejection>,
) -> ApiResult<Json<Me>> {
    let Json(request) = body?;
    let name = DisplayName::parse(&request.display_name)?;
    let account = accounts::update_display_name(&ctx.db, caller.user_id(), &name).await?;
    Ok(Json(me_of(&account, caller.0.scope)))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LanguageRequest {
    /// `en`, `ru`, `sr-Cyrl` or `sr-Latn`; `null` follows the device.
    #[schema(example = "sr-Latn")]
    pub language: Option<String>,
}

/// Changes the language of messages and pages.
#[utoipa::path(put, path = "/me/language", tag = "account", security(("bearer" = [])),
    params(IdempotencyKey),
    request_body = LanguageRequest,
    responses((status = 200, body = Me), Refusals))]
pub async fn set_language(
    State(ctx): State<AppContext>,
    caller: Caller,
    body: Result<Json<LanguageRequest>, JsonRejection>,
) -> ApiResult<Json<Me>> {
    let Json(request) = body?;
    let language = match request.language.as_deref() {
        None => None,
        Some(code) => Some(Language::from_code(code).ok_or(ErrorCode::InvalidInput)?),
    };
    let account = accounts::update_language(&ctx.db, caller.user_id(), language).await?;
    Ok(Json(me_of(&account, caller.0.scope)))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TimeZoneRequest {
    /// An IANA time zone.
    #[schema(example = "Europe/Belgrade")]
    pub time_zone: String,
}

/// Changes the time zone times are shown in.
#[utoipa::path(put, path = "/me/time-zone", tag = "account", security(("bearer" = [])),
    params(IdempotencyKey),
    request_body = TimeZoneRequest,
    responses((status = 200, body = Me), Refusals))]
pub async fn set_time_zone(
    State(ctx): State<AppContext>,
    caller: Caller,
    body: Result<Json<TimeZoneRequest>, JsonRejection>,
) -> ApiResult<Json<Me>> {
    let Json(request) = body?;
    let zone = TimeZoneName::parse(&request.time_zone)?;
    let account = accounts::update_time_zone(&ctx.db, caller.user_id(), &zone).await?;
    Ok(Json(me_of(&account, caller.0.scope)))
}
