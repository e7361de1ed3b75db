//! `/admin/groups`: every group with its members, open runs and last activity; archive or
//! unarchive one.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use strum::IntoEnumIterator;

use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_params_map;

use crate::api::admin::{SetGroupArchived, admin_group, admin_groups};
use crate::components::confirm::{ConfirmSubmit, Confirmation};
use crate::components::form::{FormError, FormState, SubmitButton};
use crate::components::page_error::PageError;
use crate::components::pager::Pager;
use crate::components::toast::toast_after;
use crate::domain::admin::{ADMIN_SEARCH_MAX, GroupFilter};
use crate::i18n::{Key, use_i18n};
use crate::model::{AdminGroupList, AdminGroupRow};
use crate::pages::admin::AdminTabs;
use crate::pages::next_path::encode_query_value;
use crate::{t, tr};

fn filter_name(filter: GroupFilter) -> Key {
    match filter {
        GroupFilter::Current => Key::CatalogueFilterCurrent,
        GroupFilter::Archived => Key::CatalogueFilterArchived,
    }
}

#[component]
pub fn AdminGroupsPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let action = ServerAction::<SetGroupArchived>::new();
    let state = FormState::of(action);
    toast_after(action, Key::ToastSaved);
    let list = Resource::new(
        move || {
            let query = query.read();
            (
                query.get("q"),
                query.get("filter"),
                query.get("page").and_then(|p| p.parse::<u32>().ok()),
                action.version().get(),
            )
        },
        |(search, filter, page, _)| admin_groups(search, filter, page),
    );
    view! {
        <Title text=i18n.t_now(Key::AdminGroupsTab)/>
        <AdminTabs current=Key::AdminGroupsTab/>
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                match list.await {
                    Ok(list) => view! { <Groups list action state/> }.into_any(),
                    Err(error) => view! { <PageError error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn Groups(
    list: AdminGroupList,
    action: ServerAction<SetGroupArchived>,
    state: FormState,
) -> impl IntoView {
    let i18n = use_i18n();
    let search = list.search.clone();
    let filter = list.filter;
    let page_href = {
        let search = search.clone();
        move |n: u32| {
            format!(
                "/admin/groups?q={}&filter={}&page={n}",
                encode_query_value(&search),
                filter.as_str()
            )
        }
    };
    let total = list.groups.total;
    view! {
        <section class="card">
            <form method="get" action="/admin/groups" class="filter-form" role="search"
                aria-label=move || i18n.t(Key::AdminGroupsTab)>
                <label for="group-search" class="visually-hidden">{t!(i18n, CatalogueSearchLabel)}</label>
                <input id="group-search" type="search" name="q" value=search
                    maxlength=ADMIN_SEARCH_MAX placeholder=move || i18n.t(Key::CatalogueSearchLabel)/>
                <label for="group-filter" class="visually-hidden">{t!(i18n, AdminFilterLabel)}</label>
                <select id="group-filter" name="filter">
                    {GroupFilter::iter().map(|option| view! {
                        <option value=option.as_str() selected=option == filter>{move || i18n.t(filter_name(option))}</option>
                    }).collect_view()}
                </select>
                <button type="submit" class="button">{t!(i18n, AdminSearchSubmit)}</button>
            </form>
            <p class="muted">{move || i18n.count(Key::CatalogueCount, total as i64)}</p>
            <FormError state/>
            <ul class="member-list" data-testid="admin-groups">
                {list.groups.items.iter().cloned().map(|group| view! { <GroupRow group action state/> }.into_any()).collect_view()}
            </ul>
            <Pager page=list.groups href_for=page_href/>
        </section>
    }
}

#[component]
fn GroupRow(
    group: AdminGroupRow,
    action: ServerAction<SetGroupArchived>,
    state: FormState,
) -> impl IntoView {
    let i18n = use_i18n();
    let active = i18n.relative_time(group.last_activity);
    let (group_id, name, archived) = (group.id, group.name.clone(), group.archived);
    let (members, open_runs) = (group.members, group.open_runs);
    view! {
        <li class="list-row member-row" data-testid=format!("admin-group-{}", group.name)>
            <span class="list-title">{group.name.clone()}</span>
            {archived.then(|| view! { <span class="badge warning">{t!(i18n, ArchivedBadge)}</span> })}
            <span class="muted small">
                {move || tr!(i18n, AdminGroupFacts, members = members, runs = open_runs)}
                " · "
                {tr!(i18n, AdminGroupActive, time = active)}
            </span>
            <div class="row-actions">
                <ActionForm action attr:class="inline-form">
                    <input type="hidden" name="group_id" value=group_id.to_string()/>
                    <input type="hidden" name="archived" value=(!archived).to_string()/>
                    {if archived {
                        view! { <SubmitButton plain=true state label=Key::AdminUnarchive/> }.into_any()
                    } else {
                        view! {
                            <ConfirmSubmit state danger=true key=group_id.to_string()
                                page=format!("/admin/groups/{group_id}/confirm-archive")
                                label=Signal::derive(move || i18n.t(Key::AdminArchive).to_owned())
                                question=Signal::derive(move || tr!(i18n, GroupArchiveConfirm, name = name))/>
                        }.into_any()
                    }}
                </ActionForm>
            </div>
        </li>
    }
}

/// `/admin/groups/:id/confirm-archive`: asks before archiving without JavaScript.
#[component]
pub fn AdminGroupArchivePage() -> impl IntoView {
    let i18n = use_i18n();
    let group_id = use_params_map()
        .with_untracked(|p| p.get("id").and_then(|id| uuid::Uuid::parse_str(&id).ok()));
    let group = Resource::new(
        move || group_id,
        |group_id| async move {
            match group_id {
                Some(group_id) => admin_group(group_id).await,
                None => Err(crate::error::ErrorCode::GroupNotFound.into()),
            }
        },
    );
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match group.await {
                    Ok(group) => {
                        let fields = vec![("group_id", group.id.to_string()), ("archived", "true".to_owned())];
                        let question = tr!(i18n, GroupArchiveConfirm, name = group.name);
                        view! {
                            <Confirmation question label=i18n.t_now(Key::AdminArchive).to_owned()
                                action=SetGroupArchived::url() fields back="/admin/groups".to_owned() danger=true/>
                        }.into_any()
                    }
                    Err(error) => view! { <PageError error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
