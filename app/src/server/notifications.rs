//! Stored notifications: what a person is told happened to them. Written inside the transaction
//! of the change they describe, so a rolled-back change tells nobody anything. Read grouped: the
//! same kind of news about the same run is one entry with its count, and marking the entry read
//! marks every notification in it.

use chrono::{DateTime, Utc};
use serde_json::Value;
use sqlx::{FromRow, PgConnection, PgPool};
use uuid::Uuid;

use crate::domain::notification::NotificationKind;
use crate::domain::paging::{Page, PageRequest};
use crate::domain::run_state::RunState;
use crate::error::AppResult;
use crate::model::NotificationView;

/// Tells each of `users` about `kind` with its details.
pub async fn notify(
    conn: &mut PgConnection,
    users: &[Uuid],
    kind: NotificationKind,
    payload: Value,
) -> AppResult<()> {
    if users.is_empty() {
        return Ok(());
    }
    sqlx::query(
        "INSERT INTO notifications (user_id, kind, payload) SELECT unnest($1::uuid[]), $2, $3",
    )
    .bind(users)
    .bind(kind.as_str())
    .bind(payload)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn unread_count(db: &PgPool, user_id: Uuid) -> AppResult<i64> {
    Ok(sqlx::query_scalar(
        "SELECT count(*) FROM notifications WHERE user_id = $1 AND read_at IS NULL",
    )
    .bind(user_id)
    .fetch_one(db)
    .await?)
}

#[derive(FromRow)]
struct GroupRow {
    kind: String,
    run_id: Option<Uuid>,
    unread: bool,
    count: i64,
    latest_at: DateTime<Utc>,
    payload: Value,
    subject: Option<String>,
    total: i64,
}

/// A person's notifications, newest first, grouped by kind and run (unread and read apart).
pub async fn list(
    db: &PgPool,
    user_id: Uuid,
    page: PageRequest,
) -> AppResult<Page<NotificationView>> {
    let rows: Vec<GroupRow> = sqlx::query_as(
        "WITH grouped AS ( \
             SELECT n.kind, (n.payload->>'run_id')::uuid AS run_id, n.read_at IS NULL AS unread, \
                    count(*) AS count, max(n.created_at) AS latest_at, \
                    (array_agg(n.payload ORDER BY n.created_at DESC))[1] AS payload \
             FROM notifications n WHERE n.user_id = $1 \
             GROUP BY n.kind, (n.payload->>'run_id')::uuid, n.read_at IS NULL) \
         SELECT g.kind, g.run_id, g.unread, g.count, g.latest_at, g.payload, \
                coalesce(s.name, g.payload->>'group_name') AS subject, count(*) OVER () AS total \
         FROM grouped g LEFT JOIN runs r ON r.id = g.run_id LEFT JOIN stores s ON s.id = r.store_id \
         ORDER BY g.unread DESC, g.latest_at DESC LIMIT $2 OFFSET $3",
    )
    .bind(user_id)
    .bind(page.limit())
    .bind(page.offset())
    .fetch_all(db)
    .await?;
    let total = rows.first().map_or(0, |row| row.total as u64);
    let items = rows
        .into_iter()
        .filter_map(|row| {
            let kind = NotificationKind::from_name(&row.kind);
            if kind.is_none() {
                tracing::warn!(kind = %row.kind, "a stored notification of an unknown kind is not shown");
            }
            Some((kind?, row))
        })
        .map(|(kind, row)| NotificationView {
            money_of: matches!(
                kind,
                NotificationKind::PaymentSent | NotificationKind::PaymentConfirmed
            )
            .then(|| row.payload.get("group_id").and_then(Value::as_str))
            .flatten()
            .and_then(|id| Uuid::parse_str(id).ok()),
            state: row
                .payload
                .get("state")
                .and_then(Value::as_str)
                .and_then(RunState::parse),
            reason: row
                .payload
                .get("reason")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned(),
            kind,
            run_id: row.run_id,
            subject: row.subject.unwrap_or_default(),
            count: row.count,
            unread: row.unread,
            latest_at: row.latest_at,
        })
        .collect();
    Ok(page.page_of(items, total))
}

/// Marks one grouped entry read: every unread notification of that kind about that run.
pub async fn mark_read(
    db: &PgPool,
    user_id: Uuid,
    kind: NotificationKind,
    run_id: Option<Uuid>,
) -> AppResult<()> {
    sqlx::query(
        "UPDATE notifications SET read_at = now() \
         WHERE user_id = $1 AND kind = $2 AND read_at IS NULL \
           AND (payload->>'run_id')::uuid IS NOT DISTINCT FROM $3",
    )
    .bind(user_id)
    .bind(kind.as_str())
    .bind(run_id)
    .execute(db)
    .await?;
    Ok(())
}

pub async fn mark_all_read(db: &PgPool, user_id: Uuid) -> AppResult<()> {
    sqlx::query("UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL")
        .bind(user_id)
        .execute(db)
        .await?;
    Ok(())
}
