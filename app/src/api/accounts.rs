//! Account server functions: session info, register, log in and out, profile changes.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::{DeviceView, ProfileStats, ResetLinkPreview, SessionInfo};

#[cfg(feature = "ssr")]
use crate::{
    api::safe_next_path,
    domain::{
        language::{Language, TimeZoneName},
        theme::Theme,
        validation::{DisplayName, NewPassword, Username},
    },
    error::ErrorCode,
    server::{accounts, logins, password_resets, request, sessions, stats},
};

/// Who is logged in and which language the page uses.
#[server(prefix = "/api", endpoint = "session")]
pub async fn get_session() -> Result<SessionInfo, AppError> {
    Ok(SessionInfo {
        user: request::viewer().map(|account| account.view()),
        language: request::language(),
    })
}

/// The viewer's record across runs, for their profile.
#[server(prefix = "/api", endpoint = "my-stats")]
pub async fn my_stats() -> Result<ProfileStats, AppError> {
    let ctx = request::app_context()?;
    let viewer = request::require_viewer()?;
    stats::of(&ctx.db, viewer.id).await
}

#[server(prefix = "/api", endpoint = "register")]
pub async fn register(
    username: String,
    display_name: String,
    password: String,
    confirm_password: String,
    next: Option<String>,
    time_zone: Option<String>,
) -> Result<(), AppError> {
    let ctx = request::app_context()?;
    let registration = accounts::Registration {
        username: Username::parse(&username)?,
        display_name: DisplayName::parse(&display_name)?,
        password: NewPassword::parse(&password, &confirm_password)?,
        time_zone: TimeZoneName::from_browser_or(time_zone.as_deref(), request::language()),
        is_admin: false,
    };
    let invite = next
        .as_deref()
        .and_then(|next| next.strip_prefix("/join/"))
        .filter(|token| !token.is_empty() && token.len() <= 64);
    let account = accounts::register_visitor(&ctx.db, registration, invite).await?;
    sessions::start(&ctx, &request::session()?, &account, &request::user_agent()).await?;
    leptos_axum::redirect(&safe_next_path(next.as_deref()));
    Ok(())
}

#[server(prefix = "/api", endpoint = "login")]
pub async fn login(
    username: String,
    password: String,
    next: Option<String>,
) -> Result<(), AppError> {
    let ctx = request::app_context()?;
    if password.chars().count() > crate::domain::validation::PASSWORD_MAX {
        return Err(ErrorCode::InvalidCredentials.into());
    }
    let account = accounts::authenticate(&ctx.db, &username, password, &request::origin()).await?;
    sessions::start(&ctx, &request::session()?, &account, &request::user_agent()).await?;
    leptos_axum::redirect(&safe_next_path(next.as_deref()));
    Ok(())
}

#[server(prefix = "/api", endpoint = "logout")]
pub async fn logout() -> Result<(), AppError> {
    let ctx = request::app_context()?;
    let viewer = request::viewer();
    sessions::end(
        &ctx,
        &request::session()?,
        viewer.as_ref(),
        &request::origin(),
    )
    .await?;
    leptos_axum::redirect("/");
    Ok(())
}

#[server(prefix = "/api", endpoint = "change-password")]
pub async fn change_password(
    current_password: String,
    new_password: String,
    confirm_password: String,
) -> Result<(), AppError> {
    let ctx = request::app_context()?;
    let viewer = request::require_viewer()?;
    let new_password = NewPassword::parse(&new_password, &confirm_password)?;
    let account = accounts::change_password(
        &ctx.db,
        viewer.id,
        current_password,
        new_password,
        &request::origin(),
    )
    .await?;
    sessions::renew(&ctx, &request::session()?, &account).await
}

/// Where the viewer is logged in, this browser first.
#[server(prefix = "/api", endpoint = "devices")]
pub async fn my_devices() -> Result<Vec<DeviceView>, AppError> {
    let ctx = request::app_context()?;
    let viewer = request::require_viewer()?;
    let current = sessions::current_login(&request::session()?).await?;
    let policy = ctx.sessions;
    logins::list(
        &ctx.db,
        &viewer,
        current,
        policy.idle,
        policy.absolute_lifetime,
    )
    .await
}

/// Ends every login of the viewer but this one.
#[server(prefix = "/api", endpoint = "log-out-elsewhere")]
pub async fn log_out_elsewhere() -> Result<(), AppError> {
    let ctx = request::app_context()?;
    let viewer = request::require_viewer()?;
    let account = logins::end_others(&ctx.db, &viewer, &request::origin()).await?;
    sessions::renew(&ctx, &request::session()?, &account).await
}

/// Who may register now; the registration page says so before anyone fills it in.
#[server(prefix = "/api", endpoint = "registration-mode")]
pub async fn registration_mode() -> Result<crate::domain::admin::RegistrationMode, AppError> {
    let ctx = request::app_context()?;
    crate::server::site_settings::registration_mode(&ctx.db).await
}

/// Whom a password-reset link is for, while it works.
#[server(prefix = "/api", endpoint = "reset-link")]
pub async fn reset_link(token: String) -> Result<ResetLinkPreview, AppError> {
    let ctx = request::app_context()?;
    password_resets::preview(&ctx.db, &token).await
}

/// Sets a new password through a reset link; every other session of the account ends and this
/// browser is logged in as its owner.
#[server(prefix = "/api", endpoint = "reset-password")]
pub async fn reset_password(
    token: String,
    new_password: String,
    confirm_password: String,
) -> Result<(), AppError> {
    let ctx = request::app_context()?;
    let new_password = NewPassword::parse(&new_password, &confirm_password)?;
    let account = password_resets::reset(&ctx.db, &token, new_password, &request::origin()).await?;
    sessions::start(&ctx, &request::session()?, &account, &request::user_agent()).await?;
    leptos_axum::redirect("/");
    Ok(())
}

#[server(prefix = "/api", endpoint = "username")]
pub async fn change_username(username: String) -> Result<(), AppError> {
    let ctx = request::app_context()?;
    let viewer = request::require_viewer()?;
    let username = Username::parse(&username)?;
    accounts::rename(
        &ctx.db,
        &viewer,
        viewer.id,
        None,
        Some(&username),
        &request::origin(),
    )
    .await
}

/// Deletes the viewer's own account after checking their password; they are logged out.
#[server(prefix = "/api", endpoint = "delete-account")]
pub async fn delete_account(current_password: String) -> Result<(), AppError> {
    let ctx = request::app_context()?;
    let viewer = request::require_viewer()?;
    let me = crate::domain::ids::UserId(viewer.id);
    crate::server::account_removal::delete(
        &ctx.db,
        &viewer,
        me,
        Some(current_password),
        &request::origin(),
    )
    .await?;
    // The account is gone, and its logins with it: only this browser's session is left to end.
    sessions::end(&ctx, &request::session()?, None, &request::origin()).await?;
    leptos_axum::redirect("/");
    Ok(())
}

#[server(prefix = "/api", endpoint = "display-name")]
pub async fn update_display_name(display_name: String) -> Result<(), AppError> {
    let ctx = request::app_context()?;
    let viewer = request::require_viewer()?;
    let display_name = DisplayName::parse(&display_name)?;
    accounts::update_display_name(&ctx.db, viewer.id, &display_name).await?;
    Ok(())
}

/// `language` is a language code, or empty to follow the browser. A logged-in person's choice
/// is saved on the profile; before logging in it is kept in a cookie. Without JavaScript the
/// browser goes back to `next`.
#[server(prefix = "/api", endpoint = "language")]
pub async fn update_language(language: String, next: Option<String>) -> Result<(), AppError> {
    let ctx = request::app_context()?;
    let language = match language.trim() {
        "" => None,
        code => Some(Language::from_code(code).ok_or(ErrorCode::InvalidInput)?),
    };
    match request::viewer() {
        Some(viewer) => {
            accounts::update_language(&ctx.db, viewer.id, language).await?;
        }
        None => request::remember_language(language),
    }
    if next.is_some() {
        leptos_axum::redirect(&safe_next_path(next.as_deref()));
    }
    Ok(())
}

#[server(prefix = "/api", endpoint = "time-zone")]
pub async fn update_time_zone(time_zone: String) -> Result<(), AppError> {
    let ctx = request::app_context()?;
    let viewer = request::require_viewer()?;
    let time_zone = TimeZoneName::parse(&time_zone)?;
    accounts::update_time_zone(&ctx.db, viewer.id, &time_zone).await?;
    Ok(())
}

#[server(prefix = "/api", endpoint = "theme")]
pub async fn update_theme(theme: String) -> Result<(), AppError> {
    let ctx = request::app_context()?;
    let viewer = request::require_viewer()?;
    let theme = Theme::from_name(&theme).ok_or(ErrorCode::InvalidInput)?;
    accounts::update_theme(&ctx.db, viewer.id, theme).await?;
    Ok(())
}

/// The time zones a person may pick in their profile.
#[server(prefix = "/api", endpoint = "time-zones")]
pub async fn time_zones() -> Result<Vec<String>, AppError> {
    Ok(crate::i18n::zone::zone_names()
        .into_iter()
        .map(str::to_owned)
        .collect())
}
