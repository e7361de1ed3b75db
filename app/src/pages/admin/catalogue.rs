//! `/admin/products` and `/admin/stores`: the shared catalogue, searchable and filtered, with the
//! likely duplicates on top; verify, archive or unarchive, edit (on the entry's own page) and
//! merge (`merge.rs`).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use strum::IntoEnumIterator;

use crate::api::admin::{SetCatalogueArchived, SetCatalogueVerified, admin_catalogue};
use crate::components::confirm::ConfirmSubmit;
use crate::components::form::{FormError, FormState, SubmitButton, with_state};
use crate::components::page_error::PageError;
use crate::components::pager::Pager;
use crate::components::toast::toast_after;
use crate::domain::admin::{ADMIN_SEARCH_MAX, CatalogueFilter, CatalogueKind};
use crate::i18n::{Key, use_i18n};
use crate::model::{CatalogueList, CatalogueRow, DuplicatePair};
use crate::pages::admin::AdminTabs;
use crate::pages::next_path::encode_query_value;
use crate::{t, tr};

#[derive(Clone, Copy)]
struct CatalogueActions {
    verified: (ServerAction<SetCatalogueVerified>, FormState),
    archived: (ServerAction<SetCatalogueArchived>, FormState),
}

fn tab(kind: CatalogueKind) -> Key {
    match kind {
        CatalogueKind::Products => Key::AdminProductsTab,
        CatalogueKind::Stores => Key::AdminStoresTab,
    }
}

fn filter_name(filter: CatalogueFilter) -> Key {
    match filter {
        CatalogueFilter::Current => Key::CatalogueFilterCurrent,
        CatalogueFilter::Verified => Key::AdminFilterVerified,
        CatalogueFilter::Unverified => Key::AdminFilterUnverified,
        CatalogueFilter::Archived => Key::CatalogueFilterArchived,
    }
}

/// An entry's own page, where it is edited.
pub fn entry_href(kind: CatalogueKind, id: uuid::Uuid) -> String {
    match kind {
        CatalogueKind::Products => format!("/products/{id}"),
        CatalogueKind::Stores => format!("/stores/{id}"),
    }
}

/// The confirmation page of merging `merged` into `survivor`.
pub fn merge_confirmation_page(
    kind: CatalogueKind,
    merged: uuid::Uuid,
    survivor: uuid::Uuid,
) -> String {
    format!(
        "/admin/{}/merge/confirm?merged={merged}&survivor={survivor}",
        kind.as_str()
    )
}

#[component]
pub fn AdminProductsPage() -> impl IntoView {
    view! { <CatalogueAdmin kind=CatalogueKind::Products/> }
}

#[component]
pub fn AdminStoresPage() -> impl IntoView {
    view! { <CatalogueAdmin kind=CatalogueKind::Stores/> }
}

#[component]
fn CatalogueAdmin(kind: CatalogueKind) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let actions = CatalogueActions {
        verified: with_state(ServerAction::new()),
        archived: with_state(ServerAction::new()),
    };
    toast_after(actions.verified.0, Key::ToastSaved);
    toast_after(actions.archived.0, Key::ToastSaved);
    let list = Resource::new(
        move || {
            let query = query.read();
            (
                query.get("q"),
                query.get("filter"),
                query.get("page").and_then(|p| p.parse::<u32>().ok()),
                actions.verified.0.version().get() + actions.archived.0.version().get(),
            )
        },
        move |(search, filter, page, _)| admin_catalogue(kind, search, filter, page),
    );
    view! {
        <Title text=i18n.t_now(tab(kind))/>
        <AdminTabs current=tab(kind)/>
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                match list.await {
                    Ok(list) => view! {
                        <Duplicates kind pairs=list.duplicates.clone()/>
                        <Entries list actions/>
                    }.into_any(),
                    Err(error) => view! { <PageError error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn Duplicates(kind: CatalogueKind, pairs: Vec<DuplicatePair>) -> impl IntoView {
    let i18n = use_i18n();
    (!pairs.is_empty()).then(|| {
        view! {
            <section class="card" data-testid="duplicates">
                <h2>{t!(i18n, DuplicatesTitle)}</h2>
                <p class="muted">{t!(i18n, DuplicatesHelp)}</p>
                <ul class="member-list">
                    {pairs.into_iter().map(|pair| view! { <DuplicateRow kind pair/> }).collect_view()}
                </ul>
            </section>
        }
    })
}

#[component]
fn DuplicateRow(kind: CatalogueKind, pair: DuplicatePair) -> impl IntoView {
    let i18n = use_i18n();
    let keep = |survivor: CatalogueRow, merged: CatalogueRow| {
        let href = merge_confirmation_page(kind, merged.id, survivor.id);
        let name = survivor.name.clone();
        view! {
            <a class="button small" href=href>{move || tr!(i18n, KeepThis, name = name)}</a>
        }
    };
    view! {
        <li class="list-row member-row" data-testid="duplicate-pair">
            <span class="list-title">
                <a href=entry_href(kind, pair.first.id)>{pair.first.name.clone()}</a>
                " · "
                <a href=entry_href(kind, pair.second.id)>{pair.second.name.clone()}</a>
            </span>
            <div class="row-actions">
                {keep(pair.first.clone(), pair.second.clone())}
                {keep(pair.second, pair.first)}
            </div>
        </li>
    }
}

#[component]
fn Entries(list: CatalogueList, actions: CatalogueActions) -> impl IntoView {
    let i18n = use_i18n();
    let kind = list.kind;
    let search = list.search.clone();
    let filter = list.filter;
    let base = format!("/admin/{}", kind.as_str());
    let page_href = {
        let (search, base) = (search.clone(), base.clone());
        move |n: u32| {
            format!(
                "{base}?q={}&filter={}&page={n}",
                encode_query_value(&search),
                filter.as_str()
            )
        }
    };
    let total = list.rows.total;
    view! {
        <section class="card">
            <form method="get" action=base class="filter-form" role="search"
                aria-label=move || i18n.t(tab(kind))>
                <label for="catalogue-search" class="visually-hidden">{t!(i18n, CatalogueSearchLabel)}</label>
                <input id="catalogue-search" type="search" name="q" value=search
                    maxlength=ADMIN_SEARCH_MAX placeholder=move || i18n.t(Key::CatalogueSearchLabel)/>
                <label for="catalogue-filter" class="visually-hidden">{t!(i18n, AdminFilterLabel)}</label>
                <select id="catalogue-filter" name="filter">
                    {CatalogueFilter::iter().map(|option| view! {
                        <option value=option.as_str() selected=option == filter>{move || i18n.t(filter_name(option))}</option>
                    }).collect_view()}
                </select>
                <button type="submit" class="button">{t!(i18n, AdminSearchSubmit)}</button>
            </form>
            <p class="muted">{move || i18n.count(Key::CatalogueCount, total as i64)}</p>
            <FormError state=actions.verified.1/>
            <FormError state=actions.archived.1/>
            <ul class="member-list" data-testid="catalogue-entries">
                {list.rows.items.iter().cloned().map(|entry| view! { <Entry kind entry actions/> }.into_any()).collect_view()}
            </ul>
            <Pager page=list.rows href_for=page_href/>
        </section>
    }
}

#[component]
fn Entry(kind: CatalogueKind, entry: CatalogueRow, actions: CatalogueActions) -> impl IntoView {
    let i18n = use_i18n();
    let id = entry.id;
    let (verified, archived) = (entry.verified, entry.archived);
    let merged = entry.merged_into.is_some();
    let name = entry.name.clone();
    let archive_question = Signal::derive(move || tr!(i18n, ArchiveConfirm, name = name));
    view! {
        <li class="list-row member-row" data-testid=format!("catalogue-{}", entry.name)>
            <span class="list-title"><a href=entry_href(kind, id)>{entry.name.clone()}</a></span>
            <span class="muted">{entry.detail.clone()}</span>
            {verified.then(|| view! { <span class="badge">{t!(i18n, VerifiedBadge)}</span> })}
            {archived.then(|| view! { <span class="badge warning">{t!(i18n, ArchivedBadge)}</span> })}
            <span class="muted small">{move || i18n.count(Key::CatalogueRuns, entry.runs)}</span>
            {entry.merged_into.clone().map(|survivor| view! {
                <span class="muted small">{move || tr!(i18n, MergedIntoNote, name = survivor)}</span>
            })}
            {(!merged).then(|| view! {
                <div class="row-actions">
                    <ActionForm action=actions.verified.0 attr:class="inline-form">
                        <input type="hidden" name="kind" value=kind.as_str()/>
                        <input type="hidden" name="id" value=id.to_string()/>
                        <input type="hidden" name="verified" value=(!verified).to_string()/>
                        <SubmitButton plain=true state=actions.verified.1
                            label=if verified { Key::AdminUnverify } else { Key::AdminVerify }/>
                    </ActionForm>
                    <ActionForm action=actions.archived.0 attr:class="inline-form">
                        <input type="hidden" name="kind" value=kind.as_str()/>
                        <input type="hidden" name="id" value=id.to_string()/>
                        <input type="hidden" name="archived" value=(!archived).to_string()/>
                        {if archived {
                            view! { <SubmitButton plain=true state=actions.archived.1 label=Key::AdminUnarchive/> }.into_any()
                        } else {
                            view! {
                                <ConfirmSubmit state=actions.archived.1 danger=true key=id.to_string()
                                    page=format!("/admin/{}/{id}/archive", kind.as_str())
                                    label=Signal::derive(move || i18n.t(Key::AdminArchive).to_owned())
                                    question=archive_question/>
                            }.into_any()
                        }}
                    </ActionForm>
                    {(!archived).then(|| view! {
                        <a class="button small" href=format!("/admin/{}/{id}/merge", kind.as_str())>
                            {t!(i18n, MergeIntoLink)}
                        </a>
                    })}
                </div>
            })}
        </li>
    }
}
