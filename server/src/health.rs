//! Liveness (`/healthz`: the process answers) and readiness (`/readyz`: Postgres and Redis answer).

use std::time::Duration;

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use fred::prelude::{ClientLike, Pool as RedisPool};
use serde_json::{Value, json};
use sqlx::PgPool;

#[derive(Clone)]
pub struct Dependencies {
    pub db: PgPool,
    pub redis: RedisPool,
}

pub async fn live() -> &'static str {
    "ok"
}

pub async fn ready(State(deps): State<Dependencies>) -> (StatusCode, Json<Value>) {
    let limit = Duration::from_secs(2);
    let postgres = tokio::time::timeout(limit, sqlx::query("SELECT 1").execute(&deps.db)).await;
    let redis = tokio::time::timeout(limit, deps.redis.ping::<String>(None)).await;
    let postgres_ok = matches!(postgres, Ok(Ok(_)));
    let redis_ok = matches!(redis, Ok(Ok(_)));
    let status = if postgres_ok && redis_ok {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    let word = |ok: bool| if ok { "ok" } else { "unreachable" };
    (
        status,
        Json(json!({ "postgres": word(postgres_ok), "redis": word(redis_ok) })),
    )
}
