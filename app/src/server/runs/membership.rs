//! What leaving a group does to the runs of someone who leaves.

use sqlx::PgConnection;
use uuid::Uuid;

use crate::domain::run_state::RunState;
use crate::error::AppResult;
use crate::model::LiveEvent;
use crate::server::runs::access::{Lock, ended_states, lock_run};
use crate::server::runs::leadership;
use crate::server::runs::transitions::{move_run, notify_state_change};

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
