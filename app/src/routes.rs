//! Every page as a lazily loaded route. Built with `cargo leptos build --split`, each page's code
//! is a WASM chunk of its own that the browser fetches the first time it shows that page, so the
//! first load carries the shell and one page, not the whole app (ADR 37). Every WASM build needs
//! `--split` (it resolves the chunks' imports); on the server the routes simply render.

use leptos::prelude::*;
use leptos_router::{LazyRoute, lazy_route};

use crate::components::page_live::PageLive;

use crate::pages::{
    admin::{
        audit::AdminAuditPage,
        catalogue::{AdminProductsPage, AdminStoresPage},
        confirm::AdminConfirmationPage,
        groups::{AdminGroupArchivePage, AdminGroupsPage},
        merge::{AdminArchiveConfirmPage, AdminMergeConfirmPage, AdminMergeSearchPage},
        settings::AdminSettingsPage,
        user_merge::{AdminUserMergeConfirmPage, AdminUserMergeSearchPage},
        users::AdminUsersPage,
    },
    api_tokens::ApiTokensPage,
    delete_account::DeleteAccountPage,
    group::GroupPage,
    group_confirm::GroupConfirmationPage,
    group_manage::GroupManagePage,
    home::HomePage,
    join::JoinPage,
    login::LoginPage,
    money::MoneyPage,
    notifications::NotificationsPage,
    print::{PrintDistributionPage, PrintShoppingPage},
    products::{ProductPage, ProductsPage},
    profile::ProfilePage,
    register::RegisterPage,
    reset_password::ResetPasswordPage,
    run::{RunConfirmationPage, RunPage},
    search::SearchPage,
    shopping::ShoppingPage,
    statement::StatementPage,
    stores::{StorePage, StoresPage},
};

/// `Route => Page`: a route type whose view, the page, is split into its own chunk. The pages load
/// their own data, so `data()` has nothing to start.
macro_rules! lazy_pages {
    ($($route:ident => $page:ident,)*) => {$(
        pub struct $route;

        #[lazy_route]
        impl LazyRoute for $route {
            fn data() -> Self {
                Self
            }

            fn view(this: Self) -> AnyView {
                let _ = this;
                view! { <$page/> <PageLive/> }.into_any()
            }
        }
    )*};
}

lazy_pages! {
    Home => HomePage,
    Login => LoginPage,
    Register => RegisterPage,
    ResetPassword => ResetPasswordPage,
    Profile => ProfilePage,
    DeleteAccount => DeleteAccountPage,
    ApiTokens => ApiTokensPage,
    AdminUsers => AdminUsersPage,
    AdminConfirmation => AdminConfirmationPage,
    AdminUserMergeSearch => AdminUserMergeSearchPage,
    AdminUserMergeConfirm => AdminUserMergeConfirmPage,
    AdminGroups => AdminGroupsPage,
    AdminGroupArchive => AdminGroupArchivePage,
    AdminProducts => AdminProductsPage,
    AdminStores => AdminStoresPage,
    AdminMergeSearch => AdminMergeSearchPage,
    AdminMergeConfirm => AdminMergeConfirmPage,
    AdminArchiveConfirm => AdminArchiveConfirmPage,
    AdminSettings => AdminSettingsPage,
    AdminAudit => AdminAuditPage,
    Notifications => NotificationsPage,
    Group => GroupPage,
    GroupManage => GroupManagePage,
    Money => MoneyPage,
    Statement => StatementPage,
    GroupConfirmation => GroupConfirmationPage,
    Join => JoinPage,
    Stores => StoresPage,
    Store => StorePage,
    Products => ProductsPage,
    Product => ProductPage,
    Search => SearchPage,
    Run => RunPage,
    Shopping => ShoppingPage,
    RunConfirmation => RunConfirmationPage,
    PrintShopping => PrintShoppingPage,
    PrintDistribution => PrintDistributionPage,
}
