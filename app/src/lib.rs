//! Bulq: the Leptos application shared by the server (SSR) and the browser (hydration).
//! Shared rules live in `domain`, wire shapes in `model`, server functions in `api`, and the
//! Postgres service layer in `server`, which only exists with the `ssr` feature.

pub mod api;
pub mod components;
pub mod domain;
pub mod error;
pub mod i18n;
pub mod model;
pub mod pages;
mod routes;
#[cfg(feature = "ssr")]
pub mod server;
pub mod session;

use leptos::prelude::*;
use leptos_meta::{HashedStylesheet, Link, MetaTags, Title, provide_meta_context};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{Lazy, SsrMode, path};

use crate::components::navigation_progress::NavigationProgress;
use crate::components::toast::ToastRegion;
use crate::components::top_bar::TopBar;
use crate::domain::language::Language;
use crate::i18n::zone::Zone;
use crate::i18n::{provide_i18n, use_i18n};
use crate::pages::not_found::NotFoundPage;

/// The HTML document around the app; rendered on the server only.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    #[cfg(feature = "ssr")]
    server::csp::apply_to_page();
    let language = initial_language();
    #[cfg(feature = "ssr")]
    let zone = {
        let zone = server::request::zone();
        provide_context(zone.clone());
        zone.encode()
    };
    #[cfg(not(feature = "ssr"))]
    let zone = String::new();
    #[cfg(feature = "ssr")]
    let theme = server::request::theme().as_str();
    #[cfg(not(feature = "ssr"))]
    let theme = "system";
    view! {
        <!DOCTYPE html>
        <html lang=language.code() data-theme=theme>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover"/>
                <meta name="color-scheme" content="light dark"/>
                <meta name="theme-color" content="#0f766e"/>
                <meta name="bulq-zone" content=zone/>
                <link rel="manifest" href="/manifest.webmanifest"/>
                <link rel="apple-touch-icon" href="/icons/apple-touch-icon.png"/>
                <HashedStylesheet id="leptos" options=options.clone()/>
                <HydrationScripts options/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// The language the page starts in: the server decides it (profile, then browser) and writes it
/// into `<html lang>`, which the browser reads back so hydration renders the same text.
fn initial_language() -> Language {
    #[cfg(feature = "ssr")]
    {
        server::request::language()
    }
    #[cfg(not(feature = "ssr"))]
    {
        #[cfg(feature = "hydrate")]
        {
            web_sys::window()
                .and_then(|window| window.document())
                .and_then(|document| document.document_element())
                .and_then(|root| root.get_attribute("lang"))
                .and_then(|code| Language::from_code(&code))
                .unwrap_or_default()
        }
        #[cfg(not(feature = "hydrate"))]
        {
            Language::default()
        }
    }
}

/// The viewer's time zone and the page's moment: the server writes them into
/// `<meta name="bulq-zone">`, which the browser reads back so hydration shows the same times.
fn initial_zone() -> Zone {
    #[cfg(feature = "ssr")]
    {
        use_context::<Zone>().unwrap_or_else(server::request::zone)
    }
    #[cfg(not(feature = "ssr"))]
    {
        #[cfg(feature = "hydrate")]
        {
            web_sys::window()
                .and_then(|window| window.document())
                .and_then(|document| {
                    document
                        .query_selector("meta[name=bulq-zone]")
                        .ok()
                        .flatten()
                })
                .and_then(|meta| meta.get_attribute("content"))
                .and_then(|content| Zone::decode(&content))
                .unwrap_or_else(Zone::utc)
        }
        #[cfg(not(feature = "hydrate"))]
        {
            Zone::utc()
        }
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    provide_i18n(initial_language(), initial_zone());
    components::live::provide_live_tick();
    components::toast::Toasts::provide();
    let (navigating, set_navigating) = signal(false);
    view! {
        <Link rel="icon" type_="image/svg+xml" href="/favicon.svg"/>
        <Title formatter=|title: String| format!("{title} · Bulq")/>
        <Router set_is_routing=set_navigating>
            <Layout navigating/>
        </Router>
    }
}

#[component]
fn Layout(navigating: ReadSignal<bool>) -> impl IntoView {
    session::provide_session();
    components::form::SentForm::provide();
    let i18n = use_i18n();
    components::page_live::follow_navigation(navigating);
    view! {
        <NavigationProgress navigating/>
        <TopBar/>
        <main id="main" class="page" aria-busy=move || navigating.get().to_string()>
            <Routes fallback=NotFoundPage>
                <Route path=path!("") view={Lazy::<routes::Home>::new()} ssr=SsrMode::Async/>
                <Route path=path!("login") view={Lazy::<routes::Login>::new()} ssr=SsrMode::Async/>
                <Route path=path!("register") view={Lazy::<routes::Register>::new()} ssr=SsrMode::Async/>
                <Route path=path!("reset/:token") view={Lazy::<routes::ResetPassword>::new()} ssr=SsrMode::Async/>
                <Route path=path!("profile") view={Lazy::<routes::Profile>::new()} ssr=SsrMode::Async/>
                <Route path=path!("profile/delete") view={Lazy::<routes::DeleteAccount>::new()} ssr=SsrMode::Async/>
                <Route path=path!("profile/api-tokens") view={Lazy::<routes::ApiTokens>::new()} ssr=SsrMode::Async/>
                <Route path=path!("admin") view={Lazy::<routes::AdminUsers>::new()} ssr=SsrMode::Async/>
                <Route path=path!("admin/users") view={Lazy::<routes::AdminUsers>::new()} ssr=SsrMode::Async/>
                <Route path=path!("admin/users/:id/confirm/:what") view={Lazy::<routes::AdminConfirmation>::new()} ssr=SsrMode::Async/>
                <Route path=path!("admin/users/:id/merge-into") view={Lazy::<routes::AdminUserMergeSearch>::new()} ssr=SsrMode::Async/>
                <Route path=path!("admin/users/confirm-merge") view={Lazy::<routes::AdminUserMergeConfirm>::new()} ssr=SsrMode::Async/>
                <Route path=path!("admin/groups") view={Lazy::<routes::AdminGroups>::new()} ssr=SsrMode::Async/>
                <Route path=path!("admin/groups/:id/confirm-archive") view={Lazy::<routes::AdminGroupArchive>::new()} ssr=SsrMode::Async/>
                <Route path=path!("admin/products") view={Lazy::<routes::AdminProducts>::new()} ssr=SsrMode::Async/>
                <Route path=path!("admin/stores") view={Lazy::<routes::AdminStores>::new()} ssr=SsrMode::Async/>
                <Route path=path!("admin/:kind/:id/merge") view={Lazy::<routes::AdminMergeSearch>::new()} ssr=SsrMode::Async/>
                <Route path=path!("admin/:kind/merge/confirm") view={Lazy::<routes::AdminMergeConfirm>::new()} ssr=SsrMode::Async/>
                <Route path=path!("admin/:kind/:id/archive") view={Lazy::<routes::AdminArchiveConfirm>::new()} ssr=SsrMode::Async/>
                <Route path=path!("admin/settings") view={Lazy::<routes::AdminSettings>::new()} ssr=SsrMode::Async/>
                <Route path=path!("admin/audit") view={Lazy::<routes::AdminAudit>::new()} ssr=SsrMode::Async/>
                <Route path=path!("notifications") view={Lazy::<routes::Notifications>::new()} ssr=SsrMode::Async/>
                <Route path=path!("groups/:id") view={Lazy::<routes::Group>::new()} ssr=SsrMode::Async/>
                <Route path=path!("groups/:id/manage") view={Lazy::<routes::GroupManage>::new()} ssr=SsrMode::Async/>
                <Route path=path!("groups/:id/money") view={Lazy::<routes::Money>::new()} ssr=SsrMode::Async/>
                <Route path=path!("groups/:id/money/statement/:member") view={Lazy::<routes::Statement>::new()} ssr=SsrMode::Async/>
                <Route path=path!("groups/:id/confirm/:what") view={Lazy::<routes::GroupConfirmation>::new()} ssr=SsrMode::Async/>
                <Route path=path!("join/:token") view={Lazy::<routes::Join>::new()} ssr=SsrMode::Async/>
                <Route path=path!("stores") view={Lazy::<routes::Stores>::new()} ssr=SsrMode::Async/>
                <Route path=path!("stores/:id") view={Lazy::<routes::Store>::new()} ssr=SsrMode::Async/>
                <Route path=path!("products") view={Lazy::<routes::Products>::new()} ssr=SsrMode::Async/>
                <Route path=path!("products/:id") view={Lazy::<routes::Product>::new()} ssr=SsrMode::Async/>
                <Route path=path!("search") view={Lazy::<routes::Search>::new()} ssr=SsrMode::Async/>
                <Route path=path!("runs/:id") view={Lazy::<routes::Run>::new()} ssr=SsrMode::Async/>
                <Route path=path!("runs/:id/shopping") view={Lazy::<routes::Shopping>::new()} ssr=SsrMode::Async/>
                <Route path=path!("runs/:id/confirm/:what") view={Lazy::<routes::RunConfirmation>::new()} ssr=SsrMode::Async/>
                <Route path=path!("runs/:id/print/shopping") view={Lazy::<routes::PrintShopping>::new()} ssr=SsrMode::Async/>
                <Route path=path!("runs/:id/print/distribution") view={Lazy::<routes::PrintDistribution>::new()} ssr=SsrMode::Async/>
            </Routes>
        </main>
        <ToastRegion/>
        <footer class="site-footer">
            <p>{t!(i18n, FooterNote)}</p>
        </footer>
    }
}
