//! Product families as pages show them: the "any variant" or "variant of Rice" note beside a
//! product's name, the family picker of the product forms, and a family's variants.

use leptos::prelude::*;

use crate::components::form::Field;
use crate::domain::ids::ProductId;
use crate::i18n::{I18n, Key, use_i18n};
use crate::model::{FamilyRef, ProductSummary};
use crate::{t, tr};

/// "Any variant" for a family, "Variant of Rice" for one of its variants.
pub fn family_note(i18n: I18n, product: &ProductSummary) -> Option<String> {
    if product.is_family {
        return Some(i18n.t(Key::FamilyBadge).to_owned());
    }
    let family = product.family.as_ref()?;
    Some(tr!(i18n, VariantOf, family = family.name))
}

/// The family a product belongs to, as a select named `family` (empty: none).
#[component]
pub fn FamilySelect(
    id: &'static str,
    choices: Vec<FamilyRef>,
    #[prop(default = None)] selected: Option<ProductId>,
) -> impl IntoView {
    let i18n = use_i18n();
    let hint = format!("{id}-hint");
    view! {
        <Field id=id label=Key::FamilyLabel hint=Key::FamilyHint>
            <select id=id name="family" aria-describedby=hint>
                <option value="" selected=selected.is_none()>{t!(i18n, FamilyNone)}</option>
                {choices.into_iter().map(|family| view! {
                    <option value=family.id.to_string() selected=selected == Some(family.id)>{family.name}</option>
                }).collect_view()}
            </select>
        </Field>
    }
}

/// A family's page: what a family is for, and its variants with links.
#[component]
pub fn FamilyVariants(variants: Vec<ProductSummary>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="card" data-testid="family-variants">
            <h2>{t!(i18n, FamilyVariantsTitle)}</h2>
            <p class="muted">{t!(i18n, FamilyExplained)}</p>
            {if variants.is_empty() {
                view! { <p class="empty">{t!(i18n, FamilyNoVariants)}</p> }.into_any()
            } else {
                view! {
                    <ul class="group-list">
                        {variants.into_iter().map(|variant| {
                            let details = [variant.brand.clone(), i18n.unit(&variant.unit).to_owned()]
                                .into_iter()
                                .filter(|part| !part.is_empty())
                                .collect::<Vec<_>>()
                                .join(" · ");
                            view! {
                                <li><a class="list-row" href=format!("/products/{}", variant.id)>
                                    <span class="list-title">{variant.name}</span>
                                    <span class="muted">{details}</span>
                                </a></li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}
