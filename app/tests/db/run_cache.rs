//! The run page's cached data on a real Postgres: whoever changed the run sees the change on
//! their next read, and so does everyone else; changes that record no event about the run
//! (prices) are read fresh.

use app::domain::group::CurrencyCode;
use app::domain::quantity::Quantity;
use app::domain::run_state::RunState;
use app::server::cache::Cache;
use app::server::db::MIGRATOR;
use app::server::runs::bids;
use app::server::runs::detail::{self, RunCache};
use app::server::{groups, prices, runs};
use sqlx::PgPool;

use crate::common::{open_run, qty, user, world};

#[sqlx::test(migrator = "MIGRATOR")]
async fn every_change_shows_on_the_next_cached_read(db: PgPool) {
    let cache = RunCache::default();
    let leader = user(&db, "leader").await;
    let bob = user(&db, "bob").await;
    let carol = user(&db, "carol").await;
    let world = world(&db, leader, &[bob, carol], 2).await;
    let (oil, rice) = (world.products[0], world.products[1]);
    let run_id = open_run(&db, leader, &world).await;
    let read = |viewer| detail::detail_cached(&db, &cache, viewer, run_id);

    assert!(read(bob).await.unwrap().products.is_empty());
    bids::place(&db, bob, run_id, oil, qty("2"), "")
        .await
        .unwrap();
    let run = read(bob).await.unwrap();
    assert_eq!(run.state, RunState::Active);
    assert_eq!(run.products[0].total, Quantity::units(2), "my own bid");
    assert_eq!(
        read(carol).await.unwrap().products[0].total,
        Quantity::units(2),
        "a friend's bid"
    );

    bids::place(&db, carol, run_id, oil, qty("1.5"), "")
        .await
        .unwrap();
    bids::place(&db, carol, run_id, rice, qty("1"), "")
        .await
        .unwrap();
    let run = read(bob).await.unwrap();
    assert_eq!(run.products.len(), 2);
    assert_eq!(run.products[0].total.to_string(), "3.5");
    runs::set_ready(&db, carol, run_id, true).await.unwrap();
    let run = read(leader).await.unwrap();
    let carol_seen = run.participants.iter().find(|p| p.user_id == carol);
    assert!(carol_seen.unwrap().is_ready, "readiness");

    // Leaving the group takes carol's bids back: the run changed without her bidding.
    groups::leave(&db, carol, world.group_id).await.unwrap();
    let run = read(bob).await.unwrap();
    assert_eq!(run.products.len(), 1, "her rice went");
    assert_eq!(run.products[0].total, Quantity::units(2));

    // A price seen at the store is no event of the run: it is read fresh.
    let eur = CurrencyCode::parse("EUR").unwrap();
    let price = prices::Observation {
        product_id: oil,
        store_id: world.store_id,
        amount_minor: 349,
        currency: &eur,
        note: "",
        pack_size: None,
    };
    prices::record(&db, &Cache::disabled(), leader, price)
        .await
        .unwrap();
    assert_eq!(
        read(bob).await.unwrap().products[0].current_price,
        Some(349)
    );

    // What the cache serves is what a full read says.
    assert_eq!(
        read(bob).await.unwrap(),
        detail::detail(&db, bob, run_id).await.unwrap()
    );
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn concurrent_bids_are_all_in_the_next_cached_read(db: PgPool) {
    let cache = RunCache::default();
    let leader = user(&db, "leader").await;
    let mut people = Vec::new();
    for i in 0..10 {
        people.push(user(&db, &format!("friend{i}")).await);
    }
    let world = world(&db, leader, &people, 1).await;
    let oil = world.products[0];
    let run_id = open_run(&db, leader, &world).await;
    bids::place(&db, people[0], run_id, oil, qty("1"), "")
        .await
        .unwrap();
    let mut writers = Vec::new();
    for (i, person) in people.iter().copied().enumerate() {
        let (db, cache) = (db.clone(), cache.clone());
        writers.push(tokio::spawn(async move {
            bids::place(&db, person, run_id, oil, qty("1"), "")
                .await
                .unwrap();
            // Reading while others still write fills the cache with in-between states.
            detail::detail_cached(&db, &cache, person, run_id)
                .await
                .unwrap();
            i
        }));
    }
    for writer in writers {
        writer.await.unwrap();
    }
    let run = detail::detail_cached(&db, &cache, leader, run_id)
        .await
        .unwrap();
    assert_eq!(run.products[0].total, Quantity::units(10));
    assert_eq!(run.products[0].bids.len(), 10);
}
