//! Merging and archiving catalogue entries, asked first: `/admin/:kind/:id/merge` finds the
//! survivor, `/admin/:kind/merge/confirm?merged=…&survivor=…` says what will happen and posts the
//! merge, `/admin/:kind/:id/archive` asks before archiving without JavaScript.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};
use uuid::Uuid;

use crate::api::admin::{MergeCatalogue, SetCatalogueArchived, admin_catalogue, catalogue_entry};
use crate::components::confirm::{Confirmation, ConfirmationRefused};
use crate::components::page_error::PageError;
use crate::domain::admin::{ADMIN_SEARCH_MAX, CatalogueKind};
use crate::error::{AppError, ErrorCode};
use crate::i18n::{Arg, Key, use_i18n};
use crate::model::CatalogueRow;
use crate::pages::admin::catalogue::{entry_href, merge_confirmation_page};
use crate::{t, tr};

fn kind_param() -> Option<CatalogueKind> {
    use_params_map().with_untracked(|p| p.get("kind").and_then(|kind| kind.parse().ok()))
}

fn uuid_of(value: Option<String>) -> Option<Uuid> {
    value.and_then(|value| Uuid::parse_str(&value).ok())
}

fn not_found() -> AnyView {
    view! { <PageError error=AppError::from(ErrorCode::NotFound)/> }.into_any()
}

#[component]
pub fn AdminMergeSearchPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let query = use_query_map();
    let (Some(kind), Some(id)) = (
        kind_param(),
        uuid_of(params.with_untracked(|p| p.get("id"))),
    ) else {
        return not_found();
    };
    let entry = Resource::new(move || id, move |id| catalogue_entry(kind, id));
    let candidates = Resource::new(
        move || query.read().get("q"),
        move |search| admin_catalogue(kind, search, None, None),
    );
    view! {
        <Title text=i18n.t_now(Key::MergeIntoLink)/>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let entry = match entry.await {
                    Ok(entry) => entry,
                    Err(error) => return view! { <PageError error/> }.into_any(),
                };
                let candidates = candidates.await;
                let search = query.with_untracked(|q| q.get("q")).unwrap_or_default();
                let name = entry.name.clone();
                view! {
                    <section class="card">
                        <h1>{tr!(i18n, MergeTitle, name = name)}</h1>
                        <p class="muted">{t!(i18n, MergeSearchHelp)}</p>
                        <form method="get" class="filter-form" role="search"
                            aria-label=move || i18n.t(Key::MergeIntoLink)>
                            <label for="merge-search" class="visually-hidden">{t!(i18n, CatalogueSearchLabel)}</label>
                            <input id="merge-search" type="search" name="q" value=search
                                maxlength=ADMIN_SEARCH_MAX placeholder=move || i18n.t(Key::CatalogueSearchLabel)/>
                            <button type="submit" class="button">{t!(i18n, AdminSearchSubmit)}</button>
                        </form>
                        {match candidates {
                            Ok(list) => view! {
                                <ul class="member-list" data-testid="merge-candidates">
                                    {list.rows.items.into_iter().filter(|row| row.id != entry.id).map(|row| view! {
                                        <li class="list-row member-row">
                                            <span class="list-title"><a href=entry_href(kind, row.id)>{row.name.clone()}</a></span>
                                            <span class="muted">{row.detail.clone()}</span>
                                            <a class="button small" href=merge_confirmation_page(kind, entry.id, row.id)>
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
pub fn AdminMergeConfirmPage() -> impl IntoView {
    let query = use_query_map();
    let (merged, survivor) =
        query.with_untracked(|q| (uuid_of(q.get("merged")), uuid_of(q.get("survivor"))));
    let (Some(kind), Some(merged), Some(survivor)) = (kind_param(), merged, survivor) else {
        return not_found();
    };
    let pair = Resource::new(
        move || (merged, survivor),
        move |(merged, survivor)| async move {
            Ok::<_, AppError>((
                catalogue_entry(kind, merged).await?,
                catalogue_entry(kind, survivor).await?,
            ))
        },
    );
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match pair.await {
                    Ok((merged, survivor)) => view! { <AskMerge kind merged survivor/> }.into_any(),
                    Err(error) => view! { <PageError error/> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

#[component]
fn AskMerge(kind: CatalogueKind, merged: CatalogueRow, survivor: CatalogueRow) -> impl IntoView {
    let i18n = use_i18n();
    let back = format!("/admin/{}", kind.as_str());
    if merged.id == survivor.id || merged.merged_into.is_some() || survivor.archived {
        let code = ErrorCode::CannotMergeIntoItself;
        return view! { <ConfirmationRefused code back/> }.into_any();
    }
    let rule = match kind {
        CatalogueKind::Products => Key::MergeProductsRule,
        CatalogueKind::Stores => Key::MergeStoresRule,
    };
    let question = tr!(
        i18n,
        MergeConfirm,
        merged = merged.name,
        survivor = survivor.name
    );
    let fields = vec![
        ("kind", kind.as_str().to_owned()),
        ("merged", merged.id.to_string()),
        ("survivor", survivor.id.to_string()),
    ];
    view! {
        <Confirmation question label=i18n.t_now(Key::MergeSubmit).to_owned()
            action=MergeCatalogue::url() fields back danger=true>
            <p class="muted" data-testid="merge-rule">{i18n.format(rule, &[("merged", Arg::from(&merged.name)), ("survivor", Arg::from(&survivor.name))])}</p>
        </Confirmation>
    }
    .into_any()
}

#[component]
pub fn AdminArchiveConfirmPage() -> impl IntoView {
    let params = use_params_map();
    let (Some(kind), Some(id)) = (
        kind_param(),
        uuid_of(params.with_untracked(|p| p.get("id"))),
    ) else {
        return not_found();
    };
    let entry = Resource::new(move || id, move |id| catalogue_entry(kind, id));
    let i18n = use_i18n();
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match entry.await {
                    Ok(entry) => {
                        let back = format!("/admin/{}", kind.as_str());
                        let fields = vec![
                            ("kind", kind.as_str().to_owned()),
                            ("id", entry.id.to_string()),
                            ("archived", "true".to_owned()),
                        ];
                        let question = tr!(i18n, ArchiveConfirm, name = entry.name);
                        view! {
                            <Confirmation question label=i18n.t_now(Key::AdminArchive).to_owned()
                                action=SetCatalogueArchived::url() fields back danger=true/>
                        }.into_any()
                    }
                    Err(error) => view! { <PageError error/> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}
