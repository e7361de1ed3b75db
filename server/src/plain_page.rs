//! Small pages the server writes itself, without Leptos or hydration: a refusal from the
//! middleware, and the offline page the service worker keeps. They share the site's stylesheet.

use app::domain::language::Language;
use axum::body::Body;
use axum::response::Response;
use http::{HeaderValue, header};

use crate::assets::AssetNames;

/// A whole page in `language`: a card with `title` (plain text) and `body_html` (markup whose
/// text the caller escaped).
pub fn render(language: Language, title: &str, body_html: &str) -> Response {
    let page = format!(
        "<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <meta name=\"color-scheme\" content=\"light dark\">\
         <title>{title} · Bulq</title><link rel=\"stylesheet\" href=\"{stylesheet}\"></head>\
         <body><main id=\"main\" class=\"page\"><section class=\"card narrow\"><h1>{title}</h1>\
         {body_html}</section></main></body></html>",
        lang = language.code(),
        stylesheet = AssetNames::stylesheet_href(),
        title = html_escape::encode_text(title),
    );
    let mut response = Response::new(Body::from(page));
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    response
}
