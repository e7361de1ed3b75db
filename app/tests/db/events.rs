//! Live events on a real Postgres: services record them in the transaction of their change, so
//! a change that does not happen records nothing; the relay takes each event once, in order.

use crate::common::{open_run, qty, user, world};
use app::domain::notification::NotificationKind;
use app::model::LiveEvent;
use app::server::audit::Origin;
use app::server::events;
use app::server::groups::GroupSwitch;
use app::server::runs::bids;
use app::server::{groups, runs};
use sqlx::PgPool;

use app::server::db::MIGRATOR;

async fn drain(db: &PgPool) -> Vec<LiveEvent> {
    let mut tx = db.begin().await.unwrap();
    let taken = events::take(&mut tx, 1000).await.unwrap();
    tx.commit().await.unwrap();
    taken.into_iter().map(|envelope| envelope.event).collect()
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn changes_record_their_events_and_refusals_record_none(db: PgPool) {
    let leader = user(&db, "leader").await;
    let alice = user(&db, "alice").await;
    let world = world(&db, leader, &[alice], 1).await;
    let oats = world.products[0];
    let run_id = open_run(&db, leader, &world).await;
    let before = drain(&db).await;
    assert!(before.contains(&LiveEvent::RunOpened { run_id }));
    assert!(before.contains(&LiveEvent::MemberJoined { user_id: alice }));

    bids::place(&db, alice, run_id, oats, qty("2"), "")
        .await
        .unwrap();
    assert_eq!(
        drain(&db).await,
        vec![
            LiveEvent::RunStateChanged {
                run_id,
                state: app::domain::run_state::RunState::Active
            },
            LiveEvent::BidChanged {
                run_id,
                product_id: oats,
                user_id: alice
            },
        ],
        "in the order they happened"
    );

    runs::confirm(&db, leader, run_id, &[]).await.unwrap();
    drain(&db).await;
    let refused = bids::place(&db, alice, run_id, oats, qty("3"), "").await;
    assert!(refused.is_err());
    assert_eq!(drain(&db).await, vec![], "a refused bid records nothing");

    groups::leave(&db, alice, world.group_id).await.unwrap();
    assert!(
        drain(&db)
            .await
            .contains(&LiveEvent::MemberLeft { user_id: alice })
    );
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn a_rolled_back_transaction_publishes_nothing(db: PgPool) {
    let leader = user(&db, "leader").await;
    let alice = user(&db, "alice").await;
    let world = world(&db, leader, &[alice], 1).await;
    let run_id = open_run(&db, leader, &world).await;
    drain(&db).await;
    // The bid's transaction fails after its event was recorded: the event goes with it.
    sqlx::query(
        "CREATE FUNCTION fail_bid() RETURNS trigger LANGUAGE plpgsql AS \
         $$ BEGIN RAISE EXCEPTION 'disk full'; END; $$",
    )
    .execute(&db)
    .await
    .unwrap();
    sqlx::query(
        "CREATE TRIGGER fail_bid AFTER INSERT ON event_outbox \
         FOR EACH ROW EXECUTE FUNCTION fail_bid()",
    )
    .execute(&db)
    .await
    .unwrap();
    let failed = bids::place(&db, alice, run_id, world.products[0], qty("1"), "").await;
    assert!(failed.is_err());
    sqlx::query("DROP TRIGGER fail_bid ON event_outbox")
        .execute(&db)
        .await
        .unwrap();
    assert_eq!(drain(&db).await, vec![]);
    let bids: i64 = sqlx::query_scalar("SELECT count(*) FROM bids")
        .fetch_one(&db)
        .await
        .unwrap();
    assert_eq!(bids, 0, "and the bid with it");
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn two_relays_never_take_the_same_event(db: PgPool) {
    let leader = user(&db, "leader").await;
    let world = world(&db, leader, &[], 0).await;
    for _ in 0..20 {
        open_run(&db, leader, &world).await;
    }
    let mut first = db.begin().await.unwrap();
    let mut second = db.begin().await.unwrap();
    let a = events::take(&mut first, 10).await.unwrap();
    let b = events::take(&mut second, 1000).await.unwrap();
    assert_eq!(a.len(), 10);
    assert!(a.iter().all(|x| b.iter().all(|y| y.id != x.id)));
    first.rollback().await.unwrap();
    second.commit().await.unwrap();
    assert_eq!(
        drain(&db).await.len(),
        10,
        "what was rolled back is taken again"
    );
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn notifications_group_by_run_keep_their_count_and_are_read_together(db: PgPool) {
    use app::domain::paging::PageRequest;
    use app::server::notifications;
    let leader = user(&db, "leader").await;
    let alice = user(&db, "alice").await;
    let world = world(&db, leader, &[alice], 1).await;
    let oats = world.products[0];
    let run_id = open_run(&db, leader, &world).await;
    bids::place(&db, alice, run_id, oats, qty("1"), "")
        .await
        .unwrap();
    // Three state changes alice is told about: confirmed, reopened (active), confirmed.
    runs::confirm(&db, leader, run_id, &[]).await.unwrap();
    runs::reopen(&db, leader, run_id).await.unwrap();
    runs::confirm(&db, leader, run_id, &[]).await.unwrap();
    assert_eq!(notifications::unread_count(&db, alice).await.unwrap(), 3);
    let page = notifications::list(&db, alice, PageRequest::new(None, 20))
        .await
        .unwrap();
    assert_eq!(page.items.len(), 1, "one entry for the run's state changes");
    let entry = &page.items[0];
    assert_eq!(
        (entry.kind.as_str(), entry.count, entry.unread),
        ("run_state_changed", 3, true)
    );
    assert_eq!(entry.run_id, Some(run_id));
    assert_eq!(entry.subject, "Test Costco");
    assert_eq!(
        entry.state,
        Some(app::domain::run_state::RunState::Confirmed),
        "the newest"
    );

    notifications::mark_read(&db, alice, NotificationKind::RunStateChanged, Some(run_id))
        .await
        .unwrap();
    assert_eq!(
        notifications::unread_count(&db, alice).await.unwrap(),
        0,
        "all three"
    );
    runs::cancel(&db, leader, run_id, "Rain", &Origin::default())
        .await
        .unwrap();
    assert_eq!(notifications::unread_count(&db, alice).await.unwrap(), 1);
    let page = notifications::list(&db, alice, PageRequest::new(None, 20))
        .await
        .unwrap();
    assert_eq!(
        page.items[0].kind,
        NotificationKind::RunCancelled,
        "unread first"
    );
    assert_eq!(page.items[0].reason, "Rain");
    assert!(!page.items[1].unread);
    notifications::mark_all_read(&db, alice).await.unwrap();
    assert_eq!(notifications::unread_count(&db, alice).await.unwrap(), 0);
    assert_eq!(
        notifications::unread_count(&db, leader).await.unwrap(),
        1,
        "the leader is told the run became active, not about their own moves"
    );
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn group_changes_and_answered_hand_overs_reach_open_pages(db: PgPool) {
    let leader = user(&db, "leader").await;
    let alice = user(&db, "alice").await;
    let world = world(&db, leader, &[alice], 1).await;
    let group_id = world.group_id;
    let run_id = open_run(&db, leader, &world).await;
    drain(&db).await;

    let name = app::domain::group::GroupName::parse("Renamed Friends").unwrap();
    groups::rename(&db, leader, group_id, &name).await.unwrap();
    groups::set_switch(&db, leader, group_id, GroupSwitch::JoiningAllowed, false)
        .await
        .unwrap();
    groups::regenerate_invite(&db, leader, group_id)
        .await
        .unwrap();
    groups::set_admin(&db, leader, group_id, alice, true, &Origin::default())
        .await
        .unwrap();
    assert_eq!(drain(&db).await, vec![LiveEvent::GroupChanged; 4]);
    let refused = groups::rename(&db, alice, uuid::Uuid::new_v4(), &name).await;
    assert!(refused.is_err());
    assert!(drain(&db).await.is_empty(), "a refusal records nothing");

    // A hand-over asked and declined, then asked and withdrawn: the run page hears each.
    bids::place(&db, alice, run_id, world.products[0], qty("1"), "")
        .await
        .unwrap();
    let asked = runs::leadership::request_transfer(&db, leader, run_id, alice)
        .await
        .unwrap();
    drain(&db).await;
    runs::leadership::answer_transfer(&db, alice, asked, false)
        .await
        .unwrap();
    assert_eq!(drain(&db).await, vec![LiveEvent::PeopleChanged { run_id }]);
    let asked = runs::leadership::request_transfer(&db, leader, run_id, alice)
        .await
        .unwrap();
    drain(&db).await;
    runs::leadership::withdraw_transfer(&db, leader, asked)
        .await
        .unwrap();
    assert_eq!(drain(&db).await, vec![LiveEvent::PeopleChanged { run_id }]);
}
