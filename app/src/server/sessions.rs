//! Logins stored in the Redis-backed session: starting, ending and resolving them to a user.
//! A session is only trusted while its user exists, is enabled, has the same session generation
//! (a password change or "log out everywhere else" bumps it) and the login is younger than the
//! absolute lifetime. Each login is also a row of `logins`, so its owner sees their devices.

use serde::{Deserialize, Serialize};
use tower_sessions::Session;
use uuid::Uuid;

use crate::error::{AppError, AppResult, ErrorCode};
use crate::model::{NewApiToken, ResetLinkView};
use crate::server::AppContext;
use crate::server::accounts::{self, Account};
use crate::server::audit::Origin;
use crate::server::logins;

const LOGIN_KEY: &str = "login";
const RESET_LINK_KEY: &str = "reset_link";
const NEW_API_TOKEN_KEY: &str = "new_api_token";

#[derive(Clone, Debug, Serialize, Deserialize)]
struct Login {
    user_id: Uuid,
    generation: i32,
    /// Unix seconds of the moment the password was checked.
    logged_in_at: i64,
    /// Unix seconds of the last time the session was written back, which extends its idle
    /// expiry (`SessionPolicy::touch_every`). Older sessions have none: they are written at once.
    #[serde(default)]
    touched_at: i64,
    /// Its row in `logins`; sessions begun before devices were listed have none.
    #[serde(default)]
    login_id: Option<Uuid>,
}

/// The user behind a request, resolved once per request by the session middleware and kept in the
/// request's extensions.
#[derive(Clone, Debug)]
pub struct Viewer(pub Account);

/// Starts a login: a fresh session id (no fixation) bound to the account, from `device` (the
/// browser's User-Agent).
pub async fn start(
    ctx: &AppContext,
    session: &Session,
    account: &Account,
    device: &str,
) -> AppResult<()> {
    let login_id = logins::begin(&ctx.db, account, device, ctx.sessions.absolute_lifetime).await?;
    bind(
        session,
        account,
        chrono::Utc::now().timestamp(),
        Some(login_id),
    )
    .await
}

async fn bind(
    session: &Session,
    account: &Account,
    logged_in_at: i64,
    login_id: Option<Uuid>,
) -> AppResult<()> {
    session.cycle_id().await.map_err(store_unavailable)?;
    let login = Login {
        user_id: account.id,
        generation: account.session_generation,
        logged_in_at,
        touched_at: chrono::Utc::now().timestamp(),
        login_id,
    };
    session
        .insert(LOGIN_KEY, login)
        .await
        .map_err(store_unavailable)
}

/// Keeps the current login alive across a generation bump (after the user's own password change
/// or "log out everywhere else"): same login, same device, a fresh session id.
pub async fn renew(ctx: &AppContext, session: &Session, account: &Account) -> AppResult<()> {
    let login = session
        .get::<Login>(LOGIN_KEY)
        .await
        .map_err(store_unavailable)?;
    let (logged_in_at, login_id) = login.map_or((chrono::Utc::now().timestamp(), None), |login| {
        (login.logged_in_at, login.login_id)
    });
    if let Some(login_id) = login_id {
        logins::carried_on(&ctx.db, login_id, account.session_generation).await?;
    }
    bind(session, account, logged_in_at, login_id).await
}

/// This browser's row in `logins`, when it has one.
pub async fn current_login(session: &Session) -> AppResult<Option<Uuid>> {
    Ok(session
        .get::<Login>(LOGIN_KEY)
        .await
        .map_err(store_unavailable)?
        .and_then(|login| login.login_id))
}

/// Ends the login: the session is deleted from Redis and the cookie cleared; for a logged-in
/// `account`, its row ends and its open streams are told.
pub async fn end(
    ctx: &AppContext,
    session: &Session,
    account: Option<&Account>,
    origin: &Origin,
) -> AppResult<()> {
    let login = current_login(session).await?;
    // Gone from the store first: a stream told of the change must find it gone.
    forget(session).await?;
    match account {
        Some(account) => logins::end(&ctx.db, account, login, origin).await,
        None => Ok(()),
    }
}

async fn forget(session: &Session) -> AppResult<()> {
    session.flush().await.map_err(store_unavailable)
}

/// The session store (Redis) did not answer: an outage, not a bug.
fn store_unavailable(error: tower_sessions::session::Error) -> AppError {
    tracing::warn!(%error, "session store unavailable");
    AppError::new(ErrorCode::Unavailable)
}

/// The logged-in account of this session, or `None`; a stale login is ended on the spot.
pub async fn resolve(ctx: &AppContext, session: &Session) -> AppResult<Option<Account>> {
    let Some(login) = session
        .get::<Login>(LOGIN_KEY)
        .await
        .map_err(store_unavailable)?
    else {
        return Ok(None);
    };
    let now = chrono::Utc::now().timestamp();
    match trusted(ctx, &login, now).await? {
        Some(account) => {
            if now - login.touched_at >= ctx.sessions.touch_every.as_secs() as i64 {
                if let Some(login_id) = login.login_id {
                    logins::seen(&ctx.db, login_id).await?;
                }
                let touched = Login {
                    touched_at: now,
                    ..login
                };
                session
                    .insert(LOGIN_KEY, touched)
                    .await
                    .map_err(store_unavailable)?;
            }
            Ok(Some(account))
        }
        None => {
            forget(session).await?;
            Ok(None)
        }
    }
}

/// The account behind `login` while the login holds: young enough, the account enabled and of
/// the same generation.
async fn trusted(ctx: &AppContext, login: &Login, now: i64) -> AppResult<Option<Account>> {
    let age = now - login.logged_in_at;
    if age < 0 || age as u64 > ctx.sessions.absolute_lifetime.as_secs() {
        return Ok(None);
    }
    Ok(accounts::find(&ctx.db, login.user_id)
        .await?
        .filter(|account| !account.disabled && account.session_generation == login.generation))
}

/// Whether a session's stored data (as the session store has it now; `None` once it is gone)
/// still holds a trusted login: what an open event stream checks.
pub async fn still_holds(
    ctx: &AppContext,
    data: Option<&std::collections::HashMap<String, serde_json::Value>>,
) -> AppResult<bool> {
    let Some(login) = data
        .and_then(|data| data.get(LOGIN_KEY))
        .and_then(|login| serde_json::from_value::<Login>(login.clone()).ok())
    else {
        return Ok(false);
    };
    let now = chrono::Utc::now().timestamp();
    Ok(trusted(ctx, &login, now).await?.is_some())
}

/// Keeps a reset link just made for the admin's next page, which shows it once.
pub async fn hold_reset_link(session: &Session, link: &ResetLinkView) -> AppResult<()> {
    session
        .insert(RESET_LINK_KEY, link)
        .await
        .map_err(store_unavailable)
}

/// The reset link held for this session, forgotten as it is read.
pub async fn take_reset_link(session: &Session) -> AppResult<Option<ResetLinkView>> {
    session
        .remove::<ResetLinkView>(RESET_LINK_KEY)
        .await
        .map_err(store_unavailable)
}

/// A token just made, kept until its owner's page shows it once (with or without JavaScript);
/// it never travels in a URL.
pub async fn hold_new_api_token(session: &Session, token: &NewApiToken) -> AppResult<()> {
    session
        .insert(NEW_API_TOKEN_KEY, token)
        .await
        .map_err(store_unavailable)
}

/// The token held for this session, forgotten as it is read.
pub async fn take_new_api_token(session: &Session) -> AppResult<Option<NewApiToken>> {
    session
        .remove::<NewApiToken>(NEW_API_TOKEN_KEY)
        .await
        .map_err(store_unavailable)
}
