//! Who paid the store for the run: each payer and amount, and the costs the run shares besides
//! the goods (fuel, delivery) with everyone's part. For the leader and helpers until the run
//! completes, the forms that change them (an amount per person taking part, together exactly what
//! was bought; a shared cost added or taken back). Plain forms, so they work without JavaScript.

use leptos::prelude::*;
use uuid::Uuid;

use crate::api::money::{AddExtraCost, RemoveExtraCost, SetRunPayers, get_run_payers};
use crate::components::drafts::Drafts;
use crate::components::form::{FormError, FormState, SubmitButton, refresh_after};
use crate::components::toast::toast_after;
use crate::domain::extra_costs::{CostSplit, LABEL_MAX};
use crate::domain::money::format_plain;
use crate::i18n::{Key, use_i18n};
use crate::model::{ExtraCostView, RunPayers};
use crate::{t, tr};

/// Which of the card's folded forms are open, kept above the live refreshes that draw the card
/// again, so a friend's change never folds a form someone is filling in.
pub(super) type OpenMoneyForms = Drafts<&'static str, bool>;

/// A folded form that stays open across live refreshes (and opens by itself to show a refusal,
/// without JavaScript too).
#[component]
fn Folded(
    key: &'static str,
    summary: Key,
    error: Signal<bool>,
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    let open = OpenMoneyForms::current();
    let was_open = open.get(&key).unwrap_or(false);
    view! {
        <details class="edit-payers" open=move || was_open || error.get()
            on:toggle=move |ev| {
                let now_open = event_target::<web_sys::Element>(&ev).has_attribute("open");
                open.keep(key, now_open);
            }>
            <summary>{move || i18n.t(summary)}</summary>
            {children()}
        </details>
    }
}

#[component]
pub(super) fn PayersCard(run_id: Uuid, refresh: RwSignal<usize>) -> impl IntoView {
    let payers = Resource::new(move || refresh.get(), move |_| get_run_payers(run_id));
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                payers.await.ok().map(|payers| view! { <Payers payers refresh/> })
            })}
        </Suspense>
    }
}

#[component]
fn Payers(payers: RunPayers, refresh: RwSignal<usize>) -> impl IntoView {
    let i18n = use_i18n();
    let currency = payers.currency.clone();
    let paying: Vec<String> = payers
        .paying()
        .map(|payer| {
            tr!(
                i18n,
                PaidTheStore,
                name = payer.name,
                amount = i18n.money(payer.amount_minor, &currency)
            )
        })
        .collect();
    view! {
        <section class="card" data-testid="payers">
            <h2>{t!(i18n, PayersTitle)}</h2>
            {if paying.is_empty() {
                view! { <p class="empty">{t!(i18n, NoPayersYet)}</p> }.into_any()
            } else {
                view! {
                    <ul class="plain-list" data-testid="payer-list">
                        {paying.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
                    </ul>
                }.into_any()
            }}
            {payers.viewer_may_edit.then(|| view! { <PayersForm payers=payers.clone() refresh/> })}
            {(!payers.extra_costs.is_empty() || payers.viewer_may_edit).then(|| view! {
                <ExtraCosts payers=payers.clone() refresh/>
            })}
        </section>
    }
    .into_any()
}

#[component]
fn PayersForm(payers: RunPayers, refresh: RwSignal<usize>) -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<SetRunPayers>::new();
    let state = FormState::of(action);
    refresh_after(action, refresh);
    toast_after(action, Key::ToastSaved);
    let currency = payers.currency.clone();
    let total = i18n.money(payers.total_minor, &currency);
    let error = Signal::derive(move || state.error().is_some());
    OpenMoneyForms::current().forget_after(action, "payers");
    view! {
        <Folded key="payers" summary=Key::ChangePayers error>
            <ActionForm action attr:class="stack" attr:data-testid="payers-form">
                <input type="hidden" name="run_id" value=payers.run_id.to_string()/>
                <input type="hidden" name="currency" value=currency.clone()/>
                <FormError state/>
                <p class="muted">{tr!(i18n, PayersMustAddUp, amount = total)}</p>
                {payers.payers.iter().enumerate().map(|(index, payer)| {
                    let id = format!("payer-amount-{index}");
                    let value = if payer.amount_minor > 0 {
                        format_plain(payer.amount_minor, &currency)
                    } else {
                        String::new()
                    };
                    view! {
                        <div class="field payer-field">
                            <input type="hidden" name=format!("payer[{index}]") value=payer.user_id.to_string()/>
                            <label for=id.clone()>{tr!(i18n, PayerAmountLabel, name = payer.name, currency = currency)}</label>
                            <input id=id name=format!("amount[{index}]") value=value inputmode="decimal"
                                autocomplete="off" pattern="[0-9]*([.,][0-9]{1,3})?"/>
                        </div>
                    }
                }).collect_view()}
                <SubmitButton state label=Key::SavePayers/>
            </ActionForm>
        </Folded>
    }
}

/// The costs shared besides the goods, each with everyone's part; the forms for whoever may.
#[component]
fn ExtraCosts(payers: RunPayers, refresh: RwSignal<usize>) -> impl IntoView {
    let i18n = use_i18n();
    let remove = ServerAction::<RemoveExtraCost>::new();
    refresh_after(remove, refresh);
    toast_after(remove, Key::ToastSaved);
    let names: Vec<(Uuid, String)> = payers
        .payers
        .iter()
        .map(|payer| (payer.user_id, payer.name.clone()))
        .collect();
    let may_edit = payers.viewer_may_edit;
    let run_id = payers.run_id;
    view! {
        <h3>{t!(i18n, ExtraCostsTitle)}</h3>
        <ul class="plain-list" data-testid="extra-costs">
            {payers.extra_costs.clone().into_iter().map(|cost| {
                let parts = parts_line(i18n, &cost, &names);
                let line = tr!(
                    i18n,
                    ExtraCostLine,
                    label = cost.label,
                    amount = i18n.money(cost.amount_minor, &cost.currency),
                    name = cost.paid_by_name
                );
                let split = match cost.split {
                    CostSplit::Equally => Key::SplitEquallyNote,
                    CostSplit::ByGoods => Key::SplitByGoodsNote,
                };
                view! {
                    <li data-testid=format!("extra-{}", cost.label)>
                        <span>{line}</span>" "<span class="muted">{move || i18n.t(split)}</span>
                        <br/><small class="muted" data-testid="extra-parts">{parts}</small>
                        {may_edit.then(|| view! {
                            <ActionForm action=remove attr:class="inline-form">
                                <input type="hidden" name="run_id" value=run_id.to_string()/>
                                <input type="hidden" name="cost_id" value=cost.id.to_string()/>
                                <button type="submit" class="button small retract-button">{t!(i18n, RemoveExtraCostSubmit)}</button>
                            </ActionForm>
                        })}
                    </li>
                }
            }).collect_view()}
        </ul>
        {may_edit.then(|| view! { <ExtraCostForm payers=payers.clone() refresh/> })}
    }
    .into_any()
}

/// "Ana €1.50 · Bob €1.50" (by name), or that the parts come once the goods are shared out.
fn parts_line(i18n: crate::i18n::I18n, cost: &ExtraCostView, names: &[(Uuid, String)]) -> String {
    if cost.parts.is_empty() {
        return i18n.t_now(Key::ExtraCostPartsLater).to_owned();
    }
    let mut parts: Vec<(&str, i64)> = cost
        .parts
        .iter()
        .map(|(who, part)| {
            let name = names
                .iter()
                .find(|(id, _)| id == who)
                .map_or("?", |(_, name)| name.as_str());
            (name, *part)
        })
        .collect();
    parts.sort_by_key(|(name, _)| name.to_lowercase());
    parts
        .into_iter()
        .map(|(name, part)| format!("{name} {}", i18n.money(part, &cost.currency)))
        .collect::<Vec<_>>()
        .join(" · ")
}

#[component]
fn ExtraCostForm(payers: RunPayers, refresh: RwSignal<usize>) -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<AddExtraCost>::new();
    let state = FormState::of(action);
    refresh_after(action, refresh);
    toast_after(action, Key::ToastSaved);
    let currency = payers.currency.clone();
    let error = Signal::derive(move || state.error().is_some());
    OpenMoneyForms::current().forget_after(action, "extra-cost");
    view! {
        <Folded key="extra-cost" summary=Key::AddExtraCost error>
            <ActionForm action attr:class="stack" attr:data-testid="extra-cost-form">
                <input type="hidden" name="run_id" value=payers.run_id.to_string()/>
                <input type="hidden" name="currency" value=currency.clone()/>
                <FormError state/>
                <div class="field">
                    <label for="extra-cost-label">{t!(i18n, ExtraCostLabel)}</label>
                    <input id="extra-cost-label" name="label" maxlength=LABEL_MAX required/>
                </div>
                <div class="field">
                    <label for="extra-cost-amount">{tr!(i18n, ExtraCostAmountLabel, currency = currency)}</label>
                    <input id="extra-cost-amount" name="amount" inputmode="decimal" autocomplete="off" required
                        pattern="[0-9]*([.,][0-9]{1,3})?"/>
                </div>
                <div class="field">
                    <label for="extra-cost-paid-by">{t!(i18n, ExtraCostPaidBy)}</label>
                    <select id="extra-cost-paid-by" name="paid_by">
                        {payers.payers.iter().map(|payer| view! {
                            <option value=payer.user_id.to_string()>{payer.name.clone()}</option>
                        }).collect_view()}
                    </select>
                </div>
                <fieldset class="choices">
                    <legend>{t!(i18n, ExtraCostSplitLegend)}</legend>
                    <label class="check">
                        <input type="radio" name="split" value=CostSplit::Equally.as_str() checked=true/>
                        {t!(i18n, SplitEquallyLabel)}
                    </label>
                    <label class="check">
                        <input type="radio" name="split" value=CostSplit::ByGoods.as_str()/>
                        {t!(i18n, SplitByGoodsLabel)}
                    </label>
                </fieldset>
                <SubmitButton state label=Key::AddExtraCostSubmit/>
            </ActionForm>
        </Folded>
    }
}
