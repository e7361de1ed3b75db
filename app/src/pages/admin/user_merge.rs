//! Merging a duplicate account, asked first: `/admin/users/:id/merge-into` finds the account
//! that stays, `/admin/users/confirm-merge?merged=…&survivor=…` says what will happen (the rule)
//! and posts the merge. Both work without JavaScript.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::admin::{MergeUsers, admin_user, admin_users};
use crate::components::confirm::{Confirmation, ConfirmationRefused};
use crate::components::page_error::PageError;
use crate::domain::admin::ADMIN_SEARCH_MAX;
use crate::domain::ids::UserId;
use crate::error::{AppError, ErrorCode};
use crate::i18n::{Key, use_i18n};
use crate::model::AdminUserRow;
use crate::{t, tr};

pub fn merge_search_page(user_id: UserId) -> String {
    format!("/admin/users/{user_id}/merge-into")
}

fn confirmation_page(merged: UserId, survivor: UserId) -> String {
    format!("/admin/users/confirm-merge?merged={merged}&survivor={survivor}")
}

fn user_id_of(value: Option<String>) -> Option<UserId> {
    value.and_then(|value| value.parse().ok())
}

#[component]
pub fn AdminUserMergeSearchPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let Some(user_id) = user_id_of(use_params_map().with_untracked(|p| p.get("id"))) else {
        return view! { <PageError error=AppError::from(ErrorCode::NotFound)/> }.into_any();
    };
    let merged = Resource::new(move || user_id, admin_user);
    let candidates = Resource::new(
        move || query.read().get("q"),
        |search| admin_users(search, None, None),
    );
    view! {
        <Title text=i18n.t_now(Key::MergeIntoLink)/>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let merged = match merged.await {
                    Ok(merged) => merged,
                    Err(error) => return view! { <PageError error/> }.into_any(),
                };
                let search = query.with_untracked(|q| q.get("q")).unwrap_or_default();
                let name = merged.display_name.clone();
                let list = candidates.await;
                view! {
                    <section class="card">
                        <h1>{tr!(i18n, MergeTitle, name = name)}</h1>
                        <p class="muted">{t!(i18n, MergeSearchHelp)}</p>
                        <form method="get" class="filter-form" role="search"
                            aria-label=move || i18n.t(Key::MergeIntoLink)>
                            <label for="user-merge-search" class="visually-hidden">{t!(i18n, AdminUserSearchLabel)}</label>
                            <input id="user-merge-search" type="search" name="q" value=search
                                maxlength=ADMIN_SEARCH_MAX placeholder=move || i18n.t(Key::AdminUserSearchLabel)/>
                            <button type="submit" class="button">{t!(i18n, AdminSearchSubmit)}</button>
                        </form>
                        {match list {
                            Ok(list) => view! {
                                <ul class="member-list" data-testid="merge-candidates">
                                    {list.users.items.into_iter()
                                        .filter(|row| row.id != merged.id && !row.deleted)
                                        .map(|row| view! {
                                            <li class="list-row member-row">
                                                <span class="list-title">{row.display_name.clone()}</span>
                                                <span class="muted">"@"{row.username.clone()}</span>
                                                <a class="button small" href=confirmation_page(merged.id, row.id)>
                                                    {t!(i18n, MergeIntoThis)}
                                                </a>
                                            </li>
                                        }).collect_view()}
                                </ul>
                            }.into_any(),
                            Err(error) => view! { <PageError error/> }.into_any(),
                        }}
                    </section>
                }.into_any()
            })}
        </Suspense>
    }
    .into_any()
}

#[component]
pub fn AdminUserMergeConfirmPage() -> impl IntoView {
    let ids = use_query_map()
        .with_untracked(|q| (user_id_of(q.get("merged")), user_id_of(q.get("survivor"))));
    let (Some(merged), Some(survivor)) = ids else {
        return view! { <PageError error=AppError::from(ErrorCode::NotFound)/> }.into_any();
    };
    let pair = Resource::new(
        move || (merged, survivor),
        |(merged, survivor)| async move {
            Ok::<_, AppError>((admin_user(merged).await?, admin_user(survivor).await?))
        },
    );
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match pair.await {
                    Ok((merged, survivor)) => view! { <AskMerge merged survivor/> }.into_any(),
                    Err(error) => view! { <PageError error/> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

#[component]
fn AskMerge(merged: AdminUserRow, survivor: AdminUserRow) -> impl IntoView {
    let i18n = use_i18n();
    let back = "/admin/users".to_owned();
    if merged.id == survivor.id || merged.deleted || survivor.deleted {
        let code = ErrorCode::CannotMergeIntoItself;
        return view! { <ConfirmationRefused code back/> }.into_any();
    }
    let (merged_name, survivor_name) = (
        format!("{} (@{})", merged.display_name, merged.username),
        format!("{} (@{})", survivor.display_name, survivor.username),
    );
    let question = tr!(
        i18n,
        MergeConfirm,
        merged = merged_name,
        survivor = survivor_name
    );
    let rule = tr!(
        i18n,
        MergeUsersRule,
        merged = merged_name,
        survivor = survivor_name
    );
    let fields = vec![
        ("merged", merged.id.to_string()),
        ("survivor", survivor.id.to_string()),
    ];
    view! {
        <Confirmation question label=i18n.t_now(Key::MergeSubmit).to_owned()
            action=MergeUsers::url() fields back danger=true>
            <p class="muted" data-testid="merge-rule">{rule}</p>
        </Confirmation>
    }
    .into_any()
}
