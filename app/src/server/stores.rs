//! Stores: the shared list, adding and editing one, and a store with its products' current prices.
//! Anyone logged in may add a store; its creator or a site admin may edit it. The list and each
//! store's products are read through the cache; every write here invalidates what it changed.

use chrono::{DateTime, Utc};
use sqlx::{FromRow, PgPool};
use uuid::Uuid;

use crate::domain::catalogue::StoreFields;
use crate::domain::paging::{Page, PageRequest};
use crate::error::{AppResult, ErrorCode};
use crate::model::{ShelfPrice, StoreDetail, StoreSummary};
use crate::server::accounts::Account;
use crate::server::cache::{Cache, Family};

#[derive(FromRow)]
struct StoreRow {
    id: Uuid,
    name: String,
    address: String,
    opening_hours: String,
    notes: String,
    created_by: Uuid,
}

/// Site admins may edit everything, others what they added.
pub(crate) fn may_edit(viewer: &Account, created_by: Uuid) -> bool {
    viewer.is_admin || viewer.id == created_by
}

fn page_entry(page: PageRequest) -> String {
    format!("page:{}:{}", page.page, page.per_page)
}

pub async fn list(db: &PgPool, cache: &Cache, page: PageRequest) -> AppResult<Page<StoreSummary>> {
    cache
        .get_or_load(Family::Stores, &page_entry(page), load_list(db, page))
        .await
}

async fn load_list(db: &PgPool, page: PageRequest) -> AppResult<Page<StoreSummary>> {
    let rows: Vec<(Uuid, String, String, i64)> = sqlx::query_as(
        "SELECT id, name, address, count(*) OVER () FROM stores WHERE archived_at IS NULL \
         ORDER BY lower(name), id LIMIT $1 OFFSET $2",
    )
    .bind(page.limit())
    .bind(page.offset())
    .fetch_all(db)
    .await?;
    let total = rows.first().map_or(0, |row| row.3 as u64);
    Ok(page.page_of(
        rows.into_iter()
            .map(|(id, name, address, _)| StoreSummary { id, name, address })
            .collect(),
        total,
    ))
}

/// The most stores a picker lists; past that, a list to scroll is no way to choose one.
pub const MAX_CHOICES: i64 = 2_000;

/// Every live store by name, for the pickers (a new run, a price, a pack): not a page of them.
pub async fn choices(db: &PgPool, cache: &Cache) -> AppResult<Vec<StoreSummary>> {
    cache
        .get_or_load(Family::Stores, "choices", load_choices(db))
        .await
}

async fn load_choices(db: &PgPool) -> AppResult<Vec<StoreSummary>> {
    let rows: Vec<(Uuid, String, String)> = sqlx::query_as(
        "SELECT id, name, address FROM stores WHERE archived_at IS NULL \
         ORDER BY lower(name), id LIMIT $1",
    )
    .bind(MAX_CHOICES)
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, name, address)| StoreSummary { id, name, address })
        .collect())
}

pub async fn create(
    db: &PgPool,
    cache: &Cache,
    creator: Uuid,
    fields: &StoreFields,
) -> AppResult<Uuid> {
    let id = sqlx::query_scalar(
        "INSERT INTO stores (name, address, opening_hours, notes, created_by) \
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(&fields.name)
    .bind(&fields.address)
    .bind(&fields.opening_hours)
    .bind(&fields.notes)
    .bind(creator)
    .fetch_one(db)
    .await?;
    cache.invalidate(&[Family::Stores]).await;
    tracing::info!(store_id = %id, user_id = %creator, "store created");
    Ok(id)
}

pub async fn update(
    db: &PgPool,
    cache: &Cache,
    viewer: &Account,
    store_id: Uuid,
    fields: &StoreFields,
) -> AppResult<()> {
    let mut tx = db.begin().await?;
    let created_by: Option<Uuid> = sqlx::query_scalar(
        "SELECT created_by FROM stores WHERE id = $1 AND archived_at IS NULL FOR UPDATE",
    )
    .bind(store_id)
    .fetch_optional(&mut *tx)
    .await?;
    let created_by = created_by.ok_or(ErrorCode::StoreNotFound)?;
    if !may_edit(viewer, created_by) {
        return Err(ErrorCode::NotAllowedToEdit.into());
    }
    sqlx::query(
        "UPDATE stores SET name = $2, address = $3, opening_hours = $4, notes = $5 WHERE id = $1",
    )
    .bind(store_id)
    .bind(&fields.name)
    .bind(&fields.address)
    .bind(&fields.opening_hours)
    .bind(&fields.notes)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    cache.invalidate(&[Family::Stores]).await;
    tracing::info!(%store_id, user_id = %viewer.id, "store updated");
    Ok(())
}

/// A store with one page of the products seen there, each with its newest price, by name.
pub async fn detail(
    db: &PgPool,
    cache: &Cache,
    viewer: &Account,
    store_id: Uuid,
    page: PageRequest,
) -> AppResult<StoreDetail> {
    // A store merged into another shows the survivor (the page then moves to its address).
    let store = sqlx::query_as::<_, StoreRow>(
        "SELECT s.id, s.name, s.address, s.opening_hours, s.notes, s.created_by \
         FROM stores s JOIN stores asked ON s.id = coalesce(asked.merged_into, asked.id) \
         WHERE asked.id = $1 AND s.archived_at IS NULL",
    )
    .bind(store_id)
    .fetch_optional(db)
    .await?
    .ok_or(ErrorCode::StoreNotFound)?;
    let products = cache
        .get_or_load(
            Family::StoreProducts(store_id),
            &page_entry(page),
            load_products(db, store_id, page),
        )
        .await?;
    Ok(StoreDetail {
        id: store.id,
        name: store.name,
        address: store.address,
        opening_hours: store.opening_hours,
        notes: store.notes,
        viewer_can_edit: may_edit(viewer, store.created_by),
        products,
    })
}

type ShelfRow = (
    Uuid,
    String,
    String,
    String,
    i64,
    String,
    DateTime<Utc>,
    i64,
);

async fn load_products(
    db: &PgPool,
    store_id: Uuid,
    page: PageRequest,
) -> AppResult<Page<ShelfPrice>> {
    let rows: Vec<ShelfRow> = sqlx::query_as(
        "SELECT *, count(*) OVER () FROM ( \
             SELECT DISTINCT ON (o.product_id) o.product_id, p.name, p.brand, p.unit, \
                    o.amount_minor, o.currency, o.observed_at \
             FROM price_observations o JOIN products p ON p.id = o.product_id \
             WHERE o.store_id = $1 AND p.archived_at IS NULL \
             ORDER BY o.product_id, o.observed_at DESC, o.created_at DESC \
         ) newest ORDER BY lower(name), product_id LIMIT $2 OFFSET $3",
    )
    .bind(store_id)
    .bind(page.limit())
    .bind(page.offset())
    .fetch_all(db)
    .await?;
    let total = rows.first().map_or(0, |row| row.7 as u64);
    let items = rows
        .into_iter()
        .map(
            |(product_id, product_name, brand, unit, amount_minor, currency, observed_at, _)| {
                ShelfPrice {
                    product_id,
                    product_name,
                    brand,
                    unit,
                    amount_minor,
                    currency,
                    observed_at,
                }
            },
        )
        .collect();
    Ok(page.page_of(items, total))
}
