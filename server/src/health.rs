//! Liveness (`/healthz`: the process answers and is not draining) and readiness (`/readyz`:
//! Postgres and Redis answer). A draining instance (stopping, see `BULQ_DRAIN_SECS`) fails both,
//! so Caddy's health check takes it out of rotation while it still serves.

use std::time::Duration;

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use fred::prelude::{ClientLike, Pool as RedisPool};
use serde_json::{Value, json};
use sqlx::PgPool;
use tokio::sync::watch;

#[derive(Clone)]
pub struct Dependencies {
    pub db: PgPool,
    pub redis: RedisPool,
    pub draining: watch::Receiver<bool>,
}

pub async fn live(State(deps): State<Dependencies>) -> (StatusCode, &'static str) {
    if *deps.draining.borrow() {
        return (StatusCode::SERVICE_UNAVAILABLE, "draining");
    }
    (StatusCode::OK, "ok")
}

pub async fn ready(State(deps): State<Dependencies>) -> (StatusCode, Json<Value>) {
    if *deps.draining.borrow() {
        return (
            StatusCode::SERVICE_UNAVAILABLE,
            Json(json!({ "draining": true })),
        );
    }
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
