//! The versioned JSON API at `/api/v1` for the mobile app, scripts and home automation: the same
//! services as the pages (no rule twice), its own contract. Callers authenticate with personal
//! access tokens (`caller`); mutating calls are safe to retry with an `Idempotency-Key`
//! (`idempotency`); every refusal has one body shape (`crate::problem`); lists page by cursor
//! (`paging`). The OpenAPI document is generated from these handlers and types (`docs`).

pub mod caller;
mod catalogue;
mod distribution;
mod docs;
pub mod error;
mod events;
mod groups;
pub mod idempotency;
mod me;
mod notifications;
mod paging;
mod prices;
mod run_moves;
mod runs;
mod shopping;

use app::server::AppContext;
use axum::Router;
use axum::extract::FromRef;
use axum::middleware::{from_fn, from_fn_with_state};
use http::{HeaderName, HeaderValue, Method, header};
use tower_http::cors::{AllowOrigin, CorsLayer};
use utoipa::openapi::OpenApi as Document;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::middleware::rate_limit::RateLimits;
use crate::problem::{Problem, ProblemDetails, StableCode};
use crate::realtime::stream::LiveState;
use crate::rest::caller::AuthState;

pub const PREFIX: &str = "/api/v1";

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Bulq API",
        version = "1",
        description = "Bulk buying with friends: groups, runs, bids, shopping and sharing out. \
                       Version 1 is frozen: fields and calls may be added, never changed or removed."
    ),
    modifiers(&BearerToken),
    components(schemas(Problem, ProblemDetails, StableCode)),
    tags(
        (name = "account", description = "Whose token this is"),
        (name = "groups", description = "The caller's groups and their members"),
        (name = "runs", description = "Runs, as the run state machine allows"),
        (name = "bids", description = "Bidding and readiness"),
        (name = "shopping", description = "In the store: the list and what was bought"),
        (name = "distribution", description = "Who gets what, what each owes, pick-ups"),
        (name = "catalogue", description = "Stores, products and search"),
        (name = "notifications", description = "News for the caller"),
    )
)]
struct ApiDoc;

struct BearerToken;

impl Modify for BearerToken {
    fn modify(&self, document: &mut Document) {
        let components = document.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some(
                        "A personal access token made in the profile (`bulq_pat_…`).",
                    ))
                    .build(),
            ),
        );
    }
}

/// What the calls need: the services, and the live-event hub for event streams.
#[derive(Clone)]
pub struct RestState {
    pub ctx: AppContext,
    pub live: LiveState,
}

impl FromRef<RestState> for AppContext {
    fn from_ref(state: &RestState) -> Self {
        state.ctx.clone()
    }
}

impl FromRef<RestState> for LiveState {
    fn from_ref(state: &RestState) -> Self {
        state.live.clone()
    }
}

/// The API's calls and their document, before the layers.
fn calls() -> (Router<RestState>, Document) {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(me::me))
        .routes(routes!(me::set_display_name))
        .routes(routes!(me::set_language))
        .routes(routes!(me::set_time_zone))
        .routes(routes!(groups::list))
        .routes(routes!(groups::detail))
        .routes(routes!(groups::members))
        .routes(routes!(groups::runs, run_moves::create))
        .routes(routes!(groups::invite))
        .routes(routes!(groups::join))
        .routes(routes!(catalogue::stores, catalogue::add_store))
        .routes(routes!(catalogue::products, catalogue::add_product))
        .routes(routes!(prices::product))
        .routes(routes!(prices::history, prices::record))
        .routes(routes!(catalogue::find))
        .routes(routes!(runs::show))
        .routes(routes!(runs::place_bid, runs::retract_bid))
        .routes(routes!(runs::set_ready))
        .routes(routes!(run_moves::confirm))
        .routes(routes!(run_moves::reopen))
        .routes(routes!(run_moves::cancel))
        .routes(routes!(run_moves::start_shopping))
        .routes(routes!(shopping::list))
        .routes(routes!(shopping::record, shopping::unrecord))
        .routes(routes!(run_moves::complete_shopping))
        .routes(routes!(run_moves::finish_adjusting))
        .routes(routes!(distribution::shares))
        .routes(routes!(distribution::pick_up))
        .routes(routes!(run_moves::complete))
        .routes(routes!(events::run))
        .routes(routes!(events::mine))
        .routes(routes!(notifications::list))
        .routes(routes!(notifications::mark_read))
        .routes(routes!(notifications::mark_all_read))
        .split_for_parts()
}

/// The OpenAPI document as served.
pub fn document() -> Document {
    let mut document = calls().1;
    document.servers = Some(vec![utoipa::openapi::Server::new(PREFIX)]);
    document
}

/// Browsers may call the API only from the configured origins; no cookies are ever involved.
fn cors(allowed_origins: &[String]) -> CorsLayer {
    let origins: Vec<HeaderValue> = allowed_origins
        .iter()
        .filter_map(|origin| HeaderValue::from_str(origin).ok())
        .collect();
    CorsLayer::new()
        .allow_origin(AllowOrigin::list(origins))
        .allow_methods([Method::GET, Method::POST, Method::PUT, Method::DELETE])
        .allow_headers([
            header::AUTHORIZATION,
            header::CONTENT_TYPE,
            header::IF_NONE_MATCH,
            HeaderName::from_static(idempotency::HEADER),
        ])
        .expose_headers([
            header::ETAG,
            header::RETRY_AFTER,
            HeaderName::from_static("x-request-id"),
            HeaderName::from_static("idempotent-replayed"),
        ])
        .allow_credentials(false)
        .max_age(std::time::Duration::from_secs(3600))
}

/// `/api/v1`: the calls behind token authentication, the document and its reference page.
pub fn router(live: LiveState, limits: RateLimits, allowed_origins: &[String]) -> Router {
    let ctx = live.ctx.clone();
    let (calls, _) = calls();
    let auth = AuthState {
        ctx: ctx.clone(),
        limits,
    };
    // Route layers: an unknown address or method is answered before any token is asked for.
    let calls = calls
        .route_layer(from_fn(error::render))
        .route_layer(from_fn_with_state(ctx.clone(), idempotency::keep_answers))
        .route_layer(from_fn_with_state(auth, caller::authenticate))
        .fallback(error::no_such_call)
        .method_not_allowed_fallback(error::no_such_method)
        .with_state(RestState { ctx, live });
    Router::new()
        .nest(PREFIX, calls)
        .merge(docs::router())
        .layer(cors(allowed_origins))
}
