//! `server seed` writes the demo world and is idempotent: a second run changes nothing, also in
//! another language; the descriptive texts are in `BULQ_DEMO_LANGUAGE`.

mod support;

use support::TestDatabase;

fn seed(database: &TestDatabase) {
    seed_in(database, "en");
}

fn seed_in(database: &TestDatabase, language: &str) {
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_server"))
        .arg("seed")
        .env("DATABASE_URL", &database.url)
        .env("BULQ_DEMO_LANGUAGE", language)
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

#[tokio::test]
async fn the_demo_has_a_run_in_every_state_with_costs_that_add_up() {
    let database = TestDatabase::create().await;
    seed(&database);
    let states = database
        .count("SELECT count(DISTINCT state) FROM runs")
        .await;
    assert_eq!(states, 8, "one demo run per state");
    let runs_before = database.count("SELECT count(*) FROM runs").await;
    let mismatched = database
        .count(
            "SELECT count(*) FROM shopping_items i \
             JOIN LATERAL (SELECT count(*) AS shares, sum(a.cost_minor) AS cost, \
                                  sum(a.quantity) AS quantity \
                           FROM allocations a \
                           WHERE a.run_id = i.run_id AND a.product_id = i.product_id) s ON true \
             WHERE i.purchased > 0 AND s.shares > 0 \
               AND (s.cost <> i.total_minor OR s.quantity <> i.purchased)",
        )
        .await;
    assert_eq!(mismatched, 0, "shares add up to what was bought and paid");
    seed(&database);
    assert_eq!(
        database.count("SELECT count(*) FROM runs").await,
        runs_before
    );
}

#[tokio::test]
async fn the_demo_speaks_the_seed_language_and_is_recognised_in_another() {
    let database = TestDatabase::create().await;
    seed_in(&database, "ru");
    let russian_runs = database
        .count("SELECT count(*) FROM runs WHERE comment LIKE 'Демо: %'")
        .await;
    assert_eq!(russian_runs, 8, "every demo run's comment is Russian");
    let russian_notes = database
        .count("SELECT count(*) FROM price_observations WHERE note = 'по акции'")
        .await;
    assert_eq!(russian_notes, 1);
    let totals =
        "SELECT (SELECT count(*) FROM runs) * 1000 + (SELECT count(*) FROM price_observations)";
    let before = database.count(totals).await;
    seed_in(&database, "sr-Latn");
    assert_eq!(
        database.count(totals).await,
        before,
        "nothing is seeded twice"
    );
}
