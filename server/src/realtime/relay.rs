//! Moves recorded events from the Postgres outbox to Redis. It polls: every `POLL` while events
//! keep coming (each batch holds everything committed since the last one), backing off to
//! `IDLE_POLL` when the outbox stays empty. A batch is taken with `SKIP LOCKED` (several
//! instances share the work, each event goes once), published in one Redis pipeline and deleted
//! in the same transaction only after Redis accepted all of it; otherwise it is rolled back and
//! retried, the failure logged and counted. (Why not LISTEN/NOTIFY: ADR 13.)

use std::time::Duration;

use app::server::events;
use fred::prelude::{Pool as RedisPool, PubsubInterface};
use sqlx::PgPool;
use tokio::sync::watch;

use crate::metrics::names::{LIVE_PUBLISH_FAILURES, LIVE_PUBLISHED};

const BATCH: i64 = 500;
/// Between batches while events arrive: what a viewer waits at most, on top of Redis.
const POLL: Duration = Duration::from_millis(10);
/// The longest wait for the first event after a quiet spell.
const IDLE_POLL: Duration = Duration::from_millis(50);
/// After a failure (Redis or Postgres away): the events wait in the outbox meanwhile.
const RETRY: Duration = Duration::from_secs(1);

pub fn spawn(db: PgPool, redis: RedisPool, channel: String, mut shutdown: watch::Receiver<bool>) {
    tokio::spawn(async move {
        let mut wait = POLL;
        loop {
            wait = match relay_batch(&db, &redis, &channel).await {
                Ok(Taken::Full) => Duration::ZERO,
                Ok(Taken::Some) => POLL,
                Ok(Taken::None) => (wait * 2).clamp(POLL, IDLE_POLL),
                Err(()) => RETRY,
            };
            tokio::select! {
                _ = tokio::time::sleep(wait) => {}
                _ = shutdown.changed() => break,
            }
        }
    });
}

/// What a batch found in the outbox.
enum Taken {
    None,
    Some,
    /// A whole batch: there may be more right away.
    Full,
}

/// Publishes one batch.
async fn relay_batch(db: &PgPool, redis: &RedisPool, channel: &str) -> Result<Taken, ()> {
    let result = async {
        // A quiet outbox costs one cheap read, not a transaction.
        let waiting = events::any_waiting(db)
            .await
            .map_err(|e| format!("{e:?}"))?;
        if !waiting {
            return Ok(Taken::None);
        }
        let mut tx = db.begin().await.map_err(|e| e.to_string())?;
        let batch = events::take(&mut tx, BATCH)
            .await
            .map_err(|e| format!("{e:?}"))?;
        if batch.is_empty() {
            return Ok(Taken::None);
        }
        let pipeline = redis.next().pipeline();
        for envelope in &batch {
            let json = serde_json::to_string(envelope).map_err(|e| e.to_string())?;
            let _: () = pipeline
                .publish(channel, json)
                .await
                .map_err(|e| format!("redis publish: {e}"))?;
        }
        let _: Vec<i64> = pipeline
            .all()
            .await
            .map_err(|e| format!("redis publish: {e}"))?;
        tx.commit().await.map_err(|e| e.to_string())?;
        metrics::counter!(LIVE_PUBLISHED).increment(batch.len() as u64);
        Ok(if batch.len() as i64 == BATCH {
            Taken::Full
        } else {
            Taken::Some
        })
    }
    .await;
    result.map_err(|error: String| {
        metrics::counter!(LIVE_PUBLISH_FAILURES).increment(1);
        tracing::warn!(%error, "live events not relayed yet; retrying");
    })
}
