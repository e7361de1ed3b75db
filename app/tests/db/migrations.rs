//! The migrations apply, undo and re-apply cleanly on an empty database, and the schema they
//! make has an index behind every foreign key.

use app::server::db::MIGRATOR;
use sqlx::PgPool;

async fn tables(db: &PgPool) -> Vec<String> {
    sqlx::query_scalar(
        "SELECT table_name::text FROM information_schema.tables \
         WHERE table_schema = 'public' AND table_name <> '_sqlx_migrations' ORDER BY 1",
    )
    .fetch_all(db)
    .await
    .unwrap()
}

#[sqlx::test(migrations = false)]
async fn migrations_go_up_down_and_up_again(db: PgPool) {
    assert!(tables(&db).await.is_empty());
    MIGRATOR.run(&db).await.unwrap();
    let after_up = tables(&db).await;
    assert!(after_up.contains(&"users".to_owned()), "{after_up:?}");

    MIGRATOR.undo(&db, 0).await.unwrap();
    assert!(
        tables(&db).await.is_empty(),
        "down migrations left tables behind"
    );

    MIGRATOR.run(&db).await.unwrap();
    assert_eq!(tables(&db).await, after_up);
}

#[test]
fn every_migration_is_reversible() {
    for migration in MIGRATOR.iter() {
        if migration.migration_type.is_up_migration() {
            let has_down = MIGRATOR
                .iter()
                .any(|m| m.version == migration.version && m.migration_type.is_down_migration());
            assert!(
                has_down,
                "migration {} has no down migration",
                migration.version
            );
        }
    }
}

/// Foreign keys with no index starting with their columns, as `table(columns) -> table`.
const UNINDEXED_FOREIGN_KEYS: &str = "\
    SELECT c.conrelid::regclass || '(' || string_agg(a.attname, ',' ORDER BY k.n) || ') -> ' \
           || c.confrelid::regclass \
    FROM pg_constraint c CROSS JOIN LATERAL unnest(c.conkey) WITH ORDINALITY k(attnum, n) \
         JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum \
    WHERE c.contype = 'f' AND NOT EXISTS ( \
        SELECT 1 FROM pg_index i WHERE i.indrelid = c.conrelid \
        AND (SELECT array_agg(x ORDER BY x) FROM unnest( \
                 (string_to_array(i.indkey::text, ' ')::int2[])[1:cardinality(c.conkey)]) x) \
            = (SELECT array_agg(x ORDER BY x) FROM unnest(c.conkey) x)) \
    GROUP BY c.conrelid, c.conname, c.confrelid ORDER BY 1";

/// Merges, account removal and the catalogue find rows by their foreign keys; a key without an
/// index makes each of those a scan of the whole table, and deleting a referenced row a scan of
/// every referencing one.
#[sqlx::test(migrator = "app::server::db::MIGRATOR")]
async fn every_foreign_key_has_an_index(db: PgPool) {
    let unindexed: Vec<String> = sqlx::query_scalar(UNINDEXED_FOREIGN_KEYS)
        .fetch_all(&db)
        .await
        .unwrap();
    assert!(
        unindexed.is_empty(),
        "foreign keys without an index: {unindexed:?}"
    );
}
