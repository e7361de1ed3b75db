//! How stores sell products: by the pack (a case of 12, a 25 kg sack), with a minimum order, or
//! loose (no row). Anyone signed in may say how a store sells a product, as with prices. A change
//! is a live event for every run at that store that has the product and has not ended, so their
//! pack meters move at once.

use sqlx::{FromRow, PgConnection, PgPool};
use uuid::Uuid;

use crate::domain::ids::ProductId;
use crate::domain::packs::{Granularity, PackRule};
use crate::domain::quantity::Quantity;
use crate::error::{AppResult, ErrorCode};
use crate::model::{LiveEvent, StorePack};
use crate::server::runs::access::ended_states;
use crate::server::{events, families};

/// A stored rule, quantities in thousandths.
#[derive(FromRow)]
pub(crate) struct PackRow {
    pub pack_size: Option<i64>,
    pub minimum: Option<i64>,
    pub whole_units: bool,
}

impl PackRow {
    pub(crate) fn rule(&self) -> PackRule {
        PackRule {
            size: self.pack_size.map(Quantity::from_thousandths),
            minimum: self.minimum.map(Quantity::from_thousandths),
            granularity: if self.whole_units {
                Granularity::WholeUnits
            } else {
                Granularity::AnyAmount
            },
        }
    }
}

/// The columns of a `PackRow` from `store_packs sp`.
pub(crate) const PACK_COLUMNS: &str = "(sp.pack_size * 1000)::bigint AS pack_size, \
     (sp.minimum * 1000)::bigint AS minimum, coalesce(sp.whole_units, false) AS whole_units";

/// How the store of run `run_id` sells a product (loose when nobody said).
pub(crate) async fn rule_in_run(
    conn: &mut PgConnection,
    run_id: Uuid,
    product_id: Uuid,
) -> AppResult<PackRule> {
    let row: Option<PackRow> = sqlx::query_as(&format!(
        "SELECT {PACK_COLUMNS} FROM runs r \
         JOIN store_packs sp ON sp.store_id = r.store_id AND sp.product_id = $2 \
         WHERE r.id = $1"
    ))
    .bind(run_id)
    .bind(product_id)
    .fetch_optional(conn)
    .await?;
    Ok(row.map_or(PackRule::LOOSE, |row| row.rule()))
}

/// Says how a store sells a product; `None` means loose again.
pub async fn set(
    db: &PgPool,
    viewer: Uuid,
    store_id: Uuid,
    product_id: Uuid,
    rule: Option<&PackRule>,
) -> AppResult<()> {
    let mut tx = db.begin().await?;
    let (store_live, product_live): (bool, bool) = sqlx::query_as(
        "SELECT EXISTS (SELECT 1 FROM stores WHERE id = $1 AND archived_at IS NULL), \
                EXISTS (SELECT 1 FROM products WHERE id = $2 AND archived_at IS NULL)",
    )
    .bind(store_id)
    .bind(product_id)
    .fetch_one(&mut *tx)
    .await?;
    if !store_live {
        return Err(ErrorCode::StoreNotFound.into());
    }
    if !product_live {
        return Err(ErrorCode::ProductNotFound.into());
    }
    families::refuse_family(&mut tx, ProductId(product_id)).await?;
    match rule {
        Some(rule) => {
            let thousandths = |q: Option<Quantity>| q.map(Quantity::thousandths);
            sqlx::query(
                "INSERT INTO store_packs (store_id, product_id, pack_size, minimum, whole_units, \
                                          updated_by) \
                 VALUES ($1, $2, $3::bigint / 1000.0, $4::bigint / 1000.0, $5, $6) \
                 ON CONFLICT (store_id, product_id) DO UPDATE \
                 SET pack_size = EXCLUDED.pack_size, minimum = EXCLUDED.minimum, \
                     whole_units = EXCLUDED.whole_units, updated_by = EXCLUDED.updated_by",
            )
            .bind(store_id)
            .bind(product_id)
            .bind(thousandths(rule.size))
            .bind(thousandths(rule.minimum))
            .bind(rule.granularity == Granularity::WholeUnits)
            .bind(viewer)
            .execute(&mut *tx)
            .await?;
        }
        None => {
            sqlx::query("DELETE FROM store_packs WHERE store_id = $1 AND product_id = $2")
                .bind(store_id)
                .bind(product_id)
                .execute(&mut *tx)
                .await?;
        }
    }
    let runs: Vec<(Uuid, Uuid)> = sqlx::query_as(
        "SELECT r.id, r.group_id FROM runs r \
         WHERE r.store_id = $1 AND r.state <> ALL($3) \
           AND EXISTS (SELECT 1 FROM bids b WHERE b.run_id = r.id AND b.product_id = $2)",
    )
    .bind(store_id)
    .bind(product_id)
    .bind(ended_states())
    .fetch_all(&mut *tx)
    .await?;
    for (run_id, group_id) in runs {
        let changed = LiveEvent::CatalogueChanged { run_id };
        events::record(&mut tx, group_id, Some(run_id), changed).await?;
    }
    tx.commit().await?;
    tracing::info!(%store_id, %product_id, user_id = %viewer, loose = rule.is_none(), "pack rule set");
    Ok(())
}

#[derive(FromRow)]
struct StorePackRow {
    store_id: Uuid,
    store_name: String,
    #[sqlx(flatten)]
    pack: PackRow,
}

/// How each store sells a product, by store name.
pub async fn of_product(conn: &mut PgConnection, product_id: Uuid) -> AppResult<Vec<StorePack>> {
    let rows: Vec<StorePackRow> = sqlx::query_as(&format!(
        "SELECT sp.store_id, s.name AS store_name, {PACK_COLUMNS} \
         FROM store_packs sp JOIN stores s ON s.id = sp.store_id \
         WHERE sp.product_id = $1 AND s.archived_at IS NULL ORDER BY lower(s.name), s.id"
    ))
    .bind(product_id)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| StorePack {
            store_id: row.store_id,
            store_name: row.store_name,
            rule: row.pack.rule(),
        })
        .collect())
}
