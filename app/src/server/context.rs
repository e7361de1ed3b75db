//! What every server function and service needs from the running server, handed in, never global.

use std::time::Duration;

use sqlx::PgPool;

use crate::domain::group::CurrencyCode;

#[derive(Clone, Debug)]
pub struct AppContext {
    pub db: PgPool,
    pub sessions: SessionPolicy,
    /// The currency of new groups.
    pub default_currency: CurrencyCode,
}

/// How long a login lasts regardless of activity (the idle limit lives in the cookie layer).
#[derive(Clone, Copy, Debug)]
pub struct SessionPolicy {
    pub absolute_lifetime: Duration,
}
