//! Personal access tokens: made and revoked by their owner in the profile, presented by API
//! clients as `Authorization: Bearer`. Only the SHA-256 of the secret is stored; a revoked or
//! expired token, or one whose account is disabled, is refused on its next request.

use chrono::{DateTime, Utc};
use sqlx::{FromRow, PgPool};

use crate::domain::admin::AuditAction;
use crate::domain::api_token::{TOKENS_PER_ACCOUNT, TokenScope};
use crate::domain::ids::{ApiTokenId, UserId};
use crate::error::{AppResult, ErrorCode};
use crate::model::{ApiTokenView, NewApiToken};
use crate::server::accounts::{ACCOUNT_COLUMNS, Account};
use crate::server::audit::{self, Entry, Origin};
use crate::server::logins;
use crate::server::secret_tokens::{hash_of, new_secret, plausible};

/// Every token starts so, which lets secret scanners and people recognise one.
pub const TOKEN_PREFIX: &str = "bulq_pat_";

/// How often `last_used_at` is written: a phone polling every few seconds costs no write each.
const LAST_USED_EVERY_SECS: i32 = 60;

/// What the profile's form asks for.
pub struct TokenRequest {
    pub name: String,
    pub scope: TokenScope,
    pub lifetime_days: Option<u32>,
}

#[derive(FromRow)]
struct TokenRow {
    id: ApiTokenId,
    name: String,
    scope: String,
    created_at: DateTime<Utc>,
    expires_at: Option<DateTime<Utc>>,
    last_used_at: Option<DateTime<Utc>>,
}

impl TokenRow {
    fn view(self) -> ApiTokenView {
        ApiTokenView {
            id: self.id,
            name: self.name,
            scope: TokenScope::from_name(&self.scope).unwrap_or_default(),
            created_at: self.created_at,
            expires_at: self.expires_at,
            last_used_at: self.last_used_at,
        }
    }
}

/// Makes a token for the account; its secret is in the answer and nowhere else.
pub async fn create(
    db: &PgPool,
    owner: &Account,
    request: &TokenRequest,
    origin: &Origin,
) -> AppResult<NewApiToken> {
    let secret = format!("{TOKEN_PREFIX}{}", new_secret()?);
    let mut tx = db.begin().await?;
    // The owner's row is the lock that keeps two forms sent at once under the cap.
    sqlx::query("SELECT 1 FROM users WHERE id = $1 FOR UPDATE")
        .bind(owner.id)
        .execute(&mut *tx)
        .await?;
    let live: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM api_tokens WHERE user_id = $1 AND revoked_at IS NULL \
           AND (expires_at IS NULL OR expires_at > now())",
    )
    .bind(owner.id)
    .fetch_one(&mut *tx)
    .await?;
    if live >= TOKENS_PER_ACCOUNT {
        return Err(ErrorCode::TooManyTokens.into());
    }
    sqlx::query(
        "INSERT INTO api_tokens (user_id, name, scope, token_hash, expires_at) \
         VALUES ($1, $2, $3, $4, now() + make_interval(days => $5))",
    )
    .bind(owner.id)
    .bind(&request.name)
    .bind(request.scope.as_str())
    .bind(hash_of(&secret))
    .bind(request.lifetime_days.map(|days| days as i32))
    .execute(&mut *tx)
    .await?;
    let entry = Entry::new(AuditAction::ApiTokenCreated, origin)
        .by(owner.id, &owner.username)
        .on(owner.id, &owner.username)
        .noting(&request.name);
    audit::record(&mut tx, &entry).await?;
    tx.commit().await?;
    tracing::info!(user_id = %owner.id, scope = request.scope.as_str(), "API token created");
    Ok(NewApiToken {
        name: request.name.clone(),
        secret,
    })
}

/// The account's tokens that still work, newest first.
pub async fn list(db: &PgPool, owner: UserId) -> AppResult<Vec<ApiTokenView>> {
    let rows = sqlx::query_as::<_, TokenRow>(
        "SELECT id, name, scope, created_at, expires_at, last_used_at FROM api_tokens \
         WHERE user_id = $1 AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now()) \
         ORDER BY created_at DESC, id",
    )
    .bind(owner)
    .fetch_all(db)
    .await?;
    Ok(rows.into_iter().map(TokenRow::view).collect())
}

/// The owner revokes a token; the next request carrying it is refused.
pub async fn revoke(
    db: &PgPool,
    owner: &Account,
    token: ApiTokenId,
    origin: &Origin,
) -> AppResult<()> {
    let mut tx = db.begin().await?;
    let name: Option<String> = sqlx::query_scalar(
        "UPDATE api_tokens SET revoked_at = now() \
         WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL RETURNING name",
    )
    .bind(token)
    .bind(owner.id)
    .fetch_optional(&mut *tx)
    .await?;
    let name = name.ok_or(ErrorCode::TokenNotFound)?;
    // Its open event streams check their token at once.
    logins::sessions_changed(&mut tx, owner.id).await?;
    let entry = Entry::new(AuditAction::ApiTokenRevoked, origin)
        .by(owner.id, &owner.username)
        .on(owner.id, &owner.username)
        .noting(&name);
    audit::record(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(())
}

/// Who presents a token, and what it lets them do.
#[derive(Clone, Debug)]
pub struct TokenHolder {
    pub token_id: ApiTokenId,
    pub scope: TokenScope,
    pub account: Account,
}

#[derive(FromRow)]
struct HolderRow {
    token_id: ApiTokenId,
    scope: String,
    stale: bool,
    #[sqlx(flatten)]
    account: Account,
}

/// The holder of a bearer token, or `TOKEN_INVALID` for anything that is not a live token of an
/// enabled account.
pub async fn authenticate(db: &PgPool, bearer: &str) -> AppResult<TokenHolder> {
    if !bearer.strip_prefix(TOKEN_PREFIX).is_some_and(plausible) {
        return Err(ErrorCode::TokenInvalid.into());
    }
    let sql = format!(
        "SELECT t.id AS token_id, t.scope, \
                (t.last_used_at IS NULL \
                 OR t.last_used_at < now() - make_interval(secs => $2)) AS stale, a.* \
         FROM api_tokens t \
         JOIN LATERAL (SELECT {ACCOUNT_COLUMNS} FROM users \
                       WHERE users.id = t.user_id AND users.disabled_at IS NULL) a ON true \
         WHERE t.token_hash = $1 AND t.revoked_at IS NULL \
           AND (t.expires_at IS NULL OR t.expires_at > now())"
    );
    let row = sqlx::query_as::<_, HolderRow>(&sql)
        .bind(hash_of(bearer))
        .bind(LAST_USED_EVERY_SECS)
        .fetch_optional(db)
        .await?
        .ok_or(ErrorCode::TokenInvalid)?;
    if row.stale {
        sqlx::query("UPDATE api_tokens SET last_used_at = now() WHERE id = $1")
            .bind(row.token_id)
            .execute(db)
            .await?;
    }
    Ok(TokenHolder {
        token_id: row.token_id,
        scope: TokenScope::from_name(&row.scope).unwrap_or_default(),
        account: row.account,
    })
}

/// Whether a token still works (an open event stream asks now and then).
pub async fn still_live(db: &PgPool, token: ApiTokenId) -> AppResult<bool> {
    let live = sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM api_tokens t JOIN users u ON u.id = t.user_id \
         WHERE t.id = $1 AND t.revoked_at IS NULL \
           AND (t.expires_at IS NULL OR t.expires_at > now()) AND u.disabled_at IS NULL)",
    )
    .bind(token)
    .fetch_one(db)
    .await?;
    Ok(live)
}
