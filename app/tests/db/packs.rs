//! Packs on a real Postgres: how a store sells a product, tolerance on bids through both bid
//! paths (the one-statement plain bid and the general transaction), the pack meter the run page
//! shows, "take the rest" completing a pack exactly once however many press it at once, and
//! packs through the whole run: confirming with the leader's rounding, reopening, the shopping
//! list in packs, and the share-out by the pack rule to the cent.

use app::domain::allocation::AllocationReason;
use app::domain::packs::{Granularity, PackRule, Rounding};
use app::domain::purchase::{PackPurchase, Purchase};
use app::domain::quantity::Quantity;
use app::domain::run::BidAmount;
use app::domain::run_state::RunState;
use app::error::ErrorCode;
use app::model::{PackOrder, RunDetail};
use app::server::cache::Cache;
use app::server::db::MIGRATOR;
use app::server::packs;
use app::server::runs;
use app::server::runs::shopping::{self, Entry, Record};
use app::server::runs::{bids, detail, distribution};
use sqlx::PgPool;
use uuid::Uuid;

use crate::common::{open_run, qty, user, world};

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

impl Case {
    async fn run(&self) -> RunDetail {
        detail::detail(&self.db, self.people[0], self.run_id)
            .await
            .unwrap()
    }

    /// Each person's bid on the product: (who, holds, asked before the packs).
    async fn held(&self) -> Vec<(usize, Quantity, Option<Quantity>)> {
        let run = self.run().await;
        let mut held: Vec<_> = run.products[0]
            .bids
            .iter()
            .map(|bid| {
                let who = self
                    .people
                    .iter()
                    .position(|id| *id == run.participants[bid.participant].user_id)
                    .unwrap();
                (who, bid.quantity, bid.asked)
            })
            .collect();
        held.sort_by_key(|(who, _, _)| *who);
        held
    }

    /// The leader takes the list to the store, buys, and is done shopping.
    async fn shop(&self, record: Record) -> RunState {
        let leader = self.people[0];
        shopping::start(&self.db, leader, self.run_id)
            .await
            .unwrap();
        let entry = Entry {
            product_id: self.product,
            variant: None,
            currency: "EUR",
            record,
            correcting: false,
        };
        shopping::record(&self.db, &Cache::disabled(), leader, self.run_id, &entry)
            .await
            .unwrap();
        shopping::complete(&self.db, leader, self.run_id)
            .await
            .unwrap()
    }

    /// What each person got of the product and paid, by who.
    async fn shares(&self) -> Vec<(usize, Quantity, i64, AllocationReason)> {
        let run = self.run().await;
        let mut shares: Vec<_> = run
            .distribution
            .iter()
            .flat_map(|person| {
                let who = self
                    .people
                    .iter()
                    .position(|id| *id == person.user_id)
                    .unwrap();
                person
                    .shares
                    .iter()
                    .map(move |share| (who, share.quantity, share.cost_minor, share.reason))
            })
            .collect();
        shares.sort_by_key(|(who, ..)| *who);
        shares
    }
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn three_friends_fill_a_case_and_every_jar_and_cent_adds_up(db: PgPool) {
    let case = three_friends(db).await;
    // 4 + 3 (+2) + 2 (+3) of a case of 12: 9 asked, the 3 missing come from tolerance 2 : 3,
    // 1.2 and 1.8 jars, whole jars by largest remainder: 1 and 2.
    case.bid(1, with_tolerance(4, 0)).await.unwrap();
    case.bid(2, with_tolerance(3, 2)).await.unwrap();
    case.bid(3, with_tolerance(2, 3)).await.unwrap();
    runs::confirm(&case.db, case.people[0], case.run_id, &[])
        .await
        .unwrap();
    let run = case.run().await;
    assert_eq!(
        run.products[0].order,
        Some(PackOrder {
            rounding: Rounding::Down,
            to_buy: units(12),
            packs: Some(1),
            absorbed: Quantity::ZERO,
        })
    );
    assert_eq!(
        case.held().await,
        vec![
            (1, units(4), None),
            (2, units(4), Some(units(3))),
            (3, units(4), Some(units(2))),
        ]
    );
    shopping::start(&case.db, case.people[0], case.run_id)
        .await
        .unwrap();
    let list = shopping::list(&case.db, case.people[1], case.run_id)
        .await
        .unwrap();
    assert_eq!(
        (list.items[0].requested, list.items[0].pack_size),
        (units(12), Some(units(12))),
        "the list asks for one case of 12"
    );
    let entry = Entry {
        product_id: case.product,
        variant: None,
        currency: "EUR",
        record: Record::BoughtPacks(PackPurchase::parse("1", "10.00", "", "EUR").unwrap()),
        correcting: false,
    };
    shopping::record(
        &case.db,
        &Cache::disabled(),
        case.people[0],
        case.run_id,
        &entry,
    )
    .await
    .unwrap();
    let state = shopping::complete(&case.db, case.people[0], case.run_id)
        .await
        .unwrap();
    assert_eq!(state, RunState::Distributing, "bought what was asked");
    // 10.00 for 12 jars, 4 jars each: 3.33⅓ each, the odd cent by largest remainder.
    let shares = case.shares().await;
    assert_eq!(shares.len(), 3);
    assert!(
        shares
            .iter()
            .all(|(_, quantity, cost, reason)| *quantity == units(4)
                && (333..=334).contains(cost)
                && *reason == AllocationReason::InFull)
    );
    assert_eq!(shares.iter().map(|(_, _, cost, _)| cost).sum::<i64>(), 1000);
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn the_leader_rounds_an_open_case_down_or_up_and_reopening_puts_the_asks_back(db: PgPool) {
    let case = three_friends(db).await;
    // 10 + 5 (+2) of a case of 12: one full case and 3 in the next, tolerance 2 cannot fill it.
    case.bid(1, with_tolerance(10, 0)).await.unwrap();
    case.bid(2, with_tolerance(5, 2)).await.unwrap();
    let leader = case.people[0];
    runs::confirm(&case.db, leader, case.run_id, &[case.product])
        .await
        .unwrap();
    // Up: two cases; Bojan's 2 of tolerance are used, the leader holds the 7 nobody asked for.
    let order = case.run().await.products[0].order.unwrap();
    assert_eq!(
        (order.rounding, order.to_buy, order.packs, order.absorbed),
        (Rounding::Up, units(24), Some(2), units(7))
    );
    assert_eq!(
        case.held().await,
        vec![
            (0, units(7), Some(Quantity::ZERO)),
            (1, units(10), None),
            (2, units(7), Some(units(5))),
        ]
    );
    assert_eq!(
        runs::reopen(&case.db, leader, case.run_id).await.unwrap(),
        RunState::Active
    );
    assert_eq!(
        case.held().await,
        vec![(1, units(10), None), (2, units(5), None)],
        "reopened, everyone asks what they asked"
    );
    assert_eq!(case.run().await.products[0].order, None);
    // Down: one case; the 3 over are cut 10 : 5, so 2 and 1.
    runs::confirm(&case.db, leader, case.run_id, &[])
        .await
        .unwrap();
    assert_eq!(
        case.held().await,
        vec![
            (1, units(8), Some(units(10))),
            (2, units(4), Some(units(5))),
        ]
    );
    let state = case
        .shop(Record::BoughtPacks(
            PackPurchase::parse("1", "", "24.00", "EUR").unwrap(),
        ))
        .await;
    assert_eq!(state, RunState::Distributing);
    let shares = case.shares().await;
    assert_eq!(
        shares,
        vec![
            (1, units(8), 1600, AllocationReason::InFull),
            (2, units(4), 800, AllocationReason::InFull),
        ]
    );
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn a_minimum_not_met_buys_nothing_and_leaves_the_list(db: PgPool) {
    let case = three_friends(db).await;
    let store_id: Uuid = sqlx::query_scalar("SELECT store_id FROM runs WHERE id = $1")
        .bind(case.run_id)
        .fetch_one(&case.db)
        .await
        .unwrap();
    let minimum = PackRule {
        size: None,
        minimum: Some(units(10)),
        granularity: Granularity::AnyAmount,
    };
    packs::set(
        &case.db,
        case.people[0],
        store_id,
        case.product,
        Some(&minimum),
    )
    .await
    .unwrap();
    case.bid(1, with_tolerance(3, 2)).await.unwrap();
    runs::confirm(&case.db, case.people[0], case.run_id, &[])
        .await
        .unwrap();
    assert_eq!(
        case.held().await,
        vec![(1, Quantity::ZERO, Some(units(3)))],
        "cut to nothing, the ask kept on the record"
    );
    shopping::start(&case.db, case.people[0], case.run_id)
        .await
        .unwrap();
    let list = shopping::list(&case.db, case.people[0], case.run_id)
        .await
        .unwrap();
    assert!(list.items.is_empty(), "nothing to buy");
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn a_shortage_in_the_store_is_shared_in_whole_jars(db: PgPool) {
    let case = three_friends(db).await;
    case.bid(1, qty("5")).await.unwrap();
    case.bid(2, qty("4")).await.unwrap();
    case.bid(3, qty("3")).await.unwrap();
    runs::confirm(&case.db, case.people[0], case.run_id, &[])
        .await
        .unwrap();
    // The store had half a case.
    let state = case
        .shop(Record::Bought(
            Purchase::parse("6", "", "6.00", "EUR").unwrap(),
        ))
        .await;
    assert_eq!(state, RunState::Adjusting);
    distribution::finish_adjusting(&case.db, case.people[0], case.run_id, true)
        .await
        .unwrap();
    // Cut 6 by 5 : 4 : 3 = 2.5, 2, 1.5 → 3, 2, 1 (the tie to the earlier bid): 2 jars each.
    let shares = case.shares().await;
    assert_eq!(
        shares,
        vec![
            (1, units(2), 200, AllocationReason::ShortageCut),
            (2, units(2), 200, AllocationReason::ShortageCut),
            (3, units(2), 200, AllocationReason::ShortageCut),
        ]
    );
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn packs_are_recorded_only_for_what_was_planned_by_the_pack(db: PgPool) {
    let case = three_friends(db).await;
    // Sold loose: no pack to count in.
    packs::set(
        &case.db,
        case.people[0],
        store_of(&case).await,
        case.product,
        None,
    )
    .await
    .unwrap();
    case.bid(1, qty("5")).await.unwrap();
    runs::confirm(&case.db, case.people[0], case.run_id, &[])
        .await
        .unwrap();
    shopping::start(&case.db, case.people[0], case.run_id)
        .await
        .unwrap();
    let entry = Entry {
        product_id: case.product,
        variant: None,
        currency: "EUR",
        record: Record::BoughtPacks(PackPurchase::parse("1", "10.00", "", "EUR").unwrap()),
        correcting: false,
    };
    let refused = shopping::record(
        &case.db,
        &Cache::disabled(),
        case.people[0],
        case.run_id,
        &entry,
    )
    .await
    .unwrap_err();
    assert_eq!(refused.code, ErrorCode::InvalidInput);
    let list = shopping::list(&case.db, case.people[0], case.run_id)
        .await
        .unwrap();
    assert!(list.items[0].purchase.is_none(), "nothing was recorded");
}

async fn store_of(case: &Case) -> Uuid {
    sqlx::query_scalar("SELECT store_id FROM runs WHERE id = $1")
        .bind(case.run_id)
        .fetch_one(&case.db)
        .await
        .unwrap()
}
