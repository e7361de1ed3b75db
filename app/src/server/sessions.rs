//! Logins stored in the Redis-backed session: starting, ending and resolving them to a user.
//! A session is only trusted while its user exists, is enabled, has the same session generation
//! (a password change bumps it) and the login is younger than the absolute lifetime.

use serde::{Deserialize, Serialize};
use tower_sessions::Session;
use uuid::Uuid;

use crate::error::{AppError, AppResult, ErrorCode};
use crate::model::ResetLinkView;
use crate::server::AppContext;
use crate::server::accounts::{self, Account};

const LOGIN_KEY: &str = "login";
const RESET_LINK_KEY: &str = "reset_link";

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
}

/// The user behind a request, resolved once per request by the session middleware and kept in the
/// request's extensions.
#[derive(Clone, Debug)]
pub struct Viewer(pub Account);

/// Starts a login: a fresh session id (no fixation) bound to the account.
pub async fn start(session: &Session, account: &Account) -> AppResult<()> {
    session.cycle_id().await.map_err(store_unavailable)?;
    let now = chrono::Utc::now().timestamp();
    let login = Login {
        user_id: account.id,
        generation: account.session_generation,
        logged_in_at: now,
        touched_at: now,
    };
    session
        .insert(LOGIN_KEY, login)
        .await
        .map_err(store_unavailable)
}

/// Keeps the current login alive across a generation bump (after the user's own password change).
pub async fn renew(session: &Session, account: &Account) -> AppResult<()> {
    start(session, account).await
}

/// Ends the login: the session is deleted from Redis and the cookie cleared.
pub async fn end(session: &Session) -> AppResult<()> {
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
    let age = now - login.logged_in_at;
    let too_old = age < 0 || age as u64 > ctx.sessions.absolute_lifetime.as_secs();
    let account = if too_old {
        None
    } else {
        accounts::find(&ctx.db, login.user_id).await?
    };
    match account {
        Some(account) if !account.disabled && account.session_generation == login.generation => {
            if now - login.touched_at >= ctx.sessions.touch_every.as_secs() as i64 {
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
        _ => {
            end(session).await?;
            Ok(None)
        }
    }
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
