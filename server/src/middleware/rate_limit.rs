//! Per-client rate limits: a strict one for logging in and registering, a general one for every
//! page and server function. Static assets and health checks are not limited.

use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::Duration;

use app::error::AppError;
use app::i18n::Key;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

use crate::middleware::{client_ip::client_ip, refusal::refuse};
use app::server::request::ClientAddress;

const AUTH_PATHS: [&str; 2] = ["/api/login", "/api/register"];

#[derive(Clone)]
pub struct RateLimits {
    auth: Arc<DefaultKeyedRateLimiter<IpAddr>>,
    general: Arc<DefaultKeyedRateLimiter<IpAddr>>,
    trusted_proxies: Arc<Vec<IpAddr>>,
}

impl RateLimits {
    pub fn new(
        auth_per_minute: u32,
        general_per_minute: u32,
        trusted_proxies: Vec<IpAddr>,
    ) -> Self {
        let quota = |per_minute: u32| {
            Quota::per_minute(NonZeroU32::new(per_minute.max(1)).unwrap_or(NonZeroU32::MIN))
        };
        Self {
            auth: Arc::new(RateLimiter::keyed(quota(auth_per_minute))),
            general: Arc::new(RateLimiter::keyed(quota(general_per_minute))),
            trusted_proxies: Arc::new(trusted_proxies),
        }
    }

    /// Forgets clients that have been quiet, so the key maps do not grow without bound.
    pub fn spawn_cleanup(&self) {
        let limits = self.clone();
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(Duration::from_secs(60));
            loop {
                tick.tick().await;
                limits.auth.retain_recent();
                limits.general.retain_recent();
            }
        });
    }

    fn check(limiter: &DefaultKeyedRateLimiter<IpAddr>, client: &IpAddr) -> Result<(), u64> {
        limiter.check_key(client).map_err(|not_until| {
            not_until
                .wait_time_from(DefaultClock::default().now())
                .as_secs_f64()
                .ceil()
                .max(1.0) as u64
        })
    }
}

fn is_exempt(path: &str) -> bool {
    path.starts_with("/pkg/")
        || path.starts_with("/icons/")
        || matches!(
            path,
            "/healthz" | "/readyz" | "/favicon.svg" | "/manifest.webmanifest" | "/sw.js"
        )
}

/// Also notes the client's address in the request for the audit trail.
pub async fn limit(
    State(limits): State<RateLimits>,
    mut request: Request,
    next: Next,
) -> Response<Body> {
    let Some(client) = client_ip(&request, &limits.trusted_proxies) else {
        return next.run(request).await;
    };
    request.extensions_mut().insert(ClientAddress(client));
    let path = request.uri().path();
    if is_exempt(path) {
        return next.run(request).await;
    }
    let auth = AUTH_PATHS.contains(&path);
    let verdict = if auth {
        RateLimits::check(&limits.auth, &client)
    } else {
        RateLimits::check(&limits.general, &client)
    };
    match verdict {
        Ok(()) => next.run(request).await,
        Err(retry_after) => {
            tracing::warn!(%client, path, retry_after, "rate limited");
            let limit = if auth { "auth" } else { "general" };
            metrics::counter!(crate::metrics::names::RATE_LIMITED, "limit" => limit).increment(1);
            refuse(
                &request,
                AppError::rate_limited(retry_after),
                Key::RateLimitedTitle,
            )
        }
    }
}
