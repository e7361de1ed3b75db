//! Who paid the store for a run. When shopping completes, each purchase counts as paid by whoever
//! recorded it; until the run completes, the leader or a helper may say otherwise (two cards,
//! a friend who paid at the till). The payers always add up to exactly what was bought. Each
//! change is in the audit log and moves the group's balances live.

use sqlx::{FromRow, PgConnection, PgPool};
use uuid::Uuid;

use crate::domain::admin::AuditAction;
use crate::domain::ids::UserId;
use crate::domain::money::format_plain;
use crate::domain::run_state::{RunAction, authorize};
use crate::error::{AppResult, ErrorCode};
use crate::model::{LiveEvent, PayerView, RunPayers};
use crate::server::accounts::Account;
use crate::server::audit::{self, Entry, Origin};
use crate::server::events;
use crate::server::money::extra_costs;
use crate::server::runs::access::{Lock, lock_run, read_run};

/// In the transaction that completes shopping: each purchase was paid by whoever recorded it.
pub(crate) async fn default_from_purchases(conn: &mut PgConnection, run_id: Uuid) -> AppResult<()> {
    sqlx::query(
        "INSERT INTO run_payers (run_id, user_id, amount_minor, currency) \
         SELECT run_id, purchased_by, sum(total_minor), min(currency) FROM shopping_items \
         WHERE run_id = $1 AND purchased_by IS NOT NULL AND total_minor > 0 \
         GROUP BY run_id, purchased_by \
         ON CONFLICT DO NOTHING",
    )
    .bind(run_id)
    .execute(conn)
    .await?;
    Ok(())
}

/// What was paid for the run in all (zero before anything was bought) and in which currency.
async fn bought_total(conn: &mut PgConnection, run_id: Uuid) -> AppResult<(i64, String)> {
    Ok(sqlx::query_as(
        "SELECT coalesce(sum(i.total_minor), 0)::bigint, g.currency \
         FROM runs r JOIN groups g ON g.id = r.group_id \
              LEFT JOIN shopping_items i ON i.run_id = r.id \
         WHERE r.id = $1 GROUP BY g.currency",
    )
    .bind(run_id)
    .fetch_one(conn)
    .await?)
}

#[derive(FromRow)]
struct PayerRow {
    user_id: Uuid,
    name: String,
    amount_minor: i64,
}

/// A run's payers, with the run's participants for the form.
pub async fn of_run(db: &PgPool, viewer: Uuid, run_id: Uuid) -> AppResult<RunPayers> {
    let mut conn = db.acquire().await?;
    let run = read_run(&mut conn, run_id, viewer).await?;
    authorize(run.state, run.role, RunAction::View)?;
    let (total_minor, currency) = bought_total(&mut conn, run_id).await?;
    let rows: Vec<PayerRow> = sqlx::query_as(
        "SELECT u.id AS user_id, u.display_name AS name, coalesce(p.amount_minor, 0) AS amount_minor \
         FROM run_participants rp JOIN users u ON u.id = rp.user_id \
              LEFT JOIN run_payers p ON p.run_id = rp.run_id AND p.user_id = rp.user_id \
         WHERE rp.run_id = $1 AND (rp.removed_at IS NULL OR p.user_id IS NOT NULL) \
         ORDER BY p.amount_minor DESC NULLS LAST, rp.is_leader DESC, lower(u.display_name), u.id",
    )
    .bind(run_id)
    .fetch_all(&mut *conn)
    .await?;
    let extra_costs = extra_costs::of_runs(&mut conn, &[run_id])
        .await?
        .remove(&run_id)
        .unwrap_or_default();
    Ok(RunPayers {
        run_id,
        total_minor,
        currency,
        extra_costs,
        payers: rows
            .into_iter()
            .map(|row| PayerView {
                user_id: row.user_id,
                name: row.name,
                amount_minor: row.amount_minor,
            })
            .collect(),
        viewer_may_edit: authorize(run.state, run.role, RunAction::RecordPayers).is_ok(),
    })
}

/// Says who paid what for the run. `paid` lists each payer once with a positive amount in the
/// group's currency (`currency` is the one the form showed); together they must be exactly what
/// was bought (`PAYERS_DO_NOT_ADD_UP`), and each must take part in the run.
pub async fn set(
    db: &PgPool,
    viewer: &Account,
    run_id: Uuid,
    currency: &str,
    paid: &[(UserId, i64)],
    origin: &Origin,
) -> AppResult<()> {
    let mut tx = db.begin().await?;
    let run = lock_run(&mut tx, run_id, viewer.id, Lock::Update).await?;
    authorize(run.state, run.role, RunAction::RecordPayers)?;
    let (total_minor, group_currency) = bought_total(&mut tx, run_id).await?;
    if group_currency != currency {
        // The form was made for another currency: its digits would be misread.
        return Err(ErrorCode::InvalidInput.into());
    }
    let mut people: Vec<Uuid> = paid.iter().map(|(who, _)| who.as_uuid()).collect();
    people.sort_unstable();
    people.dedup();
    if people.len() != paid.len() || paid.iter().any(|(_, amount)| *amount <= 0) {
        return Err(ErrorCode::InvalidInput.into());
    }
    let sum = paid
        .iter()
        .try_fold(0i64, |sum, (_, amount)| sum.checked_add(*amount));
    if sum != Some(total_minor) {
        return Err(ErrorCode::PayersDoNotAddUp.into());
    }
    let taking_part: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM run_participants WHERE run_id = $1 AND user_id = ANY($2)",
    )
    .bind(run_id)
    .bind(&people)
    .fetch_one(&mut *tx)
    .await?;
    if taking_part != people.len() as i64 {
        return Err(ErrorCode::NotRunParticipant.into());
    }
    sqlx::query("DELETE FROM run_payers WHERE run_id = $1")
        .bind(run_id)
        .execute(&mut *tx)
        .await?;
    let (who, amounts): (Vec<Uuid>, Vec<i64>) = paid
        .iter()
        .map(|(who, amount)| (who.as_uuid(), *amount))
        .unzip();
    sqlx::query(
        "INSERT INTO run_payers (run_id, user_id, amount_minor, currency, recorded_by) \
         SELECT $1, who, amount, $4, $5 FROM unnest($2::uuid[], $3::bigint[]) AS p(who, amount)",
    )
    .bind(run_id)
    .bind(&who)
    .bind(&amounts)
    .bind(currency)
    .bind(viewer.id)
    .execute(&mut *tx)
    .await?;
    let names: Vec<(Uuid, String)> =
        sqlx::query_as("SELECT id, username FROM users WHERE id = ANY($1) ORDER BY username")
            .bind(&who)
            .fetch_all(&mut *tx)
            .await?;
    let detail = paid
        .iter()
        .map(|(payer, amount)| {
            let name = names
                .iter()
                .find(|(id, _)| *id == payer.as_uuid())
                .map_or("?", |(_, name)| name.as_str());
            format!("{name} {}", format_plain(*amount, currency))
        })
        .collect::<Vec<_>>()
        .join(", ");
    let run_name: String = sqlx::query_scalar(
        "SELECT s.name FROM runs r JOIN stores s ON s.id = r.store_id WHERE r.id = $1",
    )
    .bind(run_id)
    .fetch_one(&mut *tx)
    .await?;
    let entry = Entry::new(AuditAction::RunPayersChanged, origin)
        .by(viewer.id, &viewer.username)
        .on(run_id, &run_name)
        .noting(&detail);
    audit::record(&mut tx, &entry).await?;
    run.record(&mut tx, LiveEvent::PeopleChanged { run_id })
        .await?;
    events::record(&mut tx, run.group_id, None, LiveEvent::MoneyChanged).await?;
    tx.commit().await?;
    tracing::info!(%run_id, user_id = %viewer.id, payers = paid.len(), "run payers changed");
    Ok(())
}
