//! Moves recorded events from the Postgres outbox to Redis. Woken at commit by the outbox
//! trigger (LISTEN), and every second regardless (a missed wake-up only delays). A batch is
//! taken with `SKIP LOCKED` (several instances share the work, each event goes once) and deleted
//! in the same transaction only after Redis accepted every event of it; otherwise it is rolled
//! back and retried, the failure logged and counted.

use std::time::Duration;

use app::server::events;
use fred::prelude::{Pool as RedisPool, PubsubInterface};
use sqlx::PgPool;
use sqlx::postgres::PgListener;
use tokio::sync::watch;

use super::{Counters, SharedCounters};

const BATCH: i64 = 200;
const TICK: Duration = Duration::from_secs(1);

pub fn spawn(
    db: PgPool,
    redis: RedisPool,
    channel: String,
    counters: SharedCounters,
    mut shutdown: watch::Receiver<bool>,
) {
    tokio::spawn(async move {
        let mut listener = match PgListener::connect_with(&db).await {
            Ok(mut listener) => match listener.listen("bulq_events").await {
                Ok(()) => Some(listener),
                Err(error) => {
                    tracing::warn!(%error, "cannot LISTEN for events; polling instead");
                    None
                }
            },
            Err(error) => {
                tracing::warn!(%error, "cannot LISTEN for events; polling instead");
                None
            }
        };
        loop {
            while let Ok(true) = relay_batch(&db, &redis, &channel, &counters).await {}
            let woken = async {
                match listener.as_mut() {
                    Some(listener) => {
                        // An error here is a lost connection: sqlx reconnects on the next call.
                        let _ = listener.recv().await;
                    }
                    None => std::future::pending::<()>().await,
                }
            };
            tokio::select! {
                _ = woken => {}
                _ = tokio::time::sleep(TICK) => {}
                _ = shutdown.changed() => break,
            }
        }
    });
}

/// Publishes one batch; `Ok(true)` when there may be more.
async fn relay_batch(
    db: &PgPool,
    redis: &RedisPool,
    channel: &str,
    counters: &Counters,
) -> Result<bool, ()> {
    let result = async {
        let mut tx = db.begin().await.map_err(|e| e.to_string())?;
        let batch = events::take(&mut tx, BATCH)
            .await
            .map_err(|e| format!("{e:?}"))?;
        if batch.is_empty() {
            return Ok(false);
        }
        for envelope in &batch {
            let json = serde_json::to_string(envelope).map_err(|e| e.to_string())?;
            let _: i64 = redis
                .next()
                .publish(channel, json)
                .await
                .map_err(|e| format!("redis publish: {e}"))?;
        }
        tx.commit().await.map_err(|e| e.to_string())?;
        for _ in &batch {
            Counters::add(&counters.published);
        }
        Ok(batch.len() as i64 == BATCH)
    }
    .await;
    result.map_err(|error: String| {
        Counters::add(&counters.publish_failures);
        tracing::warn!(%error, "live events not relayed yet; retrying");
    })
}
