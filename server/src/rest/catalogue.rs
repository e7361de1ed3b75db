//! The shared catalogue: stores and products (listed and added), and the search across them and
//! the caller's groups.

use app::domain::catalogue::{FamilyPlace, ProductFields, StoreFields};
use app::domain::search::SearchQuery;
use app::model::SearchHit;
use app::server::{AppContext, products, search, stores};
use axum::Json;
use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::extract::{Query, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::rest::caller::Caller;
use crate::rest::error::{ApiResult, Refusals};
use crate::rest::idempotency::IdempotencyKey;
use crate::rest::paging::{ListQuery, Paged};

#[derive(Serialize, ToSchema)]
pub struct Store {
    pub id: Uuid,
    pub name: String,
    pub address: String,
}

#[derive(Serialize, ToSchema)]
pub struct Product {
    pub id: Uuid,
    pub name: String,
    pub brand: String,
    pub unit: String,
    /// A family ("any rice"): bid on like a product, bought as one of its variants.
    pub is_family: bool,
}

/// The stores, by name.
#[utoipa::path(get, path = "/stores", tag = "catalogue", security(("bearer" = [])), params(ListQuery),
    responses((status = 200, body = Paged<Store>), Refusals))]
pub async fn stores(
    State(ctx): State<AppContext>,
    _caller: Caller,
    query: Result<Query<ListQuery>, QueryRejection>,
) -> ApiResult<Json<Paged<Store>>> {
    let page = query?.page()?;
    let list = stores::list(&ctx.db, &ctx.cache, page).await?;
    Ok(Json(Paged::from_page(list, |store| Store {
        id: store.id,
        name: store.name,
        address: store.address,
    })))
}

/// The products, by name.
#[utoipa::path(get, path = "/products", tag = "catalogue", security(("bearer" = [])), params(ListQuery),
    responses((status = 200, body = Paged<Product>), Refusals))]
pub async fn products(
    State(ctx): State<AppContext>,
    _caller: Caller,
    query: Result<Query<ListQuery>, QueryRejection>,
) -> ApiResult<Json<Paged<Product>>> {
    let page = query?.page()?;
    let list = products::list(&ctx.db, page).await?;
    Ok(Json(Paged::from_page(list, |product| Product {
        id: product.id,
        name: product.name,
        brand: product.brand,
        unit: product.unit,
        is_family: product.is_family,
    })))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SearchParams {
    /// What to look for (1–100 characters; case and accents do not matter).
    #[param(min_length = 1, max_length = 100)]
    pub q: String,
    #[param(pattern = "^[A-Za-z0-9_-]*$", max_length = 64)]
    pub cursor: Option<String>,
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<u32>,
}

#[derive(Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum HitKind {
    Group,
    Store,
    Product,
}

/// A product, a store or one of the caller's groups.
#[derive(Serialize, ToSchema)]
pub struct Hit {
    pub kind: HitKind,
    pub id: Uuid,
    pub name: String,
}

/// Products, stores and the caller's groups whose name contains the words.
#[utoipa::path(get, path = "/search", tag = "catalogue", security(("bearer" = [])), params(SearchParams),
    responses((status = 200, body = Paged<Hit>), Refusals))]
pub async fn find(
    State(ctx): State<AppContext>,
    caller: Caller,
    query: Result<Query<SearchParams>, QueryRejection>,
) -> ApiResult<Json<Paged<Hit>>> {
    let Query(params) = query?;
    let page = ListQuery {
        cursor: params.cursor,
        limit: params.limit,
    }
    .page()?;
    let needle = SearchQuery::parse(&params.q)?;
    let hits = search::search(&ctx.db, caller.user_id(), &needle, page).await?;
    Ok(Json(Paged::from_page(hits, |hit| match hit {
        SearchHit::Group { id, name, .. } => Hit {
            kind: HitKind::Group,
            id,
            name,
        },
        SearchHit::Store { id, name, .. } => Hit {
            kind: HitKind::Store,
            id,
            name,
        },
        SearchHit::Product { id, name, .. } => Hit {
            kind: HitKind::Product,
            id,
            name,
        },
    })))
}

#[derive(Serialize, ToSchema)]
pub struct Added {
    pub id: Uuid,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewStore {
    #[schema(min_length = 1, max_length = 200, example = "Costco Belgrade")]
    pub name: String,
    #[schema(max_length = 300)]
    pub address: Option<String>,
    #[schema(max_length = 300)]
    pub opening_hours: Option<String>,
    #[schema(max_length = 1000)]
    pub notes: Option<String>,
}

/// Adds a store to the shared catalogue.
#[utoipa::path(post, path = "/stores", tag = "catalogue", security(("bearer" = [])),
    params(IdempotencyKey),
    request_body = NewStore,
    responses((status = 201, body = Added), Refusals))]
pub async fn add_store(
    State(ctx): State<AppContext>,
    caller: Caller,
    body: Result<Json<NewStore>, JsonRejection>,
) -> ApiResult<(StatusCode, Json<Added>)> {
    let Json(store) = body?;
    let fields = StoreFields::parse(
        &store.name,
        store.address.as_deref().unwrap_or(""),
        store.opening_hours.as_deref().unwrap_or(""),
        store.notes.as_deref().unwrap_or(""),
    )?;
    let id = stores::create(&ctx.db, &ctx.cache, caller.user_id(), &fields).await?;
    Ok((StatusCode::CREATED, Json(Added { id })))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewProduct {
    #[schema(min_length = 1, max_length = 200, example = "Basmati rice")]
    pub name: String,
    #[schema(max_length = 100)]
    pub brand: Option<String>,
    /// What its quantities count: `kg`, `L`, `pack` … (none when absent).
    #[schema(max_length = 20, example = "kg")]
    pub unit: Option<String>,
    /// A family of variants ("any rice").
    #[serde(default)]
    pub is_family: bool,
    /// The family it is a variant of.
    pub family_id: Option<Uuid>,
}

/// Adds a product to the shared catalogue.
#[utoipa::path(post, path = "/products", tag = "catalogue", security(("bearer" = [])),
    params(IdempotencyKey),
    request_body = NewProduct,
    responses((status = 201, body = Added), Refusals))]
pub async fn add_product(
    State(ctx): State<AppContext>,
    caller: Caller,
    body: Result<Json<NewProduct>, JsonRejection>,
) -> ApiResult<(StatusCode, Json<Added>)> {
    let Json(product) = body?;
    let fields = ProductFields::parse(
        &product.name,
        product.brand.as_deref().unwrap_or(""),
        product.unit.as_deref().unwrap_or(""),
    )?;
    let family = product.family_id.map(|id| id.to_string());
    let place = FamilyPlace::parse(product.is_family, family.as_deref())?;
    let id = products::create(&ctx.db, caller.user_id(), &fields, place).await?;
    Ok((StatusCode::CREATED, Json(Added { id })))
}
