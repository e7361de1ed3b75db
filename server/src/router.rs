//! Composes the HTTP application: health checks, static assets, server functions and pages,
//! wrapped in the middleware pipeline (outermost first): request id, tracing, security headers,
//! request metrics, the panic guard, rate limits, CSRF; pages and server functions also get the session and its user;
//! the JSON API (`/api/v1`) has no session: its callers bring a token.

use app::server::AppContext;
use app::{App, shell};
use axum::Router;
use axum::extract::FromRef;
use axum::middleware::{from_fn, from_fn_with_state};
use axum::routing::get;
use fred::prelude::Pool as RedisPool;
use http::HeaderName;
use leptos::prelude::{LeptosOptions, provide_context};
use leptos_axum::{LeptosRoutes, generate_route_list};
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::trace::{DefaultOnResponse, TraceLayer};
use tower_sessions::SessionManagerLayer;
use tower_sessions::service::SignedCookie;
use tower_sessions_redis_store::RedisStore;

use crate::assets::{self, AssetNames};
use crate::exports;
use crate::health::{self, Dependencies};
use crate::metrics::{self, MetricsState};
use crate::middleware::{csrf, panic_guard, rate_limit, security_headers, viewer};
use crate::pwa;
use crate::realtime::stream::{self, LiveState};
use crate::rest;
use crate::server_fns;
use crate::telemetry;
use metrics_exporter_prometheus::PrometheusHandle;

#[derive(Clone)]
pub struct AppState {
    pub leptos: LeptosOptions,
    pub ctx: AppContext,
    pub live: LiveState,
}

impl FromRef<AppState> for LiveState {
    fn from_ref(state: &AppState) -> Self {
        state.live.clone()
    }
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos.clone()
    }
}

impl FromRef<AppState> for AppContext {
    fn from_ref(state: &AppState) -> Self {
        state.ctx.clone()
    }
}

pub struct Parts {
    pub state: AppState,
    pub redis: RedisPool,
    pub sessions: SessionManagerLayer<RedisStore<RedisPool>, SignedCookie>,
    pub rate_limits: rate_limit::RateLimits,
    pub csrf: csrf::CsrfPolicy,
    pub exporter: PrometheusHandle,
    pub draining: tokio::sync::watch::Receiver<bool>,
}

pub fn build(parts: Parts) -> Router {
    let Parts {
        state,
        redis,
        sessions,
        rate_limits,
        csrf,
        exporter,
        draining,
    } = parts;
    let leptos = state.leptos.clone();
    let routes = generate_route_list(App);
    let context = {
        let ctx = state.ctx.clone();
        move || provide_context(ctx.clone())
    };

    let names = AssetNames::load(&leptos.output_name);
    let app = Router::new()
        .merge(pwa::router(names))
        .route("/runs/{id}/export.csv", get(exports::csv))
        .route("/runs/{id}/export.json", get(exports::json))
        .route("/groups/{id}/money/ledger.csv", get(exports::ledger))
        .route("/profile/data.json", get(exports::my_data))
        .route("/events/runs/{id}", get(stream::run_events))
        .route("/events/groups/{id}", get(stream::group_events))
        .route("/events/mine", get(stream::my_events))
        .leptos_routes_with_context(&state, routes, context.clone(), {
            let leptos = leptos.clone();
            move || shell(leptos.clone())
        })
        .fallback(leptos_axum::file_and_error_handler_with_context::<
            AppState,
            _,
        >(context, shell))
        .layer(from_fn(server_fns::http_semantics))
        .layer(from_fn_with_state(
            rate_limits.clone(),
            rate_limit::per_person,
        ))
        .layer(from_fn_with_state(state.ctx.clone(), viewer::resolve))
        .layer(sessions)
        .with_state(state.clone());

    let pkg_dir = format!("{}/{}", leptos.site_root, leptos.site_pkg_dir);
    let assets = assets::router(&pkg_dir, names);
    let health = Router::new()
        .route("/healthz", get(health::live))
        .route("/readyz", get(health::ready))
        .with_state(Dependencies {
            db: state.ctx.db.clone(),
            redis,
            draining,
        });

    let metrics = Router::new()
        .route("/metrics", get(metrics::render))
        .with_state(MetricsState {
            db: state.ctx.db.clone(),
            exporter,
        });

    let api = rest::router(
        state.live.clone(),
        rate_limits.clone(),
        &csrf.allowed_origins,
    );

    let request_id = HeaderName::from_static("x-request-id");
    Router::new()
        .merge(health)
        .merge(metrics)
        .merge(assets)
        .merge(api)
        .merge(app)
        .route_layer(from_fn(metrics::http::note_route))
        .layer(from_fn_with_state(csrf, csrf::protect))
        .layer(from_fn_with_state(rate_limits, rate_limit::limit))
        .layer(from_fn(panic_guard::guard))
        .layer(from_fn(metrics::http::record))
        .layer(from_fn(security_headers::apply))
        .layer(PropagateRequestIdLayer::new(request_id.clone()))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(telemetry::request_span)
                .on_response(
                    DefaultOnResponse::new()
                        .level(tracing::Level::INFO)
                        .latency_unit(tower_http::LatencyUnit::Micros),
                ),
        )
        .layer(SetRequestIdLayer::new(request_id, MakeRequestUuid))
}
