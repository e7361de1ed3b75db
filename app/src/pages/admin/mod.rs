//! `/admin/…`: the site admin's pages. Each asks the server for its data, which refuses anyone but
//! a site admin (`NOT_SITE_ADMIN`), so nobody else ever sees one.

pub mod audit;
pub mod catalogue;
pub mod confirm;
pub mod groups;
pub mod merge;
pub mod settings;
pub mod user_merge;
pub mod users;

use leptos::prelude::*;

use crate::i18n::{Key, use_i18n};

/// The admin area's tabs; `current` is marked for assistive technology.
#[component]
pub fn AdminTabs(current: Key) -> impl IntoView {
    let i18n = use_i18n();
    let tabs = [
        (Key::AdminUsersTab, "/admin/users"),
        (Key::AdminProductsTab, "/admin/products"),
        (Key::AdminStoresTab, "/admin/stores"),
        (Key::AdminGroupsTab, "/admin/groups"),
        (Key::AdminSettingsTab, "/admin/settings"),
        (Key::AdminAuditTab, "/admin/audit"),
    ];
    view! {
        <h1>{move || i18n.t(Key::AdminTitle)}</h1>
        <nav class="tabs" aria-label=move || i18n.t(Key::AdminTitle)>
            {tabs.into_iter().map(|(key, href)| view! {
                <a href=href aria-current=(key == current).then_some("page")>{move || i18n.t(key)}</a>
            }).collect_view()}
        </nav>
    }
}
