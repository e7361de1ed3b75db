//! Repayments between two members of a group ("I paid Alice 23.40"). The payer records one and
//! it waits for the receiver to confirm; the receiver may record it directly, confirmed at once;
//! the payer may withdraw one still waiting. Only confirmed ones move balances. Every write locks
//! the group row first (the lock order of `runs::access`), so two repayments recorded at once are
//! checked one after the other: neither may be more than the payer still owes, counting those
//! waiting, so the same debt is never paid twice.

use serde_json::json;
use sqlx::{FromRow, PgConnection, PgPool};
use uuid::Uuid;

use crate::domain::ids::UserId;
use crate::domain::notification::NotificationKind;
use crate::domain::settlement::SettlementState;
use crate::error::{AppResult, ErrorCode};
use crate::model::LiveEvent;
use crate::server::accounts::Account;
use crate::server::events;
use crate::server::money::balances::balances;
use crate::server::notifications::notify;
use crate::server::runs::access::lock_group_as_member;

/// A repayment to record: `from` paid `to` this much in `currency`.
pub struct Repayment<'a> {
    pub group_id: Uuid,
    pub from: UserId,
    pub to: UserId,
    pub amount_minor: i64,
    pub currency: &'a str,
}

/// What `person` still has to pay (negative) or to receive (positive) in `currency`, counting
/// repayments that wait for confirmation as made.
async fn outstanding(
    conn: &mut PgConnection,
    group_id: Uuid,
    person: UserId,
    currency: &str,
) -> AppResult<i64> {
    Ok(balances(conn, group_id)
        .await?
        .remove(currency)
        .unwrap_or_default()
        .into_iter()
        .find(|member| member.user_id == person.as_uuid())
        .map_or(0, |member| member.outstanding_minor()))
}

/// Records a repayment by the payer (waiting for the receiver) or by the receiver (confirmed).
pub async fn record(db: &PgPool, viewer: &Account, repayment: &Repayment<'_>) -> AppResult<Uuid> {
    let Repayment {
        group_id,
        from,
        to,
        amount_minor,
        currency,
    } = *repayment;
    let me = UserId(viewer.id);
    if from == to || amount_minor <= 0 {
        return Err(ErrorCode::InvalidInput.into());
    }
    if me != from && me != to {
        return Err(ErrorCode::NotYourSettlement.into());
    }
    let mut tx = db.begin().await?;
    lock_group_as_member(&mut tx, group_id, viewer.id).await?;
    // Never more than the payer owes, nor than the receiver is owed.
    let owes = -outstanding(&mut tx, group_id, from, currency).await?;
    let is_owed = outstanding(&mut tx, group_id, to, currency).await?;
    if amount_minor > owes || amount_minor > is_owed {
        return Err(ErrorCode::SettlementTooLarge.into());
    }
    let state = if me == to {
        SettlementState::Confirmed
    } else {
        SettlementState::Pending
    };
    let id: Uuid = sqlx::query_scalar(
        "INSERT INTO settlements (group_id, from_user, to_user, amount_minor, currency, state, \
                                  recorded_by, decided_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, CASE WHEN $6 = $8 THEN NULL ELSE now() END) \
         RETURNING id",
    )
    .bind(group_id)
    .bind(from)
    .bind(to)
    .bind(amount_minor)
    .bind(currency)
    .bind(state.as_str())
    .bind(viewer.id)
    .bind(SettlementState::Pending.as_str())
    .fetch_one(&mut *tx)
    .await?;
    let (other, kind) = if me == from {
        (to, NotificationKind::PaymentSent)
    } else {
        (from, NotificationKind::PaymentConfirmed)
    };
    tell(
        &mut tx,
        group_id,
        other,
        kind,
        viewer,
        amount_minor,
        currency,
    )
    .await?;
    events::record(&mut tx, group_id, None, LiveEvent::MoneyChanged).await?;
    tx.commit().await?;
    tracing::info!(settlement_id = %id, %group_id, user_id = %viewer.id, "repayment recorded");
    Ok(id)
}

/// Notifies the other side of a repayment, with who and how much.
async fn tell(
    conn: &mut PgConnection,
    group_id: Uuid,
    whom: UserId,
    kind: NotificationKind,
    viewer: &Account,
    amount_minor: i64,
    currency: &str,
) -> AppResult<()> {
    let group_name: String = sqlx::query_scalar("SELECT name FROM groups WHERE id = $1")
        .bind(group_id)
        .fetch_one(&mut *conn)
        .await?;
    let payload = json!({
        "group_id": group_id,
        "group_name": group_name,
        "person": viewer.display_name,
        "amount_minor": amount_minor,
        "currency": currency,
    });
    notify(conn, &[whom.as_uuid()], kind, payload).await
}

#[derive(FromRow)]
struct Waiting {
    group_id: Uuid,
    from_user: UserId,
    to_user: UserId,
    amount_minor: i64,
    currency: String,
    state: String,
}

/// Locks a repayment still waiting for the receiver (its group first), for a member of the group.
async fn lock_waiting(
    conn: &mut PgConnection,
    viewer: &Account,
    settlement_id: Uuid,
) -> AppResult<Waiting> {
    let group_id: Option<Uuid> =
        sqlx::query_scalar("SELECT group_id FROM settlements WHERE id = $1")
            .bind(settlement_id)
            .fetch_optional(&mut *conn)
            .await?;
    let group_id = group_id.ok_or(ErrorCode::SettlementNotFound)?;
    lock_group_as_member(&mut *conn, group_id, viewer.id)
        .await
        .map_err(|_| ErrorCode::SettlementNotFound)?;
    let waiting: Waiting = sqlx::query_as(
        "SELECT group_id, from_user, to_user, amount_minor, currency, state FROM settlements \
         WHERE id = $1 FOR UPDATE",
    )
    .bind(settlement_id)
    .fetch_one(&mut *conn)
    .await?;
    if waiting.state != SettlementState::Pending.as_str() {
        return Err(ErrorCode::SettlementDecided.into());
    }
    Ok(waiting)
}

/// The receiver confirms they got the money.
pub async fn confirm(db: &PgPool, viewer: &Account, settlement_id: Uuid) -> AppResult<()> {
    decide(db, viewer, settlement_id, SettlementState::Confirmed).await
}

/// The payer takes back a repayment the receiver has not confirmed.
pub async fn withdraw(db: &PgPool, viewer: &Account, settlement_id: Uuid) -> AppResult<()> {
    decide(db, viewer, settlement_id, SettlementState::Withdrawn).await
}

async fn decide(
    db: &PgPool,
    viewer: &Account,
    settlement_id: Uuid,
    outcome: SettlementState,
) -> AppResult<()> {
    let mut tx = db.begin().await?;
    let waiting = lock_waiting(&mut tx, viewer, settlement_id).await?;
    let decider = match outcome {
        SettlementState::Confirmed => waiting.to_user,
        SettlementState::Withdrawn | SettlementState::Pending => waiting.from_user,
    };
    if UserId(viewer.id) != decider || outcome == SettlementState::Pending {
        return Err(ErrorCode::NotYourSettlement.into());
    }
    sqlx::query("UPDATE settlements SET state = $2, decided_at = now() WHERE id = $1")
        .bind(settlement_id)
        .bind(outcome.as_str())
        .execute(&mut *tx)
        .await?;
    if outcome == SettlementState::Confirmed {
        let payer = waiting.from_user;
        let (amount, currency) = (waiting.amount_minor, waiting.currency.as_str());
        let kind = NotificationKind::PaymentConfirmed;
        tell(
            &mut tx,
            waiting.group_id,
            payer,
            kind,
            viewer,
            amount,
            currency,
        )
        .await?;
    }
    events::record(&mut tx, waiting.group_id, None, LiveEvent::MoneyChanged).await?;
    tx.commit().await?;
    tracing::info!(%settlement_id, user_id = %viewer.id, outcome = outcome.as_str(), "repayment decided");
    Ok(())
}
