//! Shopping, adjusting and distribution on a real Postgres: building the list when shopping
//! starts, recording purchases (corrections, order, out of stock, price observations, who may),
//! the three ways shopping completes, adding a product in the store, object-level checks across
//! runs, re-balancing bids while adjusting (alone and 20 people at once), finishing adjusting
//! (checked or forced, with exact shares and costs), pick-ups and completing the run, and what
//! leaving the group does to bids once goods were bought; a group's currency locks once a run has
//! prices.

use app::domain::allocation::AllocationReason;
use app::domain::group::CurrencyCode;
use app::domain::paging::PageRequest;
use app::domain::purchase::Purchase;
use app::domain::quantity::{MAX_PURCHASE, Quantity};
use app::domain::run::BidAmount;
use app::domain::run_state::RunState;
use app::error::{AppResult, ErrorCode};
use app::model::{RunDetail, ShareView, ShoppingItemView, ShoppingList};
use app::server::cache::Cache;
use app::server::db::MIGRATOR;
use app::server::runs::distribution::{self, PickUp};
use app::server::runs::shelf_prices::{self, ShelfPrice};
use app::server::runs::shopping::{self, Entry, Record};
use app::server::runs::{bids, detail, leadership};
use app::server::{groups, prices, runs};
use sqlx::PgPool;
use uuid::Uuid;

use crate::common::{notifications, open_run, qty, user, world};

/// An exact quantity from text ("0.667").
fn q(text: &str) -> Quantity {
    Quantity::parse_up_to(text, MAX_PURCHASE).unwrap()
}

async fn bid(db: &PgPool, who: Uuid, run_id: Uuid, product_id: Uuid, quantity: &str) {
    bids::place(db, who, run_id, product_id, qty(quantity), "")
        .await
        .unwrap();
}

/// The leader confirms the orders and takes them to the store.
async fn go_shopping(db: &PgPool, leader: Uuid, run_id: Uuid) {
    runs::confirm(db, leader, run_id, &[]).await.unwrap();
    assert_eq!(
        shopping::start(db, leader, run_id).await.unwrap(),
        RunState::Shopping
    );
}

/// Records `quantity` of a product bought for `total` (in EUR).
async fn buy(
    db: &PgPool,
    shopper: Uuid,
    run_id: Uuid,
    product_id: Uuid,
    quantity: &str,
    total: &str,
) -> AppResult<()> {
    let entry = Entry {
        product_id,
        variant: None,
        currency: "EUR",
        record: Record::Bought(Purchase::parse(quantity, "", total, "EUR").unwrap()),
        correcting: false,
    };
    shopping::record(db, &Cache::disabled(), shopper, run_id, &entry).await
}

async fn out_of_stock(db: &PgPool, shopper: Uuid, run_id: Uuid, product_id: Uuid) -> AppResult<()> {
    let entry = Entry {
        product_id,
        variant: None,
        currency: "EUR",
        record: Record::OutOfStock,
        correcting: false,
    };
    shopping::record(db, &Cache::disabled(), shopper, run_id, &entry).await
}

fn item(list: &ShoppingList, product_id: Uuid) -> Option<&ShoppingItemView> {
    list.items.iter().find(|item| item.product_id == product_id)
}

/// The committed total of a product's live bids.
async fn total_of(db: &PgPool, viewer: Uuid, run_id: Uuid, product_id: Uuid) -> Quantity {
    detail::detail(db, viewer, run_id)
        .await
        .unwrap()
        .products
        .iter()
        .find(|p| p.product_id == product_id)
        .map_or(Quantity::ZERO, |p| p.total)
}

/// One person's share of one product, once the goods are shared out.
fn share(run: &RunDetail, who: Uuid, product_id: Uuid) -> Option<&ShareView> {
    run.distribution
        .iter()
        .find(|person| person.user_id == who)?
        .shares
        .iter()
        .find(|share| share.product_id == product_id)
}

/// All shares of one product.
fn shares_of(run: &RunDetail, product_id: Uuid) -> Vec<&ShareView> {
    run.distribution
        .iter()
        .flat_map(|person| person.shares.iter())
        .filter(|share| share.product_id == product_id)
        .collect()
}

/// The shares of a product add up to exactly what was bought, their costs to what was paid.
fn assert_exact(run: &RunDetail, product_id: Uuid, bought: Quantity, paid_minor: i64) {
    let shares = shares_of(run, product_id);
    let quantity: Quantity = shares.iter().map(|s| s.quantity).sum();
    let cost: i64 = shares.iter().map(|s| s.cost_minor).sum();
    assert_eq!(quantity, bought, "shares add up to what was bought");
    assert_eq!(cost, paid_minor, "costs add up to what was paid");
}

async fn observations(db: &PgPool, product_id: Uuid) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM price_observations WHERE product_id = $1")
        .bind(product_id)
        .fetch_one(db)
        .await
        .unwrap()
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn starting_shopping_lists_each_committed_product_once_and_only_the_leader_starts(
    db: PgPool,
) {
    let leader = user(&db, "leader").await;
    let alice = user(&db, "alice").await;
    let bob = user(&db, "bob").await;
    let carol = user(&db, "carol").await;
    let dave = user(&db, "dave").await;
    let outsider = user(&db, "outsider").await;
    let world = world(&db, leader, &[alice, bob, carol, dave], 3).await;
    let (oil, rice, salt) = (world.products[0], world.products[1], world.products[2]);
    let run_id = open_run(&db, leader, &world).await;
    bid(&db, alice, run_id, oil, "2").await;
    bid(&db, bob, run_id, oil, "1.5").await;
    bids::place(&db, bob, run_id, rice, BidAmount::InterestedOnly, "")
        .await
        .unwrap();
    bid(&db, alice, run_id, salt, "1").await;
    bids::place(&db, leader, run_id, salt, BidAmount::InterestedOnly, "")
        .await
        .unwrap();
    leadership::set_helper(&db, leader, run_id, carol, true)
        .await
        .unwrap();

    let refused = shopping::start(&db, leader, run_id).await.unwrap_err();
    assert_eq!(
        refused.code,
        ErrorCode::RunStateForbids,
        "not before the orders are confirmed"
    );
    runs::confirm(&db, leader, run_id, &[]).await.unwrap();
    for (who, code) in [
        (carol, ErrorCode::NotRunLeader),
        (alice, ErrorCode::NotRunLeader),
        (dave, ErrorCode::NotRunLeader),
        (outsider, ErrorCode::RunNotFound),
    ] {
        let refused = shopping::start(&db, who, run_id).await.unwrap_err();
        assert_eq!(refused.code, code);
    }
    assert_eq!(
        detail::detail(&db, leader, run_id).await.unwrap().state,
        RunState::Confirmed,
        "a refused start changes nothing"
    );

    assert_eq!(
        shopping::start(&db, leader, run_id).await.unwrap(),
        RunState::Shopping
    );
    let list = shopping::list(&db, alice, run_id).await.unwrap();
    assert_eq!(list.state, RunState::Shopping);
    assert_eq!(list.currency, "EUR");
    assert_eq!(
        list.items.len(),
        2,
        "one item per product with a committed bid"
    );
    let oil_item = item(&list, oil).unwrap();
    assert_eq!(oil_item.requested, q("3.5"));
    assert!(!oil_item.added_in_store);
    assert!(oil_item.purchase.is_none());
    assert_eq!(
        item(&list, salt).unwrap().requested,
        q("1"),
        "interested bids ask for nothing"
    );
    assert!(
        item(&list, rice).is_none(),
        "only interested bids: nothing to buy"
    );
    assert_eq!(list.spent_minor(), 0);
    // Told when the orders were confirmed and when shopping started.
    assert_eq!(notifications(&db, alice, "run_state_changed").await, 2);
    assert_eq!(notifications(&db, carol, "run_state_changed").await, 2);

    let again = shopping::start(&db, leader, run_id).await.unwrap_err();
    assert_eq!(again.code, ErrorCode::RunStateForbids);
    let frozen = bids::place(&db, alice, run_id, oil, qty("5"), "")
        .await
        .unwrap_err();
    assert_eq!(
        frozen.code,
        ErrorCode::RunStateForbids,
        "no bids while shopping"
    );
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn shopping_with_nothing_bought_completes_the_run(db: PgPool) {
    let leader = user(&db, "leader").await;
    let alice = user(&db, "alice").await;
    let carol = user(&db, "carol").await;
    let world = world(&db, leader, &[alice, carol], 2).await;
    let (oil, rice) = (world.products[0], world.products[1]);
    let run_id = open_run(&db, leader, &world).await;
    bid(&db, alice, run_id, oil, "2").await;
    bid(&db, alice, run_id, rice, "1").await;
    leadership::set_helper(&db, leader, run_id, carol, true)
        .await
        .unwrap();
    go_shopping(&db, leader, run_id).await;
    out_of_stock(&db, leader, run_id, oil).await.unwrap();

    let refused = shopping::complete(&db, carol, run_id).await.unwrap_err();
    assert_eq!(refused.code, ErrorCode::NotRunLeader, "a helper only shops");
    let refused = shopping::complete(&db, alice, run_id).await.unwrap_err();
    assert_eq!(refused.code, ErrorCode::NotRunLeader);

    // Rice was never recorded, oil was out of stock.
    assert_eq!(
        shopping::complete(&db, leader, run_id).await.unwrap(),
        RunState::Completed
    );
    let run = detail::detail(&db, alice, run_id).await.unwrap();
    assert_eq!(run.state, RunState::Completed);
    assert!(run.distribution.is_empty(), "nothing to share out");
    let product = run.products.iter().find(|p| p.product_id == oil).unwrap();
    assert_eq!(product.bought, Some(Quantity::ZERO));
    let product = run.products.iter().find(|p| p.product_id == rice).unwrap();
    assert_eq!(product.bought, None);
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn everything_bought_as_asked_goes_straight_to_distribution_with_exact_costs(db: PgPool) {
    let leader = user(&db, "leader").await;
    let alice = user(&db, "alice").await;
    let bob = user(&db, "bob").await;
    let carol = user(&db, "carol").await;
    let world = world(&db, leader, &[alice, bob, carol], 3).await;
    let (oil, rice, salt) = (world.products[0], world.products[1], world.products[2]);
    let run_id = open_run(&db, leader, &world).await;
    bid(&db, alice, run_id, oil, "1").await;
    bid(&db, bob, run_id, oil, "2").await;
    bids::place(&db, carol, run_id, oil, BidAmount::InterestedOnly, "")
        .await
        .unwrap();
    bid(&db, leader, run_id, rice, "1").await;
    bid(&db, alice, run_id, rice, "1").await;
    bid(&db, bob, run_id, rice, "1").await;
    bid(&db, carol, run_id, salt, "4").await;
    go_shopping(&db, leader, run_id).await;
    buy(&db, leader, run_id, oil, "3", "10.00").await.unwrap();
    buy(&db, leader, run_id, rice, "3", "10.00").await.unwrap();
    out_of_stock(&db, leader, run_id, salt).await.unwrap();

    assert_eq!(
        shopping::complete(&db, leader, run_id).await.unwrap(),
        RunState::Distributing
    );
    let run = detail::detail(&db, alice, run_id).await.unwrap();
    assert_eq!(run.state, RunState::Distributing);
    assert_eq!(run.currency, "EUR");

    // 10.00 split 1:2 — 3.333… and 6.666…: the odd cent goes to the larger remainder.
    let alices = share(&run, alice, oil).unwrap();
    assert_eq!(
        (alices.asked, alices.quantity, alices.cost_minor),
        (q("1"), q("1"), 333)
    );
    assert_eq!(alices.reason, AllocationReason::InFull);
    assert_eq!(alices.unit_price_minor, 333);
    assert!(!alices.picked_up);
    let bobs = share(&run, bob, oil).unwrap();
    assert_eq!(
        (bobs.asked, bobs.quantity, bobs.cost_minor),
        (q("2"), q("2"), 667)
    );
    assert_eq!(bobs.reason, AllocationReason::InFull);
    assert!(
        share(&run, carol, oil).is_none(),
        "an interested bid gets nothing"
    );
    assert_exact(&run, oil, q("3"), 1000);

    // Three equal asks of 10.00: 3.34 + 3.33 + 3.33, the cent by the smaller key.
    let mut costs: Vec<i64> = shares_of(&run, rice).iter().map(|s| s.cost_minor).collect();
    costs.sort_unstable();
    assert_eq!(costs, vec![333, 333, 334]);
    assert!(
        shares_of(&run, rice)
            .iter()
            .all(|s| s.quantity == q("1") && s.reason == AllocationReason::InFull)
    );
    assert_exact(&run, rice, q("3"), 1000);

    assert!(shares_of(&run, salt).is_empty(), "out of stock: no shares");
    let carols = run
        .distribution
        .iter()
        .find(|p| p.user_id == carol)
        .map_or(0, |p| p.total_minor());
    assert_eq!(carols, 0, "carol pays nothing");
    let alices_total = run
        .distribution
        .iter()
        .find(|p| p.user_id == alice)
        .unwrap()
        .total_minor();
    assert_eq!(
        alices_total,
        333 + share(&run, alice, rice).unwrap().cost_minor
    );
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn one_item_bought_short_needs_adjusting(db: PgPool) {
    let leader = user(&db, "leader").await;
    let alice = user(&db, "alice").await;
    let bob = user(&db, "bob").await;
    let world = world(&db, leader, &[alice, bob], 2).await;
    let (oil, rice) = (world.products[0], world.products[1]);
    let run_id = open_run(&db, leader, &world).await;
    bid(&db, alice, run_id, oil, "1").await;
    bid(&db, bob, run_id, oil, "2").await;
    bid(&db, alice, run_id, rice, "1").await;
    bid(&db, bob, run_id, rice, "1").await;
    go_shopping(&db, leader, run_id).await;
    buy(&db, leader, run_id, oil, "3", "9.00").await.unwrap();
    buy(&db, leader, run_id, rice, "1", "2.00").await.unwrap();

    assert_eq!(
        shopping::complete(&db, leader, run_id).await.unwrap(),
        RunState::Adjusting
    );
    let run = detail::detail(&db, alice, run_id).await.unwrap();
    assert_eq!(run.state, RunState::Adjusting);
    assert!(
        run.distribution.is_empty(),
        "nothing is shared out before adjusting ends"
    );
    let rice_product = run.products.iter().find(|p| p.product_id == rice).unwrap();
    assert_eq!(rice_product.bought, Some(q("1")));
    assert_eq!(rice_product.total, q("2"));
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn recording_purchases_corrections_order_out_of_stock_prices_and_who_may(db: PgPool) {
    let leader = user(&db, "leader").await;
    let alice = user(&db, "alice").await;
    let carol = user(&db, "carol").await;
    let world = world(&db, leader, &[alice, carol], 4).await;
    let (oil, rice, salt, sugar) = (
        world.products[0],
        world.products[1],
        world.products[2],
        world.products[3],
    );
    let run_id = open_run(&db, leader, &world).await;
    for product in &world.products {
        bid(&db, alice, run_id, *product, "2").await;
    }
    leadership::set_helper(&db, leader, run_id, carol, true)
        .await
        .unwrap();
    // The price seen at the store before the trip: 5.00 a kg of oil.
    let eur = CurrencyCode::parse("EUR").unwrap();
    prices::record(
        &db,
        &Cache::disabled(),
        alice,
        prices::Observation {
            product_id: oil,
            store_id: world.store_id,
            amount_minor: 500,
            currency: &eur,
            note: "",
            pack_size: None,
        },
    )
    .await
    .unwrap();
    go_shopping(&db, leader, run_id).await;

    buy(&db, leader, run_id, oil, "2", "10.00").await.unwrap();
    assert_eq!(
        observations(&db, oil).await,
        1,
        "the price paid is the price seen: no new observation"
    );
    let list = shopping::list(&db, alice, run_id).await.unwrap();
    let purchase = item(&list, oil).unwrap().purchase.clone().unwrap();
    assert_eq!(purchase.quantity, q("2"));
    assert_eq!(purchase.total_minor, 1000);
    assert_eq!(purchase.unit_price_minor, 500);
    assert_eq!(purchase.order, 1);
    assert_eq!(purchase.by, "leader");

    let twice = buy(&db, carol, run_id, oil, "2", "12.00")
        .await
        .unwrap_err();
    assert_eq!(
        twice.code,
        ErrorCode::ItemAlreadyRecorded,
        "nobody overwrites a record they did not see"
    );
    let correction = Entry {
        product_id: oil,
        variant: None,
        currency: "EUR",
        record: Record::Bought(Purchase::parse("2", "", "12.00", "EUR").unwrap()),
        correcting: true,
    };
    shopping::record(&db, &Cache::disabled(), carol, run_id, &correction)
        .await
        .unwrap();
    assert_eq!(observations(&db, oil).await, 2, "a new price is observed");
    let list = shopping::list(&db, alice, run_id).await.unwrap();
    let oil_item = item(&list, oil).unwrap();
    let purchase = oil_item.purchase.clone().unwrap();
    assert_eq!(purchase.total_minor, 1200, "the correction replaced it");
    assert_eq!(purchase.unit_price_minor, 600);
    assert_eq!(purchase.order, 1, "a correction keeps its place");
    assert_eq!(purchase.by, "carol");
    assert_eq!(
        oil_item.last_price().map(|p| p.amount_minor),
        Some(500),
        "the last price is the one seen before buying"
    );

    // A helper records; out of stock is a record of nothing.
    out_of_stock(&db, carol, run_id, rice).await.unwrap();
    buy(&db, carol, run_id, salt, "2", "3.00").await.unwrap();
    assert_eq!(
        observations(&db, salt).await,
        1,
        "a first price is a new one"
    );
    assert_eq!(
        observations(&db, rice).await,
        0,
        "out of stock has no price"
    );
    let list = shopping::list(&db, leader, run_id).await.unwrap();
    let rice_item = item(&list, rice).unwrap();
    assert!(rice_item.out_of_stock());
    let purchase = rice_item.purchase.clone().unwrap();
    assert_eq!(purchase.quantity, Quantity::ZERO);
    assert_eq!(purchase.total_minor, 0);
    assert_eq!(purchase.order, 2);
    assert_eq!(
        item(&list, salt).unwrap().purchase.as_ref().unwrap().order,
        3
    );
    assert_eq!(list.spent_minor(), 1200 + 300);
    let orders: Vec<Option<i32>> = list
        .items
        .iter()
        .map(|i| i.purchase.as_ref().map(|p| p.order))
        .collect();
    assert_eq!(
        orders,
        vec![None, Some(1), Some(2), Some(3)],
        "not yet recorded first, then in the order recorded"
    );

    // A mistaken record goes back on the list, and comes back last.
    shopping::unrecord(&db, leader, run_id, rice).await.unwrap();
    let list = shopping::list(&db, leader, run_id).await.unwrap();
    assert!(!item(&list, rice).unwrap().is_recorded());
    buy(&db, leader, run_id, rice, "2", "4.00").await.unwrap();
    let list = shopping::list(&db, leader, run_id).await.unwrap();
    assert_eq!(
        item(&list, rice).unwrap().purchase.as_ref().unwrap().order,
        4
    );

    // A form made for another currency is refused, and records nothing.
    let dollars = Entry {
        product_id: sugar,
        variant: None,
        currency: "USD",
        record: Record::Bought(Purchase::parse("2", "", "5.00", "USD").unwrap()),
        correcting: false,
    };
    let refused = shopping::record(&db, &Cache::disabled(), leader, run_id, &dollars)
        .await
        .unwrap_err();
    assert_eq!(refused.code, ErrorCode::InvalidInput);
    let refused = buy(&db, alice, run_id, sugar, "2", "5.00")
        .await
        .unwrap_err();
    assert_eq!(
        refused.code,
        ErrorCode::NotRunLeaderOrHelper,
        "a participant does not record"
    );
    let refused = shopping::unrecord(&db, alice, run_id, oil)
        .await
        .unwrap_err();
    assert_eq!(refused.code, ErrorCode::NotRunLeaderOrHelper);
    let list = shopping::list(&db, leader, run_id).await.unwrap();
    assert!(!item(&list, sugar).unwrap().is_recorded());
    assert!(item(&list, oil).unwrap().is_recorded());
    assert_eq!(observations(&db, sugar).await, 0);
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn a_bulk_purchase_cheaper_than_a_cent_per_unit_can_be_recorded(db: PgPool) {
    let leader = user(&db, "leader").await;
    let alice = user(&db, "alice").await;
    let world = world(&db, leader, &[alice], 1).await;
    let cups = world.products[0];
    let run_id = open_run(&db, leader, &world).await;
    bid(&db, alice, run_id, cups, "1000").await;
    go_shopping(&db, leader, run_id).await;
    // 1000 paper cups for 4.99: the unit price rounds to 0 cents.
    buy(&db, leader, run_id, cups, "1000", "4.99")
        .await
        .expect("a cheap bulk purchase is recorded");
    let list = shopping::list(&db, leader, run_id).await.unwrap();
    assert_eq!(
        item(&list, cups)
            .unwrap()
            .purchase
            .as_ref()
            .unwrap()
            .total_minor,
        499
    );
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn a_shopper_reaches_only_the_items_and_shares_of_their_own_run(db: PgPool) {
    let leader = user(&db, "leader").await;
    let alice = user(&db, "alice").await;
    let other_leader = user(&db, "other leader").await;
    let bob = user(&db, "bob").await;
    let mine = world(&db, leader, &[alice], 1).await;
    let theirs = world(&db, other_leader, &[bob], 1).await;
    let (oil, rice) = (mine.products[0], theirs.products[0]);
    let my_run = open_run(&db, leader, &mine).await;
    let their_run = open_run(&db, other_leader, &theirs).await;
    bid(&db, alice, my_run, oil, "1").await;
    bid(&db, bob, their_run, rice, "1").await;
    go_shopping(&db, leader, my_run).await;
    go_shopping(&db, other_leader, their_run).await;

    let refused = buy(&db, leader, their_run, rice, "1", "2.00")
        .await
        .unwrap_err();
    assert_eq!(refused.code, ErrorCode::RunNotFound, "ids do not leak");
    let refused = shopping::unrecord(&db, leader, their_run, rice)
        .await
        .unwrap_err();
    assert_eq!(refused.code, ErrorCode::RunNotFound);
    let refused = shopping::add_item(&db, leader, their_run, oil, q("1"))
        .await
        .unwrap_err();
    assert_eq!(refused.code, ErrorCode::RunNotFound);
    let refused = shopping::list(&db, leader, their_run).await.unwrap_err();
    assert_eq!(refused.code, ErrorCode::RunNotFound);

    let refused = buy(&db, leader, my_run, rice, "1", "2.00")
        .await
        .unwrap_err();
    assert_eq!(
        refused.code,
        ErrorCode::ShoppingItemNotFound,
        "my run, their product"
    );
    let refused = shopping::unrecord(&db, leader, my_run, rice)
        .await
        .unwrap_err();
    assert_eq!(refused.code, ErrorCode::ShoppingItemNotFound);
    let list = shopping::list(&db, other_leader, their_run).await.unwrap();
    assert!(
        !item(&list, rice).unwrap().is_recorded(),
        "theirs untouched"
    );

    buy(&db, leader, my_run, oil, "1", "2.00").await.unwrap();
    assert_eq!(
        shopping::complete(&db, leader, my_run).await.unwrap(),
        RunState::Distributing
    );
    let refused = distribution::set_picked_up(&db, leader, my_run, bob, PickUp::Everything, true)
        .await
        .unwrap_err();
    assert_eq!(
        refused.code,
        ErrorCode::AllocationNotFound,
        "bob is not in my run"
    );
    let refused = distribution::set_picked_up(&db, leader, my_run, alice, PickUp::Item(rice), true)
        .await
        .unwrap_err();
    assert_eq!(refused.code, ErrorCode::AllocationNotFound);
    let refused =
        distribution::set_picked_up(&db, leader, their_run, bob, PickUp::Everything, true)
            .await
            .unwrap_err();
    assert_eq!(refused.code, ErrorCode::RunNotFound);
    let run = detail::detail(&db, leader, my_run).await.unwrap();
    assert!(!share(&run, alice, oil).unwrap().picked_up);
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn a_product_found_in_the_store_joins_the_list_as_the_shoppers_bid(db: PgPool) {
    let leader = user(&db, "leader").await;
    let alice = user(&db, "alice").await;
    let bob = user(&db, "bob").await;
    let carol = user(&db, "carol").await;
    let world = world(&db, leader, &[alice, bob, carol], 3).await;
    let (oil, water, juice) = (world.products[0], world.products[1], world.products[2]);
    let run_id = open_run(&db, leader, &world).await;
    bid(&db, alice, run_id, oil, "1").await;
    bids::place(&db, bob, run_id, juice, BidAmount::InterestedOnly, "")
        .await
        .unwrap();
    leadership::set_helper(&db, leader, run_id, carol, true)
        .await
        .unwrap();
    go_shopping(&db, leader, run_id).await;

    shopping::add_item(&db, leader, run_id, water, q("2.5"))
        .await
        .unwrap();
    let list = shopping::list(&db, alice, run_id).await.unwrap();
    let water_item = item(&list, water).unwrap();
    assert_eq!(water_item.requested, q("2.5"), "the quantity asked, not 1");
    assert!(water_item.added_in_store);
    let run = detail::detail(&db, leader, run_id).await.unwrap();
    let product = run.products.iter().find(|p| p.product_id == water).unwrap();
    assert_eq!(product.total, q("2.5"));
    assert_eq!(product.bids.len(), 1);
    assert_eq!(
        run.participants[product.bids[0].participant].user_id, leader,
        "the shopper's own bid"
    );

    let again = shopping::add_item(&db, leader, run_id, oil, q("1"))
        .await
        .unwrap_err();
    assert_eq!(again.code, ErrorCode::ItemAlreadyOnList);
    let again = shopping::add_item(&db, carol, run_id, water, q("1"))
        .await
        .unwrap_err();
    assert_eq!(again.code, ErrorCode::ItemAlreadyOnList);
    let refused = shopping::add_item(&db, alice, run_id, juice, q("1"))
        .await
        .unwrap_err();
    assert_eq!(refused.code, ErrorCode::NotRunLeaderOrHelper);
    let refused = shopping::add_item(&db, leader, run_id, Uuid::new_v4(), q("1"))
        .await
        .unwrap_err();
    assert_eq!(refused.code, ErrorCode::ProductNotFound);

    // Bob was only interested in juice: a helper adds it with her own ask.
    shopping::add_item(&db, carol, run_id, juice, q("1.5"))
        .await
        .unwrap();
    assert_eq!(total_of(&db, leader, run_id, juice).await, q("1.5"));
    let list = shopping::list(&db, alice, run_id).await.unwrap();
    assert_eq!(list.items.len(), 3);

    // Bought as asked, the added items go straight to their shoppers.
    buy(&db, leader, run_id, oil, "1", "4.00").await.unwrap();
    buy(&db, leader, run_id, water, "2.5", "2.50")
        .await
        .unwrap();
    buy(&db, carol, run_id, juice, "1.5", "3.00").await.unwrap();
    assert_eq!(
        shopping::complete(&db, leader, run_id).await.unwrap(),
        RunState::Distributing
    );
    let run = detail::detail(&db, leader, run_id).await.unwrap();
    let leaders = share(&run, leader, water).unwrap();
    assert_eq!((leaders.quantity, leaders.cost_minor), (q("2.5"), 250));
    assert_eq!(leaders.reason, AllocationReason::InFull);
    let carols = share(&run, carol, juice).unwrap();
    assert_eq!((carols.quantity, carols.cost_minor), (q("1.5"), 300));
    assert!(share(&run, bob, juice).is_none());
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn adding_more_than_a_bid_may_ask_in_the_store_is_refused_clearly(db: PgPool) {
    let leader = user(&db, "leader").await;
    let alice = user(&db, "alice").await;
    let world = world(&db, leader, &[alice], 2).await;
    let (oil, cups) = (world.products[0], world.products[1]);
    let run_id = open_run(&db, leader, &world).await;
    bid(&db, alice, run_id, oil, "1").await;
    go_shopping(&db, leader, run_id).await;
    // What the add-item form accepts (`api::shopping` parses up to MAX_PURCHASE).
    let refused = shopping::add_item(&db, leader, run_id, cups, q("10000"))
        .await
        .unwrap_err();
    assert_eq!(refused.code, ErrorCode::QuantityInvalid);
    let list = shopping::list(&db, leader, run_id).await.unwrap();
    assert!(item(&list, cups).is_none(), "nothing was added");
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn adjusting_moves_bids_only_towards_what_was_bought(db: PgPool) {
    let leader = user(&db, "leader").await;
    let alice = user(&db, "alice").await;
    let bob = user(&db, "bob").await;
    let carol = user(&db, "carol").await;
    let dave = user(&db, "dave").await;
    let world = world(&db, leader, &[alice, bob, carol, dave], 4).await;
    let (oil, rice, salt, sugar) = (
        world.products[0],
        world.products[1],
        world.products[2],
        world.products[3],
    );
    let run_id = open_run(&db, leader, &world).await;
    for product in [oil, rice, sugar] {
        bid(&db, alice, run_id, product, "1").await;
        bid(&db, bob, run_id, product, "2").await;
    }
    bids::place(&db, carol, run_id, rice, BidAmount::InterestedOnly, "")
        .await
        .unwrap();
    bid(&db, carol, run_id, salt, "1").await;
    go_shopping(&db, leader, run_id).await;
    buy(&db, leader, run_id, oil, "2", "6.00").await.unwrap(); // one short
    buy(&db, leader, run_id, rice, "4", "8.00").await.unwrap(); // one over
    buy(&db, leader, run_id, salt, "1", "1.00").await.unwrap(); // as asked
    buy(&db, leader, run_id, sugar, "2", "2.00").await.unwrap(); // one short
    assert_eq!(
        shopping::complete(&db, leader, run_id).await.unwrap(),
        RunState::Adjusting
    );
    let place = |who: Uuid, product: Uuid, amount: BidAmount| {
        let db = db.clone();
        async move { bids::place(&db, who, run_id, product, amount, "").await }
    };
    let refused = |result: AppResult<app::model::BidOutcome>| result.unwrap_err().code;

    // A shortage: bids only go down, and not below what was bought.
    assert_eq!(
        refused(place(alice, oil, qty("1.5")).await),
        ErrorCode::AdjustOnlyDown
    );
    assert_eq!(
        refused(place(bob, oil, qty("0.5")).await),
        ErrorCode::AdjustBelowBought
    );
    assert_eq!(
        refused(bids::retract(&db, bob, run_id, oil).await),
        ErrorCode::AdjustBelowBought,
        "the shortage does not cover bob's whole bid"
    );
    assert_eq!(
        refused(place(carol, oil, qty("1")).await),
        ErrorCode::AdjustNewProduct
    );
    assert_eq!(
        refused(place(dave, oil, qty("1")).await),
        ErrorCode::NotRunParticipant,
        "nobody joins a run while it is adjusted"
    );
    assert_eq!(total_of(&db, leader, run_id, oil).await, q("3"));
    let outcome = place(bob, oil, qty("1.5")).await.unwrap();
    assert_eq!(outcome.total, q("2.5"));
    let outcome = place(alice, oil, qty("0.5")).await.unwrap();
    assert_eq!(outcome.total, q("2"), "balanced");
    assert_eq!(
        refused(place(bob, oil, qty("1.4")).await),
        ErrorCode::NothingToAdjust
    );
    assert_eq!(
        refused(bids::retract(&db, alice, run_id, oil).await),
        ErrorCode::NothingToAdjust
    );

    // The shortage covers alice's whole bid: she may take it back, and then it is balanced.
    let outcome = bids::retract(&db, alice, run_id, sugar).await.unwrap();
    assert_eq!(outcome.total, q("2"));
    assert_eq!(
        refused(bids::retract(&db, bob, run_id, sugar).await),
        ErrorCode::NothingToAdjust
    );

    // A surplus: bids only go up, and not beyond what was bought.
    assert_eq!(
        refused(place(alice, rice, qty("0.5")).await),
        ErrorCode::AdjustOnlyUp
    );
    assert_eq!(
        refused(bids::retract(&db, bob, run_id, rice).await),
        ErrorCode::AdjustOnlyUp
    );
    assert_eq!(
        refused(place(alice, rice, qty("2.001")).await),
        ErrorCode::AdjustAboveBought
    );
    let outcome = place(carol, rice, qty("0.5")).await.unwrap();
    assert_eq!(
        outcome.total,
        q("3.5"),
        "someone only interested may take some"
    );
    assert_eq!(
        refused(place(alice, rice, qty("1.501")).await),
        ErrorCode::AdjustAboveBought,
        "the surplus left is what counts"
    );
    let outcome = place(alice, rice, qty("1.5")).await.unwrap();
    assert_eq!(outcome.total, q("4"));
    assert_eq!(
        refused(place(bob, rice, qty("2.1")).await),
        ErrorCode::NothingToAdjust
    );
    assert_eq!(
        refused(place(carol, salt, qty("1.1")).await),
        ErrorCode::NothingToAdjust,
        "bought as asked"
    );

    // Everything balanced: finishing needs no force and shares out in full.
    assert_eq!(
        distribution::finish_adjusting(&db, leader, run_id, false)
            .await
            .unwrap(),
        RunState::Distributing
    );
    let run = detail::detail(&db, leader, run_id).await.unwrap();
    let alices = share(&run, alice, oil).unwrap();
    assert_eq!((alices.asked, alices.quantity), (q("0.5"), q("0.5")));
    assert!(share(&run, alice, sugar).is_none(), "she took it back");
    assert_eq!(share(&run, carol, rice).unwrap().quantity, q("0.5"));
    assert!(
        run.distribution
            .iter()
            .flat_map(|p| p.shares.iter())
            .all(|s| s.reason == AllocationReason::InFull)
    );
    assert_exact(&run, oil, q("2"), 600);
    assert_exact(&run, rice, q("4"), 800);
    assert_exact(&run, salt, q("1"), 100);
    assert_exact(&run, sugar, q("2"), 200);
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn concurrent_adjustments_never_take_more_than_the_shortage(db: PgPool) {
    let leader = user(&db, "leader").await;
    let mut people = Vec::new();
    for i in 0..10 {
        people.push(user(&db, &format!("friend{i:02}")).await);
    }
    let world = world(&db, leader, &people, 2).await;
    let (oil, rice) = (world.products[0], world.products[1]);
    let run_id = open_run(&db, leader, &world).await;
    for person in &people {
        bid(&db, *person, run_id, oil, "1").await;
        bid(&db, *person, run_id, rice, "1").await;
    }
    go_shopping(&db, leader, run_id).await;
    buy(&db, leader, run_id, oil, "9", "9.00").await.unwrap();
    buy(&db, leader, run_id, rice, "9", "9.00").await.unwrap();
    assert_eq!(
        shopping::complete(&db, leader, run_id).await.unwrap(),
        RunState::Adjusting
    );

    // Oil: half of them take their bid back, half lower it to 0.5. Rice: all lower to 0.5.
    let mut tasks = Vec::new();
    for (i, person) in people.iter().copied().enumerate() {
        for product in [oil, rice] {
            let db = db.clone();
            tasks.push(tokio::spawn(async move {
                let (result, reduction) = if product == oil && i % 2 == 0 {
                    (
                        bids::retract(&db, person, run_id, product).await,
                        Quantity::units(1),
                    )
                } else {
                    (
                        bids::place(&db, person, run_id, product, qty("0.5"), "").await,
                        q("0.5"),
                    )
                };
                (product, result.map(|_| reduction))
            }));
        }
    }
    let mut reduced_oil = Quantity::ZERO;
    let mut reduced_rice = Quantity::ZERO;
    let mut rice_successes = 0;
    for task in tasks {
        let (product, result) = task.await.unwrap();
        match result {
            Ok(reduction) if product == oil => reduced_oil = reduced_oil + reduction,
            Ok(reduction) => {
                reduced_rice = reduced_rice + reduction;
                rice_successes += 1;
            }
            Err(error) => assert!(
                matches!(
                    error.code,
                    ErrorCode::NothingToAdjust | ErrorCode::AdjustBelowBought
                ),
                "unexpected refusal: {error:?}"
            ),
        }
    }
    assert_eq!(
        reduced_oil,
        Quantity::units(1),
        "exactly the shortage was taken"
    );
    assert_eq!(reduced_rice, Quantity::units(1));
    assert_eq!(rice_successes, 2, "two halves make up a shortage of one");
    assert_eq!(total_of(&db, leader, run_id, oil).await, q("9"));
    assert_eq!(total_of(&db, leader, run_id, rice).await, q("9"));
    assert_eq!(
        distribution::finish_adjusting(&db, leader, run_id, false)
            .await
            .unwrap(),
        RunState::Distributing,
        "balanced without force"
    );
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn finishing_adjusting_checks_balance_or_forces_exact_shares(db: PgPool) {
    let leader = user(&db, "leader").await;
    let alice = user(&db, "alice").await;
    let bob = user(&db, "bob").await;
    let world = world(&db, leader, &[alice, bob], 5).await;
    let (oil, rice, salt, sugar, pepper) = (
        world.products[0],
        world.products[1],
        world.products[2],
        world.products[3],
        world.products[4],
    );
    let run_id = open_run(&db, leader, &world).await;
    bid(&db, alice, run_id, oil, "1").await;
    bid(&db, bob, run_id, oil, "2").await;
    bid(&db, alice, run_id, rice, "1").await;
    bid(&db, bob, run_id, rice, "2").await;
    bid(&db, leader, run_id, salt, "1").await;
    bid(&db, alice, run_id, salt, "1").await;
    bid(&db, alice, run_id, sugar, "1").await;
    bid(&db, alice, run_id, pepper, "1").await;
    go_shopping(&db, leader, run_id).await;
    buy(&db, leader, run_id, oil, "2", "10.00").await.unwrap(); // 2 of 3
    buy(&db, leader, run_id, rice, "4", "8.00").await.unwrap(); // 4 of 3, leader had no bid
    buy(&db, leader, run_id, salt, "3", "9.00").await.unwrap(); // 3 of 2, leader bid 1
    buy(&db, leader, run_id, sugar, "1", "1.00").await.unwrap(); // as asked
    out_of_stock(&db, leader, run_id, pepper).await.unwrap();
    assert_eq!(
        shopping::complete(&db, leader, run_id).await.unwrap(),
        RunState::Adjusting
    );

    let refused = distribution::finish_adjusting(&db, alice, run_id, true)
        .await
        .unwrap_err();
    assert_eq!(refused.code, ErrorCode::NotRunLeader);
    let refused = distribution::finish_adjusting(&db, leader, run_id, false)
        .await
        .unwrap_err();
    assert_eq!(refused.code, ErrorCode::AdjustmentIncomplete);
    let run = detail::detail(&db, leader, run_id).await.unwrap();
    assert_eq!(run.state, RunState::Adjusting);
    assert!(run.distribution.is_empty());

    assert_eq!(
        distribution::finish_adjusting(&db, leader, run_id, true)
            .await
            .unwrap(),
        RunState::Distributing
    );
    let run = detail::detail(&db, alice, run_id).await.unwrap();
    assert_eq!(run.state, RunState::Distributing);

    // Oil, 2 of 3: cut in proportion, 0.667 and 1.333; 10.00 split 667:1333 (a tie of
    // remainders: the cent goes to the larger share).
    let alices = share(&run, alice, oil).unwrap();
    assert_eq!(
        (alices.asked, alices.quantity, alices.cost_minor),
        (q("1"), q("0.667"), 333)
    );
    assert_eq!(alices.reason, AllocationReason::ShortageCut);
    let bobs = share(&run, bob, oil).unwrap();
    assert_eq!(
        (bobs.asked, bobs.quantity, bobs.cost_minor),
        (q("2"), q("1.333"), 667)
    );
    assert_eq!(bobs.reason, AllocationReason::ShortageCut);
    assert!(share(&run, leader, oil).is_none());
    assert_exact(&run, oil, q("2"), 1000);

    // Rice, 4 of 3: everyone in full, the leader holds the rest without having asked.
    let leaders = share(&run, leader, rice).unwrap();
    assert_eq!(
        (leaders.asked, leaders.quantity, leaders.cost_minor),
        (Quantity::ZERO, q("1"), 200)
    );
    assert_eq!(leaders.reason, AllocationReason::SurplusToLeader);
    assert_eq!(
        share(&run, alice, rice).unwrap().reason,
        AllocationReason::InFull
    );
    assert_eq!(share(&run, alice, rice).unwrap().cost_minor, 200);
    assert_eq!(share(&run, bob, rice).unwrap().cost_minor, 400);
    assert_exact(&run, rice, q("4"), 800);

    // Salt, 3 of 2: the surplus joins the leader's own share.
    let leaders = share(&run, leader, salt).unwrap();
    assert_eq!(
        (leaders.asked, leaders.quantity, leaders.cost_minor),
        (q("1"), q("2"), 600)
    );
    assert_eq!(leaders.reason, AllocationReason::SurplusToLeader);
    assert_eq!(share(&run, alice, salt).unwrap().cost_minor, 300);
    assert_exact(&run, salt, q("3"), 900);

    let alices = share(&run, alice, sugar).unwrap();
    assert_eq!((alices.quantity, alices.cost_minor), (q("1"), 100));
    assert_eq!(alices.reason, AllocationReason::InFull);
    assert!(shares_of(&run, pepper).is_empty(), "out of stock");

    let alice_total = run
        .distribution
        .iter()
        .find(|p| p.user_id == alice)
        .unwrap()
        .total_minor();
    assert_eq!(alice_total, 333 + 200 + 300 + 100);
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn the_run_completes_once_everything_was_picked_up(db: PgPool) {
    let leader = user(&db, "leader").await;
    let alice = user(&db, "alice").await;
    let bob = user(&db, "bob").await;
    let carol = user(&db, "carol").await;
    let world = world(&db, leader, &[alice, bob, carol], 2).await;
    let (oil, rice) = (world.products[0], world.products[1]);
    let run_id = open_run(&db, leader, &world).await;
    bid(&db, alice, run_id, oil, "1").await;
    bid(&db, bob, run_id, oil, "1").await;
    bid(&db, alice, run_id, rice, "1").await;
    leadership::set_helper(&db, leader, run_id, carol, true)
        .await
        .unwrap();
    go_shopping(&db, leader, run_id).await;
    buy(&db, leader, run_id, oil, "2", "4.00").await.unwrap();
    buy(&db, leader, run_id, rice, "1", "1.00").await.unwrap();
    assert_eq!(
        shopping::complete(&db, leader, run_id).await.unwrap(),
        RunState::Distributing
    );
    let pick_up = |viewer: Uuid, person: Uuid, which: PickUp, picked_up: bool| {
        let db = db.clone();
        async move { distribution::set_picked_up(&db, viewer, run_id, person, which, picked_up).await }
    };

    let refused = distribution::complete(&db, leader, run_id)
        .await
        .unwrap_err();
    assert_eq!(refused.code, ErrorCode::PickUpsOutstanding);
    let refused = pick_up(alice, alice, PickUp::Everything, true)
        .await
        .unwrap_err();
    assert_eq!(
        refused.code,
        ErrorCode::NotRunLeaderOrHelper,
        "nobody marks their own pick-up"
    );

    pick_up(carol, alice, PickUp::Item(oil), true)
        .await
        .unwrap();
    let run = detail::detail(&db, alice, run_id).await.unwrap();
    assert!(share(&run, alice, oil).unwrap().picked_up);
    assert!(!share(&run, alice, rice).unwrap().picked_up);
    let alices = run
        .distribution
        .iter()
        .find(|p| p.user_id == alice)
        .unwrap();
    assert!(!alices.all_picked_up());

    pick_up(leader, alice, PickUp::Everything, true)
        .await
        .unwrap();
    pick_up(leader, bob, PickUp::Everything, true)
        .await
        .unwrap();
    let run = detail::detail(&db, leader, run_id).await.unwrap();
    assert!(run.distribution.iter().all(|p| p.all_picked_up()));

    // A mistaken mark is taken back: completing waits for it again.
    pick_up(carol, bob, PickUp::Item(oil), false).await.unwrap();
    let run = detail::detail(&db, leader, run_id).await.unwrap();
    assert!(!share(&run, bob, oil).unwrap().picked_up);
    let refused = distribution::complete(&db, leader, run_id)
        .await
        .unwrap_err();
    assert_eq!(refused.code, ErrorCode::PickUpsOutstanding);
    pick_up(carol, bob, PickUp::Item(oil), true).await.unwrap();

    let refused = distribution::complete(&db, carol, run_id)
        .await
        .unwrap_err();
    assert_eq!(
        refused.code,
        ErrorCode::NotRunLeader,
        "a helper hands out only"
    );
    let refused = distribution::complete(&db, alice, run_id)
        .await
        .unwrap_err();
    assert_eq!(refused.code, ErrorCode::NotRunLeader);
    assert_eq!(
        distribution::complete(&db, leader, run_id).await.unwrap(),
        RunState::Completed
    );
    let run = detail::detail(&db, alice, run_id).await.unwrap();
    assert_eq!(run.state, RunState::Completed);
    assert!(run.distribution.iter().all(|p| p.all_picked_up()));
    let late = pick_up(leader, alice, PickUp::Everything, false)
        .await
        .unwrap_err();
    assert_eq!(late.code, ErrorCode::RunStateForbids);
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn leaving_after_shopping_started_keeps_the_bids_goods_were_bought_for(db: PgPool) {
    let leader = user(&db, "leader").await;
    let alice = user(&db, "alice").await;
    let bob = user(&db, "bob").await;
    let world = world(&db, leader, &[alice, bob], 1).await;
    let oil = world.products[0];
    let active_run = open_run(&db, leader, &world).await;
    bid(&db, alice, active_run, oil, "1").await;
    bid(&db, bob, active_run, oil, "1").await;
    let shopping_run = open_run(&db, leader, &world).await;
    bid(&db, alice, shopping_run, oil, "2").await;
    bid(&db, bob, shopping_run, oil, "1").await;
    go_shopping(&db, leader, shopping_run).await;

    groups::leave(&db, alice, world.group_id).await.unwrap();

    let run = detail::detail(&db, leader, active_run).await.unwrap();
    assert_eq!(
        run.products[0].total,
        q("1"),
        "in an active run her order is withdrawn"
    );
    let run = detail::detail(&db, leader, shopping_run).await.unwrap();
    assert_eq!(
        run.products[0].total,
        q("3"),
        "her goods are being bought: the bid stays"
    );
    let gone = run
        .participants
        .iter()
        .find(|p| p.user_id == alice)
        .unwrap();
    assert!(gone.removed);
    let list = shopping::list(&db, leader, shopping_run).await.unwrap();
    assert_eq!(item(&list, oil).unwrap().requested, q("3"));

    buy(&db, leader, shopping_run, oil, "3", "6.00")
        .await
        .unwrap();
    assert_eq!(
        shopping::complete(&db, leader, shopping_run).await.unwrap(),
        RunState::Distributing,
        "bought as asked, her bid included"
    );
    let run = detail::detail(&db, leader, shopping_run).await.unwrap();
    let alices = share(&run, alice, oil).unwrap();
    assert_eq!((alices.quantity, alices.cost_minor), (q("2"), 400));
    distribution::set_picked_up(&db, leader, shopping_run, alice, PickUp::Everything, true)
        .await
        .unwrap();
}

/// The group's currency and whether it is locked, as its page shows them.
async fn currency_of(db: &PgPool, viewer: Uuid, group_id: Uuid) -> (String, bool) {
    let detail = groups::detail(db, viewer, group_id, PageRequest::new(None, 50))
        .await
        .unwrap();
    (detail.currency, detail.currency_locked)
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn a_groups_currency_changes_until_a_run_has_prices(db: PgPool) {
    let leader = user(&db, "leader").await;
    let alice = user(&db, "alice").await;
    let world = world(&db, leader, &[alice], 1).await;
    let oil = world.products[0];
    let rsd = CurrencyCode::offered("RSD").unwrap();
    let eur = CurrencyCode::offered("EUR").unwrap();
    let refused = groups::set_currency(&db, alice, world.group_id, &rsd)
        .await
        .unwrap_err();
    assert_eq!(refused.code, ErrorCode::NotGroupAdmin);

    // A run that is only bid on and shopped for has no prices yet: the currency may still change.
    let run_id = open_run(&db, leader, &world).await;
    bid(&db, alice, run_id, oil, "2").await;
    go_shopping(&db, leader, run_id).await;
    groups::set_currency(&db, leader, world.group_id, &rsd)
        .await
        .unwrap();
    assert_eq!(
        currency_of(&db, leader, world.group_id).await,
        ("RSD".to_owned(), false)
    );

    groups::set_currency(&db, leader, world.group_id, &eur)
        .await
        .unwrap();
    buy(&db, leader, run_id, oil, "2", "9.99").await.unwrap();
    let refused = groups::set_currency(&db, leader, world.group_id, &rsd)
        .await
        .unwrap_err();
    assert_eq!(refused.code, ErrorCode::CurrencyLocked);
    assert_eq!(
        currency_of(&db, leader, world.group_id).await,
        ("EUR".to_owned(), true)
    );
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn shoppers_note_shelf_prices_and_the_list_shows_every_price_of_the_day(db: PgPool) {
    let leader = user(&db, "leader").await;
    let alice = user(&db, "alice").await;
    let world = world(&db, leader, &[alice], 1).await;
    let oil = world.products[0];
    let run_id = open_run(&db, leader, &world).await;
    bid(&db, alice, run_id, oil, "1").await;
    let eur = CurrencyCode::parse("EUR").unwrap();
    let seen = prices::Observation {
        product_id: oil,
        store_id: world.store_id,
        amount_minor: 500,
        currency: &eur,
        note: "aisle 4",
        pack_size: None,
    };
    prices::record(&db, &Cache::disabled(), alice, seen)
        .await
        .unwrap();
    go_shopping(&db, leader, run_id).await;

    let on_sale = ShelfPrice {
        product_id: oil,
        currency: "EUR",
        amount_minor: 399,
        note: "on sale",
    };
    let refused = shelf_prices::note(&db, &Cache::disabled(), alice, run_id, &on_sale)
        .await
        .unwrap_err();
    assert_eq!(
        refused.code,
        ErrorCode::NotRunLeaderOrHelper,
        "only shoppers note prices here"
    );
    shelf_prices::note(&db, &Cache::disabled(), leader, run_id, &on_sale)
        .await
        .unwrap();
    let wrong_money = ShelfPrice {
        currency: "RSD",
        ..on_sale
    };
    let refused = shelf_prices::note(&db, &Cache::disabled(), leader, run_id, &wrong_money)
        .await
        .unwrap_err();
    assert_eq!(refused.code, ErrorCode::InvalidInput);

    let list = shopping::list(&db, alice, run_id).await.unwrap();
    let seen: Vec<(i64, &str)> = item(&list, oil)
        .unwrap()
        .seen_prices
        .iter()
        .map(|seen| (seen.amount_minor, seen.note.as_str()))
        .collect();
    assert_eq!(
        seen,
        vec![(399, "on sale"), (500, "aisle 4")],
        "newest first, both of today"
    );
    assert!(
        item(&list, oil).unwrap().purchase.is_none(),
        "nothing was bought"
    );
}
