//! `/runs/:id/shopping`: the list in the store, made for one thumb. Items still to buy come
//! first, each with what was asked (in packs when bought by the pack) and the prices seen on the
//! newest day (`prices`, which also notes a price without buying); recording one takes the
//! quantity and the unit price or the total (hydrated, typing one fills the other and warns about a price far
//! from the last one). Recorded items can be corrected or put back; what is being typed survives a
//! live refresh. Leaders and helpers get the forms (as the state machine offers `RecordPurchase`);
//! everyone else sees the list.

mod prices;

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};
use uuid::Uuid;

use crate::api::catalogue::similar_products;
use crate::api::shopping::{
    AddShoppingItem, CompleteShopping, MarkOutOfStock, RecordPacks, RecordPurchase,
    UnrecordPurchase, get_shopping_list,
};
use crate::components::confirm::ConfirmSubmit;
use crate::components::drafts::Drafts;
use crate::components::form::{
    Concern, FieldCheck, FieldError, FormError, FormState, SubmitButton, refresh_after,
};
use crate::components::live::live_refresh;
use crate::components::pack_terms::pack_purchase;
use crate::components::page_error::PageError;
use crate::components::toast::toast_after;
use crate::domain::money::{format_plain, parse_amount};
use crate::domain::purchase::{line_total, price_jump};
use crate::domain::quantity::{MAX_PURCHASE, Quantity};
use crate::domain::run_state::{RunAction, authorize};
use crate::domain::search::{QUERY_MAX, SUGGEST_MIN};
use crate::error::ErrorCode;
use crate::i18n::{Arg, I18n, Key, use_i18n};
use crate::model::{ShoppingItemView, ShoppingList};
use crate::pages::run::{RunConfirmation, done_shopping_question};

use crate::t;
use crate::tr;
use prices::{NotePriceForm, SeenPrices};

#[component]
pub fn ShoppingPage() -> impl IntoView {
    let params = use_params_map();
    let refresh = RwSignal::new(0_usize);
    let complete = ServerAction::<CompleteShopping>::new();
    toast_after(complete, Key::ToastShoppingDone);
    let run_id = move || {
        params
            .read()
            .get("id")
            .and_then(|id| Uuid::parse_str(&id).ok())
    };
    if let Some(id) = params.with_untracked(|p| p.get("id")) {
        live_refresh(format!("/events/runs/{id}"), refresh);
    }
    PurchaseDrafts::provide();
    let list = Resource::new(
        move || (run_id(), refresh.get()),
        |(run_id, _)| async move {
            match run_id {
                Some(run_id) => get_shopping_list(run_id).await,
                None => Err(ErrorCode::RunNotFound.into()),
            }
        },
    );
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                match list.await {
                    Ok(list) => view! { <ShoppingView list refresh complete/> }.into_any(),
                    Err(error) => view! { <PageError error/> }.into_any(),
                }
            })}
        </Transition>
    }
    .into_any()
}

#[component]
fn ShoppingView(
    list: ShoppingList,
    refresh: RwSignal<usize>,
    complete: ServerAction<CompleteShopping>,
) -> impl IntoView {
    let i18n = use_i18n();
    let shops = authorize(list.state, list.viewer_role, RunAction::RecordPurchase).is_ok();
    let may_complete = authorize(list.state, list.viewer_role, RunAction::CompleteShopping).is_ok();
    let run_id = list.run_id;
    let spent = i18n.money(list.spent_minor(), &list.currency);
    let (to_buy, recorded): (Vec<ShoppingItemView>, Vec<ShoppingItemView>) = list
        .items
        .iter()
        .cloned()
        .partition(|item| !item.is_recorded());
    let left = to_buy.len() as i64;
    let recorded_count = recorded.len();
    let currency = list.currency.clone();
    let complete_state = FormState::of(complete);
    let question = done_shopping_question(i18n, left);
    view! {
        <Title text=i18n.t_now(Key::ShoppingTitle)/>
        <nav class="breadcrumb" aria-label=move || i18n.t(Key::BreadcrumbLabel)>
            <a href=format!("/runs/{run_id}") data-testid="back-to-run">{t!(i18n, BackToRun)}</a>
        </nav>
        <header class="page-header shopping-header">
            <h1>{t!(i18n, ShoppingTitle)}" · "{list.store_name.clone()}</h1>
            <p class="spent" data-testid="spent">{move || tr!(i18n, SpentSoFar, amount = spent)}</p>
        </header>
        {may_complete.then(|| view! {
            <ActionForm action=complete attr:class="inline-form complete-shopping" attr:data-testid="complete-shopping">
                <input type="hidden" name="run_id" value=run_id.to_string()/>
                <FormError state=complete_state/>
                <ConfirmSubmit state=complete_state page=RunConfirmation::DoneShopping.page(run_id)
                    label=Signal::derive(move || i18n.t(Key::CompleteShoppingSubmit).to_owned())
                    question=Signal::derive(move || question.clone())/>
            </ActionForm>
        })}
        <section class="card">
            <h2>{move || tr!(i18n, ToBuyTitle, count = left)}</h2>
            {if to_buy.is_empty() {
                view! { <p class="empty">{t!(i18n, NothingLeftToBuy)}</p> }.into_any()
            } else {
                view! {
                    <ul class="shopping-items" data-testid="to-buy">
                        {to_buy.into_iter().map(|item| view! {
                            <ItemCard run_id item currency=currency.clone() shops refresh/>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
        {(!recorded.is_empty()).then(|| view! {
            <section class="card">
                <h2>{move || tr!(i18n, RecordedTitle, count = recorded_count)}</h2>
                <ul class="shopping-items" data-testid="recorded">
                    {recorded.clone().into_iter().map(|item| view! {
                        <ItemCard run_id item currency=currency.clone() shops refresh/>
                    }).collect_view()}
                </ul>
            </section>
        })}
        {shops.then(|| view! { <AddToList run_id present=list.items.iter().map(|i| i.product_id).collect() refresh/> })}
    }
    .into_any()
}

#[component]
fn ItemCard(
    run_id: Uuid,
    item: ShoppingItemView,
    currency: String,
    shops: bool,
    refresh: RwSignal<usize>,
) -> impl IntoView {
    let i18n = use_i18n();
    let unit = item.unit.clone();
    let requested = pack_purchase(i18n, item.requested, item.pack_size, &unit);
    let seen = item.seen_prices.clone();
    let last_minor = item
        .last_price()
        .filter(|seen| seen.currency == currency)
        .map(|seen| seen.amount_minor);
    let outcome = item.purchase.as_ref().map(|purchase| {
        if purchase.quantity.is_zero() {
            (i18n.t_now(Key::OutOfStock).to_owned(), None)
        } else {
            let text = tr!(
                i18n,
                BoughtFor,
                quantity = i18n.quantity(purchase.quantity, &unit),
                price = i18n.money(purchase.unit_price_minor, &currency),
                total = i18n.money(purchase.total_minor, &currency)
            );
            (text, price_jump(last_minor, purchase.unit_price_minor))
        }
    });
    let recorded = item.is_recorded();
    // A family is bought as one of its variants: without any, only "none there" can be said.
    let buyable = !item.is_family || !item.variants.is_empty();
    let buyable_family_missing = !buyable && shops;
    // More or less than was asked: adjusting will follow.
    let differs = item
        .purchase
        .as_ref()
        .is_some_and(|p| p.quantity != item.requested);
    let by = item
        .purchase
        .as_ref()
        .map(|p| p.by.clone())
        .unwrap_or_default();
    view! {
        <li class="shopping-item" class:recorded=recorded data-testid=format!("item-{}", item.name)>
            <div class="product-head">
                <span class="list-title">{item.name.clone()}</span>
                <span class="requested" data-testid="requested">{requested}</span>
            </div>
            {(!item.brand.is_empty()).then(|| view! { <p class="muted">{item.brand.clone()}</p> })}
            {item.is_family.then(|| view! { <p class="muted">{t!(i18n, FamilyItemExplained)}</p> })}
            {item.for_family.clone().map(|family| view! { <p class="muted" data-testid="for-family">{tr!(i18n, ForFamily, family = family)}</p> })}
            {(buyable_family_missing).then(|| view! {
                <p class="status-warn"><a href=format!("/products/{}", item.product_id)>{t!(i18n, FamilyItemNoVariants)}</a></p>
            })}
            {item.added_in_store.then(|| view! { <p class="muted">{t!(i18n, AddedInStore)}</p> })}
            <SeenPrices prices=seen/>
            {outcome.map(|(text, jump)| view! {
                <p class=if differs { "bought-line status-warn" } else { "bought-line status-ok" } data-testid="outcome">{text}</p>
                {(!by.is_empty()).then(|| view! { <p class="muted">{crate::i18n::format(i18n.language_untracked(), Key::RecordedBy, &[("name", Arg::Text(&by))])}</p> })}
                {jump.map(|percent| view! { <p class="price-warning" role="note">{price_jump_text(i18n, percent)}</p> })}
            })}
            {(shops && !recorded).then(|| view! {
                {buyable.then(|| view! { <PurchaseForm run_id item=item.clone() currency=currency.clone() last_minor correcting=false refresh/> })}
                <OutOfStockForm run_id product_id=item.product_id currency=currency.clone() correcting=false refresh/>
                {(!item.is_family).then(|| view! { <NotePriceForm run_id product_id=item.product_id currency=currency.clone() refresh/> })}
            })}
            {(shops && recorded).then(|| view! {
                <details class="edit-purchase">
                    <summary>{t!(i18n, EditPurchase)}</summary>
                    {buyable.then(|| view! { <PurchaseForm run_id item=item.clone() currency=currency.clone() last_minor correcting=true refresh/> })}
                    <OutOfStockForm run_id product_id=item.product_id currency=currency.clone() correcting=true refresh/>
                </details>
                <UnrecordForm run_id product_id=item.product_id refresh/>
            })}
        </li>
    }
    .into_any()
}

fn price_jump_text(i18n: I18n, percent: i64) -> String {
    let key = if percent > 0 {
        Key::PriceAboveLast
    } else {
        Key::PriceBelowLast
    };
    i18n.format(key, &[("percent", Arg::Number(percent.abs()))])
}

/// Which price field the shopper typed last: it wins when the quantity changes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Typed {
    Unit,
    Total,
}

/// What the shopper has typed into a purchase form and not yet recorded.
#[derive(Clone)]
struct Draft {
    quantity: String,
    unit: String,
    total: String,
    typed: Typed,
    /// The variant picked, for a family.
    variant: String,
}

/// The drafts of every purchase form, by product and whether it corrects a purchase.
type PurchaseDrafts = Drafts<(Uuid, bool), Draft>;

#[component]
fn PurchaseForm(
    run_id: Uuid,
    item: ShoppingItemView,
    currency: String,
    last_minor: Option<i64>,
    correcting: bool,
    refresh: RwSignal<usize>,
) -> impl IntoView {
    let i18n = use_i18n();
    // Bought by the pack, the form counts packs and prices one pack; the arithmetic is the same.
    let pack = item.pack_size;
    let by_pack = pack.is_some() && item.packs_of(item.requested).is_some();
    let id = item.product_id;
    let drafts = PurchaseDrafts::current();
    let key = (id, correcting);
    let units = ServerAction::<RecordPurchase>::new();
    let packs = ServerAction::<RecordPacks>::new();
    let state = if by_pack {
        refresh_after(packs, refresh);
        toast_after(packs, Key::ToastRecorded);
        drafts.forget_after(packs, key);
        FormState::of(packs)
    } else {
        refresh_after(units, refresh);
        toast_after(units, Key::ToastRecorded);
        drafts.forget_after(units, key);
        FormState::of(units)
    };
    let draft = drafts.get(&key).unwrap_or_else(|| {
        let bought = item.purchase.as_ref().filter(|p| !p.quantity.is_zero());
        let quantity = bought.map_or(item.requested, |p| p.quantity);
        let packs = pack.and(item.packs_of(quantity));
        let unit = bought.map(|p| match packs.filter(|packs| *packs > 0) {
            Some(packs) => p.total_minor / packs,
            None => p.unit_price_minor,
        });
        Draft {
            quantity: packs.map_or_else(|| quantity.to_string(), |packs| packs.to_string()),
            unit: unit
                .map(|unit| format_plain(unit, &currency))
                .unwrap_or_default(),
            total: bought
                .map(|p| format_plain(p.total_minor, &currency))
                .unwrap_or_default(),
            typed: Typed::Unit,
            variant: String::new(),
        }
    });
    // The price of one unit, from the price typed (of a unit, or of a pack).
    let per_unit = move |typed_price: i64| match pack.filter(|_| by_pack) {
        Some(size) => {
            (i128::from(typed_price) * 1000 / i128::from(size.thousandths().max(1))) as i64
        }
        None => typed_price,
    };
    // The page as served (and without JavaScript) asks for the quantity on the list. Not the
    // prices: without JavaScript an old total would win over a corrected unit price.
    let first_quantity = draft.quantity.clone();
    let quantity = RwSignal::new(draft.quantity);
    let unit = RwSignal::new(draft.unit);
    let total = RwSignal::new(draft.total);
    let typed = RwSignal::new(draft.typed);
    let variant = RwSignal::new(draft.variant);
    let money = StoredValue::new(currency.clone());
    // Keeps the other price field in step with the one typed, and returns the unit price.
    let sync = move || -> Option<i64> {
        let money = money.get_value();
        let q = Quantity::parse_up_to(&quantity.get_untracked(), MAX_PURCHASE).ok()?;
        match typed.get_untracked() {
            Typed::Unit => {
                let u = parse_amount(&unit.get_untracked(), &money).ok()?;
                total.set(format_plain(line_total(q, u), &money));
                Some(u)
            }
            Typed::Total => {
                let t = parse_amount(&total.get_untracked(), &money).ok()?;
                let thousandths = i128::from(q.thousandths());
                let u = ((i128::from(t) * 1000 + thousandths / 2) / thousandths) as i64;
                unit.set(format_plain(u, &money));
                Some(u)
            }
        }
    };
    let warning = RwSignal::new(None::<i64>);
    let on_change = move |field: Option<Typed>| {
        if let Some(field) = field {
            typed.set(field);
        }
        warning.set(sync().and_then(|u| price_jump(last_minor, per_unit(u))));
        drafts.keep(
            key,
            Draft {
                quantity: quantity.get_untracked(),
                unit: unit.get_untracked(),
                total: total.get_untracked(),
                typed: typed.get_untracked(),
                variant: variant.get_untracked(),
            },
        );
    };
    let q_id = format!("bought-quantity-{id}-{correcting}");
    let u_id = format!("unit-price-{id}-{correcting}");
    let t_id = format!("total-{id}-{correcting}");
    let form = format!("buy-{id}");
    let quantity_check =
        FieldCheck::new(state, Concern::Quantity, q_id.clone()).in_form(form.clone());
    // Both price fields point at the one message under them: either may be the one refused.
    let total_check = FieldCheck::new(state, Concern::Amount, t_id.clone()).in_form(form);
    let unit_check = total_check.clone();
    let (q_for, u_for, t_for) = (q_id.clone(), u_id.clone(), t_id.clone());
    let unit_label = (!item.unit.is_empty()).then(|| format!(" ({})", item.unit));
    let pack_label = pack.map(|size| {
        tr!(
            i18n,
            PacksBoughtLabel,
            size = i18n.quantity(size, &item.unit)
        )
    });
    let v_id = format!("variant-{id}-{correcting}");
    let v_for = v_id.clone();
    let variant_select = item.is_family.then(move || view! {
        <div class="field variant-pick">
            <label for=v_for>{t!(i18n, VariantBoughtLabel)}</label>
            <select id=v_id name="variant" required data-testid="variant-select"
                on:change=move |ev| { variant.set(event_target_value(&ev)); on_change(None); }>
                <option value="">{t!(i18n, VariantPick)}</option>
                {item.variants.iter().map(|choice| {
                    let label = [choice.name.as_str(), choice.brand.as_str(), i18n.unit(&choice.unit)]
                        .into_iter()
                        .filter(|part| !part.is_empty())
                        .collect::<Vec<_>>()
                        .join(" · ");
                    let value = choice.id.to_string();
                    let picked = variant.get_untracked() == value;
                    view! { <option value=value selected=picked>{label}</option> }
                }).collect_view()}
            </select>
        </div>
    });
    let (quantity_name, price_name) = if by_pack {
        ("packs", "pack_price")
    } else {
        ("quantity", "unit_price")
    };
    let label = if correcting {
        Key::SaveCorrection
    } else {
        Key::RecordBoughtSubmit
    };
    let fields = view! {
            <input type="hidden" name="run_id" value=run_id.to_string()/>
            <input type="hidden" name="product_id" value=id.to_string()/>
            <input type="hidden" name="currency" value=currency.clone()/>
            {correcting.then(|| view! { <input type="hidden" name="correcting" value="on"/> })}
            <FormError state form=format!("buy-{id}")/>
            {variant_select}
            <div class="purchase-fields">
                <label for=q_for>
                    {match pack_label.filter(|_| by_pack) {
                        Some(label) => label.into_any(),
                        None => view! { {t!(i18n, BoughtQuantityLabel)}{unit_label} }.into_any(),
                    }}
                    <input id=q_id name=quantity_name inputmode={if by_pack { "numeric" } else { "decimal" }} autocomplete="off" required
                        aria-describedby=quantity_check.described_by() aria-invalid=quantity_check.invalid()
                        value=first_quantity prop:value=quantity on:input=move |ev| { quantity.set(event_target_value(&ev)); on_change(None); }/>
                </label>
                <label for=u_for>
                    {move || if by_pack {
                        tr!(i18n, PackPriceLabel, currency = currency)
                    } else {
                        tr!(i18n, UnitPriceLabel, currency = currency)
                    }}
                    <input id=u_id name=price_name inputmode="decimal" autocomplete="off"
                        aria-describedby=unit_check.described_by() aria-invalid=unit_check.invalid()
                        prop:value=unit on:input=move |ev| { unit.set(event_target_value(&ev)); on_change(Some(Typed::Unit)); }/>
                </label>
                <label for=t_for>
                    {t!(i18n, TotalPaidLabel)}
                    <input id=t_id name="total" inputmode="decimal" autocomplete="off"
                        aria-describedby=total_check.described_by() aria-invalid=total_check.invalid()
                        prop:value=total on:input=move |ev| { total.set(event_target_value(&ev)); on_change(Some(Typed::Total)); }/>
                </label>
            </div>
            <FieldError check=quantity_check.clone()/>
            <FieldError check=total_check.clone()/>
            {move || warning.get().map(|percent| view! {
                <p class="price-warning" role="status" data-testid="price-warning">{price_jump_text(i18n, percent)}</p>
            })}
            <SubmitButton state label/>
    };
    if by_pack {
        view! {
            <ActionForm action=packs attr:class="purchase-form" attr:data-testid="purchase-form">{fields}</ActionForm>
        }
        .into_any()
    } else {
        view! {
            <ActionForm action=units attr:class="purchase-form" attr:data-testid="purchase-form">{fields}</ActionForm>
        }
        .into_any()
    }
}

#[component]
fn OutOfStockForm(
    run_id: Uuid,
    product_id: Uuid,
    currency: String,
    correcting: bool,
    refresh: RwSignal<usize>,
) -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<MarkOutOfStock>::new();
    let state = FormState::of(action);
    refresh_after(action, refresh);
    toast_after(action, Key::ToastSaved);
    view! {
        <ActionForm action attr:class="inline-form">
            <input type="hidden" name="run_id" value=run_id.to_string()/>
            <input type="hidden" name="product_id" value=product_id.to_string()/>
            <input type="hidden" name="currency" value=currency/>
            {correcting.then(|| view! { <input type="hidden" name="correcting" value="on"/> })}
            <FormError state form=format!("none-{product_id}")/>
            <button type="submit" class="button" disabled=move || state.is_pending()>
                {t!(i18n, OutOfStockSubmit)}
            </button>
        </ActionForm>
    }
    .into_any()
}

#[component]
fn UnrecordForm(run_id: Uuid, product_id: Uuid, refresh: RwSignal<usize>) -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<UnrecordPurchase>::new();
    let state = FormState::of(action);
    refresh_after(action, refresh);
    toast_after(action, Key::ToastSaved);
    view! {
        <ActionForm action attr:class="inline-form">
            <input type="hidden" name="run_id" value=run_id.to_string()/>
            <input type="hidden" name="product_id" value=product_id.to_string()/>
            <FormError state form=format!("back-{product_id}")/>
            <ConfirmSubmit state page=RunConfirmation::PutBack.page(run_id) key=product_id.to_string()
                label=Signal::derive(move || i18n.t(Key::PutBackSubmit).to_owned())
                question=Signal::derive(move || i18n.t(Key::PutBackQuestion).to_owned())/>
        </ActionForm>
    }
    .into_any()
}

/// A product found in the store that is not on the list: find it, say how much, add it. The
/// search is the page's `?find=` (a GET form, so it works without JavaScript too).
#[component]
fn AddToList(run_id: Uuid, present: Vec<Uuid>, refresh: RwSignal<usize>) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let find = move || query.read().get("find").unwrap_or_default();
    let found = Resource::new(find, |text| async move {
        if text.trim().chars().count() < SUGGEST_MIN {
            Ok(Vec::new())
        } else {
            similar_products(text).await
        }
    });
    view! {
        <section class="card" id="add-to-list">
            <h2>{t!(i18n, AddToListTitle)}</h2>
            <form class="search-form" method="get" action=format!("/runs/{run_id}/shopping#add-to-list") role="search"
                aria-label=move || i18n.t(Key::AddToListTitle)>
                <label class="visually-hidden" for="find-in-store">{t!(i18n, FindProductLabel)}</label>
                <input id="find-in-store" type="search" name="find" value=find maxlength=QUERY_MAX
                    autocomplete="off" placeholder=move || i18n.t(Key::FindProductLabel)/>
                <button type="submit" class="button">{t!(i18n, FindSubmit)}</button>
            </form>
            <Transition fallback=|| ()>
                {move || {
                    let present = present.clone();
                    Suspend::new(async move {
                        let products = found.await.unwrap_or_default();
                        let searched = find().trim().chars().count() >= SUGGEST_MIN;
                        if products.is_empty() {
                            return searched.then(|| view! { <p class="empty">{t!(i18n, NothingFoundForRun)}</p> }).into_any();
                        }
                        view! {
                            <ul class="product-cards" data-testid="found-for-list">
                                {products.into_iter().map(|product| {
                                    let on_list = present.contains(&product.id);
                                    view! {
                                        <li class="product-card">
                                            <div class="product-head">
                                                <span class="list-title">{product.name.clone()}</span>
                                                <span class="muted">{product.brand.clone()}</span>
                                            </div>
                                            {if on_list {
                                                view! { <p class="muted">{t!(i18n, AlreadyOnList)}</p> }.into_any()
                                            } else {
                                                view! { <AddItemForm run_id product_id=product.id refresh/> }.into_any()
                                            }}
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    })
                }}
            </Transition>
        </section>
    }
    .into_any()
}

#[component]
fn AddItemForm(run_id: Uuid, product_id: Uuid, refresh: RwSignal<usize>) -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<AddShoppingItem>::new();
    let state = FormState::of(action);
    refresh_after(action, refresh);
    toast_after(action, Key::ToastRecorded);
    let field = format!("add-quantity-{product_id}");
    view! {
        <ActionForm action attr:class="bid-form">
            <input type="hidden" name="run_id" value=run_id.to_string()/>
            <input type="hidden" name="product_id" value=product_id.to_string()/>
            <FormError state form=format!("add-{product_id}")/>
            <div class="bid-row">
                <label for=field.clone() class="bid-label">{t!(i18n, QuantityToBuyLabel)}</label>
                <input id=field name="quantity" class="quantity-input" inputmode="decimal" value="1"
                    autocomplete="off" required/>
                <SubmitButton state label=Key::AddToListSubmit/>
            </div>
        </ActionForm>
    }
    .into_any()
}
