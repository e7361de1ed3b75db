//! Moving a locked run along the state machine, and telling everyone else taking part.

use serde_json::json;
use sqlx::PgConnection;
use uuid::Uuid;

use crate::domain::notification::NotificationKind;
use crate::domain::run_state::RunState;
use crate::error::AppResult;
use crate::model::LiveEvent;
use crate::server::notifications::notify;
use crate::server::runs::access::LockedRun;
use crate::server::runs::leadership;

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
