//! A product's whole price history as a line per store, drawn as SVG on the server so it shows
//! without JavaScript and scales to any phone, with each store's lowest, average and highest
//! below it: the table is also the chart's text alternative. One currency is drawn (prices in
//! another never share an axis); the table lists every currency.

use chrono::{DateTime, Utc};
use leptos::prelude::*;

use crate::i18n::{locale, use_i18n};
use crate::model::PriceSeries;
use crate::t;

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

struct Line {
    store_name: String,
    colour: &'static str,
    points: Vec<(f64, f64)>,
}

/// The drawn lines, with the price and time ranges the axes are labelled with.
struct Layout {
    lines: Vec<Line>,
    prices: (i64, i64),
    times: (DateTime<Utc>, DateTime<Utc>),
}

fn layout(series: &[&PriceSeries]) -> Layout {
    let all = || series.iter().flat_map(|s| s.points.iter());
    let min_price = all().map(|(_, amount)| *amount).min().unwrap_or(0);
    let max_price = all().map(|(_, amount)| *amount).max().unwrap_or(1);
    let first = all().map(|(at, _)| *at).min().unwrap_or_default();
    let last = all().map(|(at, _)| *at).max().unwrap_or_default();
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
    let lines = series
        .iter()
        .enumerate()
        .map(|(index, series)| Line {
            store_name: series.store_name.clone(),
            colour: PALETTE[index % PALETTE.len()],
            points: series
                .points
                .iter()
                .map(|(at, amount)| (x(*at), y(*amount)))
                .collect(),
        })
        .collect();
    Layout {
        lines,
        prices: (min_price, max_price),
        times: (first, last),
    }
}

/// The currency drawn: `preferred` when some prices are in it, else the one with most prices.
fn drawn_currency(series: &[PriceSeries], preferred: &str) -> Option<String> {
    if series.iter().any(|s| s.currency == preferred) {
        return Some(preferred.to_owned());
    }
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for s in series {
        match counts
            .iter_mut()
            .find(|(currency, _)| *currency == s.currency)
        {
            Some((_, count)) => *count += s.points.len(),
            None => counts.push((&s.currency, s.points.len())),
        }
    }
    counts
        .into_iter()
        .max_by_key(|(_, count)| *count)
        .map(|(currency, _)| currency.to_owned())
}

#[component]
pub fn PriceChart(
    series: Vec<PriceSeries>,
    #[prop(into)] label: String,
    /// The currency to draw when prices come in several.
    #[prop(into)]
    currency: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let Some(currency) = drawn_currency(&series, &currency) else {
        return ().into_any();
    };
    let drawn: Vec<&PriceSeries> = series.iter().filter(|s| s.currency == currency).collect();
    let Layout {
        lines,
        prices: (min_price, max_price),
        times: (first, last),
    } = layout(&drawn);
    let legend: Vec<(String, &'static str)> = lines
        .iter()
        .map(|line| (line.store_name.clone(), line.colour))
        .collect();
    let rows: Vec<(String, String, String, String)> = series
        .iter()
        .map(|s| {
            (
                s.store_name.clone(),
                i18n.money(s.lowest(), &s.currency),
                i18n.money(s.average(), &s.currency),
                i18n.money(s.highest(), &s.currency),
            )
        })
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
                {lines.into_iter().map(|line| {
                    let path = line.points.iter().map(|(x, y)| format!("{x:.1},{y:.1}")).collect::<Vec<_>>().join(" ");
                    view! {
                        <polyline points=path fill="none" stroke=line.colour stroke-width="2"/>
                        {line.points.into_iter().map(|(x, y)| view! {
                            <circle cx=format!("{x:.1}") cy=format!("{y:.1}") r="3" fill=line.colour/>
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
                <table class="price-stats" data-testid="price-stats">
                    <thead>
                        <tr>
                            <th scope="col">{t!(i18n, StoreColumn)}</th>
                            <th scope="col">{t!(i18n, LowestColumn)}</th>
                            <th scope="col">{t!(i18n, AverageColumn)}</th>
                            <th scope="col">{t!(i18n, HighestColumn)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {rows.into_iter().map(|(store, lowest, average, highest)| view! {
                            <tr><th scope="row">{store}</th><td>{lowest}</td><td>{average}</td><td>{highest}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </figcaption>
        </figure>
    }
    .into_any()
}
