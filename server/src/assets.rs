//! The site's built files under `/pkg`: which names the build gave them (cargo-leptos writes a
//! content hash into each name and lists them in `hash.txt` beside the server binary), and how
//! they are served: precompressed when the build wrote `.br`/`.gz` files, cached for a year when
//! the name carries its hash, for five minutes when it does not. With `--split` the build also
//! writes a WASM chunk per page and the chunks they share, each with its hash in its name.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use axum::Router;
use axum::body::Body;
use axum::middleware::{Next, from_fn};
use axum::response::Response;
use http::{HeaderValue, Request, header};
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;

/// The names of the stylesheet, script and WASM module of the build this server serves.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AssetNames {
    pub css: String,
    pub js: String,
    pub wasm: String,
    /// True when the names carry content hashes (so a name never changes its content).
    pub hashed: bool,
}

static NAMES: OnceLock<AssetNames> = OnceLock::new();

impl AssetNames {
    /// The names without hashes, as a build with `hash-files` off writes them.
    pub fn plain(output_name: &str) -> Self {
        AssetNames {
            css: format!("{output_name}.css"),
            js: format!("{output_name}.js"),
            wasm: format!("{output_name}.wasm"),
            hashed: false,
        }
    }

    /// Reads `hash.txt` (lines such as `css: 4f1c…`); `None` when it is not there.
    pub fn from_hash_file(output_name: &str, hash_file: &Path) -> Option<Self> {
        let text = std::fs::read_to_string(hash_file).ok()?;
        Some(Self::parse(output_name, &text))
    }

    pub fn parse(output_name: &str, hash_file: &str) -> Self {
        let mut names = AssetNames {
            css: format!("{output_name}.css"),
            js: format!("{output_name}.js"),
            wasm: format!("{output_name}.wasm"),
            hashed: true,
        };
        for line in hash_file.lines() {
            let Some((kind, hash)) = line.split_once(':') else {
                continue;
            };
            let hash = hash.trim();
            match kind.trim() {
                "css" => names.css = format!("{output_name}.{hash}.css"),
                "js" => names.js = format!("{output_name}.{hash}.js"),
                "wasm" => names.wasm = format!("{output_name}.{hash}.wasm"),
                _ => {}
            }
        }
        names
    }

    /// The build's names, read once at start-up: from the hash file beside the binary when the
    /// build wrote one, else the plain names.
    pub fn load(output_name: &str) -> &'static AssetNames {
        NAMES.get_or_init(|| {
            Self::from_hash_file(output_name, &hash_file_path())
                .unwrap_or_else(|| Self::plain(output_name))
        })
    }

    /// The stylesheet's address, for pages the server writes without Leptos (refusals).
    pub fn stylesheet_href() -> String {
        let css = NAMES.get().map_or("bulq.css", |names| names.css.as_str());
        format!("/pkg/{css}")
    }

    fn is_hashed_file(&self, file_name: &str) -> bool {
        self.hashed
            && ([&self.css, &self.js, &self.wasm]
                .iter()
                .any(|name| name.as_str() == file_name)
                || carries_hash(file_name))
    }
}

/// cargo-leptos names a hashed file `stem.HASH.ext` (also `stem.HASH.ext.br`), the hash being an
/// MD5 in unpadded base64url: 22 characters.
fn carries_hash(file_name: &str) -> bool {
    let mut parts = file_name.split('.');
    parts.next();
    parts.any(|part| {
        part.len() == 22
            && part
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    })
}

/// Where cargo-leptos writes the hash file and where Leptos reads it: beside the binary.
fn hash_file_path() -> PathBuf {
    std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent().map(Path::to_path_buf))
        .unwrap_or_default()
        .join("hash.txt")
}

/// `/pkg`: the built files, with their `.br`/`.gz` siblings chosen by `Accept-Encoding`.
pub fn router(pkg_dir: &str, names: &'static AssetNames) -> Router {
    Router::new()
        .nest_service(
            "/pkg",
            ServeDir::new(pkg_dir)
                .precompressed_br()
                .precompressed_gzip(),
        )
        .layer(SetResponseHeaderLayer::overriding(
            header::VARY,
            HeaderValue::from_static("accept-encoding"),
        ))
        .layer(from_fn(move |request: Request<Body>, next: Next| {
            cache_for(names, request, next)
        }))
}

const A_YEAR: HeaderValue = HeaderValue::from_static("public, max-age=31536000, immutable");
const FIVE_MINUTES: HeaderValue = HeaderValue::from_static("public, max-age=300");

async fn cache_for(names: &'static AssetNames, request: Request<Body>, next: Next) -> Response {
    let file_name = request
        .uri()
        .path()
        .rsplit('/')
        .next()
        .unwrap_or_default()
        .to_owned();
    let mut response = next.run(request).await;
    if response.status().is_success() || response.status() == http::StatusCode::NOT_MODIFIED {
        let policy = if names.is_hashed_file(&file_name) {
            A_YEAR
        } else {
            FIVE_MINUTES
        };
        response.headers_mut().insert(header::CACHE_CONTROL, policy);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_file_names_every_asset() {
        let names = AssetNames::parse("bulq", "js: abc\nwasm: def\ncss: 123\n");
        assert_eq!(names.css, "bulq.123.css");
        assert_eq!(names.js, "bulq.abc.js");
        assert_eq!(names.wasm, "bulq.def.wasm");
        assert!(names.is_hashed_file("bulq.def.wasm"));
        assert!(!names.is_hashed_file("bulq.css"));
    }

    #[test]
    fn split_chunks_are_hashed_files_too() {
        let names = AssetNames::parse("bulq", "js: abc\nwasm: def\ncss: 123\n");
        assert!(names.is_hashed_file("chunk_110.p4TsU9UMds5Kaa8PLqtZSQ.wasm"));
        assert!(
            names.is_hashed_file(
                "split___run_view_14517769262459580119.Zw21iUThp4hI4u-apP2zKg.wasm"
            )
        );
        assert!(names.is_hashed_file("__wasm_split.ZTuaeAggG_2wzk0tt2aD7w.js"));
        assert!(!names.is_hashed_file("chunk_110.wasm"));
        assert!(!names.is_hashed_file("p4TsU9UMds5Kaa8PLqtZSQ.wasm"));
        assert!(!AssetNames::plain("bulq").is_hashed_file("chunk_1.p4TsU9UMds5Kaa8PLqtZSQ.wasm"));
    }

    /// A hashed WASM with its brotli sibling, as `cargo leptos build --release --precompress` writes.
    fn site_with_hashed_wasm() -> (PathBuf, &'static AssetNames) {
        let dir = std::env::temp_dir().join(format!("bulq-assets-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("bulq.h1.wasm"), b"\0asm plain").unwrap();
        std::fs::write(dir.join("bulq.h1.wasm.br"), b"brotli bytes").unwrap();
        std::fs::write(dir.join("other.txt"), b"not hashed").unwrap();
        let names = Box::leak(Box::new(AssetNames::parse("bulq", "wasm: h1\n")));
        (dir, names)
    }

    async fn get(pkg: &Path, names: &'static AssetNames, path: &str, encoding: &str) -> Response {
        use tower::ServiceExt;
        let request = Request::get(path)
            .header(header::ACCEPT_ENCODING, encoding)
            .body(Body::empty())
            .unwrap();
        router(pkg.to_str().unwrap(), names)
            .oneshot(request)
            .await
            .unwrap()
    }

    #[tokio::test]
    async fn hashed_wasm_comes_precompressed_and_immutable() {
        let (pkg, names) = site_with_hashed_wasm();
        let response = get(&pkg, names, "/pkg/bulq.h1.wasm", "br, gzip").await;
        assert_eq!(response.headers()[header::CONTENT_ENCODING], "br");
        assert_eq!(response.headers()[header::CACHE_CONTROL], A_YEAR);
        assert_eq!(response.headers()[header::VARY], "accept-encoding");

        let plain = get(&pkg, names, "/pkg/bulq.h1.wasm", "identity").await;
        assert!(plain.headers().get(header::CONTENT_ENCODING).is_none());

        let unhashed = get(&pkg, names, "/pkg/other.txt", "br").await;
        assert_eq!(unhashed.headers()[header::CACHE_CONTROL], FIVE_MINUTES);
        let _ = std::fs::remove_dir_all(pkg);
    }

    #[test]
    fn plain_names_are_never_immutable() {
        let names = AssetNames::plain("bulq");
        assert_eq!(names.wasm, "bulq.wasm");
        assert!(!names.is_hashed_file("bulq.css"));
    }
}
