//! Downloads of a run for those who run it (leader and helpers, from confirmed on): a CSV with
//! one row per person and product (bid, share, price, cost) for a spreadsheet, and a JSON
//! document of the whole run state. Quantities are exact decimal strings, money integer minor
//! units plus the currency, so nothing is lost to floats.

use serde::Serialize;
use sqlx::PgPool;
use uuid::Uuid;

use crate::domain::language::Language;
use crate::domain::money::format_plain;
use crate::domain::run_state::{RunAction, authorize};
use crate::error::AppResult;
use crate::i18n::{Key, text};
use crate::model::{RunDetail, ShoppingList};
use crate::server::csv::field;
use crate::server::runs::{detail, shopping};

/// A file to download.
#[derive(Debug)]
pub struct Download {
    pub filename: String,
    pub content_type: &'static str,
    pub body: String,
}

async fn load(db: &PgPool, viewer: Uuid, run_id: Uuid) -> AppResult<(RunDetail, ShoppingList)> {
    let run = detail::detail(db, viewer, run_id).await?;
    authorize(run.state, run.viewer_role, RunAction::Export)?;
    let list = shopping::list(db, viewer, run_id).await?;
    Ok((run, list))
}

fn file_stem(run: &RunDetail) -> String {
    let store: String = run
        .store_name
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect();
    format!(
        "run-{}-{}",
        store.trim_matches('-'),
        run.created_at.format("%Y-%m-%d")
    )
}

/// Everything that happened to one (product, person) pair.
struct Line<'a> {
    product: &'a str,
    unit: &'a str,
    person: &'a str,
    asked: String,
    interested: bool,
    share: Option<&'a crate::model::ShareView>,
    /// "Up to this much more to fill a pack", and what the pack rule made of the ask.
    tolerance: String,
    after_packs: String,
}

/// The CSV, its column headers in the viewer's `language`; the cells stay machine-readable.
pub async fn csv(
    db: &PgPool,
    viewer: Uuid,
    run_id: Uuid,
    language: Language,
) -> AppResult<Download> {
    let (run, list) = load(db, viewer, run_id).await?;
    let money = |minor: i64| format_plain(minor, &run.currency);
    let headers = [
        Key::CsvProduct,
        Key::CsvUnit,
        Key::CsvPerson,
        Key::CsvAsked,
        Key::CsvInterestedOnly,
        Key::CsvGets,
        Key::CsvWhy,
        Key::CsvUnitPrice,
        Key::CsvCost,
        Key::CsvPickedUp,
        Key::CsvListRequested,
        Key::CsvBought,
        Key::CsvItemPaid,
        Key::CsvCurrency,
        Key::CsvTolerance,
        Key::CsvAfterPacks,
        Key::CsvPackSize,
        Key::CsvPacks,
    ];
    let mut out = headers
        .iter()
        .map(|key| field(text(language, *key)))
        .collect::<Vec<_>>()
        .join(",");
    out.push('\n');
    for product in &run.products {
        let item = list
            .items
            .iter()
            .find(|i| i.product_id == product.product_id);
        let mut lines: Vec<Line> = product
            .bids
            .iter()
            .filter_map(|bid| {
                let person = run.bidder(bid)?;
                let share = run
                    .distribution
                    .iter()
                    .find(|p| p.user_id == person.user_id)
                    .and_then(|p| p.shares.iter().find(|s| s.product_id == product.product_id));
                Some(Line {
                    product: &product.name,
                    unit: &product.unit,
                    person: &person.display_name,
                    asked: if bid.interested_only {
                        String::new()
                    } else {
                        bid.asked.unwrap_or(bid.quantity).to_string()
                    },
                    interested: bid.interested_only,
                    share,
                    tolerance: if bid.tolerance.is_zero() {
                        String::new()
                    } else {
                        bid.tolerance.to_string()
                    },
                    after_packs: if product.order.is_some() && !bid.interested_only {
                        bid.quantity.to_string()
                    } else {
                        String::new()
                    },
                })
            })
            .collect();
        // A share without a bid: the leader holding a surplus nobody asked for.
        for person in &run.distribution {
            let has_line = lines.iter().any(|l| l.person == person.display_name);
            if let Some(share) = person
                .shares
                .iter()
                .find(|s| s.product_id == product.product_id)
                .filter(|_| !has_line)
            {
                lines.push(Line {
                    product: &product.name,
                    unit: &product.unit,
                    person: &person.display_name,
                    asked: String::new(),
                    interested: false,
                    share: Some(share),
                    tolerance: String::new(),
                    after_packs: String::new(),
                });
            }
        }
        let pack_size = product
            .pack
            .and_then(|pack| pack.size)
            .map(|size| size.to_string())
            .unwrap_or_default();
        let packs = product
            .order
            .and_then(|order| order.packs)
            .map(|packs| packs.to_string())
            .unwrap_or_default();
        for line in lines {
            let purchase = item.and_then(|i| i.purchase.as_ref());
            let row = [
                field(line.product),
                field(line.unit),
                field(line.person),
                line.asked,
                line.interested.to_string(),
                line.share
                    .map(|s| s.quantity.to_string())
                    .unwrap_or_default(),
                line.share
                    .map(|s| s.reason.as_str().to_owned())
                    .unwrap_or_default(),
                purchase
                    .map(|p| money(p.unit_price_minor))
                    .unwrap_or_default(),
                line.share.map(|s| money(s.cost_minor)).unwrap_or_default(),
                line.share
                    .map(|s| s.picked_up.to_string())
                    .unwrap_or_default(),
                item.map(|i| i.requested.to_string()).unwrap_or_default(),
                purchase.map(|p| p.quantity.to_string()).unwrap_or_default(),
                purchase.map(|p| money(p.total_minor)).unwrap_or_default(),
                run.currency.clone(),
                line.tolerance,
                line.after_packs,
                pack_size.clone(),
                packs.clone(),
            ];
            out.push_str(&row.join(","));
            out.push('\n');
        }
    }
    Ok(Download {
        filename: format!("{}.csv", file_stem(&run)),
        content_type: "text/csv; charset=utf-8",
        body: out,
    })
}

#[derive(Serialize)]
struct RunState<'a> {
    version: u32,
    run: &'a RunDetail,
    shopping_list: &'a ShoppingList,
    /// What was paid in total, in minor units of `run.currency`.
    total_paid_minor: i64,
}

pub async fn json(db: &PgPool, viewer: Uuid, run_id: Uuid) -> AppResult<Download> {
    let (run, list) = load(db, viewer, run_id).await?;
    let state = RunState {
        version: 1,
        run: &run,
        shopping_list: &list,
        total_paid_minor: list.spent_minor(),
    };
    let body = serde_json::to_string_pretty(&state).map_err(crate::error::AppError::internal)?;
    Ok(Download {
        filename: format!("{}.json", file_stem(&run)),
        content_type: "application/json",
        body,
    })
}
