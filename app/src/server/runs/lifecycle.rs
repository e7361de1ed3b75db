//! A run's life as its people move it: opening one, readiness, and the leader's moves (confirm,
//! reopen, cancel). Every change locks the run row (`access`) and asks the state machine
//! (`domain::run_state`) first.

use chrono::NaiveDate;
use serde_json::json;
use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

use crate::domain::admin::AuditAction;
use crate::domain::notification::NotificationKind;
use crate::domain::packs::Fairness;
use crate::domain::run::MAX_OPEN_RUNS_PER_GROUP;
use crate::domain::run_state::{RunAction, RunState, authorize};
use crate::error::{AppError, AppResult, ErrorCode};
use crate::model::LiveEvent;
use crate::server::audit::{self, Origin};
use crate::server::events;
use crate::server::notifications::notify;
use crate::server::runs::access::{Lock, ended_states, lock_group_as_member, lock_run};
use crate::server::runs::pack_orders;
use crate::server::runs::transitions::{move_run, notify_state_change};

pub struct NewRun {
    pub group_id: Uuid,
    pub store_id: Uuid,
    pub comment: String,
    pub planned_on: Option<NaiveDate>,
}

/// Opens a run; the member who opens it leads it. A group has at most 100 runs that have not
/// ended, counted under the group's lock.
pub async fn create(db: &PgPool, leader: Uuid, new: &NewRun) -> AppResult<Uuid> {
    let mut tx = db.begin().await?;
    lock_group_as_member(&mut tx, new.group_id, leader).await?;
    let store_exists: bool = sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM stores WHERE id = $1 AND archived_at IS NULL)",
    )
    .bind(new.store_id)
    .fetch_one(&mut *tx)
    .await?;
    if !store_exists {
        return Err(ErrorCode::StoreNotFound.into());
    }
    let open: i64 =
        sqlx::query_scalar("SELECT count(*) FROM runs WHERE group_id = $1 AND state <> ALL($2)")
            .bind(new.group_id)
            .bind(ended_states())
            .fetch_one(&mut *tx)
            .await?;
    if open >= MAX_OPEN_RUNS_PER_GROUP {
        return Err(ErrorCode::GroupMaxActiveRunsExceeded.into());
    }
    let run_id: Uuid = sqlx::query_scalar(
        "INSERT INTO runs (group_id, store_id, comment, planned_on) VALUES ($1, $2, $3, $4) \
         RETURNING id",
    )
    .bind(new.group_id)
    .bind(new.store_id)
    .bind(&new.comment)
    .bind(new.planned_on)
    .fetch_one(&mut *tx)
    .await?;
    sqlx::query("INSERT INTO run_participants (run_id, user_id, is_leader) VALUES ($1, $2, true)")
        .bind(run_id)
        .bind(leader)
        .execute(&mut *tx)
        .await?;
    events::record(
        &mut tx,
        new.group_id,
        Some(run_id),
        LiveEvent::RunOpened { run_id },
    )
    .await?;
    tx.commit().await?;
    tracing::info!(%run_id, group_id = %new.group_id, user_id = %leader, "run created");
    Ok(run_id)
}

/// What the leader may change of a run after opening it.
pub struct RunEdit {
    pub comment: String,
    pub planned_on: Option<NaiveDate>,
    /// How packs that do not come out even are shared; `None` leaves it as it is.
    pub pack_fairness: Option<Fairness>,
}

/// The leader changes the run's comment, shopping day and pack fairness, while the run has not
/// ended.
pub async fn edit_details(
    db: &PgPool,
    viewer: Uuid,
    run_id: Uuid,
    edit: &RunEdit,
) -> AppResult<()> {
    let mut tx = db.begin().await?;
    let run = lock_run(&mut tx, run_id, viewer, Lock::Update).await?;
    authorize(run.state, run.role, RunAction::EditComment)?;
    sqlx::query(
        "UPDATE runs SET comment = $2, planned_on = $3, \
                pack_fairness = coalesce($4, pack_fairness) WHERE id = $1",
    )
    .bind(run_id)
    .bind(&edit.comment)
    .bind(edit.planned_on)
    .bind(edit.pack_fairness.map(<&str>::from))
    .execute(&mut *tx)
    .await?;
    run.record(&mut tx, LiveEvent::RunEdited { run_id }).await?;
    tx.commit().await?;
    tracing::info!(%run_id, user_id = %viewer, "run details edited");
    Ok(())
}

/// Whether everyone but the leader still taking part who bid is ready (and someone bid).
async fn everyone_ready(conn: &mut PgConnection, run_id: Uuid) -> AppResult<bool> {
    Ok(sqlx::query_scalar(
        "SELECT count(*) > 0 AND bool_and(p.is_ready) FROM run_participants p \
         WHERE p.run_id = $1 AND p.removed_at IS NULL AND NOT p.is_leader \
           AND EXISTS (SELECT 1 FROM bids b WHERE b.run_id = p.run_id AND b.user_id = p.user_id)",
    )
    .bind(run_id)
    .fetch_one(conn)
    .await?)
}

/// A participant says whether their order is complete. When this makes everyone who bid ready,
/// the leader is told. Serialised per run (`FOR UPDATE`), so two last toggles cannot both miss it.
pub async fn set_ready(db: &PgPool, viewer: Uuid, run_id: Uuid, ready: bool) -> AppResult<()> {
    let mut tx = db.begin().await?;
    let run = lock_run(&mut tx, run_id, viewer, Lock::Update).await?;
    authorize(run.state, run.role, RunAction::ToggleReady)?;
    let was_ready = everyone_ready(&mut tx, run_id).await?;
    sqlx::query("UPDATE run_participants SET is_ready = $3 WHERE run_id = $1 AND user_id = $2")
        .bind(run_id)
        .bind(viewer)
        .bind(ready)
        .execute(&mut *tx)
        .await?;
    let event = LiveEvent::ReadyChanged {
        run_id,
        user_id: viewer,
    };
    run.record(&mut tx, event).await?;
    if !was_ready && everyone_ready(&mut tx, run_id).await? {
        let leader: Vec<Uuid> = sqlx::query_scalar(
            "SELECT user_id FROM run_participants WHERE run_id = $1 AND is_leader",
        )
        .bind(run_id)
        .fetch_all(&mut *tx)
        .await?;
        notify(
            &mut tx,
            &leader,
            NotificationKind::EveryoneReady,
            json!({ "run_id": run_id }),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// A leader's move along the state machine: confirm (rounding up the open packs of `round_up`),
/// reopen or cancel (with a reason).
async fn leader_moves(
    db: &PgPool,
    viewer: Uuid,
    run_id: Uuid,
    action: RunAction,
    reason: &str,
    round_up: &[Uuid],
    audited: Option<&Origin>,
) -> AppResult<RunState> {
    let target = action
        .target()
        .ok_or_else(|| AppError::internal(format!("{action:?} does not move a run")))?;
    let mut tx = db.begin().await?;
    let run = lock_run(&mut tx, run_id, viewer, Lock::Update).await?;
    authorize(run.state, run.role, action)?;
    let state = move_run(&mut tx, &run, target).await?;
    match action {
        RunAction::Confirm => pack_orders::plan_at_confirmation(&mut tx, run_id, round_up).await?,
        RunAction::Reopen => pack_orders::forget(&mut tx, run_id).await?,
        _ => {}
    }
    if state == RunState::Cancelled {
        sqlx::query("UPDATE runs SET cancel_reason = $2 WHERE id = $1")
            .bind(run_id)
            .bind(reason)
            .execute(&mut *tx)
            .await?;
    }
    notify_state_change(&mut tx, run_id, viewer, state, reason).await?;
    if let Some(origin) = audited {
        let detail = format!("run {run_id}: {reason}");
        let action = AuditAction::RunCancelled;
        audit::record_ids(&mut tx, action, viewer, None, Some(&detail), origin).await?;
    }
    tx.commit().await?;
    tracing::info!(%run_id, user_id = %viewer, state = state.as_str(), "run moved");
    Ok(state)
}

/// The leader freezes the orders, whether or not everyone said they are ready, and the packs
/// are shared out: the open packs of the products in `round_up` are bought, the others cut.
pub async fn confirm(
    db: &PgPool,
    viewer: Uuid,
    run_id: Uuid,
    round_up: &[Uuid],
) -> AppResult<RunState> {
    leader_moves(db, viewer, run_id, RunAction::Confirm, "", round_up, None).await
}

/// The leader lets people change their bids again; what they asked is back.
pub async fn reopen(db: &PgPool, viewer: Uuid, run_id: Uuid) -> AppResult<RunState> {
    leader_moves(db, viewer, run_id, RunAction::Reopen, "", &[], None).await
}

/// The leader calls the run off, saying why if they like; everyone taking part is told.
/// Recorded in the audit trail with the reason.
pub async fn cancel(
    db: &PgPool,
    viewer: Uuid,
    run_id: Uuid,
    reason: &str,
    origin: &Origin,
) -> AppResult<RunState> {
    leader_moves(
        db,
        viewer,
        run_id,
        RunAction::Cancel,
        reason,
        &[],
        Some(origin),
    )
    .await
}
