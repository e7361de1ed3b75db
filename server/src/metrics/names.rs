//! The exported metric names: what the alert rules and the dashboard in `deploy/` refer to, and
//! what `server/tests/metrics.rs` checks is exported.

pub const HTTP_REQUESTS: &str = "bulq_http_requests_total";
pub const HTTP_DURATION: &str = "bulq_http_request_duration_seconds";
pub const ERRORS: &str = "bulq_errors_total";
pub const RATE_LIMITED: &str = "bulq_rate_limited_total";
pub const LIVE_PUBLISHED: &str = "bulq_live_events_published_total";
pub const LIVE_PUBLISH_FAILURES: &str = "bulq_live_publish_failures_total";
pub const LIVE_RECEIVED: &str = "bulq_live_events_received_total";
pub const LIVE_OPEN_STREAMS: &str = "bulq_live_open_streams";
pub const OUTBOX_WAITING: &str = "bulq_live_outbox_waiting";
pub const OUTBOX_OLDEST_SECONDS: &str = "bulq_live_outbox_oldest_seconds";
pub const DB_POOL_CONNECTIONS: &str = "bulq_db_pool_connections";
pub const DB_POOL_IDLE: &str = "bulq_db_pool_idle_connections";
pub const DB_POOL_MAX: &str = "bulq_db_pool_max_connections";
pub const DB_POOL_WAIT_SECONDS: &str = "bulq_db_pool_wait_seconds";
pub const DB_UP: &str = "bulq_db_up";
