//! Accounts as a site admin sees them: the searchable list, the verified mark, disabling (which
//! ends the person's sessions and live streams at once) and the site-admin role, which never
//! leaves the site without an admin and which nobody takes from themselves.

use sqlx::{FromRow, PgConnection, PgPool};
use uuid::Uuid;

use crate::domain::admin::{AuditAction, UserFilter};
use crate::domain::ids::UserId;
use crate::domain::paging::{Page, PageRequest};
use crate::domain::search::SearchQuery;
use crate::domain::validation::Username;
use crate::error::{AppResult, ErrorCode};
use crate::model::{AdminUserRow, LiveEvent};
use crate::server::accounts::Account;
use crate::server::audit::{self, Entry, Origin};
use crate::server::events;

#[derive(FromRow)]
struct UserRow {
    id: UserId,
    username: String,
    display_name: String,
    verified: bool,
    is_admin: bool,
    disabled: bool,
    deleted: bool,
    created_at: chrono::DateTime<chrono::Utc>,
    group_count: i64,
    total: i64,
}

const USER_COLUMNS: &str = "u.id, u.username, u.display_name, u.verified, u.is_admin, \
     u.disabled_at IS NOT NULL AS disabled, u.deleted_at IS NOT NULL AS deleted, u.created_at, \
     (SELECT count(*) FROM group_members m WHERE m.user_id = u.id) AS group_count";

impl From<UserRow> for AdminUserRow {
    fn from(row: UserRow) -> Self {
        AdminUserRow {
            id: row.id,
            username: row.username,
            display_name: row.display_name,
            verified: row.verified,
            is_admin: row.is_admin,
            disabled: row.disabled,
            deleted: row.deleted,
            created_at: row.created_at,
            group_count: row.group_count,
        }
    }
}

/// One account, or `USER_NOT_FOUND`.
pub async fn find(db: &PgPool, user_id: UserId) -> AppResult<AdminUserRow> {
    let sql = format!("SELECT {USER_COLUMNS}, 1::bigint AS total FROM users u WHERE u.id = $1");
    let row = sqlx::query_as::<_, UserRow>(&sql)
        .bind(user_id)
        .fetch_optional(db)
        .await?
        .ok_or(ErrorCode::UserNotFound)?;
    Ok(row.into())
}

/// Newest first; `search` matches the username or name, ignoring case and accents.
pub async fn list(
    db: &PgPool,
    search: Option<&SearchQuery>,
    filter: UserFilter,
    page: PageRequest,
) -> AppResult<Page<AdminUserRow>> {
    let sql = format!(
        "SELECT {USER_COLUMNS}, count(*) OVER () AS total \
         FROM users u \
         WHERE ($1::text IS NULL \
                OR bulq_fold(u.username || ' ' || u.display_name) LIKE '%' || bulq_fold($1) || '%') \
           AND CASE $2 \
                 WHEN 'verified' THEN u.verified \
                 WHEN 'unverified' THEN NOT u.verified \
                 WHEN 'disabled' THEN u.disabled_at IS NOT NULL \
                 WHEN 'site_admins' THEN u.is_admin \
                 ELSE true END \
         ORDER BY u.created_at DESC, u.id \
         LIMIT $3 OFFSET $4"
    );
    let rows = sqlx::query_as::<_, UserRow>(&sql)
        .bind(search.map(SearchQuery::like_escaped))
        .bind(filter.as_str())
        .bind(page.limit())
        .bind(page.offset())
        .fetch_all(db)
        .await?;
    let total = rows.first().map_or(0, |row| row.total);
    let users = rows.into_iter().map(AdminUserRow::from).collect();
    Ok(page.page_of(users, u64::try_from(total).unwrap_or(0)))
}

/// Locks the user's row and returns their username, or `USER_NOT_FOUND`.
async fn lock_user(conn: &mut PgConnection, user_id: UserId) -> AppResult<String> {
    let username: Option<String> =
        sqlx::query_scalar("SELECT username FROM users WHERE id = $1 FOR UPDATE")
            .bind(user_id)
            .fetch_optional(conn)
            .await?;
    username.ok_or_else(|| ErrorCode::UserNotFound.into())
}

fn refuse_self(admin: &Account, user_id: UserId) -> AppResult<()> {
    if admin.id == user_id.as_uuid() {
        Err(ErrorCode::CannotChangeOwnAccount.into())
    } else {
        Ok(())
    }
}

pub async fn set_verified(
    db: &PgPool,
    admin: &Account,
    user_id: UserId,
    verified: bool,
    origin: &Origin,
) -> AppResult<()> {
    let mut tx = db.begin().await?;
    let username = lock_user(&mut tx, user_id).await?;
    let changed = sqlx::query("UPDATE users SET verified = $2 WHERE id = $1 AND verified <> $2")
        .bind(user_id)
        .bind(verified)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    if changed > 0 {
        let action = if verified {
            AuditAction::UserVerified
        } else {
            AuditAction::UserUnverified
        };
        let entry = Entry::new(action, origin)
            .by(admin.id, &admin.username)
            .on(user_id.as_uuid(), &username);
        audit::record(&mut tx, &entry).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Disabling ends every session of the person (their next request is logged out) and every open
/// live stream of theirs; enabling lets them log in again.
pub async fn set_disabled(
    db: &PgPool,
    admin: &Account,
    user_id: UserId,
    disabled: bool,
    origin: &Origin,
) -> AppResult<()> {
    refuse_self(admin, user_id)?;
    let mut tx = db.begin().await?;
    let username = lock_user(&mut tx, user_id).await?;
    let sql = if disabled {
        "UPDATE users SET disabled_at = now(), session_generation = session_generation + 1 \
         WHERE id = $1 AND disabled_at IS NULL"
    } else {
        "UPDATE users SET disabled_at = NULL \
         WHERE id = $1 AND disabled_at IS NOT NULL AND deleted_at IS NULL"
    };
    let changed = sqlx::query(sql)
        .bind(user_id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    if changed > 0 {
        let action = if disabled {
            events::record(
                &mut tx,
                Uuid::nil(),
                None,
                LiveEvent::AccountEnded {
                    user_id: user_id.as_uuid(),
                },
            )
            .await?;
            AuditAction::UserDisabled
        } else {
            AuditAction::UserEnabled
        };
        let entry = Entry::new(action, origin)
            .by(admin.id, &admin.username)
            .on(user_id.as_uuid(), &username);
        audit::record(&mut tx, &entry).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Grants or revokes the site-admin role. `admin` is who asks: `None` is the server's command
/// line, which may do either to anyone, still never leaving the site without an admin.
pub async fn set_site_admin(
    db: &PgPool,
    admin: Option<&Account>,
    user_id: UserId,
    grant: bool,
    origin: &Origin,
) -> AppResult<()> {
    if let Some(admin) = admin {
        refuse_self(admin, user_id)?;
    }
    let mut tx = db.begin().await?;
    // Every admin row, locked in one order, so two revocations cannot both see another admin left.
    let admins: Vec<Uuid> =
        sqlx::query_scalar("SELECT id FROM users WHERE is_admin ORDER BY id FOR UPDATE")
            .fetch_all(&mut *tx)
            .await?;
    let username = lock_user(&mut tx, user_id).await?;
    let is_admin = admins.contains(&user_id.as_uuid());
    if is_admin == grant {
        return Ok(());
    }
    if !grant && admins.len() <= 1 {
        return Err(ErrorCode::LastSiteAdmin.into());
    }
    sqlx::query("UPDATE users SET is_admin = $2 WHERE id = $1")
        .bind(user_id)
        .bind(grant)
        .execute(&mut *tx)
        .await?;
    let action = if grant {
        AuditAction::SiteAdminGranted
    } else {
        AuditAction::SiteAdminRevoked
    };
    let mut entry = Entry::new(action, origin).on(user_id.as_uuid(), &username);
    match admin {
        Some(admin) => entry = entry.by(admin.id, &admin.username),
        None => entry = entry.noting("server admin command"),
    }
    audit::record(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(())
}

/// The account id of a username, for the command line.
pub async fn id_of(db: &PgPool, username: &Username) -> AppResult<UserId> {
    let id: Option<UserId> = sqlx::query_scalar("SELECT id FROM users WHERE username = $1")
        .bind(username.as_str())
        .fetch_optional(db)
        .await?;
    id.ok_or_else(|| ErrorCode::UserNotFound.into())
}
