//! The steps after the orders are frozen, as the state machine offers them: start shopping, go
//! to the list, finish adjusting (or force it), complete the run once everything is picked up;
//! and the exports (print views, CSV, JSON) for those who run the run.

use std::sync::Arc;

use leptos::prelude::*;
use uuid::Uuid;

use crate::components::confirm::ConfirmSubmit;
use crate::components::form::{FormError, FormState, SubmitButton};
use crate::domain::adjusting::balance;
use crate::domain::run_state::RunAction;
use crate::i18n::{Key, use_i18n};
use crate::model::RunDetail;
use crate::t;

use super::RunActions;
use super::confirm::RunConfirmation;

#[component]
pub(super) fn StagePanel(
    run: Arc<RunDetail>,
    actions: RunActions,
    offered: Vec<RunAction>,
) -> impl IntoView {
    let i18n = use_i18n();
    let run_id = run.id;
    let may = |action: RunAction| offered.contains(&action);
    let start = may(RunAction::StartShopping).then(|| {
        let state = FormState::of(actions.start_shopping);
        view! {
            <div class="leader-step" data-testid="start-shopping">
                <p class="muted">{t!(i18n, StartShoppingHelp)}</p>
                <ActionForm action=actions.start_shopping attr:class="inline-form">
                    <input type="hidden" name="run_id" value=run_id.to_string()/>
                    <FormError state/>
                    <SubmitButton state label=Key::StartShoppingSubmit/>
                </ActionForm>
            </div>
        }
    });
    let shop = may(RunAction::RecordPurchase).then(|| {
        view! {
            <div class="leader-step">
                <a class="button primary big" href=format!("/runs/{run_id}/shopping")
                    data-testid="open-shopping">{t!(i18n, OpenShoppingList)}</a>
            </div>
        }
    });
    let unbalanced = run
        .products
        .iter()
        .filter(|p| {
            p.bought
                .is_some_and(|bought| balance(bought, p.total).needs_adjusting())
        })
        .count() as i64;
    let finish = may(RunAction::FinishAdjusting).then(|| {
        let state = FormState::of(actions.finish_adjusting);
        let note = if unbalanced == 0 {
            i18n.t(Key::AdjustingDone).to_owned()
        } else {
            i18n.count(Key::StillUnbalanced, unbalanced)
        };
        view! {
            <div class="leader-step" data-testid="finish-adjusting">
                <p class=if unbalanced == 0 { "ready-note" } else { "muted" }>{note}</p>
                <ActionForm action=actions.finish_adjusting attr:class="inline-form">
                    <input type="hidden" name="run_id" value=run_id.to_string()/>
                    <FormError state/>
                    {if unbalanced == 0 {
                        view! { <SubmitButton state label=Key::FinishAdjustingSubmit/> }.into_any()
                    } else {
                        view! {
                            <input type="hidden" name="force" value="on"/>
                            <ConfirmSubmit state danger=true page=RunConfirmation::ShareOut.page(run_id)
                                label=Signal::derive(move || i18n.t(Key::ForceFinishSubmit).to_owned())
                                question=Signal::derive(move || i18n.t(Key::ForceFinishQuestion).to_owned())/>
                        }.into_any()
                    }}
                </ActionForm>
            </div>
        }
    });
    let outstanding = run
        .distribution
        .iter()
        .filter(|p| !p.all_picked_up())
        .count() as i64;
    let complete = may(RunAction::CompleteDistribution).then(|| {
        let state = FormState::of(actions.complete_distribution);
        view! {
            <div class="leader-step" data-testid="complete-run">
                <p class="muted">
                    {if outstanding == 0 {
                        i18n.t(Key::EverythingPickedUp).to_owned()
                    } else {
                        i18n.count(Key::PickUpsLeft, outstanding)
                    }}
                </p>
                <ActionForm action=actions.complete_distribution attr:class="inline-form">
                    <input type="hidden" name="run_id" value=run_id.to_string()/>
                    <FormError state/>
                    <SubmitButton state label=Key::CompleteRunSubmit/>
                </ActionForm>
            </div>
        }
    });
    let exports = may(RunAction::Export).then(|| view! { <Exports run_id/> });
    let anything = start.is_some()
        || shop.is_some()
        || finish.is_some()
        || complete.is_some()
        || exports.is_some();
    anything.then(|| {
        view! {
            <section class="card stage-panel" data-testid="stage-panel">
                {start}
                {shop}
                {finish}
                {complete}
                {exports}
            </section>
        }
    })
}

#[component]
fn Exports(run_id: Uuid) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <nav class="exports" aria-label=move || i18n.t(Key::ExportsTitle) data-testid="exports">
            <h2>{t!(i18n, ExportsTitle)}</h2>
            <a href=format!("/runs/{run_id}/print/shopping") target="_blank" rel="external">{t!(i18n, PrintShoppingList)}</a>
            <a href=format!("/runs/{run_id}/print/distribution") target="_blank" rel="external">{t!(i18n, PrintDistribution)}</a>
            <a href=format!("/runs/{run_id}/export.csv") download="" rel="external">{t!(i18n, DownloadCsv)}</a>
            <a href=format!("/runs/{run_id}/export.json") download="" rel="external">{t!(i18n, DownloadJson)}</a>
        </nav>
    }
    .into_any()
}
