//! `/admin/users/:id/confirm/:what`: where the admin's destructive buttons lead without JavaScript
//! (hydrated, the users page asks in a dialog): disabling or deleting an account, revoking the
//! site-admin role.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_params_map;
use strum::{EnumString, IntoStaticStr};

use crate::api::admin::{DeleteUser, SetSiteAdmin, SetUserDisabled, admin_user};
use crate::components::confirm::{Confirmation, ConfirmationRefused};
use crate::components::page_error::PageError;
use crate::domain::ids::UserId;
use crate::error::{AppError, ErrorCode};
use crate::i18n::{Key, use_i18n};
use crate::model::AdminUserRow;
use crate::tr;

/// A change to an account that is confirmed first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, EnumString, IntoStaticStr)]
#[strum(serialize_all = "kebab-case")]
pub enum AdminConfirmation {
    Disable,
    RevokeSiteAdmin,
    Delete,
}

impl AdminConfirmation {
    pub fn page(self, user_id: UserId) -> String {
        format!("/admin/users/{user_id}/confirm/{}", <&str>::from(self))
    }
}

#[component]
pub fn AdminConfirmationPage() -> impl IntoView {
    let params = use_params_map();
    let (what, user_id) = params.with_untracked(|p| {
        (
            p.get("what")
                .and_then(|what| what.parse::<AdminConfirmation>().ok()),
            p.get("id").and_then(|id| id.parse::<UserId>().ok()),
        )
    });
    let (Some(what), Some(user_id)) = (what, user_id) else {
        return view! { <PageError error=AppError::from(ErrorCode::NotFound)/> }.into_any();
    };
    let user = Resource::new(move || user_id, admin_user);
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match user.await {
                    Ok(user) => view! { <Asking what user/> }.into_any(),
                    Err(error) => view! { <PageError error/> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

#[component]
fn Asking(what: AdminConfirmation, user: AdminUserRow) -> impl IntoView {
    let i18n = use_i18n();
    let back = "/admin/users".to_owned();
    let id = user.id.to_string();
    let name = user.display_name.clone();
    let (question, label, action, fields) = match what {
        AdminConfirmation::Disable if user.disabled => {
            let code = ErrorCode::InvalidInput;
            return view! { <ConfirmationRefused code back/> }.into_any();
        }
        AdminConfirmation::Delete if user.deleted => {
            let code = ErrorCode::UserNotFound;
            return view! { <ConfirmationRefused code back/> }.into_any();
        }
        AdminConfirmation::RevokeSiteAdmin if !user.is_admin => {
            let code = ErrorCode::InvalidInput;
            return view! { <ConfirmationRefused code back/> }.into_any();
        }
        AdminConfirmation::Disable => (
            tr!(i18n, AdminDisableConfirm, name = name),
            Key::AdminDisable,
            SetUserDisabled::url(),
            vec![("user_id", id), ("disabled", "true".to_owned())],
        ),
        AdminConfirmation::Delete => (
            tr!(i18n, AdminDeleteConfirm, name = name),
            Key::AdminDelete,
            DeleteUser::url(),
            vec![("user_id", id)],
        ),
        AdminConfirmation::RevokeSiteAdmin => (
            tr!(i18n, AdminRevokeConfirm, name = name),
            Key::AdminRevokeSiteAdmin,
            SetSiteAdmin::url(),
            vec![("user_id", id), ("admin", "false".to_owned())],
        ),
    };
    view! {
        <Confirmation question label=i18n.t_now(label).to_owned() action fields back danger=true/>
    }
    .into_any()
}
