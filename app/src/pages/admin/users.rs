//! `/admin` and `/admin/users`: every account, searchable and filtered, with the admin's moves:
//! verify, disable or enable, grant or revoke the site-admin role, and a one-time reset link.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use strum::IntoEnumIterator;

use crate::api::admin::{
    CreateResetLink, DeleteUser, RenameUser, SetSiteAdmin, SetUserDisabled, SetUserVerified,
    admin_users, take_reset_link,
};
use crate::components::confirm::ConfirmSubmit;
use crate::components::copy_link::{CopyLink, site_url};
use crate::components::form::{FormError, FormState, SubmitButton, with_state};
use crate::components::page_error::PageError;
use crate::components::pager::Pager;
use crate::components::toast::toast_after;
use crate::domain::admin::{ADMIN_SEARCH_MAX, UserFilter};
use crate::domain::validation::{DISPLAY_NAME_MAX, USERNAME_MAX, USERNAME_PATTERN};
use crate::i18n::{Key, use_i18n};
use crate::model::{AdminUserList, AdminUserRow, ResetLinkView};
use crate::pages::admin::AdminTabs;
use crate::pages::admin::confirm::AdminConfirmation;
use crate::pages::admin::user_merge::merge_search_page;
use crate::pages::next_path::encode_query_value;
use crate::{t, tr};

#[derive(Clone, Copy)]
struct UserActions {
    verified: (ServerAction<SetUserVerified>, FormState),
    disabled: (ServerAction<SetUserDisabled>, FormState),
    site_admin: (ServerAction<SetSiteAdmin>, FormState),
    reset_link: (ServerAction<CreateResetLink>, FormState),
    rename: (ServerAction<RenameUser>, FormState),
    delete: (ServerAction<DeleteUser>, FormState),
}

impl UserActions {
    fn new() -> Self {
        Self {
            verified: with_state(ServerAction::new()),
            disabled: with_state(ServerAction::new()),
            site_admin: with_state(ServerAction::new()),
            reset_link: with_state(ServerAction::new()),
            rename: with_state(ServerAction::new()),
            delete: with_state(ServerAction::new()),
        }
    }

    fn version(&self) -> usize {
        self.verified.0.version().get()
            + self.disabled.0.version().get()
            + self.site_admin.0.version().get()
            + self.reset_link.0.version().get()
            + self.rename.0.version().get()
            + self.delete.0.version().get()
    }
}

fn filter_name(filter: UserFilter) -> Key {
    match filter {
        UserFilter::All => Key::AdminFilterAll,
        UserFilter::Verified => Key::AdminFilterVerified,
        UserFilter::Unverified => Key::AdminFilterUnverified,
        UserFilter::Disabled => Key::AdminFilterDisabled,
        UserFilter::SiteAdmins => Key::AdminFilterSiteAdmins,
    }
}

#[component]
pub fn AdminUsersPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let actions = UserActions::new();
    toast_after(actions.verified.0, Key::ToastSaved);
    toast_after(actions.disabled.0, Key::ToastSaved);
    toast_after(actions.site_admin.0, Key::ToastSaved);
    toast_after(actions.rename.0, Key::ToastSaved);
    toast_after(actions.delete.0, Key::ToastSaved);
    let users = Resource::new(
        move || {
            let query = query.read();
            (
                query.get("q"),
                query.get("filter"),
                query.get("page").and_then(|p| p.parse::<u32>().ok()),
                actions.version(),
            )
        },
        |(search, filter, page, _)| admin_users(search, filter, page),
    );
    let reset_link = Resource::new(
        move || actions.reset_link.0.version().get(),
        |_| take_reset_link(),
    );
    view! {
        <Title text=i18n.t_now(Key::AdminTitle)/>
        <AdminTabs current=Key::AdminUsersTab/>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match reset_link.await {
                    Ok(Some(link)) => view! { <ResetLinkCard link/> }.into_any(),
                    _ => ().into_any(),
                }
            })}
        </Suspense>
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                match users.await {
                    Ok(list) => view! { <UserList list actions/> }.into_any(),
                    Err(error) => view! { <PageError error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn ResetLinkCard(link: ResetLinkView) -> impl IntoView {
    let i18n = use_i18n();
    let path = link.path.clone();
    let url = Signal::derive(move || site_url(&path));
    let expires = i18n.date_time(link.expires_at);
    view! {
        <section class="card notice" data-testid="reset-link">
            <h2>{tr!(i18n, AdminResetLinkTitle, username = link.username)}</h2>
            <p class="muted">{tr!(i18n, AdminResetLinkHelp, time = expires)}</p>
            <CopyLink url id="reset-link-url"/>
        </section>
    }
}

#[component]
fn UserList(list: AdminUserList, actions: UserActions) -> impl IntoView {
    let i18n = use_i18n();
    let search = list.search.clone();
    let filter = list.filter;
    let page_href = {
        let search = search.clone();
        move |n: u32| {
            format!(
                "/admin/users?q={}&filter={}&page={n}",
                encode_query_value(&search),
                filter.as_str()
            )
        }
    };
    let viewer = list.viewer_id;
    let total = list.users.total;
    view! {
        <section class="card">
            <form method="get" action="/admin/users" class="filter-form" role="search"
                aria-label=move || i18n.t(Key::AdminUsersTab)>
                <label for="admin-user-search" class="visually-hidden">{t!(i18n, AdminUserSearchLabel)}</label>
                <input id="admin-user-search" type="search" name="q" value=search
                    maxlength=ADMIN_SEARCH_MAX placeholder=move || i18n.t(Key::AdminUserSearchLabel)/>
                <label for="admin-user-filter" class="visually-hidden">{t!(i18n, AdminFilterLabel)}</label>
                <select id="admin-user-filter" name="filter">
                    {UserFilter::iter().map(|option| view! {
                        <option value=option.as_str() selected=option == filter>{move || i18n.t(filter_name(option))}</option>
                    }).collect_view()}
                </select>
                <button type="submit" class="button">{t!(i18n, AdminSearchSubmit)}</button>
            </form>
            <p class="muted" data-testid="admin-user-count">{move || i18n.count(Key::AdminUserCount, total as i64)}</p>
            <FormError state=actions.verified.1/>
            <FormError state=actions.disabled.1/>
            <FormError state=actions.site_admin.1/>
            <FormError state=actions.reset_link.1/>
            <FormError state=actions.rename.1/>
            <FormError state=actions.delete.1/>
            <ul class="member-list" data-testid="admin-users">
                {list.users.items.iter().cloned().map(|user| {
                    let is_self = user.id == viewer;
                    view! { <UserRow user is_self actions/> }.into_any()
                }).collect_view()}
            </ul>
            <Pager page=list.users href_for=page_href/>
        </section>
    }
}

#[component]
fn UserRow(user: AdminUserRow, is_self: bool, actions: UserActions) -> impl IntoView {
    let i18n = use_i18n();
    let deleted = user.deleted;
    let joined = i18n.day_of(user.created_at);
    view! {
        <li class="list-row member-row" data-testid=format!("admin-user-{}", user.username)>
            <span class="list-title">
                {user.display_name.clone()}
                {is_self.then(|| view! { " " <span class="muted">{t!(i18n, YouSuffix)}</span> })}
            </span>
            <span class="muted">"@"{user.username.clone()}</span>
            {user.is_admin.then(|| view! { <span class="badge">{t!(i18n, SiteAdminBadge)}</span> })}
            {user.verified.then(|| view! { <span class="badge">{t!(i18n, VerifiedBadge)}</span> })}
            {(user.disabled && !deleted).then(|| view! { <span class="badge warning">{t!(i18n, DisabledBadge)}</span> })}
            {deleted.then(|| view! { <span class="badge warning">{t!(i18n, DeletedBadge)}</span> })}
            <span class="muted small">{tr!(i18n, AdminUserJoined, date = joined, groups = user.group_count)}</span>
            {(!deleted).then(|| view! { <UserActionsRow user=user.clone() is_self actions/> })}
        </li>
    }
    // The admin list's rows are deep types; erased, the browser build stays within the
    // compiler's type-depth limit.
    .into_any()
}

#[component]
fn UserActionsRow(user: AdminUserRow, is_self: bool, actions: UserActions) -> impl IntoView {
    let i18n = use_i18n();
    let user_id = user.id;
    let (disabled, is_admin) = (user.disabled, user.is_admin);
    let name = user.display_name.clone();
    let rename_ids = (
        format!("rename-name-{user_id}"),
        format!("rename-username-{user_id}"),
    );
    view! {
            <div class="row-actions">
                <ActionForm action=actions.verified.0 attr:class="inline-form">
                    <input type="hidden" name="user_id" value=user_id.to_string()/>
                    <input type="hidden" name="verified" value=(!user.verified).to_string()/>
                    <SubmitButton plain=true state=actions.verified.1
                        label=if user.verified { Key::AdminUnverify } else { Key::AdminVerify }/>
                </ActionForm>
                <ActionForm action=actions.reset_link.0 attr:class="inline-form">
                    <input type="hidden" name="user_id" value=user_id.to_string()/>
                    <SubmitButton plain=true state=actions.reset_link.1 label=Key::AdminMakeResetLink/>
                </ActionForm>
                {(!is_self).then(|| {
                    let disable_question = {
                        let name = name.clone();
                        Signal::derive(move || tr!(i18n, AdminDisableConfirm, name = name))
                    };
                    let revoke_question = {
                        let name = name.clone();
                        Signal::derive(move || tr!(i18n, AdminRevokeConfirm, name = name))
                    };
                    let delete_question = {
                        let name = name.clone();
                        Signal::derive(move || tr!(i18n, AdminDeleteConfirm, name = name))
                    };
                    view! {
                        <a class="button small" href=merge_search_page(user_id)>{t!(i18n, MergeIntoLink)}</a>
                        <ActionForm action=actions.delete.0 attr:class="inline-form">
                            <input type="hidden" name="user_id" value=user_id.to_string()/>
                            <ConfirmSubmit state=actions.delete.1 danger=true key=user_id.to_string()
                                page=AdminConfirmation::Delete.page(user_id)
                                label=Signal::derive(move || i18n.t(Key::AdminDelete).to_owned())
                                question=delete_question/>
                        </ActionForm>
                        <ActionForm action=actions.disabled.0 attr:class="inline-form">
                            <input type="hidden" name="user_id" value=user_id.to_string()/>
                            <input type="hidden" name="disabled" value=(!disabled).to_string()/>
                            {if disabled {
                                view! { <SubmitButton plain=true state=actions.disabled.1 label=Key::AdminEnable/> }.into_any()
                            } else {
                                view! {
                                    <ConfirmSubmit state=actions.disabled.1 danger=true key=user_id.to_string()
                                        page=AdminConfirmation::Disable.page(user_id)
                                        label=Signal::derive(move || i18n.t(Key::AdminDisable).to_owned())
                                        question=disable_question/>
                                }.into_any()
                            }}
                        </ActionForm>
                        <ActionForm action=actions.site_admin.0 attr:class="inline-form">
                            <input type="hidden" name="user_id" value=user_id.to_string()/>
                            <input type="hidden" name="admin" value=(!is_admin).to_string()/>
                            {if is_admin {
                                view! {
                                    <ConfirmSubmit state=actions.site_admin.1 danger=true key=user_id.to_string()
                                        page=AdminConfirmation::RevokeSiteAdmin.page(user_id)
                                        label=Signal::derive(move || i18n.t(Key::AdminRevokeSiteAdmin).to_owned())
                                        question=revoke_question/>
                                }.into_any()
                            } else {
                                view! { <SubmitButton plain=true state=actions.site_admin.1 label=Key::AdminGrantSiteAdmin/> }.into_any()
                            }}
                        </ActionForm>
                    }
                })}
            </div>
            <details class="rename">
                <summary>{t!(i18n, AdminEditNames)}</summary>
                <ActionForm action=actions.rename.0 attr:class="stack">
                    <input type="hidden" name="user_id" value=user_id.to_string()/>
                    <label for=rename_ids.0.clone()>{t!(i18n, DisplayNameLabel)}</label>
                    <input id=rename_ids.0.clone() name="display_name" value=user.display_name.clone()
                        maxlength=DISPLAY_NAME_MAX required/>
                    <label for=rename_ids.1.clone()>{t!(i18n, UsernameLabel)}</label>
                    <input id=rename_ids.1.clone() name="username" value=user.username.clone()
                        autocapitalize="none" spellcheck="false" pattern=USERNAME_PATTERN maxlength=USERNAME_MAX required/>
                    <SubmitButton plain=true state=actions.rename.1 label=Key::SaveDisplayName/>
                </ActionForm>
            </details>
    }
    .into_any()
}
