//! The one search box: my groups, stores and products whose name contains the query, ignoring
//! case and accents (`bulq_fold` in Postgres, served by trigram indexes). Groups come first (there
//! are few), then stores, then products; within each, names that start with the query first.
//! Other people's groups are never searched, so their names do not leak.

use sqlx::{FromRow, PgPool};
use uuid::Uuid;

use crate::domain::paging::{Page, PageRequest};
use crate::domain::search::SearchQuery;
use crate::error::AppResult;
use crate::model::SearchHit;

#[derive(FromRow)]
struct HitRow {
    kind: String,
    id: Uuid,
    name: String,
    /// Member count / address / brand.
    detail_a: String,
    /// Unit, for products.
    detail_b: String,
    is_family: bool,
    family: Option<String>,
    total: i64,
}

const SEARCH_SQL: &str = "\
    WITH needle AS (SELECT bulq_fold($2) AS text) \
    SELECT kind, id, name, detail_a, detail_b, is_family, family, count(*) OVER () AS total FROM ( \
        SELECT 0 AS kind_order, 'group' AS kind, g.id, g.name, \
               (SELECT count(*) FROM group_members c WHERE c.group_id = g.id)::text AS detail_a, \
               '' AS detail_b, false AS is_family, NULL::text AS family, \
               bulq_fold(g.name) LIKE needle.text || '%' AS starts \
        FROM groups g JOIN group_members m ON m.group_id = g.id AND m.user_id = $1, needle \
        WHERE g.archived_at IS NULL AND bulq_fold(g.name) LIKE '%' || needle.text || '%' \
        UNION ALL \
        SELECT 1, 'store', s.id, s.name, s.address, '', false, NULL, \
               bulq_fold(s.name) LIKE needle.text || '%' \
        FROM stores s, needle \
        WHERE s.archived_at IS NULL AND bulq_fold(s.name) LIKE '%' || needle.text || '%' \
        UNION ALL \
        SELECT 2, 'product', p.id, p.name, p.brand, p.unit, p.is_family, f.name, \
               bulq_fold(p.name) LIKE needle.text || '%' \
        FROM products p LEFT JOIN products f ON f.id = p.family_id, needle \
        WHERE p.archived_at IS NULL \
          AND bulq_fold(p.name || ' ' || p.brand) LIKE '%' || needle.text || '%' \
    ) hits \
    ORDER BY kind_order, starts DESC, lower(name), id \
    LIMIT $3 OFFSET $4";

pub async fn search(
    db: &PgPool,
    viewer: Uuid,
    query: &SearchQuery,
    page: PageRequest,
) -> AppResult<Page<SearchHit>> {
    let rows: Vec<HitRow> = sqlx::query_as(SEARCH_SQL)
        .bind(viewer)
        .bind(query.like_escaped())
        .bind(page.limit())
        .bind(page.offset())
        .fetch_all(db)
        .await?;
    let total = rows.first().map_or(0, |row| row.total as u64);
    let items = rows
        .into_iter()
        .map(|row| match row.kind.as_str() {
            "group" => SearchHit::Group {
                id: row.id,
                name: row.name,
                member_count: row.detail_a.parse().unwrap_or(0),
            },
            "store" => SearchHit::Store {
                id: row.id,
                name: row.name,
                address: row.detail_a,
            },
            _ => SearchHit::Product {
                id: row.id,
                name: row.name,
                brand: row.detail_a,
                unit: row.detail_b,
                is_family: row.is_family,
                family: row.family,
            },
        })
        .collect();
    Ok(page.page_of(items, total))
}
