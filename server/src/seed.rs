//! Demo data for development, written through the same services as the UI. Idempotent: running it
//! again changes nothing.

use app::domain::validation::{DisplayName, NewPassword, Username};
use app::error::AppError;
use app::server::accounts::{self, Registration};
use sqlx::PgPool;

/// Documented in the README; only ever used for demo accounts.
pub const DEMO_PASSWORD: &str = "bulq-demo";

const DEMO_USERS: [(&str, &str, bool); 7] = [
    ("alice", "Alice Johnson", false),
    ("bob", "Bob Smith", false),
    ("carol", "Carol Davis", false),
    ("test", "Test User", true),
    ("david", "David Williams", false),
    ("emily", "Emily Brown", false),
    ("frank", "Frank Miller", false),
];

pub async fn demo(db: &PgPool) -> Result<(), AppError> {
    for (username, name, is_admin) in DEMO_USERS {
        let registration = Registration {
            username: Username::parse(username)?,
            display_name: DisplayName::parse(name)?,
            password: NewPassword::parse(DEMO_PASSWORD, DEMO_PASSWORD)?,
            is_admin,
        };
        accounts::ensure(db, registration).await?;
    }
    tracing::info!(users = DEMO_USERS.len(), "demo users are in place");
    Ok(())
}
