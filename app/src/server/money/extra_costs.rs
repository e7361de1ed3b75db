//! Costs a run shares besides the goods (fuel, delivery, a card fee): the leader or a helper adds
//! one until the run completes — what, how much, who paid it, split equally or by goods — or
//! takes one back. Who paid counts as paying for the group; the parts (`domain::extra_costs`)
//! count as each person's share, in the group's balances.

use std::collections::BTreeMap;

use sqlx::{FromRow, PgConnection, PgPool};
use uuid::Uuid;

use crate::domain::extra_costs::{CostSplit, split_extra};
use crate::domain::ids::UserId;
use crate::domain::run_state::{RunAction, authorize};
use crate::error::{AppError, AppResult, ErrorCode};
use crate::model::{ExtraCostView, LiveEvent};
use crate::server::events;
use crate::server::runs::access::{Lock, LockedRun, lock_run};

/// A shared cost to add to a run.
pub struct NewExtraCost<'a> {
    pub run_id: Uuid,
    pub label: &'a str,
    pub amount_minor: i64,
    /// The currency the form showed: the group's.
    pub currency: &'a str,
    pub split: CostSplit,
    pub paid_by: UserId,
}

pub async fn add(db: &PgPool, viewer: Uuid, cost: &NewExtraCost<'_>) -> AppResult<Uuid> {
    let mut tx = db.begin().await?;
    let run = lock_run(&mut tx, cost.run_id, viewer, Lock::Update).await?;
    authorize(run.state, run.role, RunAction::RecordPayers)?;
    let currency: String = sqlx::query_scalar(
        "SELECT g.currency FROM runs r JOIN groups g ON g.id = r.group_id WHERE r.id = $1",
    )
    .bind(cost.run_id)
    .fetch_one(&mut *tx)
    .await?;
    if currency != cost.currency {
        // The form was made for another currency: its digits would be misread.
        return Err(ErrorCode::InvalidInput.into());
    }
    let taking_part: bool = sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM run_participants WHERE run_id = $1 AND user_id = $2)",
    )
    .bind(cost.run_id)
    .bind(cost.paid_by)
    .fetch_one(&mut *tx)
    .await?;
    if !taking_part {
        return Err(ErrorCode::NotRunParticipant.into());
    }
    let id: Uuid = sqlx::query_scalar(
        "INSERT INTO run_extra_costs (run_id, label, amount_minor, currency, split, paid_by, \
                                      recorded_by) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(cost.run_id)
    .bind(cost.label)
    .bind(cost.amount_minor)
    .bind(&currency)
    .bind(cost.split.as_str())
    .bind(cost.paid_by)
    .bind(viewer)
    .fetch_one(&mut *tx)
    .await?;
    changed(&mut tx, &run).await?;
    tx.commit().await?;
    tracing::info!(run_id = %cost.run_id, user_id = %viewer, "shared cost added");
    Ok(id)
}

pub async fn remove(db: &PgPool, viewer: Uuid, run_id: Uuid, cost_id: Uuid) -> AppResult<()> {
    let mut tx = db.begin().await?;
    let run = lock_run(&mut tx, run_id, viewer, Lock::Update).await?;
    authorize(run.state, run.role, RunAction::RecordPayers)?;
    let removed = sqlx::query("DELETE FROM run_extra_costs WHERE id = $1 AND run_id = $2")
        .bind(cost_id)
        .bind(run_id)
        .execute(&mut *tx)
        .await?;
    if removed.rows_affected() == 0 {
        return Err(ErrorCode::ExtraCostNotFound.into());
    }
    changed(&mut tx, &run).await?;
    tx.commit().await?;
    Ok(())
}

/// Tells the run's page and the group's money page.
async fn changed(conn: &mut PgConnection, run: &LockedRun) -> AppResult<()> {
    run.record(conn, LiveEvent::PeopleChanged { run_id: run.id })
        .await?;
    events::record(conn, run.group_id, None, LiveEvent::MoneyChanged).await
}

#[derive(FromRow)]
struct CostRow {
    id: Uuid,
    run_id: Uuid,
    label: String,
    amount_minor: i64,
    currency: String,
    split: String,
    paid_by: Uuid,
    paid_by_name: String,
}

/// What each person got of the run's goods, in minor units, for everyone who got any.
async fn goods_of(conn: &mut PgConnection, run_ids: &[Uuid]) -> AppResult<Vec<(Uuid, Uuid, i64)>> {
    Ok(sqlx::query_as(
        "SELECT run_id, user_id, sum(cost_minor)::bigint FROM allocations \
         WHERE run_id = ANY($1) AND quantity > 0 GROUP BY run_id, user_id ORDER BY run_id, user_id",
    )
    .bind(run_ids)
    .fetch_all(conn)
    .await?)
}

/// The shared costs of runs, each with everyone's part, by run.
pub(crate) async fn of_runs(
    conn: &mut PgConnection,
    run_ids: &[Uuid],
) -> AppResult<BTreeMap<Uuid, Vec<ExtraCostView>>> {
    let rows: Vec<CostRow> = sqlx::query_as(
        "SELECT c.id, c.run_id, c.label, c.amount_minor, c.currency, c.split, c.paid_by, \
                u.display_name AS paid_by_name \
         FROM run_extra_costs c JOIN users u ON u.id = c.paid_by \
         WHERE c.run_id = ANY($1) ORDER BY c.created_at, c.id",
    )
    .bind(run_ids)
    .fetch_all(&mut *conn)
    .await?;
    if rows.is_empty() {
        return Ok(BTreeMap::new());
    }
    let mut goods: BTreeMap<Uuid, Vec<(Uuid, i64)>> = BTreeMap::new();
    for (run_id, user_id, cost) in goods_of(conn, run_ids).await? {
        goods.entry(run_id).or_default().push((user_id, cost));
    }
    let mut costs: BTreeMap<Uuid, Vec<ExtraCostView>> = BTreeMap::new();
    for row in rows {
        let split = row
            .split
            .parse::<CostSplit>()
            .map_err(|_| AppError::internal(format!("unknown cost split {:?}", row.split)))?;
        let people = goods.get(&row.run_id).map_or(&[][..], Vec::as_slice);
        let parts = split_extra(row.amount_minor, split, people);
        costs.entry(row.run_id).or_default().push(ExtraCostView {
            id: row.id,
            label: row.label,
            amount_minor: row.amount_minor,
            currency: row.currency,
            split,
            paid_by: row.paid_by,
            paid_by_name: row.paid_by_name,
            parts,
        });
    }
    Ok(costs)
}
