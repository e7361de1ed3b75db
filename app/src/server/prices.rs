//! Price observations: a member saw a price for a product at a store, for one unit or for a
//! whole pack ("6 × 1 L for 11.94": kept exactly, with the price of one unit beside it).
//! Append-only: the newest observation is the current price, older ones are the history.

use sqlx::PgPool;
use uuid::Uuid;

use crate::domain::group::CurrencyCode;
use crate::domain::ids::ProductId;
use crate::domain::purchase::unit_price_of_pack;
use crate::domain::quantity::Quantity;
use crate::error::{AppResult, ErrorCode};
use crate::server::cache::{Cache, Family};
use crate::server::families;

pub struct Observation<'a> {
    pub product_id: Uuid,
    pub store_id: Uuid,
    /// The price seen: of one unit, or of the whole pack when there is a `pack_size`.
    pub amount_minor: i64,
    pub currency: &'a CurrencyCode,
    pub note: &'a str,
    pub pack_size: Option<Quantity>,
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
    families::refuse_family(&mut tx, ProductId(observation.product_id)).await?;
    let store_exists: bool = sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM stores WHERE id = $1 AND archived_at IS NULL)",
    )
    .bind(observation.store_id)
    .fetch_one(&mut *tx)
    .await?;
    if !store_exists {
        return Err(ErrorCode::StoreNotFound.into());
    }
    let (unit_minor, pack) = match observation.pack_size {
        Some(size) => (
            unit_price_of_pack(observation.amount_minor, size)?,
            Some((size.thousandths(), observation.amount_minor)),
        ),
        None => (observation.amount_minor, None),
    };
    let id = sqlx::query_scalar(
        "INSERT INTO price_observations (product_id, store_id, amount_minor, currency, note, \
                                         observed_by, observed_at, pack_size, pack_amount_minor) \
         VALUES ($1, $2, $3, $4, $5, $6, coalesce($7, now()), $8::bigint / 1000.0, $9) RETURNING id",
    )
    .bind(observation.product_id)
    .bind(observation.store_id)
    .bind(unit_minor)
    .bind(observation.currency.as_str())
    .bind(observation.note)
    .bind(observer)
    .bind(observed_at)
    .bind(pack.map(|(size, _)| size))
    .bind(pack.map(|(_, amount)| amount))
    .fetch_one(&mut *tx)
    .await?;
    tx.commit().await?;
    cache
        .invalidate(&[Family::StoreProducts(observation.store_id)])
        .await;
    Ok(id)
}
