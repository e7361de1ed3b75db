//! Carries `?next=` (where to go after logging in) between the login and registration pages.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// This page's `next` path (empty when none), and the address of `other_page` keeping it.
pub fn use_next_path(other_page: &'static str) -> (Signal<String>, Signal<String>) {
    let query = use_query_map();
    let next = Signal::derive(move || query.read().get("next").unwrap_or_default());
    let other = Signal::derive(move || match query.read().get("next") {
        Some(next) => format!("{other_page}?next={}", encode_query_value(&next)),
        None => other_page.to_owned(),
    });
    (next, other)
}

/// Percent-encodes a value for a query string (only what a local path can contain matters here).
pub(crate) fn encode_query_value(value: &str) -> String {
    value
        .bytes()
        .map(|byte| match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                (byte as char).to_string()
            }
            other => format!("%{other:02X}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::encode_query_value;

    #[test]
    fn a_next_path_survives_the_query_string() {
        assert_eq!(
            encode_query_value("/join/abc?x=1&y=2"),
            "/join/abc%3Fx%3D1%26y%3D2"
        );
    }
}
