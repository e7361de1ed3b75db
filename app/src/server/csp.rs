//! The Content-Security-Policy of a rendered page: scripts only with this response's nonce (the
//! hydration scripts carry it), WebAssembly allowed to compile, nothing framed, forms only to us.

use leptos::nonce::{Nonce, provide_nonce, use_nonce};
use leptos::prelude::use_context;

pub fn page_policy(nonce: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; \
         object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )
}

/// Provides a fresh nonce for this render and sets the matching policy header on the response.
pub fn apply_to_page() {
    provide_nonce();
    let nonce: Option<Nonce> = use_nonce();
    if let (Some(nonce), Some(response)) = (nonce, use_context::<leptos_axum::ResponseOptions>())
        && let Ok(value) = http::HeaderValue::from_str(&page_policy(nonce.as_inner()))
    {
        response.insert_header(http::header::CONTENT_SECURITY_POLICY, value);
    }
}
