//! The request pipeline around the app: client address, rate limits, CSRF, security headers,
//! the session's user, and the guard that turns a panic into a 500. Each module owns one concern.

pub mod client_ip;
pub mod csrf;
pub mod panic_guard;
pub mod rate_limit;
pub mod refusal;
pub mod security_headers;
pub mod viewer;
