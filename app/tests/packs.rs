//! Packs on a real Postgres: how a store sells a product, tolerance on bids through both bid
//! paths (the one-statement plain bid and the general transaction), the pack meter the run page
//! shows, and "take the rest" completing a pack exactly once however many press it at once.

use app::domain::packs::{Granularity, PackRule};
use app::domain::quantity::Quantity;
use app::domain::run::BidAmount;
use app::error::ErrorCode;
use app::server::db::MIGRATOR;
use app::server::packs;
use app::server::runs::{bids, detail};
use sqlx::PgPool;
use uuid::Uuid;

mod common;

use common::{open_run, qty, user, world};

fn units(n: i64) -> Quantity {
    Quantity::units(n)
}

fn with_tolerance(quantity: i64, tolerance: i64) -> BidAmount {
    BidAmount::Quantity {
        quantity: units(quantity),
        tolerance: units(tolerance),
    }
}

fn case_of(size: i64) -> PackRule {
    PackRule {
        size: Some(units(size)),
        minimum: None,
        granularity: Granularity::WholeUnits,
    }
}

/// Three friends and a run at a store that sells product 0 by the case of 12.
struct Case {
    db: PgPool,
    people: Vec<Uuid>,
    run_id: Uuid,
    product: Uuid,
}

async fn three_friends(db: PgPool) -> Case {
    let leader = user(&db, "leader").await;
    let mut people = vec![leader];
    for name in ["ana", "bojan", "vera"] {
        people.push(user(&db, name).await);
    }
    let world = world(&db, leader, &people[1..], 2).await;
    let product = world.products[0];
    packs::set(&db, leader, world.store_id, product, Some(&case_of(12)))
        .await
        .unwrap();
    let run_id = open_run(&db, leader, &world).await;
    Case {
        db,
        people,
        run_id,
        product,
    }
}

impl Case {
    async fn bid(&self, who: usize, amount: BidAmount) -> Result<Quantity, ErrorCode> {
        bids::place(
            &self.db,
            self.people[who],
            self.run_id,
            self.product,
            amount,
            "",
        )
        .await
        .map(|outcome| outcome.total)
        .map_err(|error| error.code)
    }
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn tolerance_is_kept_on_both_bid_paths_and_the_meter_counts_it(db: PgPool) {
    let case = three_friends(db).await;
    // First bids take the general path (they make a participant), changes the plain one.
    case.bid(1, with_tolerance(4, 0)).await.unwrap();
    case.bid(2, with_tolerance(3, 1)).await.unwrap();
    case.bid(3, with_tolerance(2, 3)).await.unwrap();
    case.bid(2, with_tolerance(3, 2)).await.unwrap();
    let run = detail::detail(&case.db, case.people[0], case.run_id)
        .await
        .unwrap();
    let product = &run.products[0];
    assert_eq!(product.pack, Some(case_of(12)));
    assert_eq!(product.total, units(9));
    assert_eq!(product.tolerance(), units(5));
    let meter = product.meter().unwrap();
    assert_eq!((meter.open, meter.to_complete()), (units(9), units(3)));
    assert!(
        meter.filled_by_tolerance(),
        "2 + 3 offered cover the 3 missing"
    );
    assert_eq!(meter.packs_to_buy(), 1);
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn bids_that_do_not_fit_how_the_product_is_sold_are_refused_on_both_paths(db: PgPool) {
    let case = three_friends(db).await;
    let half = BidAmount::of(Quantity::from_thousandths(1_500));
    assert_eq!(case.bid(1, half).await, Err(ErrorCode::WholeUnitsOnly));
    case.bid(1, with_tolerance(2, 0)).await.unwrap();
    // Now a participant: the plain path sees these first and hands them on to be refused.
    assert_eq!(case.bid(1, half).await, Err(ErrorCode::WholeUnitsOnly));
    assert_eq!(
        case.bid(1, with_tolerance(2, 13)).await,
        Err(ErrorCode::ToleranceInvalid),
        "at most one pack"
    );
    let loose = case.people[1];
    let refused = bids::place(
        &case.db,
        loose,
        case.run_id,
        // Product 1 is sold loose: no pack to fill.
        sqlx::query_scalar::<_, Uuid>("SELECT id FROM products WHERE name = 'Product 001'")
            .fetch_one(&case.db)
            .await
            .unwrap(),
        with_tolerance(1, 1),
        "",
    )
    .await
    .unwrap_err();
    assert_eq!(refused.code, ErrorCode::ToleranceInvalid);
    let stored: (i64, i64) = sqlx::query_as(
        "SELECT count(*), (sum(tolerance) * 1000)::bigint FROM bids WHERE run_id = $1",
    )
    .bind(case.run_id)
    .fetch_one(&case.db)
    .await
    .unwrap();
    assert_eq!(stored, (1, 0), "nothing refused was written");
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn taking_the_rest_completes_the_pack_exactly_once(db: PgPool) {
    let case = three_friends(db).await;
    case.bid(1, with_tolerance(4, 0)).await.unwrap();
    case.bid(2, qty("3")).await.unwrap();
    case.bid(3, qty("2")).await.unwrap();
    let seen = units(9);
    let presses = (1..=3).map(|who| {
        let db = case.db.clone();
        let viewer = case.people[who];
        let (run_id, product) = (case.run_id, case.product);
        tokio::spawn(async move { bids::take_rest(&db, viewer, run_id, product, seen).await })
    });
    let mut taken = 0;
    for press in presses {
        match press.await.unwrap() {
            Ok(outcome) => {
                taken += 1;
                assert_eq!(outcome.total, units(12));
            }
            Err(error) => assert_eq!(error.code, ErrorCode::PackAlreadyFull),
        }
    }
    assert_eq!(
        taken, 1,
        "one press completes the pack, the others are told"
    );
    let total: i64 = sqlx::query_scalar(
        "SELECT (sum(quantity) * 1000)::bigint FROM bids WHERE run_id = $1 AND product_id = $2",
    )
    .bind(case.run_id)
    .bind(case.product)
    .fetch_one(&case.db)
    .await
    .unwrap();
    assert_eq!(total, 12_000);
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn taking_the_rest_of_a_pack_that_changed_is_refused(db: PgPool) {
    let case = three_friends(db).await;
    case.bid(1, qty("4")).await.unwrap();
    case.bid(2, qty("3")).await.unwrap();
    let taken = bids::take_rest(
        &case.db,
        case.people[3],
        case.run_id,
        case.product,
        units(4),
    )
    .await
    .unwrap_err();
    assert_eq!(
        taken.code,
        ErrorCode::PackChanged,
        "the page showed 4, it is 7"
    );
    let taken = bids::take_rest(
        &case.db,
        case.people[3],
        case.run_id,
        case.product,
        units(7),
    )
    .await
    .unwrap();
    assert_eq!(taken.total, units(12));
    let run = detail::detail(&case.db, case.people[3], case.run_id)
        .await
        .unwrap();
    let mine = run.viewer_bid(&run.products[0]).unwrap();
    assert_eq!(
        mine.quantity,
        units(5),
        "a new bid of exactly what was missing"
    );
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn saying_how_a_store_sells_a_product_moves_open_runs(db: PgPool) {
    let case = three_friends(db).await;
    case.bid(1, qty("4")).await.unwrap();
    let store_id: Uuid = sqlx::query_scalar("SELECT store_id FROM runs WHERE id = $1")
        .bind(case.run_id)
        .fetch_one(&case.db)
        .await
        .unwrap();
    let before: i64 = sqlx::query_scalar("SELECT count(*) FROM event_outbox WHERE run_id = $1")
        .bind(case.run_id)
        .fetch_one(&case.db)
        .await
        .unwrap();
    packs::set(&case.db, case.people[2], store_id, case.product, None)
        .await
        .unwrap();
    let after: i64 = sqlx::query_scalar("SELECT count(*) FROM event_outbox WHERE run_id = $1")
        .bind(case.run_id)
        .fetch_one(&case.db)
        .await
        .unwrap();
    assert_eq!(after, before + 1, "the run's page hears of it");
    let run = detail::detail(&case.db, case.people[0], case.run_id)
        .await
        .unwrap();
    assert_eq!(run.products[0].pack, None, "sold loose now");
    let missing = packs::set(&case.db, case.people[2], Uuid::new_v4(), case.product, None)
        .await
        .unwrap_err();
    assert_eq!(missing.code, ErrorCode::StoreNotFound);
}
