//! `server seed` writes the demo world and is idempotent: a second run changes nothing.

mod support;

use support::TestDatabase;

fn seed(database: &TestDatabase) {
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_server"))
        .arg("seed")
        .env("DATABASE_URL", &database.url)
        .env("BULQ_LOG", "warn")
        .status()
        .unwrap();
    assert!(status.success());
}

/// Users, site admins, groups, memberships and group admins.
async fn counts(db: &TestDatabase) -> (i64, i64, i64, i64, i64) {
    (
        db.count("SELECT count(*) FROM users").await,
        db.count("SELECT count(*) FROM users WHERE is_admin").await,
        db.count("SELECT count(*) FROM groups").await,
        db.count("SELECT count(*) FROM group_members").await,
        db.count("SELECT count(*) FROM group_members WHERE is_admin")
            .await,
    )
}

#[tokio::test]
async fn seeding_twice_gives_the_same_demo_world() {
    let database = TestDatabase::create().await;
    seed(&database);
    let first = counts(&database).await;
    assert_eq!(first, (7, 1, 2, 8, 4));
    seed(&database);
    assert_eq!(counts(&database).await, first);
}
