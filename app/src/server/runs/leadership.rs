//! Who runs a run besides the leader: helpers, and handing the lead over. A leader makes group
//! members helpers (or not); a leader asks a participant to take over, who accepts or declines,
//! or the leader withdraws the request. Accepting checks again, under the run's lock, that the
//! one who asked still leads an open run and the one asked still takes part. Requests die when the
//! run ends (`drop_pending_transfers`, called by every move to a final state).

use serde_json::json;
use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

use crate::domain::notification::NotificationKind;
use crate::domain::run_state::{RunAction, RunRole, authorize};
use crate::error::{AppResult, ErrorCode};
use crate::model::{LiveEvent, PersonRef, TransferView};
use crate::server::db::is_unique_violation;
use crate::server::notifications::notify;
use crate::server::runs::access::{Lock, LockedRun, lock_run};

/// Makes a member of the run's group a helper, or takes the role away. A helper who has not bid
/// yet becomes a participant.
pub async fn set_helper(
    db: &PgPool,
    viewer: Uuid,
    run_id: Uuid,
    member: Uuid,
    helper: bool,
) -> AppResult<()> {
    let mut tx = db.begin().await?;
    let run = lock_run(&mut tx, run_id, viewer, Lock::Update).await?;
    authorize(run.state, run.role, RunAction::ManageHelpers)?;
    let target = lock_run(&mut tx, run_id, member, Lock::Update).await?.role;
    match target {
        RunRole::Outsider => return Err(ErrorCode::NotAGroupMember.into()),
        RunRole::Leader => return Err(ErrorCode::LeaderCannotBeHelper.into()),
        // Not helping and not taking part: nothing to take away.
        RunRole::Member if !helper => return Ok(()),
        _ => {}
    }
    sqlx::query(
        "INSERT INTO run_participants (run_id, user_id, is_helper) VALUES ($1, $2, $3) \
         ON CONFLICT (run_id, user_id) DO UPDATE SET is_helper = EXCLUDED.is_helper, removed_at = NULL",
    )
    .bind(run_id)
    .bind(member)
    .bind(helper)
    .execute(&mut *tx)
    .await?;
    run.record(&mut tx, LiveEvent::PeopleChanged { run_id })
        .await?;
    tx.commit().await?;
    tracing::info!(%run_id, by = %viewer, %member, helper, "run helper changed");
    Ok(())
}

/// The leader asks a participant to take the run over; they are told.
pub async fn request_transfer(
    db: &PgPool,
    viewer: Uuid,
    run_id: Uuid,
    to: Uuid,
) -> AppResult<Uuid> {
    let mut tx = db.begin().await?;
    let run = lock_run(&mut tx, run_id, viewer, Lock::Update).await?;
    authorize(run.state, run.role, RunAction::TransferLeadership)?;
    if to == viewer {
        return Err(ErrorCode::TransferToSelf.into());
    }
    let target = lock_run(&mut tx, run_id, to, Lock::Update).await?.role;
    if target < RunRole::Participant {
        return Err(ErrorCode::TransferTargetNotParticipant.into());
    }
    let inserted = sqlx::query_scalar(
        "INSERT INTO leader_transfers (run_id, from_user_id, to_user_id) VALUES ($1, $2, $3) \
         RETURNING id",
    )
    .bind(run_id)
    .bind(viewer)
    .bind(to)
    .fetch_one(&mut *tx)
    .await;
    let request_id: Uuid = match inserted {
        Ok(id) => id,
        Err(error) if is_unique_violation(&error) => {
            return Err(ErrorCode::TransferAlreadyPending.into());
        }
        Err(error) => return Err(error.into()),
    };
    let payload = json!({ "run_id": run_id, "request_id": request_id });
    notify(
        &mut tx,
        &[to],
        NotificationKind::LeaderTransferRequested,
        payload,
    )
    .await?;
    run.record(&mut tx, LiveEvent::PeopleChanged { run_id })
        .await?;
    tx.commit().await?;
    Ok(request_id)
}

/// The open request and its run, locked; only for `actor` in the given role of the request.
async fn lock_pending(
    conn: &mut PgConnection,
    request_id: Uuid,
    actor: Uuid,
    as_target: bool,
) -> AppResult<(LockedRun, Uuid, Uuid)> {
    let row: Option<(Uuid, Uuid, Uuid)> = sqlx::query_as(
        "SELECT run_id, from_user_id, to_user_id FROM leader_transfers \
         WHERE id = $1 AND status = 'pending'",
    )
    .bind(request_id)
    .fetch_optional(&mut *conn)
    .await?;
    let (run_id, from, to) = row.ok_or(ErrorCode::TransferNotFound)?;
    let mine = if as_target {
        to == actor
    } else {
        from == actor
    };
    if !mine {
        return Err(ErrorCode::TransferNotFound.into());
    }
    // Run first, then the request, as every other writer of either does.
    let run = lock_run(conn, run_id, actor, Lock::Update).await?;
    let still_pending: Option<String> = sqlx::query_scalar(
        "SELECT status FROM leader_transfers WHERE id = $1 AND status = 'pending' FOR UPDATE",
    )
    .bind(request_id)
    .fetch_optional(&mut *conn)
    .await?;
    still_pending.ok_or(ErrorCode::TransferNotFound)?;
    Ok((run, from, to))
}

async fn resolve(conn: &mut PgConnection, request_id: Uuid, status: &str) -> AppResult<()> {
    sqlx::query("UPDATE leader_transfers SET status = $2, resolved_at = now() WHERE id = $1")
        .bind(request_id)
        .bind(status)
        .execute(conn)
        .await?;
    Ok(())
}

/// The one asked accepts (becoming leader, the old leader staying a participant) or declines.
pub async fn answer_transfer(
    db: &PgPool,
    viewer: Uuid,
    request_id: Uuid,
    accept: bool,
) -> AppResult<()> {
    let mut tx = db.begin().await?;
    let (run, from, _) = lock_pending(&mut tx, request_id, viewer, true).await?;
    let run_id = run.id;
    if !accept {
        resolve(&mut tx, request_id, "declined").await?;
        run.record(&mut tx, LiveEvent::PeopleChanged { run_id })
            .await?;
        let payload = json!({ "run_id": run_id, "request_id": request_id });
        notify(
            &mut tx,
            &[from],
            NotificationKind::LeaderTransferDeclined,
            payload,
        )
        .await?;
        tx.commit().await?;
        return Ok(());
    }
    let asker = lock_run(&mut tx, run_id, from, Lock::Update).await?;
    let me = lock_run(&mut tx, run_id, viewer, Lock::Update).await?;
    let still_valid = authorize(asker.state, asker.role, RunAction::TransferLeadership).is_ok()
        && me.role >= RunRole::Participant;
    if !still_valid {
        resolve(&mut tx, request_id, "cancelled").await?;
        tx.commit().await?;
        return Err(ErrorCode::TransferNotFound.into());
    }
    sqlx::query("UPDATE run_participants SET is_leader = false WHERE run_id = $1 AND is_leader")
        .bind(run_id)
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "UPDATE run_participants SET is_leader = true, is_helper = false \
         WHERE run_id = $1 AND user_id = $2",
    )
    .bind(run_id)
    .bind(viewer)
    .execute(&mut *tx)
    .await?;
    resolve(&mut tx, request_id, "accepted").await?;
    let payload = json!({ "run_id": run_id, "request_id": request_id });
    notify(
        &mut tx,
        &[from],
        NotificationKind::LeaderTransferAccepted,
        payload,
    )
    .await?;
    me.record(&mut tx, LiveEvent::PeopleChanged { run_id })
        .await?;
    tx.commit().await?;
    tracing::info!(%run_id, old_leader = %from, new_leader = %viewer, "run leadership handed over");
    Ok(())
}

/// The leader withdraws their request; the run's pages hear of it.
pub async fn withdraw_transfer(db: &PgPool, viewer: Uuid, request_id: Uuid) -> AppResult<()> {
    let mut tx = db.begin().await?;
    let (run, _, _) = lock_pending(&mut tx, request_id, viewer, false).await?;
    resolve(&mut tx, request_id, "cancelled").await?;
    let run_id = run.id;
    run.record(&mut tx, LiveEvent::PeopleChanged { run_id })
        .await?;
    tx.commit().await?;
    Ok(())
}

/// Ends every open request of a run that has just ended, in the caller's transaction.
pub(crate) async fn drop_pending_transfers(conn: &mut PgConnection, run_id: Uuid) -> AppResult<()> {
    drop_transfers_where(conn, run_id, None).await
}

/// Ends the open request of a run that `user` asked or was asked, when they leave the group.
pub(crate) async fn drop_transfers_involving(
    conn: &mut PgConnection,
    run_id: Uuid,
    user: Uuid,
) -> AppResult<()> {
    drop_transfers_where(conn, run_id, Some(user)).await
}

async fn drop_transfers_where(
    conn: &mut PgConnection,
    run_id: Uuid,
    involving: Option<Uuid>,
) -> AppResult<()> {
    sqlx::query(
        "UPDATE leader_transfers SET status = 'cancelled', resolved_at = now() \
         WHERE run_id = $1 AND status = 'pending' \
           AND ($2::uuid IS NULL OR $2 IN (from_user_id, to_user_id))",
    )
    .bind(run_id)
    .bind(involving)
    .execute(conn)
    .await?;
    Ok(())
}

pub(crate) async fn pending_transfer(
    conn: &mut PgConnection,
    run_id: Uuid,
) -> AppResult<Option<TransferView>> {
    let row: Option<(Uuid, Uuid, String, Uuid, String)> = sqlx::query_as(
        "SELECT t.id, f.id, f.display_name, o.id, o.display_name FROM leader_transfers t \
         JOIN users f ON f.id = t.from_user_id JOIN users o ON o.id = t.to_user_id \
         WHERE t.run_id = $1 AND t.status = 'pending'",
    )
    .bind(run_id)
    .fetch_optional(conn)
    .await?;
    Ok(
        row.map(|(id, from_id, from_name, to_id, to_name)| TransferView {
            id,
            from: PersonRef {
                user_id: from_id,
                display_name: from_name,
            },
            to: PersonRef {
                user_id: to_id,
                display_name: to_name,
            },
        }),
    )
}
