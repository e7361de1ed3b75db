//! A group's balances, per currency: for each person, what they paid the store for the group's
//! completed runs minus what their goods cost, plus what they repaid friends minus what friends
//! repaid them. They add up to zero. With them, the transfers that settle everything
//! (`domain::settlement`), the runs behind them with each run's own debts, and the repayments
//! still waiting for the receiver. All read from the group's `ledger`.

use std::collections::BTreeMap;

use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

use crate::domain::settlement::SettlementState;
use crate::error::{AppResult, ErrorCode};
use crate::model::{
    CurrencyMoney, GroupMoney, MemberBalance, MemberStatement, OwnTransfer, PayTo, RunMoney,
};
use crate::server::money::ledger::{self, Ledger, transfers};
use crate::server::money::payment_details;
use crate::server::runs::access::is_member;

/// Completed runs shown on the money page; the ledger download has them all.
pub const RUNS_SHOWN: usize = 30;

/// Every person's balance in the group, per currency, in the caller's connection.
pub(crate) async fn balances(
    conn: &mut PgConnection,
    group_id: Uuid,
) -> AppResult<BTreeMap<String, Vec<MemberBalance>>> {
    Ok(ledger::of_group(conn, group_id).await?.balances())
}

/// The balances of one currency with the transfers that settle them and the newest runs.
pub(crate) fn with_plan(
    currency: String,
    members: Vec<MemberBalance>,
    runs: &[RunMoney],
) -> CurrencyMoney {
    let names: BTreeMap<Uuid, &str> = members
        .iter()
        .map(|member| (member.user_id, member.name.as_str()))
        .collect();
    let owed: Vec<(Uuid, i64)> = members
        .iter()
        .map(|member| (member.user_id, member.outstanding_minor()))
        .collect();
    let (transfers, method) = transfers(&owed, &names);
    let in_currency = runs.iter().filter(|run| run.currency == currency);
    let run_count = in_currency.clone().count();
    let runs = in_currency.rev().take(RUNS_SHOWN).cloned().collect();
    CurrencyMoney {
        currency,
        transfers,
        method,
        members,
        runs,
        run_count,
    }
}

fn currencies(ledger: &Ledger) -> Vec<CurrencyMoney> {
    ledger
        .balances()
        .into_iter()
        .map(|(currency, members)| with_plan(currency, members, &ledger.runs))
        .collect()
}

/// The group's name, for a member of the group.
async fn group_name_for(
    db: &PgPool,
    conn: &mut PgConnection,
    viewer: Uuid,
    group_id: Uuid,
) -> AppResult<String> {
    if !is_member(db, group_id, viewer).await? {
        return Err(ErrorCode::GroupNotFound.into());
    }
    let name: Option<String> =
        sqlx::query_scalar("SELECT name FROM groups WHERE id = $1 AND archived_at IS NULL")
            .bind(group_id)
            .fetch_optional(conn)
            .await?;
    Ok(name.ok_or(ErrorCode::GroupNotFound)?)
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
        for money in currencies(&ledger::of_group(&mut conn, group_id).await?) {
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
    let mut conn = db.acquire().await?;
    let group_name = group_name_for(db, &mut conn, viewer, group_id).await?;
    let mut currencies = currencies(&ledger::of_group(&mut conn, group_id).await?);
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
    let settlements = ledger::repayments(
        &mut conn,
        group_id,
        &[
            SettlementState::Pending,
            SettlementState::Confirmed,
            SettlementState::Withdrawn,
        ],
        true,
        RECENT_SETTLEMENTS,
    )
    .await?;
    Ok(GroupMoney {
        group_id,
        group_name,
        viewer_id: viewer,
        currencies,
        settlements,
    })
}

/// One member's statement in the group, for a member of the group.
pub async fn statement(
    db: &PgPool,
    viewer: Uuid,
    group_id: Uuid,
    member_id: Uuid,
) -> AppResult<MemberStatement> {
    let mut conn = db.acquire().await?;
    let group_name = group_name_for(db, &mut conn, viewer, group_id).await?;
    let currencies = ledger::of_group(&mut conn, group_id)
        .await?
        .statement(member_id);
    // Only someone of the group: a member now, or someone with money in it.
    if currencies.is_empty() && !is_member(db, group_id, member_id).await? {
        return Err(ErrorCode::UserNotFound.into());
    }
    let member_name: String = sqlx::query_scalar("SELECT display_name FROM users WHERE id = $1")
        .bind(member_id)
        .fetch_one(&mut *conn)
        .await?;
    Ok(MemberStatement {
        group_id,
        group_name,
        member_id,
        member_name,
        made_at: chrono::Utc::now(),
        currencies,
    })
}
