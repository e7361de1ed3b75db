//! Server functions: who is calling, may they, is the input valid, then one service call.

pub mod accounts;
pub mod admin;
pub mod catalogue;
pub mod groups;
pub mod notifications;
pub mod runs;
pub mod search;
pub mod shopping;

/// A same-site path to go to after logging in; anything else (other hosts, `//evil`) becomes `/`.
pub fn safe_next_path(next: Option<&str>) -> String {
    match next {
        Some(path) if path.starts_with('/') && !path.starts_with("//") && !path.contains('\\') => {
            path.to_owned()
        }
        _ => "/".to_owned(),
    }
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
    }
}
