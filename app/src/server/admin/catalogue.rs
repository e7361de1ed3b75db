//! The shared catalogue as a site admin looks after it: products and stores listed, searched and
//! filtered, verified, archived (gone from pickers and search, kept in history), and merged when
//! two are one. A merge is one transaction under row locks on both entries and every run that
//! uses either: bids on both in one run are added together, shopping items, allocations, prices
//! and runs move to the survivor, and the merged entry stays archived, pointing at the survivor,
//! so its old links lead there.

use sqlx::{FromRow, PgConnection, PgPool};
use uuid::Uuid;

use crate::domain::admin::{AuditAction, CatalogueFilter, CatalogueKind};
use crate::domain::paging::{Page, PageRequest};
use crate::domain::quantity::MAX_BID;
use crate::domain::search::SearchQuery;
use crate::error::{AppResult, ErrorCode};
use crate::model::{CatalogueRow, DuplicatePair, LiveEvent};
use crate::server::accounts::Account;
use crate::server::audit::{self, Entry, Origin};
use crate::server::cache::{Cache, Family};
use crate::server::events;

/// The SQL that differs between products and stores. Only these fixed strings are ever spliced.
struct Shape {
    table: &'static str,
    /// What a row shows under its name.
    detail: &'static str,
    /// The folded text a search matches (the trigram index's expression).
    folded: &'static str,
    /// How many runs use the entry.
    runs: &'static str,
    not_found: ErrorCode,
}

fn shape(kind: CatalogueKind) -> Shape {
    match kind {
        CatalogueKind::Products => Shape {
            table: "products",
            detail: "concat_ws(' · ', nullif(e.brand, ''), nullif(e.unit, ''))",
            folded: "bulq_fold(e.name || ' ' || e.brand)",
            runs: "(SELECT count(DISTINCT b.run_id) FROM bids b WHERE b.product_id = e.id)",
            not_found: ErrorCode::ProductNotFound,
        },
        CatalogueKind::Stores => Shape {
            table: "stores",
            detail: "e.address",
            folded: "bulq_fold(e.name)",
            runs: "(SELECT count(*) FROM runs r WHERE r.store_id = e.id)",
            not_found: ErrorCode::StoreNotFound,
        },
    }
}

#[derive(FromRow)]
struct Row {
    id: Uuid,
    name: String,
    detail: String,
    verified: bool,
    archived: bool,
    merged_into: Option<String>,
    runs: i64,
    total: i64,
}

impl From<Row> for CatalogueRow {
    fn from(row: Row) -> Self {
        CatalogueRow {
            id: row.id,
            name: row.name,
            detail: row.detail,
            verified: row.verified,
            archived: row.archived,
            merged_into: row.merged_into,
            runs: row.runs,
        }
    }
}

fn select(shape: &Shape) -> String {
    format!(
        "SELECT e.id, e.name, {detail} AS detail, e.verified, e.archived_at IS NOT NULL AS archived, \
                m.name AS merged_into, {runs} AS runs, count(*) OVER () AS total \
         FROM {table} e LEFT JOIN {table} m ON m.id = e.merged_into",
        detail = shape.detail,
        runs = shape.runs,
        table = shape.table,
    )
}

/// Alphabetical; `search` ignores case and accents.
pub async fn list(
    db: &PgPool,
    kind: CatalogueKind,
    search: Option<&SearchQuery>,
    filter: CatalogueFilter,
    page: PageRequest,
) -> AppResult<Page<CatalogueRow>> {
    let shape = shape(kind);
    let sql = format!(
        "{select} \
         WHERE ($1::text IS NULL OR {folded} LIKE '%' || bulq_fold($1) || '%') \
           AND CASE $2 \
                 WHEN 'archived' THEN e.archived_at IS NOT NULL \
                 WHEN 'verified' THEN e.archived_at IS NULL AND e.verified \
                 WHEN 'unverified' THEN e.archived_at IS NULL AND NOT e.verified \
                 ELSE e.archived_at IS NULL END \
         ORDER BY lower(e.name), e.id \
         LIMIT $3 OFFSET $4",
        select = select(&shape),
        folded = shape.folded,
    );
    let rows = sqlx::query_as::<_, Row>(&sql)
        .bind(search.map(SearchQuery::like_escaped))
        .bind(filter.as_str())
        .bind(page.limit())
        .bind(page.offset())
        .fetch_all(db)
        .await?;
    let total = rows.first().map_or(0, |row| row.total);
    let rows = rows.into_iter().map(CatalogueRow::from).collect();
    Ok(page.page_of(rows, u64::try_from(total).unwrap_or(0)))
}

/// One entry, archived or not.
pub async fn find(db: &PgPool, kind: CatalogueKind, id: Uuid) -> AppResult<CatalogueRow> {
    let shape = shape(kind);
    let sql = format!("{} WHERE e.id = $1", select(&shape));
    let row = sqlx::query_as::<_, Row>(&sql)
        .bind(id)
        .fetch_optional(db)
        .await?
        .ok_or(shape.not_found)?;
    Ok(row.into())
}

/// Current entries whose names look alike (trigram similarity), most alike first.
pub async fn likely_duplicates(db: &PgPool, kind: CatalogueKind) -> AppResult<Vec<DuplicatePair>> {
    let shape = shape(kind);
    let fold_a = shape.folded.replace("e.", "a.");
    let fold_b = shape.folded.replace("e.", "b.");
    let sql = format!(
        "SELECT a.id, b.id FROM {table} a JOIN {table} b ON a.id < b.id \
         WHERE a.archived_at IS NULL AND b.archived_at IS NULL AND {fold_a} % {fold_b} \
         ORDER BY similarity({fold_a}, {fold_b}) DESC, a.id, b.id LIMIT 10",
        table = shape.table,
    );
    let pairs: Vec<(Uuid, Uuid)> = sqlx::query_as(&sql).fetch_all(db).await?;
    let ids: Vec<Uuid> = pairs.iter().flat_map(|(a, b)| [*a, *b]).collect();
    let sql = format!("{} WHERE e.id = ANY($1)", select(&shape));
    let rows: Vec<CatalogueRow> = sqlx::query_as::<_, Row>(&sql)
        .bind(&ids)
        .fetch_all(db)
        .await?
        .into_iter()
        .map(CatalogueRow::from)
        .collect();
    let find = |id: Uuid| rows.iter().find(|row| row.id == id).cloned();
    Ok(pairs
        .into_iter()
        .filter_map(|(a, b)| {
            Some(DuplicatePair {
                first: find(a)?,
                second: find(b)?,
            })
        })
        .collect())
}

/// Locks an entry and returns its name, or the kind's not-found code.
async fn lock(conn: &mut PgConnection, shape: &Shape, id: Uuid) -> AppResult<String> {
    let sql = format!("SELECT name FROM {} WHERE id = $1 FOR UPDATE", shape.table);
    let name: Option<String> = sqlx::query_scalar(&sql)
        .bind(id)
        .fetch_optional(conn)
        .await?;
    name.ok_or_else(|| shape.not_found.into())
}

/// The caches that list an entry of `kind`.
async fn invalidate(db: &PgPool, cache: &Cache, kind: CatalogueKind, id: Uuid) -> AppResult<()> {
    let families = match kind {
        CatalogueKind::Stores => vec![Family::Stores, Family::StoreProducts(id)],
        CatalogueKind::Products => {
            let stores: Vec<Uuid> = sqlx::query_scalar(
                "SELECT DISTINCT store_id FROM price_observations WHERE product_id = $1",
            )
            .bind(id)
            .fetch_all(db)
            .await?;
            stores.into_iter().map(Family::StoreProducts).collect()
        }
    };
    cache.invalidate(&families).await;
    Ok(())
}

pub async fn set_verified(
    db: &PgPool,
    admin: &Account,
    kind: CatalogueKind,
    id: Uuid,
    verified: bool,
    origin: &Origin,
) -> AppResult<()> {
    let shape = shape(kind);
    let mut tx = db.begin().await?;
    let name = lock(&mut tx, &shape, id).await?;
    let sql = format!(
        "UPDATE {} SET verified = $2 WHERE id = $1 AND verified <> $2",
        shape.table
    );
    let changed = sqlx::query(&sql)
        .bind(id)
        .bind(verified)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    if changed > 0 {
        let action = match (kind, verified) {
            (CatalogueKind::Products, true) => AuditAction::ProductVerified,
            (CatalogueKind::Products, false) => AuditAction::ProductUnverified,
            (CatalogueKind::Stores, true) => AuditAction::StoreVerified,
            (CatalogueKind::Stores, false) => AuditAction::StoreUnverified,
        };
        let entry = Entry::new(action, origin)
            .by(admin.id, &admin.username)
            .on(id, &name);
        audit::record(&mut tx, &entry).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Archived entries leave the pickers, lists and search; runs and prices keep them. A merged
/// entry stays archived.
pub async fn set_archived(
    db: &PgPool,
    cache: &Cache,
    admin: &Account,
    kind: CatalogueKind,
    id: Uuid,
    archived: bool,
    origin: &Origin,
) -> AppResult<()> {
    let shape = shape(kind);
    let mut tx = db.begin().await?;
    let name = lock(&mut tx, &shape, id).await?;
    let sql = if archived {
        format!(
            "UPDATE {} SET archived_at = now() WHERE id = $1 AND archived_at IS NULL",
            shape.table
        )
    } else {
        format!(
            "UPDATE {} SET archived_at = NULL \
             WHERE id = $1 AND archived_at IS NOT NULL AND merged_into IS NULL",
            shape.table
        )
    };
    let changed = sqlx::query(&sql)
        .bind(id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    if changed > 0 {
        let action = match (kind, archived) {
            (CatalogueKind::Products, true) => AuditAction::ProductArchived,
            (CatalogueKind::Products, false) => AuditAction::ProductUnarchived,
            (CatalogueKind::Stores, true) => AuditAction::StoreArchived,
            (CatalogueKind::Stores, false) => AuditAction::StoreUnarchived,
        };
        let entry = Entry::new(action, origin)
            .by(admin.id, &admin.username)
            .on(id, &name);
        audit::record(&mut tx, &entry).await?;
    }
    tx.commit().await?;
    invalidate(db, cache, kind, id).await
}

/// The two entries of a merge, locked in id order (so two merges of the same pair cannot
/// deadlock); the survivor must be current, the merged one not merged already.
async fn lock_pair(
    conn: &mut PgConnection,
    shape: &Shape,
    merged: Uuid,
    survivor: Uuid,
) -> AppResult<(String, String)> {
    if merged == survivor {
        return Err(ErrorCode::CannotMergeIntoItself.into());
    }
    let sql = format!(
        "SELECT id, name, archived_at IS NOT NULL AS archived, merged_into IS NOT NULL AS merged \
         FROM {} WHERE id = ANY($1) ORDER BY id FOR UPDATE",
        shape.table
    );
    let rows: Vec<(Uuid, String, bool, bool)> = sqlx::query_as(&sql)
        .bind([merged, survivor])
        .fetch_all(conn)
        .await?;
    let find = |id: Uuid| rows.iter().find(|row| row.0 == id);
    let (Some(merged), Some(survivor)) = (find(merged), find(survivor)) else {
        return Err(shape.not_found.into());
    };
    if merged.3 {
        return Err(shape.not_found.into());
    }
    if survivor.2 {
        return Err(ErrorCode::CannotMergeIntoItself.into());
    }
    Ok((merged.1.clone(), survivor.1.clone()))
}

/// What a merge tells: the runs it touched, and the audit trail.
struct Merge<'a> {
    action: AuditAction,
    /// Each run (with its group) that now shows the survivor.
    runs: &'a [(Uuid, Uuid)],
    survivor: (Uuid, &'a str),
    merged_name: &'a str,
}

impl Merge<'_> {
    async fn record(
        &self,
        conn: &mut PgConnection,
        admin: &Account,
        origin: &Origin,
    ) -> AppResult<()> {
        for (run_id, group_id) in self.runs {
            let changed = LiveEvent::CatalogueChanged { run_id: *run_id };
            events::record(&mut *conn, *group_id, Some(*run_id), changed).await?;
        }
        let (survivor, survivor_name) = self.survivor;
        let detail = format!("{} → {survivor_name}", self.merged_name);
        let entry = Entry::new(self.action, origin)
            .by(admin.id, &admin.username)
            .on(survivor, survivor_name)
            .noting(&detail);
        audit::record(conn, &entry).await
    }
}

/// Merges product `merged` into `survivor`. Refused when both are on one run's shopping list
/// (`MERGE_CONFLICT`: what was bought of each is recorded apart) or when adding two people's
/// bids would pass the largest quantity, or when one is a family and the other is not
/// (`FAMILY_MISMATCH`).
pub async fn merge_products(
    db: &PgPool,
    cache: &Cache,
    admin: &Account,
    merged: Uuid,
    survivor: Uuid,
    origin: &Origin,
) -> AppResult<()> {
    let shape = shape(CatalogueKind::Products);
    let mut tx = db.begin().await?;
    let (merged_name, survivor_name) = lock_pair(&mut tx, &shape, merged, survivor).await?;
    // Every run using either, locked as a state change would, so no bid or purchase slips in.
    let runs: Vec<(Uuid, Uuid)> = sqlx::query_as(
        "SELECT id, group_id FROM runs \
         WHERE id IN (SELECT run_id FROM bids WHERE product_id = ANY($1) \
                      UNION SELECT run_id FROM shopping_items WHERE product_id = ANY($1)) \
         ORDER BY id FOR UPDATE",
    )
    .bind([merged, survivor])
    .fetch_all(&mut *tx)
    .await?;
    // A family and a concrete product are different things: one cannot stand for the other.
    let kinds_differ: bool = sqlx::query_scalar(
        "SELECT bool_and(is_family) <> bool_or(is_family) FROM products WHERE id = ANY($1)",
    )
    .bind([merged, survivor])
    .fetch_one(&mut *tx)
    .await?;
    if kinds_differ {
        return Err(ErrorCode::FamilyMismatch.into());
    }
    let (both_bought, too_much): (bool, bool) = sqlx::query_as(
        "SELECT EXISTS (SELECT 1 FROM shopping_items s JOIN shopping_items t USING (run_id) \
                        WHERE s.product_id = $1 AND t.product_id = $2), \
                EXISTS (SELECT 1 FROM bids s JOIN bids t USING (run_id, user_id) \
                        WHERE s.product_id = $1 AND t.product_id = $2 \
                          AND s.quantity + t.quantity > $3::numeric)",
    )
    .bind(merged)
    .bind(survivor)
    .bind(MAX_BID.to_string())
    .fetch_one(&mut *tx)
    .await?;
    if both_bought {
        return Err(ErrorCode::MergeConflict.into());
    }
    if too_much {
        return Err(ErrorCode::QuantityInvalid.into());
    }
    for statement in [
        // One person's bids on both in one run become one bid of the sum.
        "UPDATE bids t SET quantity = t.quantity + s.quantity, \
                           asked = CASE WHEN t.asked IS NULL AND s.asked IS NULL THEN NULL \
                                        ELSE least(coalesce(t.asked, t.quantity) + coalesce(s.asked, s.quantity), 9999) END, \
                           interested_only = t.interested_only AND s.interested_only, \
                           tolerance = least(t.tolerance + s.tolerance, 9999), \
                           comment = left(concat_ws(' / ', nullif(t.comment, ''), nullif(s.comment, '')), 500) \
         FROM bids s \
         WHERE s.run_id = t.run_id AND s.user_id = t.user_id \
           AND s.product_id = $1 AND t.product_id = $2",
        "DELETE FROM bids s USING bids t \
         WHERE s.run_id = t.run_id AND s.user_id = t.user_id \
           AND s.product_id = $1 AND t.product_id = $2",
        "UPDATE bids SET product_id = $2 WHERE product_id = $1",
        // A shopping item is keyed by its product, and its allocations point at it.
        "INSERT INTO shopping_items (run_id, product_id, requested, purchased, unit_price_minor, \
                                     total_minor, currency, purchase_order, purchased_at, \
                                     purchased_by, added_in_store, created_at) \
         SELECT run_id, $2, requested, purchased, unit_price_minor, total_minor, currency, \
                purchase_order, purchased_at, purchased_by, added_in_store, created_at \
         FROM shopping_items WHERE product_id = $1",
        "UPDATE allocations SET product_id = $2 WHERE product_id = $1",
        "DELETE FROM shopping_items WHERE product_id = $1",
        "UPDATE price_observations SET product_id = $2 WHERE product_id = $1",
        // How stores sell the survivor stays; where only the merged one had a pack, it moves.
        "INSERT INTO store_packs (store_id, product_id, pack_size, minimum, whole_units, updated_by) \
         SELECT store_id, $2, pack_size, minimum, whole_units, updated_by FROM store_packs \
         WHERE product_id = $1 ON CONFLICT DO NOTHING",
        "DELETE FROM store_packs WHERE product_id = $1",
        // What confirmation planned for the merged one stays with its runs.
        "INSERT INTO run_packs (run_id, product_id, pack_size, minimum, whole_units, rounding, \
                                to_buy, absorbed, created_at) \
         SELECT run_id, $2, pack_size, minimum, whole_units, rounding, to_buy, absorbed, created_at \
         FROM run_packs WHERE product_id = $1 ON CONFLICT DO NOTHING",
        "DELETE FROM run_packs WHERE product_id = $1",
        // A merged family's variants, and bids that followed one of them, follow the survivor.
        "UPDATE products SET family_id = $2 WHERE family_id = $1",
        "UPDATE bids SET from_family = $2 WHERE from_family = $1",
        "UPDATE products SET archived_at = coalesce(archived_at, now()), merged_into = $2 \
         WHERE id = $1",
        // Entries merged into this one before now lead to the survivor too.
        "UPDATE products SET merged_into = $2 WHERE merged_into = $1",
    ] {
        sqlx::query(statement)
            .bind(merged)
            .bind(survivor)
            .execute(&mut *tx)
            .await?;
    }
    let merge = Merge {
        action: AuditAction::ProductsMerged,
        runs: &runs,
        survivor: (survivor, &survivor_name),
        merged_name: &merged_name,
    };
    merge.record(&mut tx, admin, origin).await?;
    tx.commit().await?;
    tracing::info!(%merged, %survivor, runs = runs.len(), "products merged");
    invalidate(db, cache, CatalogueKind::Products, survivor).await
}

/// Merges store `merged` into `survivor`: its runs and prices move.
pub async fn merge_stores(
    db: &PgPool,
    cache: &Cache,
    admin: &Account,
    merged: Uuid,
    survivor: Uuid,
    origin: &Origin,
) -> AppResult<()> {
    let shape = shape(CatalogueKind::Stores);
    let mut tx = db.begin().await?;
    let (merged_name, survivor_name) = lock_pair(&mut tx, &shape, merged, survivor).await?;
    let runs: Vec<(Uuid, Uuid)> =
        sqlx::query_as("UPDATE runs SET store_id = $2 WHERE store_id = $1 RETURNING id, group_id")
            .bind(merged)
            .bind(survivor)
            .fetch_all(&mut *tx)
            .await?;
    for statement in [
        "UPDATE price_observations SET store_id = $2 WHERE store_id = $1",
        "INSERT INTO store_packs (store_id, product_id, pack_size, minimum, whole_units, updated_by) \
         SELECT $2, product_id, pack_size, minimum, whole_units, updated_by FROM store_packs \
         WHERE store_id = $1 ON CONFLICT DO NOTHING",
        "DELETE FROM store_packs WHERE store_id = $1",
        "UPDATE stores SET archived_at = coalesce(archived_at, now()), merged_into = $2 \
         WHERE id = $1",
        "UPDATE stores SET merged_into = $2 WHERE merged_into = $1",
    ] {
        sqlx::query(statement)
            .bind(merged)
            .bind(survivor)
            .execute(&mut *tx)
            .await?;
    }
    let merge = Merge {
        action: AuditAction::StoresMerged,
        runs: &runs,
        survivor: (survivor, &survivor_name),
        merged_name: &merged_name,
    };
    merge.record(&mut tx, admin, origin).await?;
    tx.commit().await?;
    tracing::info!(%merged, %survivor, runs = runs.len(), "stores merged");
    cache
        .invalidate(&[
            Family::Stores,
            Family::StoreProducts(merged),
            Family::StoreProducts(survivor),
        ])
        .await;
    Ok(())
}
