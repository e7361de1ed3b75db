//! The prices on a shopping item: every price seen at the store on the newest day ("Last seen
//! €4.99 on Dec 6 · aisle 12", "also €3.99 · on sale"), and for shoppers a small form to note a
//! price on the shelf without buying.

use leptos::prelude::*;
use uuid::Uuid;

use crate::api::shopping::NoteShelfPrice;
use crate::components::form::{
    Concern, FieldCheck, FieldError, FormError, FormState, SubmitButton, refresh_after,
};
use crate::components::toast::toast_after;
use crate::domain::catalogue::PRICE_NOTE_MAX;
use crate::i18n::{I18n, Key, use_i18n};
use crate::model::SeenPrice;
use crate::{t, tr};

/// "Last seen €4.99 on Dec 6 · aisle 12".
fn last_seen(i18n: I18n, seen: &SeenPrice) -> String {
    with_note(
        tr!(
            i18n,
            LastSeenPrice,
            price = i18n.money(seen.amount_minor, &seen.currency),
            day = i18n.day_of(seen.observed_at)
        ),
        &seen.note,
    )
}

/// "also €3.99 · on sale": another price seen the same day.
fn also_seen(i18n: I18n, seen: &SeenPrice) -> String {
    with_note(
        tr!(
            i18n,
            AlsoSeenPrice,
            price = i18n.money(seen.amount_minor, &seen.currency)
        ),
        &seen.note,
    )
}

fn with_note(mut text: String, note: &str) -> String {
    if !note.is_empty() {
        text.push_str(" · ");
        text.push_str(note);
    }
    text
}

/// The prices seen on the newest day, newest first.
#[component]
pub(super) fn SeenPrices(prices: Vec<SeenPrice>) -> impl IntoView {
    let i18n = use_i18n();
    let mut prices = prices.into_iter();
    let Some(last) = prices.next() else {
        return ().into_any();
    };
    let others: Vec<String> = prices.map(|seen| also_seen(i18n, &seen)).collect();
    view! {
        <p class="muted seen-price" data-testid="seen-price">{last_seen(i18n, &last)}</p>
        {others.into_iter().map(|line| view! {
            <p class="muted seen-price also" data-testid="seen-price">{line}</p>
        }).collect_view()}
    }
    .into_any()
}

/// A price on the shelf, noted without buying.
#[component]
pub(super) fn NotePriceForm(
    run_id: Uuid,
    product_id: Uuid,
    currency: String,
    refresh: RwSignal<usize>,
) -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<NoteShelfPrice>::new();
    let state = FormState::of(action);
    refresh_after(action, refresh);
    toast_after(action, Key::PriceRecorded);
    let form = format!("price-{product_id}");
    let amount_id = format!("shelf-price-{product_id}");
    let note_id = format!("shelf-note-{product_id}");
    let check = FieldCheck::new(state, Concern::Amount, amount_id.clone()).in_form(form.clone());
    let (amount_for, note_for) = (amount_id.clone(), note_id.clone());
    let label_currency = currency.clone();
    view! {
        <details class="note-price" data-testid="note-price">
            <summary>{t!(i18n, NotePriceTitle)}</summary>
            <ActionForm action attr:class="purchase-form">
                <input type="hidden" name="run_id" value=run_id.to_string()/>
                <input type="hidden" name="product_id" value=product_id.to_string()/>
                <input type="hidden" name="currency" value=currency/>
                <FormError state form/>
                <div class="purchase-fields two">
                    <label for=amount_for>
                        {move || tr!(i18n, PriceLabel, currency = label_currency)}
                        <input id=amount_id name="amount" inputmode="decimal" autocomplete="off" required
                            aria-describedby=check.described_by() aria-invalid=check.invalid()/>
                    </label>
                    <label for=note_for>
                        {t!(i18n, PriceNoteLabel)}
                        <input id=note_id name="note" maxlength=PRICE_NOTE_MAX autocomplete="off"/>
                    </label>
                </div>
                <FieldError check=check.clone()/>
                <SubmitButton state label=Key::RecordPriceSubmit/>
            </ActionForm>
        </details>
    }
}
