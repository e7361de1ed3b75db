//! Demo data for development, written through the same services as the UI, its descriptive texts
//! in `BULQ_DEMO_LANGUAGE`. Idempotent: running it again, in any language, changes nothing.

use app::domain::group::{CurrencyCode, GroupName};
use app::domain::language::{Language, TimeZoneName};
use app::domain::paging::PageRequest;
use app::domain::validation::{DisplayName, NewPassword, Username};
use app::error::AppError;
use app::server::accounts::{self, Registration};
use app::server::audit::Origin;
use app::server::cache::Cache;
use app::server::groups;
use sqlx::PgPool;
use uuid::Uuid;

mod catalogue;
mod runs;

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

/// A demo group: its name, its creator, and every other member with whether they are an admin.
type DemoGroup = (&'static str, &'static str, &'static [(&'static str, bool)]);

const DEMO_GROUPS: [DemoGroup; 2] = [
    (
        "Test Friends",
        "alice",
        &[
            ("bob", false),
            ("carol", false),
            ("test", true),
            ("emily", true),
            ("frank", false),
        ],
    ),
    ("Work Lunch", "bob", &[("carol", false)]),
];

pub async fn demo(db: &PgPool, cache: &Cache, language: Language) -> Result<(), AppError> {
    let mut people = std::collections::HashMap::new();
    for (username, name, is_admin) in DEMO_USERS {
        let registration = Registration {
            username: Username::parse(username)?,
            display_name: DisplayName::parse(name)?,
            password: NewPassword::parse(DEMO_PASSWORD, DEMO_PASSWORD)?,
            time_zone: TimeZoneName::parse("Europe/Belgrade")?,
            is_admin,
        };
        people.insert(username, accounts::ensure(db, registration).await?);
    }
    for (name, creator, members) in DEMO_GROUPS {
        let creator = people[creator].id;
        let group_id = ensure_group(db, creator, name).await?;
        let detail = groups::detail(db, creator, group_id, PageRequest::new(None, 100)).await?;
        for (username, is_admin) in members {
            let member = people[username].id;
            if !detail.members.items.iter().any(|m| m.user_id == member) {
                groups::join(db, member, &detail.invite_token).await?;
            }
            groups::set_admin(db, creator, group_id, member, *is_admin, &Origin::default()).await?;
        }
    }
    let catalogue = catalogue::ensure(db, cache, &people, language).await?;
    let friends = ensure_group(db, people["alice"].id, "Test Friends").await?;
    let runs = runs::ensure(
        db,
        cache,
        language,
        friends,
        &people,
        &catalogue.stores,
        &catalogue.products,
    )
    .await?;
    tracing::info!(
        users = DEMO_USERS.len(),
        groups = DEMO_GROUPS.len(),
        stores = catalogue.stores.len(),
        products = catalogue.products.len(),
        runs,
        "demo data is in place"
    );
    Ok(())
}

/// The creator's group of that name, created if it is not there yet.
async fn ensure_group(db: &PgPool, creator: Uuid, name: &str) -> Result<Uuid, AppError> {
    let mine = groups::list_for(db, creator, PageRequest::new(None, 100)).await?;
    if let Some(existing) = mine.items.iter().find(|group| group.name == name) {
        return Ok(existing.id);
    }
    let currency = CurrencyCode::parse("EUR")?;
    groups::create(db, creator, &GroupName::parse(name)?, &currency).await
}
