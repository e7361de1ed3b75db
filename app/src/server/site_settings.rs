//! The site's settings that a site admin changes at run time, kept in one database row so every
//! instance reads the same.

use sqlx::PgPool;

use crate::domain::admin::{AuditAction, RegistrationMode};
use crate::error::{AppError, AppResult};
use crate::server::audit::{self, Entry, Named, Origin};

pub async fn registration_mode(db: &PgPool) -> AppResult<RegistrationMode> {
    let name: Option<String> = sqlx::query_scalar("SELECT registration FROM site_settings")
        .fetch_optional(db)
        .await?;
    // The migration writes the row; without it the site behaves as it always did.
    Ok(name
        .as_deref()
        .and_then(RegistrationMode::from_name)
        .unwrap_or_default())
}

pub async fn set_registration_mode(
    db: &PgPool,
    admin: Named<'_>,
    mode: RegistrationMode,
    origin: &Origin,
) -> AppResult<()> {
    let mut tx = db.begin().await?;
    let changed = sqlx::query(
        "UPDATE site_settings SET registration = $1 WHERE registration IS DISTINCT FROM $1",
    )
    .bind(mode.as_str())
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if changed > 0 {
        let entry = Entry::new(AuditAction::RegistrationModeChanged, origin)
            .by(admin.id, admin.name)
            .noting(mode.as_str());
        audit::record(&mut tx, &entry).await?;
    }
    tx.commit().await.map_err(AppError::from)
}
