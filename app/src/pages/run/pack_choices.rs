//! At confirmation, what the pack rule makes of each product sold by the pack: what to buy and
//! who gets more or less than they asked; for a pack that what people offered cannot fill, the
//! leader's choice to round down (who is cut, shown) or up (who takes more and what the leader
//! holds, shown). The same fields go in the leader's confirm form and on the confirmation page
//! without JavaScript; each choice is a radio group `round_up[i]` whose "up" value is the
//! product's id.

use std::sync::Arc;

use leptos::prelude::*;
use uuid::Uuid;

use crate::components::pack_terms::pack_purchase;
use crate::domain::packs::{Fairness, PackPlan, PackRule, Rounding, rounding_matters};
use crate::i18n::{I18n, Key, use_i18n};
use crate::model::{RunDetail, RunProduct};
use crate::{t, tr};

/// The products whose packs confirming decides, with `rounded_up` choosing "up" for theirs.
#[component]
pub(super) fn PackChoices(run: Arc<RunDetail>, rounded_up: Vec<Uuid>) -> impl IntoView {
    let i18n = use_i18n();
    let packed: Vec<&RunProduct> = run
        .products
        .iter()
        .filter(|product| product.pack.is_some() && !product.pack_bids().is_empty())
        .collect();
    if packed.is_empty() {
        return ().into_any();
    }
    let rule_key = match run.pack_fairness {
        Fairness::Proportional => Key::PackRuleExplained,
        Fairness::FirstCome => Key::PackRuleFirstCome,
    };
    let mut choice = 0usize;
    let rows = packed
        .into_iter()
        .map(|product| {
            let rule = product.pack.unwrap_or(PackRule::LOOSE);
            let down = product.pack_plan(run.pack_fairness, Rounding::Down);
            let up = product.pack_plan(run.pack_fairness, Rounding::Up);
            let (Some(down), Some(up)) = (down, up) else {
                return ().into_any();
            };
            let outcome = |plan: &PackPlan<usize>| {
                (
                    pack_purchase(i18n, plan.to_buy, rule.size, &product.unit),
                    changes(i18n, &run, product, plan),
                )
            };
            if !rounding_matters(&rule, &product.pack_bids()) {
                let (buy, changes) = outcome(&down);
                return view! {
                    <li data-testid=format!("pack-plan-{}", product.name)>
                        <strong>{product.name.clone()}</strong>": "{buy}
                        <br/><small class="muted">{changes}</small>
                    </li>
                }
                .into_any();
            }
            let name = format!("round_up[{choice}]");
            choice += 1;
            let up_chosen = rounded_up.contains(&product.product_id);
            let (down_buy, down_changes) = outcome(&down);
            let (up_buy, up_changes) = outcome(&up);
            view! {
                <li data-testid=format!("pack-plan-{}", product.name)>
                    <fieldset class="pack-choice choices">
                        <legend><strong>{product.name.clone()}</strong>": "{t!(i18n, PackOpenQuestion)}</legend>
                        <label class="choice">
                            <input type="radio" name=name.clone() value="" checked={!up_chosen}/>
                            <span>
                                {tr!(i18n, PackRoundDown, buy = down_buy)}
                                <br/><small class="muted">{down_changes}</small>
                            </span>
                        </label>
                        <label class="choice">
                            <input type="radio" name=name value=product.product_id.to_string() checked=up_chosen/>
                            <span>
                                {tr!(i18n, PackRoundUp, buy = up_buy)}
                                <br/><small class="muted">{up_changes}</small>
                            </span>
                        </label>
                    </fieldset>
                </li>
            }
            .into_any()
        })
        .collect_view();
    view! {
        <div class="pack-choices" data-testid="pack-choices">
            <h3>{t!(i18n, PackPlanTitle)}</h3>
            <p class="muted">{move || i18n.t(rule_key)}</p>
            <ul>{rows}</ul>
        </div>
    }
    .into_any()
}

/// Who gets other than they asked, and what the leader holds: "Bob gets 4 (asked 3) · …".
fn changes(i18n: I18n, run: &RunDetail, product: &RunProduct, plan: &PackPlan<usize>) -> String {
    let name = |who: usize| {
        run.participants
            .get(who)
            .map_or("", |p| p.display_name.as_str())
    };
    let q = |quantity| i18n.quantity(quantity, &product.unit);
    let mut parts: Vec<String> = plan
        .shares
        .iter()
        .filter(|share| share.gets != share.asked)
        .map(|share| {
            tr!(
                i18n,
                PackPlanGets,
                name = name(share.who),
                gets = q(share.gets),
                asked = q(share.asked)
            )
        })
        .collect();
    if !plan.absorbed.is_zero() {
        let leader = run.leader().map_or("", |p| p.display_name.as_str());
        parts.push(tr!(
            i18n,
            PackPlanHolds,
            name = leader,
            quantity = q(plan.absorbed)
        ));
    }
    if parts.is_empty() {
        i18n.t_now(Key::PackPlanAsAsked).to_owned()
    } else {
        parts.join(" · ")
    }
}
