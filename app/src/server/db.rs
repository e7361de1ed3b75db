//! The Postgres pool and the migrations. Tables come only from `migrations/`, never from code.

use std::time::Duration;

use sqlx::migrate::Migrator;
use std::str::FromStr;

use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::{Connection, PgPool};

pub static MIGRATOR: Migrator = sqlx::migrate!("../migrations");

#[derive(Clone, Debug)]
pub struct PoolSettings {
    pub max_connections: u32,
    pub min_connections: u32,
    pub acquire_timeout: Duration,
    pub idle_timeout: Duration,
    pub max_lifetime: Duration,
    /// Postgres cancels a statement that runs longer (and the request answers 503), so one slow
    /// query cannot hold a connection and its locks for ever.
    pub statement_timeout: Duration,
}

impl Default for PoolSettings {
    fn default() -> Self {
        Self {
            max_connections: 16,
            min_connections: 1,
            acquire_timeout: Duration::from_secs(3),
            idle_timeout: Duration::from_secs(600),
            max_lifetime: Duration::from_secs(1800),
            statement_timeout: Duration::from_secs(10),
        }
    }
}

/// A lazily connecting pool: the server starts even while Postgres is still coming up,
/// and `/readyz` tells when it is reachable.
pub fn connect_lazy(url: &str, settings: &PoolSettings) -> Result<PgPool, sqlx::Error> {
    let timeout_ms = settings.statement_timeout.as_millis().to_string();
    // A transaction left open by a crashed request must not hold its locks for ever either.
    let idle_in_transaction_ms = (settings.statement_timeout.as_millis() * 3).to_string();
    let options = PgConnectOptions::from_str(url)?.options([
        ("statement_timeout", timeout_ms.as_str()),
        (
            "idle_in_transaction_session_timeout",
            idle_in_transaction_ms.as_str(),
        ),
    ]);
    Ok(PgPoolOptions::new()
        .max_connections(settings.max_connections)
        .min_connections(settings.min_connections)
        .acquire_timeout(settings.acquire_timeout)
        .idle_timeout(settings.idle_timeout)
        .max_lifetime(settings.max_lifetime)
        // A ping on every checkout is a round trip per query under load. A connection that was
        // just in use is alive; one that sat idle (Postgres may have restarted since) is pinged,
        // and a dead one is replaced before anyone's query meets it.
        .test_before_acquire(false)
        .before_acquire(|conn, meta| {
            Box::pin(async move {
                if meta.idle_for < PING_AFTER_IDLE {
                    return Ok(true);
                }
                Ok(conn.ping().await.is_ok())
            })
        })
        .connect_lazy_with(options))
}

/// How long a pooled connection may sit unused before it is checked on its way out.
const PING_AFTER_IDLE: Duration = Duration::from_secs(1);

pub async fn migrate(pool: &PgPool) -> Result<(), sqlx::migrate::MigrateError> {
    MIGRATOR.run(pool).await
}

/// Postgres' code for a unique violation.
pub fn is_unique_violation(err: &sqlx::Error) -> bool {
    matches!(err, sqlx::Error::Database(db) if db.code().as_deref() == Some("23505"))
}
