//! `/metrics`: what an operator graphs and alerts on, per instance, in Prometheus' text format.
//! Recorded through the `metrics` facade wherever things happen and rendered by
//! `metrics-exporter-prometheus` (ADR 27); the gauges that describe Postgres are read at scrape.
//! Caddy answers 404 for it from outside (Caddyfile); scrape each instance directly.

pub mod http;
pub mod names;

use std::time::{Duration, Instant};

use app::error::ErrorCode;
use app::server::events;
use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;
use metrics::{counter, describe_counter, describe_gauge, describe_histogram, gauge};
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};
use sqlx::PgPool;

use names::*;

/// Request latencies: 1 ms to 10 s, finer where the bid-latency objective sits (ADR 27).
const LATENCY_BUCKETS: &[f64] = &[
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
];
/// A scrape waits no longer than this for a Postgres connection or the outbox figures.
const SCRAPE_DB_TIMEOUT: Duration = Duration::from_secs(2);

#[derive(Clone)]
pub struct MetricsState {
    pub db: PgPool,
    pub exporter: PrometheusHandle,
}

/// Installs the process-wide recorder. Counters that alerts rely on start at zero, so a rule
/// sees them before the first event.
pub fn install() -> Result<PrometheusHandle, String> {
    let exporter = PrometheusBuilder::new()
        .set_buckets_for_metric(Matcher::Full(HTTP_DURATION.to_owned()), LATENCY_BUCKETS)
        .map_err(|e| format!("metrics buckets: {e}"))?
        .install_recorder()
        .map_err(|e| format!("metrics recorder: {e}"))?;
    describe();
    for name in [LIVE_PUBLISHED, LIVE_PUBLISH_FAILURES, LIVE_RECEIVED] {
        counter!(name).absolute(0);
    }
    gauge!(LIVE_OPEN_STREAMS).set(0.0);
    Ok(exporter)
}

fn describe() {
    describe_counter!(
        HTTP_REQUESTS,
        "Requests answered, by method, route and status."
    );
    describe_histogram!(
        HTTP_DURATION,
        metrics::Unit::Seconds,
        "Time to answer a request (to its headers, for event streams), by method and route."
    );
    describe_counter!(
        ERRORS,
        "Errors answered to people, by stable code (INTERNAL is a bug, UNAVAILABLE an outage)."
    );
    describe_counter!(RATE_LIMITED, "Requests refused by a rate limit, by limit.");
    describe_counter!(
        LIVE_PUBLISHED,
        "Live events this instance took from the outbox and published to Redis."
    );
    describe_counter!(
        LIVE_PUBLISH_FAILURES,
        "Relay batches that failed (Postgres or Redis) and were retried."
    );
    describe_counter!(
        LIVE_RECEIVED,
        "Live events this instance received from Redis for its streams."
    );
    describe_gauge!(LIVE_OPEN_STREAMS, "Event streams open on this instance.");
    describe_gauge!(OUTBOX_WAITING, "Live events recorded and not yet relayed.");
    describe_gauge!(
        OUTBOX_OLDEST_SECONDS,
        metrics::Unit::Seconds,
        "Age of the oldest live event not yet relayed (0 when none waits)."
    );
    describe_gauge!(DB_POOL_CONNECTIONS, "Postgres connections this pool holds.");
    describe_gauge!(DB_POOL_IDLE, "Of those, the ones not in use.");
    describe_gauge!(DB_POOL_MAX, "The most connections this pool may open.");
    describe_gauge!(
        DB_POOL_WAIT_SECONDS,
        metrics::Unit::Seconds,
        "How long the scrape waited for a pool connection (the pool's wait, sampled)."
    );
    describe_gauge!(
        DB_UP,
        "1 when the scrape reached Postgres within 2 s, else 0."
    );
}

/// An error a person was shown, counted by its stable code.
pub fn error_answered(code: ErrorCode) {
    counter!(ERRORS, "code" => code.as_str()).increment(1);
}

pub async fn render(State(state): State<MetricsState>) -> impl IntoResponse {
    sample_postgres(&state.db).await;
    (
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        state.exporter.render(),
    )
}

async fn sample_postgres(db: &PgPool) {
    gauge!(DB_POOL_CONNECTIONS).set(f64::from(db.size()));
    gauge!(DB_POOL_IDLE).set(db.num_idle() as f64);
    gauge!(DB_POOL_MAX).set(f64::from(db.options().get_max_connections()));
    let started = Instant::now();
    let reached = tokio::time::timeout(SCRAPE_DB_TIMEOUT, async {
        let mut connection = db.acquire().await.ok()?;
        gauge!(DB_POOL_WAIT_SECONDS).set(started.elapsed().as_secs_f64());
        events::backlog(&mut connection).await.ok()
    })
    .await
    .ok()
    .flatten();
    match reached {
        Some(backlog) => {
            gauge!(DB_UP).set(1.0);
            gauge!(OUTBOX_WAITING).set(backlog.waiting as f64);
            gauge!(OUTBOX_OLDEST_SECONDS).set(backlog.oldest_secs);
        }
        None => {
            gauge!(DB_UP).set(0.0);
            gauge!(DB_POOL_WAIT_SECONDS).set(started.elapsed().as_secs_f64());
        }
    }
}
