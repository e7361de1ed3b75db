//! Groups and membership: create, list, look at, invite and join, manage admins and members,
//! leave. One transaction per use case. The group row is locked (`FOR UPDATE`) by every change to
//! its membership, and a user's row by every change to their number of groups, always user first,
//! so limits and the "one admin at least" rule hold under concurrent requests without deadlocks.
//! A non-member asking about a group gets `GROUP_NOT_FOUND`, so group ids do not leak.

use sqlx::{FromRow, PgConnection, PgPool};
use uuid::Uuid;

use crate::domain::admin::AuditAction;
use crate::domain::group::{CurrencyCode, GroupName, MAX_GROUPS_PER_USER, MAX_MEMBERS_PER_GROUP};
use crate::domain::notification::NotificationKind;
use crate::domain::paging::{Page, PageRequest};
use crate::error::{AppResult, ErrorCode};
use crate::model::{GroupDetail, GroupSummary, InvitePreview, LiveEvent, MemberView};
use crate::server::audit::{self, Origin};
use crate::server::events;
use crate::server::runs::access::lock_group_as_member;
use crate::server::runs::membership;

fn new_invite_token() -> String {
    Uuid::new_v4().simple().to_string()
}

/// Locks the user's row so concurrent joins and creations count their groups one at a time.
async fn lock_user(conn: &mut PgConnection, user_id: Uuid) -> AppResult<()> {
    sqlx::query("SELECT 1 FROM users WHERE id = $1 FOR UPDATE")
        .bind(user_id)
        .execute(conn)
        .await?;
    Ok(())
}

async fn count_groups_of(conn: &mut PgConnection, user_id: Uuid) -> AppResult<i64> {
    let sql = "SELECT count(*) FROM group_members m JOIN groups g ON g.id = m.group_id \
               WHERE m.user_id = $1 AND g.archived_at IS NULL";
    Ok(sqlx::query_scalar(sql)
        .bind(user_id)
        .fetch_one(conn)
        .await?)
}

async fn count_members(conn: &mut PgConnection, group_id: Uuid) -> AppResult<(i64, i64)> {
    let sql =
        "SELECT count(*), count(*) FILTER (WHERE is_admin) FROM group_members WHERE group_id = $1";
    Ok(sqlx::query_as(sql).bind(group_id).fetch_one(conn).await?)
}

async fn lock_group_as_admin(
    conn: &mut PgConnection,
    group_id: Uuid,
    user_id: Uuid,
) -> AppResult<()> {
    if lock_group_as_member(conn, group_id, user_id).await? {
        Ok(())
    } else {
        Err(ErrorCode::NotGroupAdmin.into())
    }
}

async fn member_is_admin(
    conn: &mut PgConnection,
    group_id: Uuid,
    user_id: Uuid,
) -> AppResult<bool> {
    let sql = "SELECT is_admin FROM group_members WHERE group_id = $1 AND user_id = $2";
    let is_admin: Option<bool> = sqlx::query_scalar(sql)
        .bind(group_id)
        .bind(user_id)
        .fetch_optional(conn)
        .await?;
    is_admin.ok_or_else(|| ErrorCode::NotAGroupMember.into())
}

/// Creates a group with its creator as the first admin.
pub async fn create(
    db: &PgPool,
    creator: Uuid,
    name: &GroupName,
    currency: &CurrencyCode,
) -> AppResult<Uuid> {
    let mut tx = db.begin().await?;
    lock_user(&mut tx, creator).await?;
    if count_groups_of(&mut tx, creator).await? >= MAX_GROUPS_PER_USER {
        return Err(ErrorCode::UserMaxGroupsExceeded.into());
    }
    let group_id: Uuid = sqlx::query_scalar(
        "INSERT INTO groups (name, currency, created_by, invite_token) VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(name.as_str())
    .bind(currency.as_str())
    .bind(creator)
    .bind(new_invite_token())
    .fetch_one(&mut *tx)
    .await?;
    sqlx::query("INSERT INTO group_members (group_id, user_id, is_admin) VALUES ($1, $2, true)")
        .bind(group_id)
        .bind(creator)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    tracing::info!(%group_id, user_id = %creator, "group created");
    Ok(group_id)
}

#[derive(FromRow)]
struct SummaryRow {
    id: Uuid,
    name: String,
    member_count: i64,
    viewer_is_admin: bool,
    total: i64,
}

/// The viewer's groups, by name.
pub async fn list_for(
    db: &PgPool,
    user_id: Uuid,
    page: PageRequest,
) -> AppResult<Page<GroupSummary>> {
    let sql = "SELECT g.id, g.name, m.is_admin AS viewer_is_admin, \
                      (SELECT count(*) FROM group_members c WHERE c.group_id = g.id) AS member_count, \
                      count(*) OVER () AS total \
               FROM group_members m JOIN groups g ON g.id = m.group_id \
               WHERE m.user_id = $1 AND g.archived_at IS NULL \
               ORDER BY lower(g.name), g.id LIMIT $2 OFFSET $3";
    let rows: Vec<SummaryRow> = sqlx::query_as(sql)
        .bind(user_id)
        .bind(page.limit())
        .bind(page.offset())
        .fetch_all(db)
        .await?;
    let total = match rows.first() {
        Some(row) => row.total as u64,
        // Past the last page the window count is gone; count separately so the pager still works.
        None if page.page > 1 => count_groups_of(&mut *db.acquire().await?, user_id).await? as u64,
        None => 0,
    };
    Ok(Page {
        items: rows
            .into_iter()
            .map(|row| GroupSummary {
                id: row.id,
                name: row.name,
                member_count: row.member_count,
                viewer_is_admin: row.viewer_is_admin,
            })
            .collect(),
        page: page.page,
        per_page: page.per_page,
        total,
    })
}

#[derive(FromRow)]
struct GroupRow {
    id: Uuid,
    name: String,
    currency: String,
    invite_token: String,
    joining_allowed: bool,
    own_prices_only: bool,
}

/// A group with one page of its members (admins first, then by name), for a member.
pub async fn detail(
    db: &PgPool,
    viewer: Uuid,
    group_id: Uuid,
    members_page: PageRequest,
) -> AppResult<GroupDetail> {
    let mut tx = db.begin().await?;
    let sql = "SELECT g.id, g.name, g.currency, g.invite_token, g.joining_allowed, \
                      g.own_prices_only \
               FROM groups g JOIN group_members m ON m.group_id = g.id \
               WHERE g.id = $1 AND m.user_id = $2 AND g.archived_at IS NULL";
    let group: GroupRow = sqlx::query_as(sql)
        .bind(group_id)
        .bind(viewer)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(ErrorCode::GroupNotFound)?;
    let viewer_is_admin = member_is_admin(&mut tx, group_id, viewer).await?;
    let (member_count, admin_count) = count_members(&mut tx, group_id).await?;
    let currency_locked = has_priced_run(&mut tx, group_id).await?;
    let members: Vec<MemberView> = sqlx::query_as::<_, (Uuid, String, String, bool)>(
        "SELECT u.id, u.username, u.display_name, m.is_admin FROM group_members m \
         JOIN users u ON u.id = m.user_id WHERE m.group_id = $1 \
         ORDER BY m.is_admin DESC, lower(u.display_name), u.id LIMIT $2 OFFSET $3",
    )
    .bind(group_id)
    .bind(members_page.limit())
    .bind(members_page.offset())
    .fetch_all(&mut *tx)
    .await?
    .into_iter()
    .map(|(user_id, username, display_name, is_admin)| MemberView {
        user_id,
        username,
        display_name,
        is_admin,
    })
    .collect();
    tx.commit().await?;
    Ok(GroupDetail {
        id: group.id,
        name: group.name,
        currency: group.currency,
        currency_locked,
        invite_token: group.invite_token,
        joining_allowed: group.joining_allowed,
        own_prices_only: group.own_prices_only,
        member_count,
        admin_count,
        viewer_id: viewer,
        viewer_is_admin,
        members: Page {
            items: members,
            page: members_page.page,
            per_page: members_page.per_page,
            total: member_count as u64,
        },
    })
}

/// What an invite link shows; works without a login (`viewer` is then `None`).
pub async fn preview(db: &PgPool, token: &str, viewer: Option<Uuid>) -> AppResult<InvitePreview> {
    let sql = "SELECT g.id, g.name, g.joining_allowed, \
                      (SELECT count(*) FROM group_members c WHERE c.group_id = g.id), \
                      EXISTS (SELECT 1 FROM group_members v WHERE v.group_id = g.id AND v.user_id = $2) \
               FROM groups g WHERE g.invite_token = $1 AND g.archived_at IS NULL";
    let row: Option<(Uuid, String, bool, i64, bool)> = sqlx::query_as(sql)
        .bind(token)
        .bind(viewer)
        .fetch_optional(db)
        .await?;
    let (group_id, group_name, joining_allowed, member_count, viewer_is_member) =
        row.ok_or(ErrorCode::InviteNotFound)?;
    Ok(InvitePreview {
        group_id,
        group_name,
        member_count,
        joining_allowed,
        viewer_is_member,
    })
}

/// Joins the group of an invite token, checking every rule under the user's and group's locks.
pub async fn join(db: &PgPool, user_id: Uuid, token: &str) -> AppResult<Uuid> {
    let mut tx = db.begin().await?;
    lock_user(&mut tx, user_id).await?;
    let group: Option<(Uuid, bool)> = sqlx::query_as(
        "SELECT id, joining_allowed FROM groups WHERE invite_token = $1 AND archived_at IS NULL FOR UPDATE",
    )
    .bind(token)
    .fetch_optional(&mut *tx)
    .await?;
    let (group_id, joining_allowed) = group.ok_or(ErrorCode::InviteNotFound)?;
    if member_is_admin(&mut tx, group_id, user_id).await.is_ok() {
        return Err(ErrorCode::AlreadyGroupMember.into());
    }
    if !joining_allowed {
        return Err(ErrorCode::GroupJoiningDisabled.into());
    }
    if count_groups_of(&mut tx, user_id).await? >= MAX_GROUPS_PER_USER {
        return Err(ErrorCode::UserMaxGroupsExceeded.into());
    }
    if count_members(&mut tx, group_id).await?.0 >= MAX_MEMBERS_PER_GROUP {
        return Err(ErrorCode::GroupMaxMembersExceeded.into());
    }
    sqlx::query("INSERT INTO group_members (group_id, user_id) VALUES ($1, $2)")
        .bind(group_id)
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
    events::record(&mut tx, group_id, None, LiveEvent::MemberJoined { user_id }).await?;
    tx.commit().await?;
    tracing::info!(%group_id, %user_id, "member joined");
    Ok(group_id)
}

pub async fn rename(db: &PgPool, admin: Uuid, group_id: Uuid, name: &GroupName) -> AppResult<()> {
    let mut tx = db.begin().await?;
    lock_group_as_admin(&mut tx, group_id, admin).await?;
    sqlx::query("UPDATE groups SET name = $2 WHERE id = $1")
        .bind(group_id)
        .bind(name.as_str())
        .execute(&mut *tx)
        .await?;
    group_changed(&mut tx, group_id).await?;
    tx.commit().await?;
    Ok(())
}

/// A switch a group's admins turn on or off.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GroupSwitch {
    /// New members may join through the invite link.
    JoiningAllowed,
    /// Cost estimates use only prices the group's own members saw.
    OwnPricesOnly,
}

impl GroupSwitch {
    fn column(self) -> &'static str {
        match self {
            GroupSwitch::JoiningAllowed => "joining_allowed",
            GroupSwitch::OwnPricesOnly => "own_prices_only",
        }
    }
}

pub async fn set_switch(
    db: &PgPool,
    admin: Uuid,
    group_id: Uuid,
    switch: GroupSwitch,
    on: bool,
) -> AppResult<()> {
    let mut tx = db.begin().await?;
    lock_group_as_admin(&mut tx, group_id, admin).await?;
    sqlx::query(&format!(
        "UPDATE groups SET {} = $2 WHERE id = $1",
        switch.column()
    ))
    .bind(group_id)
    .bind(on)
    .execute(&mut *tx)
    .await?;
    group_changed(&mut tx, group_id).await?;
    tx.commit().await?;
    Ok(())
}

/// Whether any run of the group has a recorded price: from then on its amounts are in the
/// group's currency for good.
async fn has_priced_run(conn: &mut PgConnection, group_id: Uuid) -> AppResult<bool> {
    let sql = "SELECT EXISTS (SELECT 1 FROM shopping_items i JOIN runs r ON r.id = i.run_id \
               WHERE r.group_id = $1 AND i.total_minor IS NOT NULL)";
    Ok(sqlx::query_scalar(sql)
        .bind(group_id)
        .fetch_one(conn)
        .await?)
}

/// Changes the group's currency, refused with `CURRENCY_LOCKED` once a run has prices.
pub async fn set_currency(
    db: &PgPool,
    admin: Uuid,
    group_id: Uuid,
    currency: &CurrencyCode,
) -> AppResult<()> {
    let mut tx = db.begin().await?;
    lock_group_as_admin(&mut tx, group_id, admin).await?;
    if has_priced_run(&mut tx, group_id).await? {
        return Err(ErrorCode::CurrencyLocked.into());
    }
    sqlx::query("UPDATE groups SET currency = $2 WHERE id = $1")
        .bind(group_id)
        .bind(currency.as_str())
        .execute(&mut *tx)
        .await?;
    group_changed(&mut tx, group_id).await?;
    tx.commit().await?;
    tracing::info!(%group_id, user_id = %admin, currency = currency.as_str(), "group currency changed");
    Ok(())
}

/// Replaces the invite token: every link shared so far stops working.
pub async fn regenerate_invite(db: &PgPool, admin: Uuid, group_id: Uuid) -> AppResult<String> {
    let mut tx = db.begin().await?;
    lock_group_as_admin(&mut tx, group_id, admin).await?;
    let token = new_invite_token();
    sqlx::query("UPDATE groups SET invite_token = $2 WHERE id = $1")
        .bind(group_id)
        .bind(&token)
        .execute(&mut *tx)
        .await?;
    group_changed(&mut tx, group_id).await?;
    tx.commit().await?;
    tracing::info!(%group_id, user_id = %admin, "invite link regenerated");
    Ok(token)
}

/// Makes a member an admin or takes the role away; the last admin keeps it.
pub async fn set_admin(
    db: &PgPool,
    admin: Uuid,
    group_id: Uuid,
    member: Uuid,
    make_admin: bool,
    origin: &Origin,
) -> AppResult<()> {
    let mut tx = db.begin().await?;
    lock_group_as_admin(&mut tx, group_id, admin).await?;
    let is_admin = member_is_admin(&mut tx, group_id, member).await?;
    if is_admin == make_admin {
        return Ok(());
    }
    if !make_admin && count_members(&mut tx, group_id).await?.1 <= 1 {
        return Err(ErrorCode::LastGroupAdmin.into());
    }
    sqlx::query("UPDATE group_members SET is_admin = $3 WHERE group_id = $1 AND user_id = $2")
        .bind(group_id)
        .bind(member)
        .bind(make_admin)
        .execute(&mut *tx)
        .await?;
    let action = if make_admin {
        AuditAction::GroupAdminGranted
    } else {
        AuditAction::GroupAdminRevoked
    };
    let group_name = group_name(&mut tx, group_id).await?;
    audit::record_ids(
        &mut tx,
        action,
        admin,
        Some(member),
        Some(&group_name),
        origin,
    )
    .await?;
    group_changed(&mut tx, group_id).await?;
    tx.commit().await?;
    tracing::info!(%group_id, by = %admin, %member, make_admin, "group admin role changed");
    Ok(())
}

/// Tells the group's open pages that an admin changed it.
async fn group_changed(conn: &mut PgConnection, group_id: Uuid) -> AppResult<()> {
    events::record(conn, group_id, None, LiveEvent::GroupChanged).await
}

/// The group's name, for the audit trail.
async fn group_name(conn: &mut PgConnection, group_id: Uuid) -> AppResult<String> {
    Ok(sqlx::query_scalar("SELECT name FROM groups WHERE id = $1")
        .bind(group_id)
        .fetch_one(conn)
        .await?)
}

/// Ends a membership and tells the member, in the caller's transaction: their bids in the
/// group's open runs go and the runs they lead are cancelled (`runs::membership::withdraw_member`), so a
/// failure anywhere leaves everything as it was.
async fn end_membership(
    conn: &mut PgConnection,
    group_id: Uuid,
    member: Uuid,
    notify: Option<NotificationKind>,
) -> AppResult<()> {
    membership::withdraw_member(conn, group_id, member).await?;
    sqlx::query("DELETE FROM group_members WHERE group_id = $1 AND user_id = $2")
        .bind(group_id)
        .bind(member)
        .execute(&mut *conn)
        .await?;
    let left = LiveEvent::MemberLeft { user_id: member };
    events::record(conn, group_id, None, left).await?;
    if let Some(kind) = notify {
        sqlx::query(
            "INSERT INTO notifications (user_id, kind, payload) \
             SELECT $1, $3, jsonb_build_object('group_id', g.id, 'group_name', g.name) FROM groups g WHERE g.id = $2",
        )
        .bind(member)
        .bind(group_id)
        .bind(kind.as_str())
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// An admin removes a member who is not an admin.
pub async fn remove_member(
    db: &PgPool,
    admin: Uuid,
    group_id: Uuid,
    member: Uuid,
    origin: &Origin,
) -> AppResult<()> {
    let mut tx = db.begin().await?;
    lock_group_as_admin(&mut tx, group_id, admin).await?;
    if member_is_admin(&mut tx, group_id, member).await? {
        return Err(ErrorCode::CannotRemoveGroupAdmin.into());
    }
    end_membership(
        &mut tx,
        group_id,
        member,
        Some(NotificationKind::RemovedFromGroup),
    )
    .await?;
    let group_name = group_name(&mut tx, group_id).await?;
    let action = AuditAction::MemberRemoved;
    audit::record_ids(
        &mut tx,
        action,
        admin,
        Some(member),
        Some(&group_name),
        origin,
    )
    .await?;
    tx.commit().await?;
    tracing::info!(%group_id, by = %admin, %member, "member removed");
    Ok(())
}

/// A member leaves. The last admin may not leave while others remain; the very last member may,
/// and the empty group is archived.
pub async fn leave(db: &PgPool, user_id: Uuid, group_id: Uuid) -> AppResult<()> {
    let mut tx = db.begin().await?;
    leave_in(&mut tx, user_id, group_id).await?;
    tx.commit().await?;
    tracing::info!(%group_id, %user_id, "member left");
    Ok(())
}

/// [`leave`] inside the caller's transaction (deleting an account leaves every group).
pub(crate) async fn leave_in(
    conn: &mut PgConnection,
    user_id: Uuid,
    group_id: Uuid,
) -> AppResult<()> {
    let is_admin = lock_group_as_member(&mut *conn, group_id, user_id).await?;
    let (members, admins) = count_members(&mut *conn, group_id).await?;
    if is_admin && admins <= 1 && members > 1 {
        return Err(ErrorCode::LastGroupAdmin.into());
    }
    end_membership(&mut *conn, group_id, user_id, None).await?;
    if members <= 1 {
        sqlx::query("UPDATE groups SET archived_at = now() WHERE id = $1")
            .bind(group_id)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}
