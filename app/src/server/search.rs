//! The one search box: my groups, stores and products whose name contains the query, ignoring
//! case and accents (`bulq_fold` in Postgres, served by trigram indexes). Groups come first (there
//! are few), then stores, then products; within each, names that start with the query first.
//! Other people's groups are never searched, so their names do not leak.

use sqlx::PgPool;
use uuid::Uuid;

use crate::domain::paging::{Page, PageRequest};
use crate::domain::search::SearchQuery;
use crate::error::AppResult;
use crate::model::SearchHit;

/// kind, id, name, two details (member count / address / brand and unit), total.
type HitRow = (String, Uuid, String, String, String, i64);

const SEARCH_SQL: &str = "\
    WITH needle AS (SELECT bulq_fold($2) AS text) \
    SELECT kind, id, name, detail_a, detail_b, count(*) OVER () FROM ( \
        SELECT 0 AS kind_order, 'group' AS kind, g.id, g.name, \
               (SELECT count(*) FROM group_members c WHERE c.group_id = g.id)::text AS detail_a, \
               '' AS detail_b, bulq_fold(g.name) LIKE needle.text || '%' AS starts \
        FROM groups g JOIN group_members m ON m.group_id = g.id AND m.user_id = $1, needle \
        WHERE g.archived_at IS NULL AND bulq_fold(g.name) LIKE '%' || needle.text || '%' \
        UNION ALL \
        SELECT 1, 'store', s.id, s.name, s.address, '', bulq_fold(s.name) LIKE needle.text || '%' \
        FROM stores s, needle \
        WHERE s.archived_at IS NULL AND bulq_fold(s.name) LIKE '%' || needle.text || '%' \
        UNION ALL \
        SELECT 2, 'product', p.id, p.name, p.brand, p.unit, bulq_fold(p.name) LIKE needle.text || '%' \
        FROM products p, needle \
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
    let total = rows.first().map_or(0, |row| row.5 as u64);
    let items = rows
        .into_iter()
        .map(
            |(kind, id, name, detail_a, detail_b, _)| match kind.as_str() {
                "group" => SearchHit::Group {
                    id,
                    name,
                    member_count: detail_a.parse().unwrap_or(0),
                },
                "store" => SearchHit::Store {
                    id,
                    name,
                    address: detail_a,
                },
                _ => SearchHit::Product {
                    id,
                    name,
                    brand: detail_a,
                    unit: detail_b,
                },
            },
        )
        .collect();
    Ok(page.page_of(items, total))
}
