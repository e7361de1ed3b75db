//! The store picker of the forms that need one (a new run, a price, a pack): every live store by
//! name, as a labelled select named `store_id`.

use leptos::prelude::*;
use uuid::Uuid;

use crate::components::form::Field;
use crate::i18n::Key;
use crate::model::StoreSummary;

#[component]
pub fn StoreSelect(
    id: &'static str,
    stores: Vec<StoreSummary>,
    /// The store picked at first (the likeliest one), if any.
    #[prop(default = None)]
    selected: Option<Uuid>,
) -> impl IntoView {
    view! {
        <Field id=id label=Key::StoreLabel>
            <select id=id name="store_id" required>
                {stores.into_iter().map(|store| view! {
                    <option value=store.id.to_string() selected=selected == Some(store.id)>{store.name}</option>
                }).collect_view()}
            </select>
        </Field>
    }
}
