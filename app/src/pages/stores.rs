//! `/stores` and `/stores/:id`: the shared list of stores, adding one, and a store with the
//! prices seen there.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};
use uuid::Uuid;

use crate::api::catalogue::{CreateStore, UpdateStore, get_store, list_stores};
use crate::components::form::{
    Concern, Field, FieldCheck, FormError, FormState, FormSuccess, SubmitButton,
};
use crate::components::page_error::PageError;
use crate::components::pager::Pager;
use crate::domain::catalogue::{ADDRESS_MAX, OPENING_HOURS_MAX, STORE_NAME_MAX, STORE_NOTES_MAX};
use crate::error::ErrorCode;
use crate::i18n::{Key, use_i18n};
use crate::model::StoreDetail;
use crate::t;

#[component]
pub fn StoresPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let stores = Resource::new(
        move || query.read().get("page").and_then(|p| p.parse::<u32>().ok()),
        list_stores,
    );
    let action = ServerAction::<CreateStore>::new();
    let state = FormState::of(action);
    view! {
        <Title text=i18n.t_now(Key::StoresTitle)/>
        <header class="page-header">
            <h1>{t!(i18n, StoresTitle)}</h1>
            <a class="button small" href="#add-store">{t!(i18n, AddStoreTitle)}</a>
        </header>
        <section class="card">
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match stores.await {
                        Ok(page) if page.items.is_empty() => view! { <p class="empty">{t!(i18n, NoStoresYet)}</p> }.into_any(),
                        Ok(page) => view! {
                            <ul class="group-list" data-testid="stores">
                                {page.items.iter().cloned().map(|store| view! {
                                    <li><a class="list-row" href=format!("/stores/{}", store.id)>
                                        <span class="list-title">{store.name}</span>
                                        <span class="muted">{store.address}</span>
                                    </a></li>
                                }).collect_view()}
                            </ul>
                            <Pager page href_for=|n| format!("/stores?page={n}")/>
                        }.into_any(),
                        Err(error) => view! { <PageError error/> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
        <section class="card" id="add-store">
            <h2>{t!(i18n, AddStoreTitle)}</h2>
            <ActionForm action attr:class="stack" attr:data-testid="add-store-form">
                <FormError state/>
                <StoreFieldsInputs state prefix="new-store"/>
                <SubmitButton state label=Key::AddStoreSubmit/>
            </ActionForm>
        </section>
    }
}

/// The store fields, empty or filled with a store's current values.
#[component]
fn StoreFieldsInputs(
    state: FormState,
    prefix: &'static str,
    #[prop(optional)] store: Option<StoreDetail>,
) -> impl IntoView {
    let (name, address, opening_hours, notes) = store
        .map(|store| (store.name, store.address, store.opening_hours, store.notes))
        .unwrap_or_default();
    let [name_id, address_id, hours_id, hours_hint, notes_id] =
        ["name", "address", "hours", "hours-hint", "notes"]
            .map(|field| format!("{prefix}-{field}"));
    let name_check = FieldCheck::new(state, Concern::Name, name_id.clone());
    view! {
        <Field id=name_id.clone() label=Key::StoreNameLabel check=name_check.clone()>
            <input id=name_id name="name" value=name maxlength=STORE_NAME_MAX required
                aria-invalid=name_check.invalid() aria-describedby=name_check.described_by()/>
        </Field>
        <Field id=address_id.clone() label=Key::AddressLabel>
            <input id=address_id name="address" value=address maxlength=ADDRESS_MAX autocomplete="street-address"/>
        </Field>
        <Field id=hours_id.clone() label=Key::OpeningHoursLabel hint=Key::OpeningHoursHint>
            <input id=hours_id name="opening_hours" value=opening_hours aria-describedby=hours_hint
                maxlength=OPENING_HOURS_MAX/>
        </Field>
        <Field id=notes_id.clone() label=Key::NotesLabel>
            <textarea id=notes_id name="notes" maxlength=STORE_NOTES_MAX rows="3">{notes}</textarea>
        </Field>
    }
}

#[component]
pub fn StorePage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let action = ServerAction::<UpdateStore>::new();
    let state = FormState::of(action);
    let store_id = move || {
        params
            .read()
            .get("id")
            .and_then(|id| Uuid::parse_str(&id).ok())
    };
    // A merged entry's page shows the survivor, then moves to its address.
    let asked_store_id = move || {
        params.with_untracked(|params| params.get("id").and_then(|id| Uuid::parse_str(&id).ok()))
    };
    let store = Resource::new(
        move || {
            let page = query.read().get("page").and_then(|p| p.parse::<u32>().ok());
            (store_id(), page, action.version().get())
        },
        |(store_id, page, _)| async move {
            match store_id {
                Some(store_id) => get_store(store_id, page).await,
                None => Err(ErrorCode::StoreNotFound.into()),
            }
        },
    );
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                match store.await {
                    Ok(store) if Some(store.id) != asked_store_id() => {
                        let survivor = format!("/stores/{}", store.id);
                        view! { <leptos_router::components::Redirect path=survivor/> }.into_any()
                    }
                    Ok(store) => view! { <Store store action state/> }.into_any(),
                    Err(error) => view! { <PageError error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn Store(store: StoreDetail, action: ServerAction<UpdateStore>, state: FormState) -> impl IntoView {
    let i18n = use_i18n();
    let editable = store.viewer_can_edit.then(|| store.clone());
    let store_id = store.id;
    let products = store.products.clone();
    view! {
        <Title text=store.name.clone()/>
        <header class="page-header">
            <h1>{store.name.clone()}</h1>
            {(!store.address.is_empty()).then(|| view! { <p class="muted">{store.address.clone()}</p> })}
            {(!store.opening_hours.is_empty()).then(|| view! { <p class="muted">{store.opening_hours.clone()}</p> })}
        </header>
        {(!store.notes.is_empty()).then(|| view! { <p class="notes">{store.notes.clone()}</p> })}
        <section class="card">
            <h2>{t!(i18n, StoreProductsTitle)}</h2>
            {if products.items.is_empty() {
                view! { <p class="empty">{t!(i18n, NoPricesAtStore)}</p> }.into_any()
            } else {
                view! {
                    <ul class="group-list" data-testid="store-products">
                        {products.items.iter().cloned().map(|shelf| view! {
                            <li><a class="list-row" href=format!("/products/{}", shelf.product_id)>
                                <span class="list-title">{shelf.product_name}</span>
                                <span class="muted">{shelf.brand}</span>
                                <span class="price">{i18n.money(shelf.amount_minor, &shelf.currency)}
                                    {(!shelf.unit.is_empty()).then(|| format!(" / {}", shelf.unit))}</span>
                            </a></li>
                        }).collect_view()}
                    </ul>
                    <Pager page=products href_for=move |n| format!("/stores/{store_id}?page={n}")/>
                }.into_any()
            }}
        </section>
        {editable.map(|store| {
            let store_id = store.id;
            view! {
                <details class="card">
                    <summary>{t!(i18n, EditStoreTitle)}</summary>
                    <ActionForm action attr:class="stack" attr:data-testid="edit-store-form">
                        <input type="hidden" name="store_id" value=store_id.to_string()/>
                        <FormError state/>
                        <StoreFieldsInputs state prefix="edit-store" store/>
                        <FormSuccess state message=Key::Saved/>
                        <SubmitButton state label=Key::SaveChanges/>
                    </ActionForm>
                </details>
            }
        })}
        <p class="aside"><a href="/stores">{t!(i18n, StoresTitle)}</a></p>
    }
}
