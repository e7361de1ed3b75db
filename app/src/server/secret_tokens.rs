//! Secrets handed to a person once (password-reset links, API tokens): 256 random bits from the
//! operating system, URL-safe; only their SHA-256 is stored, so a database leak opens nothing.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use sha2::{Digest, Sha256};

use crate::error::{AppError, AppResult};

/// The length of [`new_secret`]'s text: 32 bytes in unpadded base64url.
pub const SECRET_LEN: usize = 43;

pub fn new_secret() -> AppResult<String> {
    let mut bytes = [0_u8; 32];
    getrandom::fill(&mut bytes).map_err(AppError::internal)?;
    Ok(URL_SAFE_NO_PAD.encode(bytes))
}

pub fn hash_of(secret: &str) -> Vec<u8> {
    Sha256::digest(secret.as_bytes()).to_vec()
}

/// Whether `text` could be a secret [`new_secret`] made; anything else is refused before any
/// database work.
pub fn plausible(text: &str) -> bool {
    text.len() == SECRET_LEN
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_plausible_and_distinct() {
        let one = new_secret().unwrap();
        let two = new_secret().unwrap();
        assert!(plausible(&one) && plausible(&two));
        assert_ne!(one, two);
        assert_eq!(hash_of(&one).len(), 32);
        assert!(!plausible(""));
        assert!(!plausible("../../etc/passwd"));
        assert!(!plausible(&"a".repeat(44)));
        assert!(!plausible(&format!("{}=", &one[..42])));
    }
}
