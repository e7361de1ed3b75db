//! Notification server functions: the unread count for the header, the list, marking read.

use leptos::prelude::*;
use uuid::Uuid;

use crate::domain::notification::NotificationKind;
use crate::domain::paging::Page;
use crate::error::AppError;
use crate::model::NotificationView;

#[cfg(feature = "ssr")]
use crate::{
    domain::paging::PageRequest,
    server::{notifications, request},
};

pub const NOTIFICATIONS_PER_PAGE: u32 = 20;

#[server(prefix = "/api", endpoint = "notifications/unread")]
pub async fn unread_notifications() -> Result<i64, AppError> {
    let ctx = request::app_context()?;
    let viewer = request::require_viewer()?;
    notifications::unread_count(&ctx.db, viewer.id).await
}

#[server(prefix = "/api", endpoint = "notifications/list")]
pub async fn list_notifications(page: Option<u32>) -> Result<Page<NotificationView>, AppError> {
    let ctx = request::app_context()?;
    let viewer = request::require_viewer()?;
    let page = PageRequest::new(page, NOTIFICATIONS_PER_PAGE);
    notifications::list(&ctx.db, viewer.id, page).await
}

/// Marks a grouped entry read (every notification of `kind` about `run_id`).
#[server(prefix = "/api", endpoint = "notifications/read")]
pub async fn mark_notifications_read(
    kind: NotificationKind,
    #[server(default)] run_id: Option<Uuid>,
) -> Result<(), AppError> {
    let ctx = request::app_context()?;
    let viewer = request::require_viewer()?;
    notifications::mark_read(&ctx.db, viewer.id, kind, run_id).await
}

#[server(prefix = "/api", endpoint = "notifications/read-all")]
pub async fn mark_all_notifications_read() -> Result<(), AppError> {
    let ctx = request::app_context()?;
    let viewer = request::require_viewer()?;
    notifications::mark_all_read(&ctx.db, viewer.id).await
}
