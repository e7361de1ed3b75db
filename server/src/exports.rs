//! `GET /runs/{id}/export.csv` and `/runs/{id}/export.json`: the run's downloads, served as
//! files (`Content-Disposition: attachment`). The service decides who may have them; a refusal
//! is the error's status with its message as plain text. `GET /groups/{id}/money/ledger.csv` is a
//! group's ledger for its members; `GET /profile/data.json` is the person's own data.

use app::domain::language::Language;
use app::error::AppError;
use app::i18n::error_text;
use app::server::AppContext;
use app::server::runs::exports::{self, Download};
use app::server::sessions::Viewer;
use axum::Extension;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use http::{StatusCode, header};
use uuid::Uuid;

fn refusal(error: &AppError) -> Response {
    let status =
        StatusCode::from_u16(error.code.http_status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    (status, error_text(Language::default(), error.code)).into_response()
}

fn send(download: Download) -> Response {
    let disposition = format!("attachment; filename=\"{}\"", download.filename);
    (
        [
            (header::CONTENT_TYPE, download.content_type.to_owned()),
            (header::CONTENT_DISPOSITION, disposition),
            (header::CACHE_CONTROL, "private, no-store".to_owned()),
        ],
        download.body,
    )
        .into_response()
}

async fn serve(
    ctx: &AppContext,
    viewer: Option<Extension<Viewer>>,
    id: &str,
    json: bool,
) -> Response {
    let Some(Extension(Viewer(account))) = viewer else {
        return refusal(&app::error::ErrorCode::AuthRequired.into());
    };
    let Ok(run_id) = Uuid::parse_str(id) else {
        return refusal(&app::error::ErrorCode::RunNotFound.into());
    };
    let result = if json {
        exports::json(&ctx.db, account.id, run_id).await
    } else {
        let language = account.view().language.unwrap_or_default();
        exports::csv(&ctx.db, account.id, run_id, language).await
    };
    match result {
        Ok(download) => send(download),
        Err(error) => refusal(&error),
    }
}

pub async fn csv(
    State(ctx): State<AppContext>,
    viewer: Option<Extension<Viewer>>,
    Path(id): Path<String>,
) -> Response {
    serve(&ctx, viewer, &id, false).await
}

pub async fn json(
    State(ctx): State<AppContext>,
    viewer: Option<Extension<Viewer>>,
    Path(id): Path<String>,
) -> Response {
    serve(&ctx, viewer, &id, true).await
}

/// `GET /groups/{id}/money/ledger.csv`: the group's money, for a member of the group.
pub async fn ledger(
    State(ctx): State<AppContext>,
    viewer: Option<Extension<Viewer>>,
    Path(id): Path<String>,
) -> Response {
    let Some(Extension(Viewer(account))) = viewer else {
        return refusal(&app::error::ErrorCode::AuthRequired.into());
    };
    let Ok(group_id) = Uuid::parse_str(&id) else {
        return refusal(&app::error::ErrorCode::GroupNotFound.into());
    };
    let language = account.view().language.unwrap_or_default();
    match app::server::money::ledger_csv::csv(&ctx.db, account.id, group_id, language).await {
        Ok(download) => send(download),
        Err(error) => refusal(&error),
    }
}

/// `GET /profile/data.json`: everything Bulq keeps about the logged-in person.
pub async fn my_data(State(ctx): State<AppContext>, viewer: Option<Extension<Viewer>>) -> Response {
    let Some(Extension(Viewer(account))) = viewer else {
        return refusal(&app::error::ErrorCode::AuthRequired.into());
    };
    match app::server::account_data::export(&ctx.db, account.id).await {
        Ok(body) => send(Download {
            filename: format!("bulq-{}.json", account.username),
            content_type: "application/json",
            body,
        }),
        Err(error) => refusal(&error),
    }
}
