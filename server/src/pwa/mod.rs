//! What makes Bulq an installable app: the service worker (written per build, so it names that
//! build's hashed assets and a new build installs a new worker) and the offline page it keeps.
//! The manifest and icons are static files in `public/`.

use app::i18n::{self, Key};
use app::server::request::language_of;
use axum::Router;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use http::request::Parts;
use http::{HeaderValue, header};

use crate::assets::AssetNames;
use crate::plain_page;

const WORKER: &str = include_str!("sw.js");

/// Static files of `public/` the worker keeps besides the build's own.
const STATIC_FILES: [&str; 4] = [
    "/favicon.svg",
    "/manifest.webmanifest",
    "/icons/icon-192.png",
    "/icons/icon-512.png",
];

pub fn router<S: Clone + Send + Sync + 'static>(names: &'static AssetNames) -> Router<S> {
    let worker = worker_script(names);
    Router::new()
        .route("/sw.js", get(move || serve_worker(worker.clone())))
        .route("/offline", get(offline_page))
}

fn worker_script(names: &AssetNames) -> String {
    let version = if names.hashed {
        format!("{}-{}-{}", names.css, names.js, names.wasm)
    } else {
        // An unhashed (development) build: a new worker on every start.
        std::process::id().to_string()
    };
    let mut files: Vec<String> = vec!["/offline".to_owned()];
    files.extend(
        [&names.css, &names.js, &names.wasm]
            .into_iter()
            .map(|name| format!("/pkg/{name}")),
    );
    files.extend(STATIC_FILES.iter().map(|file| (*file).to_owned()));
    let keep_on_use = if names.hashed { "/pkg/" } else { "" };
    WORKER
        .replace("{{VERSION}}", &version)
        .replace("{{KEEP_ON_USE}}", keep_on_use)
        .replace(
            "{{PRECACHE}}",
            &serde_json::to_string(&files).unwrap_or_else(|_| "[]".into()),
        )
}

async fn serve_worker(script: String) -> Response {
    let mut response = script.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/javascript; charset=utf-8"),
    );
    // The browser checks for a new worker on every visit; it must never get a cached old one.
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    response
}

async fn offline_page(parts: Parts) -> Response {
    let language = language_of(&parts);
    let body = html_escape::encode_text(i18n::text(language, Key::OfflineBody)).into_owned();
    let retry = html_escape::encode_text(i18n::text(language, Key::OfflineRetry)).into_owned();
    let mut response = plain_page::render(
        language,
        i18n::text(language, Key::OfflineTitle),
        // An empty href reloads the address the person asked for, which the worker answered.
        &format!("<p>{body}</p><a class=\"button\" href=\"\">{retry}</a>"),
    );
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn worker_names_the_builds_assets() {
        let names = AssetNames::parse("bulq", "css: c1\njs: j1\nwasm: w1\n");
        let script = worker_script(&names);
        assert!(script.contains(r#"const VERSION = "bulq.c1.css-bulq.j1.js-bulq.w1.wasm";"#));
        assert!(script.contains(r#""/pkg/bulq.w1.wasm""#));
        assert!(script.contains(r#""/offline""#));
        assert!(script.contains(r#"const KEEP_ON_USE = "/pkg/";"#));
        assert!(!script.contains("{{"));
    }

    #[test]
    fn an_unhashed_build_keeps_no_chunks() {
        let script = worker_script(&AssetNames::plain("bulq"));
        assert!(script.contains(r#"const KEEP_ON_USE = "";"#));
    }
}
