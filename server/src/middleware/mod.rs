//! The request pipeline around the app: client address, rate limits, CSRF, security headers and
//! the session's user. Each module owns one concern.

pub mod client_ip;
pub mod csrf;
pub mod rate_limit;
pub mod refusal;
pub mod security_headers;
pub mod viewer;
