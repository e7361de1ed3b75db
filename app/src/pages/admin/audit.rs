//! `/admin/audit`: the audit trail, newest first, filtered by person and action.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use strum::IntoEnumIterator;

use crate::api::admin::audit_log;
use crate::components::page_error::PageError;
use crate::components::pager::Pager;
use crate::domain::admin::{ADMIN_SEARCH_MAX, AuditAction};
use crate::i18n::{Key, use_i18n};
use crate::model::{AuditEntryView, AuditTrail};
use crate::pages::admin::AdminTabs;
use crate::pages::next_path::encode_query_value;
use crate::{t, tr};

#[component]
pub fn AdminAuditPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let log = Resource::new(
        move || {
            let query = query.read();
            (
                query.get("user"),
                query.get("action"),
                query.get("page").and_then(|p| p.parse::<u32>().ok()),
            )
        },
        |(user, action, page)| audit_log(user, action, page),
    );
    view! {
        <Title text=i18n.t_now(Key::AdminAuditTab)/>
        <AdminTabs current=Key::AdminAuditTab/>
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                match log.await {
                    Ok(log) => view! { <Trail log/> }.into_any(),
                    Err(error) => view! { <PageError error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn Trail(log: AuditTrail) -> impl IntoView {
    let i18n = use_i18n();
    let user = log.user.clone();
    let action = log.action;
    let page_href = {
        let user = user.clone();
        move |n: u32| {
            format!(
                "/admin/audit?user={}&action={}&page={n}",
                encode_query_value(&user),
                action.map(AuditAction::as_str).unwrap_or_default()
            )
        }
    };
    let retention = log.retention_days;
    view! {
        <section class="card">
            <form method="get" action="/admin/audit" class="filter-form" role="search"
                aria-label=move || i18n.t(Key::AuditFilterLabel)>
                <label for="audit-user" class="visually-hidden">{t!(i18n, AuditUserLabel)}</label>
                <input id="audit-user" type="search" name="user" value=user maxlength=ADMIN_SEARCH_MAX
                    autocapitalize="none" spellcheck="false" placeholder=move || i18n.t(Key::AuditUserLabel)/>
                <label for="audit-action" class="visually-hidden">{t!(i18n, AuditActionLabel)}</label>
                <select id="audit-action" name="action">
                    <option value="" selected=action.is_none()>{t!(i18n, AuditAnyAction)}</option>
                    {AuditAction::iter().map(|option| view! {
                        <option value=option.as_str() selected=action == Some(option)>{i18n.audit_action(option)}</option>
                    }).collect_view()}
                </select>
                <button type="submit" class="button">{t!(i18n, AdminSearchSubmit)}</button>
            </form>
            <p class="muted">{move || i18n.count(Key::AuditRetention, i64::from(retention))}</p>
            {if log.entries.items.is_empty() {
                view! { <p class="empty">{t!(i18n, AuditEmpty)}</p> }.into_any()
            } else {
                view! {
                    // Wider than a phone: the region scrolls, so it takes focus for keyboard users.
                    <div class="table-scroll" tabindex="0" role="region"
                        aria-label=move || i18n.t(Key::AdminAuditTab)>
                        <table class="history audit" data-testid="audit-log">
                            <thead><tr>
                                <th scope="col">{t!(i18n, AuditWhen)}</th>
                                <th scope="col">{t!(i18n, AuditActionColumn)}</th>
                                <th scope="col">{t!(i18n, AuditWho)}</th>
                                <th scope="col">{t!(i18n, AuditTarget)}</th>
                                <th scope="col">{t!(i18n, AuditDetail)}</th>
                                <th scope="col">{t!(i18n, AuditFrom)}</th>
                            </tr></thead>
                            <tbody>
                                {log.entries.items.iter().cloned().map(|entry| view! { <EntryRow entry/> }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
            <Pager page=log.entries href_for=page_href/>
        </section>
    }
}

#[component]
fn EntryRow(entry: AuditEntryView) -> impl IntoView {
    let i18n = use_i18n();
    let when = i18n.date_time(entry.at);
    let from = match (&entry.client_addr, &entry.request_id) {
        (Some(address), Some(request)) => tr!(
            i18n,
            AuditOrigin,
            address = address.as_str(),
            request = request.as_str()
        ),
        (Some(address), None) => address.clone(),
        (None, Some(request)) => request.clone(),
        (None, None) => String::new(),
    };
    view! {
        <tr data-action=entry.action.as_str()>
            <td>{when}</td>
            <td>{i18n.audit_action(entry.action)}</td>
            <td>{entry.actor.unwrap_or_default()}</td>
            <td>{entry.target.unwrap_or_default()}</td>
            <td>{entry.detail.unwrap_or_default()}</td>
            <td class="muted">{from}</td>
        </tr>
    }
}
