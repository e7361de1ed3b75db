//! `/runs/:id`: a run as its group sees it. What the viewer may do comes from the shared state
//! machine (`offered_actions`), never from a check of its own. The leader's and the readiness
//! actions live above the data, so a refetch after them never disposes an action mid-flight;
//! each product card owns its bid actions and asks for a refetch when one succeeded.

mod bidding;
mod card_actions;
mod confirm;
mod costs;
mod leader;
mod leadership;
mod pack_choices;
mod pack_meter;
mod payers;
mod stages;

use std::sync::Arc;

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use uuid::Uuid;

use crate::api::runs::{
    AnswerTransfer, CancelRun, ConfirmRun, EditRun, ReopenRun, RequestTransfer, SetHelper,
    SetReady, WithdrawTransfer, get_run,
};
use crate::api::shopping::{CompleteDistribution, FinishAdjusting, StartShopping};
use crate::components::live::live_refresh;
use crate::components::page_error::PageError;
use crate::components::run_badge::{RunStateBadge, state_description_key};
use crate::components::toast::toast_after;
use crate::domain::adjusting::{Balance, balance};
use crate::domain::run_state::{BidRule, RunAction, RunState, offered_actions};
use crate::error::ErrorCode;
use crate::i18n::{Key, use_i18n};
use crate::model::{RunDetail, RunProduct};
use crate::t;
use crate::tr;

pub use confirm::{RunConfirmation, RunConfirmationPage, done_shopping_question};

use bidding::{AddProduct, BidDrafts, BidMode, ProductCard};
use card_actions::ProductActions;
use costs::{Distribution, EstimatedCosts};
use leader::{LeaderPanel, Participants, ReadyToggle};
use leadership::TransferBanner;
use payers::{OpenMoneyForms, PayersCard};
use stages::StagePanel;

/// The page's actions, made once per page.
#[derive(Clone, Copy)]
pub(crate) struct RunActions {
    pub ready: ServerAction<SetReady>,
    pub confirm: ServerAction<ConfirmRun>,
    pub reopen: ServerAction<ReopenRun>,
    pub cancel: ServerAction<CancelRun>,
    pub edit: ServerAction<EditRun>,
    pub helper: ServerAction<SetHelper>,
    pub transfer: ServerAction<RequestTransfer>,
    pub answer: ServerAction<AnswerTransfer>,
    pub withdraw: ServerAction<WithdrawTransfer>,
    pub start_shopping: ServerAction<StartShopping>,
    pub finish_adjusting: ServerAction<FinishAdjusting>,
    pub complete_distribution: ServerAction<CompleteDistribution>,
    /// Bumped by a product card after its bid went through: the run is loaded again.
    pub refresh: RwSignal<usize>,
    /// The product cards' own actions, kept across the refreshes that rebuild the cards.
    pub products: ProductActions,
}

impl RunActions {
    fn new() -> Self {
        Self {
            ready: ServerAction::new(),
            confirm: ServerAction::new(),
            reopen: ServerAction::new(),
            cancel: ServerAction::new(),
            edit: ServerAction::new(),
            helper: ServerAction::new(),
            transfer: ServerAction::new(),
            answer: ServerAction::new(),
            withdraw: ServerAction::new(),
            start_shopping: ServerAction::new(),
            finish_adjusting: ServerAction::new(),
            complete_distribution: ServerAction::new(),
            refresh: RwSignal::new(0),
            products: ProductActions::new(),
        }
    }

    /// Each move's outcome as a toast; the page shows it too.
    fn toast_outcomes(&self) {
        toast_after(self.ready, Key::ToastSaved);
        toast_after(self.confirm, Key::ToastRunConfirmed);
        toast_after(self.reopen, Key::ToastRunReopened);
        toast_after(self.cancel, Key::ToastRunCancelled);
        toast_after(self.edit, Key::ToastSaved);
        toast_after(self.helper, Key::ToastSaved);
        toast_after(self.finish_adjusting, Key::ToastSharedOut);
        toast_after(self.complete_distribution, Key::ToastRunCompleted);
    }

    fn version(&self) -> usize {
        self.ready.version().get()
            + self.confirm.version().get()
            + self.reopen.version().get()
            + self.cancel.version().get()
            + self.edit.version().get()
            + self.helper.version().get()
            + self.transfer.version().get()
            + self.answer.version().get()
            + self.withdraw.version().get()
            + self.start_shopping.version().get()
            + self.finish_adjusting.version().get()
            + self.complete_distribution.version().get()
            + self.refresh.get()
    }
}

#[component]
pub fn RunPage() -> impl IntoView {
    let params = use_params_map();
    let actions = RunActions::new();
    actions.toast_outcomes();
    let run_id = move || {
        params
            .read()
            .get("id")
            .and_then(|id| Uuid::parse_str(&id).ok())
    };
    if let Some(id) = params.with_untracked(|p| p.get("id")) {
        live_refresh(format!("/events/runs/{id}"), actions.refresh);
    }
    BidDrafts::provide();
    OpenMoneyForms::provide();
    let run = Resource::new(
        move || (run_id(), actions.version()),
        |(run_id, _)| async move {
            match run_id {
                Some(run_id) => get_run(run_id).await,
                None => Err(ErrorCode::RunNotFound.into()),
            }
        },
    );
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                match run.await {
                    Ok(run) => view! { <RunView run actions/> }.into_any(),
                    Err(error) => view! { <PageError error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn RunView(run: RunDetail, actions: RunActions) -> impl IntoView {
    // Shared by the sections below: a run can hold a thousand bids, not worth a copy each.
    let run = Arc::new(run);
    let i18n = use_i18n();
    let offered = offered_actions(run.state, run.viewer_role);
    let may = |action: RunAction| offered.contains(&action);
    let state = run.state;
    let leader_name = run
        .leader()
        .map(|p| p.display_name.clone())
        .unwrap_or_default();
    let helpers: Vec<String> = run
        .participants
        .iter()
        .filter(|p| p.is_helper && !p.removed)
        .map(|p| p.display_name.clone())
        .collect();
    let can_bid = may(RunAction::PlaceBid);
    let mode = match (can_bid, state.bid_rule()) {
        (false, _) => BidMode::None,
        (true, BidRule::Free) => BidMode::Free,
        (true, BidRule::Rebalance) => BidMode::Rebalance,
    };
    let product_count = run.products.len().to_string();
    let mut ordered: Vec<usize> = (0..run.products.len()).collect();
    ordered.sort_by_key(|&index| attention(&run.products[index]));
    let shared_out = !run.distribution.is_empty();
    let sold_by_pack = run.products.iter().any(|product| product.pack.is_some());
    view! {
        <Title text=run.store_name.clone()/>
        <nav class="breadcrumb" aria-label=move || i18n.t(Key::BreadcrumbLabel)>
            <a href=format!("/groups/{}", run.group_id)>{run.group_name.clone()}</a>
            " › "
            <a href=format!("/stores/{}", run.store_id)>{run.store_name.clone()}</a>
        </nav>
        <header class="page-header run-header">
            <h1>{run.store_name.clone()}</h1>
            <RunStateBadge state/>
            <p class="muted run-state-help" data-testid="state-help">
                {move || i18n.t(state_description_key(state))}
            </p>
        </header>
        <section class="card run-info">
            <dl class="facts">
                <dt>{t!(i18n, LeaderLabel)}</dt>
                <dd data-testid="leader">{leader_name}</dd>
                {(!helpers.is_empty()).then(|| view! {
                    <dt>{t!(i18n, HelpersLabel)}</dt>
                    <dd>{helpers.join(", ")}</dd>
                })}
                {run.planned_on.map(|day| view! {
                    <dt>{t!(i18n, PlannedOnLabel)}</dt>
                    <dd>{i18n.day_with_distance(day)}</dd>
                })}
                {(!run.comment.is_empty()).then(|| view! {
                    <dt>{t!(i18n, RunCommentLabel)}</dt>
                    <dd class="notes">{run.comment.clone()}</dd>
                })}
            </dl>
        </section>
        {(state == RunState::Cancelled).then(|| view! { <CancelledNote run=run.clone()/> })}
        {run.pending_transfer.clone()
            .filter(|transfer| transfer.to.user_id == run.viewer_id)
            .map(|transfer| view! { <TransferBanner transfer actions/> })}
        {may(RunAction::ToggleReady).then(|| view! { <ReadyToggle run=run.clone() actions/> })}
        <StagePanel run=run.clone() actions offered=offered.clone()/>
        {(may(RunAction::Confirm) || may(RunAction::Reopen) || may(RunAction::Cancel))
            .then(|| view! { <LeaderPanel run=run.clone() actions offered=offered.clone()/> })}
        {shared_out.then(|| view! {
            <Distribution run=run.clone() can_mark=may(RunAction::MarkPickedUp) refresh=actions.refresh/>
        })}
        {(shared_out || may(RunAction::RecordPayers)).then(|| view! {
            <PayersCard run_id=run.id refresh=actions.refresh/>
        })}
        <Participants run=run.clone()/>
        <section class="card">
            <h2>{move || tr!(i18n, RunProductsTitle, count = product_count)}</h2>
            {sold_by_pack.then(|| view! { <p class="muted pack-rule" data-testid="pack-rule">{t!(i18n, PackRuleExplained)}</p> })}
            {if run.products.is_empty() {
                let empty = if can_bid { Key::NoBidsYet } else { Key::NoProductsInRun };
                view! { <p class="empty">{move || i18n.t(empty)}</p> }.into_any()
            } else {
                view! {
                    <ul class="product-cards" data-testid="run-products">
                        {ordered.into_iter().map(|index| view! {
                            <ProductCard run=run.clone() index mode card=actions.products.of(run.products[index].product_id)
                                can_retract=may(RunAction::RetractBid) shared_out refresh=actions.refresh/>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
        {(mode == BidMode::Free).then(|| view! { <AddProduct run_id=run.id present=run.products.iter().map(|p| p.product_id).collect() card_actions=actions.products refresh=actions.refresh/> })}
        {(!shared_out).then(|| view! { <EstimatedCosts run=run.clone()/> })}
    }
    .into_any()
}

/// Products that need people's attention first: those to re-balance, then the rest, then what
/// was not bought. Before shopping every product ranks the same (the list stays by name).
fn attention(product: &RunProduct) -> u8 {
    match product.bought.map(|bought| balance(bought, product.total)) {
        Some(Balance::Short(_) | Balance::Over(_)) => 0,
        Some(Balance::NotBought) => 2,
        _ => 1,
    }
}

#[component]
fn CancelledNote(run: Arc<RunDetail>) -> impl IntoView {
    let i18n = use_i18n();
    let reason = run.cancel_reason.clone();
    view! {
        <section class="card notice danger-notice" role="status" data-testid="cancelled">
            {if run.leader_left {
                view! { <p>{t!(i18n, CancelledLeaderLeft)}</p> }.into_any()
            } else if reason.is_empty() {
                view! { <p>{t!(i18n, CancelledNoReason)}</p> }.into_any()
            } else {
                view! { <p>{move || tr!(i18n, CancelledWithReason, reason = reason)}</p> }.into_any()
            }}
        </section>
    }
}
