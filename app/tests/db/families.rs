//! Product families on a real Postgres: a family and its variants in the catalogue (no nesting,
//! no price or pack of its own, shown on the product page and in search), and a run where
//! friends ask for "any rice", the shopper buys basmati, the bids follow it, and the share-out
//! and costs come out exact.

use app::domain::catalogue::{FamilyPlace, ProductFields};
use app::domain::group::CurrencyCode;
use app::domain::ids::ProductId;
use app::domain::packs::PackRule;
use app::domain::paging::PageRequest;
use app::domain::purchase::Purchase;
use app::domain::quantity::{MAX_PURCHASE, Quantity};
use app::domain::run_state::RunState;
use app::domain::search::SearchQuery;
use app::error::{AppResult, ErrorCode};
use app::model::{RunDetail, SearchHit};
use app::server::accounts;
use app::server::cache::Cache;
use app::server::db::MIGRATOR;
use app::server::runs::shopping::{self, Entry, Record};
use app::server::runs::{bids, detail};
use app::server::{packs, prices, products, runs, search};
use sqlx::PgPool;
use uuid::Uuid;

use crate::common::{open_run, qty, user, world};

fn q(text: &str) -> Quantity {
    Quantity::parse_up_to(text, MAX_PURCHASE).unwrap()
}

async fn add(db: &PgPool, who: Uuid, name: &str, place: FamilyPlace) -> AppResult<Uuid> {
    let fields = ProductFields::parse(name, "", "kg").unwrap();
    products::create(db, who, &fields, place).await
}

/// Rice, with basmati and jasmine in it.
struct Rice {
    family: Uuid,
    basmati: Uuid,
    jasmine: Uuid,
}

async fn rice(db: &PgPool, who: Uuid) -> Rice {
    let family = add(db, who, "Rice", FamilyPlace::Family).await.unwrap();
    let variant = FamilyPlace::Variant(ProductId(family));
    Rice {
        family,
        basmati: add(db, who, "Basmati", variant).await.unwrap(),
        jasmine: add(db, who, "Jasmine", variant).await.unwrap(),
    }
}

async fn buy(
    db: &PgPool,
    shopper: Uuid,
    run_id: Uuid,
    product_id: Uuid,
    variant: Option<Uuid>,
    quantity: &str,
    total: &str,
) -> AppResult<()> {
    let entry = Entry {
        product_id,
        variant: variant.map(ProductId),
        currency: "EUR",
        record: Record::Bought(Purchase::parse(quantity, "", total, "EUR").unwrap()),
        correcting: false,
    };
    shopping::record(db, &Cache::disabled(), shopper, run_id, &entry).await
}

fn cost_of(run: &RunDetail, who: Uuid, product_id: Uuid) -> Option<(Quantity, i64)> {
    run.distribution
        .iter()
        .find(|person| person.user_id == who)?
        .shares
        .iter()
        .find(|share| share.product_id == product_id)
        .map(|share| (share.quantity, share.cost_minor))
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn a_family_groups_variants_without_nesting_prices_or_packs(db: PgPool) {
    let ana = user(&db, "ana").await;
    let world = world(&db, ana, &[], 0).await;
    let rice = rice(&db, ana).await;

    // A family cannot be in a family, and a variant cannot be a family of variants.
    assert_eq!(
        FamilyPlace::parse(true, Some(&rice.family.to_string())).unwrap_err(),
        ErrorCode::FamilyMismatch
    );
    let in_a_variant = add(
        &db,
        ana,
        "Brown",
        FamilyPlace::Variant(ProductId(rice.basmati)),
    )
    .await;
    assert_eq!(in_a_variant.unwrap_err().code, ErrorCode::FamilyNotFound);
    let viewer = accounts::find(&db, ana).await.unwrap().unwrap();
    let cache = Cache::disabled();
    let fields = ProductFields::parse("Rice", "", "kg").unwrap();
    let family = Some(ProductId(rice.family));
    let nested = products::update(&db, &cache, &viewer, rice.family, &fields, family).await;
    assert_eq!(nested.unwrap_err().code, ErrorCode::FamilyMismatch);

    // The family's page lists its variants; a variant's names its family.
    let eur = CurrencyCode::parse("EUR").unwrap();
    let page = PageRequest::new(None, 50);
    let family = products::detail(&db, &viewer, rice.family, &eur, page)
        .await
        .unwrap();
    assert!(family.is_family);
    let names: Vec<&str> = family.variants.iter().map(|v| v.name.as_str()).collect();
    assert_eq!(names, ["Basmati", "Jasmine"]);
    let basmati = products::detail(&db, &viewer, rice.basmati, &eur, page)
        .await
        .unwrap();
    assert_eq!(basmati.family.map(|f| f.name), Some("Rice".to_owned()));
    assert_eq!(
        basmati
            .family_choices
            .iter()
            .map(|f| f.id)
            .collect::<Vec<_>>(),
        [ProductId(rice.family)]
    );

    // Taking a variant out of its family.
    let fields = ProductFields::parse("Jasmine", "", "kg").unwrap();
    products::update(&db, &cache, &viewer, rice.jasmine, &fields, None)
        .await
        .unwrap();
    let family = products::detail(&db, &viewer, rice.family, &eur, page)
        .await
        .unwrap();
    assert_eq!(family.variants.len(), 1);

    // Search tells a family from a variant.
    let query = SearchQuery::parse("rice").unwrap();
    let hits = search::search(&db, ana, &query, page).await.unwrap().items;
    assert!(hits.iter().any(|hit| matches!(hit,
        SearchHit::Product { name, is_family: true, .. } if name == "Rice")));
    let query = SearchQuery::parse("basmati").unwrap();
    let hits = search::search(&db, ana, &query, page).await.unwrap().items;
    assert!(hits.iter().any(|hit| matches!(hit,
        SearchHit::Product { family: Some(family), is_family: false, .. } if family == "Rice")));

    // Only a variant is on a shelf.
    let observation = prices::Observation {
        product_id: rice.family,
        store_id: world.store_id,
        amount_minor: 250,
        currency: &eur,
        note: "",
        pack_size: None,
    };
    let refused = prices::record(&db, &cache, ana, observation).await;
    assert_eq!(refused.unwrap_err().code, ErrorCode::FamilyHasNoPrice);
    let sack = PackRule {
        size: Some(q("5")),
        ..PackRule::LOOSE
    };
    let refused = packs::set(&db, ana, world.store_id, rice.family, Some(&sack)).await;
    assert_eq!(refused.unwrap_err().code, ErrorCode::FamilyHasNoPrice);
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn bids_on_any_rice_follow_the_variant_the_shopper_picks(db: PgPool) {
    let leader = user(&db, "leader").await;
    let ana = user(&db, "ana").await;
    let bob = user(&db, "bob").await;
    let world = world(&db, leader, &[ana, bob], 1).await;
    let oil = world.products[0];
    let rice = rice(&db, leader).await;
    let run_id = open_run(&db, leader, &world).await;
    // Ana will take any rice; Bob some of any and some basmati in particular.
    bids::place(&db, ana, run_id, rice.family, qty("5"), "any is fine")
        .await
        .unwrap();
    bids::place(&db, bob, run_id, rice.family, qty("2"), "")
        .await
        .unwrap();
    bids::place(&db, bob, run_id, rice.basmati, qty("1"), "basmati please")
        .await
        .unwrap();
    bids::place(&db, leader, run_id, oil, qty("1"), "")
        .await
        .unwrap();
    runs::confirm(&db, leader, run_id, &[]).await.unwrap();
    shopping::start(&db, leader, run_id).await.unwrap();

    // The list asks for any rice, offering its variants.
    let list = shopping::list(&db, leader, run_id).await.unwrap();
    let any = list
        .items
        .iter()
        .find(|item| item.product_id == rice.family)
        .unwrap();
    assert!(any.is_family);
    assert_eq!(any.requested, q("7"));
    let offered: Vec<Uuid> = any.variants.iter().map(|v| v.id).collect();
    assert_eq!(offered, [rice.basmati, rice.jasmine]);

    // Bought, a family needs its variant, and only one of its own.
    let refused = buy(&db, leader, run_id, rice.family, None, "8", "20.00").await;
    assert_eq!(refused.unwrap_err().code, ErrorCode::VariantRequired);
    let refused = buy(&db, leader, run_id, rice.family, Some(oil), "8", "20.00").await;
    assert_eq!(refused.unwrap_err().code, ErrorCode::NotAVariant);
    let refused = buy(&db, leader, run_id, oil, Some(rice.basmati), "1", "5.00").await;
    assert_eq!(refused.unwrap_err().code, ErrorCode::NotAVariant);

    // Basmati it is: 7 kg for any rice and Bob's 1 kg of basmati, 8 kg for 20.00.
    buy(
        &db,
        leader,
        run_id,
        rice.family,
        Some(rice.basmati),
        "8",
        "20.00",
    )
    .await
    .unwrap();
    let list = shopping::list(&db, leader, run_id).await.unwrap();
    assert!(list.items.iter().all(|item| item.product_id != rice.family));
    let basmati = list
        .items
        .iter()
        .find(|item| item.product_id == rice.basmati)
        .unwrap();
    assert_eq!(basmati.requested, q("8"));
    assert_eq!(basmati.for_family.as_deref(), Some("Rice"));
    assert_eq!(basmati.purchase.as_ref().map(|p| p.total_minor), Some(2000));
    let (asked_family, comment): (Option<Uuid>, String) = sqlx::query_as(
        "SELECT from_family, comment FROM bids WHERE run_id = $1 AND user_id = $2 AND product_id = $3",
    )
    .bind(run_id)
    .bind(ana)
    .bind(rice.basmati)
    .fetch_one(&db)
    .await
    .unwrap();
    assert_eq!(
        (asked_family, comment.as_str()),
        (Some(rice.family), "any is fine")
    );

    buy(&db, leader, run_id, oil, None, "1", "5.00")
        .await
        .unwrap();
    assert_eq!(
        shopping::complete(&db, leader, run_id).await.unwrap(),
        RunState::Distributing
    );
    // 20.00 for 8 kg: Ana's 5 kg cost 12.50, Bob's 2 + 1 kg 7.50.
    let run = detail::detail(&db, ana, run_id).await.unwrap();
    assert_eq!(cost_of(&run, ana, rice.basmati), Some((q("5"), 1250)));
    assert_eq!(cost_of(&run, bob, rice.basmati), Some((q("3"), 750)));
    assert_eq!(cost_of(&run, ana, rice.family), None);
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn no_rice_at_all_is_recorded_on_the_family(db: PgPool) {
    let leader = user(&db, "leader").await;
    let ana = user(&db, "ana").await;
    let world = world(&db, leader, &[ana], 0).await;
    let rice = rice(&db, leader).await;
    let run_id = open_run(&db, leader, &world).await;
    bids::place(&db, ana, run_id, rice.family, qty("5"), "")
        .await
        .unwrap();
    runs::confirm(&db, leader, run_id, &[]).await.unwrap();
    shopping::start(&db, leader, run_id).await.unwrap();
    let entry = Entry {
        product_id: rice.family,
        variant: None,
        currency: "EUR",
        record: Record::OutOfStock,
        correcting: false,
    };
    shopping::record(&db, &Cache::disabled(), leader, run_id, &entry)
        .await
        .unwrap();
    let list = shopping::list(&db, leader, run_id).await.unwrap();
    assert!(list.items[0].out_of_stock());
    assert_eq!(list.items[0].product_id, rice.family);
    // Nothing bought ends the run.
    assert_eq!(
        shopping::complete(&db, leader, run_id).await.unwrap(),
        RunState::Completed
    );
}
