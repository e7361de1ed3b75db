//! Site-admin server functions: accounts, password-reset links, the site's settings and the audit
//! trail. Each asks for a logged-in site admin first (`NOT_SITE_ADMIN` for anyone else).

use leptos::prelude::*;

use uuid::Uuid;

use crate::domain::admin::CatalogueKind;
use crate::domain::ids::UserId;
use crate::error::AppError;
use crate::model::{
    AdminGroupList, AdminGroupRow, AdminUserList, AdminUserRow, AuditTrail, CatalogueList,
    CatalogueRow, ResetLinkView, SiteSettingsView,
};

#[cfg(feature = "ssr")]
use crate::{
    domain::{
        admin::{
            ADMIN_PAGE_SIZE, AuditAction, CatalogueFilter, GroupFilter, RegistrationMode,
            UserFilter,
        },
        paging::PageRequest,
        search::SearchQuery,
        validation::{DisplayName, Username},
    },
    error::ErrorCode,
    server::{
        account_removal, accounts,
        admin::{catalogue, groups, user_merge, users},
        audit, password_resets, request, sessions, site_settings,
    },
};

#[server(prefix = "/api", endpoint = "admin/users")]
pub async fn admin_users(
    search: Option<String>,
    filter: Option<String>,
    page: Option<u32>,
) -> Result<AdminUserList, AppError> {
    let ctx = request::app_context()?;
    let admin = request::require_site_admin()?;
    let search = search.unwrap_or_default();
    let query = match search.trim() {
        "" => None,
        text => Some(SearchQuery::parse(text)?),
    };
    let filter = UserFilter::from_name(filter.as_deref().unwrap_or_default());
    let page = PageRequest::new(page, ADMIN_PAGE_SIZE);
    let users = users::list(&ctx.db, query.as_ref(), filter, page).await?;
    Ok(AdminUserList {
        users,
        search: query.map(|q| q.as_str().to_owned()).unwrap_or_default(),
        filter,
        viewer_id: UserId(admin.id),
    })
}

#[server(prefix = "/api", endpoint = "admin/user")]
pub async fn admin_user(user_id: UserId) -> Result<AdminUserRow, AppError> {
    let ctx = request::app_context()?;
    request::require_site_admin()?;
    users::find(&ctx.db, user_id).await
}

#[server(prefix = "/api", endpoint = "admin/users/verified")]
pub async fn set_user_verified(user_id: UserId, verified: bool) -> Result<(), AppError> {
    let ctx = request::app_context()?;
    let admin = request::require_site_admin()?;
    users::set_verified(&ctx.db, &admin, user_id, verified, &request::origin()).await
}

#[server(prefix = "/api", endpoint = "admin/users/disabled")]
pub async fn set_user_disabled(user_id: UserId, disabled: bool) -> Result<(), AppError> {
    let ctx = request::app_context()?;
    let admin = request::require_site_admin()?;
    users::set_disabled(&ctx.db, &admin, user_id, disabled, &request::origin()).await
}

#[server(prefix = "/api", endpoint = "admin/users/site-admin")]
pub async fn set_site_admin(user_id: UserId, admin: bool) -> Result<(), AppError> {
    let ctx = request::app_context()?;
    let viewer = request::require_site_admin()?;
    users::set_site_admin(&ctx.db, Some(&viewer), user_id, admin, &request::origin()).await
}

/// Edits a person's display name and username (the same checks as registering).
#[server(prefix = "/api", endpoint = "admin/users/rename")]
pub async fn rename_user(
    user_id: UserId,
    display_name: String,
    username: String,
) -> Result<(), AppError> {
    let ctx = request::app_context()?;
    let admin = request::require_site_admin()?;
    let display_name = DisplayName::parse(&display_name)?;
    let username = Username::parse(&username)?;
    let origin = request::origin();
    accounts::rename(
        &ctx.db,
        &admin,
        user_id.as_uuid(),
        Some(&display_name),
        Some(&username),
        &origin,
    )
    .await
}

/// Deletes someone else's account (anonymised: their runs and money stay exact).
#[server(prefix = "/api", endpoint = "admin/users/delete")]
pub async fn delete_user(user_id: UserId) -> Result<(), AppError> {
    let ctx = request::app_context()?;
    let admin = request::require_site_admin()?;
    if admin.id == user_id.as_uuid() {
        return Err(ErrorCode::CannotChangeOwnAccount.into());
    }
    account_removal::delete(&ctx.db, &admin, user_id, None, &request::origin()).await
}

/// Merges a duplicate account into the one that stays; the admin goes back to the list.
#[server(prefix = "/api", endpoint = "admin/users/merge")]
pub async fn merge_users(merged: UserId, survivor: UserId) -> Result<(), AppError> {
    let ctx = request::app_context()?;
    let admin = request::require_site_admin()?;
    user_merge::merge(&ctx.db, &admin, merged, survivor, &request::origin()).await?;
    leptos_axum::redirect("/admin/users");
    Ok(())
}

/// Makes a one-time reset link. It is kept in the admin's session and shown once by
/// [`take_reset_link`], so it also reaches a page rendered without JavaScript and never travels
/// in a URL that logs or history would keep.
#[server(prefix = "/api", endpoint = "admin/users/reset-link")]
pub async fn create_reset_link(user_id: UserId) -> Result<(), AppError> {
    let ctx = request::app_context()?;
    let admin = request::require_site_admin()?;
    let link = password_resets::create(&ctx.db, &admin, user_id, &request::origin()).await?;
    sessions::hold_reset_link(&request::session()?, &link).await
}

/// The reset link made last, once: reading it forgets it.
#[server(prefix = "/api", endpoint = "admin/users/take-reset-link")]
pub async fn take_reset_link() -> Result<Option<ResetLinkView>, AppError> {
    request::require_site_admin()?;
    sessions::take_reset_link(&request::session()?).await
}

#[server(prefix = "/api", endpoint = "admin/settings")]
pub async fn site_settings() -> Result<SiteSettingsView, AppError> {
    let ctx = request::app_context()?;
    request::require_site_admin()?;
    Ok(SiteSettingsView {
        registration: site_settings::registration_mode(&ctx.db).await?,
    })
}

#[server(prefix = "/api", endpoint = "admin/settings/registration")]
pub async fn set_registration_mode(registration: String) -> Result<(), AppError> {
    let ctx = request::app_context()?;
    let admin = request::require_site_admin()?;
    let mode = RegistrationMode::from_name(&registration).ok_or(ErrorCode::InvalidInput)?;
    let by = audit::Named {
        id: admin.id,
        name: &admin.username,
    };
    site_settings::set_registration_mode(&ctx.db, by, mode, &request::origin()).await
}

#[server(prefix = "/api", endpoint = "admin/audit")]
pub async fn audit_log(
    user: Option<String>,
    action: Option<String>,
    page: Option<u32>,
) -> Result<AuditTrail, AppError> {
    let ctx = request::app_context()?;
    request::require_site_admin()?;
    let user = user.unwrap_or_default().trim().to_owned();
    if user.chars().count() > crate::domain::admin::ADMIN_SEARCH_MAX {
        return Err(ErrorCode::SearchQueryInvalid.into());
    }
    let action = action.as_deref().and_then(AuditAction::from_name);
    let query = audit::Query {
        user: (!user.is_empty()).then(|| user.clone()),
        action,
    };
    let entries = audit::list(&ctx.db, &query, PageRequest::new(page, ADMIN_PAGE_SIZE)).await?;
    Ok(AuditTrail {
        entries,
        user,
        action,
        retention_days: ctx.audit_retention_days,
    })
}

/// Products or stores for the admin, with the likely duplicates among them.
#[server(prefix = "/api", endpoint = "admin/catalogue")]
pub async fn admin_catalogue(
    kind: CatalogueKind,
    search: Option<String>,
    filter: Option<String>,
    page: Option<u32>,
) -> Result<CatalogueList, AppError> {
    let ctx = request::app_context()?;
    request::require_site_admin()?;
    let query = match search.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(text) => Some(SearchQuery::parse(text)?),
    };
    let filter = CatalogueFilter::from_name(filter.as_deref().unwrap_or_default());
    let page = PageRequest::new(page, ADMIN_PAGE_SIZE);
    let rows = catalogue::list(&ctx.db, kind, query.as_ref(), filter, page).await?;
    let duplicates = catalogue::likely_duplicates(&ctx.db, kind).await?;
    Ok(CatalogueList {
        kind,
        rows,
        search: query.map(|q| q.as_str().to_owned()).unwrap_or_default(),
        filter,
        duplicates,
    })
}

/// One product or store, for a confirmation page.
#[server(prefix = "/api", endpoint = "admin/catalogue/entry")]
pub async fn catalogue_entry(kind: CatalogueKind, id: Uuid) -> Result<CatalogueRow, AppError> {
    let ctx = request::app_context()?;
    request::require_site_admin()?;
    catalogue::find(&ctx.db, kind, id).await
}

#[server(prefix = "/api", endpoint = "admin/catalogue/verified")]
pub async fn set_catalogue_verified(
    kind: CatalogueKind,
    id: Uuid,
    verified: bool,
) -> Result<(), AppError> {
    let ctx = request::app_context()?;
    let admin = request::require_site_admin()?;
    catalogue::set_verified(&ctx.db, &admin, kind, id, verified, &request::origin()).await
}

#[server(prefix = "/api", endpoint = "admin/catalogue/archived")]
pub async fn set_catalogue_archived(
    kind: CatalogueKind,
    id: Uuid,
    archived: bool,
) -> Result<(), AppError> {
    let ctx = request::app_context()?;
    let admin = request::require_site_admin()?;
    catalogue::set_archived(
        &ctx.db,
        &ctx.cache,
        &admin,
        kind,
        id,
        archived,
        &request::origin(),
    )
    .await
}

/// Merges `merged` into `survivor`; the admin goes back to the list.
#[server(prefix = "/api", endpoint = "admin/catalogue/merge")]
pub async fn merge_catalogue(
    kind: CatalogueKind,
    merged: Uuid,
    survivor: Uuid,
) -> Result<(), AppError> {
    let ctx = request::app_context()?;
    let admin = request::require_site_admin()?;
    let origin = request::origin();
    match kind {
        CatalogueKind::Products => {
            catalogue::merge_products(&ctx.db, &ctx.cache, &admin, merged, survivor, &origin)
                .await?
        }
        CatalogueKind::Stores => {
            catalogue::merge_stores(&ctx.db, &ctx.cache, &admin, merged, survivor, &origin).await?
        }
    }
    leptos_axum::redirect(&format!("/admin/{}", kind.as_str()));
    Ok(())
}

#[server(prefix = "/api", endpoint = "admin/groups")]
pub async fn admin_groups(
    search: Option<String>,
    filter: Option<String>,
    page: Option<u32>,
) -> Result<AdminGroupList, AppError> {
    let ctx = request::app_context()?;
    request::require_site_admin()?;
    let query = match search.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(text) => Some(SearchQuery::parse(text)?),
    };
    let filter = GroupFilter::from_name(filter.as_deref().unwrap_or_default());
    let groups = groups::list(
        &ctx.db,
        query.as_ref(),
        filter,
        PageRequest::new(page, ADMIN_PAGE_SIZE),
    )
    .await?;
    Ok(AdminGroupList {
        groups,
        search: query.map(|q| q.as_str().to_owned()).unwrap_or_default(),
        filter,
    })
}

#[server(prefix = "/api", endpoint = "admin/group")]
pub async fn admin_group(group_id: Uuid) -> Result<AdminGroupRow, AppError> {
    let ctx = request::app_context()?;
    request::require_site_admin()?;
    groups::find(&ctx.db, group_id).await
}

#[server(prefix = "/api", endpoint = "admin/groups/archived")]
pub async fn set_group_archived(group_id: Uuid, archived: bool) -> Result<(), AppError> {
    let ctx = request::app_context()?;
    let admin = request::require_site_admin()?;
    groups::set_archived(&ctx.db, &admin, group_id, archived, &request::origin()).await
}
