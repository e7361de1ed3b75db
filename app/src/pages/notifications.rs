//! `/notifications`: what happened to me, newest and unread first, grouped (the same news about
//! the same run is one line with its count). Marking a line read marks everything in it.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::notifications::{
    MarkAllNotificationsRead, MarkNotificationsRead, list_notifications,
};
use crate::components::form::{FormError, FormState, refresh_after};
use crate::components::live::{live_refresh, live_tick};
use crate::components::notification_text::sentence;
use crate::components::page_error::PageError;
use crate::components::pager::Pager;
use crate::i18n::{Key, use_i18n};
use crate::model::NotificationView;
use crate::t;

#[component]
pub fn NotificationsPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    // The app-wide tick: marking read here also updates the header's count.
    let refresh = live_tick().unwrap_or_else(|| RwSignal::new(0));
    live_refresh("/events/mine".to_owned(), refresh);
    let read_all = ServerAction::<MarkAllNotificationsRead>::new();
    refresh_after(read_all, refresh);
    let read_all_state = FormState::of(read_all);
    let notes = Resource::new(
        move || {
            (
                query.read().get("page").and_then(|p| p.parse::<u32>().ok()),
                refresh.get(),
            )
        },
        |(page, _)| list_notifications(page),
    );
    view! {
        <Title text=i18n.t_now(Key::NotificationsTitle)/>
        <header class="page-header">
            <h1>{t!(i18n, NotificationsTitle)}</h1>
            <ActionForm action=read_all attr:class="inline-form">
                <FormError state=read_all_state/>
                <button type="submit" class="button" disabled=move || read_all_state.is_pending()>
                    {t!(i18n, MarkAllRead)}
                </button>
            </ActionForm>
        </header>
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                match notes.await {
                    Ok(page) if page.items.is_empty() => {
                        view! { <p class="empty card">{t!(i18n, NoNotifications)}</p> }.into_any()
                    }
                    Ok(page) => view! {
                        <ul class="card notification-list" data-testid="notifications">
                            {page.items.iter().map(|note| view! { <NoteRow note=note.clone() refresh/> }).collect_view()}
                        </ul>
                        <Pager page href_for=|n| format!("/notifications?page={n}")/>
                    }.into_any(),
                    Err(error) => view! { <PageError error/> }.into_any(),
                }
            })}
        </Transition>
    }
    .into_any()
}

#[component]
fn NoteRow(note: NotificationView, refresh: RwSignal<usize>) -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<MarkNotificationsRead>::new();
    refresh_after(action, refresh);
    let state = FormState::of(action);
    let text = sentence(i18n, &note);
    let when = i18n.relative_time(note.latest_at);
    let when_exact = note.latest_at.to_rfc3339();
    let form_name = format!(
        "read-{}-{}",
        note.kind.as_str().replace('_', "-"),
        note.run_id.map_or("none".to_owned(), |id| id.to_string())
    );
    view! {
        <li class="list-row notification" class:unread=note.unread data-testid="notification">
            <div class="stack-tight">
                {match (note.run_id, note.money_of) {
                    (Some(run_id), _) => view! { <a href=format!("/runs/{run_id}")>{text}</a> }.into_any(),
                    (None, Some(group_id)) => view! { <a href=format!("/groups/{group_id}/money")>{text}</a> }.into_any(),
                    (None, None) => view! { <span>{text}</span> }.into_any(),
                }}
                <time class="muted" datetime=when_exact>{when}</time>
            </div>
            {note.unread.then(|| view! {
                <ActionForm action attr:class="inline-form">
                    <input type="hidden" name="kind" value=note.kind.as_str()/>
                    {note.run_id.map(|id| view! { <input type="hidden" name="run_id" value=id.to_string()/> })}
                    <FormError state form=form_name.clone()/>
                    <button type="submit" class="button small" disabled=move || state.is_pending()>
                        {t!(i18n, MarkRead)}
                    </button>
                </ActionForm>
            })}
        </li>
    }
    .into_any()
}
