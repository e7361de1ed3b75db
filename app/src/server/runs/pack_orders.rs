//! Packs through the run. Confirming plans every product the store sells by the pack (or with
//! a minimum order) with `domain::packs::plan`, the run's fairness and the leader's rounding:
//! the plan is kept in `run_packs` with the rule as the store had it then, and the bids hold
//! what each person gets from then on (what they asked is kept beside it; the leader's bid also
//! holds what rounding up left to them), so the shopping list, adjusting and the share-out read
//! ordinary bids. Reopening puts the asks back.

use std::collections::HashMap;

use sqlx::{FromRow, PgConnection};
use uuid::Uuid;

use crate::domain::packs::{Fairness, Granularity, PackBid, PackRule, Rounding, plan};
use crate::domain::quantity::Quantity;
use crate::error::{AppError, AppResult};
use crate::server::packs::{PACK_COLUMNS, PackRow};

#[derive(FromRow)]
struct PackedBid {
    product_id: Uuid,
    user_id: Uuid,
    quantity: i64,
    tolerance: i64,
    #[sqlx(flatten)]
    pack: PackRow,
}

/// The run's fairness, as the leader chose it.
pub(crate) async fn fairness_of(conn: &mut PgConnection, run_id: Uuid) -> AppResult<Fairness> {
    let name: String = sqlx::query_scalar("SELECT pack_fairness FROM runs WHERE id = $1")
        .bind(run_id)
        .fetch_one(conn)
        .await?;
    name.parse()
        .map_err(|_| AppError::internal(format!("unknown pack fairness {name:?}")))
}

/// Plans the packs of a run being confirmed (its row locked `FOR UPDATE`): products in
/// `round_up` buy their open pack, the others leave it.
pub(crate) async fn plan_at_confirmation(
    conn: &mut PgConnection,
    run_id: Uuid,
    round_up: &[Uuid],
) -> AppResult<()> {
    let fairness = fairness_of(conn, run_id).await?;
    let leader: Uuid =
        sqlx::query_scalar("SELECT user_id FROM run_participants WHERE run_id = $1 AND is_leader")
            .bind(run_id)
            .fetch_one(&mut *conn)
            .await?;
    let rows: Vec<PackedBid> = sqlx::query_as(&format!(
        "SELECT b.product_id, b.user_id, (b.quantity * 1000)::bigint AS quantity, \
                (b.tolerance * 1000)::bigint AS tolerance, {PACK_COLUMNS} \
         FROM bids b JOIN runs r ON r.id = b.run_id \
              JOIN store_packs sp ON sp.store_id = r.store_id AND sp.product_id = b.product_id \
         WHERE b.run_id = $1 AND NOT b.interested_only \
         ORDER BY b.product_id, b.created_at, b.user_id"
    ))
    .bind(run_id)
    .fetch_all(&mut *conn)
    .await?;
    for product in rows.chunk_by(|a, b| a.product_id == b.product_id) {
        let product_id = product[0].product_id;
        let rule = product[0].pack.rule();
        let bids: Vec<PackBid<Uuid>> = product
            .iter()
            .map(|bid| PackBid {
                who: bid.user_id,
                quantity: Quantity::from_thousandths(bid.quantity),
                tolerance: Quantity::from_thousandths(bid.tolerance),
            })
            .collect();
        let rounding = if round_up.contains(&product_id) {
            Rounding::Up
        } else {
            Rounding::Down
        };
        let plan = plan(&rule, &bids, fairness, rounding);
        keep_order(
            conn,
            run_id,
            product_id,
            &rule,
            rounding,
            plan.to_buy,
            plan.absorbed,
        )
        .await?;
        for share in &plan.shares {
            let gets = if share.who == leader {
                share.gets + plan.absorbed
            } else {
                share.gets
            };
            if gets != share.asked {
                set_bid(conn, run_id, product_id, share.who, gets).await?;
            }
        }
        if !plan.absorbed.is_zero() && !plan.shares.iter().any(|share| share.who == leader) {
            absorb(conn, run_id, product_id, leader, plan.absorbed).await?;
        }
    }
    Ok(())
}

/// A bid now holds `gets`; what it asked is kept.
async fn set_bid(
    conn: &mut PgConnection,
    run_id: Uuid,
    product_id: Uuid,
    who: Uuid,
    gets: Quantity,
) -> AppResult<()> {
    sqlx::query(
        "UPDATE bids SET asked = quantity, quantity = $4::bigint / 1000.0 \
         WHERE run_id = $1 AND product_id = $2 AND user_id = $3",
    )
    .bind(run_id)
    .bind(product_id)
    .bind(who)
    .bind(gets.thousandths())
    .execute(conn)
    .await?;
    Ok(())
}

/// The leader, who asked nothing (or was only interested), holds what rounding up left over:
/// a bid that asked 0, which reopening removes.
async fn absorb(
    conn: &mut PgConnection,
    run_id: Uuid,
    product_id: Uuid,
    leader: Uuid,
    absorbed: Quantity,
) -> AppResult<()> {
    sqlx::query(
        "INSERT INTO bids (run_id, user_id, product_id, quantity, interested_only, asked) \
         VALUES ($1, $2, $3, $4::bigint / 1000.0, false, 0) \
         ON CONFLICT (run_id, product_id, user_id) DO UPDATE \
         SET quantity = EXCLUDED.quantity, interested_only = false, asked = 0",
    )
    .bind(run_id)
    .bind(leader)
    .bind(product_id)
    .bind(absorbed.thousandths())
    .execute(conn)
    .await?;
    Ok(())
}

async fn keep_order(
    conn: &mut PgConnection,
    run_id: Uuid,
    product_id: Uuid,
    rule: &PackRule,
    rounding: Rounding,
    to_buy: Quantity,
    absorbed: Quantity,
) -> AppResult<()> {
    let thousandths = |q: Option<Quantity>| q.map(Quantity::thousandths);
    sqlx::query(
        "INSERT INTO run_packs (run_id, product_id, pack_size, minimum, whole_units, rounding, \
                                to_buy, absorbed) \
         VALUES ($1, $2, $3::bigint / 1000.0, $4::bigint / 1000.0, $5, $6, \
                 $7::bigint / 1000.0, $8::bigint / 1000.0)",
    )
    .bind(run_id)
    .bind(product_id)
    .bind(thousandths(rule.size))
    .bind(thousandths(rule.minimum))
    .bind(rule.granularity == Granularity::WholeUnits)
    .bind(<&str>::from(rounding))
    .bind(to_buy.thousandths())
    .bind(absorbed.thousandths())
    .execute(conn)
    .await?;
    Ok(())
}

/// Undoes the plan of a run being reopened: every bid asks again what it asked, and what the
/// leader only held for rounding up goes.
pub(crate) async fn forget(conn: &mut PgConnection, run_id: Uuid) -> AppResult<()> {
    sqlx::query("DELETE FROM bids WHERE run_id = $1 AND asked = 0")
        .bind(run_id)
        .execute(&mut *conn)
        .await?;
    sqlx::query(
        "UPDATE bids SET quantity = asked, asked = NULL WHERE run_id = $1 AND asked IS NOT NULL",
    )
    .bind(run_id)
    .execute(&mut *conn)
    .await?;
    sqlx::query("DELETE FROM run_packs WHERE run_id = $1")
        .bind(run_id)
        .execute(conn)
        .await?;
    Ok(())
}

/// The size of the pack a product of the run is bought in, when confirmation planned packs.
pub(crate) async fn pack_size(
    conn: &mut PgConnection,
    run_id: Uuid,
    product_id: Uuid,
) -> AppResult<Option<Quantity>> {
    let size: Option<Option<i64>> = sqlx::query_scalar(
        "SELECT (pack_size * 1000)::bigint FROM run_packs WHERE run_id = $1 AND product_id = $2",
    )
    .bind(run_id)
    .bind(product_id)
    .fetch_optional(conn)
    .await?;
    Ok(size.flatten().map(Quantity::from_thousandths))
}

/// The rule each planned product of a confirmed run was bought by.
pub(crate) async fn rules_of(
    conn: &mut PgConnection,
    run_id: Uuid,
) -> AppResult<HashMap<Uuid, PackRule>> {
    let rows: Vec<PlannedRule> = sqlx::query_as(
        "SELECT product_id, (pack_size * 1000)::bigint AS pack_size, \
                (minimum * 1000)::bigint AS minimum, whole_units \
         FROM run_packs WHERE run_id = $1",
    )
    .bind(run_id)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| (row.product_id, row.pack.rule()))
        .collect())
}

#[derive(FromRow)]
struct PlannedRule {
    product_id: Uuid,
    #[sqlx(flatten)]
    pack: PackRow,
}
