//! The group's ledger as a CSV for any member: one row per person of each completed run (paid,
//! goods, shared costs, what it did to their balance), each confirmed repayment from both sides,
//! repayments waiting for the receiver, and the transfers still to make. Each person's balance
//! changes add up to their balance on the money page. Column names in the viewer's language;
//! amounts plain decimals; UTF-8 with a byte-order mark, every text cell formula-safe.

use chrono::{DateTime, Utc};
use sqlx::PgPool;
use uuid::Uuid;

use crate::domain::language::Language;
use crate::domain::money::format_plain;
use crate::domain::settlement::SettlementState;
use crate::error::{AppResult, ErrorCode};
use crate::i18n::{Key, text};
use crate::server::csv::{BOM, field};
use crate::server::money::balances;
use crate::server::money::ledger::{self, Ledger};
use crate::server::runs::access::is_member;
use crate::server::runs::exports::Download;

const HEADERS: [Key; 11] = [
    Key::CsvDate,
    Key::CsvEntry,
    Key::CsvStore,
    Key::CsvPerson,
    Key::CsvOtherPerson,
    Key::CsvCurrency,
    Key::CsvPaid,
    Key::CsvGoods,
    Key::CsvSharedCosts,
    Key::CsvAmount,
    Key::CsvBalanceChange,
];

/// One row; money in minor units, `None` for an empty cell.
struct Row {
    at: DateTime<Utc>,
    entry: Key,
    store: String,
    person: String,
    other: String,
    currency: String,
    paid: Option<i64>,
    goods: Option<i64>,
    shared: Option<i64>,
    amount: Option<i64>,
    change: Option<i64>,
}

impl Row {
    /// A row of amounts between two people (a repayment or a transfer to make).
    fn between(at: DateTime<Utc>, entry: Key, person: &str, other: &str, currency: &str) -> Self {
        Row {
            at,
            entry,
            store: String::new(),
            person: person.to_owned(),
            other: other.to_owned(),
            currency: currency.to_owned(),
            paid: None,
            goods: None,
            shared: None,
            amount: None,
            change: None,
        }
    }

    fn line(&self, language: Language) -> String {
        let money = |minor: Option<i64>| {
            minor
                .map(|minor| format_plain(minor, &self.currency))
                .unwrap_or_default()
        };
        [
            self.at.format("%Y-%m-%d").to_string(),
            field(text(language, self.entry)),
            field(&self.store),
            field(&self.person),
            field(&self.other),
            self.currency.clone(),
            money(self.paid),
            money(self.goods),
            money(self.shared),
            money(self.amount),
            money(self.change),
        ]
        .join(",")
    }
}

fn rows(ledger: &Ledger, now: DateTime<Utc>) -> Vec<Row> {
    let mut rows = Vec::new();
    for run in &ledger.runs {
        for part in &run.people {
            rows.push(Row {
                at: run.closed_at,
                entry: Key::LedgerEntryRun,
                store: run.store_name.clone(),
                person: part.name.clone(),
                other: String::new(),
                currency: run.currency.clone(),
                paid: Some(part.paid_minor),
                goods: Some(part.goods_minor),
                shared: Some(part.extras_minor),
                amount: None,
                change: Some(part.net_minor()),
            });
        }
    }
    for r in &ledger.repayments {
        let at = r.created_at;
        if r.state == SettlementState::Confirmed {
            let mut sent = Row::between(
                at,
                Key::LedgerEntryRepaid,
                &r.from_name,
                &r.to_name,
                &r.currency,
            );
            sent.amount = Some(r.amount_minor);
            sent.change = Some(r.amount_minor);
            let mut received = Row::between(
                at,
                Key::LedgerEntryRepaidBy,
                &r.to_name,
                &r.from_name,
                &r.currency,
            );
            received.amount = Some(r.amount_minor);
            received.change = Some(-r.amount_minor);
            rows.extend([sent, received]);
        } else {
            let mut waiting = Row::between(
                at,
                Key::LedgerEntryWaiting,
                &r.from_name,
                &r.to_name,
                &r.currency,
            );
            waiting.amount = Some(r.amount_minor);
            rows.push(waiting);
        }
    }
    rows.sort_by_key(|row| row.at);
    for (currency, members) in ledger.balances() {
        let money = balances::with_plan(currency, members, &[]);
        for t in money.transfers {
            let mut to_pay = Row::between(
                now,
                Key::LedgerEntryToPay,
                &t.from_name,
                &t.to_name,
                &money.currency,
            );
            to_pay.amount = Some(t.amount_minor);
            rows.push(to_pay);
        }
    }
    rows
}

/// The ledger of a group, for a member of it.
pub async fn csv(
    db: &PgPool,
    viewer: Uuid,
    group_id: Uuid,
    language: Language,
) -> AppResult<Download> {
    if !is_member(db, group_id, viewer).await? {
        return Err(ErrorCode::GroupNotFound.into());
    }
    let mut conn = db.acquire().await?;
    let name: Option<String> =
        sqlx::query_scalar("SELECT name FROM groups WHERE id = $1 AND archived_at IS NULL")
            .bind(group_id)
            .fetch_optional(&mut *conn)
            .await?;
    let name = name.ok_or(ErrorCode::GroupNotFound)?;
    let ledger = ledger::of_group(&mut conn, group_id).await?;
    let now = Utc::now();
    let mut out = String::from(BOM);
    out.push_str(
        &HEADERS
            .iter()
            .map(|key| field(text(language, *key)))
            .collect::<Vec<_>>()
            .join(","),
    );
    out.push('\n');
    for row in rows(&ledger, now) {
        out.push_str(&row.line(language));
        out.push('\n');
    }
    // ASCII only: the name goes into a header as it is.
    let stem: String = name
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let stem = match stem.trim_matches('-') {
        "" => "group",
        stem => stem,
    };
    Ok(Download {
        filename: format!("ledger-{stem}-{}.csv", now.format("%Y-%m-%d")),
        content_type: "text/csv; charset=utf-8",
        body: out,
    })
}
