//! Product families: a family ("Rice") is a product row people bid on as "any rice", with no
//! price or pack of its own; its variants (basmati 5 kg, jasmine 10 kg) point at it. Whether a
//! product is a family is fixed when it is added; which family a variant belongs to is edited by
//! its creator or a site admin. Families do not nest.

use sqlx::{FromRow, PgConnection, PgPool};

use crate::domain::ids::ProductId;
use crate::error::{AppResult, ErrorCode};
use crate::model::{FamilyRef, ProductSummary};

/// At most this many families are offered in a product's family picker.
const FAMILY_CHOICES: i64 = 500;

/// What a live product is: a family or a concrete one.
pub(crate) async fn is_family(conn: &mut PgConnection, product: ProductId) -> AppResult<bool> {
    let is_family: Option<bool> =
        sqlx::query_scalar("SELECT is_family FROM products WHERE id = $1 AND archived_at IS NULL")
            .bind(product)
            .fetch_optional(conn)
            .await?;
    is_family.ok_or_else(|| ErrorCode::ProductNotFound.into())
}

/// Refuses a price or a pack for a family: only its variants are on a shelf.
pub(crate) async fn refuse_family(conn: &mut PgConnection, product: ProductId) -> AppResult<()> {
    if is_family(conn, product).await? {
        return Err(ErrorCode::FamilyHasNoPrice.into());
    }
    Ok(())
}

/// Checks that `family` is a live family a variant may join, locking it against archiving.
pub(crate) async fn check_family(conn: &mut PgConnection, family: ProductId) -> AppResult<()> {
    let found: Option<bool> = sqlx::query_scalar(
        "SELECT true FROM products WHERE id = $1 AND is_family AND archived_at IS NULL FOR SHARE",
    )
    .bind(family)
    .fetch_optional(conn)
    .await?;
    found
        .map(|_| ())
        .ok_or_else(|| ErrorCode::FamilyNotFound.into())
}

/// The families a product may be put in, by name.
pub async fn choices(db: &PgPool) -> AppResult<Vec<FamilyRef>> {
    let rows: Vec<(ProductId, String)> = sqlx::query_as(
        "SELECT id, name FROM products WHERE is_family AND archived_at IS NULL \
         ORDER BY lower(name), id LIMIT $1",
    )
    .bind(FAMILY_CHOICES)
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, name)| FamilyRef { id, name })
        .collect())
}

#[derive(FromRow)]
struct VariantRow {
    id: ProductId,
    name: String,
    brand: String,
    unit: String,
}

/// A family's live variants, by name.
pub(crate) async fn variants_of(
    conn: &mut PgConnection,
    family: &FamilyRef,
) -> AppResult<Vec<ProductSummary>> {
    let rows: Vec<VariantRow> = sqlx::query_as(
        "SELECT id, name, brand, unit FROM products \
         WHERE family_id = $1 AND archived_at IS NULL ORDER BY lower(name), id",
    )
    .bind(family.id)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| ProductSummary {
            id: row.id.as_uuid(),
            name: row.name,
            brand: row.brand,
            unit: row.unit,
            is_family: false,
            family: Some(family.clone()),
        })
        .collect())
}
