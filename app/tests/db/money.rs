//! Money between friends on a real Postgres: who paid the store (by default whoever recorded the
//! purchase; changed by the leader, adding up to the cent), group balances over completed runs
//! that sum to zero, the transfers that settle them, and repayments recorded, confirmed and
//! withdrawn — two recorded at once never pay one debt twice.

use app::domain::extra_costs::CostSplit;
use app::domain::ids::UserId;
use app::domain::language::Language;
use app::domain::purchase::Purchase;
use app::domain::run_state::RunState;
use app::domain::settlement::SettlementState;
use app::error::{AppResult, ErrorCode};
use app::model::{CurrencyMoney, GroupMoney};
use app::server::accounts::{self, Account};
use app::server::audit::Origin;
use app::server::cache::Cache;
use app::server::db::MIGRATOR;
use app::server::money::extra_costs::{self, NewExtraCost};
use app::server::money::settlements::{self, Repayment};
use app::server::money::{balances, payers};
use app::server::runs::distribution::{self, PickUp};
use app::server::runs::shopping::{self, Entry, Record};
use app::server::runs::{self, bids};
use sqlx::PgPool;
use uuid::Uuid;

use crate::common::{World, open_run, qty, user, world};

async fn account(db: &PgPool, id: Uuid) -> Account {
    accounts::find(db, id).await.unwrap().unwrap()
}

/// A run of the group where each `(who, product, quantity)` is bid, and the leader buys each
/// `(product, total)` of `bought` as asked (in EUR), shares out and, with `complete`, hands
/// everything out and completes the run.
async fn shopped_run(
    db: &PgPool,
    leader: Uuid,
    world: &World,
    orders: &[(Uuid, usize, &str)],
    bought: &[(usize, &str)],
    complete: bool,
) -> Uuid {
    let run_id = open_run(db, leader, world).await;
    for &(who, product, quantity) in orders {
        bids::place(db, who, run_id, world.products[product], qty(quantity), "")
            .await
            .unwrap();
    }
    runs::confirm(db, leader, run_id, &[]).await.unwrap();
    shopping::start(db, leader, run_id).await.unwrap();
    for &(product, total) in bought {
        let asked: Vec<&str> = orders
            .iter()
            .filter(|(_, p, _)| *p == product)
            .map(|(_, _, q)| *q)
            .collect();
        let quantity: i64 = asked.iter().map(|q| q.parse::<i64>().unwrap()).sum();
        let entry = Entry {
            product_id: world.products[product],
            variant: None,
            currency: "EUR",
            record: Record::Bought(
                Purchase::parse(&quantity.to_string(), "", total, "EUR").unwrap(),
            ),
            correcting: false,
        };
        shopping::record(db, &Cache::disabled(), leader, run_id, &entry)
            .await
            .unwrap();
    }
    assert_eq!(
        shopping::complete(db, leader, run_id).await.unwrap(),
        RunState::Distributing
    );
    if complete {
        finish(db, leader, run_id).await;
    }
    run_id
}

async fn finish(db: &PgPool, leader: Uuid, run_id: Uuid) {
    let people: Vec<Uuid> =
        sqlx::query_scalar("SELECT DISTINCT user_id FROM allocations WHERE run_id = $1")
            .bind(run_id)
            .fetch_all(db)
            .await
            .unwrap();
    for person in people {
        distribution::set_picked_up(db, leader, run_id, person, PickUp::Everything, true)
            .await
            .unwrap();
    }
    assert_eq!(
        distribution::complete(db, leader, run_id).await.unwrap(),
        RunState::Completed
    );
}

fn eur(money: &GroupMoney) -> &CurrencyMoney {
    money
        .currencies
        .iter()
        .find(|c| c.currency == "EUR")
        .unwrap()
}

fn balance_of(money: &GroupMoney, who: Uuid) -> i64 {
    eur(money)
        .members
        .iter()
        .find(|m| m.user_id == who)
        .map_or(0, |m| m.balance_minor)
}

fn transfers(money: &GroupMoney) -> Vec<(Uuid, Uuid, i64)> {
    eur(money)
        .transfers
        .iter()
        .map(|t| (t.from_id, t.to_id, t.amount_minor))
        .collect()
}

async fn repay(
    db: &PgPool,
    by: &Account,
    world: &World,
    from: Uuid,
    to: Uuid,
    cents: i64,
) -> AppResult<Uuid> {
    let repayment = Repayment {
        group_id: world.group_id,
        from: UserId(from),
        to: UserId(to),
        amount_minor: cents,
        currency: "EUR",
    };
    settlements::record(db, by, &repayment).await
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn two_runs_with_different_payers_give_balances_that_settle_to_zero(db: PgPool) {
    let ana = user(&db, "ana").await;
    let bob = user(&db, "bob").await;
    let cai = user(&db, "cai").await;
    let world = world(&db, ana, &[bob, cai], 2).await;
    // Run 1, Ana shops: oil 3 for 30.00 (Ana 1, Bob 2).
    let first = shopped_run(
        &db,
        ana,
        &world,
        &[(ana, 0, "1"), (bob, 0, "2")],
        &[(0, "30.00")],
        true,
    )
    .await;
    // Nothing counts while a run is still being handed out.
    let open = shopped_run(&db, ana, &world, &[(cai, 0, "1")], &[(0, "5.00")], false).await;
    let money = balances::of_group(&db, ana, world.group_id).await.unwrap();
    assert_eq!(
        (
            balance_of(&money, ana),
            balance_of(&money, bob),
            balance_of(&money, cai)
        ),
        (2000, -2000, 0)
    );
    // Run 2: Cai paid the store for rice 4 for 10.00 (Bob 1, Cai 3), though Ana recorded it.
    let second = shopped_run(
        &db,
        ana,
        &world,
        &[(bob, 1, "1"), (cai, 1, "3")],
        &[(1, "10.00")],
        false,
    )
    .await;
    let leader = account(&db, ana).await;
    let origin = Origin::default();
    let wrong = payers::set(&db, &leader, second, "EUR", &[(UserId(cai), 900)], &origin).await;
    assert_eq!(wrong.unwrap_err().code, ErrorCode::PayersDoNotAddUp);
    let outsider = user(&db, "dan").await;
    let refused = payers::set(
        &db,
        &leader,
        second,
        "EUR",
        &[(UserId(outsider), 1000)],
        &origin,
    )
    .await;
    assert_eq!(refused.unwrap_err().code, ErrorCode::NotRunParticipant);
    let member = account(&db, bob).await;
    let refused = payers::set(&db, &member, second, "EUR", &[(UserId(cai), 1000)], &origin).await;
    assert_eq!(refused.unwrap_err().code, ErrorCode::NotRunLeaderOrHelper);
    payers::set(&db, &leader, second, "EUR", &[(UserId(cai), 1000)], &origin)
        .await
        .unwrap();
    let shown = payers::of_run(&db, bob, second).await.unwrap();
    assert_eq!(
        shown
            .paying()
            .map(|p| (p.user_id, p.amount_minor))
            .collect::<Vec<_>>(),
        [(cai, 1000)]
    );
    finish(&db, ana, second).await;
    // Once completed, who paid is settled too.
    let late = payers::set(&db, &leader, first, "EUR", &[(UserId(bob), 3000)], &origin).await;
    assert_eq!(late.unwrap_err().code, ErrorCode::RunStateForbids);

    // Ana +20.00; Bob −20.00 − 2.50; Cai +10.00 − 7.50.
    let money = balances::of_group(&db, bob, world.group_id).await.unwrap();
    let all = [ana, bob, cai].map(|who| balance_of(&money, who));
    assert_eq!(all, [2000, -2250, 250]);
    assert_eq!(all.iter().sum::<i64>(), 0);
    let mut plan = transfers(&money);
    plan.sort();
    let mut expected = vec![(bob, ana, 2000), (bob, cai, 250)];
    expected.sort();
    assert_eq!(plan, expected);
    let _ = open;
    // The runs behind the balances, newest first, each with what it alone would have people pay.
    let runs = &eur(&money).runs;
    assert_eq!(eur(&money).run_count, 2);
    assert_eq!(
        runs.iter().map(|run| run.run_id).collect::<Vec<_>>(),
        [second, first]
    );
    let nets = |run: &app::model::RunMoney| {
        [ana, bob, cai].map(|who| run.of(who).map(|part| part.net_minor()))
    };
    assert_eq!(nets(&runs[0]), [None, Some(-250), Some(250)]);
    assert_eq!(nets(&runs[1]), [Some(2000), Some(-2000), None]);
    let debts = |run: &app::model::RunMoney| {
        run.debts
            .iter()
            .map(|d| (d.from_id, d.to_id, d.amount_minor))
            .collect::<Vec<_>>()
    };
    assert_eq!(debts(&runs[0]), [(bob, cai, 250)]);
    assert_eq!(debts(&runs[1]), [(bob, ana, 2000)]);

    // Bob pays Ana: waiting until Ana confirms; the same debt cannot be paid twice meanwhile.
    let bobs = account(&db, bob).await;
    let id = repay(&db, &bobs, &world, bob, ana, 2000).await.unwrap();
    let twice = repay(&db, &bobs, &world, bob, ana, 2000).await;
    assert_eq!(twice.unwrap_err().code, ErrorCode::SettlementTooLarge);
    let money = balances::of_group(&db, bob, world.group_id).await.unwrap();
    assert_eq!(balance_of(&money, bob), -2250, "not confirmed yet");
    let refused = settlements::confirm(&db, &bobs, id).await;
    assert_eq!(refused.unwrap_err().code, ErrorCode::NotYourSettlement);
    settlements::confirm(&db, &leader, id).await.unwrap();
    let again = settlements::confirm(&db, &leader, id).await;
    assert_eq!(again.unwrap_err().code, ErrorCode::SettlementDecided);

    // Cai records Bob's 2.50 as received: confirmed at once. Everyone is square.
    let cais = account(&db, cai).await;
    repay(&db, &cais, &world, bob, cai, 250).await.unwrap();
    let money = balances::of_group(&db, cai, world.group_id).await.unwrap();
    assert!(eur(&money).members.iter().all(|m| m.balance_minor == 0));
    assert!(transfers(&money).is_empty());
    assert!(
        money
            .settlements
            .iter()
            .all(|s| s.state == SettlementState::Confirmed)
    );
    let notified: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM notifications WHERE kind IN ('payment_sent', 'payment_confirmed')",
    )
    .fetch_one(&db)
    .await
    .unwrap();
    assert_eq!(
        notified, 3,
        "Ana told of the payment; Bob of both confirmations"
    );

    // Bob's statement: both runs, both repayments, square.
    let statement = balances::statement(&db, cai, world.group_id, bob)
        .await
        .unwrap();
    assert_eq!(statement.member_name, "bob");
    let [euros] = statement.currencies.as_slice() else {
        panic!("one currency: {statement:?}");
    };
    assert_eq!(
        euros
            .runs
            .iter()
            .map(|run| (run.run_id, run.part.net_minor()))
            .collect::<Vec<_>>(),
        [(first, -2000), (second, -250)]
    );
    assert_eq!(
        euros
            .repayments
            .iter()
            .map(|r| (r.to_id, r.amount_minor))
            .collect::<Vec<_>>(),
        [(ana, 2000), (cai, 250)]
    );
    assert_eq!(euros.balance.balance_minor, 0);

    // The ledger download says the same: each person's balance changes add up to their balance
    // (zero now), and Ana's confirmed 20.00 shows on both sides.
    let ledger = app::server::money::ledger_csv::csv(&db, cai, world.group_id, Language::En)
        .await
        .unwrap();
    let body = ledger
        .body
        .strip_prefix('\u{feff}')
        .expect("a byte-order mark");
    let mut lines = body.lines();
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("\"Date\",\"Entry\",\"Store\",\"Person\"")
    );
    let rows: Vec<Vec<&str>> = lines.map(|line| line.split(',').collect()).collect();
    for who in ["\"ana\"", "\"bob\"", "\"cai\""] {
        let changes: Vec<i64> = rows
            .iter()
            .filter(|row| row[3] == who && !row[10].is_empty())
            .map(|row| row[10].replace('.', "").parse::<i64>().unwrap())
            .collect();
        assert!(!changes.is_empty(), "{who} has rows");
        assert_eq!(changes.iter().sum::<i64>(), 0, "{who} is square");
    }
    assert_eq!(
        rows.iter()
            .filter(|row| row[9] == "20.00")
            .map(|row| (row[1], row[3], row[10]))
            .collect::<Vec<_>>(),
        [
            ("\"Repayment sent\"", "\"bob\"", "20.00"),
            ("\"Repayment received\"", "\"ana\"", "-20.00")
        ]
    );
    let refused =
        app::server::money::ledger_csv::csv(&db, outsider, world.group_id, Language::En).await;
    assert_eq!(refused.unwrap_err().code, ErrorCode::GroupNotFound);

    // Cai's own data download has what Cai paid the store and the repayment Cai received.
    let data = app::server::account_data::export(&db, cai).await.unwrap();
    let data: serde_json::Value = serde_json::from_str(&data).unwrap();
    assert!(
        data["runs"]
            .as_array()
            .unwrap()
            .iter()
            .any(|run| run["paid_the_store"][0]["amount_minor"] == 1000)
    );
    assert_eq!(data["repayments"][0]["from"], "bob");
    assert_eq!(data["repayments"][0]["amount_minor"], 250);

    // Outsiders see nothing, and nobody's statement names someone outside the group.
    let refused = balances::of_group(&db, outsider, world.group_id).await;
    assert_eq!(refused.unwrap_err().code, ErrorCode::GroupNotFound);
    let refused = balances::statement(&db, outsider, world.group_id, bob).await;
    assert_eq!(refused.unwrap_err().code, ErrorCode::GroupNotFound);
    let refused = balances::statement(&db, bob, world.group_id, outsider).await;
    assert_eq!(refused.unwrap_err().code, ErrorCode::UserNotFound);
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn a_withdrawn_repayment_moves_nothing_and_two_at_once_pay_once(db: PgPool) {
    let ana = user(&db, "ana").await;
    let bob = user(&db, "bob").await;
    let world = world(&db, ana, &[bob], 1).await;
    shopped_run(&db, ana, &world, &[(bob, 0, "2")], &[(0, "12.00")], true).await;
    let bobs = account(&db, bob).await;
    let id = repay(&db, &bobs, &world, bob, ana, 1200).await.unwrap();
    let anas = account(&db, ana).await;
    let refused = settlements::withdraw(&db, &anas, id).await;
    assert_eq!(refused.unwrap_err().code, ErrorCode::NotYourSettlement);
    settlements::withdraw(&db, &bobs, id).await.unwrap();
    let money = balances::of_group(&db, ana, world.group_id).await.unwrap();
    assert_eq!(balance_of(&money, bob), -1200);

    // Bob says he paid while Ana says she received it, at the same moment: one gets in.
    let (first, second) = tokio::join!(
        repay(&db, &bobs, &world, bob, ana, 1200),
        repay(&db, &anas, &world, bob, ana, 1200),
    );
    let codes: Vec<Option<ErrorCode>> = [first, second]
        .into_iter()
        .map(|result| result.err().map(|e| e.code))
        .collect();
    assert_eq!(codes.iter().filter(|code| code.is_none()).count(), 1);
    assert!(codes.contains(&Some(ErrorCode::SettlementTooLarge)));
    let refused = repay(&db, &bobs, &world, bob, bob, 100).await;
    assert_eq!(refused.unwrap_err().code, ErrorCode::InvalidInput);
    let stranger = user(&db, "cai").await;
    let cais = account(&db, stranger).await;
    let refused = repay(&db, &cais, &world, bob, ana, 100).await;
    assert_eq!(refused.unwrap_err().code, ErrorCode::NotYourSettlement);
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn a_shared_fuel_cost_is_split_to_the_cent_and_counts_for_who_paid(db: PgPool) {
    let ana = user(&db, "ana").await;
    let bob = user(&db, "bob").await;
    let cai = user(&db, "cai").await;
    let world = world(&db, ana, &[bob, cai], 1).await;
    // Oil 3 for 30.00, one bottle each; Ana paid the store.
    let run_id = shopped_run(
        &db,
        ana,
        &world,
        &[(ana, 0, "1"), (bob, 0, "1"), (cai, 0, "1")],
        &[(0, "30.00")],
        false,
    )
    .await;
    // Bob paid 10.00 of fuel, split equally: 3.34 + 3.33 + 3.33 (the odd cent to one of them).
    let fuel = NewExtraCost {
        run_id,
        label: "Fuel",
        amount_minor: 1000,
        currency: "EUR",
        split: CostSplit::Equally,
        paid_by: UserId(bob),
    };
    let refused = extra_costs::add(&db, cai, &fuel).await;
    assert_eq!(refused.unwrap_err().code, ErrorCode::NotRunLeaderOrHelper);
    let wrong_currency = NewExtraCost {
        currency: "USD",
        ..fuel
    };
    let refused = extra_costs::add(&db, ana, &wrong_currency).await;
    assert_eq!(refused.unwrap_err().code, ErrorCode::InvalidInput);
    extra_costs::add(&db, ana, &fuel).await.unwrap();
    // A card fee of 1.00 added by mistake, then taken back.
    let fee = NewExtraCost {
        label: "Card fee",
        amount_minor: 100,
        ..fuel
    };
    let fee_id = extra_costs::add(&db, ana, &fee).await.unwrap();
    extra_costs::remove(&db, ana, run_id, fee_id).await.unwrap();
    let again = extra_costs::remove(&db, ana, run_id, fee_id).await;
    assert_eq!(again.unwrap_err().code, ErrorCode::ExtraCostNotFound);
    let shown = payers::of_run(&db, cai, run_id).await.unwrap();
    assert_eq!(shown.extra_costs.len(), 1);
    let parts: i64 = shown.extra_costs[0]
        .parts
        .iter()
        .map(|(_, part)| part)
        .sum();
    assert_eq!(parts, 1000);
    assert!(
        shown.extra_costs[0]
            .parts
            .iter()
            .all(|(_, part)| (333..=334).contains(part))
    );
    finish(&db, ana, run_id).await;

    // Ana +30.00 − 10.00 − her part; Bob +10.00 − 10.00 − his; Cai −10.00 − hers: sum zero.
    let money = balances::of_group(&db, cai, world.group_id).await.unwrap();
    let all = [ana, bob, cai].map(|who| balance_of(&money, who));
    assert_eq!(all.iter().sum::<i64>(), 0);
    let part_of = |who: Uuid| {
        shown.extra_costs[0]
            .parts
            .iter()
            .find(|(id, _)| *id == who)
            .map_or(0, |(_, part)| *part)
    };
    assert_eq!(
        all,
        [2000 - part_of(ana), -part_of(bob), -1000 - part_of(cai)]
    );
    // Once completed, shared costs are settled too.
    let late = extra_costs::add(&db, ana, &fuel).await;
    assert_eq!(late.unwrap_err().code, ErrorCode::RunStateForbids);
}
