//! Group server functions: the viewer's groups, a group, its invite link and its membership.

use leptos::prelude::*;
use uuid::Uuid;

use crate::domain::paging::Page;
use crate::error::AppError;
use crate::model::{GroupDetail, GroupSummary, InvitePreview};

#[cfg(feature = "ssr")]
use crate::{
    domain::{
        group::{CurrencyCode, GroupName, looks_like_invite_token},
        paging::PageRequest,
    },
    error::ErrorCode,
    server::{
        groups::{self, GroupSwitch},
        request,
    },
};

pub const GROUPS_PER_PAGE: u32 = 20;
pub const MEMBERS_PER_PAGE: u32 = 50;

#[server(prefix = "/api", endpoint = "groups/mine")]
pub async fn list_my_groups(page: Option<u32>) -> Result<Page<GroupSummary>, AppError> {
    let ctx = request::app_context()?;
    let viewer = request::require_viewer()?;
    groups::list_for(&ctx.db, viewer.id, PageRequest::new(page, GROUPS_PER_PAGE)).await
}

#[server(prefix = "/api", endpoint = "groups/create")]
pub async fn create_group(name: String, currency: Option<String>) -> Result<(), AppError> {
    let ctx = request::app_context()?;
    let viewer = request::require_viewer()?;
    let name = GroupName::parse(&name)?;
    let currency = match currency.as_deref().map(str::trim) {
        None | Some("") => ctx.default_currency.clone(),
        Some(code) => CurrencyCode::offered(code)?,
    };
    let group_id = groups::create(&ctx.db, viewer.id, &name, &currency).await?;
    leptos_axum::redirect(&format!("/groups/{group_id}"));
    Ok(())
}

#[server(prefix = "/api", endpoint = "groups/get")]
pub async fn get_group(group_id: Uuid, members_page: Option<u32>) -> Result<GroupDetail, AppError> {
    let ctx = request::app_context()?;
    let viewer = request::require_viewer()?;
    groups::detail(
        &ctx.db,
        viewer.id,
        group_id,
        PageRequest::new(members_page, MEMBERS_PER_PAGE),
    )
    .await
}

/// Works without a login, so an invite link can show what it is for.
#[server(prefix = "/api", endpoint = "groups/preview")]
pub async fn preview_invite(token: String) -> Result<InvitePreview, AppError> {
    let ctx = request::app_context()?;
    if !looks_like_invite_token(&token) {
        return Err(ErrorCode::InviteNotFound.into());
    }
    groups::preview(&ctx.db, &token, request::viewer().map(|viewer| viewer.id)).await
}

#[server(prefix = "/api", endpoint = "groups/join")]
pub async fn join_group(token: String) -> Result<(), AppError> {
    let ctx = request::app_context()?;
    let viewer = request::require_viewer()?;
    if !looks_like_invite_token(&token) {
        return Err(ErrorCode::InviteNotFound.into());
    }
    let group_id = groups::join(&ctx.db, viewer.id, &token).await?;
    leptos_axum::redirect(&format!("/groups/{group_id}"));
    Ok(())
}

#[server(prefix = "/api", endpoint = "groups/rename")]
pub async fn rename_group(group_id: Uuid, name: String) -> Result<(), AppError> {
    let ctx = request::app_context()?;
    let viewer = request::require_viewer()?;
    let name = GroupName::parse(&name)?;
    groups::rename(&ctx.db, viewer.id, group_id, &name).await
}

#[server(prefix = "/api", endpoint = "groups/currency")]
pub async fn set_group_currency(group_id: Uuid, currency: String) -> Result<(), AppError> {
    let ctx = request::app_context()?;
    let viewer = request::require_viewer()?;
    let currency = CurrencyCode::offered(&currency)?;
    groups::set_currency(&ctx.db, viewer.id, group_id, &currency).await
}

#[server(prefix = "/api", endpoint = "groups/joining")]
pub async fn set_joining_allowed(group_id: Uuid, allowed: bool) -> Result<(), AppError> {
    let ctx = request::app_context()?;
    let viewer = request::require_viewer()?;
    groups::set_switch(
        &ctx.db,
        viewer.id,
        group_id,
        GroupSwitch::JoiningAllowed,
        allowed,
    )
    .await
}

/// Whether the group's cost estimates use only prices its own members saw.
#[server(prefix = "/api", endpoint = "groups/own-prices")]
pub async fn set_own_prices_only(group_id: Uuid, only: bool) -> Result<(), AppError> {
    let ctx = request::app_context()?;
    let viewer = request::require_viewer()?;
    groups::set_switch(
        &ctx.db,
        viewer.id,
        group_id,
        GroupSwitch::OwnPricesOnly,
        only,
    )
    .await
}

#[server(prefix = "/api", endpoint = "groups/regenerate-invite")]
pub async fn regenerate_invite(group_id: Uuid) -> Result<(), AppError> {
    let ctx = request::app_context()?;
    let viewer = request::require_viewer()?;
    groups::regenerate_invite(&ctx.db, viewer.id, group_id)
        .await
        .map(drop)
}

#[server(prefix = "/api", endpoint = "groups/admin-role")]
pub async fn set_member_admin(
    group_id: Uuid,
    member_id: Uuid,
    admin: bool,
) -> Result<(), AppError> {
    let ctx = request::app_context()?;
    let viewer = request::require_viewer()?;
    groups::set_admin(
        &ctx.db,
        viewer.id,
        group_id,
        member_id,
        admin,
        &request::origin(),
    )
    .await
}

#[server(prefix = "/api", endpoint = "groups/remove-member")]
pub async fn remove_member(group_id: Uuid, member_id: Uuid) -> Result<(), AppError> {
    let ctx = request::app_context()?;
    let viewer = request::require_viewer()?;
    groups::remove_member(&ctx.db, viewer.id, group_id, member_id, &request::origin()).await
}

#[server(prefix = "/api", endpoint = "groups/leave")]
pub async fn leave_group(group_id: Uuid) -> Result<(), AppError> {
    let ctx = request::app_context()?;
    let viewer = request::require_viewer()?;
    groups::leave(&ctx.db, viewer.id, group_id).await?;
    leptos_axum::redirect("/");
    Ok(())
}
