//! Each log-in as its owner sees it ("your devices"): begun when the password is checked, seen as
//! the session is used, ended by logging out; "log out everywhere else" ends all but this one by
//! bumping the account's session generation, which every other session checks on its next
//! request and every open event stream on the `SessionsChanged` event.

use std::time::Duration;

use chrono::{DateTime, Utc};
use sqlx::{FromRow, PgPool};
use uuid::Uuid;

use crate::domain::admin::AuditAction;
use crate::domain::device::describe;
use crate::error::AppResult;
use crate::model::{DeviceView, LiveEvent};
use crate::server::accounts::Account;
use crate::server::audit::{self, Entry, Origin};
use crate::server::events;

/// The longest User-Agent kept: enough to name the browser and the system.
const DEVICE_MAX: usize = 200;

/// Records a new login of `account` from `device` (its User-Agent), and clears the account's
/// logins that can no longer count (ended, of an older generation, or past `lifetime`).
pub async fn begin(
    db: &PgPool,
    account: &Account,
    device: &str,
    lifetime: Duration,
) -> AppResult<Uuid> {
    let device: String = device.chars().take(DEVICE_MAX).collect();
    let mut tx = db.begin().await?;
    sqlx::query(
        "DELETE FROM logins WHERE user_id = $1 \
         AND (ended_at IS NOT NULL OR generation <> $2 \
              OR created_at < now() - make_interval(secs => $3))",
    )
    .bind(account.id)
    .bind(account.session_generation)
    .bind(lifetime.as_secs_f64())
    .execute(&mut *tx)
    .await?;
    let id: Uuid = sqlx::query_scalar(
        "INSERT INTO logins (user_id, generation, device) VALUES ($1, $2, $3) RETURNING id",
    )
    .bind(account.id)
    .bind(account.session_generation)
    .bind(device)
    .fetch_one(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// The login was used just now.
pub async fn seen(db: &PgPool, login: Uuid) -> AppResult<()> {
    sqlx::query("UPDATE logins SET last_seen_at = now() WHERE id = $1")
        .bind(login)
        .execute(db)
        .await?;
    Ok(())
}

/// The login carries on under the account's new generation (after the owner's own password
/// change or "log out everywhere else" from it).
pub async fn carried_on(db: &PgPool, login: Uuid, generation: i32) -> AppResult<()> {
    sqlx::query("UPDATE logins SET generation = $2, last_seen_at = now() WHERE id = $1")
        .bind(login)
        .bind(generation)
        .execute(db)
        .await?;
    Ok(())
}

/// The person logged out: the login ends, their open streams check theirs, and it is audited.
pub async fn end(
    db: &PgPool,
    account: &Account,
    login: Option<Uuid>,
    origin: &Origin,
) -> AppResult<()> {
    let mut tx = db.begin().await?;
    if let Some(login) = login {
        sqlx::query(
            "UPDATE logins SET ended_at = now() WHERE id = $1 AND user_id = $2 \
             AND ended_at IS NULL",
        )
        .bind(login)
        .bind(account.id)
        .execute(&mut *tx)
        .await?;
    }
    sessions_changed(&mut tx, account.id).await?;
    let entry = Entry::new(AuditAction::LoggedOut, origin)
        .by(account.id, &account.username)
        .on(account.id, &account.username);
    audit::record(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(())
}

/// Every other login of the account ends now: the generation moves on (the caller carries its
/// own session over with `carried_on`). Returns the account as it now is.
pub async fn end_others(db: &PgPool, account: &Account, origin: &Origin) -> AppResult<Account> {
    let mut tx = db.begin().await?;
    let generation: i32 = sqlx::query_scalar(
        "UPDATE users SET session_generation = session_generation + 1 WHERE id = $1 \
         RETURNING session_generation",
    )
    .bind(account.id)
    .fetch_one(&mut *tx)
    .await?;
    sessions_changed(&mut tx, account.id).await?;
    let entry = Entry::new(AuditAction::OtherSessionsEnded, origin)
        .by(account.id, &account.username)
        .on(account.id, &account.username);
    audit::record(&mut tx, &entry).await?;
    tx.commit().await?;
    tracing::info!(user_id = %account.id, "other sessions ended");
    Ok(Account {
        session_generation: generation,
        ..account.clone()
    })
}

/// Tells the person's open streams to check their login, in the caller's transaction.
pub(crate) async fn sessions_changed(
    conn: &mut sqlx::PgConnection,
    user_id: Uuid,
) -> AppResult<()> {
    events::record(
        conn,
        Uuid::nil(),
        None,
        LiveEvent::SessionsChanged { user_id },
    )
    .await
}

#[derive(FromRow)]
struct LoginRow {
    id: Uuid,
    device: String,
    created_at: DateTime<Utc>,
    last_seen_at: DateTime<Utc>,
}

/// Where the account is logged in now, most recently used first; `current` is this browser's.
pub async fn list(
    db: &PgPool,
    account: &Account,
    current: Option<Uuid>,
    idle: Duration,
    lifetime: Duration,
) -> AppResult<Vec<DeviceView>> {
    let rows: Vec<LoginRow> = sqlx::query_as(
        "SELECT id, device, created_at, last_seen_at FROM logins \
         WHERE user_id = $1 AND generation = $2 AND ended_at IS NULL \
           AND last_seen_at > now() - make_interval(secs => $3) \
           AND created_at > now() - make_interval(secs => $4) \
         ORDER BY id = $5 DESC, last_seen_at DESC, id LIMIT 50",
    )
    .bind(account.id)
    .bind(account.session_generation)
    .bind(idle.as_secs_f64())
    .bind(lifetime.as_secs_f64())
    .bind(current.unwrap_or_default())
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| {
            let (browser, system) = describe(&row.device);
            DeviceView {
                id: row.id,
                browser: browser.map(str::to_owned),
                system: system.map(str::to_owned),
                logged_in_at: row.created_at,
                last_seen_at: row.last_seen_at,
                current: Some(row.id) == current,
            }
        })
        .collect())
}
