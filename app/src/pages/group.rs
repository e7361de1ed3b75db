//! `/groups/:id`: a group as its members see it: who is in it and its runs. Both follow the
//! group's live events: its runs reload, and so does the page of members shown.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};
use uuid::Uuid;

use crate::api::groups::get_group;
use crate::components::live::live_refresh;
use crate::components::page_error::PageError;
use crate::components::pager::Pager;
use crate::error::{AppError, ErrorCode};
use crate::i18n::{Key, use_i18n};
use crate::model::{GroupDetail, MemberView};
use crate::pages::group_runs::GroupRuns;
use crate::t;

/// The `:id` of the route, if it is a UUID at all.
pub fn use_group_id() -> Signal<Option<Uuid>> {
    let params = use_params_map();
    Signal::derive(move || {
        params
            .read()
            .get("id")
            .and_then(|id| Uuid::parse_str(&id).ok())
    })
}

/// Loads the group of the route, with the members page of `?members=`.
pub fn group_resource(
    refresh: impl Fn() -> usize + Send + Sync + 'static,
) -> Resource<Result<GroupDetail, AppError>> {
    let group_id = use_group_id();
    let query = use_query_map();
    Resource::new(
        move || {
            (
                group_id.get(),
                query
                    .read()
                    .get("members")
                    .and_then(|p| p.parse::<u32>().ok()),
                refresh(),
            )
        },
        |(group_id, members_page, _)| async move {
            match group_id {
                Some(group_id) => get_group(group_id, members_page).await,
                None => Err(ErrorCode::GroupNotFound.into()),
            }
        },
    )
}

#[component]
pub fn GroupPage() -> impl IntoView {
    let i18n = use_i18n();
    let group = group_resource(|| 0);
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match group.await {
                    Ok(group) => view! { <GroupView group/> }.into_any(),
                    Err(error) => view! { <PageError error/> }.into_any(),
                }
            })}
        </Suspense>
        <p class="aside"><a href="/">{t!(i18n, BackToGroups)}</a></p>
    }
}

#[component]
fn GroupView(group: GroupDetail) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let group_id = group.id;
    let viewer = group.viewer_id;
    let refresh = RwSignal::new(0_usize);
    live_refresh(format!("/events/groups/{group_id}"), refresh);
    // The actions come with the page; the name and the members follow live, so a friend joining
    // never disturbs a form being filled in here.
    let name = RwSignal::new(group.name.clone());
    let members = RwSignal::new(group.members);
    let count = RwSignal::new(group.member_count);
    Effect::new(move |_| {
        if refresh.get() == 0 {
            return;
        }
        let page = query
            .read_untracked()
            .get("members")
            .and_then(|p| p.parse::<u32>().ok());
        leptos::task::spawn_local(async move {
            // A failed reload keeps what is shown; the next event or reconnect tries again.
            if let Ok(group) = get_group(group_id, page).await {
                let _ = name.try_set(group.name);
                let _ = members.try_set(group.members);
                let _ = count.try_set(group.member_count);
            }
        });
    });
    view! {
        <Title text=move || name.get()/>
        <header class="page-header">
            <h1>{move || name.get()}</h1>
            <p class="muted">{move || i18n.count(Key::MemberCount, count.get())}</p>
            <a class="button small" href=format!("/groups/{group_id}/money") data-testid="group-money">
                {t!(i18n, MoneyLink)}
            </a>
            <a class="button small" href=format!("/groups/{group_id}/manage") data-testid="manage-group">
                {t!(i18n, ManageGroupLink)}
            </a>
        </header>
        <GroupRuns group_id refresh/>
        <section class="card">
            <h2>{t!(i18n, GroupMembersTitle)}</h2>
            {move || {
                let page = members.get();
                view! {
                    <MemberList members=page.items.clone() viewer/>
                    <Pager page href_for=move |n| format!("/groups/{group_id}?members={n}")/>
                }
                .into_any()
            }}
        </section>
    }
    .into_any()
}

#[component]
pub fn MemberList(members: Vec<MemberView>, viewer: Uuid) -> impl IntoView {
    view! {
        <ul class="member-list" data-testid="members">
            {members.into_iter().map(|member| view! { <MemberName member viewer/> }).collect_view()}
        </ul>
    }
}

#[component]
pub fn MemberName(member: MemberView, viewer: Uuid) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <li class="list-row">
            <span class="list-title">
                {member.display_name}
                {(member.user_id == viewer).then(|| view! { " " <span class="muted">{t!(i18n, YouSuffix)}</span> })}
            </span>
            <span class="muted">"@"{member.username}</span>
            {member.is_admin.then(|| view! { <span class="badge">{t!(i18n, AdminBadge)}</span> })}
        </li>
    }
}
