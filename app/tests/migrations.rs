//! The migrations apply, undo and re-apply cleanly on an empty database.

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
