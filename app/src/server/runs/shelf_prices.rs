//! Prices seen on the shelf during the shopping trip, without buying: a shopper notes what an
//! item of the list costs (a sale, another size), in the group's currency at the run's store.
//! The list shows it at once, to every shopper (a live event about the item).

use sqlx::PgPool;
use uuid::Uuid;

use crate::domain::ids::ProductId;
use crate::domain::run_state::{RunAction, authorize};
use crate::error::{AppResult, ErrorCode};
use crate::model::LiveEvent;
use crate::server::cache::{Cache, Family};
use crate::server::families;
use crate::server::runs::access::{Lock, lock_run};

/// A price a shopper saw. `currency` is the one their form showed.
pub struct ShelfPrice<'a> {
    pub product_id: Uuid,
    pub currency: &'a str,
    pub amount_minor: i64,
    pub note: &'a str,
}

/// Records a price seen for an item of the run's list, by someone who shops for it.
pub async fn note(
    db: &PgPool,
    cache: &Cache,
    viewer: Uuid,
    run_id: Uuid,
    price: &ShelfPrice<'_>,
) -> AppResult<()> {
    let mut tx = db.begin().await?;
    let run = lock_run(&mut tx, run_id, viewer, Lock::Share).await?;
    authorize(run.state, run.role, RunAction::RecordPurchase)?;
    let found: Option<(String, Uuid)> = sqlx::query_as(
        "SELECT g.currency, r.store_id FROM shopping_items i JOIN runs r ON r.id = i.run_id \
         JOIN groups g ON g.id = r.group_id WHERE i.run_id = $1 AND i.product_id = $2",
    )
    .bind(run_id)
    .bind(price.product_id)
    .fetch_optional(&mut *tx)
    .await?;
    let (currency, store_id) = found.ok_or(ErrorCode::ShoppingItemNotFound)?;
    families::refuse_family(&mut tx, ProductId(price.product_id)).await?;
    if currency != price.currency {
        // The form was made for another currency: its digits would be misread.
        return Err(ErrorCode::InvalidInput.into());
    }
    sqlx::query(
        "INSERT INTO price_observations \
             (product_id, store_id, amount_minor, currency, note, observed_by) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(price.product_id)
    .bind(store_id)
    .bind(price.amount_minor)
    .bind(&currency)
    .bind(price.note)
    .bind(viewer)
    .execute(&mut *tx)
    .await?;
    let event = LiveEvent::ShoppingItemChanged {
        run_id,
        product_id: price.product_id,
    };
    run.record(&mut tx, event).await?;
    tx.commit().await?;
    cache.invalidate(&[Family::StoreProducts(store_id)]).await;
    tracing::info!(%run_id, product_id = %price.product_id, user_id = %viewer, "shelf price noted");
    Ok(())
}
