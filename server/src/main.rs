//! The Bulq server binary: `server` (or `server serve`) runs the web app, `server migrate` applies
//! the migrations, `server seed` writes the demo data (never in production), `server admin grant
//! USERNAME` / `server admin revoke USERNAME` make or unmake a site admin. This crate is the
//! composition root only.

mod assets;
mod config;
mod exports;
mod health;
mod metrics;
mod middleware;
mod plain_page;
mod problem;
mod pwa;
mod realtime;
mod rest;
mod router;
mod seed;
mod server_fns;
mod telemetry;

use std::net::SocketAddr;
use std::process::ExitCode;
use std::sync::Arc;

use app::domain::group::CurrencyCode;
use app::server::cache::Cache;
use app::server::context::SessionPolicy;
use app::server::runs::detail::RunCache;
use app::server::{AppContext, db, passwords};
use fred::prelude::{
    Builder, ClientLike, Config as RedisConfig, Pool as RedisPool, ReconnectPolicy,
};
use leptos::prelude::LeptosOptions;
use tokio::sync::watch;
use tower_sessions::cookie::{Key, SameSite};
use tower_sessions::{Expiry, SessionManagerLayer};
use tower_sessions_redis_store::RedisStore;

use crate::realtime::hub::Hub;
use crate::realtime::stream::{LiveState, StreamCounts};

use crate::config::Config;
use crate::middleware::{csrf::CsrfPolicy, rate_limit::RateLimits, security_headers};

/// The run page allocates heavily while rendering; glibc malloc was a fifth of its CPU time.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let command = args.first().cloned().unwrap_or_else(|| "serve".to_owned());
    let config = match Config::from_env() {
        Ok(config) => config,
        Err(err) => {
            eprintln!("bulq: configuration error: {err}");
            return ExitCode::from(2);
        }
    };
    telemetry::init(&config);
    let outcome = match command.as_str() {
        "serve" => serve(config).await,
        "migrate" => migrate(&config).await,
        "seed" => seed_demo(&config).await,
        "admin" => site_admin(&config, &args[1..]).await,
        other => Err(format!(
            "unknown command {other:?}; use serve, migrate, seed or admin"
        )),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            tracing::error!(error = %err, "bulq stopped");
            ExitCode::FAILURE
        }
    }
}

async fn connect_db(config: &Config) -> Result<sqlx::PgPool, String> {
    db::connect_lazy(&config.database_url, &config.pool).map_err(|e| format!("database URL: {e}"))
}

async fn migrate(config: &Config) -> Result<(), String> {
    let pool = connect_db(config).await?;
    db::migrate(&pool)
        .await
        .map_err(|e| format!("migrations failed: {e}"))?;
    tracing::info!("migrations applied");
    Ok(())
}

async fn seed_demo(config: &Config) -> Result<(), String> {
    if config.env == config::Environment::Production {
        return Err(
            "refusing to seed demo data in production (BULQ_ENV=production): \
                    the demo accounts share a published password"
                .to_owned(),
        );
    }
    let pool = connect_db(config).await?;
    db::migrate(&pool)
        .await
        .map_err(|e| format!("migrations failed: {e}"))?;
    // The seed's writes must reach a running server's cache too.
    let cache = Cache::new(
        connect_redis(config).await?,
        config.cache_namespace(),
        config.cache_ttl,
    );
    seed::demo(&pool, &cache, config.demo_language)
        .await
        .map_err(|e| format!("seeding failed: {e:?}"))
}

/// `server admin grant USERNAME` or `server admin revoke USERNAME`: the way to the first site
/// admin, recorded in the audit trail like any other change of the role.
async fn site_admin(config: &Config, args: &[String]) -> Result<(), String> {
    let usage = "use: server admin grant USERNAME | server admin revoke USERNAME";
    let (grant, username) = match args {
        [verb, username] if verb == "grant" => (true, username),
        [verb, username] if verb == "revoke" => (false, username),
        _ => return Err(usage.to_owned()),
    };
    let username = app::domain::validation::Username::parse(username)
        .map_err(|_| format!("{username:?} is not a valid username"))?;
    let pool = connect_db(config).await?;
    db::migrate(&pool)
        .await
        .map_err(|e| format!("migrations failed: {e}"))?;
    let origin = app::server::audit::Origin::default();
    let outcome = async {
        let user_id = app::server::admin::users::id_of(&pool, &username).await?;
        app::server::admin::users::set_site_admin(&pool, None, user_id, grant, &origin).await
    }
    .await;
    match outcome {
        Ok(()) => {
            let verb = if grant { "is now" } else { "is no longer" };
            println!("{} {verb} a site admin", username.as_str());
            Ok(())
        }
        Err(error) => Err(format!("{}: {}", username.as_str(), error.code.as_str())),
    }
}

const REDIS_COMMAND_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(2);

async fn connect_redis(config: &Config) -> Result<RedisPool, String> {
    let redis_config =
        RedisConfig::from_url(&config.redis_url).map_err(|e| format!("REDIS_URL: {e}"))?;
    // While Redis is away a command fails after REDIS_COMMAND_TIMEOUT instead of waiting for
    // the reconnect: sessions and rate limits then answer 503, never a hung request.
    let pool = Builder::from_config(redis_config)
        .set_policy(ReconnectPolicy::new_exponential(0, 100, 5_000, 2))
        .with_performance_config(|performance| {
            performance.default_command_timeout = REDIS_COMMAND_TIMEOUT;
        })
        .with_connection_config(|connection| {
            connection.connection_timeout = REDIS_COMMAND_TIMEOUT;
            connection.internal_command_timeout = REDIS_COMMAND_TIMEOUT;
        })
        .build_pool(4)
        .map_err(|e| format!("redis pool: {e}"))?;
    pool.init()
        .await
        .map_err(|e| format!("cannot reach Redis at {}: {e}", config.redis_url))?;
    Ok(pool)
}

async fn serve(config: Config) -> Result<(), String> {
    let pool = connect_db(&config).await?;
    db::migrate(&pool)
        .await
        .map_err(|e| format!("migrations failed: {e}"))?;
    let redis = connect_redis(&config).await?;
    passwords::warm_up();

    let key =
        Key::try_from(config.secret_key.as_bytes()).map_err(|e| format!("BULQ_SECRET_KEY: {e}"))?;
    let idle =
        tower_sessions::cookie::time::Duration::seconds(config.session_idle.as_secs() as i64);
    let session_store = RedisStore::new(redis.clone());
    let sessions = SessionManagerLayer::new(session_store.clone())
        .with_name(security_headers::session_cookie(config.secure_cookies))
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_secure(config.secure_cookies)
        .with_expiry(Expiry::OnInactivity(idle))
        .with_signed(key);

    let rate_limits = RateLimits::new(
        config.auth_rate_per_minute,
        config.general_rate_per_minute,
        config.trusted_proxies.clone(),
        redis.clone(),
        &config.cache_namespace(),
    );
    rate_limits.spawn_cleanup();

    let assets = assets::AssetNames::load("bulq");
    let leptos = LeptosOptions::builder()
        .output_name("bulq")
        .hash_files(assets.hashed)
        .site_root(config.site_root.as_str())
        .site_pkg_dir("pkg")
        .site_addr(config.listen)
        .build();
    let ctx = AppContext {
        db: pool,
        sessions: SessionPolicy::new(config.session_absolute, config.session_idle),
        // Checked by `Config::from_lookup` already.
        default_currency: CurrencyCode::parse(&config.default_currency)
            .map_err(|_| "BULQ_DEFAULT_CURRENCY is not an ISO 4217 code".to_owned())?,
        cache: Cache::new(redis.clone(), config.cache_namespace(), config.cache_ttl),
        runs: RunCache::default(),
        audit_retention_days: config.audit_retention_days,
    };
    spawn_hourly_pruning(ctx.db.clone(), config.audit_retention_days);
    let csrf = CsrfPolicy {
        allowed_origins: Arc::new(config.allowed_origins.clone()),
    };
    // Flipped on SIGTERM / Ctrl-C: event streams and the relay end, so connections close and
    // the graceful shutdown is not held up by browsers that never hang up.
    let (stop, stopping) = watch::channel(false);
    let exporter = metrics::install()?;
    let (draining, draining_health) = watch::channel(false);
    let drain = config.drain;
    let channel = realtime::channel(&config.cache_namespace());
    let hub = Hub::start(&config.redis_url, channel.clone()).await?;
    realtime::relay::spawn(ctx.db.clone(), redis.clone(), channel, stopping.clone());
    let live = LiveState {
        ctx: ctx.clone(),
        sessions: Arc::new(session_store),
        hub,
        csrf: csrf.clone(),
        shutdown: stopping,
        open_streams: StreamCounts::new(config.streams_per_person),
    };
    let app = router::build(router::Parts {
        state: router::AppState { leptos, ctx, live },
        redis,
        sessions,
        rate_limits,
        csrf,
        exporter,
        draining: draining_health,
    });

    let listener = tokio::net::TcpListener::bind(config.listen)
        .await
        .map_err(|e| format!("cannot listen on {}: {e}", config.listen))?;
    tracing::info!(address = %config.listen, env = ?config.env, "bulq is serving");
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(async move {
        shutdown_signal().await;
        if !drain.is_zero() {
            let _ = draining.send(true);
            tracing::info!(
                seconds = drain.as_secs(),
                "draining: health checks fail so the proxy sends no new requests"
            );
            tokio::time::sleep(drain).await;
        }
        let _ = stop.send(true);
        // In-flight requests get this long; then the process ends regardless.
        tokio::spawn(async {
            tokio::time::sleep(SHUTDOWN_GRACE).await;
            tracing::warn!("requests still open after the grace period; exiting");
            std::process::exit(0);
        });
    })
    .await
    .map_err(|e| format!("server error: {e}"))
}

/// Deletes audit entries past their retention and expired idempotency keys, once an hour (every
/// instance may; the deletes are idempotent).
fn spawn_hourly_pruning(db: sqlx::PgPool, retention_days: u32) {
    tokio::spawn(async move {
        let mut every_hour = tokio::time::interval(std::time::Duration::from_secs(3600));
        loop {
            every_hour.tick().await;
            match app::server::audit::prune(&db, retention_days).await {
                Ok(0) => {}
                Ok(deleted) => tracing::info!(deleted, "old audit entries deleted"),
                Err(error) => tracing::warn!(?error, "pruning the audit trail failed"),
            }
            match app::server::idempotency::prune(&db).await {
                Ok(0) => {}
                Ok(deleted) => tracing::info!(deleted, "expired idempotency keys deleted"),
                Err(error) => tracing::warn!(?error, "pruning idempotency keys failed"),
            }
        }
    });
}

/// How long a stopping instance waits for requests still in flight.
const SHUTDOWN_GRACE: std::time::Duration = std::time::Duration::from_secs(8);

async fn shutdown_signal() {
    let interrupt = tokio::signal::ctrl_c();
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut signal) =
            tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            signal.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = interrupt => {},
        _ = terminate => {},
    }
    tracing::info!("shutting down: finishing in-flight requests");
}
