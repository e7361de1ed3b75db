//! Security headers on every response. Pages set their own nonce-based CSP while rendering;
//! anything else gets a strict default. What is answered to a signed-in person, and every server
//! function's answer, is never stored by a browser or proxy cache (`no-store`), unless the
//! response chose its own caching (hashed assets, the service worker). HSTS is Caddy's job (it
//! knows when HTTPS is in use).

use axum::body::Body;
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;
use http::{HeaderValue, header};

/// The session cookie's name, as `main` sets it over plain HTTP (development and tests).
pub const SESSION_COOKIE: &str = "bulq_session";

/// The session cookie's name over HTTPS: the `__Host-` prefix makes browsers refuse it unless
/// it is Secure, for the whole site and set by this host only (no `Domain`), so a sibling
/// subdomain cannot plant or shadow it.
pub const SECURE_SESSION_COOKIE: &str = "__Host-bulq_session";

/// The session cookie's name when cookies are `secure` or not.
pub fn session_cookie(secure: bool) -> &'static str {
    if secure {
        SECURE_SESSION_COOKIE
    } else {
        SESSION_COOKIE
    }
}

const DEFAULT_CSP: &str = "default-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

pub async fn apply(request: Request, next: Next) -> Response<Body> {
    let private = is_private(&request);
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    if private {
        headers
            .entry(header::CACHE_CONTROL)
            .or_insert(HeaderValue::from_static("no-store"));
    }
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    // Same-origin referrers are what lets a no-JS form post return to its page.
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    headers.insert(
        "permissions-policy",
        HeaderValue::from_static("camera=(), microphone=(), geolocation=(), payment=()"),
    );
    headers.insert(
        "cross-origin-opener-policy",
        HeaderValue::from_static("same-origin"),
    );
    headers
        .entry(header::CONTENT_SECURITY_POLICY)
        .or_insert(HeaderValue::from_static(DEFAULT_CSP));
    response
}

/// A server function's answer, or anything asked with a session cookie.
fn is_private(request: &Request) -> bool {
    request.uri().path().starts_with("/api/")
        || request
            .headers()
            .get_all(header::COOKIE)
            .iter()
            .filter_map(|value| value.to_str().ok())
            // Either name: the secure one ends with the plain one.
            .any(|cookies| cookies.contains(SESSION_COOKIE))
}
