//! `/groups`: the caller's groups, one group with its members, and its runs.

use app::server::AppContext;
use app::server::{groups, runs};
use axum::Json;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use app::domain::paging::PageRequest;
use app::domain::run_state::RunState;

use crate::rest::caller::Caller;
use crate::rest::error::{ApiResult, Refusals};
use crate::rest::idempotency::IdempotencyKey;
use crate::rest::paging::{ListQuery, Paged};

#[derive(Serialize, ToSchema)]
pub struct GroupItem {
    pub id: Uuid,
    pub name: String,
    pub member_count: i64,
    /// Whether the caller is one of the group's admins.
    pub you_are_admin: bool,
}

#[derive(Serialize, ToSchema)]
pub struct Group {
    pub id: Uuid,
    pub name: String,
    /// ISO 4217 code of the group's money.
    pub currency: String,
    pub joining_allowed: bool,
    pub own_prices_only: bool,
    pub member_count: i64,
    pub you_are_admin: bool,
}

#[derive(Serialize, ToSchema)]
pub struct Member {
    pub user_id: Uuid,
    pub username: String,
    pub display_name: String,
    pub is_admin: bool,
}

#[derive(Serialize, ToSchema)]
pub struct RunItem {
    pub id: Uuid,
    pub group_id: Uuid,
    pub store_name: String,
    pub state: RunState,
    pub leader_name: String,
    pub planned_on: Option<NaiveDate>,
    pub participant_count: i64,
    pub created_at: DateTime<Utc>,
}

/// The caller's groups, by name.
#[utoipa::path(get, path = "/groups", tag = "groups", security(("bearer" = [])), params(ListQuery),
    responses((status = 200, body = Paged<GroupItem>), Refusals))]
pub async fn list(
    State(ctx): State<AppContext>,
    caller: Caller,
    query: Result<Query<ListQuery>, QueryRejection>,
) -> ApiResult<Json<Paged<GroupItem>>> {
    let page = query?.page()?;
    let groups = groups::list_for(&ctx.db, caller.user_id(), page).await?;
    Ok(Json(Paged::from_page(groups, |group| GroupItem {
        id: group.id,
        name: group.name,
        member_count: group.member_count,
        you_are_admin: group.viewer_is_admin,
    })))
}

/// One of the caller's groups.
#[utoipa::path(get, path = "/groups/{group_id}", tag = "groups", security(("bearer" = [])),
    params(("group_id" = Uuid, Path)),
    responses((status = 200, body = Group), Refusals))]
pub async fn detail(
    State(ctx): State<AppContext>,
    caller: Caller,
    path: Result<Path<Uuid>, PathRejection>,
) -> ApiResult<Json<Group>> {
    let Path(group_id) = path?;
    let group = groups::detail(
        &ctx.db,
        caller.user_id(),
        group_id,
        PageRequest::new(None, 1),
    )
    .await?;
    Ok(Json(Group {
        id: group.id,
        name: group.name,
        currency: group.currency,
        joining_allowed: group.joining_allowed,
        own_prices_only: group.own_prices_only,
        member_count: group.member_count,
        you_are_admin: group.viewer_is_admin,
    }))
}

/// A group's members: admins first, then by name.
#[utoipa::path(get, path = "/groups/{group_id}/members", tag = "groups", security(("bearer" = [])),
    params(("group_id" = Uuid, Path), ListQuery),
    responses((status = 200, body = Paged<Member>), Refusals))]
pub async fn members(
    State(ctx): State<AppContext>,
    caller: Caller,
    path: Result<Path<Uuid>, PathRejection>,
    query: Result<Query<ListQuery>, QueryRejection>,
) -> ApiResult<Json<Paged<Member>>> {
    let Path(group_id) = path?;
    let page = query?.page()?;
    let group = groups::detail(&ctx.db, caller.user_id(), group_id, page).await?;
    Ok(Json(Paged::from_page(group.members, |member| Member {
        user_id: member.user_id,
        username: member.username,
        display_name: member.display_name,
        is_admin: member.is_admin,
    })))
}

/// A group's runs, newest first.
#[utoipa::path(get, path = "/groups/{group_id}/runs", tag = "runs", security(("bearer" = [])),
    params(("group_id" = Uuid, Path), ListQuery),
    responses((status = 200, body = Paged<RunItem>), Refusals))]
pub async fn runs(
    State(ctx): State<AppContext>,
    caller: Caller,
    path: Result<Path<Uuid>, PathRejection>,
    query: Result<Query<ListQuery>, QueryRejection>,
) -> ApiResult<Json<Paged<RunItem>>> {
    let Path(group_id) = path?;
    let page = query?.page()?;
    let list = runs::list_for_group(&ctx.db, caller.user_id(), group_id, page).await?;
    Ok(Json(Paged::from_page(list, |run| RunItem {
        id: run.id,
        group_id: run.group_id,
        store_name: run.store_name,
        state: run.state,
        leader_name: run.leader_name,
        planned_on: run.planned_on,
        participant_count: run.participant_count,
        created_at: run.created_at,
    })))
}

#[derive(Serialize, ToSchema)]
pub struct Invite {
    pub group_id: Uuid,
    pub group_name: String,
    pub member_count: i64,
    pub joining_allowed: bool,
    pub you_are_member: bool,
}

/// What an invite link's token leads to.
#[utoipa::path(get, path = "/invites/{token}", tag = "groups", security(("bearer" = [])),
    params(("token" = String, Path, description = "The last part of the invite link", max_length = 64)),
    responses((status = 200, body = Invite), Refusals))]
pub async fn invite(
    State(ctx): State<AppContext>,
    caller: Caller,
    path: Result<Path<String>, PathRejection>,
) -> ApiResult<Json<Invite>> {
    let Path(token) = path?;
    let preview = groups::preview(&ctx.db, &token, Some(caller.user_id())).await?;
    Ok(Json(Invite {
        group_id: preview.group_id,
        group_name: preview.group_name,
        member_count: preview.member_count,
        joining_allowed: preview.joining_allowed,
        you_are_member: preview.viewer_is_member,
    }))
}

#[derive(Serialize, ToSchema)]
pub struct Joined {
    pub group_id: Uuid,
}

/// Joins the group of an invite link.
#[utoipa::path(post, path = "/invites/{token}/join", tag = "groups", security(("bearer" = [])),
    params(("token" = String, Path, max_length = 64), IdempotencyKey),
    responses((status = 200, body = Joined), Refusals))]
pub async fn join(
    State(ctx): State<AppContext>,
    caller: Caller,
    path: Result<Path<String>, PathRejection>,
) -> ApiResult<Json<Joined>> {
    let Path(token) = path?;
    let group_id = groups::join(&ctx.db, caller.user_id(), &token).await?;
    Ok(Json(Joined { group_id }))
}
