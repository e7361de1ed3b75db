//! What every server function and service needs from the running server, handed in, never global.

use std::time::Duration;

use sqlx::PgPool;

use crate::domain::group::CurrencyCode;
use crate::server::cache::Cache;

#[derive(Clone, Debug)]
pub struct AppContext {
    pub db: PgPool,
    pub sessions: SessionPolicy,
    /// The currency of new groups.
    pub default_currency: CurrencyCode,
    /// Read-through cache for hot lists; disabled in tests that do not need Redis.
    pub cache: Cache,
}

/// How long a login lasts regardless of activity (the idle limit lives in the cookie layer).
#[derive(Clone, Copy, Debug)]
pub struct SessionPolicy {
    pub absolute_lifetime: Duration,
}
