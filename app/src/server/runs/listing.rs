//! Lists of runs: a group's, the dashboard's open runs, and the runs a product is part of.

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::{FromRow, PgPool};
use uuid::Uuid;

use crate::domain::paging::{Page, PageRequest};
use crate::error::{AppResult, ErrorCode};
use crate::model::RunSummary;
use crate::server::runs::access::{ended_states, is_member, stored_state};

#[derive(FromRow)]
struct SummaryRow {
    id: Uuid,
    group_id: Uuid,
    group_name: String,
    store_name: String,
    state: String,
    leader_name: Option<String>,
    planned_on: Option<NaiveDate>,
    participant_count: i64,
    created_at: DateTime<Utc>,
    total: i64,
}

impl SummaryRow {
    fn into_summary(self) -> AppResult<RunSummary> {
        Ok(RunSummary {
            id: self.id,
            group_id: self.group_id,
            group_name: self.group_name,
            store_name: self.store_name,
            state: stored_state(&self.state)?,
            leader_name: self.leader_name.unwrap_or_default(),
            planned_on: self.planned_on,
            participant_count: self.participant_count,
            created_at: self.created_at,
        })
    }
}

const SUMMARY_SELECT: &str = "\
    SELECT r.id, r.group_id, g.name AS group_name, s.name AS store_name, r.state, \
           lu.display_name AS leader_name, r.planned_on, \
           (SELECT count(*) FROM run_participants c WHERE c.run_id = r.id AND c.removed_at IS NULL) \
               AS participant_count, \
           r.created_at, count(*) OVER () AS total \
    FROM runs r JOIN groups g ON g.id = r.group_id JOIN stores s ON s.id = r.store_id \
         LEFT JOIN run_participants l ON l.run_id = r.id AND l.is_leader \
         LEFT JOIN users lu ON lu.id = l.user_id";

/// A page of summary rows; the total comes with every row (`count(*) OVER ()`).
fn page_of_rows(page: PageRequest, rows: Vec<SummaryRow>) -> AppResult<Page<RunSummary>> {
    let total = rows.first().map_or(0, |row| row.total as u64);
    Ok(page.page_of(
        rows.into_iter()
            .map(SummaryRow::into_summary)
            .collect::<AppResult<_>>()?,
        total,
    ))
}

/// Runs that have not ended first, newest first within each part; `$ended` is the parameter
/// bound to `ended_states()`.
fn summary_order(ended: usize) -> String {
    format!("ORDER BY r.state = ANY(${ended}), r.created_at DESC, r.id")
}

/// A group's runs, a page at a time; only for its members.
pub async fn list_for_group(
    db: &PgPool,
    viewer: Uuid,
    group_id: Uuid,
    page: PageRequest,
) -> AppResult<Page<RunSummary>> {
    if !is_member(db, group_id, viewer).await? {
        return Err(ErrorCode::GroupNotFound.into());
    }
    let sql = format!(
        "{SUMMARY_SELECT} WHERE r.group_id = $1 {} LIMIT $2 OFFSET $3",
        summary_order(4)
    );
    let rows: Vec<SummaryRow> = sqlx::query_as(&sql)
        .bind(group_id)
        .bind(page.limit())
        .bind(page.offset())
        .bind(ended_states())
        .fetch_all(db)
        .await?;
    page_of_rows(page, rows)
}

/// The runs that have not ended in all of the viewer's groups, newest first, a page at a time
/// (the dashboard).
pub async fn open_runs_of(
    db: &PgPool,
    viewer: Uuid,
    page: PageRequest,
) -> AppResult<Page<RunSummary>> {
    let sql = format!(
        "{SUMMARY_SELECT} JOIN group_members me ON me.group_id = r.group_id AND me.user_id = $1 \
         WHERE g.archived_at IS NULL AND r.state <> ALL($4) \
         ORDER BY r.created_at DESC, r.id LIMIT $2 OFFSET $3"
    );
    let rows: Vec<SummaryRow> = sqlx::query_as(&sql)
        .bind(viewer)
        .bind(page.limit())
        .bind(page.offset())
        .bind(ended_states())
        .fetch_all(db)
        .await?;
    page_of_rows(page, rows)
}

/// The runs in the viewer's groups that a product is part of, newest first (the product page).
pub async fn runs_with_product(
    db: &PgPool,
    viewer: Uuid,
    product_id: Uuid,
    limit: i64,
) -> AppResult<Vec<RunSummary>> {
    let sql = format!(
        "{SUMMARY_SELECT} JOIN group_members me ON me.group_id = r.group_id AND me.user_id = $1 \
         WHERE g.archived_at IS NULL \
           AND EXISTS (SELECT 1 FROM bids b WHERE b.run_id = r.id AND b.product_id = $2) \
         ORDER BY r.created_at DESC, r.id LIMIT $3"
    );
    let rows: Vec<SummaryRow> = sqlx::query_as(&sql)
        .bind(viewer)
        .bind(product_id)
        .bind(limit)
        .fetch_all(db)
        .await?;
    rows.into_iter().map(SummaryRow::into_summary).collect()
}
