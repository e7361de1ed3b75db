//! Printable views of a run: the shopping list (what to buy, with boxes to tick) and the
//! distribution list (per person: what they get and what they owe, with a box for the pick-up).
//! Plain tables that print well; the page chrome is hidden by the print style sheet. Before the
//! goods are shared out, the distribution list shows what each person asked for.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use uuid::Uuid;

use crate::api::runs::get_run;
use crate::components::pack_terms::pack_purchase;
use crate::components::page_error::PageError;
use crate::i18n::{I18n, Key, use_i18n};
use crate::model::RunDetail;
use crate::t;

fn run_resource() -> Resource<Result<RunDetail, crate::error::AppError>> {
    let params = use_params_map();
    Resource::new(
        move || {
            params
                .read()
                .get("id")
                .and_then(|id| Uuid::parse_str(&id).ok())
        },
        |run_id| async move {
            match run_id {
                Some(run_id) => get_run(run_id).await,
                None => Err(crate::error::ErrorCode::RunNotFound.into()),
            }
        },
    )
}

#[component]
pub(crate) fn PrintButton() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <button type="button" class="button no-print" on:click=move |_| { let _ = window().print(); }>
            {t!(i18n, PrintSubmit)}
        </button>
    }
    .into_any()
}

#[component]
pub fn PrintShoppingPage() -> impl IntoView {
    let run = run_resource();
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match run.await {
                    Ok(run) => view! { <ShoppingSheet run/> }.into_any(),
                    Err(error) => view! { <PageError error/> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

#[component]
fn ShoppingSheet(run: RunDetail) -> impl IntoView {
    let i18n = use_i18n();
    let items: Vec<_> = run
        .products
        .iter()
        .filter(|p| !p.total.is_zero())
        .cloned()
        .collect();
    view! {
        <Title text=i18n.t_now(Key::PrintShoppingList)/>
        <article class="print-sheet" data-testid="print-shopping">
            <h1>{run.store_name.clone()}" · "{t!(i18n, PrintShoppingList)}</h1>
            <p class="muted">{run.group_name.clone()}</p>
            <PrintButton/>
            <table class="print-table">
                <thead>
                    <tr>
                        <th scope="col">"✓"</th>
                        <th scope="col">{t!(i18n, ProductColumn)}</th>
                        <th scope="col">{t!(i18n, QuantityColumn)}</th>
                        <th scope="col">{t!(i18n, LastPriceColumn)}</th>
                    </tr>
                </thead>
                <tbody>
                    {items.into_iter().map(|product| {
                        let price = product.current_price.map(|p| i18n.money(p, &product.price_currency)).unwrap_or_default();
                        view! {
                            <tr>
                                <td class="tick">"☐"</td>
                                <td>{product.name.clone()}{(!product.brand.is_empty()).then(|| format!(" · {}", product.brand))}</td>
                                <td>{pack_purchase(i18n, product.total, product.pack.and_then(|pack| pack.size), &product.unit)}</td>
                                <td>{price}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </article>
    }
    .into_any()
}

#[component]
pub fn PrintDistributionPage() -> impl IntoView {
    let run = run_resource();
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match run.await {
                    Ok(run) => view! { <DistributionSheet run/> }.into_any(),
                    Err(error) => view! { <PageError error/> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

/// One person's lines on the sheet: product, quantity, cost (once known).
struct SheetLine {
    product: String,
    quantity: String,
    cost: Option<String>,
}

fn sheet_of(i18n: I18n, run: &RunDetail) -> Vec<(String, Vec<SheetLine>, Option<String>)> {
    if !run.distribution.is_empty() {
        return run
            .distribution
            .iter()
            .map(|person| {
                let lines = person
                    .shares
                    .iter()
                    .filter(|share| !share.quantity.is_zero())
                    .map(|share| SheetLine {
                        product: share.product_name.clone(),
                        quantity: i18n.quantity(share.quantity, &share.unit),
                        cost: Some(i18n.money(share.cost_minor, &run.currency)),
                    })
                    .collect();
                let total = i18n.money(person.total_minor(), &run.currency);
                (person.display_name.clone(), lines, Some(total))
            })
            .collect();
    }
    run.participants
        .iter()
        .enumerate()
        .map(|(index, person)| {
            let lines = run
                .products
                .iter()
                .filter_map(|product| {
                    let bid = product
                        .bids
                        .iter()
                        .find(|bid| bid.participant == index && !bid.interested_only)?;
                    Some(SheetLine {
                        product: product.name.clone(),
                        quantity: i18n.quantity(bid.quantity, &product.unit),
                        cost: None,
                    })
                })
                .collect::<Vec<_>>();
            (person.display_name.clone(), lines, None)
        })
        .filter(|(_, lines, _)| !lines.is_empty())
        .collect()
}

#[component]
fn DistributionSheet(run: RunDetail) -> impl IntoView {
    let i18n = use_i18n();
    let people = sheet_of(i18n, &run);
    view! {
        <Title text=i18n.t_now(Key::PrintDistribution)/>
        <article class="print-sheet" data-testid="print-distribution">
            <h1>{run.store_name.clone()}" · "{t!(i18n, PrintDistribution)}</h1>
            <p class="muted">{run.group_name.clone()}</p>
            <PrintButton/>
            {people.into_iter().map(|(name, lines, total)| view! {
                <section class="print-person">
                    <h2>{name}{total.map(|total| format!(" · {total}"))}</h2>
                    <table class="print-table">
                        <tbody>
                            {lines.into_iter().map(|line| view! {
                                <tr>
                                    <td class="tick">"☐"</td>
                                    <td>{line.product}</td>
                                    <td>{line.quantity}</td>
                                    <td>{line.cost.unwrap_or_default()}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </section>
            }).collect_view()}
        </article>
    }
    .into_any()
}
