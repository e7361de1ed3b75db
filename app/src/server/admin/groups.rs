//! Every group as a site admin sees it: members, open runs, last activity; archiving a group
//! hides it from its members (its runs and money stay), unarchiving brings it back.

use sqlx::{FromRow, PgPool};
use uuid::Uuid;

use crate::domain::admin::{AuditAction, GroupFilter};
use crate::domain::paging::{Page, PageRequest};
use crate::domain::search::SearchQuery;
use crate::error::{AppResult, ErrorCode};
use crate::model::AdminGroupRow;
use crate::server::accounts::Account;
use crate::server::audit::{self, Entry, Origin};
use crate::server::runs::access::ended_states;

#[derive(FromRow)]
struct GroupRow {
    id: Uuid,
    name: String,
    members: i64,
    open_runs: i64,
    last_activity: chrono::DateTime<chrono::Utc>,
    archived: bool,
    total: i64,
}

/// Most recently active first.
pub async fn list(
    db: &PgPool,
    search: Option<&SearchQuery>,
    filter: GroupFilter,
    page: PageRequest,
) -> AppResult<Page<AdminGroupRow>> {
    query(db, search, Some(filter), None, page).await
}

/// One group, archived or not.
pub async fn find(db: &PgPool, group_id: Uuid) -> AppResult<AdminGroupRow> {
    let page = query(db, None, None, Some(group_id), PageRequest::new(None, 1)).await?;
    page.items
        .into_iter()
        .next()
        .ok_or_else(|| ErrorCode::GroupNotFound.into())
}

async fn query(
    db: &PgPool,
    search: Option<&SearchQuery>,
    filter: Option<GroupFilter>,
    group_id: Option<Uuid>,
    page: PageRequest,
) -> AppResult<Page<AdminGroupRow>> {
    let rows = sqlx::query_as::<_, GroupRow>(
        "SELECT g.id, g.name, \
                (SELECT count(*) FROM group_members m WHERE m.group_id = g.id) AS members, \
                (SELECT count(*) FROM runs r WHERE r.group_id = g.id \
                   AND r.state <> ALL($6)) AS open_runs, \
                greatest(g.updated_at, \
                         (SELECT max(r.updated_at) FROM runs r WHERE r.group_id = g.id)) \
                    AS last_activity, \
                g.archived_at IS NOT NULL AS archived, count(*) OVER () AS total \
         FROM groups g \
         WHERE ($1::text IS NULL OR bulq_fold(g.name) LIKE '%' || bulq_fold($1) || '%') \
           AND ($2::text IS NULL OR (g.archived_at IS NOT NULL) = ($2 = 'archived')) \
           AND ($5::uuid IS NULL OR g.id = $5) \
         ORDER BY last_activity DESC, g.id \
         LIMIT $3 OFFSET $4",
    )
    .bind(search.map(SearchQuery::like_escaped))
    .bind(filter.map(GroupFilter::as_str))
    .bind(page.limit())
    .bind(page.offset())
    .bind(group_id)
    .bind(ended_states())
    .fetch_all(db)
    .await?;
    let total = rows.first().map_or(0, |row| row.total);
    let groups = rows
        .into_iter()
        .map(|row| AdminGroupRow {
            id: row.id,
            name: row.name,
            members: row.members,
            open_runs: row.open_runs,
            last_activity: row.last_activity,
            archived: row.archived,
        })
        .collect();
    Ok(page.page_of(groups, u64::try_from(total).unwrap_or(0)))
}

pub async fn set_archived(
    db: &PgPool,
    admin: &Account,
    group_id: Uuid,
    archived: bool,
    origin: &Origin,
) -> AppResult<()> {
    let mut tx = db.begin().await?;
    let name: Option<String> =
        sqlx::query_scalar("SELECT name FROM groups WHERE id = $1 FOR UPDATE")
            .bind(group_id)
            .fetch_optional(&mut *tx)
            .await?;
    let name = name.ok_or(ErrorCode::GroupNotFound)?;
    let sql = if archived {
        "UPDATE groups SET archived_at = now() WHERE id = $1 AND archived_at IS NULL"
    } else {
        "UPDATE groups SET archived_at = NULL WHERE id = $1 AND archived_at IS NOT NULL"
    };
    let changed = sqlx::query(sql)
        .bind(group_id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    if changed > 0 {
        let action = if archived {
            AuditAction::GroupArchived
        } else {
            AuditAction::GroupUnarchived
        };
        let entry = Entry::new(action, origin)
            .by(admin.id, &admin.username)
            .on(group_id, &name);
        audit::record(&mut tx, &entry).await?;
    }
    tx.commit().await?;
    Ok(())
}
