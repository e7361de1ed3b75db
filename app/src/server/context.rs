//! What every server function and service needs from the running server, handed in, never global.

use std::time::Duration;

use sqlx::PgPool;

use crate::domain::group::CurrencyCode;
use crate::server::cache::Cache;
use crate::server::runs::detail::RunCache;

#[derive(Clone, Debug)]
pub struct AppContext {
    pub db: PgPool,
    pub sessions: SessionPolicy,
    /// The currency of new groups.
    pub default_currency: CurrencyCode,
    /// Read-through cache for hot lists; disabled in tests that do not need Redis.
    pub cache: Cache,
    /// Runs' page data, per run and revision, in this process.
    pub runs: RunCache,
    /// How long the audit trail keeps an entry.
    pub audit_retention_days: u32,
}

/// How long a login lasts regardless of activity, and how often activity is written back to
/// extend it (the idle limit itself lives in the cookie layer).
#[derive(Clone, Copy, Debug)]
pub struct SessionPolicy {
    pub absolute_lifetime: Duration,
    /// How long an unused session lasts.
    pub idle: Duration,
    pub touch_every: Duration,
}

impl SessionPolicy {
    /// Writing the session back on every request would double the Redis round trips of every
    /// request; a tenth of the idle limit (at most ten minutes) keeps the idle expiry sliding
    /// while ending an idle session at most that much early.
    pub fn new(absolute_lifetime: Duration, idle: Duration) -> Self {
        Self {
            absolute_lifetime,
            idle,
            touch_every: (idle / 10).min(Duration::from_secs(600)),
        }
    }
}
