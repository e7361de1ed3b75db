//! Deleting an account, by its owner (from the profile, with their password) or by a site admin.
//! Runs and money must stay exact, so the row stays as an anonymous "former member": the person
//! leaves every group first (their orders in open runs go, runs they lead are cancelled, as when
//! leaving), then name, username and password are replaced and every session ends. One
//! transaction: refused as a whole when the person is the last admin of a group that has other
//! members, or the site's last admin.

use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

use crate::domain::admin::AuditAction;
use crate::domain::ids::UserId;
use crate::error::{AppResult, ErrorCode};
use crate::model::LiveEvent;
use crate::server::accounts::Account;
use crate::server::audit::{self, Entry, Origin};
use crate::server::{events, groups, passwords};

/// The name a deleted account shows wherever it took part.
pub const FORMER_MEMBER: &str = "Former member";

/// Deletes the account of `user_id`; `actor` is the owner or a site admin. With `password`, the
/// owner's current password is checked first.
pub async fn delete(
    db: &PgPool,
    actor: &Account,
    user_id: UserId,
    password: Option<String>,
    origin: &Origin,
) -> AppResult<()> {
    let mut tx = db.begin().await?;
    let row: Option<(String, String, bool)> = sqlx::query_as(
        "SELECT username, password_hash, is_admin FROM users \
         WHERE id = $1 AND deleted_at IS NULL FOR UPDATE",
    )
    .bind(user_id)
    .fetch_optional(&mut *tx)
    .await?;
    let (username, hash, is_admin) = row.ok_or(ErrorCode::UserNotFound)?;
    if let Some(password) = password
        && !passwords::verify(password, Some(hash)).await?
    {
        return Err(ErrorCode::PasswordIncorrect.into());
    }
    if is_admin {
        let admins: i64 = sqlx::query_scalar("SELECT count(*) FROM users WHERE is_admin")
            .fetch_one(&mut *tx)
            .await?;
        if admins <= 1 {
            return Err(ErrorCode::LastSiteAdmin.into());
        }
    }
    let current_groups: Vec<Uuid> = sqlx::query_scalar(
        "SELECT m.group_id FROM group_members m JOIN groups g ON g.id = m.group_id \
         WHERE m.user_id = $1 AND g.archived_at IS NULL ORDER BY m.group_id",
    )
    .bind(user_id)
    .fetch_all(&mut *tx)
    .await?;
    for group_id in current_groups {
        groups::leave_in(&mut tx, user_id.as_uuid(), group_id).await?;
    }
    for statement in [
        "DELETE FROM group_members WHERE user_id = $1",
        "DELETE FROM notifications WHERE user_id = $1",
    ] {
        sqlx::query(statement)
            .bind(user_id)
            .execute(&mut *tx)
            .await?;
    }
    anonymise(&mut tx, user_id).await?;
    let entry = Entry::new(AuditAction::AccountDeleted, origin)
        .by(actor.id, &actor.username)
        .on(user_id.as_uuid(), &username);
    audit::record(&mut tx, &entry).await?;
    tx.commit().await?;
    tracing::info!(%user_id, by = %actor.id, "account deleted (anonymised)");
    Ok(())
}

/// Makes the account an anonymous former member who can never log in again, in the caller's
/// transaction: name, username and password replaced, roles dropped, every session and live
/// stream ended. Deleting and merging accounts both end this way.
pub(crate) async fn anonymise(conn: &mut PgConnection, user_id: UserId) -> AppResult<()> {
    let former = format!("former-{}", &user_id.as_uuid().simple().to_string()[..12]);
    // Every way back in: reset links, logins, API tokens (and their kept answers).
    for table in ["password_resets", "logins", "api_tokens", "api_idempotency"] {
        sqlx::query(&format!("DELETE FROM {table} WHERE user_id = $1"))
            .bind(user_id)
            .execute(&mut *conn)
            .await?;
    }
    // '!' is no Argon2 hash: no password ever matches it.
    sqlx::query(
        "UPDATE users SET username = $2, display_name = $3, password_hash = '!', \
                          is_admin = false, verified = false, language = NULL, \
                          disabled_at = coalesce(disabled_at, now()), deleted_at = now(), \
                          session_generation = session_generation + 1 \
         WHERE id = $1",
    )
    .bind(user_id)
    .bind(&former)
    .bind(FORMER_MEMBER)
    .execute(&mut *conn)
    .await?;
    let ended = LiveEvent::AccountEnded {
        user_id: user_id.as_uuid(),
    };
    events::record(conn, Uuid::nil(), None, ended).await
}
