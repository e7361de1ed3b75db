//! Who paid the store for the run: each payer and amount, and for the leader and helpers until
//! the run completes, the form that changes it (an amount per person taking part; together
//! exactly what was bought). A plain form, so it works without JavaScript.

use leptos::prelude::*;
use uuid::Uuid;

use crate::api::money::{SetRunPayers, get_run_payers};
use crate::components::form::{FormError, FormState, SubmitButton, refresh_after};
use crate::components::toast::toast_after;
use crate::domain::money::format_plain;
use crate::i18n::{Key, use_i18n};
use crate::model::RunPayers;
use crate::{t, tr};

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
    view! {
        // Open again after a refused save, so the reason shows (without JavaScript too).
        <details class="edit-payers" open=move || state.error().is_some()>
            <summary>{t!(i18n, ChangePayers)}</summary>
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
        </details>
    }
}
