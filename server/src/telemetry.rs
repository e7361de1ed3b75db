//! Logging: pretty lines in development, JSON in production, and every line of a request inside
//! a span that carries its request id.

use axum::http::Request;
use tracing::Span;
use tracing_subscriber::EnvFilter;

use crate::config::{Config, LogFormat};

pub fn init(config: &Config) {
    let filter = EnvFilter::try_new(&config.log_filter).unwrap_or_else(|_| EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_target(false);
    match config.log_format {
        LogFormat::Json => builder
            .json()
            .flatten_event(true)
            .with_current_span(true)
            .init(),
        LogFormat::Pretty => builder.compact().init(),
    }
}

/// The span of one request; `x-request-id` is set (taken or generated) before this runs.
pub fn request_span<B>(request: &Request<B>) -> Span {
    let request_id = request
        .headers()
        .get("x-request-id")
        .and_then(|value| value.to_str().ok())
        .unwrap_or("-");
    tracing::info_span!(
        "request",
        request_id = %request_id,
        method = %request.method(),
        path = %loggable_path(request.uri().path()),
    )
}

/// Paths that carry a secret (an invite token, a password-reset token): the logs keep the
/// route, never the token, so whoever reads the logs cannot join a group or take an account.
const SECRET_PATHS: [&str; 2] = ["/join/", "/reset/"];

/// The path as the logs may keep it.
pub fn loggable_path(path: &str) -> std::borrow::Cow<'_, str> {
    for prefix in SECRET_PATHS {
        if path.starts_with(prefix) && path.len() > prefix.len() {
            return format!("{prefix}…").into();
        }
    }
    path.into()
}

#[cfg(test)]
mod tests {
    use super::loggable_path;

    #[test]
    fn tokens_in_paths_never_reach_the_logs() {
        assert_eq!(
            loggable_path("/join/0123456789abcdef0123456789abcdef"),
            "/join/…"
        );
        assert_eq!(loggable_path("/reset/secret"), "/reset/…");
        assert_eq!(loggable_path("/groups/1"), "/groups/1");
        assert_eq!(loggable_path("/join/"), "/join/");
    }
}
