//! The header on every page: the brand, and either log in / sign up or the user's name and log
//! out, the app's sections and the search box.

use leptos::prelude::*;

use crate::api::notifications::{list_notifications, unread_notifications};
use crate::components::form::FormState;
use crate::components::live::{header_stream, live_tick};
use crate::components::notification_text::sentence;
use crate::components::search_box::SearchBox;
use crate::components::toast::Toasts;
use crate::error::AppError;
use crate::i18n::{Key, use_i18n};
use crate::session::{use_account_actions, use_session};
use crate::t;

#[component]
pub fn TopBar() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let actions = use_account_actions();
    let logout_state = FormState::of(actions.logout);
    view! {
        <header class="top-bar">
            <a class="skip-link" href="#main">{t!(i18n, SkipToContent)}</a>
            <a class="brand" href="/">
                <span class="brand-mark" aria-hidden="true">"▦"</span>
                {t!(i18n, AppName)}
            </a>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    match session.await.ok().and_then(|info| info.user) {
                        Some(user) => view! {
                            <nav class="top-nav" aria-label=move || i18n.t(Key::NavAccountLabel)>
                                <NotificationBell/>
                                <a class="nav-link" href="/profile" data-testid="nav-profile">
                                    {user.display_name}
                                </a>
                                <ActionForm action=actions.logout attr:class="inline-form">
                                    <button type="submit" class="button ghost"
                                        disabled=move || logout_state.is_pending()>
                                        {t!(i18n, NavLogOut)}
                                    </button>
                                </ActionForm>
                            </nav>
                            <nav class="section-nav" aria-label=move || i18n.t(Key::NavSectionsLabel)>
                                <a href="/">{t!(i18n, NavGroups)}</a>
                                <a href="/stores">{t!(i18n, NavStores)}</a>
                                <a href="/products">{t!(i18n, NavProducts)}</a>
                                {user.is_admin.then(|| view! {
                                    <a href="/admin" data-testid="nav-admin">{t!(i18n, NavAdmin)}</a>
                                })}
                            </nav>
                            <SearchBox/>
                        }.into_any(),
                        None => view! {
                            <nav class="top-nav" aria-label=move || i18n.t(Key::NavAccountLabel)>
                                <a class="nav-link" href="/login">{t!(i18n, NavLogIn)}</a>
                                <a class="button primary small" href="/register">{t!(i18n, NavSignUp)}</a>
                            </nav>
                        }.into_any(),
                    }
                })}
            </Transition>
        </header>
    }
}

/// When the unread count goes up while a page is open, the newest unread notification is told
/// in a toast (the first count loaded is only remembered).
fn toast_new_notifications(unread: LocalResource<Result<i64, AppError>>) {
    let i18n = use_i18n();
    let toasts = Toasts::get();
    let known = StoredValue::new(None::<i64>);
    Effect::new(move |_| {
        let Some(Ok(count)) = unread.get() else {
            return;
        };
        let before = known.get_value();
        known.set_value(Some(count));
        let (Some(before), Some(toasts)) = (before, toasts) else {
            return;
        };
        if count > before {
            leptos::task::spawn_local(async move {
                if let Ok(page) = list_notifications(None).await
                    && let Some(newest) = page.items.iter().find(|note| note.unread)
                {
                    toasts.show(sentence(i18n, newest));
                }
            });
        }
    });
}

/// The unread count, loaded again after every navigation and whenever live events reload it (the
/// page's, or the header's own stream on pages without one): a notification always comes with
/// an event about one of the viewer's runs or groups.
#[component]
fn NotificationBell() -> impl IntoView {
    let i18n = use_i18n();
    let tick = live_tick();
    let location = leptos_router::hooks::use_location();
    // Loaded in the browser only: the count is not part of the server's page, so a page never
    // waits for it and hydration never disagrees about it.
    let unread = LocalResource::new(move || {
        let _ = (tick.map(|t| t.get()), location.pathname.get());
        unread_notifications()
    });
    // Read only once mounted in the browser: on the server a local resource never resolves, and
    // reading it there would hold the whole header back.
    let mounted = RwSignal::new(false);
    Effect::new(move |_| mounted.set(true));
    header_stream();
    toast_new_notifications(unread);
    let count = move || {
        if !mounted.get() {
            return None;
        }
        unread.get().and_then(Result::ok).filter(|count| *count > 0)
    };
    view! {
        // The name is text, not an aria-label, so it contains the visible count ("Notifications 14").
        <a class="nav-link bell" href="/notifications" data-testid="nav-notifications">
            <span class="visually-hidden">{t!(i18n, NotificationsTitle)}</span>
            <svg class="bell-icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
                <path fill="currentColor" d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z"/>
            </svg>
            {move || count().map(|count| view! {
                <span class="badge unread-badge" data-testid="unread-count">{count}</span>
            })}
        </a>
    }
}
