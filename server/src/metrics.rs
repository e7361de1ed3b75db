//! `/metrics`: what an operator graphs and alerts on, in Prometheus' text format: this instance's
//! live-event relay and streams, and its Postgres pool. Counters start at zero with the process.
//! Caddy answers 404 for it from outside (Caddyfile); scrape each instance directly.

use std::fmt::Write;

use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;
use sqlx::PgPool;

use crate::realtime::{Counters, SharedCounters};

#[derive(Clone)]
pub struct MetricsState {
    pub db: PgPool,
    pub counters: SharedCounters,
}

pub async fn render(State(state): State<MetricsState>) -> impl IntoResponse {
    let live = &state.counters;
    let pool_size = u64::from(state.db.size());
    let pool_idle = state.db.num_idle() as u64;
    let metrics = [
        (
            "bulq_live_events_published_total",
            "counter",
            "Live events this instance took from the outbox and published to Redis.",
            Counters::get(&live.published),
        ),
        (
            "bulq_live_publish_failures_total",
            "counter",
            "Relay batches that failed (Postgres or Redis) and were retried.",
            Counters::get(&live.publish_failures),
        ),
        (
            "bulq_live_events_received_total",
            "counter",
            "Live events this instance received from Redis for its streams.",
            Counters::get(&live.received),
        ),
        (
            "bulq_live_open_streams",
            "gauge",
            "Event streams open on this instance.",
            Counters::get(&live.open_streams),
        ),
        (
            "bulq_db_pool_connections",
            "gauge",
            "Postgres connections this instance's pool holds.",
            pool_size,
        ),
        (
            "bulq_db_pool_idle_connections",
            "gauge",
            "Of those, the ones not in use.",
            pool_idle,
        ),
    ];
    let mut body = String::new();
    for (name, kind, help, value) in metrics {
        let _ = writeln!(
            body,
            "# HELP {name} {help}\n# TYPE {name} {kind}\n{name} {value}"
        );
    }
    (
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        body,
    )
}
