//! Input rules for accounts, shared by the forms (instant feedback) and the server (the authority).

use crate::domain::common_passwords;
use crate::domain::hidden_characters::has_hidden_characters;
use crate::error::ErrorCode;

pub const USERNAME_MIN: usize = 3;
pub const USERNAME_MAX: usize = 50;
pub const DISPLAY_NAME_MAX: usize = 100;
/// NIST SP 800-63B's minimum for user-chosen secrets (the original's 6 was too weak).
pub const PASSWORD_MIN: usize = 8;
pub const PASSWORD_MAX: usize = 128;
/// The HTML `pattern` attribute equivalent of [`normalise_username`]'s character rule.
pub const USERNAME_PATTERN: &str = "[A-Za-z0-9_\\-]{3,50}";

/// A username that passed [`normalise_username`]: lower case, 3–50 allowed characters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Username(String);

impl Username {
    pub fn parse(raw: &str) -> Result<Self, ErrorCode> {
        normalise_username(raw).map(Username)
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A display name that passed [`normalise_display_name`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DisplayName(String);

impl DisplayName {
    pub fn parse(raw: &str) -> Result<Self, ErrorCode> {
        normalise_display_name(raw).map(DisplayName)
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A password that passed [`check_new_password`] (and its confirmation, where one was typed).
#[derive(Clone, PartialEq, Eq)]
pub struct NewPassword(String);

impl NewPassword {
    pub fn parse(password: &str, confirmation: &str) -> Result<Self, ErrorCode> {
        check_new_password(password)?;
        check_password_confirmation(password, confirmation)?;
        Ok(NewPassword(password.to_owned()))
    }
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NewPassword(***)")
    }
}

/// Usernames are 3–50 of `A–Z a–z 0–9 _ -` and are stored and compared in lower case.
pub fn normalise_username(raw: &str) -> Result<String, ErrorCode> {
    let username = raw.trim();
    let length = username.chars().count();
    let allowed = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '-';
    if !(USERNAME_MIN..=USERNAME_MAX).contains(&length) || !username.chars().all(allowed) {
        return Err(ErrorCode::UsernameInvalid);
    }
    Ok(username.to_ascii_lowercase())
}

/// Display names are 1–100 characters after trimming, any script, no control characters and no
/// hidden ones.
pub fn normalise_display_name(raw: &str) -> Result<String, ErrorCode> {
    let name = raw.trim();
    if has_hidden_characters(name) {
        return Err(ErrorCode::HiddenCharacters);
    }
    let length = name.chars().count();
    if length == 0 || length > DISPLAY_NAME_MAX || name.chars().any(char::is_control) {
        return Err(ErrorCode::DisplayNameInvalid);
    }
    Ok(name.to_owned())
}

/// A new password: 8–128 characters (counted as characters, so any script works) and not common.
pub fn check_new_password(password: &str) -> Result<(), ErrorCode> {
    let length = password.chars().count();
    if length < PASSWORD_MIN {
        return Err(ErrorCode::PasswordTooShort);
    }
    if length > PASSWORD_MAX {
        return Err(ErrorCode::PasswordTooLong);
    }
    if common_passwords::is_common(password) {
        return Err(ErrorCode::PasswordTooCommon);
    }
    Ok(())
}

/// A new password typed twice must match.
pub fn check_password_confirmation(password: &str, confirmation: &str) -> Result<(), ErrorCode> {
    if password == confirmation {
        Ok(())
    } else {
        Err(ErrorCode::PasswordMismatch)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usernames_are_trimmed_and_lowercased() {
        assert_eq!(normalise_username("  Alice_01 ").unwrap(), "alice_01");
        assert_eq!(normalise_username("a-b").unwrap(), "a-b");
    }

    #[test]
    fn usernames_outside_the_rules_are_refused() {
        for bad in [
            "",
            "ab",
            "has space",
            "ünïcode",
            "semi;colon",
            &"x".repeat(51),
        ] {
            assert_eq!(
                normalise_username(bad),
                Err(ErrorCode::UsernameInvalid),
                "{bad:?}"
            );
        }
        assert!(normalise_username(&"x".repeat(50)).is_ok());
    }

    #[test]
    fn display_names_allow_any_script_but_not_blank_or_control() {
        assert_eq!(
            normalise_display_name("  Ана Петровић ").unwrap(),
            "Ана Петровић"
        );
        assert_eq!(
            normalise_display_name("   "),
            Err(ErrorCode::DisplayNameInvalid)
        );
        assert_eq!(
            normalise_display_name("a\u{0}b"),
            Err(ErrorCode::DisplayNameInvalid)
        );
        assert_eq!(
            normalise_display_name(&"é".repeat(101)),
            Err(ErrorCode::DisplayNameInvalid)
        );
        assert!(normalise_display_name(&"é".repeat(100)).is_ok());
        assert_eq!(
            normalise_display_name("Ann\u{202E}nimdA"),
            Err(ErrorCode::HiddenCharacters)
        );
    }

    #[test]
    fn passwords_have_a_length_window() {
        assert_eq!(
            check_new_password("short7!"),
            Err(ErrorCode::PasswordTooShort)
        );
        assert_eq!(
            check_new_password(&"x9".repeat(65)),
            Err(ErrorCode::PasswordTooLong)
        );
        assert!(check_new_password(&"kq".repeat(64)).is_ok());
        assert!(check_new_password("correct horse battery").is_ok());
        assert!(check_new_password("пароль-из-кириллицы").is_ok());
    }

    #[test]
    fn common_passwords_are_refused_whatever_their_case() {
        assert_eq!(
            check_new_password("password123"),
            Err(ErrorCode::PasswordTooCommon)
        );
        assert_eq!(
            check_new_password("PassWord123"),
            Err(ErrorCode::PasswordTooCommon)
        );
        assert_eq!(
            check_new_password("qwertyuiop"),
            Err(ErrorCode::PasswordTooCommon)
        );
    }

    #[test]
    fn every_listed_common_password_passes_the_length_rule() {
        for common in crate::domain::common_passwords::COMMON_PASSWORDS {
            assert!(
                common.chars().count() >= PASSWORD_MIN,
                "{common} is too short to list"
            );
        }
    }

    #[test]
    fn a_new_password_checks_rules_before_the_confirmation() {
        assert_eq!(
            NewPassword::parse("short", "other").unwrap_err(),
            ErrorCode::PasswordTooShort
        );
        assert_eq!(
            NewPassword::parse("long enough pass", "long enough pasS").unwrap_err(),
            ErrorCode::PasswordMismatch
        );
        let ok = NewPassword::parse("long enough pass", "long enough pass").unwrap();
        assert_eq!(format!("{ok:?}"), "NewPassword(***)");
    }

    #[test]
    fn confirmation_must_match() {
        assert!(check_password_confirmation("abc", "abc").is_ok());
        assert_eq!(
            check_password_confirmation("abc", "abd"),
            Err(ErrorCode::PasswordMismatch)
        );
    }
}
