//! One-time password-reset links, for people who forgot their password (Bulq has no e-mail): a
//! site admin makes one and hands it over; it works once, for an hour, and using it ends every
//! other session of the account. Only the token's SHA-256 is stored.

use sqlx::{FromRow, PgPool};
use uuid::Uuid;

use crate::domain::admin::{AuditAction, RESET_LINK_MINUTES};
use crate::domain::ids::UserId;
use crate::domain::validation::NewPassword;
use crate::error::{AppResult, ErrorCode};
use crate::model::{ResetLinkPreview, ResetLinkView};
use crate::server::accounts::{self, Account};
use crate::server::audit::{self, Entry, Origin};
use crate::server::passwords;
use crate::server::secret_tokens::{hash_of, new_secret, plausible};

/// Makes a link for `user_id`; any unused link made before for the same person stops working.
pub async fn create(
    db: &PgPool,
    admin: &Account,
    user_id: UserId,
    origin: &Origin,
) -> AppResult<ResetLinkView> {
    let token = new_secret()?;
    let mut tx = db.begin().await?;
    let username: Option<String> =
        sqlx::query_scalar("SELECT username FROM users WHERE id = $1 FOR UPDATE")
            .bind(user_id)
            .fetch_optional(&mut *tx)
            .await?;
    let username = username.ok_or(ErrorCode::UserNotFound)?;
    sqlx::query("DELETE FROM password_resets WHERE user_id = $1 AND used_at IS NULL")
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
    let expires_at: chrono::DateTime<chrono::Utc> = sqlx::query_scalar(
        "INSERT INTO password_resets (token_hash, user_id, created_by, expires_at) \
         VALUES ($1, $2, $3, now() + make_interval(mins => $4)) RETURNING expires_at",
    )
    .bind(hash_of(&token))
    .bind(user_id)
    .bind(admin.id)
    .bind(RESET_LINK_MINUTES as i32)
    .fetch_one(&mut *tx)
    .await?;
    let entry = Entry::new(AuditAction::PasswordResetLinkCreated, origin)
        .by(admin.id, &admin.username)
        .on(user_id.as_uuid(), &username);
    audit::record(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(ResetLinkView {
        username,
        path: format!("/reset/{token}"),
        expires_at,
    })
}

#[derive(FromRow)]
struct LinkRow {
    user_id: Uuid,
    username: String,
    display_name: String,
}

const LIVE_LINK: &str = "SELECT r.user_id, u.username, u.display_name \
     FROM password_resets r JOIN users u ON u.id = r.user_id \
     WHERE r.token_hash = $1 AND r.used_at IS NULL AND r.expires_at > now() \
       AND u.disabled_at IS NULL";

/// Whom a link is for, while it still works; else `RESET_LINK_INVALID`.
pub async fn preview(db: &PgPool, token: &str) -> AppResult<ResetLinkPreview> {
    if !plausible(token) {
        return Err(ErrorCode::ResetLinkInvalid.into());
    }
    let row = sqlx::query_as::<_, LinkRow>(LIVE_LINK)
        .bind(hash_of(token))
        .fetch_optional(db)
        .await?
        .ok_or(ErrorCode::ResetLinkInvalid)?;
    Ok(ResetLinkPreview {
        username: row.username,
        display_name: row.display_name,
    })
}

/// Sets the new password through a link and uses the link up; every session of the account ends.
/// Returns the account, to log the person in.
pub async fn reset(
    db: &PgPool,
    token: &str,
    new_password: NewPassword,
    origin: &Origin,
) -> AppResult<Account> {
    if !plausible(token) {
        return Err(ErrorCode::ResetLinkInvalid.into());
    }
    let hash = hash_of(token);
    let new_hash = passwords::hash(new_password.expose().to_owned()).await?;
    let mut tx = db.begin().await?;
    let sql = format!("{LIVE_LINK} FOR UPDATE OF r");
    let row = sqlx::query_as::<_, LinkRow>(&sql)
        .bind(&hash)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(ErrorCode::ResetLinkInvalid)?;
    sqlx::query("UPDATE password_resets SET used_at = now() WHERE token_hash = $1")
        .bind(&hash)
        .execute(&mut *tx)
        .await?;
    let account = accounts::set_password(&mut tx, row.user_id, new_hash).await?;
    let entry = Entry::new(AuditAction::PasswordReset, origin)
        .by(row.user_id, &row.username)
        .on(row.user_id, &row.username);
    audit::record(&mut tx, &entry).await?;
    tx.commit().await?;
    tracing::info!(user_id = %row.user_id, "password reset through a link; sessions ended");
    Ok(account)
}
