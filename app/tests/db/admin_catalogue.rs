//! A site admin's care of the shared catalogue on a real Postgres: merging duplicate products
//! and stores moves everything and loses nothing (row counts and bid totals before and after),
//! archiving hides an entry from the lists, and a merged entry's page shows the survivor.

use crate::common::{open_run, qty, user, world};
use app::domain::admin::{CatalogueFilter, CatalogueKind};
use app::domain::catalogue::{FamilyPlace, ProductFields};
use app::domain::group::CurrencyCode;
use app::domain::ids::ProductId;
use app::domain::paging::PageRequest;
use app::error::ErrorCode;
use app::server::accounts::{self, Account};
use app::server::admin::catalogue;
use app::server::audit::Origin;
use app::server::cache::Cache;
use app::server::db::MIGRATOR;
use app::server::runs::bids;
use app::server::{products, stores};
use sqlx::PgPool;
use uuid::Uuid;

async fn site_admin(db: &PgPool) -> Account {
    let id = user(db, "root").await;
    sqlx::query("UPDATE users SET is_admin = true WHERE id = $1")
        .bind(id)
        .execute(db)
        .await
        .unwrap();
    accounts::find(db, id).await.unwrap().unwrap()
}

async fn number(db: &PgPool, sql: &str) -> String {
    sqlx::query_scalar::<_, Option<String>>(&format!("SELECT ({sql})::text"))
        .fetch_one(db)
        .await
        .unwrap()
        .unwrap_or_else(|| "NULL".into())
}

/// Everything a product merge must keep: bids (count and total), prices, shopping items,
/// allocations.
async fn ledger(db: &PgPool) -> Vec<String> {
    let mut figures = Vec::new();
    for sql in [
        "SELECT sum(quantity) FROM bids",
        "SELECT count(*) FROM price_observations",
        "SELECT sum(amount_minor) FROM price_observations",
        "SELECT count(*) FROM shopping_items",
        "SELECT count(*) FROM allocations",
    ] {
        figures.push(number(db, sql).await);
    }
    figures
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn merging_products_adds_bids_in_one_run_and_moves_everything(db: PgPool) {
    let admin = site_admin(&db).await;
    let leader = user(&db, "leader").await;
    let (alice, bob) = (user(&db, "alice").await, user(&db, "bob").await);
    let world = world(&db, leader, &[alice, bob], 2).await;
    let (survivor, duplicate) = (world.products[0], world.products[1]);
    let run_id = open_run(&db, leader, &world).await;
    // Alice asked for both; Bob only for the duplicate.
    bids::place(&db, alice, run_id, survivor, qty("1.5"), "big one")
        .await
        .unwrap();
    bids::place(&db, alice, run_id, duplicate, qty("2"), "")
        .await
        .unwrap();
    bids::place(&db, bob, run_id, duplicate, qty("0.25"), "")
        .await
        .unwrap();
    sqlx::query(
        "INSERT INTO price_observations (product_id, store_id, amount_minor, currency, observed_by) \
         VALUES ($1, $2, 499, 'EUR', $3)",
    )
    .bind(duplicate)
    .bind(world.store_id)
    .bind(leader)
    .execute(&db)
    .await
    .unwrap();
    let before = ledger(&db).await;
    assert_eq!(number(&db, "SELECT count(*) FROM bids").await, "3");

    catalogue::merge_products(
        &db,
        &Cache::disabled(),
        &admin,
        duplicate,
        survivor,
        &Origin::default(),
    )
    .await
    .unwrap();

    assert_eq!(ledger(&db).await, before, "nothing lost");
    assert_eq!(
        number(&db, "SELECT count(*) FROM bids").await,
        "2",
        "Alice's two became one"
    );
    let alices: String = sqlx::query_scalar(
        "SELECT quantity::text || ' ' || comment FROM bids WHERE user_id = $1 AND product_id = $2",
    )
    .bind(alice)
    .bind(survivor)
    .fetch_one(&db)
    .await
    .unwrap();
    assert_eq!(alices, "3.500 big one");
    assert_eq!(
        number(
            &db,
            &format!("SELECT count(*) FROM bids WHERE product_id = '{duplicate}'")
        )
        .await,
        "0"
    );
    assert_eq!(
        number(
            &db,
            &format!("SELECT count(*) FROM price_observations WHERE product_id = '{survivor}'")
        )
        .await,
        "1"
    );
    // The duplicate is archived, points at the survivor, and its page shows the survivor.
    let detail = products::detail(
        &db,
        &admin,
        duplicate,
        &CurrencyCode::parse("EUR").unwrap(),
        PageRequest::new(None, 10),
    )
    .await
    .unwrap();
    assert_eq!(detail.id, survivor);
    let current = catalogue::list(
        &db,
        CatalogueKind::Products,
        None,
        CatalogueFilter::Current,
        PageRequest::new(None, 25),
    )
    .await
    .unwrap();
    assert!(current.items.iter().all(|row| row.id != duplicate));
    let archived = catalogue::list(
        &db,
        CatalogueKind::Products,
        None,
        CatalogueFilter::Archived,
        PageRequest::new(None, 25),
    )
    .await
    .unwrap();
    assert_eq!(
        archived.items[0].merged_into.as_deref(),
        Some("Product 000")
    );
    // The run was told, and the trail says who merged what.
    assert!(number(&db, &format!(
        "SELECT count(*) FROM event_outbox WHERE run_id = '{run_id}' AND event->>'kind' = 'catalogue_changed'"
    )).await != "0");
    assert_eq!(
        number(
            &db,
            "SELECT detail FROM audit_log WHERE action = 'PRODUCTS_MERGED'"
        )
        .await,
        "Product 001 → Product 000"
    );
    // Once merged, it cannot be merged again, and nothing merges into itself.
    let again = catalogue::merge_products(
        &db,
        &Cache::disabled(),
        &admin,
        duplicate,
        survivor,
        &Origin::default(),
    )
    .await
    .unwrap_err();
    assert_eq!(again.code, ErrorCode::ProductNotFound);
    let itself = catalogue::merge_products(
        &db,
        &Cache::disabled(),
        &admin,
        survivor,
        survivor,
        &Origin::default(),
    )
    .await
    .unwrap_err();
    assert_eq!(itself.code, ErrorCode::CannotMergeIntoItself);
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn products_bought_apart_in_one_run_are_not_merged(db: PgPool) {
    let admin = site_admin(&db).await;
    let leader = user(&db, "leader").await;
    let world = world(&db, leader, &[], 2).await;
    let run_id = open_run(&db, leader, &world).await;
    for product in &world.products {
        sqlx::query(
            "INSERT INTO shopping_items (run_id, product_id, requested) VALUES ($1, $2, 1)",
        )
        .bind(run_id)
        .bind(product)
        .execute(&db)
        .await
        .unwrap();
    }
    let before = ledger(&db).await;
    let refused = catalogue::merge_products(
        &db,
        &Cache::disabled(),
        &admin,
        world.products[1],
        world.products[0],
        &Origin::default(),
    )
    .await
    .unwrap_err();
    assert_eq!(refused.code, ErrorCode::MergeConflict);
    assert_eq!(ledger(&db).await, before);
    assert_eq!(
        number(
            &db,
            "SELECT count(*) FROM products WHERE archived_at IS NOT NULL"
        )
        .await,
        "0"
    );
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn a_family_merges_only_with_a_family_and_its_variants_follow(db: PgPool) {
    let admin = site_admin(&db).await;
    let fields = ProductFields::parse("Rice", "", "kg").unwrap();
    let rice = products::create(&db, admin.id, &fields, FamilyPlace::Family)
        .await
        .unwrap();
    let fields = ProductFields::parse("Rices", "", "kg").unwrap();
    let rices = products::create(&db, admin.id, &fields, FamilyPlace::Family)
        .await
        .unwrap();
    let fields = ProductFields::parse("Basmati", "", "kg").unwrap();
    let in_rices = FamilyPlace::Variant(ProductId(rices));
    let basmati = products::create(&db, admin.id, &fields, in_rices)
        .await
        .unwrap();
    let cache = Cache::disabled();
    let origin = Origin::default();
    let refused = catalogue::merge_products(&db, &cache, &admin, basmati, rice, &origin)
        .await
        .unwrap_err();
    assert_eq!(refused.code, ErrorCode::FamilyMismatch);
    catalogue::merge_products(&db, &cache, &admin, rices, rice, &origin)
        .await
        .unwrap();
    let family: Option<Uuid> = sqlx::query_scalar("SELECT family_id FROM products WHERE id = $1")
        .bind(basmati)
        .fetch_one(&db)
        .await
        .unwrap();
    assert_eq!(family, Some(rice));
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn merging_stores_moves_runs_and_prices_and_archiving_hides(db: PgPool) {
    let admin = site_admin(&db).await;
    let leader = user(&db, "leader").await;
    let world = world(&db, leader, &[], 1).await;
    let run_id = open_run(&db, leader, &world).await;
    let survivor: Uuid = sqlx::query_scalar(
        "INSERT INTO stores (name, created_by) VALUES ('Test Costco North', $1) RETURNING id",
    )
    .bind(leader)
    .fetch_one(&db)
    .await
    .unwrap();
    let duplicates = catalogue::likely_duplicates(&db, CatalogueKind::Stores)
        .await
        .unwrap();
    assert_eq!(duplicates.len(), 1, "the two Costcos look alike");
    catalogue::merge_stores(
        &db,
        &Cache::disabled(),
        &admin,
        world.store_id,
        survivor,
        &Origin::default(),
    )
    .await
    .unwrap();
    let store_of_run: Uuid = sqlx::query_scalar("SELECT store_id FROM runs WHERE id = $1")
        .bind(run_id)
        .fetch_one(&db)
        .await
        .unwrap();
    assert_eq!(store_of_run, survivor);
    let shown = stores::detail(
        &db,
        &Cache::disabled(),
        &admin,
        world.store_id,
        PageRequest::new(None, 10),
    )
    .await
    .unwrap();
    assert_eq!(shown.id, survivor);

    catalogue::set_archived(
        &db,
        &Cache::disabled(),
        &admin,
        CatalogueKind::Products,
        world.products[0],
        true,
        &Origin::default(),
    )
    .await
    .unwrap();
    let listed = products::list(&db, PageRequest::new(None, 50))
        .await
        .unwrap();
    assert_eq!(listed.total, 0, "archived products leave the list");
    catalogue::set_archived(
        &db,
        &Cache::disabled(),
        &admin,
        CatalogueKind::Products,
        world.products[0],
        false,
        &Origin::default(),
    )
    .await
    .unwrap();
    assert_eq!(
        products::list(&db, PageRequest::new(None, 50))
            .await
            .unwrap()
            .total,
        1
    );
    catalogue::set_verified(
        &db,
        &admin,
        CatalogueKind::Products,
        world.products[0],
        true,
        &Origin::default(),
    )
    .await
    .unwrap();
    let actions: Vec<String> = sqlx::query_scalar("SELECT action FROM audit_log ORDER BY id")
        .fetch_all(&db)
        .await
        .unwrap();
    assert_eq!(
        actions,
        [
            "STORES_MERGED",
            "PRODUCT_ARCHIVED",
            "PRODUCT_UNARCHIVED",
            "PRODUCT_VERIFIED"
        ]
    );
}
