//! Run server functions: opening a run, reading runs, bidding, readiness and the leader's moves.
//! Each is who → valid input → one service call; the service asks the state machine.

use leptos::prelude::*;
use uuid::Uuid;

use crate::domain::paging::Page;
use crate::error::AppError;
use crate::model::{BidOutcome, RunDetail, RunSummary};

#[cfg(feature = "ssr")]
use crate::{
    domain::{
        catalogue::ProductFields,
        paging::PageRequest,
        quantity::Quantity,
        run::{BidAmount, parse_note, parse_planned_on},
    },
    error::ErrorCode,
    server::request,
    server::runs::{self, bids, detail, leadership},
};

pub const RUNS_PER_PAGE: u32 = 20;
pub const DASHBOARD_RUNS: u32 = 20;
pub const PRODUCT_RUNS: i64 = 10;

#[server(prefix = "/api", endpoint = "runs/create")]
pub async fn create_run(
    group_id: Uuid,
    store_id: Uuid,
    planned_on: String,
    comment: String,
) -> Result<(), AppError> {
    let ctx = request::app_context()?;
    let viewer = request::require_viewer()?;
    let new = runs::NewRun {
        group_id,
        store_id,
        comment: parse_note(&comment)?,
        planned_on: parse_planned_on(&planned_on)?,
    };
    let run_id = runs::create(&ctx.db, viewer.id, &new).await?;
    leptos_axum::redirect(&format!("/runs/{run_id}"));
    Ok(())
}

/// The leader changes the run's comment and shopping day (empty: none).
#[server(prefix = "/api", endpoint = "runs/edit")]
pub async fn edit_run(
    run_id: Uuid,
    #[server(default)] planned_on: String,
    #[server(default)] comment: String,
    #[server(default)] pack_fairness: String,
) -> Result<(), AppError> {
    let ctx = request::app_context()?;
    let viewer = request::require_viewer()?;
    let edit = runs::RunEdit {
        comment: parse_note(&comment)?,
        planned_on: parse_planned_on(&planned_on)?,
        pack_fairness: match pack_fairness.as_str() {
            "" => None,
            name => Some(name.parse().map_err(|_| ErrorCode::InvalidInput)?),
        },
    };
    runs::edit_details(&ctx.db, viewer.id, run_id, &edit).await
}

#[server(prefix = "/api", endpoint = "runs/of-group")]
pub async fn list_group_runs(
    group_id: Uuid,
    page: Option<u32>,
) -> Result<Page<RunSummary>, AppError> {
    let ctx = request::app_context()?;
    let viewer = request::require_viewer()?;
    let page = PageRequest::new(page, RUNS_PER_PAGE);
    runs::list_for_group(&ctx.db, viewer.id, group_id, page).await
}

/// The runs that have not ended in all of the viewer's groups.
#[server(prefix = "/api", endpoint = "runs/open")]
pub async fn open_runs(page: Option<u32>) -> Result<Page<RunSummary>, AppError> {
    let ctx = request::app_context()?;
    let viewer = request::require_viewer()?;
    runs::open_runs_of(&ctx.db, viewer.id, PageRequest::new(page, DASHBOARD_RUNS)).await
}

/// The runs in the viewer's groups that a product is part of (its product page).
#[server(prefix = "/api", endpoint = "runs/with-product")]
pub async fn runs_with_product(product_id: Uuid) -> Result<Vec<RunSummary>, AppError> {
    let ctx = request::app_context()?;
    let viewer = request::require_viewer()?;
    runs::runs_with_product(&ctx.db, viewer.id, product_id, PRODUCT_RUNS).await
}

#[server(prefix = "/api", endpoint = "runs/get")]
pub async fn get_run(run_id: Uuid) -> Result<RunDetail, AppError> {
    let ctx = request::app_context()?;
    let viewer = request::require_viewer()?;
    detail::detail_cached(&ctx.db, &ctx.runs, viewer.id, run_id).await
}

/// `interested_only` is a checkbox: present ("on") when ticked. `retract` is the bid form's
/// second button: present when the bidder takes the bid back, and then the rest is not read.
#[server(prefix = "/api", endpoint = "runs/bid")]
pub async fn place_bid(
    run_id: Uuid,
    product_id: Uuid,
    #[server(default)] quantity: String,
    #[server(default)] interested_only: Option<String>,
    #[server(default)] tolerance: String,
    #[server(default)] comment: String,
    #[server(default)] retract: Option<String>,
) -> Result<BidOutcome, AppError> {
    let ctx = request::app_context()?;
    let viewer = request::require_viewer()?;
    if retract.is_some() {
        return bids::retract(&ctx.db, viewer.id, run_id, product_id).await;
    }
    let amount = BidAmount::parse(&quantity, &tolerance, interested_only.is_some())?;
    let comment = parse_note(&comment)?;
    bids::place(&ctx.db, viewer.id, run_id, product_id, amount, &comment).await
}

/// "Take the rest": raise the viewer's bid to exactly complete the open pack they saw
/// (`seen_open`, thousandths in the open pack).
#[server(prefix = "/api", endpoint = "runs/take-rest")]
pub async fn take_rest(
    run_id: Uuid,
    product_id: Uuid,
    seen_open: i64,
) -> Result<BidOutcome, AppError> {
    let ctx = request::app_context()?;
    let viewer = request::require_viewer()?;
    let seen_open = Quantity::from_thousandths(seen_open);
    bids::take_rest(&ctx.db, viewer.id, run_id, product_id, seen_open).await
}

#[server(prefix = "/api", endpoint = "runs/retract")]
pub async fn retract_bid(run_id: Uuid, product_id: Uuid) -> Result<BidOutcome, AppError> {
    let ctx = request::app_context()?;
    let viewer = request::require_viewer()?;
    bids::retract(&ctx.db, viewer.id, run_id, product_id).await
}

#[server(prefix = "/api", endpoint = "runs/ready")]
pub async fn set_ready(run_id: Uuid, ready: bool) -> Result<(), AppError> {
    let ctx = request::app_context()?;
    let viewer = request::require_viewer()?;
    runs::set_ready(&ctx.db, viewer.id, run_id, ready).await
}

#[server(prefix = "/api", endpoint = "runs/confirm")]
pub async fn confirm_run(
    run_id: Uuid,
    #[server(default)] round_up: Vec<String>,
) -> Result<(), AppError> {
    let ctx = request::app_context()?;
    let viewer = request::require_viewer()?;
    // "Round down" answers with an empty value.
    let round_up = round_up
        .iter()
        .filter(|id| !id.is_empty())
        .map(|id| Uuid::parse_str(id).map_err(|_| ErrorCode::InvalidInput))
        .collect::<Result<Vec<Uuid>, _>>()?;
    runs::confirm(&ctx.db, viewer.id, run_id, &round_up)
        .await
        .map(drop)
}

#[server(prefix = "/api", endpoint = "runs/reopen")]
pub async fn reopen_run(run_id: Uuid) -> Result<(), AppError> {
    let ctx = request::app_context()?;
    let viewer = request::require_viewer()?;
    runs::reopen(&ctx.db, viewer.id, run_id).await.map(drop)
}

#[server(prefix = "/api", endpoint = "runs/cancel")]
pub async fn cancel_run(run_id: Uuid, #[server(default)] reason: String) -> Result<(), AppError> {
    let ctx = request::app_context()?;
    let viewer = request::require_viewer()?;
    let reason = parse_note(&reason)?;
    runs::cancel(&ctx.db, viewer.id, run_id, &reason, &request::origin())
        .await
        .map(drop)
}

#[server(prefix = "/api", endpoint = "runs/helper")]
pub async fn set_helper(run_id: Uuid, user_id: Uuid, helper: bool) -> Result<(), AppError> {
    let ctx = request::app_context()?;
    let viewer = request::require_viewer()?;
    leadership::set_helper(&ctx.db, viewer.id, run_id, user_id, helper).await
}

#[server(prefix = "/api", endpoint = "runs/transfer")]
pub async fn request_transfer(run_id: Uuid, to_user_id: Uuid) -> Result<(), AppError> {
    let ctx = request::app_context()?;
    let viewer = request::require_viewer()?;
    leadership::request_transfer(&ctx.db, viewer.id, run_id, to_user_id)
        .await
        .map(drop)
}

#[server(prefix = "/api", endpoint = "runs/transfer-answer")]
pub async fn answer_transfer(request_id: Uuid, accept: bool) -> Result<(), AppError> {
    let ctx = request::app_context()?;
    let viewer = request::require_viewer()?;
    leadership::answer_transfer(&ctx.db, viewer.id, request_id, accept).await
}

#[server(prefix = "/api", endpoint = "runs/transfer-withdraw")]
pub async fn withdraw_transfer(request_id: Uuid) -> Result<(), AppError> {
    let ctx = request::app_context()?;
    let viewer = request::require_viewer()?;
    leadership::withdraw_transfer(&ctx.db, viewer.id, request_id).await
}

/// A product not in the catalogue yet: added, and bid on, in one go.
#[server(prefix = "/api", endpoint = "runs/bid-new-product")]
pub async fn place_bid_on_new_product(
    run_id: Uuid,
    name: String,
    #[server(default)] brand: String,
    #[server(default)] unit: String,
    #[server(default)] quantity: String,
    #[server(default)] interested_only: Option<String>,
) -> Result<BidOutcome, AppError> {
    let ctx = request::app_context()?;
    let viewer = request::require_viewer()?;
    let product = ProductFields::parse(&name, &brand, &unit)?;
    // A product new to the catalogue is sold loose until someone says otherwise: no tolerance.
    let amount = BidAmount::parse(&quantity, "", interested_only.is_some())?;
    bids::place_on_new_product(&ctx.db, viewer.id, run_id, &product, amount).await
}
