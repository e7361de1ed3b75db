//! Live events across instances. Services record events in the Postgres outbox inside their
//! transactions; each instance runs a relay that publishes them to one Redis channel and a hub
//! subscribed to that channel, so every instance sees every event exactly as Redis delivered it;
//! browsers listen through event streams (Server-Sent Events) filtered to what they may see.
//! Failures are logged and counted, never turned into a failed request.

pub mod hub;
pub mod relay;
pub mod stream;

/// The Redis channel of one deployment (its database name keeps test servers apart).
pub fn channel(namespace: &str) -> String {
    format!("bulq:{namespace}:events")
}
