//! Gives server functions (served by Leptos' routes) proper HTTP semantics: an error gets the status of its
//! code (and an internal one the request id as a reference); a no-JS form post is answered with a
//! redirect back to its page, carrying the error in the URL where Leptos' `ActionForm` reads it.
//! A page may show many forms of one server function (a bid form per product); such a form names
//! itself in a `__form` field, and the redirect carries that name (and jumps to it) so only that
//! form shows the error. A form posted from a confirmation page names the page it stands for in a
//! `__back` field: the answer goes back there rather than to the confirmation page. Bodies are
//! bounded: a larger one is refused with `BODY_TOO_LARGE` before anything reads it. A refusal
//! of what someone may not do is logged with who and from where.

use app::error::{AppError, ErrorCode};
use app::server::request::ClientAddress;
use app::server::sessions::Viewer;
use axum::body::{Body, to_bytes};
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE;
use http::{HeaderValue, StatusCode, header};

use crate::middleware::refusal::wants_html;

const ERROR_HEADER: &str = "serverfnerror";
const MAX_ERROR_BODY: usize = 64 * 1024;

const PREFIX: &str = "/api/";
/// Every server function takes a few short fields; a larger body is refused (413) before anything
/// reads it, and one that grows past this while streaming stops being read.
const MAX_BODY: usize = 64 * 1024;

/// The `__form` and `__back` fields of a urlencoded form post, as far as they are well formed.
#[derive(Debug, Default, PartialEq)]
struct FormFields {
    name: Option<String>,
    back: Option<String>,
}

impl FormFields {
    fn parse(body: &[u8]) -> Self {
        let mut fields = Self::default();
        for (key, value) in url::form_urlencoded::parse(body) {
            match &*key {
                "__form" => fields.name = Some(value.into_owned()).filter(|v| is_form_name(v)),
                "__back" => fields.back = Some(value.into_owned()).filter(|v| is_local_path(v)),
                _ => {}
            }
        }
        fields
    }
}

fn is_form_name(value: &str) -> bool {
    !value.is_empty()
        && value.len() <= 80
        && value.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

/// A path on this site: one leading slash, no scheme or host, nothing a browser would reinterpret.
fn is_local_path(value: &str) -> bool {
    value.len() <= 512
        && value.starts_with('/')
        && !value.starts_with("//")
        && value.chars().all(|c| c.is_ascii_graphic() && c != '\\')
}

/// Reads the form's own fields; the body is put back untouched.
async fn form_fields(request: &mut Request) -> FormFields {
    let urlencoded = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    if !urlencoded {
        return FormFields::default();
    }
    let body = std::mem::replace(request.body_mut(), Body::empty());
    let Ok(bytes) = to_bytes(body, MAX_BODY).await else {
        return FormFields::default();
    };
    let fields = FormFields::parse(&bytes);
    *request.body_mut() = Body::from(bytes);
    fields
}

pub async fn http_semantics(request: Request, next: Next) -> Response {
    if !request.uri().path().starts_with(PREFIX) {
        return next.run(request).await;
    }
    let form_post = wants_html(&request);
    if declared_length(&request).is_some_and(|length| length > MAX_BODY) {
        let return_to = referer_path(&request);
        let error = AppError::new(ErrorCode::BodyTooLarge);
        return error_answer(&error, form_post, return_to, request.uri().path(), None);
    }
    let mut request = request.map(|body| Body::new(http_body_util::Limited::new(body, MAX_BODY)));
    let fields = if form_post {
        form_fields(&mut request).await
    } else {
        FormFields::default()
    };
    let form = fields.name;
    let return_to = fields.back.or_else(|| referer_path(&request));
    let path = request.uri().path().to_owned();
    let who = Who::of(&request);
    let request_id = request
        .headers()
        .get("x-request-id")
        .and_then(|value| value.to_str().ok())
        .map(str::to_owned);
    // Leptos would turn a form post into a redirect itself and lose the error; answer as to a
    // fetch and decide about redirects below.
    request
        .headers_mut()
        .insert(header::ACCEPT, HeaderValue::from_static("application/json"));
    let response = next.run(request).await;

    if response.headers().contains_key(ERROR_HEADER) {
        let (mut parts, body) = response.into_parts();
        let bytes = to_bytes(body, MAX_ERROR_BODY).await.unwrap_or_default();
        let mut error: AppError = serde_json::from_slice(&bytes)
            .unwrap_or_else(|_| AppError::internal(String::from_utf8_lossy(&bytes)));
        if error.code == ErrorCode::Internal {
            error.reference = request_id;
        }
        who.note_refusal(&error, &path);
        let mut answer = error_answer(&error, form_post, return_to, &path, form.as_deref());
        if !form_post {
            // Cookies and other headers the server function set stay.
            parts.headers.remove(header::CONTENT_LENGTH);
            parts.status = answer.status();
            parts.headers.insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            );
            answer = Response::from_parts(parts, answer.into_body());
        }
        return answer;
    }

    if form_post {
        let redirect = response
            .headers()
            .get(header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let target = redirect
            .or(return_to.map(|page| without_error(&page)))
            .unwrap_or_else(|| "/".to_owned());
        let mut redirect = see_other(&target);
        for cookie in response.headers().get_all(header::SET_COOKIE) {
            redirect
                .headers_mut()
                .append(header::SET_COOKIE, cookie.clone());
        }
        return redirect;
    }
    response
}

/// Who made a call, for the log line of a refusal (the request id is the span's).
struct Who {
    user_id: Option<uuid::Uuid>,
    address: Option<std::net::IpAddr>,
}

impl Who {
    fn of(request: &Request) -> Self {
        Who {
            user_id: request
                .extensions()
                .get::<Viewer>()
                .map(|viewer| viewer.0.id),
            address: request
                .extensions()
                .get::<ClientAddress>()
                .map(|address| address.0),
        }
    }

    /// Someone was refused what they may not do (or is not logged in for it): a warning with
    /// who, from where and why; `/metrics` counts every answered error by its code.
    fn note_refusal(&self, error: &AppError, path: &str) {
        if matches!(error.code.http_status(), 401 | 403) {
            tracing::warn!(
                user_id = ?self.user_id,
                address = ?self.address,
                code = error.code.as_str(),
                path,
                "request refused"
            );
        }
    }
}

/// The answer to a failed call: a redirect back to the form's page carrying the error for a no-JS
/// form post, the error as JSON with its status for a fetch.
fn error_answer(
    error: &AppError,
    form_post: bool,
    return_to: Option<String>,
    path: &str,
    form: Option<&str>,
) -> Response {
    crate::metrics::error_answered(error.code);
    if form_post {
        let target = with_error(return_to.as_deref().unwrap_or("/"), path, error, form);
        return see_other(&target);
    }
    let status =
        StatusCode::from_u16(error.code.http_status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut response = (status, error.to_json()).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    response
}

fn declared_length(request: &Request) -> Option<usize> {
    request
        .headers()
        .get(header::CONTENT_LENGTH)?
        .to_str()
        .ok()?
        .parse()
        .ok()
}

fn referer_path(request: &Request) -> Option<String> {
    request
        .headers()
        .get(header::REFERER)
        .and_then(|value| value.to_str().ok())
        .and_then(local_path)
}

fn see_other(location: &str) -> Response {
    let mut response = StatusCode::SEE_OTHER.into_response();
    if let Ok(value) = HeaderValue::from_str(location) {
        response.headers_mut().insert(header::LOCATION, value);
    }
    response
}

/// The path and query of a same-site URL: a redirect never leaves the site.
fn local_path(referer: &str) -> Option<String> {
    let url = url::Url::parse(referer).ok()?;
    let mut local = url.path().to_owned();
    if let Some(query) = url.query() {
        local.push('?');
        local.push_str(query);
    }
    Some(local)
}

fn parse_local(page: &str) -> url::Url {
    let base = url::Url::parse("http://local.invalid/").expect("constant URL");
    base.join(page).unwrap_or(base)
}

fn to_local(url: &url::Url) -> String {
    match url.query() {
        Some(query) if !query.is_empty() => format!("{}?{}", url.path(), query),
        _ => url.path().to_owned(),
    }
}

fn without_error(page: &str) -> String {
    let mut url = parse_local(page);
    let kept: Vec<(String, String)> = url
        .query_pairs()
        .filter(|(key, _)| key != "__err" && key != "__path" && key != "__form")
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    url.set_query(None);
    if !kept.is_empty() {
        url.query_pairs_mut().extend_pairs(kept);
    }
    to_local(&url)
}

fn with_error(page: &str, server_fn_path: &str, error: &AppError, form: Option<&str>) -> String {
    let mut url = parse_local(&without_error(page));
    url.query_pairs_mut()
        .append_pair("__path", server_fn_path)
        .append_pair("__err", &URL_SAFE.encode(error.to_json()));
    match form {
        Some(form) => {
            url.query_pairs_mut().append_pair("__form", form);
            format!("{}#{form}", to_local(&url))
        }
        None => to_local(&url),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redirects_stay_on_the_site_and_replace_old_errors() {
        assert_eq!(
            local_path("https://evil.example/steal?x=1").as_deref(),
            Some("/steal?x=1")
        );
        let error = AppError::new(ErrorCode::InvalidCredentials);
        let first = with_error("/login?next=/profile", "/api/login", &error, None);
        let second = with_error(&first, "/api/login", &error, None);
        assert_eq!(first, second);
        assert!(first.starts_with("/login?next=%2Fprofile&__path=%2Fapi%2Flogin&__err="));
        assert_eq!(without_error(&first), "/login?next=%2Fprofile");
        assert_eq!(without_error("/profile"), "/profile");
        let named = with_error("/runs/1", "/api/runs/bid", &error, Some("bid-7"));
        assert!(named.contains("&__form=bid-7") && named.ends_with("#bid-7"));
        assert_eq!(without_error(named.split('#').next().unwrap()), "/runs/1");
    }

    #[test]
    fn a_confirmation_page_sends_the_answer_back_only_to_a_page_of_this_site() {
        let fields = FormFields::parse(b"run_id=1&__back=%2Fruns%2F1&__form=bid-7");
        assert_eq!(fields.back.as_deref(), Some("/runs/1"));
        assert_eq!(fields.name.as_deref(), Some("bid-7"));
        for evil in [
            "https://evil.example/",
            "//evil.example/",
            "/\\evil.example",
            "/\r\nSet-Cookie:x",
            "/\tevil",
            "runs/1",
        ] {
            let body = format!(
                "__back={}",
                url::form_urlencoded::byte_serialize(evil.as_bytes()).collect::<String>()
            );
            assert_eq!(FormFields::parse(body.as_bytes()).back, None, "{evil}");
        }
    }

    #[test]
    fn the_error_in_the_url_decodes_as_leptos_reads_it() {
        let error = AppError::rate_limited(30);
        let url = parse_local(&with_error("/login", "/api/login", &error, None));
        let encoded = url
            .query_pairs()
            .find(|(k, _)| k == "__err")
            .unwrap()
            .1
            .into_owned();
        let decoded: AppError = serde_json::from_slice(&URL_SAFE.decode(encoded).unwrap()).unwrap();
        assert_eq!(decoded, error);
    }
}
