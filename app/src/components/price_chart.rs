//! A product's price history as a line per store, drawn as SVG on the server so it shows without
//! JavaScript and scales to any phone. The table next to it is its text alternative.

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use uuid::Uuid;

use crate::i18n::{locale, use_i18n};
use crate::model::PricePoint;

const WIDTH: f64 = 320.0;
const HEIGHT: f64 = 160.0;
const LEFT: f64 = 44.0;
const RIGHT: f64 = 8.0;
const TOP: f64 = 10.0;
const BOTTOM: f64 = 22.0;
/// Distinguishable in light and dark themes and for common colour blindness.
const PALETTE: [&str; 6] = [
    "#0f9d8a", "#d9480f", "#5f3dc4", "#c2255c", "#1971c2", "#868e96",
];

struct Series {
    store_name: String,
    colour: &'static str,
    points: Vec<(f64, f64)>,
}

/// The drawn lines, with the price and time ranges the axes are labelled with.
struct Layout {
    series: Vec<Series>,
    prices: (i64, i64),
    times: (DateTime<Utc>, DateTime<Utc>),
}

fn layout(history: &[PricePoint]) -> Layout {
    let min_price = history.iter().map(|p| p.amount_minor).min().unwrap_or(0);
    let max_price = history.iter().map(|p| p.amount_minor).max().unwrap_or(1);
    let first = history
        .iter()
        .map(|p| p.observed_at)
        .min()
        .unwrap_or_default();
    let last = history
        .iter()
        .map(|p| p.observed_at)
        .max()
        .unwrap_or_default();
    let span_price = (max_price - min_price).max(1) as f64;
    let span_time = (last - first).num_seconds().max(1) as f64;
    let x = |at: DateTime<Utc>| {
        if last == first {
            LEFT + (WIDTH - LEFT - RIGHT) / 2.0
        } else {
            LEFT + (at - first).num_seconds() as f64 / span_time * (WIDTH - LEFT - RIGHT)
        }
    };
    let y = |amount: i64| {
        if max_price == min_price {
            TOP + (HEIGHT - TOP - BOTTOM) / 2.0
        } else {
            HEIGHT - BOTTOM - (amount - min_price) as f64 / span_price * (HEIGHT - TOP - BOTTOM)
        }
    };
    let mut stores: Vec<(Uuid, String)> = Vec::new();
    for point in history {
        if !stores.iter().any(|(id, _)| *id == point.store_id) {
            stores.push((point.store_id, point.store_name.clone()));
        }
    }
    let series = stores
        .into_iter()
        .enumerate()
        .map(|(index, (store_id, store_name))| {
            let mut points: Vec<_> = history.iter().filter(|p| p.store_id == store_id).collect();
            points.sort_by_key(|p| p.observed_at);
            Series {
                store_name,
                colour: PALETTE[index % PALETTE.len()],
                points: points
                    .into_iter()
                    .map(|p| (x(p.observed_at), y(p.amount_minor)))
                    .collect(),
            }
        })
        .collect();
    Layout {
        series,
        prices: (min_price, max_price),
        times: (first, last),
    }
}

#[component]
pub fn PriceChart(history: Vec<PricePoint>, #[prop(into)] label: String) -> impl IntoView {
    let i18n = use_i18n();
    if history.is_empty() {
        return ().into_any();
    }
    let currency = history[0].currency.clone();
    let Layout {
        series,
        prices: (min_price, max_price),
        times: (first, last),
    } = layout(&history);
    let legend: Vec<(String, &'static str)> = series
        .iter()
        .map(|s| (s.store_name.clone(), s.colour))
        .collect();
    view! {
        <figure class="price-chart" data-testid="price-chart">
            <svg viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="img" aria-label=label>
                <line class="axis" x1=LEFT y1=TOP x2=LEFT y2=HEIGHT - BOTTOM/>
                <line class="axis" x1=LEFT y1=HEIGHT - BOTTOM x2=WIDTH - RIGHT y2=HEIGHT - BOTTOM/>
                <text class="tick" x=LEFT - 4.0 y=TOP + 4.0 text-anchor="end">{locale::amount_number(i18n.language(), max_price, &currency)}</text>
                <text class="tick" x=LEFT - 4.0 y=HEIGHT - BOTTOM text-anchor="end">{locale::amount_number(i18n.language(), min_price, &currency)}</text>
                <text class="tick" x=LEFT y=HEIGHT - 6.0>{i18n.day_of(first)}</text>
                <text class="tick" x=WIDTH - RIGHT y=HEIGHT - 6.0 text-anchor="end">{i18n.day_of(last)}</text>
                {series.into_iter().map(|series| {
                    let path = series.points.iter().map(|(x, y)| format!("{x:.1},{y:.1}")).collect::<Vec<_>>().join(" ");
                    view! {
                        <polyline points=path fill="none" stroke=series.colour stroke-width="2"/>
                        {series.points.into_iter().map(|(x, y)| view! {
                            <circle cx=format!("{x:.1}") cy=format!("{y:.1}") r="3" fill=series.colour/>
                        }).collect_view()}
                    }
                }).collect_view()}
            </svg>
            <figcaption>
                <ul class="legend">
                    {legend.into_iter().map(|(name, colour)| view! {
                        <li>
                            <svg class="swatch" viewBox="0 0 10 10" aria-hidden="true"><rect width="10" height="10" rx="2" fill=colour/></svg>
                            {name}
                        </li>
                    }).collect_view()}
                </ul>
            </figcaption>
        </figure>
    }
    .into_any()
}
