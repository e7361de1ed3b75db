//! The demo runs of "Test Friends", led by `test`, one in each state (spec §10), built through
//! the run, shopping and distribution services, so their purchases, shares and costs are as
//! consistent as real ones. A run is recognised by its comment (in any language), so seeding again
//! adds nothing.

use app::server::audit::Origin;
use std::collections::HashMap;

use app::domain::language::Language;
use app::domain::paging::PageRequest;
use app::domain::purchase::Purchase;
use app::domain::quantity::Quantity;
use app::domain::run::BidAmount;
use app::error::AppError;
use app::i18n::demo::DemoText;
use app::server::accounts::Account;
use app::server::cache::Cache;
use app::server::runs;
use app::server::runs::NewRun;
use app::server::runs::distribution::{self, PickUp};
use app::server::runs::shopping::{self, Entry, Record};
use app::server::runs::{bids, detail};
use sqlx::PgPool;
use uuid::Uuid;

/// Who bids what: (username, product, quantity or "?" for interested only).
/// The demo groups' currency (seed.rs creates them in it).
const DEMO_CURRENCY: &str = "EUR";

type DemoBids = &'static [(&'static str, &'static str, &'static str)];

struct DemoRun {
    comment: DemoText,
    store: &'static str,
    bids: DemoBids,
    /// Everyone but the leader who bid marks themselves ready.
    ready: bool,
    finish: Finish,
}

enum Finish {
    Stay,
    Confirm,
    Cancel(DemoText),
    /// Confirm, start shopping and record these purchases, then go on as `then` says.
    Shop(Purchases, AfterShopping),
}

/// What the shopper found: (product, quantity bought or "0" for out of stock, total paid).
type Purchases = &'static [(&'static str, &'static str, &'static str)];

enum AfterShopping {
    /// Still in the store.
    Stay,
    /// Done shopping: the run goes where the purchases lead (adjusting or distributing).
    Complete,
    /// Done shopping, everything handed out, the run completed.
    HandOut,
}

const RUNS: [DemoRun; 8] = [
    DemoRun {
        comment: DemoText::RunOpened,
        store: "Test Costco",
        bids: &[],
        ready: false,
        finish: Finish::Stay,
    },
    DemoRun {
        comment: DemoText::RunBidding,
        store: "Test Sam's Club",
        bids: &[
            ("test", "Test Detergent", "2"),
            ("alice", "Test Detergent", "1+1"),
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
        comment: DemoText::RunConfirmed,
        store: "Test Costco",
        bids: &[
            ("test", "Test Olive Oil", "1"),
            ("alice", "Test Olive Oil", "1"),
            ("bob", "Test Olive Oil", "2"),
            ("carol", "Test Olive Oil", "1"),
            // Sold by the 5 kg sack: Carol's one more kilo fills it.
            ("alice", "Test Quinoa", "2"),
            ("carol", "Test Quinoa", "2+1"),
            ("test", "Kirkland Paper Towels 12-pack", "1"),
            ("alice", "Kirkland Paper Towels 12-pack", "2"),
            ("bob", "Kirkland Paper Towels 12-pack", "1"),
            ("carol", "Kirkland Paper Towels 12-pack", "?"),
        ],
        ready: true,
        finish: Finish::Confirm,
    },
    DemoRun {
        comment: DemoText::RunShopping,
        store: "Test Costco",
        bids: &[
            // A 5 kg sack: Alice takes the last kilo.
            ("test", "Test Quinoa", "2"),
            ("alice", "Test Quinoa", "2+1"),
            ("bob", "Kirkland Paper Towels 12-pack", "1"),
            ("carol", "Kirkland Paper Towels 12-pack", "1"),
        ],
        ready: true,
        finish: Finish::Shop(&[("Test Quinoa", "5", "49.95")], AfterShopping::Stay),
    },
    DemoRun {
        comment: DemoText::RunAdjusting,
        store: "Test Costco",
        bids: &[
            ("test", "Test Olive Oil", "1"),
            ("alice", "Test Olive Oil", "2"),
            ("bob", "Test Olive Oil", "1"),
            ("alice", "Kirkland Paper Towels 12-pack", "1"),
            ("carol", "Kirkland Paper Towels 12-pack", "1"),
        ],
        ready: true,
        finish: Finish::Shop(
            &[
                ("Test Olive Oil", "3", "38.97"),
                ("Kirkland Paper Towels 12-pack", "3", "59.97"),
            ],
            AfterShopping::Complete,
        ),
    },
    DemoRun {
        comment: DemoText::RunDistributing,
        store: "Test Sam's Club",
        bids: &[
            // Sold by 6: Alice's one more fills the case.
            ("test", "Test Detergent", "3"),
            ("alice", "Test Detergent", "2+1"),
            ("bob", "Tide Pods 81-count", "1"),
            ("carol", "93/7 Ground Beef 3lbs", "2"),
        ],
        ready: true,
        finish: Finish::Shop(
            &[
                ("Test Detergent", "6", "77.94"),
                ("Tide Pods 81-count", "1", "19.99"),
                ("93/7 Ground Beef 3lbs", "2", "31.98"),
            ],
            AfterShopping::Complete,
        ),
    },
    DemoRun {
        comment: DemoText::RunCompleted,
        store: "Test Costco",
        bids: &[
            ("test", "Test Olive Oil", "1"),
            ("alice", "Test Olive Oil", "1"),
            ("bob", "Test Olive Oil", "1"),
            // Sold by the 5 kg sack: Carol's one more kilo fills it.
            ("alice", "Test Quinoa", "2"),
            ("carol", "Test Quinoa", "2+1"),
        ],
        ready: true,
        finish: Finish::Shop(
            &[
                ("Test Olive Oil", "3", "38.97"),
                ("Test Quinoa", "5", "49.95"),
            ],
            AfterShopping::HandOut,
        ),
    },
    DemoRun {
        comment: DemoText::RunCancelled,
        store: "Test Sam's Club",
        bids: &[("alice", "String Cheese 48-pack", "1")],
        ready: false,
        finish: Finish::Cancel(DemoText::CancelReason),
    },
];

pub async fn ensure(
    db: &PgPool,
    cache: &Cache,
    language: Language,
    group_id: Uuid,
    people: &HashMap<&str, Account>,
    stores: &HashMap<&str, Uuid>,
    products: &HashMap<&str, Uuid>,
) -> Result<usize, AppError> {
    let leader = people["test"].id;
    let existing = runs::list_for_group(db, leader, group_id, PageRequest::new(None, 100)).await?;
    let mut comments = Vec::new();
    for run in &existing.items {
        comments.push(detail::detail(db, leader, run.id).await?.comment);
    }
    for demo in RUNS {
        let seeded = demo.comment.in_every_language();
        if comments.iter().any(|comment| seeded.contains(comment)) {
            continue;
        }
        let new = NewRun {
            group_id,
            store_id: stores[demo.store],
            comment: demo.comment.text(language),
            planned_on: None,
        };
        let run_id = runs::create(db, leader, &new).await?;
        let mut bidders = Vec::new();
        for (who, product, amount) in demo.bids {
            // "?" is interested only; "1+2" is one with up to two more to fill a pack.
            let amount = match amount.split_once('+') {
                _ if *amount == "?" => BidAmount::InterestedOnly,
                Some((quantity, tolerance)) => BidAmount::Quantity {
                    quantity: Quantity::parse_bid(quantity)?,
                    tolerance: Quantity::parse_bid(tolerance)?,
                },
                None => BidAmount::of(Quantity::parse_bid(amount)?),
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
                runs::confirm(db, leader, run_id, &[]).await?;
            }
            Finish::Cancel(reason) => {
                runs::cancel(
                    db,
                    leader,
                    run_id,
                    &reason.text(language),
                    &Origin::default(),
                )
                .await?;
            }
            Finish::Shop(purchases, then) => {
                runs::confirm(db, leader, run_id, &[]).await?;
                shop(db, cache, leader, run_id, products, purchases).await?;
                match then {
                    AfterShopping::Stay => {}
                    AfterShopping::Complete => {
                        shopping::complete(db, leader, run_id).await?;
                    }
                    AfterShopping::HandOut => {
                        shopping::complete(db, leader, run_id).await?;
                        let run = detail::detail(db, leader, run_id).await?;
                        for person in &run.distribution {
                            distribution::set_picked_up(
                                db,
                                leader,
                                run_id,
                                person.user_id,
                                PickUp::Everything,
                                true,
                            )
                            .await?;
                        }
                        distribution::complete(db, leader, run_id).await?;
                    }
                }
            }
        }
    }
    Ok(RUNS.len())
}

async fn shop(
    db: &PgPool,
    cache: &Cache,
    leader: Uuid,
    run_id: Uuid,
    products: &HashMap<&str, Uuid>,
    purchases: Purchases,
) -> Result<(), AppError> {
    shopping::start(db, leader, run_id).await?;
    for (product, quantity, total) in purchases {
        let record = if *quantity == "0" {
            Record::OutOfStock
        } else {
            Record::Bought(Purchase::parse(quantity, "", total, DEMO_CURRENCY)?)
        };
        let entry = Entry {
            product_id: products[product],
            variant: None,
            currency: DEMO_CURRENCY,
            record,
            correcting: false,
        };
        shopping::record(db, cache, leader, run_id, &entry).await?;
    }
    Ok(())
}
