//! Rate limits, counted in Redis so that every instance behind the proxy shares one budget: a
//! strict one per address for logging in, registering and whatever checks a password, and a
//! general one for every page and server function — per account when signed in (a household on
//! one Wi-Fi never trips it), per address when not. IPv6 addresses count by their /64, which is
//! what one home or phone gets. Static assets and health checks are not limited.
//!
//! The budget is a GCRA (the algorithm `governor` uses) run in Redis as one script on Redis's own
//! clock: `per_minute` requests at once, then one more every minute / `per_minute`. When Redis
//! does not answer within `REDIS_WAIT`, each instance counts on its own for the moment, so an
//! outage neither opens the gates nor closes them.

use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::Duration;

use app::error::AppError;
use app::i18n::Key;
use app::server::request::{ClientAddress, address_block};
use app::server::sessions::Viewer;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;
use fred::prelude::{LuaInterface, Pool as RedisPool};
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

use crate::middleware::{client_ip::client_ip, refusal::refuse};

/// Paths that check a password (or create an account): the strict limit.
const AUTH_PATHS: [&str; 5] = [
    "/api/login",
    "/api/register",
    "/api/change-password",
    "/api/reset-password",
    "/api/delete-account",
];

/// How long a limit waits for Redis before counting on this instance alone.
const REDIS_WAIT: Duration = Duration::from_millis(250);

/// GCRA on Redis's clock. `KEYS[1]` holds the theoretical arrival time in ms; `ARGV[1]` is the
/// interval between requests in ms, `ARGV[2]` the burst window in ms. Returns 0 when allowed,
/// else how many ms until the next request would be.
const GCRA: &str = r"
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local interval = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local tat = tonumber(redis.call('GET', KEYS[1])) or now
if tat < now then tat = now end
local next_tat = tat + interval
if next_tat - now > window then
  return next_tat - now - window
end
redis.call('SET', KEYS[1], next_tat, 'PX', next_tat - now)
return 0
";

/// One budget of `per_minute` requests per subject, shared through Redis.
struct SharedLimit {
    name: &'static str,
    per_minute: u32,
    redis: RedisPool,
    prefix: String,
    local: DefaultKeyedRateLimiter<String>,
}

impl SharedLimit {
    fn new(name: &'static str, per_minute: u32, redis: RedisPool, namespace: &str) -> Self {
        let per_minute = per_minute.max(1);
        let quota = Quota::per_minute(NonZeroU32::new(per_minute).unwrap_or(NonZeroU32::MIN));
        SharedLimit {
            name,
            per_minute,
            redis,
            prefix: format!("{namespace}:ratelimit:{name}"),
            local: RateLimiter::keyed(quota),
        }
    }

    /// `Err(seconds to wait)` when `subject` is over its budget.
    async fn check(&self, subject: &str) -> Result<(), u64> {
        let interval_ms = 60_000_u64.div_ceil(u64::from(self.per_minute));
        let key = format!("{}:{subject}", self.prefix);
        let shared = tokio::time::timeout(
            REDIS_WAIT,
            self.redis
                .eval::<i64, _, _, _>(GCRA, key, vec![interval_ms, 60_000]),
        )
        .await;
        match shared {
            Ok(Ok(0)) => Ok(()),
            Ok(Ok(wait_ms)) => Err((wait_ms.unsigned_abs()).div_ceil(1000).max(1)),
            Ok(Err(error)) => {
                tracing::warn!(%error, limit = self.name, "rate limit counted locally: Redis failed");
                self.check_locally(subject)
            }
            Err(_) => {
                tracing::warn!(
                    limit = self.name,
                    "rate limit counted locally: Redis is slow"
                );
                self.check_locally(subject)
            }
        }
    }

    fn check_locally(&self, subject: &str) -> Result<(), u64> {
        self.local
            .check_key(&subject.to_owned())
            .map_err(|not_until| {
                not_until
                    .wait_time_from(DefaultClock::default().now())
                    .as_secs_f64()
                    .ceil()
                    .max(1.0) as u64
            })
    }
}

#[derive(Clone)]
pub struct RateLimits {
    auth: Arc<SharedLimit>,
    general: Arc<SharedLimit>,
    trusted_proxies: Arc<Vec<IpAddr>>,
}

impl RateLimits {
    pub fn new(
        auth_per_minute: u32,
        general_per_minute: u32,
        trusted_proxies: Vec<IpAddr>,
        redis: RedisPool,
        namespace: &str,
    ) -> Self {
        Self {
            auth: Arc::new(SharedLimit::new(
                "auth",
                auth_per_minute,
                redis.clone(),
                namespace,
            )),
            general: Arc::new(SharedLimit::new(
                "general",
                general_per_minute,
                redis,
                namespace,
            )),
            trusted_proxies: Arc::new(trusted_proxies),
        }
    }

    /// The general budget of one JSON API token; `Err` holds the seconds until the next call.
    pub async fn check_token(&self, token_id: uuid::Uuid) -> Result<(), u64> {
        self.checked(&self.general, &format!("token:{token_id}"))
            .await
    }

    /// The general budget of an address (its /64 for IPv6), for calls without a valid token.
    pub async fn check_address(&self, address: IpAddr) -> Result<(), u64> {
        self.checked(&self.general, &format!("addr:{}", address_block(address)))
            .await
    }

    async fn checked(&self, limit: &SharedLimit, subject: &str) -> Result<(), u64> {
        let outcome = limit.check(subject).await;
        if let Err(retry_after) = outcome {
            tracing::warn!(subject, retry_after, limit = limit.name, "rate limited");
            metrics::counter!(crate::metrics::names::RATE_LIMITED, "limit" => limit.name)
                .increment(1);
        }
        outcome
    }

    /// Forgets quiet clients of the local fallback, so its key maps do not grow without bound.
    pub fn spawn_cleanup(&self) {
        let limits = self.clone();
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(Duration::from_secs(60));
            loop {
                tick.tick().await;
                limits.auth.local.retain_recent();
                limits.general.local.retain_recent();
            }
        });
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

fn refused(request: &Request, limit: &SharedLimit, subject: &str, retry_after: u64) -> Response {
    tracing::warn!(
        subject,
        path = request.uri().path(),
        retry_after,
        limit = limit.name,
        "rate limited"
    );
    metrics::counter!(crate::metrics::names::RATE_LIMITED, "limit" => limit.name).increment(1);
    refuse(
        request,
        AppError::rate_limited(retry_after),
        Key::RateLimitedTitle,
    )
}

/// The outer limit, before anything else: notes the client's address in the request (for the
/// audit trail and the general limit) and holds password checks to the strict budget.
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
    if is_exempt(path) || !AUTH_PATHS.contains(&path) {
        return next.run(request).await;
    }
    let subject = format!("addr:{}", address_block(client));
    match limits.auth.check(&subject).await {
        Ok(()) => next.run(request).await,
        Err(retry_after) => refused(&request, &limits.auth, &subject, retry_after),
    }
}

/// The general limit, once the viewer is known: per account when signed in, per address when
/// not. Password checks have the strict limit instead.
pub async fn per_person(
    State(limits): State<RateLimits>,
    request: Request,
    next: Next,
) -> Response<Body> {
    let path = request.uri().path();
    if is_exempt(path) || AUTH_PATHS.contains(&path) {
        return next.run(request).await;
    }
    let subject = match (
        request.extensions().get::<Viewer>(),
        request.extensions().get::<ClientAddress>(),
    ) {
        (Some(Viewer(account)), _) => format!("user:{}", account.id),
        (None, Some(ClientAddress(address))) => format!("addr:{}", address_block(*address)),
        (None, None) => return next.run(request).await,
    };
    match limits.general.check(&subject).await {
        Ok(()) => next.run(request).await,
        Err(retry_after) => refused(&request, &limits.general, &subject, retry_after),
    }
}
