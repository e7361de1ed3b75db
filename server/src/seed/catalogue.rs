//! The demo catalogue: the two stores, the thirteen products, their backdated price history
//! (spec §10) and two products sold by the pack, written through the catalogue services, their descriptive texts in the seed's
//! language. Existing entries are found by name and an observation is only recorded when the same
//! one (store, price, note in any language) is not there yet.

use std::collections::HashMap;

use app::domain::catalogue::{FamilyPlace, ProductFields, StoreFields};
use app::domain::group::CurrencyCode;
use app::domain::ids::ProductId;
use app::domain::language::Language;
use app::domain::money::parse_amount;
use app::domain::packs::PackRule;
use app::domain::paging::PageRequest;
use app::error::AppError;
use app::i18n::demo::DemoText;
use app::server::accounts::Account;
use app::server::cache::Cache;
use app::server::{packs, prices, products, stores};
use chrono::{Duration, Utc};
use sqlx::PgPool;
use uuid::Uuid;

/// Name, address, opening hours, notes.
const STORES: [(&str, DemoText, DemoText, Option<DemoText>); 2] = [
    (
        "Test Costco",
        DemoText::StoreCostcoAddress,
        DemoText::StoreCostcoHours,
        Some(DemoText::StoreCostcoNotes),
    ),
    (
        "Test Sam's Club",
        DemoText::StoreSamsAddress,
        DemoText::StoreSamsHours,
        None,
    ),
];

/// Name, brand, unit.
const PRODUCTS: [(&str, &str, &str); 13] = [
    ("Test Olive Oil", "Kirkland", "L"),
    ("Test Quinoa", "Organic", "kg"),
    ("Test Detergent", "Tide", "L"),
    ("Kirkland Paper Towels 12-pack", "Kirkland", "pack"),
    ("Rotisserie Chicken", "", "each"),
    ("Kirkland Almond Butter", "Kirkland", "kg"),
    ("Organic Frozen Berry Mix", "Organic", "kg"),
    ("Charmin Ultra Soft 24-pack", "Charmin", "pack"),
    ("Kirkland Colombian Coffee", "Kirkland", "kg"),
    ("Tide Pods 81-count", "Tide", "pack"),
    ("93/7 Ground Beef 3lbs", "", "kg"),
    ("Organic Bananas 3lbs", "Organic", "kg"),
    ("String Cheese 48-pack", "", "pack"),
];

/// A variant's name and brand.
type Variant = (&'static str, &'static str);

/// A family people may ask "any" of, its unit, and its variants.
const FAMILIES: [(&str, &str, [Variant; 2]); 1] = [(
    "Rice",
    "kg",
    [("Basmati Rice", "Tilda"), ("Jasmine Rice", "Royal Thai")],
)];

/// Store, product, pack size, whole units: what a store sells by the pack.
const PACKS: [(&str, &str, &str, bool); 2] = [
    ("Test Sam's Club", "Test Detergent", "6", true),
    ("Test Costco", "Test Quinoa", "5", false),
];

/// Store, product, price, note, days ago, who saw it. Oldest first within a pair, so the newest
/// is the current price.
type DemoPrice = (
    &'static str,
    &'static str,
    &'static str,
    Option<DemoText>,
    i64,
    &'static str,
);

const PRICES: [DemoPrice; 18] = [
    (
        "Test Costco",
        "Test Olive Oil",
        "24.99",
        Some(DemoText::NoteAisle12),
        2,
        "alice",
    ),
    (
        "Test Costco",
        "Test Olive Oil",
        "23.99",
        Some(DemoText::NoteEndCap),
        2,
        "bob",
    ),
    (
        "Test Costco",
        "Test Quinoa",
        "18.99",
        Some(DemoText::NoteOrganicSection),
        1,
        "carol",
    ),
    (
        "Test Costco",
        "Kirkland Paper Towels 12-pack",
        "19.99",
        Some(DemoText::NoteHousehold),
        5,
        "alice",
    ),
    (
        "Test Costco",
        "Kirkland Paper Towels 12-pack",
        "21.49",
        Some(DemoText::NoteRegularPrice),
        5,
        "test",
    ),
    (
        "Test Costco",
        "Rotisserie Chicken",
        "4.99",
        Some(DemoText::NoteDeli),
        1,
        "bob",
    ),
    (
        "Test Costco",
        "Kirkland Almond Butter",
        "9.99",
        None,
        3,
        "emily",
    ),
    (
        "Test Costco",
        "Kirkland Almond Butter",
        "10.49",
        Some(DemoText::NoteClearance),
        3,
        "alice",
    ),
    (
        "Test Costco",
        "Organic Frozen Berry Mix",
        "12.99",
        None,
        7,
        "carol",
    ),
    (
        "Test Costco",
        "Charmin Ultra Soft 24-pack",
        "22.99",
        None,
        7,
        "frank",
    ),
    (
        "Test Costco",
        "Kirkland Colombian Coffee",
        "14.99",
        None,
        7,
        "test",
    ),
    ("Test Sam's Club", "Test Detergent", "16.98", None, 0, "bob"),
    (
        "Test Sam's Club",
        "Test Detergent",
        "15.98",
        Some(DemoText::NoteOnSale),
        0,
        "carol",
    ),
    (
        "Test Sam's Club",
        "Tide Pods 81-count",
        "18.98",
        None,
        2,
        "alice",
    ),
    (
        "Test Sam's Club",
        "93/7 Ground Beef 3lbs",
        "16.48",
        None,
        2,
        "bob",
    ),
    (
        "Test Sam's Club",
        "93/7 Ground Beef 3lbs",
        "17.98",
        Some(DemoText::NoteHigherToday),
        2,
        "test",
    ),
    (
        "Test Sam's Club",
        "Organic Bananas 3lbs",
        "4.98",
        None,
        5,
        "emily",
    ),
    (
        "Test Sam's Club",
        "String Cheese 48-pack",
        "8.98",
        None,
        5,
        "frank",
    ),
];

/// The ids of the demo stores and products, by name.
pub struct Catalogue {
    pub stores: HashMap<&'static str, Uuid>,
    pub products: HashMap<&'static str, Uuid>,
}

pub async fn ensure(
    db: &PgPool,
    cache: &Cache,
    people: &HashMap<&str, Account>,
    language: Language,
) -> Result<Catalogue, AppError> {
    // The site admin adds the shared catalogue, so every demo user but `test` sees it read-only
    // apart from recording prices.
    let curator = &people["test"];
    let everything = PageRequest::new(None, 100);

    let existing_stores = stores::list(db, cache, everything).await?.items;
    let mut store_ids = HashMap::new();
    for (name, address, hours, notes) in STORES {
        let id = match existing_stores.iter().find(|store| store.name == name) {
            Some(store) => store.id,
            None => {
                let notes = notes.map(|notes| notes.text(language)).unwrap_or_default();
                let fields = StoreFields::parse(
                    name,
                    &address.text(language),
                    &hours.text(language),
                    &notes,
                )?;
                stores::create(db, cache, curator.id, &fields).await?
            }
        };
        store_ids.insert(name, id);
    }

    let existing_products = products::list(db, everything).await?.items;
    let mut product_ids = HashMap::new();
    for (name, brand, unit) in PRODUCTS {
        let id = match existing_products
            .iter()
            .find(|product| product.name == name)
        {
            Some(product) => product.id,
            None => {
                let fields = ProductFields::parse(name, brand, unit)?;
                products::create(db, curator.id, &fields, FamilyPlace::Alone).await?
            }
        };
        product_ids.insert(name, id);
    }
    for (family, unit, variants) in FAMILIES {
        let find = |name: &str| {
            existing_products
                .iter()
                .find(|product| product.name == name)
                .map(|product| product.id)
        };
        let family_id = match find(family) {
            Some(id) => id,
            None => {
                let fields = ProductFields::parse(family, "", unit)?;
                products::create(db, curator.id, &fields, FamilyPlace::Family).await?
            }
        };
        for (name, brand) in variants {
            if find(name).is_none() {
                let fields = ProductFields::parse(name, brand, unit)?;
                let place = FamilyPlace::Variant(ProductId(family_id));
                products::create(db, curator.id, &fields, place).await?;
            }
        }
    }

    let currency = CurrencyCode::parse("EUR")?;
    // What each product's history already holds, so a second run records nothing twice.
    let mut seen: HashMap<Uuid, Vec<(Uuid, i64, String)>> = HashMap::new();
    for &product_id in product_ids.values() {
        let history = products::detail(db, curator, product_id, &currency, everything)
            .await?
            .history;
        let points = history
            .items
            .into_iter()
            .map(|point| (point.store_id, point.amount_minor, point.note))
            .collect();
        seen.insert(product_id, points);
    }
    for (index, (store, product, price, note, days_ago, who)) in PRICES.into_iter().enumerate() {
        let product_id = product_ids[product];
        let store_id = store_ids[store];
        let amount_minor = parse_amount(price, currency.as_str())?;
        let translations = note.map(DemoText::in_every_language).unwrap_or_default();
        let same_note = |seen: &String| match note {
            None => seen.is_empty(),
            Some(_) => translations.contains(seen),
        };
        let already = seen[&product_id]
            .iter()
            .any(|(s, amount, n)| *s == store_id && *amount == amount_minor && same_note(n));
        if already {
            continue;
        }
        // Minutes apart keep the listed order within a day, so the newest is the current price.
        let observed_at = Utc::now() - Duration::days(days_ago) - Duration::hours(1)
            + Duration::minutes(index as i64);
        let note = note.map(|note| note.text(language)).unwrap_or_default();
        let observation = prices::Observation {
            product_id,
            store_id,
            amount_minor,
            currency: &currency,
            note: &note,
            pack_size: None,
        };
        prices::record_at(db, cache, people[who].id, observation, Some(observed_at)).await?;
    }
    for (store, product, size, whole_units) in PACKS {
        let rule = PackRule::parse(size, "", whole_units)?;
        // Said once; someone may have changed it since, and the seed does not undo that.
        let known = products::detail(db, curator, product_ids[product], &currency, everything)
            .await?
            .packs
            .iter()
            .any(|pack| pack.store_id == store_ids[store]);
        if !known {
            packs::set(
                db,
                curator.id,
                store_ids[store],
                product_ids[product],
                Some(&rule),
            )
            .await?;
        }
    }
    Ok(Catalogue {
        stores: store_ids,
        products: product_ids,
    })
}
