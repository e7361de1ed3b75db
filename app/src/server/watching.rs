//! Who may watch which live events: the stream asks before it subscribes a browser.

use sqlx::PgPool;
use uuid::Uuid;

use crate::domain::run_state::{RunAction, authorize};
use crate::error::{AppResult, ErrorCode};
use crate::server::runs::access::{is_member, read_run};

/// Whether `viewer` may watch a run's events (they may see the run); its group when they may.
pub async fn watch_run(db: &PgPool, viewer: Uuid, run_id: Uuid) -> AppResult<Uuid> {
    let mut conn = db.acquire().await?;
    let run = read_run(&mut conn, run_id, viewer).await?;
    authorize(run.state, run.role, RunAction::View)?;
    Ok(run.group_id)
}

/// Whether `viewer` may watch a group's events (they are a member).
pub async fn watch_group(db: &PgPool, viewer: Uuid, group_id: Uuid) -> AppResult<()> {
    if is_member(db, group_id, viewer).await? {
        Ok(())
    } else {
        Err(ErrorCode::GroupNotFound.into())
    }
}

/// The groups whose events `viewer` may watch: all of theirs.
pub async fn groups_of(db: &PgPool, viewer: Uuid) -> AppResult<Vec<Uuid>> {
    Ok(sqlx::query_scalar(
        "SELECT m.group_id FROM group_members m JOIN groups g ON g.id = m.group_id \
         WHERE m.user_id = $1 AND g.archived_at IS NULL",
    )
    .bind(viewer)
    .fetch_all(db)
    .await?)
}
