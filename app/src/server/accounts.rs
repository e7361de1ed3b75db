//! Accounts: registration, login, password and profile changes. One transaction per use case.

use sqlx::{FromRow, PgConnection, PgPool};
use uuid::Uuid;

use crate::domain::admin::AuditAction;
use crate::domain::language::{Language, TimeZoneName};
use crate::domain::login_pace::{LoginPace, login_pace};
use crate::domain::theme::Theme;
use crate::domain::validation::{DisplayName, NewPassword, Username};
use crate::error::{AppError, AppResult, ErrorCode};
use crate::model::UserView;
use crate::server::audit::{self, Entry, Origin};
use crate::server::request::address_block;
use crate::server::{db, passwords, site_settings};

/// A user row as the service layer needs it; the password hash never leaves this module.
#[derive(Clone, Debug, FromRow)]
pub struct Account {
    pub id: Uuid,
    pub username: String,
    pub display_name: String,
    pub language: Option<String>,
    /// An IANA zone name (`Europe/Belgrade`); times are shown in it.
    pub time_zone: String,
    /// A [`Theme`] name, as the database's check allows.
    pub theme: String,
    pub is_admin: bool,
    /// Bumped whenever every existing session of the user must end (password change).
    pub session_generation: i32,
    pub disabled: bool,
}

impl Account {
    pub fn theme(&self) -> Theme {
        Theme::from_name(&self.theme).unwrap_or_default()
    }

    pub fn view(&self) -> UserView {
        UserView {
            id: self.id,
            username: self.username.clone(),
            display_name: self.display_name.clone(),
            language: self.language.as_deref().and_then(Language::from_code),
            time_zone: self.time_zone.clone(),
            theme: self.theme(),
            is_admin: self.is_admin,
        }
    }
}

pub(crate) const ACCOUNT_COLUMNS: &str = "id, username, display_name, language, time_zone, theme, is_admin, session_generation, disabled_at IS NOT NULL AS disabled";

pub async fn find(db: &PgPool, user_id: Uuid) -> AppResult<Option<Account>> {
    let sql = format!("SELECT {ACCOUNT_COLUMNS} FROM users WHERE id = $1");
    Ok(sqlx::query_as::<_, Account>(&sql)
        .bind(user_id)
        .fetch_optional(db)
        .await?)
}

pub async fn find_by_username(db: &PgPool, username: &Username) -> AppResult<Option<Account>> {
    let sql = format!("SELECT {ACCOUNT_COLUMNS} FROM users WHERE username = $1");
    Ok(sqlx::query_as::<_, Account>(&sql)
        .bind(username.as_str())
        .fetch_optional(db)
        .await?)
}

pub struct Registration {
    pub username: Username,
    pub display_name: DisplayName,
    pub password: NewPassword,
    pub time_zone: TimeZoneName,
    pub is_admin: bool,
}

/// Creates an account. The unique index decides races: the loser gets `USERNAME_TAKEN`.
pub async fn register(db: &PgPool, registration: Registration) -> AppResult<Account> {
    let password_hash = passwords::hash(registration.password.expose().to_owned()).await?;
    let sql = format!(
        "INSERT INTO users (username, display_name, password_hash, is_admin, time_zone) \
         VALUES ($1, $2, $3, $4, $5) RETURNING {ACCOUNT_COLUMNS}"
    );
    let inserted = sqlx::query_as::<_, Account>(&sql)
        .bind(registration.username.as_str())
        .bind(registration.display_name.as_str())
        .bind(password_hash)
        .bind(registration.is_admin)
        .bind(registration.time_zone.as_str())
        .fetch_one(db)
        .await;
    match inserted {
        Ok(account) => {
            tracing::info!(user_id = %account.id, "account registered");
            Ok(account)
        }
        Err(err) if db::is_unique_violation(&err) => Err(ErrorCode::UsernameTaken.into()),
        Err(err) => Err(err.into()),
    }
}

/// A visitor signing up: allowed as the site's registration setting says. `invite_token` is the
/// group invite link they came with, if any; invite-only registration needs one that works.
pub async fn register_visitor(
    db: &PgPool,
    registration: Registration,
    invite_token: Option<&str>,
) -> AppResult<Account> {
    let mode = site_settings::registration_mode(db).await?;
    let with_invite =
        match invite_token {
            Some(token) => sqlx::query_scalar::<_, bool>(
                "SELECT EXISTS (SELECT 1 FROM groups WHERE invite_token = $1 AND joining_allowed \
                                                AND archived_at IS NULL)",
            )
            .bind(token)
            .fetch_one(db)
            .await?,
            None => false,
        };
    if !mode.admits(with_invite) {
        return Err(match mode {
            crate::domain::admin::RegistrationMode::InviteOnly => ErrorCode::RegistrationInviteOnly,
            _ => ErrorCode::RegistrationClosed,
        }
        .into());
    }
    register(db, registration).await
}

/// Checks a username and password. Every failure is the same `INVALID_CREDENTIALS`, and an unknown
/// username costs the same hashing time as a wrong password.
/// Both outcomes are written to the audit trail.
pub async fn authenticate(
    db: &PgPool,
    username: &str,
    password: String,
    origin: &Origin,
) -> AppResult<Account> {
    let username = Username::parse(username).ok();
    let found: Option<(Account, String)> = match &username {
        Some(username) => {
            let sql =
                format!("SELECT {ACCOUNT_COLUMNS}, password_hash FROM users WHERE username = $1");
            sqlx::query_as::<_, AccountWithHash>(&sql)
                .bind(username.as_str())
                .fetch_optional(db)
                .await?
                .map(|row| (row.account, row.password_hash))
        }
        None => None,
    };
    let (account, hash) = match found {
        Some((account, hash)) => (Some(account), Some(hash)),
        None => (None, None),
    };
    // Paced by the name tried, known or not, so the pace never tells whether an account exists.
    if let Some(username) = &username {
        match pace_for(db, username, origin).await? {
            LoginPace::Go => {}
            LoginPace::Slow(pause) => tokio::time::sleep(pause).await,
            LoginPace::Wait(wait) => {
                tracing::warn!(username = username.as_str(), address = ?origin.client_addr, "log-in paced");
                return Err(AppError::rate_limited(wait.as_secs().max(1)));
            }
        }
    }
    let password_matches = passwords::verify(password, hash).await?;
    match account {
        Some(account) if password_matches && !account.disabled => {
            tracing::info!(user_id = %account.id, "login succeeded");
            let entry = Entry::new(AuditAction::LoginSucceeded, origin)
                .by(account.id, &account.username)
                .on(account.id, &account.username);
            audit::record_alone(db, &entry).await?;
            Ok(account)
        }
        known => {
            let tried = username.as_ref().map(Username::as_str);
            tracing::info!(username = tried, "login failed");
            let mut entry = Entry::new(AuditAction::LoginFailed, origin)
                .noting(tried.unwrap_or("(not a username)"));
            if let Some(account) = &known {
                entry = entry.on(account.id, &account.username);
            }
            audit::record_alone(db, &entry).await?;
            Err(ErrorCode::InvalidCredentials.into())
        }
    }
}

/// The pace of the next guess at `username` from the request's place, counted from the failed
/// log-ins in the audit trail (so every instance counts the same).
async fn pace_for(db: &PgPool, username: &Username, origin: &Origin) -> AppResult<LoginPace> {
    let place = origin.client_addr.map(address_block);
    let (here, everywhere): (i64, i64) = sqlx::query_as(
        "SELECT count(*) FILTER (WHERE at > now() - interval '15 minutes' \
                                 AND $2::inet IS NOT NULL AND client_addr <<= $2::inet), \
                count(*) \
         FROM audit_log \
         WHERE action = $3 AND detail = $1 AND at > now() - interval '1 hour'",
    )
    .bind(username.as_str())
    .bind(place)
    .bind(AuditAction::LoginFailed.as_str())
    .fetch_one(db)
    .await?;
    let count = |n: i64| u32::try_from(n).unwrap_or(u32::MAX);
    Ok(login_pace(count(here), count(everywhere)))
}

#[derive(FromRow)]
struct AccountWithHash {
    #[sqlx(flatten)]
    account: Account,
    password_hash: String,
}

/// Changes the password after checking the current one, and ends every session of the user by
/// bumping their session generation. Returns the account with its new generation.
pub async fn change_password(
    db: &PgPool,
    user_id: Uuid,
    current_password: String,
    new_password: NewPassword,
    origin: &Origin,
) -> AppResult<Account> {
    let mut tx = db.begin().await?;
    let current_hash: Option<String> =
        sqlx::query_scalar("SELECT password_hash FROM users WHERE id = $1 FOR UPDATE")
            .bind(user_id)
            .fetch_optional(&mut *tx)
            .await?;
    let Some(current_hash) = current_hash else {
        return Err(ErrorCode::AuthRequired.into());
    };
    if !passwords::verify(current_password, Some(current_hash)).await? {
        return Err(ErrorCode::PasswordIncorrect.into());
    }
    let new_hash = passwords::hash(new_password.expose().to_owned()).await?;
    let account = set_password(&mut tx, user_id, new_hash).await?;
    let entry = Entry::new(AuditAction::PasswordChanged, origin)
        .by(account.id, &account.username)
        .on(account.id, &account.username);
    audit::record(&mut tx, &entry).await?;
    tx.commit().await?;
    tracing::info!(user_id = %user_id, "password changed; other sessions ended");
    Ok(account)
}

/// Changes a person's username and/or display name; `actor` is the person or a site admin. Each
/// change is audited. A username someone else has is `USERNAME_TAKEN`.
pub async fn rename(
    db: &PgPool,
    actor: &Account,
    user_id: Uuid,
    display_name: Option<&DisplayName>,
    username: Option<&Username>,
    origin: &Origin,
) -> AppResult<()> {
    let mut tx = db.begin().await?;
    let current: Option<(String, String)> = sqlx::query_as(
        "SELECT username, display_name FROM users WHERE id = $1 AND deleted_at IS NULL FOR UPDATE",
    )
    .bind(user_id)
    .fetch_optional(&mut *tx)
    .await?;
    let (old_username, old_name) = current.ok_or(ErrorCode::UserNotFound)?;
    if let Some(username) = username.filter(|new| new.as_str() != old_username) {
        let changed = sqlx::query("UPDATE users SET username = $2 WHERE id = $1")
            .bind(user_id)
            .bind(username.as_str())
            .execute(&mut *tx)
            .await;
        match changed {
            Err(err) if db::is_unique_violation(&err) => {
                return Err(ErrorCode::UsernameTaken.into());
            }
            other => other?,
        };
        let detail = format!("{old_username} → {}", username.as_str());
        let entry = Entry::new(AuditAction::UsernameChanged, origin)
            .by(actor.id, &actor.username)
            .on(user_id, username.as_str())
            .noting(&detail);
        audit::record(&mut tx, &entry).await?;
    }
    if let Some(name) = display_name.filter(|new| new.as_str() != old_name) {
        sqlx::query("UPDATE users SET display_name = $2 WHERE id = $1")
            .bind(user_id)
            .bind(name.as_str())
            .execute(&mut *tx)
            .await?;
        let detail = format!("{old_name} → {}", name.as_str());
        let entry = Entry::new(AuditAction::DisplayNameChanged, origin)
            .by(actor.id, &actor.username)
            .on(
                user_id,
                username.map_or(old_username.as_str(), Username::as_str),
            )
            .noting(&detail);
        audit::record(&mut tx, &entry).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Stores a new password hash and ends every session of the user (their generation moves on).
pub(crate) async fn set_password(
    conn: &mut PgConnection,
    user_id: Uuid,
    password_hash: String,
) -> AppResult<Account> {
    let sql = format!(
        "UPDATE users SET password_hash = $2, session_generation = session_generation + 1 \
         WHERE id = $1 RETURNING {ACCOUNT_COLUMNS}"
    );
    let account = sqlx::query_as::<_, Account>(&sql)
        .bind(user_id)
        .bind(password_hash)
        .fetch_one(&mut *conn)
        .await?;
    crate::server::logins::sessions_changed(conn, user_id).await?;
    Ok(account)
}

pub async fn update_display_name(
    db: &PgPool,
    user_id: Uuid,
    name: &DisplayName,
) -> AppResult<Account> {
    let sql =
        format!("UPDATE users SET display_name = $2 WHERE id = $1 RETURNING {ACCOUNT_COLUMNS}");
    sqlx::query_as::<_, Account>(&sql)
        .bind(user_id)
        .bind(name.as_str())
        .fetch_optional(db)
        .await?
        .ok_or_else(|| ErrorCode::AuthRequired.into())
}

/// `None` means "follow the browser".
pub async fn update_language(
    db: &PgPool,
    user_id: Uuid,
    language: Option<Language>,
) -> AppResult<Account> {
    let sql = format!("UPDATE users SET language = $2 WHERE id = $1 RETURNING {ACCOUNT_COLUMNS}");
    sqlx::query_as::<_, Account>(&sql)
        .bind(user_id)
        .bind(language.map(Language::code))
        .fetch_optional(db)
        .await?
        .ok_or_else(|| ErrorCode::AuthRequired.into())
}

pub async fn update_time_zone(
    db: &PgPool,
    user_id: Uuid,
    time_zone: &TimeZoneName,
) -> AppResult<Account> {
    let sql = format!("UPDATE users SET time_zone = $2 WHERE id = $1 RETURNING {ACCOUNT_COLUMNS}");
    sqlx::query_as::<_, Account>(&sql)
        .bind(user_id)
        .bind(time_zone.as_str())
        .fetch_optional(db)
        .await?
        .ok_or_else(|| ErrorCode::AuthRequired.into())
}

pub async fn update_theme(db: &PgPool, user_id: Uuid, theme: Theme) -> AppResult<Account> {
    let sql = format!("UPDATE users SET theme = $2 WHERE id = $1 RETURNING {ACCOUNT_COLUMNS}");
    sqlx::query_as::<_, Account>(&sql)
        .bind(user_id)
        .bind(theme.as_str())
        .fetch_optional(db)
        .await?
        .ok_or_else(|| ErrorCode::AuthRequired.into())
}

/// Registers the account unless the username exists already; used by the demo seed so that
/// running it twice changes nothing.
pub async fn ensure(db: &PgPool, registration: Registration) -> AppResult<Account> {
    if let Some(existing) = find_by_username(db, &registration.username).await? {
        return Ok(existing);
    }
    match register(db, registration).await {
        Err(AppError {
            code: ErrorCode::UsernameTaken,
            ..
        }) => Err(AppError::internal("seed raced itself")),
        other => other,
    }
}
