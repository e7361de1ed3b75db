//! Products: the shared list, adding one (with a look for similar names first), editing, and a
//! product with its current price per store and its full price history. Anyone logged in may
//! add a product; its creator or a site admin may edit it.

use chrono::{DateTime, Utc};
use sqlx::{FromRow, PgConnection, PgPool};
use uuid::Uuid;

use crate::domain::catalogue::{FamilyPlace, ProductFields};
use crate::domain::group::CurrencyCode;
use crate::domain::ids::ProductId;
use crate::domain::paging::{Page, PageRequest};
use crate::domain::quantity::Quantity;
use crate::domain::search::{SUGGEST_MIN, SearchQuery};
use crate::error::{AppResult, ErrorCode};
use crate::model::{
    FamilyRef, PRICE_SERIES_POINTS, PricePoint, PriceSeries, ProductDetail, ProductSummary,
};
use crate::server::accounts::Account;
use crate::server::cache::{Cache, Family};
use crate::server::stores::may_edit;
use crate::server::{families, packs};

#[derive(FromRow)]
struct SummaryRow {
    id: Uuid,
    name: String,
    brand: String,
    unit: String,
    is_family: bool,
    family_id: Option<ProductId>,
    family_name: Option<String>,
}

impl From<SummaryRow> for ProductSummary {
    fn from(row: SummaryRow) -> Self {
        ProductSummary {
            id: row.id,
            name: row.name,
            brand: row.brand,
            unit: row.unit,
            is_family: row.is_family,
            family: row
                .family_id
                .zip(row.family_name)
                .map(|(id, name)| FamilyRef { id, name }),
        }
    }
}

/// The columns of a `SummaryRow` from `products p LEFT JOIN products f ON f.id = p.family_id`.
const SUMMARY_COLUMNS: &str =
    "p.id, p.name, p.brand, p.unit, p.is_family, p.family_id, f.name AS family_name";

#[derive(FromRow)]
struct ListedRow {
    #[sqlx(flatten)]
    product: SummaryRow,
    total: i64,
}

pub async fn list(db: &PgPool, page: PageRequest) -> AppResult<Page<ProductSummary>> {
    let rows: Vec<ListedRow> = sqlx::query_as(&format!(
        "SELECT {SUMMARY_COLUMNS}, count(*) OVER () AS total \
         FROM products p LEFT JOIN products f ON f.id = p.family_id \
         WHERE p.archived_at IS NULL ORDER BY lower(p.name), p.id LIMIT $1 OFFSET $2"
    ))
    .bind(page.limit())
    .bind(page.offset())
    .fetch_all(db)
    .await?;
    let total = rows.first().map_or(0, |row| row.total as u64);
    Ok(page.page_of(
        rows.into_iter().map(|row| row.product.into()).collect(),
        total,
    ))
}

/// Up to five existing products whose name contains the typed one (ignoring case and accents),
/// exact and prefix matches first, so a person can pick one instead of adding a duplicate.
pub async fn similar(db: &PgPool, name: &str) -> AppResult<Vec<ProductSummary>> {
    let Ok(query) = SearchQuery::parse(name) else {
        return Ok(Vec::new());
    };
    if query.as_str().chars().count() < SUGGEST_MIN {
        return Ok(Vec::new());
    }
    let rows: Vec<SummaryRow> = sqlx::query_as(&format!(
        "WITH needle AS (SELECT bulq_fold($1) AS text) \
         SELECT {SUMMARY_COLUMNS} \
         FROM products p LEFT JOIN products f ON f.id = p.family_id, needle \
         WHERE p.archived_at IS NULL AND bulq_fold(p.name) LIKE '%' || needle.text || '%' \
         ORDER BY bulq_fold(p.name) = needle.text DESC, \
                  bulq_fold(p.name) LIKE needle.text || '%' DESC, length(p.name), p.id \
         LIMIT 5"
    ))
    .bind(query.like_escaped())
    .fetch_all(db)
    .await?;
    Ok(rows.into_iter().map(ProductSummary::from).collect())
}

/// Adds a product: a family, a variant of one, or neither.
pub async fn create(
    db: &PgPool,
    creator: Uuid,
    fields: &ProductFields,
    place: FamilyPlace,
) -> AppResult<Uuid> {
    let mut tx = db.begin().await?;
    let id = insert(&mut tx, creator, fields, place).await?;
    tx.commit().await?;
    Ok(id)
}

/// Adds a product in the caller's transaction (a run adds one and bids on it at once).
pub(crate) async fn insert(
    conn: &mut PgConnection,
    creator: Uuid,
    fields: &ProductFields,
    place: FamilyPlace,
) -> AppResult<Uuid> {
    if let Some(family) = place.family() {
        families::check_family(&mut *conn, family).await?;
    }
    let id = sqlx::query_scalar(
        "INSERT INTO products (name, brand, unit, created_by, is_family, family_id) \
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(&fields.name)
    .bind(&fields.brand)
    .bind(&fields.unit)
    .bind(creator)
    .bind(place == FamilyPlace::Family)
    .bind(place.family())
    .fetch_one(conn)
    .await?;
    tracing::info!(product_id = %id, user_id = %creator, "product created");
    Ok(id)
}

/// Renaming a product changes the product list of every store it was seen at. `family` puts a
/// product in a family or takes it out; a family itself stays one (and in none).
pub async fn update(
    db: &PgPool,
    cache: &Cache,
    viewer: &Account,
    product_id: Uuid,
    fields: &ProductFields,
    family: Option<ProductId>,
) -> AppResult<()> {
    let mut tx = db.begin().await?;
    let found: Option<(Uuid, bool, String, String, String)> = sqlx::query_as(
        "SELECT created_by, is_family, name, brand, unit FROM products \
         WHERE id = $1 AND archived_at IS NULL FOR UPDATE",
    )
    .bind(product_id)
    .fetch_optional(&mut *tx)
    .await?;
    let (created_by, is_family, name, brand, unit) = found.ok_or(ErrorCode::ProductNotFound)?;
    if !may_edit(viewer, created_by) {
        return Err(ErrorCode::NotAllowedToEdit.into());
    }
    let renamed = (name.as_str(), brand.as_str(), unit.as_str())
        != (
            fields.name.as_str(),
            fields.brand.as_str(),
            fields.unit.as_str(),
        );
    if renamed && !viewer.is_admin && used_by_other_groups(&mut tx, product_id, viewer.id).await? {
        // Other groups' lists would change under them: theirs to agree to, through a site admin.
        return Err(ErrorCode::ProductUsedByOtherGroups.into());
    }
    if let Some(family) = family {
        if is_family || family.as_uuid() == product_id {
            return Err(ErrorCode::FamilyMismatch.into());
        }
        families::check_family(&mut tx, family).await?;
    }
    sqlx::query(
        "UPDATE products SET name = $2, brand = $3, unit = $4, family_id = $5 WHERE id = $1",
    )
    .bind(product_id)
    .bind(&fields.name)
    .bind(&fields.brand)
    .bind(&fields.unit)
    .bind(family)
    .execute(&mut *tx)
    .await?;
    let seen_at: Vec<Uuid> = sqlx::query_scalar(
        "SELECT DISTINCT store_id FROM price_observations WHERE product_id = $1",
    )
    .bind(product_id)
    .fetch_all(&mut *tx)
    .await?;
    tx.commit().await?;
    let families: Vec<Family> = seen_at.into_iter().map(Family::StoreProducts).collect();
    cache.invalidate(&families).await;
    tracing::info!(%product_id, user_id = %viewer.id, "product updated");
    Ok(())
}

/// Whether a run of a group `viewer` is not in has the product on its bids or its list.
async fn used_by_other_groups(
    conn: &mut sqlx::PgConnection,
    product_id: Uuid,
    viewer: Uuid,
) -> AppResult<bool> {
    Ok(sqlx::query_scalar(
        "SELECT EXISTS ( \
             SELECT 1 FROM runs r \
             WHERE (EXISTS (SELECT 1 FROM bids b WHERE b.run_id = r.id AND b.product_id = $1) \
                    OR EXISTS (SELECT 1 FROM shopping_items i \
                               WHERE i.run_id = r.id AND i.product_id = $1)) \
               AND NOT EXISTS (SELECT 1 FROM group_members m \
                               WHERE m.group_id = r.group_id AND m.user_id = $2))",
    )
    .bind(product_id)
    .bind(viewer)
    .fetch_one(conn)
    .await?)
}

#[derive(FromRow)]
struct DetailRow {
    #[sqlx(flatten)]
    product: SummaryRow,
    created_by: Uuid,
}

#[derive(FromRow)]
struct PriceRow {
    store_id: Uuid,
    store_name: String,
    amount_minor: i64,
    currency: String,
    note: String,
    observed_at: DateTime<Utc>,
    observed_by: Option<String>,
    pack_size: Option<i64>,
    pack_amount_minor: Option<i64>,
}

impl From<PriceRow> for PricePoint {
    fn from(row: PriceRow) -> Self {
        PricePoint {
            pack: row
                .pack_size
                .zip(row.pack_amount_minor)
                .map(|(size, amount)| (Quantity::from_thousandths(size), amount)),
            store_id: row.store_id,
            store_name: row.store_name,
            amount_minor: row.amount_minor,
            currency: row.currency,
            note: row.note,
            observed_at: row.observed_at,
            observed_by: row.observed_by,
        }
    }
}

#[derive(FromRow)]
struct HistoryRow {
    #[sqlx(flatten)]
    price: PriceRow,
    total: i64,
}

/// A price's columns for the viewer whose id is the query's parameter `viewer`: the name of who
/// saw it only when that is the viewer or someone sharing a group with them.
fn price_columns(viewer: &str) -> String {
    format!(
        "o.store_id, s.name AS store_name, o.amount_minor, o.currency, o.note, o.observed_at, \
         CASE WHEN o.observed_by = {viewer} OR EXISTS ( \
                  SELECT 1 FROM group_members mine \
                  JOIN group_members theirs ON theirs.group_id = mine.group_id \
                  WHERE mine.user_id = {viewer} AND theirs.user_id = o.observed_by) \
              THEN u.display_name END AS observed_by, \
         (o.pack_size * 1000)::bigint AS pack_size, o.pack_amount_minor"
    )
}

/// A product with its prices; `record_currency` is what a price recorded on its page is taken in.
pub async fn detail(
    db: &PgPool,
    viewer: &Account,
    product_id: Uuid,
    record_currency: &CurrencyCode,
    history_page: PageRequest,
) -> AppResult<ProductDetail> {
    // A product merged into another shows the survivor (the page then moves to its address).
    let product: Option<DetailRow> = sqlx::query_as(&format!(
        "SELECT {SUMMARY_COLUMNS}, p.created_by \
         FROM products p JOIN products asked ON p.id = coalesce(asked.merged_into, asked.id) \
              LEFT JOIN products f ON f.id = p.family_id \
         WHERE asked.id = $1 AND p.archived_at IS NULL"
    ))
    .bind(product_id)
    .fetch_optional(db)
    .await?;
    let DetailRow {
        product,
        created_by,
    } = product.ok_or(ErrorCode::ProductNotFound)?;
    let product = ProductSummary::from(product);
    let id = product.id;
    let viewer_can_edit = may_edit(viewer, created_by);
    let mut conn = db.acquire().await?;
    let variants = if product.is_family {
        let family = FamilyRef {
            id: ProductId(id),
            name: product.name.clone(),
        };
        families::variants_of(&mut conn, &family).await?
    } else {
        Vec::new()
    };
    let family_choices = if viewer_can_edit && !product.is_family {
        families::choices(db).await?
    } else {
        Vec::new()
    };
    drop(conn);
    let current: Vec<PriceRow> = sqlx::query_as(&format!(
        "SELECT * FROM ( \
             SELECT DISTINCT ON (o.store_id) {} \
             FROM price_observations o JOIN stores s ON s.id = o.store_id \
                  JOIN users u ON u.id = o.observed_by \
             WHERE o.product_id = $1 AND s.archived_at IS NULL \
             ORDER BY o.store_id, o.observed_at DESC, o.created_at DESC \
         ) newest ORDER BY amount_minor, store_name",
        price_columns("$2")
    ))
    .bind(product_id)
    .bind(viewer.id)
    .fetch_all(db)
    .await?;
    let history: Vec<HistoryRow> = sqlx::query_as(&format!(
        "SELECT {}, count(*) OVER () AS total \
         FROM price_observations o JOIN stores s ON s.id = o.store_id \
              JOIN users u ON u.id = o.observed_by \
         WHERE o.product_id = $1 ORDER BY o.observed_at DESC, o.created_at DESC LIMIT $2 OFFSET $3",
        price_columns("$4")
    ))
    .bind(product_id)
    .bind(history_page.limit())
    .bind(history_page.offset())
    .bind(viewer.id)
    .fetch_all(db)
    .await?;
    let total = history.first().map_or(0, |row| row.total as u64);
    let price_series = price_series(db, id).await?;
    let packs = packs::of_product(&mut *db.acquire().await?, id).await?;
    Ok(ProductDetail {
        id,
        name: product.name,
        brand: product.brand,
        unit: product.unit,
        is_family: product.is_family,
        family: product.family,
        variants,
        family_choices,
        viewer_can_edit,
        record_currency: record_currency.as_str().to_owned(),
        current_prices: current.into_iter().map(PricePoint::from).collect(),
        history: history_page.page_of(
            history.into_iter().map(|row| row.price.into()).collect(),
            total,
        ),
        price_series,
        packs,
    })
}

#[derive(FromRow)]
struct SeriesPoint {
    store_id: Uuid,
    store_name: String,
    currency: String,
    observed_at: DateTime<Utc>,
    amount_minor: i64,
}

/// The product's prices by store and currency, oldest first: the newest `PRICE_SERIES_POINTS`.
async fn price_series(db: &PgPool, product_id: Uuid) -> AppResult<Vec<PriceSeries>> {
    let points: Vec<SeriesPoint> = sqlx::query_as(
        "SELECT o.store_id, s.name AS store_name, o.currency, o.observed_at, o.amount_minor \
         FROM (SELECT store_id, currency, observed_at, amount_minor FROM price_observations \
               WHERE product_id = $1 ORDER BY observed_at DESC, created_at DESC LIMIT $2) o \
              JOIN stores s ON s.id = o.store_id \
         ORDER BY lower(s.name), o.store_id, o.currency, o.observed_at",
    )
    .bind(product_id)
    .bind(PRICE_SERIES_POINTS)
    .fetch_all(db)
    .await?;
    let mut series: Vec<PriceSeries> = Vec::new();
    for point in points {
        let same = series
            .last()
            .is_some_and(|s| s.store_id == point.store_id && s.currency == point.currency);
        if !same {
            series.push(PriceSeries {
                store_id: point.store_id,
                store_name: point.store_name,
                currency: point.currency,
                points: Vec::new(),
            });
        }
        if let Some(last) = series.last_mut() {
            last.points.push((point.observed_at, point.amount_minor));
        }
    }
    Ok(series)
}
