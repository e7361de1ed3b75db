//! Sharing out what was bought: finishing adjustment (checked, or forced), turning every bought
//! item into allocations with exact costs (`domain::allocation`), pick-ups and completing the
//! run. Allocations are written once, when the run enters distributing, in the transaction that
//! moves it; pick-ups lock the run `FOR SHARE` so completion (`FOR UPDATE`) sees them all.

use sqlx::{FromRow, PgConnection, PgPool};
use uuid::Uuid;

use crate::domain::allocation::{AllocationReason, allocate, allocate_packed, split_cost};
use crate::domain::quantity::Quantity;
use crate::domain::run_state::{RunAction, RunState, authorize};
use crate::error::{AppError, AppResult, ErrorCode};
use crate::model::{LiveEvent, PersonShares, ShareView};
use crate::server::runs::access::{Lock, lock_run};
use crate::server::runs::pack_orders;
use crate::server::runs::transitions::{move_run, notify_state_change};

#[derive(FromRow)]
struct BoughtItem {
    product_id: Uuid,
    purchased: i64,
    total_minor: i64,
}

/// Allocates every bought item of the run among its committed bids; the leader holds what
/// nobody claimed, and products bought by the pack are cut by the pack rule. Items not bought
/// (or out of stock) get no allocations.
pub(crate) async fn allocate_all(conn: &mut PgConnection, run_id: Uuid) -> AppResult<()> {
    let leader: Uuid =
        sqlx::query_scalar("SELECT user_id FROM run_participants WHERE run_id = $1 AND is_leader")
            .bind(run_id)
            .fetch_one(&mut *conn)
            .await?;
    let items: Vec<BoughtItem> = sqlx::query_as(
        "SELECT product_id, (purchased * 1000)::bigint AS purchased, total_minor \
         FROM shopping_items WHERE run_id = $1 AND purchased > 0 ORDER BY product_id",
    )
    .bind(run_id)
    .fetch_all(&mut *conn)
    .await?;
    let packed = pack_orders::rules_of(conn, run_id).await?;
    let fairness = pack_orders::fairness_of(conn, run_id).await?;
    for item in items {
        // In the order the bids were placed: first come, first served reads it.
        let claims: Vec<(Uuid, i64)> = sqlx::query_as(
            "SELECT user_id, (quantity * 1000)::bigint FROM bids \
             WHERE run_id = $1 AND product_id = $2 AND NOT interested_only AND quantity > 0 \
             ORDER BY created_at, user_id",
        )
        .bind(run_id)
        .bind(item.product_id)
        .fetch_all(&mut *conn)
        .await?;
        let claims: Vec<(Uuid, Quantity)> = claims
            .into_iter()
            .map(|(who, thousandths)| (who, Quantity::from_thousandths(thousandths)))
            .collect();
        let bought = Quantity::from_thousandths(item.purchased);
        let shares = match packed.get(&item.product_id) {
            Some(rule) => allocate_packed(bought, &claims, leader, rule.granularity, fairness),
            None => allocate(bought, &claims, leader),
        };
        let weights: Vec<(Uuid, Quantity)> = shares.iter().map(|s| (s.who, s.quantity)).collect();
        let costs = split_cost(item.total_minor, &weights);
        for (share, (_, cost)) in shares.iter().zip(costs) {
            sqlx::query(
                "INSERT INTO allocations (run_id, product_id, user_id, asked, quantity, cost_minor, reason) \
                 VALUES ($1, $2, $3, $4::bigint / 1000.0, $5::bigint / 1000.0, $6, $7)",
            )
            .bind(run_id)
            .bind(item.product_id)
            .bind(share.who)
            .bind(share.asked.thousandths())
            .bind(share.quantity.thousandths())
            .bind(cost)
            .bind(share.reason.as_str())
            .execute(&mut *conn)
            .await?;
        }
    }
    Ok(())
}

/// The leader ends adjusting. Unforced, every bought product's bids must add up to what was
/// bought; forced, shortages are cut in proportion and surpluses go to the leader.
pub async fn finish_adjusting(
    db: &PgPool,
    viewer: Uuid,
    run_id: Uuid,
    force: bool,
) -> AppResult<RunState> {
    let mut tx = db.begin().await?;
    let run = lock_run(&mut tx, run_id, viewer, Lock::Update).await?;
    authorize(run.state, run.role, RunAction::FinishAdjusting)?;
    if !force {
        let unbalanced: bool = sqlx::query_scalar(
            "SELECT EXISTS (SELECT 1 FROM shopping_items i WHERE i.run_id = $1 AND i.purchased > 0 \
                 AND i.purchased <> (SELECT coalesce(sum(b.quantity), 0) FROM bids b \
                     WHERE b.run_id = i.run_id AND b.product_id = i.product_id \
                       AND NOT b.interested_only))",
        )
        .bind(run_id)
        .fetch_one(&mut *tx)
        .await?;
        if unbalanced {
            return Err(ErrorCode::AdjustmentIncomplete.into());
        }
    }
    let state = move_run(&mut tx, &run, RunState::Distributing).await?;
    allocate_all(&mut tx, run_id).await?;
    notify_state_change(&mut tx, run_id, viewer, state, "").await?;
    tx.commit().await?;
    tracing::info!(%run_id, user_id = %viewer, force, "adjusting finished");
    Ok(state)
}

/// Which of a person's shares a pick-up is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PickUp {
    /// One product.
    Item(Uuid),
    /// Everything they get.
    Everything,
}

/// A leader or helper marks goods handed over, or takes a mistaken mark back.
pub async fn set_picked_up(
    db: &PgPool,
    viewer: Uuid,
    run_id: Uuid,
    person: Uuid,
    which: PickUp,
    picked_up: bool,
) -> AppResult<()> {
    let mut tx = db.begin().await?;
    let run = lock_run(&mut tx, run_id, viewer, Lock::Share).await?;
    authorize(run.state, run.role, RunAction::MarkPickedUp)?;
    let product = match which {
        PickUp::Item(product_id) => Some(product_id),
        PickUp::Everything => None,
    };
    let updated = sqlx::query(
        "UPDATE allocations SET \
             picked_up_at = CASE WHEN $4 THEN coalesce(picked_up_at, now()) END, \
             picked_up_by = CASE WHEN $4 THEN coalesce(picked_up_by, $5) END \
         WHERE run_id = $1 AND user_id = $2 AND ($3::uuid IS NULL OR product_id = $3) \
           AND quantity > 0",
    )
    .bind(run_id)
    .bind(person)
    .bind(product)
    .bind(picked_up)
    .bind(viewer)
    .execute(&mut *tx)
    .await?;
    if updated.rows_affected() == 0 {
        return Err(ErrorCode::AllocationNotFound.into());
    }
    let event = LiveEvent::PickUpChanged {
        run_id,
        user_id: person,
    };
    run.record(&mut tx, event).await?;
    tx.commit().await?;
    Ok(())
}

/// The leader closes the run once everything allocated was picked up.
pub async fn complete(db: &PgPool, viewer: Uuid, run_id: Uuid) -> AppResult<RunState> {
    let mut tx = db.begin().await?;
    let run = lock_run(&mut tx, run_id, viewer, Lock::Update).await?;
    authorize(run.state, run.role, RunAction::CompleteDistribution)?;
    let outstanding: bool = sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM allocations \
                        WHERE run_id = $1 AND quantity > 0 AND picked_up_at IS NULL)",
    )
    .bind(run_id)
    .fetch_one(&mut *tx)
    .await?;
    if outstanding {
        return Err(ErrorCode::PickUpsOutstanding.into());
    }
    let state = move_run(&mut tx, &run, RunState::Completed).await?;
    notify_state_change(&mut tx, run_id, viewer, state, "").await?;
    tx.commit().await?;
    tracing::info!(%run_id, user_id = %viewer, "run completed");
    Ok(state)
}

#[derive(FromRow)]
struct ShareRow {
    user_id: Uuid,
    display_name: String,
    product_id: Uuid,
    product_name: String,
    unit: String,
    asked: i64,
    quantity: i64,
    reason: String,
    unit_price_minor: i64,
    cost_minor: i64,
    picked_up: bool,
}

/// Each person's shares of the run, people by name and products by name.
pub(crate) async fn shares_of(
    conn: &mut PgConnection,
    run_id: Uuid,
) -> AppResult<Vec<PersonShares>> {
    let rows: Vec<ShareRow> = sqlx::query_as(
        "SELECT a.user_id, u.display_name, a.product_id, p.name AS product_name, p.unit, \
                (a.asked * 1000)::bigint AS asked, (a.quantity * 1000)::bigint AS quantity, \
                a.reason, i.unit_price_minor, a.cost_minor, a.picked_up_at IS NOT NULL AS picked_up \
         FROM allocations a JOIN users u ON u.id = a.user_id \
              JOIN products p ON p.id = a.product_id \
              JOIN shopping_items i ON i.run_id = a.run_id AND i.product_id = a.product_id \
         WHERE a.run_id = $1 \
         ORDER BY lower(u.display_name), a.user_id, lower(p.name), a.product_id",
    )
    .bind(run_id)
    .fetch_all(conn)
    .await?;
    let mut people: Vec<PersonShares> = Vec::new();
    for row in rows {
        if people.last().map(|p| p.user_id) != Some(row.user_id) {
            people.push(PersonShares {
                user_id: row.user_id,
                display_name: row.display_name,
                shares: Vec::new(),
            });
        }
        let reason = AllocationReason::parse(&row.reason)
            .ok_or_else(|| AppError::internal(format!("unknown reason {:?}", row.reason)))?;
        if let Some(person) = people.last_mut() {
            person.shares.push(ShareView {
                product_id: row.product_id,
                product_name: row.product_name,
                unit: row.unit,
                asked: Quantity::from_thousandths(row.asked),
                quantity: Quantity::from_thousandths(row.quantity),
                reason,
                unit_price_minor: row.unit_price_minor,
                cost_minor: row.cost_minor,
                picked_up: row.picked_up,
            });
        }
    }
    Ok(people)
}
