//! The demo runs of "Test Friends", led by `test`, one in each state this version can reach
//! (spec §10), built through the run services. A run is recognised by its comment, so seeding
//! again adds nothing.

use std::collections::HashMap;

use app::domain::paging::PageRequest;
use app::domain::quantity::Quantity;
use app::domain::run::BidAmount;
use app::error::AppError;
use app::server::accounts::Account;
use app::server::runs::NewRun;
use app::server::{bids, runs};
use sqlx::PgPool;
use uuid::Uuid;

/// Who bids what: (username, product, quantity or "?" for interested only).
type DemoBids = &'static [(&'static str, &'static str, &'static str)];

struct DemoRun {
    comment: &'static str,
    store: &'static str,
    bids: DemoBids,
    /// Everyone but the leader who bid marks themselves ready.
    ready: bool,
    finish: Finish,
}

enum Finish {
    Stay,
    Confirm,
    Cancel(&'static str),
}

const RUNS: [DemoRun; 4] = [
    DemoRun {
        comment: "Demo: a run just opened",
        store: "Test Costco",
        bids: &[],
        ready: false,
        finish: Finish::Stay,
    },
    DemoRun {
        comment: "Demo: friends are bidding",
        store: "Test Sam's Club",
        bids: &[
            ("test", "Test Detergent", "2"),
            ("alice", "Test Detergent", "1"),
            ("bob", "Test Detergent", "1"),
            ("bob", "Tide Pods 81-count", "2"),
            ("test", "93/7 Ground Beef 3lbs", "1"),
            ("carol", "93/7 Ground Beef 3lbs", "2"),
            ("alice", "Organic Bananas 3lbs", "?"),
        ],
        ready: false,
        finish: Finish::Stay,
    },
    DemoRun {
        comment: "Demo: everyone is ready, orders confirmed",
        store: "Test Costco",
        bids: &[
            ("test", "Test Olive Oil", "1"),
            ("alice", "Test Olive Oil", "1"),
            ("bob", "Test Olive Oil", "2"),
            ("carol", "Test Olive Oil", "1"),
            ("alice", "Test Quinoa", "1"),
            ("carol", "Test Quinoa", "1"),
            ("test", "Kirkland Paper Towels 12-pack", "1"),
            ("alice", "Kirkland Paper Towels 12-pack", "2"),
            ("bob", "Kirkland Paper Towels 12-pack", "1"),
            ("carol", "Kirkland Paper Towels 12-pack", "?"),
        ],
        ready: true,
        finish: Finish::Confirm,
    },
    DemoRun {
        comment: "Demo: called off",
        store: "Test Sam's Club",
        bids: &[("alice", "String Cheese 48-pack", "1")],
        ready: false,
        finish: Finish::Cancel("The store is closed for inventory that day."),
    },
];

pub async fn ensure(
    db: &PgPool,
    group_id: Uuid,
    people: &HashMap<&str, Account>,
    stores: &HashMap<&str, Uuid>,
    products: &HashMap<&str, Uuid>,
) -> Result<usize, AppError> {
    let leader = people["test"].id;
    let existing = runs::list_for_group(db, leader, group_id, PageRequest::new(None, 100)).await?;
    let mut comments = Vec::new();
    for run in &existing.items {
        comments.push(runs::detail(db, leader, run.id).await?.comment);
    }
    for demo in RUNS {
        if comments.iter().any(|comment| comment == demo.comment) {
            continue;
        }
        let new = NewRun {
            group_id,
            store_id: stores[demo.store],
            comment: demo.comment.to_owned(),
            planned_on: None,
        };
        let run_id = runs::create(db, leader, &new).await?;
        let mut bidders = Vec::new();
        for (who, product, amount) in demo.bids {
            let amount = match *amount {
                "?" => BidAmount::InterestedOnly,
                quantity => BidAmount::Quantity(Quantity::parse_bid(quantity)?),
            };
            let bidder = people[who].id;
            bids::place(db, bidder, run_id, products[product], amount, "").await?;
            // The leader has no "ready" of their own: confirming is theirs.
            if bidder != leader && !bidders.contains(&bidder) {
                bidders.push(bidder);
            }
        }
        if demo.ready {
            for bidder in bidders {
                runs::set_ready(db, bidder, run_id, true).await?;
            }
        }
        match demo.finish {
            Finish::Stay => {}
            Finish::Confirm => {
                runs::confirm(db, leader, run_id).await?;
            }
            Finish::Cancel(reason) => {
                runs::cancel(db, leader, run_id, reason).await?;
            }
        }
    }
    Ok(RUNS.len())
}
