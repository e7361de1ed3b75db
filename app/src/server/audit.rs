//! The audit trail: who did what to whom, when, from where. A service records an entry in the
//! transaction of the change it describes, so an entry exists exactly when its change committed;
//! refusals that change nothing (a failed log-in) are recorded on their own. Site admins read it
//! filtered by person and action; entries older than the retention are deleted.

use std::net::IpAddr;

use sqlx::{FromRow, PgConnection, PgPool};
use uuid::Uuid;

use crate::domain::admin::AuditAction;
use crate::domain::paging::{Page, PageRequest};
use crate::error::AppResult;
use crate::model::AuditEntryView;

/// Where a request came from.
#[derive(Clone, Debug, Default)]
pub struct Origin {
    pub request_id: Option<String>,
    pub client_addr: Option<IpAddr>,
}

/// A person named in an entry: their id and, copied now, their username.
#[derive(Clone, Copy, Debug)]
pub struct Named<'a> {
    pub id: Uuid,
    pub name: &'a str,
}

/// One change to record.
#[derive(Clone, Debug)]
pub struct Entry<'a> {
    pub action: AuditAction,
    /// Who did it; `None` for the command line or an unknown visitor.
    pub actor: Option<Named<'a>>,
    /// Whom or what it was done to.
    pub target: Option<Named<'a>>,
    /// A short note: a group's name, the new setting, the username a failed log-in tried.
    pub detail: Option<&'a str>,
    pub origin: &'a Origin,
}

impl<'a> Entry<'a> {
    pub fn new(action: AuditAction, origin: &'a Origin) -> Self {
        Self {
            action,
            actor: None,
            target: None,
            detail: None,
            origin,
        }
    }

    pub fn by(self, id: Uuid, name: &'a str) -> Self {
        Self {
            actor: Some(Named { id, name }),
            ..self
        }
    }

    pub fn on(self, id: Uuid, name: &'a str) -> Self {
        Self {
            target: Some(Named { id, name }),
            ..self
        }
    }

    pub fn noting(self, detail: &'a str) -> Self {
        Self {
            detail: Some(detail),
            ..self
        }
    }
}

/// Text as the table's checks allow it: at most `limit` characters, no control characters.
fn bounded(text: &str, limit: usize) -> String {
    text.chars()
        .filter(|c| !c.is_control())
        .take(limit)
        .collect()
}

/// Writes `entry` on `conn`, inside the caller's transaction.
pub async fn record(conn: &mut PgConnection, entry: &Entry<'_>) -> AppResult<()> {
    sqlx::query(
        "INSERT INTO audit_log (actor_id, actor_name, action, target_id, target_name, detail, \
                                request_id, client_addr) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8::inet)",
    )
    .bind(entry.actor.map(|actor| actor.id))
    .bind(entry.actor.map(|actor| bounded(actor.name, 100)))
    .bind(entry.action.as_str())
    .bind(entry.target.map(|target| target.id))
    .bind(entry.target.map(|target| bounded(target.name, 200)))
    .bind(entry.detail.map(|detail| bounded(detail, 200)))
    .bind(entry.origin.request_id.as_deref().map(|id| bounded(id, 64)))
    .bind(entry.origin.client_addr.map(|address| address.to_string()))
    .execute(conn)
    .await?;
    Ok(())
}

/// Writes an entry naming people by id only (a service that knows no usernames): their names are
/// looked up in the same statement.
pub async fn record_ids(
    conn: &mut PgConnection,
    action: AuditAction,
    actor: Uuid,
    target: Option<Uuid>,
    detail: Option<&str>,
    origin: &Origin,
) -> AppResult<()> {
    sqlx::query(
        "INSERT INTO audit_log (actor_id, actor_name, action, target_id, target_name, detail, \
                                request_id, client_addr) \
         SELECT $1, (SELECT username FROM users WHERE id = $1), $2, \
                $3, (SELECT username FROM users WHERE id = $3), $4, $5, $6::inet",
    )
    .bind(actor)
    .bind(action.as_str())
    .bind(target)
    .bind(detail.map(|detail| bounded(detail, 200)))
    .bind(origin.request_id.as_deref().map(|id| bounded(id, 64)))
    .bind(origin.client_addr.map(|address| address.to_string()))
    .execute(conn)
    .await?;
    Ok(())
}

/// Records an entry on its own, for something that changed nothing else.
pub async fn record_alone(db: &PgPool, entry: &Entry<'_>) -> AppResult<()> {
    let mut conn = db.acquire().await?;
    record(&mut conn, entry).await
}

/// What the admin filters the trail by.
#[derive(Clone, Debug, Default)]
pub struct Query {
    /// A username: entries where that person acted or was acted on.
    pub user: Option<String>,
    pub action: Option<AuditAction>,
}

#[derive(FromRow)]
struct EntryRow {
    id: i64,
    at: chrono::DateTime<chrono::Utc>,
    actor_name: Option<String>,
    action: String,
    target_name: Option<String>,
    detail: Option<String>,
    request_id: Option<String>,
    client_addr: Option<String>,
    total: i64,
}

/// Newest first.
pub async fn list(
    db: &PgPool,
    query: &Query,
    page: PageRequest,
) -> AppResult<Page<AuditEntryView>> {
    let user = query
        .user
        .as_deref()
        .map(str::trim)
        .filter(|u| !u.is_empty());
    let rows = sqlx::query_as::<_, EntryRow>(
        "WITH person AS (SELECT id FROM users WHERE username = lower($1)) \
         SELECT a.id, a.at, a.actor_name, a.action, a.target_name, a.detail, a.request_id, \
                host(a.client_addr) AS client_addr, count(*) OVER () AS total \
         FROM audit_log a \
         WHERE ($1::text IS NULL \
                OR a.actor_id IN (SELECT id FROM person) \
                OR a.target_id IN (SELECT id FROM person) \
                OR lower(a.actor_name) = lower($1) OR lower(a.target_name) = lower($1)) \
           AND ($2::text IS NULL OR a.action = $2) \
         ORDER BY a.id DESC \
         LIMIT $3 OFFSET $4",
    )
    .bind(user)
    .bind(query.action.map(AuditAction::as_str))
    .bind(page.limit())
    .bind(page.offset())
    .fetch_all(db)
    .await?;
    let total = rows.first().map_or(0, |row| row.total);
    let entries = rows
        .into_iter()
        .filter_map(|row| {
            Some(AuditEntryView {
                id: row.id,
                at: row.at,
                actor: row.actor_name,
                action: AuditAction::from_name(&row.action)?,
                target: row.target_name,
                detail: row.detail,
                request_id: row.request_id,
                client_addr: row.client_addr,
            })
        })
        .collect();
    Ok(page.page_of(entries, u64::try_from(total).unwrap_or(0)))
}

/// Deletes entries older than `retention_days`; returns how many went.
pub async fn prune(db: &PgPool, retention_days: u32) -> AppResult<u64> {
    let deleted = sqlx::query("DELETE FROM audit_log WHERE at < now() - make_interval(days => $1)")
        .bind(i32::try_from(retention_days).unwrap_or(i32::MAX))
        .execute(db)
        .await?;
    Ok(deleted.rows_affected())
}
