//! Merging a duplicate account into the one that stays, in one transaction under row locks on
//! both people and every run either takes part in. The rule (said on the confirmation page):
//! - groups: the survivor becomes a member of the duplicate's groups, an admin where either was;
//! - runs: the duplicate's participations move; in a run both take part in, bids on the same
//!   product are added together, leading, helping and "removed" combine, "ready" only if both
//!   were; refused (`MERGE_CONFLICT`) when such a shared run already has a shopping list, since
//!   two people's purchases and shares cannot become one person's;
//! - everything else they did (groups, stores and products created, prices seen, purchases
//!   recorded, pick-ups ticked, notifications, handovers) moves to the survivor;
//! - a site admin's role passes to the survivor; the duplicate stays as an anonymous former
//!   member with every session and stream ended, so nothing that points at it breaks.

use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

use crate::domain::admin::AuditAction;
use crate::domain::ids::UserId;
use crate::domain::quantity::MAX_BID;
use crate::error::{AppResult, ErrorCode};
use crate::model::LiveEvent;
use crate::server::account_removal;
use crate::server::accounts::Account;
use crate::server::audit::{self, Entry, Origin};
use crate::server::events;

/// Merges account `merged` into `survivor`.
pub async fn merge(
    db: &PgPool,
    admin: &Account,
    merged: UserId,
    survivor: UserId,
    origin: &Origin,
) -> AppResult<()> {
    if merged == survivor {
        return Err(ErrorCode::CannotMergeIntoItself.into());
    }
    let (s, t) = (merged.as_uuid(), survivor.as_uuid());
    let mut tx = db.begin().await?;
    let people: Vec<(Uuid, String, bool)> = sqlx::query_as(
        "SELECT id, username, is_admin FROM users \
         WHERE id = ANY($1) AND deleted_at IS NULL ORDER BY id FOR UPDATE",
    )
    .bind([s, t])
    .fetch_all(&mut *tx)
    .await?;
    let find = |id: Uuid| people.iter().find(|person| person.0 == id).cloned();
    let (Some(merged_row), Some(survivor_row)) = (find(s), find(t)) else {
        return Err(ErrorCode::UserNotFound.into());
    };
    let runs: Vec<(Uuid, Uuid)> = sqlx::query_as(
        "SELECT id, group_id FROM runs \
         WHERE id IN (SELECT run_id FROM run_participants WHERE user_id = ANY($1)) \
         ORDER BY id FOR UPDATE",
    )
    .bind([s, t])
    .fetch_all(&mut *tx)
    .await?;
    refuse_conflicts(&mut tx, s, t).await?;
    merge_runs(&mut tx, s, t).await?;
    let groups: Vec<Uuid> =
        sqlx::query_scalar("SELECT group_id FROM group_members WHERE user_id = $1")
            .bind(s)
            .fetch_all(&mut *tx)
            .await?;
    for statement in [
        // Groups: an admin where either was.
        "UPDATE group_members t SET is_admin = t.is_admin OR m.is_admin \
         FROM group_members m WHERE m.user_id = $1 AND t.user_id = $2 AND t.group_id = m.group_id",
        "DELETE FROM group_members m USING group_members t \
         WHERE m.user_id = $1 AND t.user_id = $2 AND t.group_id = m.group_id",
        "UPDATE group_members SET user_id = $2 WHERE user_id = $1",
        // What they did.
        "UPDATE groups SET created_by = $2 WHERE created_by = $1",
        "UPDATE stores SET created_by = $2 WHERE created_by = $1",
        "UPDATE products SET created_by = $2 WHERE created_by = $1",
        "UPDATE price_observations SET observed_by = $2 WHERE observed_by = $1",
        "UPDATE store_packs SET updated_by = $2 WHERE updated_by = $1",
        "UPDATE shopping_items SET purchased_by = $2 WHERE purchased_by = $1",
        "UPDATE allocations SET picked_up_by = $2 WHERE picked_up_by = $1",
        "UPDATE notifications SET user_id = $2 WHERE user_id = $1",
        "UPDATE leader_transfers SET status = 'cancelled', resolved_at = now() \
         WHERE status = 'pending' AND ((from_user_id = $1 AND to_user_id = $2) \
                                    OR (from_user_id = $2 AND to_user_id = $1))",
        "UPDATE leader_transfers SET from_user_id = $2 WHERE from_user_id = $1 AND to_user_id <> $2",
        "UPDATE leader_transfers SET to_user_id = $2 WHERE to_user_id = $1 AND from_user_id <> $2",
        // Repayments between the two were between one person: they move no balance.
        "DELETE FROM settlements WHERE (from_user = $1 AND to_user = $2) \
                                    OR (from_user = $2 AND to_user = $1)",
        "UPDATE settlements SET from_user = $2 WHERE from_user = $1",
        "UPDATE settlements SET to_user = $2 WHERE to_user = $1",
        "UPDATE settlements SET recorded_by = $2 WHERE recorded_by = $1",
        "UPDATE run_payers SET recorded_by = $2 WHERE recorded_by = $1",
        "UPDATE users t SET is_admin = t.is_admin OR m.is_admin, verified = t.verified OR m.verified \
         FROM users m WHERE m.id = $1 AND t.id = $2",
    ] {
        sqlx::query(statement)
            .bind(s)
            .bind(t)
            .execute(&mut *tx)
            .await?;
    }
    account_removal::anonymise(&mut tx, merged).await?;
    for (run_id, group_id) in &runs {
        let event = LiveEvent::PeopleChanged { run_id: *run_id };
        events::record(&mut tx, *group_id, Some(*run_id), event).await?;
    }
    for group_id in groups {
        events::record(
            &mut tx,
            group_id,
            None,
            LiveEvent::MemberJoined { user_id: t },
        )
        .await?;
    }
    let detail = format!("{} → {}", merged_row.1, survivor_row.1);
    let entry = Entry::new(AuditAction::AccountsMerged, origin)
        .by(admin.id, &admin.username)
        .on(t, &survivor_row.1)
        .noting(&detail);
    audit::record(&mut tx, &entry).await?;
    tx.commit().await?;
    tracing::info!(%s, %t, runs = runs.len(), "accounts merged");
    Ok(())
}

/// A run both take part in that has a shopping list, or bids that would add up past the limit.
async fn refuse_conflicts(conn: &mut PgConnection, s: Uuid, t: Uuid) -> AppResult<()> {
    let (bought_apart, too_much): (bool, bool) = sqlx::query_as(
        "SELECT EXISTS (SELECT 1 FROM run_participants a JOIN run_participants b USING (run_id) \
                        WHERE a.user_id = $1 AND b.user_id = $2 \
                          AND EXISTS (SELECT 1 FROM shopping_items i WHERE i.run_id = a.run_id)), \
                EXISTS (SELECT 1 FROM bids a JOIN bids b USING (run_id, product_id) \
                        WHERE a.user_id = $1 AND b.user_id = $2 \
                          AND a.quantity + b.quantity > $3::numeric)",
    )
    .bind(s)
    .bind(t)
    .bind(MAX_BID.to_string())
    .fetch_one(conn)
    .await?;
    if bought_apart {
        return Err(ErrorCode::MergeConflict.into());
    }
    if too_much {
        return Err(ErrorCode::QuantityInvalid.into());
    }
    Ok(())
}

/// Moves the duplicate's participations, bids and shares to the survivor, combining them in runs
/// both take part in (none of which has a shopping list by now).
async fn merge_runs(conn: &mut PgConnection, s: Uuid, t: Uuid) -> AppResult<()> {
    for statement in [
        // Shared runs: bids on one product add up, the rest move below.
        "UPDATE bids b SET quantity = b.quantity + m.quantity, \
                           asked = CASE WHEN b.asked IS NULL AND m.asked IS NULL THEN NULL \
                                        ELSE least(coalesce(b.asked, b.quantity) + coalesce(m.asked, m.quantity), 9999) END, \
                           interested_only = b.interested_only AND m.interested_only, \
                           tolerance = least(b.tolerance + m.tolerance, 9999), \
                           comment = left(concat_ws(' / ', nullif(b.comment, ''), nullif(m.comment, '')), 500) \
         FROM bids m WHERE m.user_id = $1 AND b.user_id = $2 \
           AND b.run_id = m.run_id AND b.product_id = m.product_id",
        "DELETE FROM bids m USING bids b WHERE m.user_id = $1 AND b.user_id = $2 \
           AND b.run_id = m.run_id AND b.product_id = m.product_id",
        // Shared runs: helping and taking part combine, ready only if both were.
        "UPDATE run_participants p SET is_helper = p.is_helper OR m.is_helper, \
                                       is_ready = p.is_ready AND m.is_ready, \
                                       removed_at = CASE WHEN p.removed_at IS NULL \
                                                           OR m.removed_at IS NULL THEN NULL \
                                                         ELSE p.removed_at END \
         FROM run_participants m WHERE m.user_id = $1 AND p.user_id = $2 AND p.run_id = m.run_id",
        // Runs only the duplicate takes part in: a participation for the survivor (leading is
        // handed over below, one leader per run at any moment), then what points at it.
        "INSERT INTO run_participants (run_id, user_id, is_helper, is_ready, removed_at, created_at) \
         SELECT m.run_id, $2, m.is_helper, m.is_ready, m.removed_at, m.created_at \
         FROM run_participants m WHERE m.user_id = $1 \
           AND NOT EXISTS (SELECT 1 FROM run_participants o WHERE o.run_id = m.run_id AND o.user_id = $2)",
        "UPDATE bids SET user_id = $2 WHERE user_id = $1",
        "UPDATE allocations SET user_id = $2 WHERE user_id = $1",
        // Both paid for one run: one payer of the sum.
        "UPDATE run_payers p SET amount_minor = p.amount_minor + m.amount_minor \
         FROM run_payers m WHERE m.user_id = $1 AND p.user_id = $2 AND p.run_id = m.run_id",
        "DELETE FROM run_payers m USING run_payers p \
         WHERE m.user_id = $1 AND p.user_id = $2 AND p.run_id = m.run_id",
        "UPDATE run_payers SET user_id = $2 WHERE user_id = $1",
    ] {
        sqlx::query(statement)
            .bind(s)
            .bind(t)
            .execute(&mut *conn)
            .await?;
    }
    let led: Vec<Uuid> = sqlx::query_scalar(
        "UPDATE run_participants SET is_leader = false WHERE user_id = $1 AND is_leader RETURNING run_id",
    )
    .bind(s)
    .fetch_all(&mut *conn)
    .await?;
    sqlx::query(
        "UPDATE run_participants SET is_leader = true, is_helper = false \
         WHERE user_id = $1 AND run_id = ANY($2)",
    )
    .bind(t)
    .bind(&led)
    .execute(&mut *conn)
    .await?;
    sqlx::query("DELETE FROM run_participants WHERE user_id = $1")
        .bind(s)
        .execute(&mut *conn)
        .await?;
    Ok(())
}
