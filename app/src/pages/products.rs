//! `/products` and `/products/:id`: the shared product list, adding one (with similar names
//! suggested while typing), and a product with its current prices, price chart and history.

use std::time::Duration;

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};
use uuid::Uuid;

use crate::api::catalogue::{
    CreateProduct, RecordPrice, SetPack, UpdateProduct, family_choices, get_product, list_products,
    similar_products, store_choices,
};
use crate::api::runs::runs_with_product;
use crate::components::debounce::Debouncer;
use crate::components::families::{FamilySelect, FamilyVariants, family_note};
use crate::components::form::{
    Concern, Field, FieldCheck, FormError, FormState, FormSuccess, SubmitButton,
};
use crate::components::pack_terms::pack_terms;
use crate::components::page_error::PageError;
use crate::components::pager::Pager;
use crate::components::price_chart::PriceChart;
use crate::components::run_list::RunList;
use crate::components::store_select::StoreSelect;
use crate::domain::catalogue::{BRAND_MAX, PRICE_NOTE_MAX, PRODUCT_NAME_MAX, UNIT_MAX};
use crate::domain::packs::Granularity;
use crate::error::ErrorCode;
use crate::i18n::{I18n, Key, use_i18n};
use crate::model::{FamilyRef, PricePoint, ProductDetail, ProductSummary, StoreSummary};
use crate::t;
use crate::tr;

fn product_label(i18n: I18n, product: &ProductSummary) -> String {
    let unit = i18n.unit(&product.unit);
    match (product.brand.is_empty(), unit.is_empty()) {
        (true, true) => product.name.clone(),
        (false, true) => format!("{} · {}", product.name, product.brand),
        (true, false) => format!("{} ({unit})", product.name),
        (false, false) => format!("{} · {} ({unit})", product.name, product.brand),
    }
}

#[component]
pub fn ProductsPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let products = Resource::new(
        move || query.read().get("page").and_then(|p| p.parse::<u32>().ok()),
        list_products,
    );
    view! {
        <Title text=i18n.t_now(Key::ProductsTitle)/>
        <header class="page-header">
            <h1>{t!(i18n, ProductsTitle)}</h1>
            <a class="button small" href="#add-product">{t!(i18n, AddProductTitle)}</a>
        </header>
        <section class="card">
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match products.await {
                        Ok(page) if page.items.is_empty() => view! { <p class="empty">{t!(i18n, NoProductsYet)}</p> }.into_any(),
                        Ok(page) => view! {
                            <ul class="group-list" data-testid="products">
                                {page.items.iter().map(|product| view! {
                                    <li><a class="list-row" href=format!("/products/{}", product.id)>
                                        <span class="list-title">{product_label(i18n, product)}</span>
                                        {family_note(i18n, product).map(|note| view! { <span class="badge">{note}</span> })}
                                    </a></li>
                                }).collect_view()}
                            </ul>
                            <Pager page href_for=|n| format!("/products?page={n}")/>
                        }.into_any(),
                        Err(error) => view! { <PageError error/> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
        <AddProductForm/>
    }
}

#[component]
fn AddProductForm() -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<CreateProduct>::new();
    let state = FormState::of(action);
    let name_check = FieldCheck::new(state, Concern::Name, "new-product-name");
    let typed = RwSignal::new(String::new());
    let debouncer = Debouncer::new(Duration::from_millis(300));
    let families = Resource::new(|| (), |_| family_choices());
    let similar = Resource::new(
        move || typed.get(),
        |name| async move {
            if name.trim().chars().count() < 2 {
                Ok(Vec::new())
            } else {
                similar_products(name).await
            }
        },
    );
    view! {
        <section class="card" id="add-product">
            <h2>{t!(i18n, AddProductTitle)}</h2>
            <ActionForm action attr:class="stack" attr:data-testid="add-product-form">
                <FormError state/>
                <Field id="new-product-name" label=Key::ProductNameLabel check=name_check.clone()>
                    <input id="new-product-name" name="name" maxlength=PRODUCT_NAME_MAX required autocomplete="off"
                        aria-invalid=name_check.invalid() aria-describedby=name_check.described_by()
                        on:input=move |event| {
                            let name = event_target_value(&event);
                            debouncer.run(move || {
                                typed.try_set(name);
                            });
                        }/>
                </Field>
                <Transition fallback=|| ()>
                    {move || Suspend::new(async move {
                        let found = similar.await.unwrap_or_default();
                        (!found.is_empty()).then(|| view! {
                            <div class="suggestions" role="status" data-testid="similar-products">
                                <p class="muted">{t!(i18n, SimilarProducts)}</p>
                                <ul>
                                    {found.iter().map(|product| view! {
                                        <li><a href=format!("/products/{}", product.id)>{product_label(i18n, product)}</a></li>
                                    }).collect_view()}
                                </ul>
                            </div>
                        })
                    })}
                </Transition>
                <Field id="new-product-brand" label=Key::BrandLabel>
                    <input id="new-product-brand" name="brand" maxlength=BRAND_MAX/>
                </Field>
                <Field id="new-product-unit" label=Key::UnitLabel hint=Key::UnitHint>
                    <input id="new-product-unit" name="unit" maxlength=UNIT_MAX aria-describedby="new-product-unit-hint"/>
                </Field>
                <Suspense fallback=|| ()>
                    {move || Suspend::new(async move {
                        let choices = families.await.unwrap_or_default();
                        view! { <FamilySelect id="new-product-family" choices/> }
                    })}
                </Suspense>
                <label class="check">
                    <input type="checkbox" name="is_family" data-testid="new-product-is-family"/>
                    {t!(i18n, IsFamilyLabel)}
                </label>
                <SubmitButton state label=Key::AddProductSubmit/>
            </ActionForm>
        </section>
    }
}

#[derive(Clone, Copy)]
struct ProductActions {
    record: (ServerAction<RecordPrice>, FormState),
    update: (ServerAction<UpdateProduct>, FormState),
    pack: (ServerAction<SetPack>, FormState),
}

#[component]
pub fn ProductPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let record = ServerAction::<RecordPrice>::new();
    let update = ServerAction::<UpdateProduct>::new();
    let pack = ServerAction::<SetPack>::new();
    let actions = ProductActions {
        record: (record, FormState::of(record)),
        update: (update, FormState::of(update)),
        pack: (pack, FormState::of(pack)),
    };
    let product_id = move || {
        params
            .read()
            .get("id")
            .and_then(|id| Uuid::parse_str(&id).ok())
    };
    // A merged entry's page shows the survivor, then moves to its address.
    let asked_product_id = move || {
        params.with_untracked(|params| params.get("id").and_then(|id| Uuid::parse_str(&id).ok()))
    };
    let product = Resource::new(
        move || {
            (
                product_id(),
                query
                    .read()
                    .get("history")
                    .and_then(|p| p.parse::<u32>().ok()),
                record.version().get() + update.version().get() + pack.version().get(),
            )
        },
        |(product_id, history_page, _)| async move {
            match product_id {
                Some(product_id) => get_product(product_id, history_page).await,
                None => Err(ErrorCode::ProductNotFound.into()),
            }
        },
    );
    let stores = Resource::new(|| (), |_| store_choices());
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                let stores = stores.await.unwrap_or_default();
                match product.await {
                    Ok(product) if Some(product.id) != asked_product_id() => {
                        let survivor = format!("/products/{}", product.id);
                        view! { <leptos_router::components::Redirect path=survivor/> }.into_any()
                    }
                    Ok(product) => view! { <Product product stores actions/> }.into_any(),
                    Err(error) => view! { <PageError error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn Product(
    product: ProductDetail,
    stores: Vec<StoreSummary>,
    actions: ProductActions,
) -> impl IntoView {
    let i18n = use_i18n();
    let product_id = product.id;
    let chart_label = tr!(i18n, PriceChartLabel, product = product.name);
    let summary = ProductSummary {
        id: product.id,
        name: product.name.clone(),
        brand: product.brand.clone(),
        unit: product.unit.clone(),
        is_family: product.is_family,
        family: product.family.clone(),
    };
    let header = view! {
        <Title text=product.name.clone()/>
        <header class="page-header">
            <h1>{product.name.clone()}</h1>
            {(!product.brand.is_empty()).then(|| view! { <p class="muted">{product.brand.clone()}</p> })}
            {(!product.unit.is_empty()).then(|| view! { <p class="muted">{i18n.unit(&product.unit).to_owned()}</p> })}
            {product.is_family.then(|| view! { <span class="badge">{t!(i18n, FamilyBadge)}</span> })}
            {product.family.clone().map(|family| view! {
                <p data-testid="variant-of"><a href=format!("/products/{}", family.id)>{tr!(i18n, VariantOf, family = family.name)}</a></p>
            })}
        </header>
    };
    if product.is_family {
        // A family has no shelf of its own: its page is its variants and the runs it is in.
        return view! {
            {header}
            <FamilyVariants variants=product.variants.clone()/>
            <ProductRuns product_id/>
            {product.viewer_can_edit.then(|| view! { <EditProductForm product=summary choices=Vec::new() actions/> })}
            <p class="aside"><a href="/products">{t!(i18n, ProductsTitle)}</a></p>
        }
        .into_any();
    }
    let choices = product.family_choices.clone();
    view! {
        {header}
        <section class="card">
            <h2>{t!(i18n, CurrentPricesTitle)}</h2>
            {if product.current_prices.is_empty() {
                view! { <p class="empty">{t!(i18n, NoPricesYet)}</p> }.into_any()
            } else {
                view! {
                    <ul class="group-list" data-testid="current-prices">
                        {product.current_prices.iter().map(|price| view! {
                            <li><a class="list-row" href=format!("/stores/{}", price.store_id)>
                                <span class="list-title">{price.store_name.clone()}</span>
                                <span class="price">{i18n.money(price.amount_minor, &price.currency)}</span>
                                {pack_price(i18n, price, &product.unit).map(|pack| view! { <span class="muted pack-price">{pack}</span> })}
                                <span class="muted">{i18n.day_of(price.observed_at)}</span>
                            </a></li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <PriceChart series=product.price_series.clone() label=chart_label
                currency=product.record_currency.clone()/>
        </section>
        <RecordPriceForm product_id currency=product.record_currency.clone() stores=stores.clone() actions
            last_seen_at=product.history.items.first().map(|point| point.store_id)/>
        <Packs product=product.clone() stores actions/>
        {(!product.history.items.is_empty()).then(|| view! { <PriceHistory product=product.clone()/> })}
        <ProductRuns product_id/>
        {product.viewer_can_edit.then(|| view! { <EditProductForm product=summary choices actions/> })}
        <p class="aside"><a href="/products">{t!(i18n, ProductsTitle)}</a></p>
    }
    .into_any()
}

#[component]
fn RecordPriceForm(
    product_id: Uuid,
    currency: String,
    stores: Vec<StoreSummary>,
    actions: ProductActions,
    /// The store of the newest observation: the likeliest place for the next one.
    last_seen_at: Option<Uuid>,
) -> impl IntoView {
    let i18n = use_i18n();
    let (action, state) = actions.record;
    let amount_check = FieldCheck::new(state, Concern::Amount, "price-amount").with_hint();
    if stores.is_empty() {
        return view! {
            <section class="card"><p class="empty"><a href="/stores">{t!(i18n, AddStoreFirst)}</a></p></section>
        }.into_any();
    }
    view! {
        <section class="card">
            <h2>{t!(i18n, RecordPriceTitle)}</h2>
            <ActionForm action attr:class="stack" attr:data-testid="record-price-form">
                <input type="hidden" name="product_id" value=product_id.to_string()/>
                <FormError state/>
                <StoreSelect id="price-store" stores selected=last_seen_at/>
                <Field id="price-amount" label=Key::PriceLabel hint=Key::PriceHint
                    label_value=("currency", currency) check=amount_check.clone()>
                    <input id="price-amount" name="amount" inputmode="decimal" autocomplete="off" required
                        pattern="[0-9]+([.,][0-9]{1,3})?" aria-invalid=amount_check.invalid()
                        aria-describedby=amount_check.described_by()/>
                </Field>
                <Field id="price-pack-size" label=Key::PricePackSizeLabel hint=Key::PricePackSizeHint>
                    <input id="price-pack-size" name="pack_size" inputmode="decimal" autocomplete="off"
                        pattern="[0-9]+([.,][0-9]{1,3})?" aria-describedby="price-pack-size-hint"/>
                </Field>
                <Field id="price-note" label=Key::PriceNoteLabel hint=Key::PriceNoteHint>
                    <input id="price-note" name="note" maxlength=PRICE_NOTE_MAX aria-describedby="price-note-hint"/>
                </Field>
                <FormSuccess state message=Key::PriceRecorded/>
                <SubmitButton state label=Key::RecordPriceSubmit/>
            </ActionForm>
        </section>
    }.into_any()
}

/// The runs in the viewer's groups this product is part of.
#[component]
fn ProductRuns(product_id: Uuid) -> impl IntoView {
    let i18n = use_i18n();
    let runs = Resource::new(move || product_id, runs_with_product);
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let runs = runs.await.unwrap_or_default();
                (!runs.is_empty()).then(|| view! {
                    <section class="card">
                        <h2>{t!(i18n, ProductRunsTitle)}</h2>
                        <RunList runs show_group=true/>
                    </section>
                })
            })}
        </Suspense>
    }
    .into_any()
}

/// A price seen for a whole pack, as it was on the shelf: "€11.94 for 6 L".
fn pack_price(i18n: I18n, point: &PricePoint, unit: &str) -> Option<String> {
    let (size, amount) = point.pack?;
    Some(tr!(
        i18n,
        PackPriceSeen,
        price = i18n.money(amount, &point.currency),
        size = i18n.quantity(size, unit)
    ))
}

#[component]
fn PriceHistory(product: ProductDetail) -> impl IntoView {
    let i18n = use_i18n();
    let product_id = product.id;
    view! {
        <section class="card">
            <h2>{t!(i18n, PriceHistoryTitle)}</h2>
            <div class="table-scroll">
                <table class="history" data-testid="price-history">
                    <thead><tr>
                        <th scope="col">{t!(i18n, HistoryDate)}</th>
                        <th scope="col">{t!(i18n, HistoryStore)}</th>
                        <th scope="col" class="number">{t!(i18n, HistoryPrice)}</th>
                        <th scope="col">{t!(i18n, HistoryNote)}</th>
                        <th scope="col">{t!(i18n, HistoryBy)}</th>
                    </tr></thead>
                    <tbody>
                        {product.history.items.iter().map(|point| view! {
                            <tr>
                                <td>{i18n.day_of(point.observed_at)}</td>
                                <td>{point.store_name.clone()}</td>
                                <td class="number">
                                    {i18n.money(point.amount_minor, &point.currency)}
                                    {pack_price(i18n, point, &product.unit).map(|pack| view! { <small class="pack-price">{pack}</small> })}
                                </td>
                                <td>{point.note.clone()}</td>
                                <td>{point.observed_by.clone().unwrap_or_else(|| i18n.t_now(Key::PriceByAnotherGroup).to_owned())}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <Pager page=product.history href_for=move |n| format!("/products/{product_id}?history={n}")/>
        </section>
    }
    // Erased: the product page's view type would otherwise outgrow the compiler's depth limit.
    .into_any()
}

#[component]
fn EditProductForm(
    product: ProductSummary,
    /// The families it may join (none for a family: families do not nest).
    choices: Vec<FamilyRef>,
    actions: ProductActions,
) -> impl IntoView {
    let i18n = use_i18n();
    let (action, state) = actions.update;
    let name_check = FieldCheck::new(state, Concern::Name, "edit-product-name");
    view! {
        <details class="card">
            <summary>{t!(i18n, EditProductTitle)}</summary>
            <ActionForm action attr:class="stack" attr:data-testid="edit-product-form">
                <input type="hidden" name="product_id" value=product.id.to_string()/>
                <FormError state/>
                <Field id="edit-product-name" label=Key::ProductNameLabel check=name_check.clone()>
                    <input id="edit-product-name" name="name" value=product.name maxlength=PRODUCT_NAME_MAX required
                        aria-invalid=name_check.invalid() aria-describedby=name_check.described_by()/>
                </Field>
                <Field id="edit-product-brand" label=Key::BrandLabel>
                    <input id="edit-product-brand" name="brand" value=product.brand maxlength=BRAND_MAX/>
                </Field>
                <Field id="edit-product-unit" label=Key::UnitLabel>
                    <input id="edit-product-unit" name="unit" value=product.unit maxlength=UNIT_MAX/>
                </Field>
                {(!product.is_family).then(|| view! {
                    <FamilySelect id="edit-product-family" choices selected=product.family.map(|family| family.id)/>
                })}
                <FormSuccess state message=Key::Saved/>
                <SubmitButton state label=Key::SaveChanges/>
            </ActionForm>
        </details>
    }
    // Erased: the product page's view type would otherwise outgrow the compiler's depth limit.
    .into_any()
}

/// How stores sell the product: by the pack, with a minimum order, or loose; anyone may say.
#[component]
fn Packs(
    product: ProductDetail,
    stores: Vec<StoreSummary>,
    actions: ProductActions,
) -> impl IntoView {
    let i18n = use_i18n();
    let (action, state) = actions.pack;
    let size_check = FieldCheck::new(state, Concern::Pack, "pack-size").with_hint();
    let unit = product.unit.clone();
    let product_id = product.id;
    let packs = product.packs;
    view! {
        <section class="card" data-testid="packs">
            <h2>{t!(i18n, PacksTitle)}</h2>
            {if packs.is_empty() {
                view! { <p class="empty">{t!(i18n, NoPacksYet)}</p> }.into_any()
            } else {
                view! {
                    <ul class="group-list" data-testid="store-packs">
                        {packs.into_iter().map(|pack| {
                            let terms = pack_terms(i18n, &pack.rule, &unit);
                            let whole = pack.rule.granularity == Granularity::WholeUnits;
                            view! {
                                <li class="list-row">
                                    <span class="list-title">{pack.store_name}</span>
                                    <span>{terms}</span>
                                    {whole.then(|| view! { <span class="muted">{t!(i18n, PackWholeUnitsShort)}</span> })}
                                    <ActionForm action attr:class="inline-form">
                                        <input type="hidden" name="product_id" value=product_id.to_string()/>
                                        <input type="hidden" name="store_id" value=pack.store_id.to_string()/>
                                        <button type="submit" name="loose" value="true" class="button small">
                                            {t!(i18n, PackLooseSubmit)}
                                        </button>
                                    </ActionForm>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            {(!stores.is_empty()).then(|| view! {
                <ActionForm action attr:class="stack" attr:data-testid="pack-form">
                    <input type="hidden" name="product_id" value=product_id.to_string()/>
                    <FormError state/>
                    <StoreSelect id="pack-store" stores/>
                    <Field id="pack-size" label=Key::PackSizeLabel hint=Key::PackSizeHint check=size_check.clone()>
                        <input id="pack-size" name="size" inputmode="decimal" autocomplete="off"
                            pattern="[0-9]*([.,][0-9]{1,3})?" aria-invalid=size_check.invalid()
                            aria-describedby=size_check.described_by()/>
                    </Field>
                    <Field id="pack-minimum" label=Key::PackMinimumLabel hint=Key::PackMinimumHint>
                        <input id="pack-minimum" name="minimum" inputmode="decimal" autocomplete="off"
                            pattern="[0-9]*([.,][0-9]{1,3})?" aria-describedby="pack-minimum-hint"/>
                    </Field>
                    <label class="check">
                        <input type="checkbox" name="whole_units" checked=true/>
                        {t!(i18n, PackWholeUnitsLabel)}
                    </label>
                    <FormSuccess state message=Key::PackSaved/>
                    <SubmitButton state label=Key::PackSaveSubmit/>
                </ActionForm>
            })}
        </section>
    }
}
