//! Runs and bids on a real Postgres: opening a run, bidding and its totals, readiness, the
//! leader's moves, what leaving a group does to runs (all or nothing), and 200 concurrent bid
//! writes from 50 people checked exactly against what the server acknowledged.

use app::server::audit::Origin;
use std::collections::HashMap;

use app::domain::catalogue::ProductFields;
use app::domain::packs::Fairness;
use app::domain::quantity::Quantity;
use app::domain::run::BidAmount;
use app::domain::run_state::{RunRole, RunState};
use app::error::ErrorCode;
use app::server::db::MIGRATOR;
use app::server::runs::NewRun;
use app::server::runs::{bids, detail, leadership};
use app::server::{groups, runs};
use sqlx::PgPool;
use uuid::Uuid;

use crate::common::{notifications, open_run, qty, user, world};

#[sqlx::test(migrator = "MIGRATOR")]
async fn a_run_is_opened_by_a_member_who_leads_it(db: PgPool) {
    let leader = user(&db, "leader").await;
    let outsider = user(&db, "outsider").await;
    let world = world(&db, leader, &[], 0).await;
    let run_id = open_run(&db, leader, &world).await;
    let run = detail::detail(&db, leader, run_id).await.unwrap();
    assert_eq!(run.state, RunState::Planning);
    assert_eq!(run.viewer_role, RunRole::Leader);
    assert_eq!(run.leader().unwrap().user_id, leader);

    let refused = detail::detail(&db, outsider, run_id).await.unwrap_err();
    assert_eq!(refused.code, ErrorCode::RunNotFound, "ids do not leak");
    let new = NewRun {
        group_id: world.group_id,
        store_id: world.store_id,
        comment: String::new(),
        planned_on: None,
    };
    let refused = runs::create(&db, outsider, &new).await.unwrap_err();
    assert_eq!(refused.code, ErrorCode::GroupNotFound);
    let nowhere = NewRun {
        store_id: Uuid::new_v4(),
        ..new
    };
    let refused = runs::create(&db, leader, &nowhere).await.unwrap_err();
    assert_eq!(refused.code, ErrorCode::StoreNotFound);

    let listed = runs::list_for_group(
        &db,
        leader,
        world.group_id,
        app::domain::paging::PageRequest::new(None, 20),
    )
    .await
    .unwrap();
    assert_eq!(listed.total, 1);
    assert_eq!(listed.items[0].leader_name, "leader");
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn a_group_has_at_most_100_open_runs(db: PgPool) {
    let leader = user(&db, "leader").await;
    let world = world(&db, leader, &[], 0).await;
    sqlx::query("INSERT INTO runs (group_id, store_id) SELECT $1, $2 FROM generate_series(1, 99)")
        .bind(world.group_id)
        .bind(world.store_id)
        .execute(&db)
        .await
        .unwrap();
    open_run(&db, leader, &world).await;
    let new = NewRun {
        group_id: world.group_id,
        store_id: world.store_id,
        comment: String::new(),
        planned_on: None,
    };
    let refused = runs::create(&db, leader, &new).await.unwrap_err();
    assert_eq!(refused.code, ErrorCode::GroupMaxActiveRunsExceeded);

    // The dashboard pages through all hundred, not the first twenty only.
    let page = |n| app::domain::paging::PageRequest::new(Some(n), 20);
    let first = runs::open_runs_of(&db, leader, page(1)).await.unwrap();
    assert_eq!((first.items.len(), first.total), (20, 100));
    let last = runs::open_runs_of(&db, leader, page(5)).await.unwrap();
    assert_eq!(last.items.len(), 20);
    assert!(!last.has_next());
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn bids_make_totals_and_activate_the_run(db: PgPool) {
    let leader = user(&db, "leader").await;
    let alice = user(&db, "alice").await;
    let bob = user(&db, "bob").await;
    let world = world(&db, leader, &[alice, bob], 1).await;
    let oil = world.products[0];
    let run_id = open_run(&db, leader, &world).await;

    let outcome = bids::place(&db, leader, run_id, oil, qty("1"), "")
        .await
        .unwrap();
    assert_eq!(
        outcome.new_state, None,
        "the leader's own bid keeps planning"
    );
    let outcome = bids::place(&db, alice, run_id, oil, qty("1.5"), "for the pantry")
        .await
        .unwrap();
    assert_eq!(outcome.new_state, Some(RunState::Active));
    assert_eq!(outcome.total, Quantity::parse_bid("2.5").unwrap());
    assert_eq!(notifications(&db, leader, "run_state_changed").await, 1);

    let outcome = bids::place(&db, bob, run_id, oil, BidAmount::InterestedOnly, "")
        .await
        .unwrap();
    assert_eq!(
        outcome.total,
        Quantity::parse_bid("2.5").unwrap(),
        "interested bids do not count"
    );
    let outcome = bids::place(&db, alice, run_id, oil, qty("0.25"), "")
        .await
        .unwrap();
    assert_eq!(outcome.total, Quantity::parse_bid("1.25").unwrap());

    let run = detail::detail(&db, bob, run_id).await.unwrap();
    let product = &run.products[0];
    assert_eq!(product.bids.len(), 3, "a change replaces the bid");
    assert_eq!(product.interested_count, 1);
    assert_eq!(product.total, Quantity::parse_bid("1.25").unwrap());
    assert_eq!(run.viewer_role, RunRole::Participant);

    let outcome = bids::retract(&db, alice, run_id, oil).await.unwrap();
    assert_eq!(outcome.total, Quantity::units(1));
    let again = bids::retract(&db, alice, run_id, oil).await.unwrap_err();
    assert_eq!(again.code, ErrorCode::BidNotFound);
    let run = detail::detail(&db, alice, run_id).await.unwrap();
    assert_eq!(
        run.state,
        RunState::Active,
        "retracting never moves the run back"
    );
    assert_eq!(
        run.viewer_role,
        RunRole::Participant,
        "and alice still takes part"
    );

    let missing = bids::place(&db, alice, run_id, Uuid::new_v4(), qty("1"), "")
        .await
        .unwrap_err();
    assert_eq!(missing.code, ErrorCode::ProductNotFound);
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn readiness_confirmation_reopening_and_cancelling(db: PgPool) {
    let leader = user(&db, "leader").await;
    let alice = user(&db, "alice").await;
    let bob = user(&db, "bob").await;
    let carol = user(&db, "carol").await;
    let world = world(&db, leader, &[alice, bob, carol], 1).await;
    let oil = world.products[0];
    let run_id = open_run(&db, leader, &world).await;
    bids::place(&db, alice, run_id, oil, qty("1"), "")
        .await
        .unwrap();
    bids::place(&db, bob, run_id, oil, BidAmount::InterestedOnly, "")
        .await
        .unwrap();

    let refused = runs::set_ready(&db, carol, run_id, true).await.unwrap_err();
    assert_eq!(refused.code, ErrorCode::NotRunParticipant);
    runs::set_ready(&db, alice, run_id, true).await.unwrap();
    assert_eq!(notifications(&db, leader, "everyone_ready").await, 0);
    runs::set_ready(&db, bob, run_id, true).await.unwrap();
    assert_eq!(notifications(&db, leader, "everyone_ready").await, 1);
    runs::set_ready(&db, bob, run_id, true).await.unwrap();
    assert_eq!(
        notifications(&db, leader, "everyone_ready").await,
        1,
        "told once, not on every toggle"
    );
    let run = detail::detail(&db, leader, run_id).await.unwrap();
    assert!(run.everyone_ready());

    let refused = runs::confirm(&db, alice, run_id, &[]).await.unwrap_err();
    assert_eq!(refused.code, ErrorCode::NotRunLeader);
    assert_eq!(
        runs::confirm(&db, leader, run_id, &[]).await.unwrap(),
        RunState::Confirmed
    );
    assert_eq!(notifications(&db, alice, "run_state_changed").await, 1);
    let frozen = bids::place(&db, alice, run_id, oil, qty("2"), "")
        .await
        .unwrap_err();
    assert_eq!(frozen.code, ErrorCode::RunStateForbids);

    assert_eq!(
        runs::reopen(&db, leader, run_id).await.unwrap(),
        RunState::Active
    );
    bids::place(&db, alice, run_id, oil, qty("2"), "")
        .await
        .unwrap();
    runs::confirm(&db, leader, run_id, &[]).await.unwrap();

    let refused = runs::cancel(&db, bob, run_id, "", &Origin::default())
        .await
        .unwrap_err();
    assert_eq!(refused.code, ErrorCode::NotRunLeader);
    runs::cancel(
        &db,
        leader,
        run_id,
        "The store is closed",
        &Origin::default(),
    )
    .await
    .unwrap();
    let run = detail::detail(&db, alice, run_id).await.unwrap();
    assert_eq!(run.state, RunState::Cancelled);
    assert_eq!(run.cancel_reason, "The store is closed");
    assert_eq!(notifications(&db, alice, "run_cancelled").await, 1);
    assert_eq!(notifications(&db, bob, "run_cancelled").await, 1);
    let again = runs::cancel(&db, leader, run_id, "", &Origin::default())
        .await
        .unwrap_err();
    assert_eq!(again.code, ErrorCode::RunStateForbids);
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn leaving_a_group_takes_bids_and_led_runs_with_it_or_nothing(db: PgPool) {
    let admin = user(&db, "admin").await;
    let bob = user(&db, "bob").await;
    let carol = user(&db, "carol").await;
    let world = world(&db, admin, &[bob, carol], 1).await;
    let oil = world.products[0];
    let admins_run = open_run(&db, admin, &world).await;
    bids::place(&db, bob, admins_run, oil, qty("2"), "")
        .await
        .unwrap();
    bids::place(&db, carol, admins_run, oil, qty("1"), "")
        .await
        .unwrap();
    let bobs_run = open_run(&db, bob, &world).await;
    bids::place(&db, carol, bobs_run, oil, qty("3"), "")
        .await
        .unwrap();

    // A failure half-way (the cancel of bob's run) must leave everything as it was.
    sqlx::query(
        "CREATE FUNCTION refuse_cancel() RETURNS trigger LANGUAGE plpgsql AS \
         $$ BEGIN RAISE EXCEPTION 'refused for the test'; END $$",
    )
    .execute(&db)
    .await
    .unwrap();
    sqlx::query(
        "CREATE TRIGGER refuse_cancel BEFORE UPDATE ON runs FOR EACH ROW \
         WHEN (NEW.state = 'cancelled') EXECUTE FUNCTION refuse_cancel()",
    )
    .execute(&db)
    .await
    .unwrap();
    let failed = groups::remove_member(&db, admin, world.group_id, bob, &Origin::default()).await;
    assert_eq!(failed.unwrap_err().code, ErrorCode::Internal);
    let run = detail::detail(&db, bob, admins_run).await.unwrap();
    assert_eq!(
        run.products[0].total,
        Quantity::units(3),
        "bob's bid is still there"
    );
    assert_eq!(
        detail::detail(&db, bob, bobs_run).await.unwrap().state,
        RunState::Active
    );
    assert_eq!(notifications(&db, carol, "run_cancelled").await, 0);

    sqlx::query("DROP TRIGGER refuse_cancel ON runs")
        .execute(&db)
        .await
        .unwrap();
    groups::remove_member(&db, admin, world.group_id, bob, &Origin::default())
        .await
        .unwrap();
    let run = detail::detail(&db, carol, admins_run).await.unwrap();
    assert_eq!(run.products[0].total, Quantity::units(1), "bob's bid went");
    let gone = run.participants.iter().find(|p| p.user_id == bob).unwrap();
    assert!(gone.removed, "his participation stays for the record");
    let run = detail::detail(&db, carol, bobs_run).await.unwrap();
    assert_eq!(run.state, RunState::Cancelled);
    assert!(run.leader_left);
    assert_eq!(notifications(&db, carol, "run_cancelled").await, 1);
    let refused = detail::detail(&db, bob, admins_run).await.unwrap_err();
    assert_eq!(refused.code, ErrorCode::RunNotFound);
}

/// Someone removed from the group while their bids are in flight: every bid either landed before
/// the removal (and went with it) or is refused; none lands after.
#[sqlx::test(migrator = "MIGRATOR")]
async fn a_member_who_left_and_came_back_takes_part_in_full_again(db: PgPool) {
    let leader = user(&db, "leader").await;
    let bob = user(&db, "bob").await;
    let world = world(&db, leader, &[bob], 1).await;
    let oil = world.products[0];
    let run_id = open_run(&db, leader, &world).await;
    bids::place(&db, leader, run_id, oil, qty("1"), "")
        .await
        .unwrap();
    bids::place(&db, bob, run_id, oil, qty("1"), "")
        .await
        .unwrap();
    groups::leave(&db, bob, world.group_id).await.unwrap();
    let token: String = sqlx::query_scalar("SELECT invite_token FROM groups WHERE id = $1")
        .bind(world.group_id)
        .fetch_one(&db)
        .await
        .unwrap();
    groups::join(&db, bob, &token).await.unwrap();

    bids::place(&db, bob, run_id, oil, qty("2"), "")
        .await
        .unwrap();
    let run = detail::detail(&db, leader, run_id).await.unwrap();
    assert!(!run.everyone_ready(), "bob counts among those not ready");
    runs::set_ready(&db, bob, run_id, true).await.unwrap();
    let run = detail::detail(&db, leader, run_id).await.unwrap();
    assert!(run.everyone_ready());
    leadership::set_helper(&db, leader, run_id, bob, true)
        .await
        .unwrap();
    bids::retract(&db, bob, run_id, oil).await.unwrap();
    let removed: bool = sqlx::query_scalar(
        "SELECT removed_at IS NOT NULL FROM run_participants WHERE run_id = $1 AND user_id = $2",
    )
    .bind(run_id)
    .bind(bob)
    .fetch_one(&db)
    .await
    .unwrap();
    assert!(!removed, "the participation is live again");
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn no_bid_lands_after_its_bidder_left_the_group(db: PgPool) {
    let admin = user(&db, "admin").await;
    let bob = user(&db, "bob").await;
    let world = world(&db, admin, &[bob], 2).await;
    let run_id = open_run(&db, admin, &world).await;
    for product in &world.products {
        bids::place(&db, admin, run_id, *product, qty("1"), "")
            .await
            .unwrap();
    }
    bids::place(&db, bob, run_id, world.products[0], qty("1"), "")
        .await
        .unwrap();

    let mut tasks = Vec::new();
    for i in 0..4 {
        let db = db.clone();
        let product = world.products[i % 2];
        tasks.push(tokio::spawn(async move {
            let (mut landed, mut refused) = (0, 0);
            for step in 1..=200 {
                let amount = qty(&format!("{}", step % 9 + 1));
                match bids::place(&db, bob, run_id, product, amount, "").await {
                    Ok(_) => landed += 1,
                    Err(error) if error.code == ErrorCode::RunNotFound => refused += 1,
                    Err(error) => panic!("unexpected refusal: {error:?}"),
                }
            }
            (landed, refused)
        }));
    }
    tokio::time::sleep(std::time::Duration::from_millis(30)).await;
    groups::remove_member(&db, admin, world.group_id, bob, &Origin::default())
        .await
        .unwrap();
    let (mut landed, mut refused) = (0, 0);
    for task in tasks {
        let (landed_here, refused_here) = task.await.unwrap();
        landed += landed_here;
        refused += refused_here;
    }
    assert!(
        landed > 0 && refused > 0,
        "the removal came mid-way: {landed} landed, {refused} refused"
    );
    let left: i64 =
        sqlx::query_scalar("SELECT count(*) FROM bids WHERE run_id = $1 AND user_id = $2")
            .bind(run_id)
            .bind(bob)
            .fetch_one(&db)
            .await
            .unwrap();
    assert_eq!(left, 0, "no bid of bob's outlived his leaving");
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn a_run_takes_at_most_100_products(db: PgPool) {
    let leader = user(&db, "leader").await;
    let world = world(&db, leader, &[], 101).await;
    let run_id = open_run(&db, leader, &world).await;
    sqlx::query(
        "INSERT INTO bids (run_id, user_id, product_id, quantity) \
         SELECT $1, $2, id, 1 FROM products WHERE id <> $3",
    )
    .bind(run_id)
    .bind(leader)
    .bind(world.products[100])
    .execute(&db)
    .await
    .unwrap();
    let refused = bids::place(&db, leader, run_id, world.products[100], qty("1"), "")
        .await
        .unwrap_err();
    assert_eq!(refused.code, ErrorCode::RunMaxProductsExceeded);
    bids::place(&db, leader, run_id, world.products[0], qty("2"), "")
        .await
        .expect("a product already in the run can still be bid on");
}

/// 50 people, 4 writes each (bids, changes, retractions) on 5 products, all at once; with
/// `confirm_midway` the leader confirms while they are in flight. Every acknowledged write must be
/// in the totals, no write may land after the confirmation, and no row may be duplicated.
async fn two_hundred_concurrent_writes(db: PgPool, confirm_midway: bool) -> usize {
    let leader = user(&db, "leader").await;
    let mut people = Vec::new();
    for i in 0..50 {
        people.push(user(&db, &format!("bidder{i:02}")).await);
    }
    let world = world(&db, leader, &people, 5).await;
    let run_id = open_run(&db, leader, &world).await;

    let mut tasks = Vec::new();
    for (i, person) in people.iter().copied().enumerate() {
        let db = db.clone();
        let products = world.products.clone();
        tasks.push(tokio::spawn(async move {
            // What this person's bids are after each acknowledged write.
            let mut mine: HashMap<Uuid, Quantity> = HashMap::new();
            let mut refused = 0;
            for step in 0..4 {
                let product = products[(i + step) % products.len()];
                let result = if step == 3 && i % 3 == 0 {
                    let first = products[i % products.len()];
                    bids::retract(&db, person, run_id, first)
                        .await
                        .map(|_| (first, None))
                } else {
                    let amount =
                        Quantity::from_thousandths(((i * 7 + step * 13) % 20 + 1) as i64 * 250);
                    bids::place(&db, person, run_id, product, BidAmount::of(amount), "")
                        .await
                        .map(|_| (product, Some(amount)))
                };
                match result {
                    Ok((product, Some(amount))) => {
                        mine.insert(product, amount);
                    }
                    Ok((product, None)) => {
                        mine.remove(&product);
                    }
                    Err(error) if error.code == ErrorCode::RunStateForbids => refused += 1,
                    Err(error) if error.code == ErrorCode::BidNotFound => {}
                    // Retracting without ever having got a bid in (the run was confirmed first).
                    Err(error) if error.code == ErrorCode::NotRunParticipant => {
                        assert!(mine.is_empty(), "a bidder is a participant");
                        refused += 1;
                    }
                    Err(error) => panic!("unexpected refusal: {error:?}"),
                }
            }
            (mine, refused)
        }));
    }
    if confirm_midway {
        // Confirming a run still in planning is refused; retry until the first bid activated it.
        let mut confirmed = false;
        for _ in 0..400 {
            match runs::confirm(&db, leader, run_id, &[]).await {
                Ok(_) => {
                    confirmed = true;
                    break;
                }
                Err(error) if error.code == ErrorCode::RunStateForbids => {
                    tokio::time::sleep(std::time::Duration::from_millis(2)).await;
                }
                Err(error) => panic!("{error:?}"),
            }
        }
        assert!(confirmed);
    }

    let mut expected: HashMap<Uuid, Quantity> = HashMap::new();
    let mut refused = 0;
    for task in tasks {
        let (mine, refused_here) = task.await.unwrap();
        refused += refused_here;
        for (product, amount) in mine {
            let total = expected.entry(product).or_default();
            *total = *total + amount;
        }
    }
    let run = detail::detail(&db, leader, run_id).await.unwrap();
    let final_state = if confirm_midway {
        RunState::Confirmed
    } else {
        RunState::Active
    };
    assert_eq!(run.state, final_state);
    for product in &world.products {
        let total = run
            .products
            .iter()
            .find(|p| p.product_id == *product)
            .map_or(Quantity::ZERO, |p| p.total);
        assert_eq!(total, expected.get(product).copied().unwrap_or_default());
    }
    let rows: i64 = sqlx::query_scalar("SELECT count(*) FROM bids WHERE run_id = $1")
        .bind(run_id)
        .fetch_one(&db)
        .await
        .unwrap();
    let acknowledged: usize = run.products.iter().map(|p| p.bids.len()).sum();
    assert_eq!(rows as usize, acknowledged, "no duplicate rows");
    let transitions = notifications(&db, leader, "run_state_changed").await;
    assert_eq!(transitions, 1, "planning → active happened exactly once");
    refused
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn two_hundred_concurrent_bid_writes_add_up_exactly(db: PgPool) {
    let refused = two_hundred_concurrent_writes(db, false).await;
    assert_eq!(refused, 0, "every write of a biddable run is accepted");
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn no_bid_lands_after_a_concurrent_confirmation(db: PgPool) {
    two_hundred_concurrent_writes(db, true).await;
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn the_leader_chooses_helpers_among_the_group(db: PgPool) {
    let leader = user(&db, "leader").await;
    let alice = user(&db, "alice").await;
    let outsider = user(&db, "outsider").await;
    let world = world(&db, leader, &[alice], 0).await;
    let run_id = open_run(&db, leader, &world).await;

    let refused = leadership::set_helper(&db, alice, run_id, alice, true)
        .await
        .unwrap_err();
    assert_eq!(refused.code, ErrorCode::NotRunLeader);
    let refused = leadership::set_helper(&db, leader, run_id, outsider, true)
        .await
        .unwrap_err();
    assert_eq!(refused.code, ErrorCode::NotAGroupMember);
    let refused = leadership::set_helper(&db, leader, run_id, leader, true)
        .await
        .unwrap_err();
    assert_eq!(refused.code, ErrorCode::LeaderCannotBeHelper);

    leadership::set_helper(&db, leader, run_id, alice, true)
        .await
        .unwrap();
    let run = detail::detail(&db, alice, run_id).await.unwrap();
    assert_eq!(
        run.viewer_role,
        RunRole::Helper,
        "a helper takes part without bidding"
    );
    assert_eq!(run.state, RunState::Planning);
    leadership::set_helper(&db, leader, run_id, alice, false)
        .await
        .unwrap();
    let run = detail::detail(&db, alice, run_id).await.unwrap();
    assert_eq!(run.viewer_role, RunRole::Participant);
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn leadership_is_handed_over_by_request_and_answer(db: PgPool) {
    let leader = user(&db, "leader").await;
    let alice = user(&db, "alice").await;
    let bob = user(&db, "bob").await;
    let world = world(&db, leader, &[alice, bob], 1).await;
    let oil = world.products[0];
    let run_id = open_run(&db, leader, &world).await;
    bids::place(&db, alice, run_id, oil, qty("1"), "")
        .await
        .unwrap();

    let refused = leadership::request_transfer(&db, leader, run_id, bob)
        .await
        .unwrap_err();
    assert_eq!(refused.code, ErrorCode::TransferTargetNotParticipant);
    let refused = leadership::request_transfer(&db, leader, run_id, leader)
        .await
        .unwrap_err();
    assert_eq!(refused.code, ErrorCode::TransferToSelf);
    let refused = leadership::request_transfer(&db, alice, run_id, leader)
        .await
        .unwrap_err();
    assert_eq!(refused.code, ErrorCode::NotRunLeader);

    let request = leadership::request_transfer(&db, leader, run_id, alice)
        .await
        .unwrap();
    assert_eq!(
        notifications(&db, alice, "leader_transfer_requested").await,
        1
    );
    let twice = leadership::request_transfer(&db, leader, run_id, alice)
        .await
        .unwrap_err();
    assert_eq!(twice.code, ErrorCode::TransferAlreadyPending);
    let not_bobs = leadership::answer_transfer(&db, bob, request, true)
        .await
        .unwrap_err();
    assert_eq!(not_bobs.code, ErrorCode::TransferNotFound);

    leadership::answer_transfer(&db, alice, request, true)
        .await
        .unwrap();
    let run = detail::detail(&db, leader, run_id).await.unwrap();
    assert_eq!(run.leader().unwrap().user_id, alice);
    assert_eq!(
        run.viewer_role,
        RunRole::Participant,
        "the old leader stays in"
    );
    assert!(run.pending_transfer.is_none());
    assert_eq!(
        notifications(&db, leader, "leader_transfer_accepted").await,
        1
    );

    // A request dies with its run: a cancelled run cannot be taken over.
    let back = leadership::request_transfer(&db, alice, run_id, leader)
        .await
        .unwrap();
    runs::cancel(&db, alice, run_id, "", &Origin::default())
        .await
        .unwrap();
    let late = leadership::answer_transfer(&db, leader, back, true)
        .await
        .unwrap_err();
    assert_eq!(late.code, ErrorCode::TransferNotFound);
    let run = detail::detail(&db, leader, run_id).await.unwrap();
    assert_eq!(run.leader().unwrap().user_id, alice);
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn a_declined_or_withdrawn_request_changes_nothing(db: PgPool) {
    let leader = user(&db, "leader").await;
    let alice = user(&db, "alice").await;
    let world = world(&db, leader, &[alice], 1).await;
    let run_id = open_run(&db, leader, &world).await;
    bids::place(&db, alice, run_id, world.products[0], qty("1"), "")
        .await
        .unwrap();
    let request = leadership::request_transfer(&db, leader, run_id, alice)
        .await
        .unwrap();
    leadership::answer_transfer(&db, alice, request, false)
        .await
        .unwrap();
    assert_eq!(
        notifications(&db, leader, "leader_transfer_declined").await,
        1
    );
    let request = leadership::request_transfer(&db, leader, run_id, alice)
        .await
        .unwrap();
    let refused = leadership::withdraw_transfer(&db, alice, request)
        .await
        .unwrap_err();
    assert_eq!(
        refused.code,
        ErrorCode::TransferNotFound,
        "only the asker withdraws"
    );
    leadership::withdraw_transfer(&db, leader, request)
        .await
        .unwrap();
    let late = leadership::answer_transfer(&db, alice, request, true)
        .await
        .unwrap_err();
    assert_eq!(late.code, ErrorCode::TransferNotFound);
    let run = detail::detail(&db, alice, run_id).await.unwrap();
    assert_eq!(run.leader().unwrap().user_id, leader);
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn a_product_page_lists_only_runs_of_my_groups(db: PgPool) {
    let leader = user(&db, "leader").await;
    let outsider = user(&db, "outsider").await;
    let world = world(&db, leader, &[], 2).await;
    let run_id = open_run(&db, leader, &world).await;
    bids::place(&db, leader, run_id, world.products[0], qty("1"), "")
        .await
        .unwrap();
    let mine = runs::runs_with_product(&db, leader, world.products[0], 10)
        .await
        .unwrap();
    assert_eq!(mine.iter().map(|r| r.id).collect::<Vec<_>>(), [run_id]);
    let other = runs::runs_with_product(&db, leader, world.products[1], 10)
        .await
        .unwrap();
    assert!(other.is_empty(), "only runs the product is part of");
    let theirs = runs::runs_with_product(&db, outsider, world.products[0], 10)
        .await
        .unwrap();
    assert!(theirs.is_empty(), "runs of other groups stay hidden");
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn a_new_product_and_its_bid_land_together_or_not_at_all(db: PgPool) {
    let leader = user(&db, "leader").await;
    let alice = user(&db, "alice").await;
    let world = world(&db, leader, &[alice], 1).await;
    let run_id = open_run(&db, leader, &world).await;
    let water = ProductFields::parse("Sparkling water", "", "bottle").unwrap();
    let outcome = bids::place_on_new_product(&db, alice, run_id, &water, qty("6"))
        .await
        .unwrap();
    assert_eq!(outcome.total, Quantity::units(6));
    assert_eq!(outcome.new_state, Some(RunState::Active));

    runs::confirm(&db, leader, run_id, &[]).await.unwrap();
    let juice = ProductFields::parse("Orange juice", "", "L").unwrap();
    let refused = bids::place_on_new_product(&db, alice, run_id, &juice, qty("2"))
        .await
        .unwrap_err();
    assert_eq!(refused.code, ErrorCode::RunStateForbids);
    let juices: i64 =
        sqlx::query_scalar("SELECT count(*) FROM products WHERE name = 'Orange juice'")
            .fetch_one(&db)
            .await
            .unwrap();
    assert_eq!(juices, 0, "a refused bid adds no product to the catalogue");
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn only_the_leader_changes_the_day_and_comment_and_only_while_the_run_lives(db: PgPool) {
    let leader = user(&db, "leader").await;
    let member = user(&db, "member").await;
    let world = world(&db, leader, &[member], 1).await;
    let run_id = open_run(&db, leader, &world).await;
    let day = chrono::NaiveDate::from_ymd_opt(2031, 5, 17);
    let edit = |comment: &str, planned_on| runs::RunEdit {
        comment: comment.to_owned(),
        planned_on,
        pack_fairness: Some(Fairness::FirstCome),
    };
    runs::edit_details(&db, leader, run_id, &edit("Meet at the entrance", day))
        .await
        .unwrap();
    let run = detail::detail(&db, member, run_id).await.unwrap();
    assert_eq!(
        (run.comment.as_str(), run.planned_on, run.pack_fairness),
        ("Meet at the entrance", day, Fairness::FirstCome)
    );
    let events: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM event_outbox WHERE run_id = $1 AND event->>'kind' = 'run_edited'",
    )
    .bind(run_id)
    .fetch_one(&db)
    .await
    .unwrap();
    assert_eq!(events, 1, "watching pages hear of it");

    let refused = runs::edit_details(&db, member, run_id, &edit("mine now", None))
        .await
        .unwrap_err();
    assert_eq!(refused.code, ErrorCode::NotRunLeader);
    let origin = Origin::default();
    runs::cancel(&db, leader, run_id, "", &origin)
        .await
        .unwrap();
    let refused = runs::edit_details(&db, leader, run_id, &edit("too late", None))
        .await
        .unwrap_err();
    assert_eq!(refused.code, ErrorCode::RunStateForbids);
    let run = detail::detail(&db, member, run_id).await.unwrap();
    assert_eq!(
        run.comment, "Meet at the entrance",
        "refusals changed nothing"
    );
}
