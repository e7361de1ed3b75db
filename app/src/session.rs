//! The page's view of the login: the account actions, shared so that any of them refreshes
//! the session (header name, language) when it completes.

use leptos::prelude::*;

use crate::api::accounts::{
    ChangePassword, ChangeUsername, DeleteAccount, Login, Logout, Register, ResetPassword,
    UpdateDisplayName, UpdateLanguage, get_session,
};
use crate::error::AppError;
use crate::i18n::use_i18n;
use crate::model::SessionInfo;

#[derive(Clone, Copy)]
pub struct AccountActions {
    pub login: ServerAction<Login>,
    pub register: ServerAction<Register>,
    /// A password set through a reset link, which logs its owner in.
    pub reset_password: ServerAction<ResetPassword>,
    pub logout: ServerAction<Logout>,
    pub change_password: ServerAction<ChangePassword>,
    pub username: ServerAction<ChangeUsername>,
    pub delete_account: ServerAction<DeleteAccount>,
    pub display_name: ServerAction<UpdateDisplayName>,
    pub language: ServerAction<UpdateLanguage>,
}

pub type SessionResource = Resource<Result<SessionInfo, AppError>>;

/// Creates the actions and the session resource; call once, inside the router.
pub fn provide_session() -> (AccountActions, SessionResource) {
    // A no-JS form post that failed comes back with its error in the URL; the router would only
    // provide it once `<Routes>` renders, after these actions exist, so provide it first.
    leptos_router::hooks::use_url()
        .read_untracked()
        .provide_server_action_error();
    let actions = AccountActions {
        login: ServerAction::new(),
        register: ServerAction::new(),
        reset_password: ServerAction::new(),
        logout: ServerAction::new(),
        change_password: ServerAction::new(),
        username: ServerAction::new(),
        delete_account: ServerAction::new(),
        display_name: ServerAction::new(),
        language: ServerAction::new(),
    };
    let session = Resource::new(
        move || {
            (
                actions.login.version().get(),
                actions.register.version().get(),
                actions.reset_password.version().get(),
                actions.logout.version().get(),
                actions.username.version().get(),
                actions.delete_account.version().get(),
                actions.display_name.version().get(),
                actions.language.version().get(),
            )
        },
        |_| get_session(),
    );
    let i18n = use_i18n();
    Effect::new(move |_| {
        if let Some(Ok(info)) = session.get() {
            i18n.set_language(info.language);
            #[cfg(feature = "hydrate")]
            if let Some(root) = web_sys::window()
                .and_then(|window| window.document())
                .and_then(|document| document.document_element())
            {
                let _ = root.set_attribute("lang", info.language.code());
            }
        }
    });
    provide_context(actions);
    provide_context(session);
    (actions, session)
}

pub fn use_account_actions() -> AccountActions {
    expect_context::<AccountActions>()
}

pub fn use_session() -> SessionResource {
    expect_context::<SessionResource>()
}
