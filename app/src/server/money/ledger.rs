//! A group's ledger, read in one place: every completed run's money per person and currency —
//! what they paid the store and for shared costs, what their goods and their parts of the shared
//! costs came to — and the repayments between friends. Balances, the runs behind them, the
//! run-by-run debts, the ledger download and each member's statement are all made from it, so
//! they always agree.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use sqlx::{FromRow, PgConnection};
use uuid::Uuid;

use crate::domain::run_state::RunState;
use crate::domain::settlement::{Method, SettlementState, settle};
use crate::error::{AppError, AppResult};
use crate::model::{
    MemberBalance, RunMoney, RunPersonMoney, SettlementView, StatementCurrency, StatementRun,
    SuggestedTransfer,
};
use crate::server::money::extra_costs;

pub(crate) struct Ledger {
    /// Per run and currency, oldest first.
    pub runs: Vec<RunMoney>,
    /// Confirmed repayments and those waiting for the receiver, oldest first; withdrawn ones
    /// move nothing and are left out.
    pub repayments: Vec<SettlementView>,
}

#[derive(FromRow)]
struct RunRow {
    id: Uuid,
    store_name: String,
    closed_at: DateTime<Utc>,
}

#[derive(FromRow)]
struct PartRow {
    run_id: Uuid,
    user_id: Uuid,
    name: String,
    currency: String,
    paid: i64,
    goods: i64,
}

/// The runs that count, oldest first; `$2` are the states whose runs count.
const RUNS: &str = "\
    SELECT r.id, s.name AS store_name, coalesce(r.completed_at, r.created_at) AS closed_at \
    FROM runs r JOIN stores s ON s.id = r.store_id \
    WHERE r.group_id = $1 AND r.state = ANY($2) ORDER BY 3, r.id";

/// What each person paid the store and what their goods cost, per run and currency.
const PARTS: &str = "\
    WITH paid AS (SELECT run_id, user_id, currency, sum(amount_minor) AS amount \
                  FROM run_payers WHERE run_id = ANY($1) GROUP BY 1, 2, 3), \
    goods AS (SELECT a.run_id, a.user_id, i.currency, sum(a.cost_minor) AS amount \
              FROM allocations a \
                   JOIN shopping_items i ON i.run_id = a.run_id AND i.product_id = a.product_id \
              WHERE a.run_id = ANY($1) AND i.currency IS NOT NULL GROUP BY 1, 2, 3), \
    people AS (SELECT run_id, user_id, currency FROM paid \
               UNION SELECT run_id, user_id, currency FROM goods) \
    SELECT x.run_id, x.user_id, u.display_name AS name, x.currency, \
           coalesce(paid.amount, 0)::bigint AS paid, coalesce(goods.amount, 0)::bigint AS goods \
    FROM people x JOIN users u ON u.id = x.user_id \
         LEFT JOIN paid USING (run_id, user_id, currency) \
         LEFT JOIN goods USING (run_id, user_id, currency)";

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

/// The group's repayments in the given `states`, newest first when `newest_first`, at most
/// `limit`.
pub(crate) async fn repayments(
    conn: &mut PgConnection,
    group_id: Uuid,
    states: &[SettlementState],
    newest_first: bool,
    limit: i64,
) -> AppResult<Vec<SettlementView>> {
    let states: Vec<&str> = states.iter().map(|state| state.as_str()).collect();
    let order = if newest_first {
        format!(
            "s.state = '{}' DESC, s.created_at DESC, s.id",
            SettlementState::Pending.as_str()
        )
    } else {
        "s.created_at, s.id".to_owned()
    };
    let rows: Vec<SettlementRow> = sqlx::query_as(&format!(
        "SELECT s.id, s.from_user, f.display_name AS from_name, s.to_user, \
                t.display_name AS to_name, s.amount_minor, s.currency, s.state, s.recorded_by, \
                s.created_at \
         FROM settlements s JOIN users f ON f.id = s.from_user JOIN users t ON t.id = s.to_user \
         WHERE s.group_id = $1 AND s.state = ANY($2) ORDER BY {order} LIMIT $3"
    ))
    .bind(group_id)
    .bind(states)
    .bind(limit)
    .fetch_all(conn)
    .await?;
    rows.into_iter().map(SettlementRow::view).collect()
}

/// The whole ledger of a group, in the caller's connection.
pub(crate) async fn of_group(conn: &mut PgConnection, group_id: Uuid) -> AppResult<Ledger> {
    let runs: Vec<RunRow> = sqlx::query_as(RUNS)
        .bind(group_id)
        .bind(RunState::counted_in_balances())
        .fetch_all(&mut *conn)
        .await?;
    let run_ids: Vec<Uuid> = runs.iter().map(|run| run.id).collect();
    let parts: Vec<PartRow> = sqlx::query_as(PARTS)
        .bind(&run_ids)
        .fetch_all(&mut *conn)
        .await?;
    let mut extras = extra_costs::of_runs(conn, &run_ids).await?;
    let mut people: BTreeMap<(Uuid, String), Vec<RunPersonMoney>> = BTreeMap::new();
    for part in parts {
        people
            .entry((part.run_id, part.currency))
            .or_default()
            .push(RunPersonMoney {
                user_id: part.user_id,
                name: part.name,
                paid_minor: part.paid,
                goods_minor: part.goods,
                extras_minor: 0,
            });
    }
    for (run_id, costs) in &mut extras {
        for cost in costs.iter().filter(|cost| !cost.parts.is_empty()) {
            // A cost nobody has a part of yet (nothing shared out) counts for nobody, so the
            // run still adds up to zero.
            let run = people.entry((*run_id, cost.currency.clone())).or_default();
            person(run, cost.paid_by, &cost.paid_by_name).paid_minor += cost.amount_minor;
            for &(who, part) in &cost.parts {
                person(run, who, "").extras_minor += part;
            }
        }
    }
    let mut ledger_runs = Vec::new();
    for run in runs {
        let currencies: Vec<String> = people
            .range((run.id, String::new())..)
            .take_while(|((id, _), _)| *id == run.id)
            .map(|((_, currency), _)| currency.clone())
            .collect();
        for currency in currencies {
            let mut people = people
                .remove(&(run.id, currency.clone()))
                .unwrap_or_default();
            people.sort_by(|a, b| {
                a.name
                    .to_lowercase()
                    .cmp(&b.name.to_lowercase())
                    .then(a.user_id.cmp(&b.user_id))
            });
            let nets: Vec<(Uuid, i64)> =
                people.iter().map(|p| (p.user_id, p.net_minor())).collect();
            let names: BTreeMap<Uuid, &str> = people
                .iter()
                .map(|p| (p.user_id, p.name.as_str()))
                .collect();
            let (debts, _) = transfers(&nets, &names);
            ledger_runs.push(RunMoney {
                run_id: run.id,
                store_name: run.store_name.clone(),
                closed_at: run.closed_at,
                currency,
                people,
                debts,
            });
        }
    }
    let repayments = repayments(
        conn,
        group_id,
        &[SettlementState::Confirmed, SettlementState::Pending],
        false,
        i64::MAX,
    )
    .await?;
    Ok(Ledger {
        runs: ledger_runs,
        repayments,
    })
}

/// The entry of `who` in `list`, added by `make` when missing.
fn entry_of<T>(
    list: &mut Vec<T>,
    who: Uuid,
    id_of: impl Fn(&T) -> Uuid,
    make: impl FnOnce() -> T,
) -> &mut T {
    let index = match list.iter().position(|item| id_of(item) == who) {
        Some(index) => index,
        None => {
            list.push(make());
            list.len() - 1
        }
    };
    &mut list[index]
}

/// `who`'s line in a run, added with nothing yet when missing.
fn person<'a>(
    people: &'a mut Vec<RunPersonMoney>,
    who: Uuid,
    name: &str,
) -> &'a mut RunPersonMoney {
    entry_of(
        people,
        who,
        |p| p.user_id,
        || RunPersonMoney {
            user_id: who,
            name: name.to_owned(),
            paid_minor: 0,
            goods_minor: 0,
            extras_minor: 0,
        },
    )
}

/// The transfers that settle `balances`, with everyone's name, and the rule that found them.
pub(crate) fn transfers(
    balances: &[(Uuid, i64)],
    names: &BTreeMap<Uuid, &str>,
) -> (Vec<SuggestedTransfer>, Method) {
    let plan = settle(balances);
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
    (transfers, plan.method)
}

impl Ledger {
    /// Every person's balance, per currency, by name: the runs' parts plus the repayments.
    pub(crate) fn balances(&self) -> BTreeMap<String, Vec<MemberBalance>> {
        let mut by_currency: BTreeMap<String, Vec<MemberBalance>> = BTreeMap::new();
        for run in &self.runs {
            let members = by_currency.entry(run.currency.clone()).or_default();
            for part in &run.people {
                let member = member(members, part.user_id, &part.name);
                member.paid_minor += part.paid_minor;
                member.share_minor += part.goods_minor + part.extras_minor;
                member.balance_minor += part.net_minor();
            }
        }
        for repayment in &self.repayments {
            let members = by_currency.entry(repayment.currency.clone()).or_default();
            let amount = repayment.amount_minor;
            let confirmed = repayment.state == SettlementState::Confirmed;
            let from = member(members, repayment.from_id, &repayment.from_name);
            if confirmed {
                from.settled_minor += amount;
                from.balance_minor += amount;
            } else {
                from.pending_minor += amount;
            }
            let to = member(members, repayment.to_id, &repayment.to_name);
            if confirmed {
                to.settled_minor -= amount;
                to.balance_minor -= amount;
            } else {
                to.pending_minor -= amount;
            }
        }
        for members in by_currency.values_mut() {
            members.sort_by(|a, b| {
                a.name
                    .to_lowercase()
                    .cmp(&b.name.to_lowercase())
                    .then(a.user_id.cmp(&b.user_id))
            });
        }
        by_currency
    }

    /// `who`'s statement: their runs and confirmed repayments per currency, with where they
    /// stand.
    pub(crate) fn statement(&self, who: Uuid) -> Vec<StatementCurrency> {
        self.balances()
            .into_iter()
            .filter_map(|(currency, members)| {
                let balance = members.into_iter().find(|m| m.user_id == who)?;
                let runs = self
                    .runs
                    .iter()
                    .filter(|run| run.currency == currency)
                    .filter_map(|run| {
                        Some(StatementRun {
                            run_id: run.run_id,
                            store_name: run.store_name.clone(),
                            closed_at: run.closed_at,
                            part: run.of(who)?.clone(),
                        })
                    })
                    .collect();
                let repayments = self
                    .repayments
                    .iter()
                    .filter(|r| r.currency == currency && r.state == SettlementState::Confirmed)
                    .filter(|r| r.from_id == who || r.to_id == who)
                    .cloned()
                    .collect();
                Some(StatementCurrency {
                    currency,
                    runs,
                    repayments,
                    balance,
                })
            })
            .collect()
    }
}

/// `who` among `members`, added with nothing yet when missing.
fn member<'a>(members: &'a mut Vec<MemberBalance>, who: Uuid, name: &str) -> &'a mut MemberBalance {
    entry_of(
        members,
        who,
        |m| m.user_id,
        || MemberBalance {
            user_id: who,
            name: name.to_owned(),
            paid_minor: 0,
            share_minor: 0,
            settled_minor: 0,
            balance_minor: 0,
            pending_minor: 0,
        },
    )
}
