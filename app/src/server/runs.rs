//! Runs: opening one, a group's runs, readiness, and the leader's
//! moves (confirm, reopen, cancel). Every change locks the run row and asks the state machine
//! (`domain::run_state`) first: state changes take the lock `FOR UPDATE`, bids take it
//! `FOR SHARE`, so no bid lands after a change took the run out of a biddable state. Lock order
//! is always group row, then run row. People outside the run's group get `RUN_NOT_FOUND`.

use chrono::{DateTime, NaiveDate, Utc};
use serde_json::json;
use sqlx::{FromRow, PgConnection, PgPool};
use uuid::Uuid;

use crate::domain::admin::AuditAction;
use crate::domain::notification::NotificationKind;
use crate::domain::paging::{Page, PageRequest};
use crate::domain::run::MAX_OPEN_RUNS_PER_GROUP;
use crate::domain::run_state::{RunAction, RunRole, RunState, authorize};
use crate::error::{AppError, AppResult, ErrorCode};
use crate::model::{LiveEvent, RunSummary};
use crate::server::audit::{self, Origin};
use crate::server::groups::lock_group_as_member;
use crate::server::notifications::notify;
use crate::server::{events, leadership};

/// How a use case holds the run row while it works.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Lock {
    /// Bids: many at once, but no state change meanwhile.
    Share,
    /// State changes and readiness: one at a time.
    Update,
}

/// A run's state and what the viewer is to it; locked for the transaction when it comes from
/// `lock_run`.
pub(crate) struct LockedRun {
    pub id: Uuid,
    pub group_id: Uuid,
    pub state: RunState,
    pub role: RunRole,
}

impl LockedRun {
    /// Records a live event about this run, published once the transaction commits.
    pub(crate) async fn record(&self, conn: &mut PgConnection, event: LiveEvent) -> AppResult<()> {
        events::record(conn, self.group_id, Some(self.id), event).await
    }
}

/// The stored names of the states a run ends in, as the state machine says: SQL filters bind
/// them rather than spelling the states out.
pub(crate) fn ended_states() -> Vec<&'static str> {
    RunState::ALL
        .into_iter()
        .filter(|state| state.is_terminal())
        .map(RunState::as_str)
        .collect()
}

pub(crate) fn stored_state(name: &str) -> AppResult<RunState> {
    RunState::parse(name).ok_or_else(|| AppError::internal(format!("unknown run state {name:?}")))
}

/// SQL: whether user `$user` is a member of group `$group`, a group not archived.
macro_rules! is_group_member {
    (group: $group:literal, user: $user:literal) => {
        concat!(
            "EXISTS (SELECT 1 FROM group_members m JOIN groups g ON g.id = m.group_id \
                     WHERE m.group_id = ",
            $group,
            " AND m.user_id = ",
            $user,
            " AND g.archived_at IS NULL)"
        )
    };
}
pub(crate) use is_group_member;

/// SQL: whether product `$product` is in the catalogue (`ProductInRun::in_catalogue`).
macro_rules! product_in_catalogue {
    (product: $product:literal) => {
        concat!(
            "EXISTS (SELECT 1 FROM products WHERE id = ",
            $product,
            " AND archived_at IS NULL)"
        )
    };
}
pub(crate) use product_in_catalogue;

/// SQL: whether run `$1` already has bids on product `$product` (`ProductInRun::in_run`).
macro_rules! product_in_run {
    (product: $product:literal) => {
        concat!(
            "EXISTS (SELECT 1 FROM bids WHERE run_id = $1 AND product_id = ",
            $product,
            ")"
        )
    };
}
pub(crate) use product_in_run;

/// SQL: `run_participants p` joined on user `$user` taking part in run `$run` (not removed); the
/// join's flags are what `role_from` reads.
macro_rules! taking_part {
    (run: $run:literal, user: $user:literal) => {
        concat!(
            "run_participants p ON p.run_id = ",
            $run,
            " AND p.user_id = ",
            $user,
            " AND p.removed_at IS NULL"
        )
    };
}
pub(crate) use taking_part;

/// The statement reading what the viewer (`$3`) is to run `$1` of group `$2`, with `$extra`
/// columns after the role's three.
macro_rules! role_query {
    ($($extra:expr),*) => {
        concat!(
            "SELECT ",
            is_group_member!(group: "$2", user: "$3"),
            ", p.is_leader, p.is_helper",
            $(", ", $extra,)*
            " FROM (SELECT 1) one LEFT JOIN ",
            taking_part!(run: "$1", user: "$3")
        )
    };
}

/// Locks the run and works out the viewer's role. Membership is read after the lock is held, in a
/// statement of its own, so a removal that committed while we waited is seen.
pub(crate) async fn lock_run(
    conn: &mut PgConnection,
    run_id: Uuid,
    viewer: Uuid,
    lock: Lock,
) -> AppResult<LockedRun> {
    run_and_role(conn, run_id, viewer, lock_sql(lock)).await
}

/// What a run has of one product: whether the product is in the catalogue at all, and whether
/// the run already has bids on it.
#[derive(Clone, Copy)]
pub(crate) struct ProductInRun {
    pub in_catalogue: bool,
    pub in_run: bool,
}

/// `lock_run` for a use case about one product (a bid): what the run has of the product is read
/// in the same statement as the viewer's role, after the lock.
pub(crate) async fn lock_run_for_product(
    conn: &mut PgConnection,
    run_id: Uuid,
    viewer: Uuid,
    product_id: Uuid,
    lock: Lock,
) -> AppResult<(LockedRun, ProductInRun)> {
    let (group_id, state) = run_row(conn, run_id, lock_sql(lock)).await?;
    let (member, leader, helper, in_catalogue, in_run): (
        bool,
        Option<bool>,
        Option<bool>,
        bool,
        bool,
    ) = sqlx::query_as(role_query!(
        product_in_catalogue!(product: "$4"),
        product_in_run!(product: "$4")
    ))
    .bind(run_id)
    .bind(group_id)
    .bind(viewer)
    .bind(product_id)
    .fetch_one(&mut *conn)
    .await?;
    let run = LockedRun {
        id: run_id,
        group_id,
        state,
        role: role_from(member, leader, helper),
    };
    let product = ProductInRun {
        in_catalogue,
        in_run,
    };
    Ok((run, product))
}

fn lock_sql(lock: Lock) -> &'static str {
    match lock {
        Lock::Share => "SELECT group_id, state FROM runs WHERE id = $1 FOR SHARE",
        Lock::Update => "SELECT group_id, state FROM runs WHERE id = $1 FOR UPDATE",
    }
}

/// The run's state and what the viewer is to it, without a lock: for reads.
pub(crate) async fn read_run(
    conn: &mut PgConnection,
    run_id: Uuid,
    viewer: Uuid,
) -> AppResult<LockedRun> {
    run_and_role(
        conn,
        run_id,
        viewer,
        "SELECT group_id, state FROM runs WHERE id = $1",
    )
    .await
}

async fn run_and_role(
    conn: &mut PgConnection,
    run_id: Uuid,
    viewer: Uuid,
    sql: &'static str,
) -> AppResult<LockedRun> {
    let (group_id, state) = run_row(conn, run_id, sql).await?;
    let role = role_of(conn, run_id, group_id, viewer).await?;
    Ok(LockedRun {
        id: run_id,
        group_id,
        state,
        role,
    })
}

async fn run_row(
    conn: &mut PgConnection,
    run_id: Uuid,
    sql: &'static str,
) -> AppResult<(Uuid, RunState)> {
    let row: Option<(Uuid, String)> = sqlx::query_as(sql)
        .bind(run_id)
        .fetch_optional(&mut *conn)
        .await?;
    let (group_id, state) = row.ok_or(ErrorCode::RunNotFound)?;
    Ok((group_id, stored_state(&state)?))
}

pub(crate) async fn role_of(
    conn: &mut PgConnection,
    run_id: Uuid,
    group_id: Uuid,
    viewer: Uuid,
) -> AppResult<RunRole> {
    let (member, leader, helper): (bool, Option<bool>, Option<bool>) =
        sqlx::query_as(role_query!())
            .bind(run_id)
            .bind(group_id)
            .bind(viewer)
            .fetch_one(conn)
            .await?;
    Ok(role_from(member, leader, helper))
}

pub(crate) fn role_from(member: bool, leader: Option<bool>, helper: Option<bool>) -> RunRole {
    match (member, leader, helper) {
        (false, _, _) => RunRole::Outsider,
        (true, None, _) => RunRole::Member,
        (true, Some(true), _) => RunRole::Leader,
        (true, Some(false), Some(true)) => RunRole::Helper,
        (true, Some(false), _) => RunRole::Participant,
    }
}

/// Moves a locked run along the state machine and stamps when it entered the new state.
pub(crate) async fn move_run(
    conn: &mut PgConnection,
    run: &LockedRun,
    target: RunState,
) -> AppResult<RunState> {
    let target = run.state.move_to(target)?;
    // The column name comes from the enum, never from input.
    let sql = format!(
        "UPDATE runs SET state = $2, {}_at = now() WHERE id = $1",
        target.as_str()
    );
    sqlx::query(&sql)
        .bind(run.id)
        .bind(target.as_str())
        .execute(&mut *conn)
        .await?;
    if target.is_terminal() {
        leadership::drop_pending_transfers(conn, run.id).await?;
    }
    let event = LiveEvent::RunStateChanged {
        run_id: run.id,
        state: target,
    };
    run.record(conn, event).await?;
    Ok(target)
}

/// Everyone still taking part, but `except`.
async fn participants_but(
    conn: &mut PgConnection,
    run_id: Uuid,
    except: Uuid,
) -> AppResult<Vec<Uuid>> {
    Ok(sqlx::query_scalar(
        "SELECT user_id FROM run_participants \
         WHERE run_id = $1 AND removed_at IS NULL AND user_id <> $2",
    )
    .bind(run_id)
    .bind(except)
    .fetch_all(conn)
    .await?)
}

/// Tells every other participant that the run moved to `state`.
pub(crate) async fn notify_state_change(
    conn: &mut PgConnection,
    run_id: Uuid,
    actor: Uuid,
    state: RunState,
    reason: &str,
) -> AppResult<()> {
    let others = participants_but(conn, run_id, actor).await?;
    let kind = if state == RunState::Cancelled {
        NotificationKind::RunCancelled
    } else {
        NotificationKind::RunStateChanged
    };
    let payload = json!({ "run_id": run_id, "state": state.as_str(), "reason": reason });
    notify(conn, &others, kind, payload).await
}

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

#[derive(FromRow)]
struct SummaryRow {
    id: Uuid,
    group_id: Uuid,
    group_name: String,
    store_name: String,
    state: String,
    leader_name: Option<String>,
    planned_on: Option<NaiveDate>,
    participant_count: i64,
    created_at: DateTime<Utc>,
    total: i64,
}

impl SummaryRow {
    fn into_summary(self) -> AppResult<RunSummary> {
        Ok(RunSummary {
            id: self.id,
            group_id: self.group_id,
            group_name: self.group_name,
            store_name: self.store_name,
            state: stored_state(&self.state)?,
            leader_name: self.leader_name.unwrap_or_default(),
            planned_on: self.planned_on,
            participant_count: self.participant_count,
            created_at: self.created_at,
        })
    }
}

const SUMMARY_SELECT: &str = "\
    SELECT r.id, r.group_id, g.name AS group_name, s.name AS store_name, r.state, \
           lu.display_name AS leader_name, r.planned_on, \
           (SELECT count(*) FROM run_participants c WHERE c.run_id = r.id AND c.removed_at IS NULL) \
               AS participant_count, \
           r.created_at, count(*) OVER () AS total \
    FROM runs r JOIN groups g ON g.id = r.group_id JOIN stores s ON s.id = r.store_id \
         LEFT JOIN run_participants l ON l.run_id = r.id AND l.is_leader \
         LEFT JOIN users lu ON lu.id = l.user_id";

/// Runs that have not ended first, newest first within each part; `$ended` is the parameter
/// bound to `ended_states()`.
fn summary_order(ended: usize) -> String {
    format!("ORDER BY r.state = ANY(${ended}), r.created_at DESC, r.id")
}

pub(crate) async fn is_member(db: &PgPool, group_id: Uuid, viewer: Uuid) -> AppResult<bool> {
    Ok(sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM group_members m JOIN groups g ON g.id = m.group_id \
                        WHERE m.group_id = $1 AND m.user_id = $2 AND g.archived_at IS NULL)",
    )
    .bind(group_id)
    .bind(viewer)
    .fetch_one(db)
    .await?)
}

/// A group's runs, a page at a time; only for its members.
pub async fn list_for_group(
    db: &PgPool,
    viewer: Uuid,
    group_id: Uuid,
    page: PageRequest,
) -> AppResult<Page<RunSummary>> {
    if !is_member(db, group_id, viewer).await? {
        return Err(ErrorCode::GroupNotFound.into());
    }
    let sql = format!(
        "{SUMMARY_SELECT} WHERE r.group_id = $1 {} LIMIT $2 OFFSET $3",
        summary_order(4)
    );
    let rows: Vec<SummaryRow> = sqlx::query_as(&sql)
        .bind(group_id)
        .bind(page.limit())
        .bind(page.offset())
        .bind(ended_states())
        .fetch_all(db)
        .await?;
    let total = rows.first().map_or(0, |row| row.total as u64);
    Ok(page.page_of(
        rows.into_iter()
            .map(SummaryRow::into_summary)
            .collect::<AppResult<_>>()?,
        total,
    ))
}

/// The runs that have not ended in all of the viewer's groups, newest first (the dashboard).
pub async fn open_runs_of(db: &PgPool, viewer: Uuid, limit: i64) -> AppResult<Vec<RunSummary>> {
    let sql = format!(
        "{SUMMARY_SELECT} JOIN group_members me ON me.group_id = r.group_id AND me.user_id = $1 \
         WHERE g.archived_at IS NULL AND r.state <> ALL($3) \
         ORDER BY r.created_at DESC, r.id LIMIT $2"
    );
    let rows: Vec<SummaryRow> = sqlx::query_as(&sql)
        .bind(viewer)
        .bind(limit)
        .bind(ended_states())
        .fetch_all(db)
        .await?;
    rows.into_iter().map(SummaryRow::into_summary).collect()
}

/// The runs in the viewer's groups that a product is part of, newest first (the product page).
pub async fn runs_with_product(
    db: &PgPool,
    viewer: Uuid,
    product_id: Uuid,
    limit: i64,
) -> AppResult<Vec<RunSummary>> {
    let sql = format!(
        "{SUMMARY_SELECT} JOIN group_members me ON me.group_id = r.group_id AND me.user_id = $1 \
         WHERE g.archived_at IS NULL \
           AND EXISTS (SELECT 1 FROM bids b WHERE b.run_id = r.id AND b.product_id = $2) \
         ORDER BY r.created_at DESC, r.id LIMIT $3"
    );
    let rows: Vec<SummaryRow> = sqlx::query_as(&sql)
        .bind(viewer)
        .bind(product_id)
        .bind(limit)
        .fetch_all(db)
        .await?;
    rows.into_iter().map(SummaryRow::into_summary).collect()
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

/// A leader's move along the state machine: confirm, reopen or cancel (with a reason).
async fn leader_moves(
    db: &PgPool,
    viewer: Uuid,
    run_id: Uuid,
    action: RunAction,
    reason: &str,
    audited: Option<&Origin>,
) -> AppResult<RunState> {
    let target = action
        .target()
        .ok_or_else(|| AppError::internal(format!("{action:?} does not move a run")))?;
    let mut tx = db.begin().await?;
    let run = lock_run(&mut tx, run_id, viewer, Lock::Update).await?;
    authorize(run.state, run.role, action)?;
    let state = move_run(&mut tx, &run, target).await?;
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

/// The leader freezes the orders, whether or not everyone said they are ready.
pub async fn confirm(db: &PgPool, viewer: Uuid, run_id: Uuid) -> AppResult<RunState> {
    leader_moves(db, viewer, run_id, RunAction::Confirm, "", None).await
}

/// The leader lets people change their bids again.
pub async fn reopen(db: &PgPool, viewer: Uuid, run_id: Uuid) -> AppResult<RunState> {
    leader_moves(db, viewer, run_id, RunAction::Reopen, "", None).await
}

/// What leaving a group does to its runs, inside the caller's transaction (which already holds
/// the group row): in runs that have not ended their participation is marked removed and the
/// runs they lead are cancelled, everyone else taking part being told; their bids are taken
/// back where they are still only orders (once shopping started, goods were bought for them).
pub(crate) async fn withdraw_member(
    conn: &mut PgConnection,
    group_id: Uuid,
    member: Uuid,
) -> AppResult<()> {
    let runs: Vec<(Uuid, bool)> = sqlx::query_as(
        "SELECT p.run_id, p.is_leader FROM run_participants p JOIN runs r ON r.id = p.run_id \
         WHERE r.group_id = $1 AND p.user_id = $2 AND p.removed_at IS NULL \
           AND r.state <> ALL($3) \
         ORDER BY p.run_id",
    )
    .bind(group_id)
    .bind(member)
    .bind(ended_states())
    .fetch_all(&mut *conn)
    .await?;
    for (run_id, leads) in runs {
        let run = lock_run(conn, run_id, member, Lock::Update).await?;
        if run.state.bids_are_orders() {
            sqlx::query("DELETE FROM bids WHERE run_id = $1 AND user_id = $2")
                .bind(run_id)
                .bind(member)
                .execute(&mut *conn)
                .await?;
        }
        sqlx::query(
            "UPDATE run_participants SET removed_at = now(), is_ready = false, is_helper = false \
             WHERE run_id = $1 AND user_id = $2",
        )
        .bind(run_id)
        .bind(member)
        .execute(&mut *conn)
        .await?;
        leadership::drop_transfers_involving(conn, run_id, member).await?;
        run.record(conn, LiveEvent::PeopleChanged { run_id })
            .await?;
        if leads {
            let state = move_run(conn, &run, RunState::Cancelled).await?;
            sqlx::query("UPDATE runs SET leader_left = true WHERE id = $1")
                .bind(run_id)
                .execute(&mut *conn)
                .await?;
            notify_state_change(conn, run_id, member, state, "").await?;
            tracing::info!(%run_id, leader = %member, "run cancelled: its leader left the group");
        }
    }
    Ok(())
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
    leader_moves(db, viewer, run_id, RunAction::Cancel, reason, Some(origin)).await
}
