//! What the pages know about the account looking at them. Never carries a secret.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::domain::language::Language;
use crate::domain::theme::Theme;

/// A user as the user themself sees their account.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserView {
    pub id: Uuid,
    pub username: String,
    pub display_name: String,
    /// `None` follows the browser's language.
    pub language: Option<Language>,
    pub time_zone: String,
    pub theme: Theme,
    pub is_admin: bool,
}

/// Who is looking at the page and in which language it is shown.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionInfo {
    pub user: Option<UserView>,
    pub language: Language,
}

/// Where the person is logged in, for their profile ("Firefox on Android, last seen …").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeviceView {
    pub id: Uuid,
    pub browser: Option<String>,
    pub system: Option<String>,
    pub logged_in_at: DateTime<Utc>,
    pub last_seen_at: DateTime<Utc>,
    /// The device this page is open on.
    pub current: bool,
}

/// A person's record across runs (their profile).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileStats {
    pub runs_joined: i64,
    pub runs_led: i64,
    /// Money spent per currency: `(ISO code, minor units)`.
    pub spent: Vec<(String, i64)>,
}

/// A personal access token as its owner's profile lists it; never the secret itself.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiTokenView {
    pub id: crate::domain::ids::ApiTokenId,
    pub name: String,
    pub scope: crate::domain::api_token::TokenScope,
    pub created_at: DateTime<Utc>,
    pub expires_at: Option<DateTime<Utc>>,
    pub last_used_at: Option<DateTime<Utc>>,
}

/// A token just made: the only time its secret is shown.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewApiToken {
    pub name: String,
    pub secret: String,
}
