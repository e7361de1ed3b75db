//! The pack meter of a product sold by the pack: how full the open pack is, what tolerance
//! covers, what is still missing and how many packs will be bought; and "take the rest", which
//! raises the viewer's bid to exactly complete the open pack. The meter is worked out from the
//! run the page holds (`domain::packs`), so it moves with every live refresh; without JavaScript
//! it is plain text and a plain form.

use leptos::prelude::*;
use uuid::Uuid;

use crate::api::runs::TakeRest;
use crate::components::form::{FormError, FormState, refresh_after};
use crate::components::toast::toast_after;
use crate::domain::packs::PackMeter;
use crate::i18n::{I18n, Key, use_i18n};
use crate::tr;

/// The meter's width in percent of one pack: what the bids put in, and what tolerance adds.
fn bar_widths(meter: &PackMeter) -> (i64, i64) {
    let size = meter.size.thousandths().max(1);
    let open = meter.open.thousandths() * 100 / size;
    let covered = meter.tolerance.min(meter.to_complete()).thousandths() * 100 / size;
    (open, covered)
}

/// What the meter says, in the viewer's language.
fn meter_lines(i18n: I18n, meter: &PackMeter, unit: &str) -> Vec<String> {
    let q = |quantity| i18n.quantity(quantity, unit);
    // "4 of 12 jars": the unit once, on the pack.
    let number = |quantity| i18n.quantity(quantity, "");
    let size = q(meter.size);
    let mut lines = Vec::with_capacity(3);
    if meter.open.is_zero() {
        lines.push(tr!(i18n, PackMeterAllFull, size = size));
    } else if meter.filled_by_tolerance() {
        lines.push(tr!(
            i18n,
            PackMeterFilledByTolerance,
            filled = number(meter.open),
            size = size
        ));
    } else {
        lines.push(tr!(
            i18n,
            PackMeterOpen,
            filled = number(meter.open),
            size = size,
            more = number(meter.to_complete())
        ));
        if !meter.tolerance.is_zero() {
            lines.push(tr!(
                i18n,
                PackMeterTolerance,
                tolerance = q(meter.tolerance),
                missing = q(meter.missing())
            ));
        }
    }
    lines.push(i18n.count(Key::PacksToBuy, meter.packs_to_buy()));
    lines
}

#[component]
pub(super) fn PackMeterView(
    run_id: Uuid,
    product_id: Uuid,
    meter: PackMeter,
    unit: String,
    action: ServerAction<TakeRest>,
    /// The viewer may raise their bid now (bidding is free, not re-balancing).
    can_take_rest: bool,
    refresh: RwSignal<usize>,
) -> impl IntoView {
    let i18n = use_i18n();
    let (open, covered) = bar_widths(&meter);
    let unit_for_lines = unit.clone();
    let lines = move || meter_lines(i18n, &meter, &unit_for_lines);
    let take = can_take_rest && !meter.open.is_zero();
    view! {
        <div class="pack-meter" data-testid="pack-meter">
            // SVG attributes, not inline styles: the page's CSP allows no `style` attribute.
            <svg class="pack-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
                <rect class="pack-bar-bids" width=open.to_string() height="10"/>
                <rect class="pack-bar-tolerance" x=open.to_string() width=covered.to_string() height="10"/>
            </svg>
            <p class="pack-meter-text" aria-live="polite">
                {move || lines().into_iter().map(|line| view! { <span>{line}</span> }).collect_view()}
            </p>
            {take.then(|| view! { <TakeRestForm action run_id product_id meter unit refresh/> })}
        </div>
    }
}

/// One button: raise my bid by exactly what the open pack misses. It carries the fill the viewer
/// saw, so a pack someone else changed or completed meanwhile is refused, not overfilled.
#[component]
fn TakeRestForm(
    action: ServerAction<TakeRest>,
    run_id: Uuid,
    product_id: Uuid,
    meter: PackMeter,
    unit: String,
    refresh: RwSignal<usize>,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = FormState::of(action);
    refresh_after(action, refresh);
    toast_after(action, Key::ToastSaved);
    let more = i18n.quantity(meter.to_complete(), &unit);
    let form = format!("take-rest-{product_id}");
    view! {
        <ActionForm action attr:class="take-rest" attr:data-testid="take-rest">
            <input type="hidden" name="run_id" value=run_id.to_string()/>
            <input type="hidden" name="product_id" value=product_id.to_string()/>
            <input type="hidden" name="seen_open" value=meter.open.thousandths().to_string()/>
            <FormError state form/>
            <button type="submit" class="button" disabled=move || state.is_pending()>
                {move || tr!(i18n, TakeRestSubmit, quantity = more)}
            </button>
        </ActionForm>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::quantity::Quantity;

    #[test]
    fn the_bar_shows_bids_and_the_tolerance_that_counts() {
        let meter = PackMeter::new(Quantity::units(12), Quantity::units(9), Quantity::units(5));
        // 9 of 12 from bids, and of the 5 offered only the 3 missing count.
        assert_eq!(bar_widths(&meter), (75, 25));
    }
}
