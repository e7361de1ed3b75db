//! What the Postgres tests share: people, a group with a store and products, an open run.
#![allow(dead_code)] // each test module uses its own part of it

use app::domain::catalogue::{FamilyPlace, ProductFields, StoreFields};
use app::domain::group::{CurrencyCode, GroupName};
use app::domain::quantity::Quantity;
use app::domain::run::BidAmount;
use app::server::cache::Cache;
use app::server::runs::NewRun;
use app::server::{groups, products, runs, stores};
use sqlx::PgPool;
use uuid::Uuid;

pub async fn user(db: &PgPool, username: &str) -> Uuid {
    // A fixed hash keeps these tests fast; accounts.rs covers real hashing.
    sqlx::query_scalar(
        "INSERT INTO users (username, display_name, password_hash) VALUES ($1, $1, 'x') RETURNING id",
    )
    .bind(username)
    .fetch_one(db)
    .await
    .unwrap()
}

/// A group led by `leader` with `others` as members, a store and `n` products.
pub struct World {
    pub group_id: Uuid,
    pub store_id: Uuid,
    pub products: Vec<Uuid>,
}

pub async fn world(db: &PgPool, leader: Uuid, others: &[Uuid], n: usize) -> World {
    let name = GroupName::parse("Test Friends").unwrap();
    let eur = CurrencyCode::parse("EUR").unwrap();
    let group_id = groups::create(db, leader, &name, &eur).await.unwrap();
    let token: String = sqlx::query_scalar("SELECT invite_token FROM groups WHERE id = $1")
        .bind(group_id)
        .fetch_one(db)
        .await
        .unwrap();
    for member in others {
        groups::join(db, *member, &token).await.unwrap();
    }
    let cache = Cache::disabled();
    let store = StoreFields::parse("Test Costco", "", "", "").unwrap();
    let store_id = stores::create(db, &cache, leader, &store).await.unwrap();
    let mut products = Vec::new();
    for i in 0..n {
        let fields = ProductFields::parse(&format!("Product {i:03}"), "", "kg").unwrap();
        products.push(
            products::create(db, leader, &fields, FamilyPlace::Alone)
                .await
                .unwrap(),
        );
    }
    World {
        group_id,
        store_id,
        products,
    }
}

pub async fn open_run(db: &PgPool, leader: Uuid, world: &World) -> Uuid {
    let new = NewRun {
        group_id: world.group_id,
        store_id: world.store_id,
        comment: String::new(),
        planned_on: None,
    };
    runs::create(db, leader, &new).await.unwrap()
}

pub fn qty(text: &str) -> BidAmount {
    BidAmount::of(Quantity::parse_bid(text).unwrap())
}

pub async fn notifications(db: &PgPool, user_id: Uuid, kind: &str) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM notifications WHERE user_id = $1 AND kind = $2")
        .bind(user_id)
        .bind(kind)
        .fetch_one(db)
        .await
        .unwrap()
}
