//! Safe retries for API clients: the first answer to a call sent with an `Idempotency-Key` is
//! kept for a day and given again to a repeat, without the work being done twice. A key is
//! claimed before the work starts, so repeats that arrive while it runs are told to wait
//! (`IDEMPOTENCY_KEY_IN_PROGRESS`) rather than doing it again.

use sqlx::{FromRow, PgPool};

use crate::domain::api_token::IDEMPOTENCY_HOURS;
use crate::domain::ids::UserId;
use crate::error::{AppResult, ErrorCode};

/// A claim left unfinished this long (its instance stopped mid-call) may be taken over.
const ABANDONED_AFTER_SECS: i32 = 300;

/// The answer kept for a key.
#[derive(Clone, Debug, FromRow)]
pub struct StoredAnswer {
    pub status: i16,
    pub content_type: Option<String>,
    pub body: Vec<u8>,
}

#[derive(Debug)]
pub enum Claim {
    /// The key is new (or expired): do the work, then [`finish`] or [`release`].
    Claimed,
    /// A repeat of a finished call: give its answer.
    Replay(StoredAnswer),
}

#[derive(FromRow)]
struct KeyRow {
    request_hash: Vec<u8>,
    status: Option<i16>,
    content_type: Option<String>,
    body: Option<Vec<u8>>,
}

/// Claims `key` for the request whose SHA-256 is `request_hash`, or finds its first answer.
pub async fn claim(db: &PgPool, user: UserId, key: &str, request_hash: &[u8]) -> AppResult<Claim> {
    let claimed: Option<bool> = sqlx::query_scalar(
        "INSERT INTO api_idempotency (user_id, key, request_hash) VALUES ($1, $2, $3) \
         ON CONFLICT (user_id, key) DO UPDATE \
           SET request_hash = EXCLUDED.request_hash, status = NULL, content_type = NULL, \
               body = NULL, created_at = now() \
           WHERE api_idempotency.created_at < now() - make_interval(hours => $4) \
              OR (api_idempotency.status IS NULL \
                  AND api_idempotency.created_at < now() - make_interval(secs => $5)) \
         RETURNING true",
    )
    .bind(user)
    .bind(key)
    .bind(request_hash)
    .bind(IDEMPOTENCY_HOURS)
    .bind(ABANDONED_AFTER_SECS)
    .fetch_optional(db)
    .await?;
    if claimed.is_some() {
        return Ok(Claim::Claimed);
    }
    let row = sqlx::query_as::<_, KeyRow>(
        "SELECT request_hash, status, content_type, body FROM api_idempotency \
         WHERE user_id = $1 AND key = $2",
    )
    .bind(user)
    .bind(key)
    .fetch_optional(db)
    .await?
    // Released between the two statements: the caller may simply try again.
    .ok_or(ErrorCode::IdempotencyKeyInProgress)?;
    if row.request_hash != request_hash {
        return Err(ErrorCode::IdempotencyKeyReused.into());
    }
    match (row.status, row.body) {
        (Some(status), Some(body)) => Ok(Claim::Replay(StoredAnswer {
            status,
            content_type: row.content_type,
            body,
        })),
        _ => Err(ErrorCode::IdempotencyKeyInProgress.into()),
    }
}

/// Keeps the answer to a claimed key.
pub async fn finish(db: &PgPool, user: UserId, key: &str, answer: &StoredAnswer) -> AppResult<()> {
    sqlx::query(
        "UPDATE api_idempotency SET status = $3, content_type = $4, body = $5 \
         WHERE user_id = $1 AND key = $2",
    )
    .bind(user)
    .bind(key)
    .bind(answer.status)
    .bind(answer.content_type.as_deref())
    .bind(&answer.body)
    .execute(db)
    .await?;
    Ok(())
}

/// Gives a claimed key up (the call failed on our side), so a retry does the work.
pub async fn release(db: &PgPool, user: UserId, key: &str) -> AppResult<()> {
    sqlx::query("DELETE FROM api_idempotency WHERE user_id = $1 AND key = $2 AND status IS NULL")
        .bind(user)
        .bind(key)
        .execute(db)
        .await?;
    Ok(())
}

/// Forgets keys older than a day.
pub async fn prune(db: &PgPool) -> AppResult<u64> {
    let deleted = sqlx::query(
        "DELETE FROM api_idempotency WHERE created_at < now() - make_interval(hours => $1)",
    )
    .bind(IDEMPOTENCY_HOURS)
    .execute(db)
    .await?;
    Ok(deleted.rows_affected())
}
