//! The catalogue services on a real Postgres (and the real Redis for the cache): stores, products,
//! price observations, who may edit, search, and that a cached list shows a write at once; between
//! groups, prices keep who saw them to their own groups and a product on other groups' runs is
//! renamed by site admins only.

use std::time::Duration;

use app::domain::catalogue::{FamilyPlace, ProductFields, StoreFields};
use app::domain::group::{CurrencyCode, GroupName};
use app::domain::paging::PageRequest;
use app::domain::search::SearchQuery;
use app::error::ErrorCode;
use app::model::SearchHit;
use app::server::accounts::Account;
use app::server::cache::Cache;
use app::server::db::MIGRATOR;
use app::server::{groups, prices, products, search, stores};
use chrono::{Duration as Days, Utc};
use fred::prelude::{Builder, ClientLike, Config as RedisConfig};
use sqlx::PgPool;
use uuid::Uuid;

use crate::common;

async fn person(db: &PgPool, username: &str, is_admin: bool) -> Account {
    // A fixed hash keeps these tests fast; accounts.rs covers real hashing.
    let id = sqlx::query_scalar(
        "INSERT INTO users (username, display_name, password_hash, is_admin) \
         VALUES ($1, $1, 'x', $2) RETURNING id",
    )
    .bind(username)
    .bind(is_admin)
    .fetch_one(db)
    .await
    .unwrap();
    Account {
        id,
        username: username.to_owned(),
        display_name: username.to_owned(),
        language: None,
        time_zone: "UTC".to_owned(),
        theme: "system".to_owned(),
        is_admin,
        session_generation: 0,
        disabled: false,
    }
}

/// A cache on the test Redis under a namespace of its own, so parallel tests never share entries.
async fn redis_cache() -> Cache {
    let url = std::env::var("BULQ_TEST_REDIS_URL")
        .unwrap_or_else(|_| "redis://127.0.0.1:63799/1".to_owned());
    let pool = Builder::from_config(RedisConfig::from_url(&url).unwrap())
        .build_pool(1)
        .unwrap();
    pool.init().await.expect("test Redis is reachable");
    Cache::new(
        pool,
        Uuid::new_v4().simple().to_string(),
        Duration::from_secs(60),
    )
}

fn everything() -> PageRequest {
    PageRequest::new(None, 100)
}

fn eur() -> CurrencyCode {
    CurrencyCode::parse("EUR").unwrap()
}

async fn store(db: &PgPool, cache: &Cache, creator: &Account, name: &str) -> Uuid {
    let fields = StoreFields::parse(name, "Main St 1", "", "").unwrap();
    stores::create(db, cache, creator.id, &fields)
        .await
        .unwrap()
}

async fn product(db: &PgPool, creator: &Account, name: &str, brand: &str) -> Uuid {
    let fields = ProductFields::parse(name, brand, "kg").unwrap();
    products::create(db, creator.id, &fields, FamilyPlace::Alone)
        .await
        .unwrap()
}

async fn price_at(
    db: &PgPool,
    cache: &Cache,
    who: &Account,
    product_id: Uuid,
    store_id: Uuid,
    amount_minor: i64,
    days_ago: i64,
) {
    let currency = eur();
    let observation = prices::Observation {
        product_id,
        store_id,
        amount_minor,
        currency: &currency,
        note: "",
        pack_size: None,
    };
    let at = Utc::now() - Days::days(days_ago);
    prices::record_at(db, cache, who.id, observation, Some(at))
        .await
        .unwrap();
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn stores_are_listed_by_name_a_page_at_a_time(db: PgPool) {
    let cache = Cache::disabled();
    let alice = person(&db, "alice", false).await;
    for name in ["Zeta Market", "alpha wholesale", "Mid Mart"] {
        store(&db, &cache, &alice, name).await;
    }
    let first = stores::list(&db, &cache, PageRequest::new(None, 2))
        .await
        .unwrap();
    let names: Vec<_> = first.items.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["alpha wholesale", "Mid Mart"]);
    assert_eq!(first.total, 3);
    assert!(first.has_next());
    let second = stores::list(&db, &cache, PageRequest::new(Some(2), 2))
        .await
        .unwrap();
    assert_eq!(second.items[0].name, "Zeta Market");
    assert!(!second.has_next());
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn the_store_pickers_reach_every_store_not_only_a_page(db: PgPool) {
    let cache = redis_cache().await;
    let alice = person(&db, "alice", false).await;
    for n in 0..60 {
        store(&db, &cache, &alice, &format!("Store {n:02}")).await;
    }
    let choices = stores::choices(&db, &cache).await.unwrap();
    assert_eq!(choices.len(), 60);
    assert_eq!(choices.last().unwrap().name, "Store 59");
    store(&db, &cache, &alice, "Store 60").await;
    let choices = stores::choices(&db, &cache).await.unwrap();
    assert_eq!(
        choices.len(),
        61,
        "a new store is there at once, cached or not"
    );
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn only_the_creator_or_a_site_admin_edits_a_store_or_product(db: PgPool) {
    let cache = Cache::disabled();
    let alice = person(&db, "alice", false).await;
    let bob = person(&db, "bob", false).await;
    let admin = person(&db, "admin", true).await;
    let store_id = store(&db, &cache, &alice, "Costco").await;
    let renamed = StoreFields::parse("Costco North", "Main St 2", "8–20", "card").unwrap();

    let refused = stores::update(&db, &cache, &bob, store_id, &renamed).await;
    assert_eq!(refused.unwrap_err().code, ErrorCode::NotAllowedToEdit);
    let detail = stores::detail(&db, &cache, &bob, store_id, everything())
        .await
        .unwrap();
    assert_eq!(detail.name, "Costco", "a refused edit changes nothing");
    assert!(!detail.viewer_can_edit);

    stores::update(&db, &cache, &alice, store_id, &renamed)
        .await
        .unwrap();
    stores::update(&db, &cache, &admin, store_id, &renamed)
        .await
        .unwrap();
    let detail = stores::detail(&db, &cache, &admin, store_id, everything())
        .await
        .unwrap();
    assert_eq!(
        (detail.name.as_str(), detail.opening_hours.as_str()),
        ("Costco North", "8–20")
    );
    assert!(detail.viewer_can_edit);

    let product_id = product(&db, &alice, "Olive oil", "Kirkland").await;
    let fields = ProductFields::parse("Olive oil extra", "Kirkland", "L").unwrap();
    let refused = products::update(&db, &cache, &bob, product_id, &fields, None).await;
    assert_eq!(refused.unwrap_err().code, ErrorCode::NotAllowedToEdit);
    products::update(&db, &cache, &admin, product_id, &fields, None)
        .await
        .unwrap();

    let missing = stores::update(&db, &cache, &admin, Uuid::new_v4(), &renamed).await;
    assert_eq!(missing.unwrap_err().code, ErrorCode::StoreNotFound);
    let missing = products::update(&db, &cache, &admin, Uuid::new_v4(), &fields, None).await;
    assert_eq!(missing.unwrap_err().code, ErrorCode::ProductNotFound);
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn similar_products_are_suggested_while_typing(db: PgPool) {
    let alice = person(&db, "alice", false).await;
    for name in [
        "Olive oil",
        "Extra virgin olive oil",
        "Olives, green",
        "Quinoa",
    ] {
        product(&db, &alice, name, "").await;
    }
    let found = products::similar(&db, "  OLIVE  oil ").await.unwrap();
    let names: Vec<_> = found.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Olive oil", "Extra virgin olive oil"]);
    let found = products::similar(&db, "oliv").await.unwrap();
    let names: Vec<_> = found.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(
        names,
        ["Olive oil", "Olives, green", "Extra virgin olive oil"],
        "names that start so come first, shortest first"
    );
    let accents = products::similar(&db, "ÖLIVE").await.unwrap();
    assert_eq!(accents.len(), 3, "accents and case do not matter");
    assert!(products::similar(&db, "o").await.unwrap().is_empty());
    assert!(products::similar(&db, "100%").await.unwrap().is_empty());
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn the_newest_price_is_current_and_history_is_kept(db: PgPool) {
    let cache = Cache::disabled();
    let alice = person(&db, "alice", false).await;
    let costco = store(&db, &cache, &alice, "Costco").await;
    let sams = store(&db, &cache, &alice, "Sam's Club").await;
    let oil = product(&db, &alice, "Olive oil", "Kirkland").await;
    price_at(&db, &cache, &alice, oil, costco, 2499, 10).await;
    price_at(&db, &cache, &alice, oil, costco, 2399, 2).await;
    price_at(&db, &cache, &alice, oil, sams, 2199, 5).await;

    let detail = products::detail(&db, &alice, oil, &eur(), everything())
        .await
        .unwrap();
    let current: Vec<_> = detail
        .current_prices
        .iter()
        .map(|p| (p.store_name.as_str(), p.amount_minor))
        .collect();
    assert_eq!(
        current,
        [("Sam's Club", 2199), ("Costco", 2399)],
        "cheapest first"
    );
    let history: Vec<_> = detail
        .history
        .items
        .iter()
        .map(|p| p.amount_minor)
        .collect();
    assert_eq!(
        history,
        [2399, 2199, 2499],
        "every observation, newest first"
    );

    let page = products::detail(&db, &alice, oil, &eur(), PageRequest::new(Some(2), 2))
        .await
        .unwrap();
    assert_eq!(page.history.total, 3);
    assert_eq!(page.history.items.len(), 1);
    // The chart and its lowest / average / highest see the whole history, whatever the page.
    let series: Vec<_> = page
        .price_series
        .iter()
        .map(|s| {
            let amounts: Vec<i64> = s.points.iter().map(|(_, amount)| *amount).collect();
            (
                s.store_name.as_str(),
                amounts,
                s.lowest(),
                s.average(),
                s.highest(),
            )
        })
        .collect();
    assert_eq!(
        series,
        [
            ("Costco", vec![2499, 2399], 2399, 2449, 2499),
            ("Sam's Club", vec![2199], 2199, 2199, 2199),
        ],
        "by store, oldest first"
    );

    let at_costco = stores::detail(&db, &cache, &alice, costco, everything())
        .await
        .unwrap();
    assert_eq!(at_costco.products.items.len(), 1);
    assert_eq!(at_costco.products.items[0].amount_minor, 2399);
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn a_price_needs_a_real_product_and_store(db: PgPool) {
    let cache = Cache::disabled();
    let alice = person(&db, "alice", false).await;
    let costco = store(&db, &cache, &alice, "Costco").await;
    let oil = product(&db, &alice, "Olive oil", "").await;
    let currency = eur();
    for (product_id, store_id, code) in [
        (Uuid::new_v4(), costco, ErrorCode::ProductNotFound),
        (oil, Uuid::new_v4(), ErrorCode::StoreNotFound),
    ] {
        let observation = prices::Observation {
            product_id,
            store_id,
            amount_minor: 100,
            currency: &currency,
            note: "",
            pack_size: None,
        };
        let result = prices::record(&db, &cache, alice.id, observation).await;
        assert_eq!(result.unwrap_err().code, code);
    }
    let count: i64 = sqlx::query_scalar("SELECT count(*) FROM price_observations")
        .fetch_one(&db)
        .await
        .unwrap();
    assert_eq!(count, 0);
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn cached_lists_show_every_write_at_once(db: PgPool) {
    let cache = redis_cache().await;
    let alice = person(&db, "alice", false).await;
    let costco = store(&db, &cache, &alice, "Costco").await;
    assert_eq!(
        stores::list(&db, &cache, everything()).await.unwrap().total,
        1
    );

    // A row written behind the services' back stays invisible: the list really is cached.
    sqlx::query("INSERT INTO stores (name, created_by) VALUES ('Hidden', $1)")
        .bind(alice.id)
        .execute(&db)
        .await
        .unwrap();
    assert_eq!(
        stores::list(&db, &cache, everything()).await.unwrap().total,
        1
    );

    // A write through the services is visible on the very next read.
    store(&db, &cache, &alice, "Sam's Club").await;
    let names: Vec<_> = stores::list(&db, &cache, everything())
        .await
        .unwrap()
        .items
        .into_iter()
        .map(|s| s.name)
        .collect();
    assert_eq!(names, ["Costco", "Hidden", "Sam's Club"]);

    let renamed = StoreFields::parse("Costco Wholesale", "", "", "").unwrap();
    stores::update(&db, &cache, &alice, costco, &renamed)
        .await
        .unwrap();
    let first = &stores::list(&db, &cache, everything()).await.unwrap().items[0];
    assert_eq!(first.name, "Costco Wholesale");

    // A store's product list: a new price and a renamed product show at once.
    let oil = product(&db, &alice, "Olive oil", "").await;
    let shelf = stores::detail(&db, &cache, &alice, costco, everything())
        .await
        .unwrap();
    assert!(shelf.products.items.is_empty());
    price_at(&db, &cache, &alice, oil, costco, 2499, 0).await;
    let shelf = stores::detail(&db, &cache, &alice, costco, everything())
        .await
        .unwrap();
    assert_eq!(shelf.products.items[0].amount_minor, 2499);
    let fields = ProductFields::parse("Olive oil, extra virgin", "", "L").unwrap();
    products::update(&db, &cache, &alice, oil, &fields, None)
        .await
        .unwrap();
    let shelf = stores::detail(&db, &cache, &alice, costco, everything())
        .await
        .unwrap();
    assert_eq!(
        shelf.products.items[0].product_name,
        "Olive oil, extra virgin"
    );
    assert_eq!(cache.failures(), 0);
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn search_ignores_case_and_accents_and_only_shows_my_groups(db: PgPool) {
    let cache = Cache::disabled();
    let alice = person(&db, "alice", false).await;
    let bob = person(&db, "bob", false).await;
    store(&db, &cache, &alice, "Café Crème Market").await;
    product(&db, &alice, "Crème fraîche", "Président").await;
    product(&db, &alice, "Sour cream", "").await;
    product(&db, &alice, "Kirkland coffee", "Kirkland").await;
    let mine = GroupName::parse("Crème de la crème").unwrap();
    groups::create(&db, alice.id, &mine, &eur()).await.unwrap();
    let theirs = GroupName::parse("Cremerie friends").unwrap();
    groups::create(&db, bob.id, &theirs, &eur()).await.unwrap();

    let query = SearchQuery::parse("CREME").unwrap();
    let found = search::search(&db, alice.id, &query, everything())
        .await
        .unwrap();
    let names: Vec<_> = found.items.iter().map(SearchHit::name).collect();
    assert_eq!(
        names,
        ["Crème de la crème", "Café Crème Market", "Crème fraîche"],
        "groups, then stores, then products; bob's group is not mine"
    );

    let by_brand = SearchQuery::parse("president").unwrap();
    let found = search::search(&db, alice.id, &by_brand, everything())
        .await
        .unwrap();
    assert_eq!(found.total, 1);

    let query = SearchQuery::parse("c").unwrap();
    let page = search::search(&db, alice.id, &query, PageRequest::new(Some(2), 3))
        .await
        .unwrap();
    assert_eq!(page.total, 5);
    assert_eq!(page.items.len(), 2);

    let literal = SearchQuery::parse("%").unwrap();
    let found = search::search(&db, alice.id, &literal, everything())
        .await
        .unwrap();
    assert_eq!(found.total, 0, "a % is a character, not a wildcard");
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn a_price_for_a_whole_pack_keeps_the_pack_and_compares_by_the_unit(db: PgPool) {
    let cache = Cache::disabled();
    let alice = person(&db, "alice", false).await;
    let costco = store(&db, &cache, &alice, "Costco").await;
    let milk = product(&db, &alice, "Milk", "").await;
    let currency = eur();
    let six_litres = prices::Observation {
        product_id: milk,
        store_id: costco,
        amount_minor: 1194,
        currency: &currency,
        note: "",
        pack_size: Some(app::domain::quantity::Quantity::units(6)),
    };
    prices::record(&db, &cache, alice.id, six_litres)
        .await
        .unwrap();
    let detail = products::detail(&db, &alice, milk, &eur(), everything())
        .await
        .unwrap();
    let current = &detail.current_prices[0];
    assert_eq!(current.amount_minor, 199, "11.94 for 6: 1.99 a litre");
    assert_eq!(
        current.pack,
        Some((app::domain::quantity::Quantity::units(6), 1194)),
        "the pack as it was on the shelf"
    );
    let crumbs = prices::Observation {
        product_id: milk,
        store_id: costco,
        amount_minor: 1,
        currency: &currency,
        note: "",
        pack_size: Some(app::domain::quantity::Quantity::units(1000)),
    };
    let refused = prices::record(&db, &cache, alice.id, crumbs)
        .await
        .unwrap_err();
    assert_eq!(
        refused.code,
        ErrorCode::AmountInvalid,
        "no unit below a cent"
    );
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn other_groups_prices_hide_who_saw_them_and_their_runs_keep_a_products_name(db: PgPool) {
    let cache = redis_cache().await;
    let ana = person(&db, "ana", false).await;
    let bob = person(&db, "bob", false).await;
    let cai = person(&db, "cai", false).await;
    let root = person(&db, "root", true).await;
    let ours = common::world(&db, ana.id, &[bob.id], 0).await;
    let theirs = common::world(&db, cai.id, &[], 0).await;
    let oil = product(&db, &ana, "Olive oil", "Acme").await;
    price_at(&db, &cache, &bob, oil, ours.store_id, 900, 2).await;
    price_at(&db, &cache, &cai, oil, theirs.store_id, 800, 1).await;

    // Ana sees Bob's name (a friend of her group), not Cai's; Cai sees his own, not Bob's.
    let seen = |detail: &app::model::ProductDetail| {
        detail
            .history
            .items
            .iter()
            .map(|p| (p.amount_minor, p.observed_by.clone()))
            .collect::<Vec<_>>()
    };
    let for_ana = products::detail(&db, &ana, oil, &eur(), everything())
        .await
        .unwrap();
    assert_eq!(seen(&for_ana), [(800, None), (900, Some("bob".to_owned()))]);
    assert!(
        for_ana
            .current_prices
            .iter()
            .all(|p| p.observed_by.as_deref() != Some("cai"))
    );
    assert_eq!(for_ana.current_prices.len(), 2);
    let for_cai = products::detail(&db, &cai, oil, &eur(), everything())
        .await
        .unwrap();
    assert_eq!(seen(&for_cai), [(800, Some("cai".to_owned())), (900, None)]);

    // Cai also saw it at Ana's store, more recently: her runs estimate with his price until her
    // group uses only its members' prices.
    price_at(&db, &cache, &cai, oil, ours.store_id, 850, 0).await;
    let ours_run = common::open_run(&db, ana.id, &ours).await;
    app::server::runs::bids::place(&db, bob.id, ours_run, oil, common::qty("2"), "")
        .await
        .unwrap();
    let estimate = |db: PgPool| async move {
        let run = app::server::runs::detail::detail(&db, ana.id, ours_run)
            .await
            .unwrap();
        run.products[0].current_price
    };
    assert_eq!(estimate(db.clone()).await, Some(850));
    let only_ours = app::server::groups::GroupSwitch::OwnPricesOnly;
    let refused = groups::set_switch(&db, bob.id, ours.group_id, only_ours, true).await;
    assert_eq!(refused.unwrap_err().code, ErrorCode::NotGroupAdmin);
    groups::set_switch(&db, ana.id, ours.group_id, only_ours, true)
        .await
        .unwrap();
    assert_eq!(estimate(db.clone()).await, Some(900));

    // Ana may rename her product while only her group uses it; once Cai's run has it, only a
    // site admin may, and a refused rename changes nothing.
    let renamed = ProductFields::parse("Olive oil extra", "Acme", "kg").unwrap();
    products::update(&db, &cache, &ana, oil, &renamed, None)
        .await
        .unwrap();
    let run = common::open_run(&db, cai.id, &theirs).await;
    app::server::runs::bids::place(&db, cai.id, run, oil, common::qty("1"), "")
        .await
        .unwrap();
    let back = ProductFields::parse("Olive oil", "Acme", "kg").unwrap();
    let refused = products::update(&db, &cache, &ana, oil, &back, None).await;
    assert_eq!(
        refused.unwrap_err().code,
        ErrorCode::ProductUsedByOtherGroups
    );
    let name: String = sqlx::query_scalar("SELECT name FROM products WHERE id = $1")
        .bind(oil)
        .fetch_one(&db)
        .await
        .unwrap();
    assert_eq!(name, "Olive oil extra");
    // Saving it unchanged (say, to put it in a family) is still hers to do.
    products::update(&db, &cache, &ana, oil, &renamed, None)
        .await
        .unwrap();
    products::update(&db, &cache, &root, oil, &back, None)
        .await
        .unwrap();
}
