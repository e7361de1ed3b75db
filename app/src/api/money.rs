//! Money server functions: a group's balances and transfers, who paid the store for a run, and
//! repayments recorded, confirmed or withdrawn. Each is who → valid input → one service call.

use leptos::prelude::*;
use uuid::Uuid;

use crate::domain::payment_details::PaymentDetails;
use crate::error::AppError;
use crate::model::{GroupMoney, MemberStatement, OwnTransfer, RunPayers};

#[cfg(feature = "ssr")]
use crate::{
    domain::{
        extra_costs::{CostSplit, parse_label},
        ids::UserId,
        money::parse_amount,
    },
    error::ErrorCode,
    server::{
        money::{
            balances,
            extra_costs::{self, NewExtraCost},
            payers, payment_details,
            settlements::{self, Repayment},
        },
        request,
    },
};

#[server(prefix = "/api", endpoint = "money/group")]
pub async fn get_group_money(group_id: Uuid) -> Result<GroupMoney, AppError> {
    let ctx = request::app_context()?;
    let viewer = request::require_viewer()?;
    balances::of_group(&ctx.db, viewer.id, group_id).await
}

/// One member's statement in a group, for a member of the group.
#[server(prefix = "/api", endpoint = "money/statement")]
pub async fn get_member_statement(
    group_id: Uuid,
    member_id: Uuid,
) -> Result<MemberStatement, AppError> {
    let ctx = request::app_context()?;
    let viewer = request::require_viewer()?;
    balances::statement(&ctx.db, viewer.id, group_id, member_id).await
}

/// The viewer's own transfers across their groups, for the start page.
#[server(prefix = "/api", endpoint = "money/mine")]
pub async fn my_money() -> Result<Vec<OwnTransfer>, AppError> {
    let ctx = request::app_context()?;
    let viewer = request::require_viewer()?;
    balances::of_viewer(&ctx.db, viewer.id).await
}

#[server(prefix = "/api", endpoint = "money/run-payers")]
pub async fn get_run_payers(run_id: Uuid) -> Result<RunPayers, AppError> {
    let ctx = request::app_context()?;
    let viewer = request::require_viewer()?;
    payers::of_run(&ctx.db, viewer.id, run_id).await
}

/// Who paid the store: `payer[i]` paid `amount[i]` (empty: nothing), in the group's `currency`.
#[server(prefix = "/api", endpoint = "money/set-payers")]
pub async fn set_run_payers(
    run_id: Uuid,
    currency: String,
    #[server(default)] payer: Vec<String>,
    #[server(default)] amount: Vec<String>,
) -> Result<(), AppError> {
    let ctx = request::app_context()?;
    let viewer = request::require_viewer()?;
    if payer.len() != amount.len() {
        return Err(ErrorCode::InvalidInput.into());
    }
    let mut paid = Vec::new();
    for (who, amount) in payer.iter().zip(&amount) {
        if amount.trim().is_empty() {
            continue;
        }
        let who: UserId = who.parse().map_err(|_| ErrorCode::InvalidInput)?;
        let amount = parse_amount(amount, &currency)?;
        if amount > 0 {
            paid.push((who, amount));
        }
    }
    let origin = request::origin();
    payers::set(&ctx.db, &viewer, run_id, &currency, &paid, &origin).await
}

/// A cost the run shares besides the goods: what, how much, who paid it and how it is split.
#[server(prefix = "/api", endpoint = "money/add-cost")]
pub async fn add_extra_cost(
    run_id: Uuid,
    currency: String,
    label: String,
    amount: String,
    paid_by: Uuid,
    split: String,
) -> Result<(), AppError> {
    let ctx = request::app_context()?;
    let viewer = request::require_viewer()?;
    let label = parse_label(&label)?;
    let amount_minor = parse_amount(&amount, &currency)?;
    let split: CostSplit = split.parse().map_err(|_| ErrorCode::InvalidInput)?;
    let cost = NewExtraCost {
        run_id,
        label: &label,
        amount_minor,
        currency: &currency,
        split,
        paid_by: UserId(paid_by),
    };
    extra_costs::add(&ctx.db, viewer.id, &cost).await?;
    Ok(())
}

#[server(prefix = "/api", endpoint = "money/remove-cost")]
pub async fn remove_extra_cost(run_id: Uuid, cost_id: Uuid) -> Result<(), AppError> {
    let ctx = request::app_context()?;
    let viewer = request::require_viewer()?;
    extra_costs::remove(&ctx.db, viewer.id, run_id, cost_id).await
}

/// "I paid Alice" (by the payer) or "Bob paid me" (by the receiver).
#[server(prefix = "/api", endpoint = "money/repay")]
pub async fn record_repayment(
    group_id: Uuid,
    from: Uuid,
    to: Uuid,
    currency: String,
    amount: String,
) -> Result<(), AppError> {
    let ctx = request::app_context()?;
    let viewer = request::require_viewer()?;
    let amount_minor = parse_amount(&amount, &currency)?;
    let repayment = Repayment {
        group_id,
        from: UserId(from),
        to: UserId(to),
        amount_minor,
        currency: &currency,
    };
    settlements::record(&ctx.db, &viewer, &repayment).await?;
    Ok(())
}

#[server(prefix = "/api", endpoint = "money/confirm")]
pub async fn confirm_repayment(settlement_id: Uuid) -> Result<(), AppError> {
    let ctx = request::app_context()?;
    let viewer = request::require_viewer()?;
    settlements::confirm(&ctx.db, &viewer, settlement_id).await
}

#[server(prefix = "/api", endpoint = "money/withdraw")]
pub async fn withdraw_repayment(settlement_id: Uuid) -> Result<(), AppError> {
    let ctx = request::app_context()?;
    let viewer = request::require_viewer()?;
    settlements::withdraw(&ctx.db, &viewer, settlement_id).await
}

/// The viewer's own payment details, for their profile.
#[server(prefix = "/api", endpoint = "money/my-details")]
pub async fn my_payment_details() -> Result<PaymentDetails, AppError> {
    let ctx = request::app_context()?;
    let viewer = request::require_viewer()?;
    payment_details::of_viewer(&ctx.db, viewer.id).await
}

/// How the viewer likes to be paid back (all empty: not said).
#[server(prefix = "/api", endpoint = "money/save-details")]
pub async fn save_payment_details(
    #[server(default)] iban: String,
    #[server(default)] name: String,
    #[server(default)] note: String,
) -> Result<(), AppError> {
    let ctx = request::app_context()?;
    let viewer = request::require_viewer()?;
    let details = PaymentDetails::parse(&iban, &name, &note)?;
    payment_details::set(&ctx.db, viewer.id, &details).await
}
