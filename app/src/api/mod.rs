//! Server functions: who is calling, may they, is the input valid, then one service call.

pub mod accounts;
pub mod admin;
pub mod api_tokens;
pub mod catalogue;
pub mod groups;
pub mod money;
pub mod notifications;
pub mod runs;
pub mod search;
pub mod shopping;

/// A same-site path to go to after logging in; anything else becomes `/`. Browsers drop tabs and
/// line breaks from an address and read a backslash as `/`, so `/\t/evil.example` would leave the site:
/// control characters, whitespace and backslashes are refused outright, and a path must not
/// begin with two slashes. Letters beyond ASCII are percent-encoded, so the answer is always a
/// valid `Location` header.
pub fn safe_next_path(next: Option<&str>) -> String {
    let Some(path) = next else {
        return "/".to_owned();
    };
    let refused = |c: char| c.is_control() || c.is_whitespace() || c == '\\';
    if !path.starts_with('/') || path.starts_with("//") || path.chars().any(refused) {
        return "/".to_owned();
    }
    let mut safe = String::with_capacity(path.len());
    for c in path.chars() {
        if c.is_ascii() {
            safe.push(c);
        } else {
            let mut bytes = [0; 4];
            for byte in c.encode_utf8(&mut bytes).bytes() {
                safe.push_str(&format!("%{byte:02X}"));
            }
        }
    }
    safe
}

#[cfg(test)]
mod tests {
    use super::safe_next_path;

    #[test]
    fn only_local_paths_are_followed_after_login() {
        assert_eq!(safe_next_path(Some("/profile")), "/profile");
        assert_eq!(safe_next_path(Some("//evil.example")), "/");
        assert_eq!(safe_next_path(Some("https://evil.example")), "/");
        assert_eq!(safe_next_path(Some("/\\evil.example")), "/");
        assert_eq!(safe_next_path(None), "/");
        for sneaky in [
            "/\t/evil.example",
            "/\n/evil.example",
            "/\r\n/x",
            "/\u{7f}",
            "/ /evil",
        ] {
            assert_eq!(safe_next_path(Some(sneaky)), "/", "{sneaky:?}");
        }
        assert_eq!(
            safe_next_path(Some("/search?q=café")),
            "/search?q=caf%C3%A9"
        );
        let header_safe = safe_next_path(Some("/ж?q=é"));
        assert!(
            header_safe.bytes().all(|byte| (0x21..0x7f).contains(&byte)),
            "{header_safe}"
        );
    }
}
