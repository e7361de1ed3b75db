//! Configuration from the environment. Every setting has a working development default;
//! `BULQ_ENV=production` refuses to start with an insecure one and names it.

use std::net::{IpAddr, SocketAddr};
use std::time::Duration;

use app::server::db::PoolSettings;

pub const DEV_DATABASE_URL: &str = "postgres://bulq@127.0.0.1:54329/bulq";
pub const DEV_REDIS_URL: &str = "redis://127.0.0.1:63799/0";
const DEV_SECRET_KEY: &str =
    "development-only-secret-key-do-not-use-in-production-0123456789abcdef0123456789";
/// Signed cookies need a 64-byte key.
pub const SECRET_KEY_MIN_LEN: usize = 64;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Environment {
    Development,
    Test,
    Production,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogFormat {
    Pretty,
    Json,
}

#[derive(Clone, Debug)]
pub struct Config {
    pub env: Environment,
    pub listen: SocketAddr,
    pub database_url: String,
    pub redis_url: String,
    pub secure_cookies: bool,
    pub secret_key: String,
    pub allowed_origins: Vec<String>,
    pub pool: PoolSettings,
    pub session_idle: Duration,
    pub session_absolute: Duration,
    pub auth_rate_per_minute: u32,
    pub general_rate_per_minute: u32,
    /// Live streams one person may hold open on an instance.
    pub streams_per_person: usize,
    pub trusted_proxies: Vec<IpAddr>,
    pub log_filter: String,
    pub log_format: LogFormat,
    pub site_root: String,
    pub default_currency: String,
    /// The language of the demo data's descriptive texts (`server seed`).
    pub demo_language: app::domain::language::Language,
    /// How long a cached list lives at most (writes invalidate it sooner).
    pub cache_ttl: Duration,
    /// Set explicitly, the cache's key namespace; else the database name (see `cache_namespace`).
    pub cache_namespace: Option<String>,
    /// How many days the audit trail keeps an entry.
    pub audit_retention_days: u32,
    /// On SIGTERM, how long the instance keeps serving with failing health checks, so the proxy
    /// stops sending it requests before it stops listening (3 s in production, else 0).
    pub drain: Duration,
    /// Postgres and Redis on other machines may be reached without TLS: only for a network no
    /// one else can reach (a container network, a private VLAN). Off by default.
    pub plaintext_private_network: bool,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ConfigError {
    #[error("{name} is not valid: {reason}")]
    Invalid { name: &'static str, reason: String },
    #[error("refusing to start in production: {name} {reason}")]
    Insecure {
        name: &'static str,
        reason: &'static str,
    },
}

impl Config {
    /// The cache's key namespace: `BULQ_CACHE_NAMESPACE`, else the database name, so servers on
    /// different databases sharing one Redis (tests, a dev server beside the e2e one) never mix.
    pub fn cache_namespace(&self) -> String {
        self.cache_namespace.clone().unwrap_or_else(|| {
            let path = self.database_url.split('?').next().unwrap_or_default();
            path.rsplit('/').next().unwrap_or("bulq").to_owned()
        })
    }

    pub fn from_env() -> Result<Self, ConfigError> {
        Self::from_lookup(|name| std::env::var(name).ok().filter(|value| !value.is_empty()))
    }

    /// Reads settings through `lookup`, so tests can feed their own environment.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let env = match lookup("BULQ_ENV").as_deref() {
            None | Some("development") => Environment::Development,
            Some("test") => Environment::Test,
            Some("production") => Environment::Production,
            Some(other) => {
                return Err(invalid(
                    "BULQ_ENV",
                    format!("{other:?} (use development, test or production)"),
                ));
            }
        };
        let production = env == Environment::Production;
        let config = Config {
            env,
            listen: parse(&lookup, "BULQ_ADDR", "127.0.0.1:3000")?,
            database_url: lookup("DATABASE_URL").unwrap_or_else(|| DEV_DATABASE_URL.to_owned()),
            redis_url: lookup("REDIS_URL").unwrap_or_else(|| DEV_REDIS_URL.to_owned()),
            secure_cookies: parse(
                &lookup,
                "BULQ_SECURE_COOKIES",
                if production { "true" } else { "false" },
            )?,
            secret_key: lookup("BULQ_SECRET_KEY").unwrap_or_else(|| DEV_SECRET_KEY.to_owned()),
            allowed_origins: lookup("BULQ_ALLOWED_ORIGINS")
                .map(|list| {
                    list.split(',')
                        .map(|o| o.trim().trim_end_matches('/').to_owned())
                        .filter(|o| !o.is_empty())
                        .collect()
                })
                .unwrap_or_default(),
            pool: PoolSettings {
                max_connections: parse(&lookup, "BULQ_DB_MAX_CONNECTIONS", "16")?,
                min_connections: parse(&lookup, "BULQ_DB_MIN_CONNECTIONS", "1")?,
                acquire_timeout: Duration::from_secs(parse(
                    &lookup,
                    "BULQ_DB_ACQUIRE_TIMEOUT_SECS",
                    "3",
                )?),
                idle_timeout: Duration::from_secs(parse(
                    &lookup,
                    "BULQ_DB_IDLE_TIMEOUT_SECS",
                    "600",
                )?),
                max_lifetime: Duration::from_secs(parse(
                    &lookup,
                    "BULQ_DB_MAX_LIFETIME_SECS",
                    "1800",
                )?),
                statement_timeout: Duration::from_millis(parse(
                    &lookup,
                    "BULQ_DB_STATEMENT_TIMEOUT_MS",
                    "10000",
                )?),
            },
            session_idle: Duration::from_secs(
                60 * parse::<u64>(&lookup, "BULQ_SESSION_IDLE_MINUTES", "10080")?,
            ),
            session_absolute: Duration::from_secs(
                3600 * parse::<u64>(&lookup, "BULQ_SESSION_ABSOLUTE_HOURS", "720")?,
            ),
            auth_rate_per_minute: parse(&lookup, "BULQ_RATE_LIMIT_AUTH_PER_MINUTE", "5")?,
            general_rate_per_minute: parse(&lookup, "BULQ_RATE_LIMIT_GENERAL_PER_MINUTE", "100")?,
            streams_per_person: parse(&lookup, "BULQ_MAX_STREAMS_PER_PERSON", "50")?,
            trusted_proxies: lookup("BULQ_TRUSTED_PROXIES")
                .unwrap_or_else(|| "127.0.0.1,::1".to_owned())
                .split(',')
                .map(str::trim)
                .filter(|ip| !ip.is_empty())
                .map(|ip| {
                    ip.parse().map_err(|_| {
                        invalid(
                            "BULQ_TRUSTED_PROXIES",
                            format!("{ip:?} is not an IP address"),
                        )
                    })
                })
                .collect::<Result<_, _>>()?,
            log_filter: lookup("BULQ_LOG")
                .or_else(|| lookup("RUST_LOG"))
                .unwrap_or_else(|| "info".to_owned()),
            log_format: match lookup("BULQ_LOG_FORMAT").as_deref() {
                Some("json") => LogFormat::Json,
                Some("pretty") => LogFormat::Pretty,
                None if production => LogFormat::Json,
                None => LogFormat::Pretty,
                Some(other) => {
                    return Err(invalid(
                        "BULQ_LOG_FORMAT",
                        format!("{other:?} (use pretty or json)"),
                    ));
                }
            },
            site_root: lookup("LEPTOS_SITE_ROOT").unwrap_or_else(|| "target/site".to_owned()),
            default_currency: lookup("BULQ_DEFAULT_CURRENCY").unwrap_or_else(|| "EUR".to_owned()),
            demo_language: match lookup("BULQ_DEMO_LANGUAGE") {
                None => app::domain::language::Language::En,
                Some(code) => {
                    app::domain::language::Language::from_code(&code).ok_or_else(|| {
                        invalid(
                            "BULQ_DEMO_LANGUAGE",
                            format!("{code:?} (use en, ru, sr-Cyrl or sr-Latn)"),
                        )
                    })?
                }
            },
            cache_ttl: Duration::from_secs(parse(&lookup, "BULQ_CACHE_TTL_SECS", "300")?),
            cache_namespace: lookup("BULQ_CACHE_NAMESPACE"),
            audit_retention_days: parse(&lookup, "BULQ_AUDIT_RETENTION_DAYS", "365")?,
            plaintext_private_network: parse(&lookup, "BULQ_PLAINTEXT_PRIVATE_NETWORK", "false")?,
            drain: Duration::from_secs(parse(
                &lookup,
                "BULQ_DRAIN_SECS",
                if production { "3" } else { "0" },
            )?),
        };
        for (name, value) in [
            (
                "BULQ_RATE_LIMIT_AUTH_PER_MINUTE",
                config.auth_rate_per_minute,
            ),
            (
                "BULQ_RATE_LIMIT_GENERAL_PER_MINUTE",
                config.general_rate_per_minute,
            ),
            ("BULQ_DB_MAX_CONNECTIONS", config.pool.max_connections),
            ("BULQ_AUDIT_RETENTION_DAYS", config.audit_retention_days),
        ] {
            if value == 0 {
                return Err(invalid(name, "must be at least 1".to_owned()));
            }
        }
        if app::domain::group::CurrencyCode::parse(&config.default_currency).is_err() {
            return Err(invalid(
                "BULQ_DEFAULT_CURRENCY",
                format!("{:?} is not an ISO 4217 code", config.default_currency),
            ));
        }
        if config.secret_key.len() < SECRET_KEY_MIN_LEN {
            return Err(invalid(
                "BULQ_SECRET_KEY",
                format!("needs at least {SECRET_KEY_MIN_LEN} characters"),
            ));
        }
        if production {
            config.check_production()?;
        }
        Ok(config)
    }

    /// The settings production refuses, each named.
    fn check_production(&self) -> Result<(), ConfigError> {
        let insecure = |name, reason| Err(ConfigError::Insecure { name, reason });
        if !self.secure_cookies {
            return insecure(
                "BULQ_SECURE_COOKIES",
                "must be true (cookies only over HTTPS)",
            );
        }
        if self.secret_key == DEV_SECRET_KEY {
            return insecure(
                "BULQ_SECRET_KEY",
                "is the development default; generate a random one",
            );
        }
        if self.database_url == DEV_DATABASE_URL {
            return insecure("DATABASE_URL", "is the development default");
        }
        if !self.plaintext_private_network && !database_link_is_private(&self.database_url) {
            return insecure(
                "DATABASE_URL",
                "reaches another machine unencrypted; add sslmode=verify-full (or require), or \
                 set BULQ_PLAINTEXT_PRIVATE_NETWORK=true on a network no one else can reach",
            );
        }
        if !self.plaintext_private_network && !redis_link_is_private(&self.redis_url) {
            return insecure(
                "REDIS_URL",
                "reaches another machine unencrypted; use rediss://, or set \
                 BULQ_PLAINTEXT_PRIVATE_NETWORK=true on a network no one else can reach",
            );
        }
        if self.allowed_origins.is_empty() {
            return insecure(
                "BULQ_ALLOWED_ORIGINS",
                "must list the public origin(s), e.g. https://bulq.example",
            );
        }
        if self
            .allowed_origins
            .iter()
            .any(|origin| origin == "*" || !origin.starts_with("https://"))
        {
            return insecure(
                "BULQ_ALLOWED_ORIGINS",
                "must list https:// origins only, never *",
            );
        }
        Ok(())
    }
}

/// Whether a URL's host is this machine (or a Unix socket): traffic that never leaves it needs
/// no TLS.
fn host_is_local(url: &url::Url) -> bool {
    match url.host() {
        None => true,
        // postgres:// and redis:// are not "special" schemes, so an address arrives as a name.
        Some(url::Host::Domain(name)) => {
            name.is_empty()
                || name == "localhost"
                || name
                    .parse::<std::net::IpAddr>()
                    .is_ok_and(|address| address.is_loopback())
        }
        Some(url::Host::Ipv4(address)) => address.is_loopback(),
        Some(url::Host::Ipv6(address)) => address.is_loopback(),
    }
}

/// A Postgres link is private when it stays on this machine or is encrypted (`sslmode=require`,
/// `verify-ca` or `verify-full`).
fn database_link_is_private(database_url: &str) -> bool {
    let Ok(url) = url::Url::parse(database_url) else {
        return false;
    };
    let socket = url
        .query_pairs()
        .any(|(key, value)| key == "host" && value.starts_with('/'));
    let encrypted = url.query_pairs().any(|(key, value)| {
        key == "sslmode" && matches!(value.as_ref(), "require" | "verify-ca" | "verify-full")
    });
    socket || encrypted || host_is_local(&url)
}

fn redis_link_is_private(redis_url: &str) -> bool {
    let Ok(url) = url::Url::parse(redis_url) else {
        return false;
    };
    url.scheme() == "rediss" || url.scheme() == "redis+unix" || host_is_local(&url)
}

fn invalid(name: &'static str, reason: String) -> ConfigError {
    ConfigError::Invalid { name, reason }
}

fn parse<T: std::str::FromStr>(
    lookup: &impl Fn(&str) -> Option<String>,
    name: &'static str,
    default: &str,
) -> Result<T, ConfigError> {
    let raw = lookup(name).unwrap_or_else(|| default.to_owned());
    raw.trim()
        .parse()
        .map_err(|_| invalid(name, format!("{raw:?} cannot be read")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn config(pairs: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let env: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Config::from_lookup(|name| env.get(name).cloned())
    }

    const SECURE_PRODUCTION: &[(&str, &str)] = &[
        ("BULQ_ENV", "production"),
        (
            "BULQ_SECRET_KEY",
            "a-very-long-random-production-secret-key-that-is-definitely-64-chars-long!",
        ),
        (
            "DATABASE_URL",
            "postgres://bulq:pw@db/bulq?sslmode=verify-full",
        ),
        ("REDIS_URL", "rediss://cache.internal:6380/0"),
        ("BULQ_ALLOWED_ORIGINS", "https://bulq.example"),
    ];

    #[test]
    fn development_works_with_no_settings_at_all() {
        let config = config(&[]).unwrap();
        assert_eq!(config.env, Environment::Development);
        assert!(!config.secure_cookies);
        assert_eq!(config.auth_rate_per_minute, 5);
        assert_eq!(config.general_rate_per_minute, 100);
        assert_eq!(config.log_format, LogFormat::Pretty);
    }

    #[test]
    fn the_cache_namespace_follows_the_database_unless_set() {
        assert_eq!(config(&[]).unwrap().cache_namespace(), "bulq");
        let other = config(&[(
            "DATABASE_URL",
            "postgres://u@h:5432/bulq_e2e?sslmode=require",
        )]);
        assert_eq!(other.unwrap().cache_namespace(), "bulq_e2e");
        let set = config(&[("BULQ_CACHE_NAMESPACE", "blue")]).unwrap();
        assert_eq!(set.cache_namespace(), "blue");
    }

    #[test]
    fn production_with_secure_settings_starts_with_json_logs_and_secure_cookies() {
        let config = config(SECURE_PRODUCTION).unwrap();
        assert!(config.secure_cookies);
        assert_eq!(config.log_format, LogFormat::Json);
    }

    #[test]
    fn production_names_each_insecure_setting() {
        let cases: [(&str, Option<&str>, &str); 5] = [
            ("BULQ_SECURE_COOKIES", Some("false"), "BULQ_SECURE_COOKIES"),
            ("BULQ_SECRET_KEY", None, "BULQ_SECRET_KEY"),
            ("DATABASE_URL", None, "DATABASE_URL"),
            ("BULQ_ALLOWED_ORIGINS", None, "BULQ_ALLOWED_ORIGINS"),
            ("BULQ_ALLOWED_ORIGINS", Some("*"), "BULQ_ALLOWED_ORIGINS"),
        ];
        for (setting, value, named) in cases {
            let mut pairs: Vec<(&str, &str)> = SECURE_PRODUCTION
                .iter()
                .copied()
                .filter(|(k, _)| *k != setting)
                .collect();
            if let Some(value) = value {
                pairs.push((setting, value));
            }
            match config(&pairs) {
                Err(ConfigError::Insecure { name, .. }) => assert_eq!(name, named),
                other => panic!("{setting}={value:?} should be refused, got {other:?}"),
            }
        }
    }

    #[test]
    fn production_refuses_unencrypted_links_to_other_machines_only() {
        let with = |name: &'static str, value: &'static str| {
            let mut pairs: Vec<(&str, &str)> = SECURE_PRODUCTION
                .iter()
                .copied()
                .filter(|(k, _)| *k != name)
                .collect();
            pairs.push((name, value));
            config(&pairs)
        };
        for refused in [
            ("DATABASE_URL", "postgres://bulq:pw@db.internal/bulq"),
            (
                "DATABASE_URL",
                "postgres://bulq:pw@10.0.0.5/bulq?sslmode=prefer",
            ),
            ("REDIS_URL", "redis://cache.internal:6379/0"),
        ] {
            match with(refused.0, refused.1) {
                Err(ConfigError::Insecure { name, .. }) => assert_eq!(name, refused.0),
                other => panic!("{refused:?} should be refused, got {other:?}"),
            }
        }
        let mut private: Vec<(&str, &str)> = SECURE_PRODUCTION.to_vec();
        private.retain(|(k, _)| *k != "DATABASE_URL" && *k != "REDIS_URL");
        private.extend([
            ("DATABASE_URL", "postgres://bulq:pw@db/bulq"),
            ("REDIS_URL", "redis://cache:6379/0"),
            ("BULQ_PLAINTEXT_PRIVATE_NETWORK", "true"),
        ]);
        assert!(config(&private).is_ok(), "a declared private network");
        for accepted in [
            ("DATABASE_URL", "postgres://bulq:pw@127.0.0.1:5432/bulq"),
            ("DATABASE_URL", "postgres://bulq@localhost/bulq"),
            ("DATABASE_URL", "postgres://bulq@[::1]/bulq"),
            ("DATABASE_URL", "postgres:///bulq?host=/run/postgresql"),
            (
                "DATABASE_URL",
                "postgres://bulq:pw@db.internal/bulq?sslmode=require",
            ),
            ("REDIS_URL", "redis://127.0.0.1:6379/0"),
            ("REDIS_URL", "rediss://cache.internal:6380/0"),
        ] {
            let outcome = with(accepted.0, accepted.1);
            assert!(outcome.is_ok(), "{accepted:?}: {:?}", outcome.err());
        }
    }

    #[test]
    fn a_short_secret_is_refused_everywhere() {
        let err = config(&[("BULQ_SECRET_KEY", "short")]).unwrap_err();
        assert!(matches!(
            err,
            ConfigError::Invalid {
                name: "BULQ_SECRET_KEY",
                ..
            }
        ));
    }

    #[test]
    fn unreadable_numbers_are_named() {
        let err = config(&[("BULQ_RATE_LIMIT_AUTH_PER_MINUTE", "lots")]).unwrap_err();
        assert!(err.to_string().contains("BULQ_RATE_LIMIT_AUTH_PER_MINUTE"));
        let err = config(&[("BULQ_RATE_LIMIT_AUTH_PER_MINUTE", "0")]).unwrap_err();
        assert!(err.to_string().contains("BULQ_RATE_LIMIT_AUTH_PER_MINUTE"));
    }
}
