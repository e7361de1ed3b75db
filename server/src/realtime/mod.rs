//! Live events across instances. Services record events in the Postgres outbox inside their
//! transactions; each instance runs a relay that publishes them to one Redis channel and a hub
//! subscribed to that channel, so every instance sees every event exactly as Redis delivered it;
//! browsers listen through event streams (Server-Sent Events) filtered to what they may see.
//! Failures are logged and counted, never turned into a failed request.

pub mod hub;
pub mod relay;
pub mod stream;

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// What the live machinery did, for logs and the health page.
#[derive(Default)]
pub struct Counters {
    pub published: AtomicU64,
    pub publish_failures: AtomicU64,
    pub received: AtomicU64,
    pub open_streams: AtomicU64,
}

impl Counters {
    pub fn add(counter: &AtomicU64) {
        counter.fetch_add(1, Ordering::Relaxed);
    }

    pub fn get(counter: &AtomicU64) -> u64 {
        counter.load(Ordering::Relaxed)
    }
}

pub type SharedCounters = Arc<Counters>;

/// The Redis channel of one deployment (its database name keeps test servers apart).
pub fn channel(namespace: &str) -> String {
    format!("bulq:{namespace}:events")
}
