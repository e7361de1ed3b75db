//! The API's document, `/api/v1/openapi.json`, and its reference page for people,
//! `/api/v1/docs`: Swagger UI, bundled into the binary (nothing is loaded from elsewhere).

use std::sync::{Arc, LazyLock};

use axum::Router;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use utoipa_swagger_ui::{Config, SwaggerUi};

/// Swagger UI sets inline styles and draws icons from `data:` URLs; nothing else is relaxed.
const DOCS_CSP: &str = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; \
     object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

static DOCUMENT: LazyLock<Arc<String>> =
    LazyLock::new(|| Arc::new(super::document().to_pretty_json().unwrap_or_default()));

async fn document() -> Response {
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        DOCUMENT.as_str().to_owned(),
    )
        .into_response()
}

pub fn router() -> Router {
    let config = Config::new(["/api/v1/openapi.json"]).try_it_out_enabled(true);
    let viewer: Router = SwaggerUi::new("/api/v1/docs").config(config).into();
    Router::new()
        .route("/api/v1/openapi.json", get(document))
        .merge(
            viewer.layer(tower_http::set_header::SetResponseHeaderLayer::overriding(
                header::CONTENT_SECURITY_POLICY,
                HeaderValue::from_static(DOCS_CSP),
            )),
        )
}
