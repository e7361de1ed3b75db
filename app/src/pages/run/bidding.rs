//! The products of a run: each with its total, who bid what, and the viewer's own bid form; and
//! finding a product to add. Bid forms are plain forms (they work without JavaScript); hydrated,
//! a successful bid reloads the run in place.

use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_query_map};
use uuid::Uuid;

use super::card_actions::{CardActions, ProductActions};
use super::pack_meter::PackMeterView;
use crate::api::catalogue::similar_products;
use crate::api::runs::{PlaceBid, PlaceBidOnNewProduct};
use crate::components::debounce::Debouncer;
use crate::components::drafts::Drafts;
use crate::components::families::family_note;
use crate::components::form::{
    Concern, Field, FieldCheck, FieldError, FormError, FormState, SubmitButton, refresh_after,
};
use crate::components::pack_terms::{pack_purchase, pack_terms};
use crate::components::toast::toast_after;
use crate::domain::adjusting::{Balance, adjust_range, balance};
use crate::domain::catalogue::{PRODUCT_NAME_MAX, UNIT_MAX};
use crate::domain::language::Language;
use crate::domain::packs::PackRule;
use crate::domain::quantity::Quantity;
use crate::domain::run::COMMENT_MAX;
use crate::domain::search::{QUERY_MAX, SUGGEST_MIN};
use crate::i18n::locale;
use crate::i18n::{I18n, Key, use_i18n};
use crate::model::{BidView, RunDetail};
use crate::pages::search::urlencode;
use crate::t;
use crate::tr;

/// What was bought of a product next to what is asked, once shoppers recorded it; once the goods
/// are shared out, how the difference was settled.
fn bought_line(
    i18n: I18n,
    bought: Quantity,
    total: Quantity,
    unit: &str,
    shared_out: bool,
) -> (String, &'static str) {
    let bought_text = i18n.quantity(bought, unit);
    match balance(bought, total) {
        Balance::NotBought => (i18n.t(Key::NotBought).to_owned(), "status-bad"),
        Balance::Short(_) if shared_out => (
            tr!(
                i18n,
                BoughtShortShared,
                bought = bought_text,
                asked = i18n.quantity(total, unit)
            ),
            "status-warn",
        ),
        Balance::Over(extra) if shared_out => (
            tr!(
                i18n,
                BoughtOverShared,
                bought = bought_text,
                extra = i18n.quantity(extra, unit)
            ),
            "status-warn",
        ),
        Balance::Short(missing) => (
            tr!(
                i18n,
                BoughtShort,
                bought = bought_text,
                missing = i18n.quantity(missing, unit)
            ),
            "status-warn",
        ),
        Balance::Over(extra) => (
            tr!(
                i18n,
                BoughtOver,
                bought = bought_text,
                extra = i18n.quantity(extra, unit)
            ),
            "status-warn",
        ),
        Balance::Even => (tr!(i18n, BoughtEven, bought = bought_text), "status-ok"),
    }
}

/// How the viewer may bid on one product: freely, only within a re-balancing range, or not.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum BidMode {
    None,
    Free,
    Rebalance,
}

/// Product `index` of the run: its total, who bid what and the viewer's own bid form. It reads
/// the run everyone's sections share rather than a copy of the product and its bids.
#[component]
pub(super) fn ProductCard(
    run: Arc<RunDetail>,
    index: usize,
    mode: BidMode,
    card: CardActions,
    can_retract: bool,
    shared_out: bool,
    refresh: RwSignal<usize>,
) -> impl IntoView {
    let run_id = run.id;
    let product = &run.products[index];
    let mine = run.viewer_bid(product).cloned();
    let i18n = use_i18n();
    let status = product
        .bought
        .map(|bought| bought_line(i18n, bought, product.total, &product.unit, shared_out));
    let mine_committed = mine
        .as_ref()
        .filter(|bid| !bid.interested_only)
        .map_or(Quantity::ZERO, |bid| bid.quantity);
    let range = match (mode, product.bought, &mine) {
        (BidMode::Rebalance, Some(bought), Some(_)) => {
            adjust_range(balance(bought, product.total), mine_committed)
        }
        _ => None,
    };
    let can_bid = mode == BidMode::Free || range.is_some();
    let can_retract = can_retract
        && mine.is_some()
        && (mode == BidMode::Free || range.is_some_and(|r| r.min.is_zero()));
    let range_hint = range.map(|range| {
        tr!(
            i18n,
            AdjustRange,
            min = i18n.quantity(range.min, &product.unit),
            max = i18n.quantity(range.max, &product.unit)
        )
    });
    let unit = product.unit.clone();
    let total = i18n.quantity(product.total, &unit);
    let bidders = product.bids.iter().map(|bid| {
        let bidder = run.bidder(bid).map_or("", |p| p.display_name.as_str());
        (bidder, bid)
    });
    let chips = bidder_chips(
        i18n.language(),
        bidders,
        &unit,
        i18n.t(Key::InterestedOnlyShort),
        i18n.t(Key::AskedShort),
    );
    let interested = product.interested_count;
    let price = product
        .current_price
        .map(|amount| i18n.money(amount, &product.price_currency));
    let details = [product.brand.as_str(), i18n.unit(&product.unit)]
        .into_iter()
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
    let product_id = product.product_id;
    let family_note = if product.is_family {
        Some(i18n.t_now(Key::FamilyBadge).to_owned())
    } else {
        product
            .for_family
            .as_ref()
            .map(|family| tr!(i18n, ForFamily, family = *family))
    };
    let pack = product.pack;
    let terms = pack.map(|rule| pack_terms(i18n, &rule, &product.unit));
    let meter = product
        .meter()
        .filter(|_| !shared_out && product.bought.is_none() && product.order.is_none());
    let order = product.order.map(|order| {
        let mut line = tr!(
            i18n,
            PackOrderLine,
            buy = pack_purchase(i18n, order.to_buy, pack.and_then(|p| p.size), &product.unit)
        );
        if !order.absorbed.is_zero() {
            let leader = run.leader().map_or("", |p| p.display_name.as_str());
            line.push_str(" · ");
            line.push_str(&tr!(
                i18n,
                PackPlanHolds,
                name = leader,
                quantity = i18n.quantity(order.absorbed, &product.unit)
            ));
        }
        line
    });
    let meter_unit = unit.clone();
    view! {
        <li class="product-card" id=format!("product-{product_id}") data-testid=format!("product-{}", product.name)>
            <div class="product-head">
                <a class="list-title" href=format!("/products/{product_id}")>{product.name.clone()}</a>
                {family_note.map(|note| view! { <span class="badge" data-testid="family-note">{note}</span> })}
                {price.map(|price| view! { <span class="price">{price}</span> })}
            </div>
            {(!details.is_empty()).then(|| view! { <p class="muted">{details}</p> })}
            {terms.map(|terms| view! { <p class="pack-terms" data-testid="pack-terms">{terms}</p> })}
            <p class="total" data-testid="total">
                {move || tr!(i18n, TotalLabel, total = total)}
                {(interested > 0).then(|| view! {
                    <span class="muted">" · "{move || i18n.count(Key::InterestedCount, interested)}</span>
                })}
            </p>
            {status.map(|(text, class)| view! { <p class=format!("bought-line {class}") data-testid="bought-line">{text}</p> })}
            <ul class="bidders" data-testid="bidders" inner_html=chips></ul>
            {order.map(|line| view! { <p class="pack-order" data-testid="pack-order">{line}</p> })}
            {meter.map(|meter| view! {
                <PackMeterView run_id product_id meter unit=meter_unit action=card.take_rest
                    can_take_rest=mode == BidMode::Free refresh/>
            })}
            {range_hint.map(|hint| view! { <p class="adjust-hint" data-testid="adjust-hint">{hint}</p> })}
            {can_bid.then(|| view! {
                <BidForm action=card.place run_id product_id unit=unit.clone() current=mine.clone() pack can_retract refresh/>
            })}
        </li>
    }
}

/// A product's bids as chips (bidder, amount or `interested`, comment), as one string of HTML.
/// A run can show a thousand of these and nothing in them reacts, so they are written straight
/// into a string rather than built as a thousand views; every text from people is escaped.
fn bidder_chips<'a>(
    language: Language,
    bids: impl Iterator<Item = (&'a str, &'a BidView)>,
    unit: &str,
    interested: &str,
    asked: &str,
) -> String {
    use html_escape::encode_text_to_string as escaped;
    let mut html = String::with_capacity(48 * bids.size_hint().0);
    let unit = locale::unit_name(language, unit);
    for (bidder, bid) in bids {
        html.push_str(if bid.interested_only {
            "<li class=\"interested\">"
        } else {
            "<li>"
        });
        escaped(bidder, &mut html);
        html.push_str("<b>");
        if bid.interested_only {
            escaped(interested, &mut html);
        } else {
            locale::push_quantity(&mut html, language, bid.quantity);
            if !unit.is_empty() {
                html.push(' ');
                escaped(unit, &mut html);
            }
        }
        html.push_str("</b>");
        if let Some(asked_before) = bid.asked.filter(|asked| !asked.is_zero()) {
            // What the packs changed: "5 ~~4~~".
            html.push_str("<s class=\"asked\"><span class=\"visually-hidden\">");
            escaped(asked, &mut html);
            html.push_str(" </span>");
            locale::push_quantity(&mut html, language, asked_before);
            html.push_str("</s>");
        }
        if !bid.tolerance.is_zero() {
            // "+2": up to two more to fill a pack.
            html.push_str("<span class=\"tolerance\">+");
            locale::push_quantity(&mut html, language, bid.tolerance);
            html.push_str("</span>");
        }
        if !bid.comment.is_empty() {
            html.push_str("<small>");
            escaped(&bid.comment, &mut html);
            html.push_str("</small>");
        }
        html.push_str("</li>");
    }
    html
}

/// Place, change or take back the viewer's bid on one product: one form, whose second button
/// (`retract`) takes the bid back.
/// What the viewer typed into a product's bid form and has not sent yet.
#[derive(Clone)]
pub(super) struct BidDraft {
    quantity: String,
    tolerance: String,
    comment: String,
    interested: bool,
}

impl BidDraft {
    /// The form as the viewer's bid fills it.
    fn of(bid: Option<&BidView>) -> Self {
        let tolerance = bid
            .map(|bid| bid.tolerance)
            .filter(|tolerance| !tolerance.is_zero())
            .map(|tolerance| tolerance.to_string())
            .unwrap_or_default();
        let comment = bid.map(|bid| bid.comment.clone()).unwrap_or_default();
        match bid {
            Some(bid) if bid.interested_only => Self {
                quantity: String::new(),
                tolerance,
                comment,
                interested: true,
            },
            Some(bid) => Self {
                quantity: bid.quantity.to_string(),
                tolerance,
                comment,
                interested: false,
            },
            None => Self {
                quantity: String::new(),
                tolerance,
                comment,
                interested: false,
            },
        }
    }
}

/// The page's bid drafts, by product.
pub(super) type BidDrafts = Drafts<Uuid, BidDraft>;

#[component]
fn BidForm(
    action: ServerAction<PlaceBid>,
    run_id: Uuid,
    product_id: Uuid,
    unit: String,
    current: Option<BidView>,
    /// How the store sells it: a tolerance field when by the pack or with a minimum.
    pack: Option<PackRule>,
    can_retract: bool,
    refresh: RwSignal<usize>,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = FormState::of(action);
    refresh_after(action, refresh);
    toast_after(action, Key::ToastSaved);
    // The button whose submission is under way says "working"; both wait. The sent input is
    // only looked at while something is pending, so a page render never reads it.
    let retracting = move || {
        state.is_pending()
            && action
                .input()
                .try_with(|input| input.as_ref().is_some_and(|input| input.retract.is_some()))
                .unwrap_or(false)
    };
    let placing = move || state.is_pending() && !retracting();
    let quantity_id = format!("quantity-{product_id}");
    let quantity_check = FieldCheck::new(state, Concern::Quantity, quantity_id.clone())
        .in_form(format!("bid-{product_id}"));
    let interested_id = format!("interested-{product_id}");
    let comment_id = format!("comment-{product_id}");
    // What the viewer is typing outlives a live refresh that renders the card again.
    let drafts = BidDrafts::current();
    drafts.forget_after(action, product_id);
    let draft = drafts
        .get(&product_id)
        .unwrap_or_else(|| BidDraft::of(current.as_ref()));
    let BidDraft {
        quantity,
        tolerance,
        comment,
        interested,
    } = draft.clone();
    let local = StoredValue::new(draft);
    let typed = move |change: fn(&mut BidDraft, String), value: String| {
        local.update_value(|draft| change(draft, value));
        drafts.keep(product_id, local.get_value());
    };
    let tolerance_field = pack
        .and_then(|rule| rule.tolerance_cap())
        .map(|cap| (cap, i18n.quantity(cap, &unit)));
    let tolerance_id = format!("tolerance-{product_id}");
    let tolerance_check = FieldCheck::new(state, Concern::Tolerance, tolerance_id.clone())
        .in_form(format!("bid-{product_id}"))
        .with_hint();
    let label = if current.is_some() {
        Key::UpdateBidSubmit
    } else {
        Key::PlaceBidSubmit
    };
    let unit_label = unit.clone();
    let comment_for = comment_id.clone();
    view! {
        <ActionForm action attr:class="bid-form" attr:data-testid="bid-form">
            <input type="hidden" name="run_id" value=run_id.to_string()/>
            <input type="hidden" name="product_id" value=product_id.to_string()/>
            <FormError state form=format!("bid-{product_id}")/>
            <div class="bid-row">
                <label for=quantity_id.clone() class="bid-label">
                    {move || i18n.t(Key::YourQuantityLabel)}
                    {(!unit_label.is_empty()).then(|| format!(" ({unit_label})"))}
                </label>
                <input id=quantity_id name="quantity" class="quantity-input" inputmode="decimal"
                    aria-describedby=quantity_check.described_by() aria-invalid=quantity_check.invalid()
                    autocomplete="off" value=quantity pattern="[0-9]*([.,][0-9]{1,3})?"
                    on:input=move |ev| typed(|draft, value| draft.quantity = value, event_target_value(&ev))/>
                <button type="submit" class="button primary" disabled=move || state.is_pending()
                    aria-busy=move || placing().to_string()>
                    {move || i18n.t(if placing() { Key::Working } else { label })}
                </button>
            </div>
            <FieldError check=quantity_check.clone()/>
            {tolerance_field.map(|(_, cap)| {
                let hint_id = format!("{tolerance_id}-hint");
                view! {
                    <div class="tolerance-row">
                        <label for=tolerance_id.clone()>{t!(i18n, ToleranceLabel)}</label>
                        <input id=tolerance_id.clone() name="tolerance" class="quantity-input" inputmode="decimal"
                            autocomplete="off" value=tolerance.clone() pattern="[0-9]*([.,][0-9]{1,3})?"
                            aria-describedby=tolerance_check.described_by() aria-invalid=tolerance_check.invalid()
                            on:input=move |ev| typed(|draft, value| draft.tolerance = value, event_target_value(&ev))/>
                        <small id=hint_id class="hint">{move || tr!(i18n, ToleranceHint, cap = cap)}</small>
                        <FieldError check=tolerance_check.clone()/>
                    </div>
                }
            })}
            <div class="bid-options">
                <label class="check">
                    <input id=interested_id type="checkbox" name="interested_only" checked=interested
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            typed(|draft, on| draft.interested = on == "true", on.to_string());
                        }/>
                    {t!(i18n, InterestedOnlyLabel)}
                </label>
                <label class="visually-hidden" for=comment_for>{t!(i18n, BidCommentLabel)}</label>
                <input id=comment_id name="comment" class="bid-comment-input" maxlength=COMMENT_MAX
                    value=comment placeholder=move || i18n.t(Key::BidCommentLabel)
                    on:input=move |ev| typed(|draft, value| draft.comment = value, event_target_value(&ev))/>
            </div>
            {can_retract.then(|| view! {
                <button type="submit" name="retract" value="true" formnovalidate=true
                    class="button retract-button" disabled=move || state.is_pending()
                    aria-busy=move || retracting().to_string()>
                    {move || i18n.t(if retracting() { Key::Working } else { Key::RetractBidSubmit })}
                </button>
            })}
        </ActionForm>
    }
}

/// Nothing in the catalogue fits: add the product and bid on it at once.
#[component]
fn NewProductBid(run_id: Uuid, name: String, refresh: RwSignal<usize>) -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<PlaceBidOnNewProduct>::new();
    let state = FormState::of(action);
    refresh_after(action, refresh);
    toast_after(action, Key::ToastSaved);
    let quantity = FieldCheck::new(state, Concern::Quantity, "new-run-product-quantity");
    let product_name = FieldCheck::new(state, Concern::Name, "new-run-product-name");
    view! {
        <ActionForm action attr:class="stack new-product-bid" attr:data-testid="new-product-bid">
            <h3>{t!(i18n, AddToCatalogue)}</h3>
            <input type="hidden" name="run_id" value=run_id.to_string()/>
            <FormError state/>
            <Field id="new-run-product-name" label=Key::ProductNameLabel check=product_name.clone()>
                <input id="new-run-product-name" name="name" value=name maxlength=PRODUCT_NAME_MAX required
                    aria-describedby=product_name.described_by() aria-invalid=product_name.invalid()/>
            </Field>
            <Field id="new-run-product-unit" label=Key::UnitLabel hint=Key::UnitHint>
                <input id="new-run-product-unit" name="unit" maxlength=UNIT_MAX
                    aria-describedby="new-run-product-unit-hint"/>
            </Field>
            <Field id="new-run-product-quantity" label=Key::YourQuantityLabel check=quantity.clone()>
                <input id="new-run-product-quantity" name="quantity" class="quantity-input"
                    aria-describedby=quantity.described_by() aria-invalid=quantity.invalid()
                    inputmode="decimal" autocomplete="off" pattern="[0-9]*([.,][0-9]{1,3})?"/>
            </Field>
            <label class="check">
                <input type="checkbox" name="interested_only"/>
                {t!(i18n, InterestedOnlyLabel)}
            </label>
            <SubmitButton state label=Key::AddAndBidSubmit/>
        </ActionForm>
    }
}

/// Find a product of the catalogue and bid on it. The search is the page's `?find=` (a GET form
/// without JavaScript); hydrated, typing updates it after a pause.
#[component]
pub(super) fn AddProduct(
    run_id: Uuid,
    present: Vec<Uuid>,
    card_actions: ProductActions,
    refresh: RwSignal<usize>,
) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let navigate = use_navigate();
    let debouncer = Debouncer::new(Duration::from_millis(300));
    let find = move || query.read().get("find").unwrap_or_default();
    let found = Resource::new(find, |text| async move {
        if text.trim().chars().count() < SUGGEST_MIN {
            Ok(Vec::new())
        } else {
            similar_products(text).await
        }
    });
    let on_input = move |event: leptos::ev::Event| {
        let text = event_target_value(&event);
        let navigate = navigate.clone();
        debouncer.run(move || {
            let options = NavigateOptions {
                replace: true,
                scroll: false,
                ..Default::default()
            };
            navigate(
                &format!("/runs/{run_id}?find={}", urlencode(&text)),
                options,
            );
        });
    };
    view! {
        <section class="card" id="add-product">
            <h2>{t!(i18n, AddToRunTitle)}</h2>
            <form class="search-form" method="get" action=format!("/runs/{run_id}") role="search"
                aria-label=move || i18n.t(Key::AddToRunTitle)>
                <label class="visually-hidden" for="find-product">{t!(i18n, FindProductLabel)}</label>
                <input id="find-product" type="search" name="find" value=find maxlength=QUERY_MAX
                    autocomplete="off" placeholder=move || i18n.t(Key::FindProductLabel) on:input=on_input/>
                <button type="submit" class="button">{t!(i18n, FindSubmit)}</button>
            </form>
            <Transition fallback=|| ()>
                {move || {
                    let present = present.clone();
                    Suspend::new(async move {
                        let products = found.await.unwrap_or_default();
                        let searched = find().trim().chars().count() >= SUGGEST_MIN;
                        if products.is_empty() {
                            return searched.then(|| view! {
                                <p class="empty">{t!(i18n, NothingFoundForRun)}</p>
                                <NewProductBid run_id name=find() refresh/>
                            }).into_any();
                        }
                        view! {
                            <ul class="product-cards" data-testid="found-products">
                                {products.into_iter().map(|product| {
                                    let in_run = present.contains(&product.id);
                                    view! {
                                        <li class="product-card">
                                            <div class="product-head">
                                                <span class="list-title">{product.name.clone()}</span>
                                                {family_note(i18n, &product).map(|note| view! { <span class="badge">{note}</span> })}
                                                <span class="muted">{product.brand.clone()}</span>
                                            </div>
                                            {if in_run {
                                                view! {
                                                    <a href=format!("#product-{}", product.id)>{t!(i18n, AlreadyInRun)}</a>
                                                }.into_any()
                                            } else {
                                                view! {
                                                    <BidForm action=card_actions.of(product.id).place run_id product_id=product.id unit=product.unit.clone()
                                                        current=None pack=None can_retract=false refresh/>
                                                }.into_any()
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
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bid(quantity: &str, interested_only: bool, comment: &str) -> BidView {
        BidView {
            participant: 0,
            quantity: Quantity::parse_bid(quantity).unwrap(),
            interested_only,
            comment: comment.to_owned(),
            tolerance: Quantity::ZERO,
            asked: None,
        }
    }

    #[test]
    fn chips_show_who_bid_what_and_escape_what_people_typed() {
        let bids = [
            bid("2.5", false, ""),
            bid("1", true, "if <b>ripe</b> & cheap"),
        ];
        let bidders = [("Ada", &bids[0]), ("<script>alert(1)</script>", &bids[1])];
        let html = bidder_chips(
            Language::En,
            bidders.into_iter(),
            "kg",
            "interested",
            "asked",
        );
        assert_eq!(
            html,
            "<li>Ada<b>2.5 kg</b></li>\
             <li class=\"interested\">&lt;script&gt;alert(1)&lt;/script&gt;<b>interested</b>\
             <small>if &lt;b&gt;ripe&lt;/b&gt; &amp; cheap</small></li>"
        );
        let russian = bidder_chips(
            Language::Ru,
            bidders.into_iter(),
            "kg",
            "интересуюсь",
            "просил",
        );
        assert!(
            russian.starts_with("<li>Ada<b>2,5 кг</b></li>"),
            "{russian}"
        );
    }
}
