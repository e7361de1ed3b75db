//! A group's balances, per currency: for each person, what they paid the store for the group's
//! completed runs minus what their goods cost, plus what they repaid friends minus what friends
//! repaid them. They add up to zero. With them, the transfers that settle everything
//! (`domain::settlement`) and the repayments still waiting for the receiver.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use sqlx::{FromRow, PgConnection, PgPool};
use uuid::Uuid;

use crate::domain::run_state::RunState;
use crate::domain::settlement::{SettlementState, settle};
use crate::error::{AppError, AppResult, ErrorCode};
use crate::model::{
    CurrencyMoney, ExtraCostView, GroupMoney, MemberBalance, OwnTransfer, PayTo, SettlementView,
    SuggestedTransfer,
};
use crate::server::money::{extra_costs, payment_details};
use crate::server::runs::access::is_member;

#[derive(FromRow)]
struct BalanceRow {
    user_id: Uuid,
    name: String,
    currency: String,
    paid: i64,
    share: i64,
    sent: i64,
    received: i64,
    pending: i64,
}

/// Each person's money in the group, by currency; `$2` are the states whose runs count, `$3` the
/// state of repayments that count, `$4` the state of those waiting for confirmation.
const BALANCES: &str = "\
    WITH counted AS (SELECT id FROM runs WHERE group_id = $1 AND state = ANY($2)), \
    paid AS (SELECT p.user_id, p.currency, sum(p.amount_minor) AS amount \
             FROM run_payers p JOIN counted c ON c.id = p.run_id GROUP BY 1, 2), \
    share AS (SELECT a.user_id, i.currency, sum(a.cost_minor) AS amount \
              FROM allocations a JOIN counted c ON c.id = a.run_id \
                   JOIN shopping_items i ON i.run_id = a.run_id AND i.product_id = a.product_id \
              WHERE i.currency IS NOT NULL GROUP BY 1, 2), \
    sent AS (SELECT from_user AS user_id, currency, sum(amount_minor) AS amount FROM settlements \
             WHERE group_id = $1 AND state = $3 GROUP BY 1, 2), \
    received AS (SELECT to_user AS user_id, currency, sum(amount_minor) AS amount FROM settlements \
                 WHERE group_id = $1 AND state = $3 GROUP BY 1, 2), \
    pending AS (SELECT user_id, currency, sum(amount) AS amount FROM ( \
                    SELECT from_user AS user_id, currency, amount_minor AS amount FROM settlements \
                    WHERE group_id = $1 AND state = $4 \
                    UNION ALL SELECT to_user, currency, -amount_minor FROM settlements \
                    WHERE group_id = $1 AND state = $4) p GROUP BY 1, 2), \
    people AS (SELECT user_id, currency FROM paid UNION SELECT user_id, currency FROM share \
               UNION SELECT user_id, currency FROM sent UNION SELECT user_id, currency FROM received) \
    SELECT x.user_id, u.display_name AS name, x.currency, \
           coalesce(paid.amount, 0)::bigint AS paid, coalesce(share.amount, 0)::bigint AS share, \
           coalesce(sent.amount, 0)::bigint AS sent, coalesce(received.amount, 0)::bigint AS received, \
           coalesce(pending.amount, 0)::bigint AS pending \
    FROM people x JOIN users u ON u.id = x.user_id \
         LEFT JOIN paid USING (user_id, currency) LEFT JOIN share USING (user_id, currency) \
         LEFT JOIN sent USING (user_id, currency) LEFT JOIN received USING (user_id, currency) \
         LEFT JOIN pending USING (user_id, currency) \
    ORDER BY x.currency, lower(u.display_name), x.user_id";

/// Every person's balance in the group, per currency, in the caller's transaction.
pub(crate) async fn balances(
    conn: &mut PgConnection,
    group_id: Uuid,
) -> AppResult<BTreeMap<String, Vec<MemberBalance>>> {
    let rows: Vec<BalanceRow> = sqlx::query_as(BALANCES)
        .bind(group_id)
        .bind(RunState::counted_in_balances())
        .bind(SettlementState::Confirmed.as_str())
        .bind(SettlementState::Pending.as_str())
        .fetch_all(&mut *conn)
        .await?;
    let counted: Vec<Uuid> =
        sqlx::query_scalar("SELECT id FROM runs WHERE group_id = $1 AND state = ANY($2)")
            .bind(group_id)
            .bind(RunState::counted_in_balances())
            .fetch_all(&mut *conn)
            .await?;
    let extras = extra_costs::of_runs(conn, &counted).await?;
    let mut by_currency: BTreeMap<String, Vec<MemberBalance>> = BTreeMap::new();
    for row in rows {
        let balance = row.paid - row.share + row.sent - row.received;
        by_currency
            .entry(row.currency)
            .or_default()
            .push(MemberBalance {
                user_id: row.user_id,
                name: row.name,
                paid_minor: row.paid,
                share_minor: row.share,
                settled_minor: row.sent - row.received,
                balance_minor: balance,
                pending_minor: row.pending,
            });
    }
    for cost in extras.into_values().flatten() {
        add_extra(&mut by_currency, &cost);
    }
    Ok(by_currency)
}

/// Where `who` is among `members`, added with nothing yet when missing.
fn index_of(members: &mut Vec<MemberBalance>, who: Uuid, name: &str) -> usize {
    if let Some(index) = members.iter().position(|m| m.user_id == who) {
        return index;
    }
    members.push(MemberBalance {
        user_id: who,
        name: name.to_owned(),
        paid_minor: 0,
        share_minor: 0,
        settled_minor: 0,
        balance_minor: 0,
        pending_minor: 0,
    });
    members.len() - 1
}

/// Counts a shared cost: paid by one, each person's part their share. A cost with no parts yet
/// (nothing shared out) counts for nobody, so the balances still add up to zero.
fn add_extra(by_currency: &mut BTreeMap<String, Vec<MemberBalance>>, cost: &ExtraCostView) {
    if cost.parts.is_empty() {
        return;
    }
    let members = by_currency.entry(cost.currency.clone()).or_default();
    let payer = index_of(members, cost.paid_by, &cost.paid_by_name);
    members[payer].paid_minor += cost.amount_minor;
    members[payer].balance_minor += cost.amount_minor;
    for &(who, part) in &cost.parts {
        let index = index_of(members, who, "");
        members[index].share_minor += part;
        members[index].balance_minor -= part;
    }
}

#[derive(FromRow)]
struct SettlementRow {
    id: Uuid,
    from_user: Uuid,
    from_name: String,
    to_user: Uuid,
    to_name: String,
    amount_minor: i64,
    currency: String,
    state: String,
    recorded_by: Uuid,
    created_at: DateTime<Utc>,
}

impl SettlementRow {
    fn view(self) -> AppResult<SettlementView> {
        let state = self.state.parse::<SettlementState>().map_err(|_| {
            AppError::internal(format!("unknown settlement state {:?}", self.state))
        })?;
        Ok(SettlementView {
            id: self.id,
            from_id: self.from_user,
            from_name: self.from_name,
            to_id: self.to_user,
            to_name: self.to_name,
            amount_minor: self.amount_minor,
            currency: self.currency,
            state,
            recorded_by: self.recorded_by,
            created_at: self.created_at,
        })
    }
}

/// The balances of one currency with the transfers that settle them.
fn with_plan(currency: String, members: Vec<MemberBalance>) -> CurrencyMoney {
    let names: BTreeMap<Uuid, &str> = members
        .iter()
        .map(|member| (member.user_id, member.name.as_str()))
        .collect();
    let owed: Vec<(Uuid, i64)> = members
        .iter()
        .map(|member| (member.user_id, member.outstanding_minor()))
        .collect();
    let plan = settle(&owed);
    let name_of = |id: &Uuid| names.get(id).copied().unwrap_or_default().to_owned();
    let transfers = plan
        .transfers
        .iter()
        .map(|transfer| SuggestedTransfer {
            from_id: transfer.from,
            from_name: name_of(&transfer.from),
            to_id: transfer.to,
            to_name: name_of(&transfer.to),
            amount_minor: transfer.amount_minor,
            pay_to: None,
        })
        .collect();
    CurrencyMoney {
        currency,
        transfers,
        method: plan.method,
        members,
    }
}

/// The viewer's own transfers across their groups, for the start page: whom they pay and who
/// pays them.
pub async fn of_viewer(db: &PgPool, viewer: Uuid) -> AppResult<Vec<OwnTransfer>> {
    let mut conn = db.acquire().await?;
    let groups: Vec<(Uuid, String)> = sqlx::query_as(
        "SELECT g.id, g.name FROM group_members m JOIN groups g ON g.id = m.group_id \
         WHERE m.user_id = $1 AND g.archived_at IS NULL ORDER BY lower(g.name), g.id",
    )
    .bind(viewer)
    .fetch_all(&mut *conn)
    .await?;
    let mut own = Vec::new();
    for (group_id, group_name) in groups {
        for (currency, members) in balances(&mut conn, group_id).await? {
            let money = with_plan(currency, members);
            for transfer in money.transfers {
                let (viewer_pays, other) = if transfer.from_id == viewer {
                    (true, transfer.to_name)
                } else if transfer.to_id == viewer {
                    (false, transfer.from_name)
                } else {
                    continue;
                };
                own.push(OwnTransfer {
                    group_id,
                    group_name: group_name.clone(),
                    other,
                    viewer_pays,
                    amount_minor: transfer.amount_minor,
                    currency: money.currency.clone(),
                });
            }
        }
    }
    Ok(own)
}

/// Repayments shown on the money page: every pending one and the newest decided ones.
const RECENT_SETTLEMENTS: i64 = 20;

/// The group's money page, for a member of the group.
pub async fn of_group(db: &PgPool, viewer: Uuid, group_id: Uuid) -> AppResult<GroupMoney> {
    if !is_member(db, group_id, viewer).await? {
        return Err(ErrorCode::GroupNotFound.into());
    }
    let mut conn = db.acquire().await?;
    let group_name: Option<String> =
        sqlx::query_scalar("SELECT name FROM groups WHERE id = $1 AND archived_at IS NULL")
            .bind(group_id)
            .fetch_optional(&mut *conn)
            .await?;
    let group_name = group_name.ok_or(ErrorCode::GroupNotFound)?;
    let mut currencies: Vec<CurrencyMoney> = balances(&mut conn, group_id)
        .await?
        .into_iter()
        .map(|(currency, members)| with_plan(currency, members))
        .collect();
    let receivers: Vec<Uuid> = currencies
        .iter()
        .flat_map(|money| money.transfers.iter().map(|t| t.to_id))
        .collect();
    let details = payment_details::of_people(&mut conn, &receivers).await?;
    let remittance = format!("Bulq: {group_name}");
    for money in &mut currencies {
        for transfer in &mut money.transfers {
            transfer.pay_to = details.get(&transfer.to_id).map(|details| PayTo {
                name: details.name.clone(),
                iban: details
                    .iban
                    .as_ref()
                    .map(ToString::to_string)
                    .unwrap_or_default(),
                note: details.note.clone(),
                qr_svg: details
                    .epc_payload(transfer.amount_minor, &money.currency, &remittance)
                    .and_then(|payload| payment_details::qr_svg(&payload)),
            });
        }
    }
    let settlements: Vec<SettlementRow> = sqlx::query_as(
        "SELECT s.id, s.from_user, f.display_name AS from_name, s.to_user, \
                t.display_name AS to_name, s.amount_minor, s.currency, s.state, s.recorded_by, \
                s.created_at \
         FROM settlements s JOIN users f ON f.id = s.from_user JOIN users t ON t.id = s.to_user \
         WHERE s.group_id = $1 \
         ORDER BY s.state = $3 DESC, s.created_at DESC, s.id LIMIT $2",
    )
    .bind(group_id)
    .bind(RECENT_SETTLEMENTS)
    .bind(SettlementState::Pending.as_str())
    .fetch_all(&mut *conn)
    .await?;
    let settlements = settlements
        .into_iter()
        .map(SettlementRow::view)
        .collect::<AppResult<Vec<_>>>()?;
    Ok(GroupMoney {
        group_id,
        group_name,
        viewer_id: viewer,
        currencies,
        settlements,
    })
}
