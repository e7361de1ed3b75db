//! Bids: placing, changing and retracting one. A plain bid (someone taking part, a product the
//! run has, nothing else to do) is one statement in `plain_bids`; every other bid, and every
//! retraction, is one transaction here that holds the run row
//! `FOR SHARE` (so many friends bid at once, but none after a state change took the run out of a
//! biddable state), upserts on the (run, product, user) key (no duplicates, no lost updates) and
//! reads the product's new total before committing. A bid that moves a planned run to active
//! takes the run row `FOR UPDATE` instead, so two first bids cannot both move it. While a run is
//! adjusted, a change must re-balance towards what was bought, checked against live totals under
//! the list item's row lock.

use serde_json::json;
use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

use crate::domain::adjusting::{balance, check_adjustment};
use crate::domain::catalogue::{FamilyPlace, ProductFields};
use crate::domain::notification::NotificationKind;
use crate::domain::packs::PackMeter;
use crate::domain::quantity::{MAX_BID, Quantity};
use crate::domain::run::{BidAmount, MAX_PRODUCTS_PER_RUN};
use crate::domain::run_state::{BidRule, RunAction, RunRole, authorize};
use crate::error::{AppError, AppResult, ErrorCode};
use crate::model::{BidOutcome, LiveEvent};
use crate::server::notifications::notify;
use crate::server::runs::access::{
    Lock, ProductInRun, lock_run, lock_run_for_product, product_in_catalogue, product_in_run,
};
use crate::server::runs::bid_statement::{Bid, new_total, placing_cte};
use crate::server::runs::plain_bids;
use crate::server::runs::transitions::move_run;
use crate::server::{packs, products};

async fn product_total(
    conn: &mut PgConnection,
    run_id: Uuid,
    product_id: Uuid,
) -> AppResult<Quantity> {
    let thousandths: i64 = sqlx::query_scalar(
        "SELECT (coalesce(sum(quantity), 0) * 1000)::bigint FROM bids \
         WHERE run_id = $1 AND product_id = $2 AND NOT interested_only",
    )
    .bind(run_id)
    .bind(product_id)
    .fetch_one(conn)
    .await?;
    Ok(Quantity::from_thousandths(thousandths))
}

/// While bids are re-balanced, a change must move the product's live total towards what was
/// bought (`domain::adjusting`). The list item's row lock serialises everyone changing that
/// product, so two people cannot both take the same shortage.
async fn check_rebalance(
    conn: &mut PgConnection,
    viewer: Uuid,
    run_id: Uuid,
    product_id: Uuid,
    wanted: Quantity,
) -> AppResult<()> {
    let bought: Option<Option<i64>> = sqlx::query_scalar(
        "SELECT (purchased * 1000)::bigint FROM shopping_items \
         WHERE run_id = $1 AND product_id = $2 FOR UPDATE",
    )
    .bind(run_id)
    .bind(product_id)
    .fetch_optional(&mut *conn)
    .await?;
    let mine: Option<i64> = sqlx::query_scalar(
        "SELECT CASE WHEN interested_only THEN 0 ELSE (quantity * 1000)::bigint END FROM bids \
         WHERE run_id = $1 AND product_id = $2 AND user_id = $3",
    )
    .bind(run_id)
    .bind(product_id)
    .bind(viewer)
    .fetch_optional(&mut *conn)
    .await?;
    let Some(mine) = mine else {
        return Err(ErrorCode::AdjustNewProduct.into());
    };
    let bought = Quantity::from_thousandths(bought.flatten().unwrap_or(0));
    let total = product_total(conn, run_id, product_id).await?;
    check_adjustment(
        balance(bought, total),
        Quantity::from_thousandths(mine),
        wanted,
    )?;
    Ok(())
}

/// A product a run takes in must exist (`PRODUCT_NOT_FOUND`) and, when it is new to the run,
/// fit under the per-run limit.
pub(crate) async fn admit_product(
    conn: &mut PgConnection,
    run_id: Uuid,
    product_id: Uuid,
) -> AppResult<()> {
    let (in_catalogue, in_run): (bool, bool) = sqlx::query_as(concat!(
        "SELECT ",
        product_in_catalogue!(product: "$2"),
        ", ",
        product_in_run!(product: "$2")
    ))
    .bind(run_id)
    .bind(product_id)
    .fetch_one(&mut *conn)
    .await?;
    let product = ProductInRun {
        in_catalogue,
        in_run,
    };
    admit(conn, run_id, product).await
}

/// `admit_product` once what the run has of the product is known. New products are serialised
/// per run with an advisory lock (bids on products already there never take it), so two people
/// adding the 100th and 101st product at once cannot both get in.
async fn admit(conn: &mut PgConnection, run_id: Uuid, product: ProductInRun) -> AppResult<()> {
    if !product.in_catalogue {
        return Err(ErrorCode::ProductNotFound.into());
    }
    if product.in_run {
        return Ok(());
    }
    sqlx::query("SELECT pg_advisory_xact_lock(hashtextextended($1::text, 0))")
        .bind(run_id)
        .execute(&mut *conn)
        .await?;
    let products: i64 =
        sqlx::query_scalar("SELECT count(DISTINCT product_id) FROM bids WHERE run_id = $1")
            .bind(run_id)
            .fetch_one(&mut *conn)
            .await?;
    if products >= MAX_PRODUCTS_PER_RUN {
        return Err(ErrorCode::RunMaxProductsExceeded.into());
    }
    Ok(())
}

/// Places or changes the viewer's bid on a product. A member's first bid makes them a
/// participant; a bid by anyone but the leader moves a planned run to active. Most bids are
/// plain (`plain_bids`): one statement; the rest, and refusals, take a transaction here.
pub async fn place(
    db: &PgPool,
    viewer: Uuid,
    run_id: Uuid,
    product_id: Uuid,
    amount: BidAmount,
    comment: &str,
) -> AppResult<BidOutcome> {
    let bid = Bid {
        viewer,
        run_id,
        product_id,
        amount,
        comment,
    };
    if let Some(outcome) = plain_bids::place(db, &bid).await? {
        return Ok(outcome);
    }
    // A bid that moves the run starts over holding it the way state changes do.
    for lock in [Lock::Share, Lock::Update] {
        let mut tx = db.begin().await?;
        if let Some(outcome) = place_in(&mut tx, &bid, lock).await? {
            tx.commit().await?;
            return Ok(outcome);
        }
        tx.rollback().await?;
    }
    Err(held_for_update())
}

/// A product that is not in the catalogue yet, added and bid on at once: both or neither.
pub async fn place_on_new_product(
    db: &PgPool,
    viewer: Uuid,
    run_id: Uuid,
    product: &ProductFields,
    amount: BidAmount,
) -> AppResult<BidOutcome> {
    let mut tx = db.begin().await?;
    let product_id = products::insert(&mut tx, viewer, product, FamilyPlace::Alone).await?;
    let bid = Bid {
        viewer,
        run_id,
        product_id,
        amount,
        comment: "",
    };
    let outcome = place_in(&mut tx, &bid, Lock::Update)
        .await?
        .ok_or_else(held_for_update)?;
    tx.commit().await?;
    Ok(outcome)
}

/// `place_in` only asks for the stronger lock while it holds the weaker one.
fn held_for_update() -> AppError {
    AppError::internal("a bid holding the run FOR UPDATE asked for it again")
}

/// Bids hold the run `FOR SHARE`, so friends bid at once; only a bid the state machine says
/// moves the run (a member's first bid on a planned run) needs it `FOR UPDATE`, so two such bids
/// cannot both move it. Whether it does is only known once the run is locked: `None` means "held
/// too weakly, start over with `Lock::Update`".
async fn place_in(
    tx: &mut PgConnection,
    bid: &Bid<'_>,
    lock: Lock,
) -> AppResult<Option<BidOutcome>> {
    let Bid {
        viewer,
        run_id,
        product_id,
        amount,
        comment,
    } = *bid;
    let (run, product) = lock_run_for_product(tx, run_id, viewer, product_id, lock).await?;
    authorize(run.state, run.role, RunAction::PlaceBid)?;
    let moves_to = run.state.after_bid_by(run.role);
    if moves_to.is_some() && lock == Lock::Share {
        return Ok(None);
    }
    if run.state.bid_rule() == BidRule::Rebalance {
        check_rebalance(tx, viewer, run_id, product_id, amount.committed()).await?;
    }
    if run.role == RunRole::Member {
        // Someone who left the group and came back takes part again: their old row is revived,
        // or they could bid but never retract, be ready or help.
        sqlx::query(
            "INSERT INTO run_participants (run_id, user_id) VALUES ($1, $2) \
             ON CONFLICT (run_id, user_id) DO UPDATE SET removed_at = NULL \
             WHERE run_participants.removed_at IS NOT NULL",
        )
        .bind(run_id)
        .bind(viewer)
        .execute(&mut *tx)
        .await?;
    }
    admit(tx, run_id, product).await?;
    packs::rule_in_run(tx, run_id, product_id)
        .await?
        .check_bid(amount.committed(), amount.tolerance())?;
    let interested_only = amount == BidAmount::InterestedOnly;
    let total: i64 = sqlx::query_scalar(concat!(
        "WITH ",
        placing_cte!(source: "(VALUES (1)) AS once", tolerance: "$7"),
        " ",
        new_total!()
    ))
    .bind(run_id)
    .bind(viewer)
    .bind(product_id)
    .bind(amount.committed().thousandths())
    .bind(interested_only)
    .bind(comment)
    .bind(amount.tolerance().thousandths())
    .fetch_one(&mut *tx)
    .await?;
    let mut new_state = None;
    if let Some(target) = moves_to {
        let state = move_run(tx, &run, target).await?;
        let leader: Vec<Uuid> = sqlx::query_scalar(
            "SELECT user_id FROM run_participants WHERE run_id = $1 AND is_leader",
        )
        .bind(run_id)
        .fetch_all(&mut *tx)
        .await?;
        let payload = json!({ "run_id": run_id, "state": state.as_str(), "reason": "" });
        notify(tx, &leader, NotificationKind::RunStateChanged, payload).await?;
        new_state = Some(state);
    }
    let event = LiveEvent::BidChanged {
        run_id,
        product_id,
        user_id: viewer,
    };
    run.record(tx, event).await?;
    Ok(Some(BidOutcome {
        total: Quantity::from_thousandths(total),
        new_state,
    }))
}

/// "Take the rest": raises the viewer's bid by exactly what the open pack of a product misses,
/// keeping their tolerance and comment. The run is held `FOR UPDATE` while the pack is counted
/// and the bid placed, so of two people taking the rest at once the second finds the pack full
/// (`PACK_ALREADY_FULL`); a pack whose fill is no longer `seen_open` is `PACK_CHANGED`.
pub async fn take_rest(
    db: &PgPool,
    viewer: Uuid,
    run_id: Uuid,
    product_id: Uuid,
    seen_open: Quantity,
) -> AppResult<BidOutcome> {
    let mut tx = db.begin().await?;
    let run = lock_run(&mut tx, run_id, viewer, Lock::Update).await?;
    authorize(run.state, run.role, RunAction::PlaceBid)?;
    if run.state.bid_rule() != BidRule::Free {
        return Err(ErrorCode::RunStateForbids.into());
    }
    let rule = packs::rule_in_run(&mut tx, run_id, product_id).await?;
    let Some(size) = rule.size else {
        return Err(ErrorCode::PackChanged.into());
    };
    let (total, tolerance): (i64, i64) = sqlx::query_as(
        "SELECT (coalesce(sum(quantity), 0) * 1000)::bigint, \
                (coalesce(sum(tolerance), 0) * 1000)::bigint \
         FROM bids WHERE run_id = $1 AND product_id = $2 AND NOT interested_only",
    )
    .bind(run_id)
    .bind(product_id)
    .fetch_one(&mut *tx)
    .await?;
    let meter = PackMeter::new(
        size,
        Quantity::from_thousandths(total),
        Quantity::from_thousandths(tolerance),
    );
    if meter.open.is_zero() {
        return Err(ErrorCode::PackAlreadyFull.into());
    }
    if meter.open != seen_open {
        return Err(ErrorCode::PackChanged.into());
    }
    let mine: Option<(i64, i64, String)> = sqlx::query_as(
        "SELECT (quantity * 1000)::bigint, (tolerance * 1000)::bigint, comment FROM bids \
         WHERE run_id = $1 AND product_id = $2 AND user_id = $3",
    )
    .bind(run_id)
    .bind(product_id)
    .bind(viewer)
    .fetch_optional(&mut *tx)
    .await?;
    let (quantity, tolerance, comment) = mine.unwrap_or_default();
    let quantity = Quantity::from_thousandths(quantity) + meter.to_complete();
    if quantity > MAX_BID {
        return Err(ErrorCode::QuantityInvalid.into());
    }
    let bid = Bid {
        viewer,
        run_id,
        product_id,
        amount: BidAmount::Quantity {
            quantity,
            tolerance: Quantity::from_thousandths(tolerance),
        },
        comment: &comment,
    };
    let outcome = place_in(&mut tx, &bid, Lock::Update)
        .await?
        .ok_or_else(held_for_update)?;
    tx.commit().await?;
    Ok(outcome)
}

/// Takes the viewer's bid on a product back. They stay a participant; the run keeps its state.
pub async fn retract(
    db: &PgPool,
    viewer: Uuid,
    run_id: Uuid,
    product_id: Uuid,
) -> AppResult<BidOutcome> {
    let mut tx = db.begin().await?;
    let run = lock_run(&mut tx, run_id, viewer, Lock::Share).await?;
    authorize(run.state, run.role, RunAction::RetractBid)?;
    if run.state.bid_rule() == BidRule::Rebalance {
        check_rebalance(&mut tx, viewer, run_id, product_id, Quantity::ZERO).await?;
    }
    let deleted =
        sqlx::query("DELETE FROM bids WHERE run_id = $1 AND product_id = $2 AND user_id = $3")
            .bind(run_id)
            .bind(product_id)
            .bind(viewer)
            .execute(&mut *tx)
            .await?;
    if deleted.rows_affected() == 0 {
        return Err(ErrorCode::BidNotFound.into());
    }
    let event = LiveEvent::BidChanged {
        run_id,
        product_id,
        user_id: viewer,
    };
    run.record(&mut tx, event).await?;
    let total = product_total(&mut tx, run_id, product_id).await?;
    tx.commit().await?;
    Ok(BidOutcome {
        total,
        new_state: None,
    })
}
