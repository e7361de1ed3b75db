//! Price observations: a member saw a price for a product at a store. Append-only: the newest
//! observation is the current price, older ones are the history.

use sqlx::PgPool;
use uuid::Uuid;

use crate::domain::group::CurrencyCode;
use crate::error::{AppResult, ErrorCode};
use crate::server::cache::{Cache, Family};

pub struct Observation<'a> {
    pub product_id: Uuid,
    pub store_id: Uuid,
    pub amount_minor: i64,
    pub currency: &'a CurrencyCode,
    pub note: &'a str,
}

pub async fn record(
    db: &PgPool,
    cache: &Cache,
    observer: Uuid,
    observation: Observation<'_>,
) -> AppResult<Uuid> {
    record_at(db, cache, observer, observation, None).await
}

/// Records an observation made at `observed_at` (now when `None`); the demo seed backdates.
pub async fn record_at(
    db: &PgPool,
    cache: &Cache,
    observer: Uuid,
    observation: Observation<'_>,
    observed_at: Option<chrono::DateTime<chrono::Utc>>,
) -> AppResult<Uuid> {
    let mut tx = db.begin().await?;
    let product_exists: bool = sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM products WHERE id = $1 AND archived_at IS NULL)",
    )
    .bind(observation.product_id)
    .fetch_one(&mut *tx)
    .await?;
    if !product_exists {
        return Err(ErrorCode::ProductNotFound.into());
    }
    let store_exists: bool = sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM stores WHERE id = $1 AND archived_at IS NULL)",
    )
    .bind(observation.store_id)
    .fetch_one(&mut *tx)
    .await?;
    if !store_exists {
        return Err(ErrorCode::StoreNotFound.into());
    }
    let id = sqlx::query_scalar(
        "INSERT INTO price_observations (product_id, store_id, amount_minor, currency, note, observed_by, observed_at) \
         VALUES ($1, $2, $3, $4, $5, $6, coalesce($7, now())) RETURNING id",
    )
    .bind(observation.product_id)
    .bind(observation.store_id)
    .bind(observation.amount_minor)
    .bind(observation.currency.as_str())
    .bind(observation.note)
    .bind(observer)
    .bind(observed_at)
    .fetch_one(&mut *tx)
    .await?;
    tx.commit().await?;
    cache
        .invalidate(&[Family::StoreProducts(observation.store_id)])
        .await;
    Ok(id)
}
