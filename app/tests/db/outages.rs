//! When Postgres cannot answer now — a statement past its timeout, a connection that cannot be
//! made — a request is told "try again" (503), never "something is broken" (500).

use std::time::Duration;

use app::error::{AppError, ErrorCode};
use app::server::db::{PoolSettings, connect_lazy};
use sqlx::PgPool;

/// The test database's own address, as `server serve` would be given it.
async fn url_of(db: &PgPool) -> String {
    let name: String = sqlx::query_scalar("SELECT current_database()")
        .fetch_one(db)
        .await
        .unwrap();
    let base = std::env::var("DATABASE_URL").expect("DATABASE_URL for the Postgres tests");
    let mut url = url::Url::parse(&base).unwrap();
    url.set_path(&name);
    url.to_string()
}

#[sqlx::test(migrations = false)]
async fn a_statement_past_its_timeout_is_cancelled_and_answers_unavailable(db: PgPool) {
    let settings = PoolSettings {
        statement_timeout: Duration::from_millis(200),
        ..PoolSettings::default()
    };
    let pool = connect_lazy(&url_of(&db).await, &settings).unwrap();
    let shown: String = sqlx::query_scalar("SHOW statement_timeout")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(shown, "200ms");
    let slow = sqlx::query("SELECT pg_sleep(5)")
        .execute(&pool)
        .await
        .unwrap_err();
    assert_eq!(AppError::from(slow).code, ErrorCode::Unavailable);
}

#[tokio::test]
async fn a_database_that_cannot_be_reached_answers_unavailable() {
    let settings = PoolSettings {
        acquire_timeout: Duration::from_millis(500),
        ..PoolSettings::default()
    };
    // Port 9 (discard) has no Postgres: the connection is refused.
    let pool = connect_lazy("postgres://bulq@127.0.0.1:9/bulq", &settings).unwrap();
    let failed = sqlx::query("SELECT 1").execute(&pool).await.unwrap_err();
    assert_eq!(AppError::from(failed).code, ErrorCode::Unavailable);
}
