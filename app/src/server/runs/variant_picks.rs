//! The shopper picks the concrete variant of a family on the list ("any rice" → basmati 5 kg)
//! as they record it: every bid on the family follows to the variant (remembering the family it
//! asked for), and the family's list item becomes, or joins, the variant's. So adjusting and the
//! share-out read ordinary bids of the variant. Runs in the recording transaction, run locked.

use sqlx::PgConnection;
use uuid::Uuid;

use crate::domain::ids::ProductId;
use crate::error::{AppResult, ErrorCode};

/// Moves the family's bids and list item in run `run_id` to `variant`. A variant already bought
/// on this trip is refused: its record would no longer match what was asked.
pub(super) async fn follow_variant(
    conn: &mut PgConnection,
    run_id: Uuid,
    family: ProductId,
    variant: ProductId,
) -> AppResult<()> {
    let family_of: Option<Option<ProductId>> =
        sqlx::query_scalar("SELECT family_id FROM products WHERE id = $1 AND archived_at IS NULL")
            .bind(variant)
            .fetch_optional(&mut *conn)
            .await?;
    if family_of.flatten() != Some(family) {
        return Err(ErrorCode::NotAVariant.into());
    }
    let variant_recorded: Option<bool> = sqlx::query_scalar(
        "SELECT purchased IS NOT NULL FROM shopping_items \
         WHERE run_id = $1 AND product_id = $2 FOR UPDATE",
    )
    .bind(run_id)
    .bind(variant)
    .fetch_optional(&mut *conn)
    .await?;
    if variant_recorded == Some(true) {
        return Err(ErrorCode::ItemAlreadyRecorded.into());
    }
    // Someone who bid on both adds up; a bid kept from before the packs keeps counting what was
    // asked, now including the family's.
    sqlx::query(
        "INSERT INTO bids (run_id, user_id, product_id, quantity, interested_only, comment, \
                           from_family, created_at) \
         SELECT run_id, user_id, $3, quantity, interested_only, comment, product_id, created_at \
         FROM bids WHERE run_id = $1 AND product_id = $2 \
         ON CONFLICT (run_id, product_id, user_id) DO UPDATE \
         SET quantity = bids.quantity + EXCLUDED.quantity, \
             interested_only = bids.interested_only AND EXCLUDED.interested_only, \
             asked = bids.asked + EXCLUDED.quantity, \
             comment = CASE WHEN bids.comment = '' THEN EXCLUDED.comment ELSE bids.comment END, \
             from_family = EXCLUDED.from_family",
    )
    .bind(run_id)
    .bind(family)
    .bind(variant)
    .execute(&mut *conn)
    .await?;
    sqlx::query("DELETE FROM bids WHERE run_id = $1 AND product_id = $2")
        .bind(run_id)
        .bind(family)
        .execute(&mut *conn)
        .await?;
    sqlx::query(
        "INSERT INTO shopping_items (run_id, product_id, requested, added_in_store) \
         SELECT run_id, $3, requested, added_in_store FROM shopping_items \
         WHERE run_id = $1 AND product_id = $2 \
         ON CONFLICT (run_id, product_id) DO UPDATE \
         SET requested = shopping_items.requested + EXCLUDED.requested, \
             added_in_store = shopping_items.added_in_store AND EXCLUDED.added_in_store",
    )
    .bind(run_id)
    .bind(family)
    .bind(variant)
    .execute(&mut *conn)
    .await?;
    sqlx::query("DELETE FROM shopping_items WHERE run_id = $1 AND product_id = $2")
        .bind(run_id)
        .bind(family)
        .execute(&mut *conn)
        .await?;
    tracing::info!(%run_id, %family, %variant, "family item bought as a variant");
    Ok(())
}
