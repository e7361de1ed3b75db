//! `/groups/:id/confirm/:what`: where a group's destructive buttons lead without JavaScript
//! (hydrated, the manage page asks in a dialog): leaving, a new invite link, removing a member.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::{use_params_map, use_query_map};
use strum::{EnumString, IntoStaticStr};
use uuid::Uuid;

use crate::api::groups::{LeaveGroup, RegenerateInvite, RemoveMember};
use crate::components::confirm::{Confirmation, ConfirmationRefused};
use crate::components::page_error::PageError;
use crate::error::{AppError, ErrorCode};
use crate::i18n::{Key, use_i18n};
use crate::model::GroupDetail;
use crate::pages::group::group_resource;
use crate::tr;

/// A change to a group that is confirmed first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, EnumString, IntoStaticStr)]
#[strum(serialize_all = "kebab-case")]
pub enum GroupConfirmation {
    Leave,
    NewInviteLink,
    RemoveMember,
}

impl GroupConfirmation {
    /// The confirmation page of this change.
    pub fn page(self, group_id: Uuid) -> String {
        format!("/groups/{group_id}/confirm/{}", <&str>::from(self))
    }

    fn server_url(self) -> &'static str {
        match self {
            Self::Leave => LeaveGroup::url(),
            Self::NewInviteLink => RegenerateInvite::url(),
            Self::RemoveMember => RemoveMember::url(),
        }
    }
}

#[component]
pub fn GroupConfirmationPage() -> impl IntoView {
    let params = use_params_map();
    let what = params.with_untracked(|p| {
        p.get("what")
            .and_then(|what| what.parse::<GroupConfirmation>().ok())
    });
    let Some(what) = what else {
        return view! { <PageError error=AppError::from(ErrorCode::NotFound)/> }.into_any();
    };
    let group = group_resource(|| 0);
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match group.await {
                    Ok(group) => view! { <Asking what group/> }.into_any(),
                    Err(error) => view! { <PageError error/> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

#[component]
fn Asking(what: GroupConfirmation, group: GroupDetail) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let back = format!("/groups/{}/manage", group.id);
    let mut fields = vec![("group_id", group.id.to_string())];
    let (question, label) = match what {
        GroupConfirmation::Leave => (i18n.t_now(Key::LeaveConfirm).to_owned(), Key::LeaveGroup),
        GroupConfirmation::NewInviteLink | GroupConfirmation::RemoveMember
            if !group.viewer_is_admin =>
        {
            let code = ErrorCode::NotGroupAdmin;
            return view! { <ConfirmationRefused code back/> }.into_any();
        }
        GroupConfirmation::NewInviteLink => (
            i18n.t_now(Key::RegenerateConfirm).to_owned(),
            Key::RegenerateLink,
        ),
        GroupConfirmation::RemoveMember => {
            let member = query
                .with_untracked(|q| q.get("member_id"))
                .and_then(|id| Uuid::parse_str(&id).ok())
                .and_then(|id| group.members.items.iter().find(|m| m.user_id == id));
            let Some(member) = member.filter(|m| !m.is_admin && m.user_id != group.viewer_id)
            else {
                let code = ErrorCode::NotAGroupMember;
                return view! { <ConfirmationRefused code back/> }.into_any();
            };
            fields.push(("member_id", member.user_id.to_string()));
            let name = member.display_name.clone();
            (
                tr!(i18n, RemoveMemberConfirm, name = name),
                Key::RemoveMember,
            )
        }
    };
    view! {
        <Confirmation question label=i18n.t_now(label).to_owned() action=what.server_url() fields back
            danger=what != GroupConfirmation::NewInviteLink/>
    }
    .into_any()
}
