//! Who gets what and what they owe: before the goods are shared out, an estimate from the bids
//! and the newest prices; afterwards each person's shares with the reason for each, their exact
//! cost and the pick-up marks (leader and helpers tick goods off as they hand them over; the
//! viewer's own card comes first).

use std::sync::Arc;

use leptos::prelude::*;
use uuid::Uuid;

use crate::api::shopping::SetPickedUp;
use crate::components::form::{FormError, FormState, refresh_after};
use crate::components::toast::toast_after;
use crate::domain::allocation::AllocationReason;
use crate::domain::language::Language;
use crate::domain::purchase::line_total;
use crate::i18n::locale;
use crate::i18n::{Key, use_i18n};
use crate::model::{PersonShares, RunDetail, ShareView};
use crate::t;
use crate::tr;

/// Each participant's committed bids at the newest prices seen at the store.
#[component]
pub(super) fn EstimatedCosts(run: Arc<RunDetail>) -> impl IntoView {
    let i18n = use_i18n();
    let currency = run.currency.clone();
    // (cost, some bid has no price yet) per participant, in one pass over the bids.
    let mut estimates = vec![(0_i64, false); run.participants.len()];
    for product in &run.products {
        for bid in product.bids.iter().filter(|bid| !bid.interested_only) {
            let Some((cost, unpriced)) = estimates.get_mut(bid.participant) else {
                continue;
            };
            match product.current_price {
                Some(price) => *cost += line_total(bid.quantity, price),
                None => *unpriced = true,
            }
        }
    }
    let mut people: Vec<(&str, i64, bool)> = run
        .participants
        .iter()
        .zip(estimates)
        .filter(|(_, (cost, unpriced))| *cost > 0 || *unpriced)
        .map(|(person, (cost, unpriced))| (person.display_name.as_str(), cost, unpriced))
        .collect();
    people.sort_by_cached_key(|person| person.0.to_lowercase());
    // Without a single price seen there is nothing to estimate from.
    let priced = run.products.iter().any(|p| p.current_price.is_some());
    (priced && !people.is_empty()).then(|| {
        let rows = estimate_rows(i18n.language(), &people, &currency);
        view! {
            <section class="card" data-testid="estimated-costs">
                <h2>{t!(i18n, EstimatedCostsTitle)}</h2>
                <p class="muted">{t!(i18n, EstimatedCostsHelp)}</p>
                <ul class="cost-list" inner_html=rows></ul>
            </section>
        }
    })
}

/// The estimate's rows (name, then "≈ amount", with "+" when some bid has no price yet) as one
/// string of HTML: up to one per participant and nothing in them reacts, as with the bid chips
/// (ADR 17); names are escaped.
fn estimate_rows(language: Language, people: &[(&str, i64, bool)], currency: &str) -> String {
    use html_escape::encode_text_to_string as escaped;
    let mut html = String::with_capacity(96 * people.len());
    for &(name, cost, unpriced) in people {
        html.push_str("<li class=\"list-row\"><span class=\"list-title\">");
        escaped(name, &mut html);
        html.push_str("</span><span class=\"amount\">≈ ");
        escaped(locale::money(language, cost, currency), &mut html);
        if unpriced {
            html.push_str(" +");
        }
        html.push_str("</span></li>");
    }
    html
}

/// The distribution: one card per person, the viewer's first.
#[component]
pub(super) fn Distribution(
    run: Arc<RunDetail>,
    can_mark: bool,
    refresh: RwSignal<usize>,
) -> impl IntoView {
    let i18n = use_i18n();
    let mut people = run.distribution.clone();
    people.sort_by_key(|p| p.user_id != run.viewer_id);
    let paid: i64 = people.iter().map(PersonShares::total_minor).sum();
    let currency = run.currency.clone();
    let paid_text = i18n.money(paid, &currency);
    view! {
        <section class="card" data-testid="distribution">
            <h2>{t!(i18n, DistributionTitle)}</h2>
            <p class="muted">{move || tr!(i18n, DistributionPaid, amount = paid_text)}</p>
            <ul class="person-cards">
                {people.into_iter().map(|person| {
                    let mine = person.user_id == run.viewer_id;
                    view! { <PersonCard run_id=run.id person currency=currency.clone() mine can_mark refresh/> }
                }).collect_view()}
            </ul>
        </section>
    }
    .into_any()
}

#[component]
fn PersonCard(
    run_id: Uuid,
    person: PersonShares,
    currency: String,
    mine: bool,
    can_mark: bool,
    refresh: RwSignal<usize>,
) -> impl IntoView {
    let i18n = use_i18n();
    let total = i18n.money(person.total_minor(), &currency);
    let done = person.all_picked_up();
    let user_id = person.user_id;
    view! {
        <li class="person-card" class:mine=mine class:done=done
            data-testid=format!("person-{}", person.display_name)>
            <div class="person-head">
                <span class="list-title">{person.display_name.clone()}</span>
                <span class="amount" data-testid="person-total">{total}</span>
            </div>
            {done.then(|| view! { <span class="chip ready">{t!(i18n, PickedUpChip)}</span> })}
            <ul class="shares">
                {person.shares.iter().map(|share| view! {
                    <ShareRow run_id user_id share=share.clone() currency=currency.clone() can_mark refresh/>
                }).collect_view()}
            </ul>
            {(can_mark && !done).then(|| view! {
                <PickUpForm run_id user_id product_id=None picked_up=true label=Key::MarkAllPickedUp refresh/>
            })}
        </li>
    }
    .into_any()
}

#[component]
fn ShareRow(
    run_id: Uuid,
    user_id: Uuid,
    share: ShareView,
    currency: String,
    can_mark: bool,
    refresh: RwSignal<usize>,
) -> impl IntoView {
    let i18n = use_i18n();
    let quantity = i18n.quantity(share.quantity, &share.unit);
    let asked = i18n.quantity(share.asked, &share.unit);
    let extra = i18n.quantity(share.quantity - share.asked, &share.unit);
    let price = i18n.money(share.unit_price_minor, &currency);
    let cost = i18n.money(share.cost_minor, &currency);
    let why = match share.reason {
        AllocationReason::InFull => None,
        AllocationReason::ShortageCut => Some(tr!(i18n, ReasonShortageCut, asked = asked)),
        AllocationReason::SurplusToLeader => Some(tr!(i18n, ReasonSurplus, extra = extra)),
    };
    let handed = !share.quantity.is_zero();
    view! {
        <li class="share" class:picked=share.picked_up data-testid=format!("share-{}", share.product_name)>
            <div class="share-head">
                <span>{share.product_name.clone()}</span>
                <span class="amount" data-testid="share-cost">{cost}</span>
            </div>
            <p class="muted">
                <span data-testid="share-quantity">{quantity}</span>" × "{price}
            </p>
            {why.map(|why| view! { <p class="reason" data-testid="share-reason">{why}</p> })}
            {(handed && share.picked_up).then(|| view! { <span class="chip ready">{t!(i18n, PickedUpChip)}</span> })}
            {(can_mark && handed).then(|| {
                let (picked_up, label) = if share.picked_up {
                    (false, Key::UndoPickUp)
                } else {
                    (true, Key::MarkPickedUp)
                };
                view! { <PickUpForm run_id user_id product_id=Some(share.product_id) picked_up label refresh/> }
            })}
        </li>
    }
    .into_any()
}

#[component]
fn PickUpForm(
    run_id: Uuid,
    user_id: Uuid,
    product_id: Option<Uuid>,
    picked_up: bool,
    label: Key,
    refresh: RwSignal<usize>,
) -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<SetPickedUp>::new();
    toast_after(action, Key::ToastSaved);
    let state = FormState::of(action);
    refresh_after(action, refresh);
    view! {
        <ActionForm action attr:class="inline-form pick-up-form">
            <input type="hidden" name="run_id" value=run_id.to_string()/>
            <input type="hidden" name="user_id" value=user_id.to_string()/>
            {product_id.map(|id| view! { <input type="hidden" name="product_id" value=id.to_string()/> })}
            <input type="hidden" name="picked_up" value=picked_up.to_string()/>
            <FormError state form=format!("pick-{user_id}-{}", product_id.map_or("all".to_owned(), |id| id.to_string()))/>
            <button type="submit" class=if picked_up { "button primary" } else { "button" }
                disabled=move || state.is_pending()>
                {move || i18n.t(label)}
            </button>
        </ActionForm>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn estimate_rows_escape_names_and_mark_unpriced_bids() {
        let html = estimate_rows(
            Language::En,
            &[("<b>Ann</b>", 1250, false), ("Bo & Co", 0, true)],
            "EUR",
        );
        assert!(html.contains("&lt;b&gt;Ann&lt;/b&gt;"), "{html}");
        assert!(!html.contains("<b>"), "{html}");
        assert!(html.contains("Bo &amp; Co"), "{html}");
        assert_eq!(html.matches("<li class=\"list-row\">").count(), 2);
        assert!(html.contains(" +</span>"), "{html}");
    }
}
