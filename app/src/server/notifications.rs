//! Stored notifications: what a person is told happened to them. Written inside the transaction
//! of the change they describe, so a rolled-back change tells nobody anything. (Reading them,
//! grouping and the unread badge come with live updates.)

use serde_json::Value;
use sqlx::PgConnection;
use uuid::Uuid;

use crate::error::AppResult;

/// Tells each of `users` about `kind` with its details.
pub async fn notify(
    conn: &mut PgConnection,
    users: &[Uuid],
    kind: &str,
    payload: Value,
) -> AppResult<()> {
    if users.is_empty() {
        return Ok(());
    }
    sqlx::query(
        "INSERT INTO notifications (user_id, kind, payload) SELECT unnest($1::uuid[]), $2, $3",
    )
    .bind(users)
    .bind(kind)
    .bind(payload)
    .execute(conn)
    .await?;
    Ok(())
}
