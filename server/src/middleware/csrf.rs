//! Cross-site request forgery: a state-changing request must come from our own pages. Browsers
//! say where a request came from in `Sec-Fetch-Site` (modern) or `Origin`; a request carrying
//! neither is not a browser's cross-site form and passes.

use app::error::{AppError, ErrorCode};
use app::i18n::Key;
use app::server::request::ClientAddress;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;
use http::{Method, header};
use std::sync::Arc;

use crate::middleware::refusal::refuse;

#[derive(Clone)]
pub struct CsrfPolicy {
    /// Extra origins allowed besides the request's own host (the public HTTPS origin).
    pub allowed_origins: Arc<Vec<String>>,
}

pub fn is_cross_site<B>(request: &http::Request<B>, policy: &CsrfPolicy) -> bool {
    // The JSON API never reads a cookie: a forged request would carry no credentials.
    if matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    ) || crate::problem::is_api(request.uri().path())
    {
        return false;
    }
    from_other_site(request.headers(), policy)
}

/// Whether the browser says the request comes from another site's page. Event streams are GETs
/// that carry private data, so they check this too.
pub fn from_other_site(headers: &http::HeaderMap, policy: &CsrfPolicy) -> bool {
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        return !matches!(site, "same-origin" | "none");
    }
    let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    let origin = origin.trim_end_matches('/');
    if policy
        .allowed_origins
        .iter()
        .any(|allowed| allowed == origin)
    {
        return false;
    }
    let origin_host = origin.split_once("://").map(|(_, host)| host);
    let own_host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
    !(origin_host.is_some() && origin_host == own_host)
}

pub async fn protect(
    State(policy): State<CsrfPolicy>,
    request: Request,
    next: Next,
) -> Response<Body> {
    if is_cross_site(&request, &policy) {
        let address = request
            .extensions()
            .get::<ClientAddress>()
            .map(|address| address.0);
        tracing::warn!(
            path = request.uri().path(),
            ?address,
            "cross-site request refused"
        );
        return refuse(
            &request,
            AppError::new(ErrorCode::CrossSiteRequest),
            Key::RequestRefusedTitle,
        );
    }
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn policy() -> CsrfPolicy {
        CsrfPolicy {
            allowed_origins: Arc::new(vec!["https://bulq.example".into()]),
        }
    }

    fn post(headers: &[(&str, &str)]) -> http::Request<()> {
        let mut builder = http::Request::post("/api/login").header("host", "127.0.0.1:3000");
        for (name, value) in headers {
            builder = builder.header(*name, *value);
        }
        builder.body(()).unwrap()
    }

    #[test]
    fn same_origin_posts_pass() {
        assert!(!is_cross_site(
            &post(&[("sec-fetch-site", "same-origin")]),
            &policy()
        ));
        assert!(!is_cross_site(
            &post(&[("origin", "http://127.0.0.1:3000")]),
            &policy()
        ));
        assert!(!is_cross_site(
            &post(&[("origin", "https://bulq.example")]),
            &policy()
        ));
        assert!(!is_cross_site(&post(&[]), &policy()));
    }

    #[test]
    fn cross_site_posts_are_refused() {
        assert!(is_cross_site(
            &post(&[("sec-fetch-site", "cross-site")]),
            &policy()
        ));
        assert!(is_cross_site(
            &post(&[("sec-fetch-site", "same-site")]),
            &policy()
        ));
        assert!(is_cross_site(
            &post(&[("origin", "https://evil.example")]),
            &policy()
        ));
        assert!(is_cross_site(&post(&[("origin", "null")]), &policy()));
    }

    #[test]
    fn reads_are_never_refused() {
        let get = http::Request::get("/")
            .header("sec-fetch-site", "cross-site")
            .body(())
            .unwrap();
        assert!(!is_cross_site(&get, &policy()));
    }
}
