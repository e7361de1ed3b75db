//! The profile's "how friends pay you back": an IBAN with the account holder's name, and/or a
//! note. A plain form, so it works without JavaScript.

use leptos::prelude::*;

use crate::api::money::{SavePaymentDetails, my_payment_details};
use crate::components::form::{Field, FormError, FormState, FormSuccess, SubmitButton};
use crate::domain::payment_details::{PAYEE_NAME_MAX, PAYMENT_NOTE_MAX, PaymentDetails};
use crate::i18n::{Key, use_i18n};
use crate::t;

#[component]
pub fn PaymentDetailsCard() -> impl IntoView {
    let action = ServerAction::<SavePaymentDetails>::new();
    let saved = Resource::new(move || action.version().get(), |_| my_payment_details());
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let current = saved.await.unwrap_or_default();
                view! { <PaymentDetailsForm current action/> }
            })}
        </Suspense>
    }
}

#[component]
fn PaymentDetailsForm(
    current: PaymentDetails,
    action: ServerAction<SavePaymentDetails>,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = FormState::of(action);
    let iban = current
        .iban
        .map(|iban| iban.to_string())
        .unwrap_or_default();
    view! {
        <section class="card">
            <h2>{t!(i18n, PaymentDetailsTitle)}</h2>
            <p class="muted">{t!(i18n, PaymentDetailsHelp)}</p>
            <ActionForm action attr:class="stack" attr:data-testid="payment-details-form">
                <FormError state/>
                <Field id="payment-iban" label=Key::IbanLabel>
                    <input id="payment-iban" name="iban" value=iban autocomplete="off" maxlength="42"
                        autocapitalize="characters" spellcheck="false"/>
                </Field>
                <Field id="payment-name" label=Key::PayeeNameLabel>
                    <input id="payment-name" name="name" value=current.name autocomplete="name"
                        maxlength=PAYEE_NAME_MAX/>
                </Field>
                <Field id="payment-note" label=Key::PaymentNoteLabel hint=Key::PaymentNoteHint>
                    <input id="payment-note" name="note" value=current.note maxlength=PAYMENT_NOTE_MAX
                        aria-describedby="payment-note-hint"/>
                </Field>
                <FormSuccess state message=Key::Saved/>
                <SubmitButton state label=Key::SavePaymentDetails/>
            </ActionForm>
        </section>
    }
}
