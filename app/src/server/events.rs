//! Recording live events: a service writes each event into the outbox inside the transaction of
//! the change it describes, so an event exists exactly when its change committed. The server's
//! relay publishes them through Redis to every instance (see `server/src/realtime`); nothing
//! here touches the network, which is also how tests observe events.

use sqlx::PgConnection;
use uuid::Uuid;

use crate::error::{AppError, AppResult};
use crate::model::{EventEnvelope, LiveEvent};

/// The common table expressions that record an event for each row of `$source`: `recorded`
/// (its outbox row, `$event` about run `$run` of group `$group`) and `revised` (one more change
/// of the run, counted in `run_revisions`, which the run page's cache is keyed on, on one of 16
/// rows picked by the connection so concurrent writers do not queue on one row; none for an
/// event about the group itself). A statement that changes something records its event with
/// these in the same statement.
macro_rules! recording_ctes {
    (group: $group:literal, run: $run:literal, event: $event:literal, source: $source:literal) => {
        concat!(
            "recorded AS ( \
                 INSERT INTO event_outbox (group_id, run_id, event) \
                 SELECT ",
            $group,
            ", ",
            $run,
            ", ",
            $event,
            " FROM ",
            $source,
            "), \
             revised AS ( \
                 INSERT INTO run_revisions (run_id, shard, changes) \
                 SELECT ",
            $run,
            ", pg_backend_pid() % 16, 1 FROM ",
            $source,
            " WHERE ",
            $run,
            " IS NOT NULL \
                 ON CONFLICT (run_id, shard) DO UPDATE SET changes = run_revisions.changes + 1)"
        )
    };
}
pub(crate) use recording_ctes;

/// Records `event` about `run_id` (or the group itself) of `group_id`.
pub(crate) async fn record(
    conn: &mut PgConnection,
    group_id: Uuid,
    run_id: Option<Uuid>,
    event: LiveEvent,
) -> AppResult<()> {
    let json = serde_json::to_value(&event).map_err(AppError::internal)?;
    sqlx::query(concat!(
        "WITH ",
        recording_ctes!(group: "$1::uuid", run: "$2::uuid", event: "$3::jsonb", source: "(VALUES (1)) AS once"),
        " SELECT 1"
    ))
    .bind(group_id)
    .bind(run_id)
    .bind(json)
    .execute(conn)
    .await?;
    Ok(())
}

/// Whether any recorded event waits to be taken. The outbox is a queue: until vacuum comes by,
/// its table is mostly rows already taken. Walking the key from the oldest skips those cheaply
/// (an index scan marks the dead entries it meets), where a scan of the table reads them all.
pub async fn any_waiting(db: &sqlx::PgPool) -> AppResult<bool> {
    let oldest: Option<i64> = sqlx::query_scalar("SELECT id FROM event_outbox ORDER BY id LIMIT 1")
        .fetch_optional(db)
        .await?;
    Ok(oldest.is_some())
}

/// What waits in the outbox: how many events and how long the oldest has waited.
#[derive(Debug, sqlx::FromRow)]
pub struct Backlog {
    pub waiting: i64,
    pub oldest_secs: f64,
}

pub async fn backlog(conn: &mut PgConnection) -> AppResult<Backlog> {
    // Seconds as a float is fine here: it is a gauge for an operator, not money or a quantity.
    Ok(sqlx::query_as(
        "SELECT count(*) AS waiting, \
                coalesce(extract(epoch FROM clock_timestamp() - min(created_at)), 0)::float8 \
                    AS oldest_secs \
           FROM event_outbox",
    )
    .fetch_one(conn)
    .await?)
}

/// Takes up to `limit` recorded events, oldest first, for the caller's transaction: rows other
/// relays hold are skipped, and the rows are gone once the caller commits.
pub async fn take(conn: &mut PgConnection, limit: i64) -> AppResult<Vec<EventEnvelope>> {
    let rows: Vec<(i64, Uuid, Option<Uuid>, serde_json::Value)> = sqlx::query_as(
        "DELETE FROM event_outbox WHERE id IN ( \
             SELECT id FROM event_outbox ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED) \
         RETURNING id, group_id, run_id, event",
    )
    .bind(limit)
    .fetch_all(conn)
    .await?;
    let mut events: Vec<EventEnvelope> = Vec::with_capacity(rows.len());
    for (id, group_id, run_id, event) in rows {
        match serde_json::from_value(event) {
            Ok(event) => events.push(EventEnvelope {
                id,
                group_id,
                run_id,
                event,
            }),
            // An event this version does not know (an older or newer instance wrote it).
            Err(error) => tracing::warn!(id, %error, "skipping an unreadable event"),
        }
    }
    events.sort_by_key(|envelope| envelope.id);
    Ok(events)
}
