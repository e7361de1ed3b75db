//! Who the viewer is to a run, and the locks every run use case takes, in one place because the
//! order of the locks is what keeps writers from deadlocking. The order, for every use case:
//! the group row (`lock_group_as_member`), then the run row (`lock_run`), then rows inside the
//! run — a product's bids or its shopping item, a leader transfer. State changes and readiness
//! take the run row `FOR UPDATE`; bids take it `FOR SHARE`, so no bid lands after a change took
//! the run out of a biddable state. Membership is read after the lock is held, so a removal
//! that committed while a use case waited is seen. People outside the run's group get
//! `RUN_NOT_FOUND`.

use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

use crate::domain::run_state::{RunRole, RunState};
use crate::error::{AppError, AppResult, ErrorCode};
use crate::model::LiveEvent;
use crate::server::events;

/// Locks a live group and returns whether `user_id` is an admin of it; non-members and archived
/// groups are `GROUP_NOT_FOUND`.
pub(crate) async fn lock_group_as_member(
    conn: &mut PgConnection,
    group_id: Uuid,
    user_id: Uuid,
) -> AppResult<bool> {
    let sql = "SELECT m.is_admin FROM groups g JOIN group_members m ON m.group_id = g.id \
               WHERE g.id = $1 AND m.user_id = $2 AND g.archived_at IS NULL FOR UPDATE OF g";
    let is_admin: Option<bool> = sqlx::query_scalar(sql)
        .bind(group_id)
        .bind(user_id)
        .fetch_optional(conn)
        .await?;
    is_admin.ok_or_else(|| ErrorCode::GroupNotFound.into())
}

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

/// Whether `viewer` is a member of a group that is not archived (no lock: for reads).
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
