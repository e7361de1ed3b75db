//! Shopping: building the list when the leader starts, shoppers recording what they bought (or
//! that the store had none), adding a product in the store, and completing, which branches as
//! the state machine's `shopping_outcome` says. Every write locks the run row `FOR UPDATE`, so
//! two shoppers on one list take turns: purchase order numbers never collide and nobody
//! overwrites a purchase they did not see (a second "bought" on a recorded item is refused).

use chrono::{DateTime, Utc};
use sqlx::{FromRow, PgConnection, PgPool};
use uuid::Uuid;

use crate::domain::ids::ProductId;
use crate::domain::purchase::{PackPurchase, Purchase};
use crate::domain::quantity::{MAX_BID, Quantity};
use crate::domain::run_state::{RunAction, RunState, authorize, shopping_outcome};
use crate::error::{AppResult, ErrorCode};
use crate::model::{FamilyRef, LiveEvent, PurchaseView, SeenPrice, ShoppingItemView, ShoppingList};
use crate::server::cache::{Cache, Family};
use crate::server::families;
use crate::server::money::payers;
use crate::server::runs::access::{Lock, LockedRun, lock_run, read_run};
use crate::server::runs::transitions::{move_run, notify_state_change};
use crate::server::runs::{bids, distribution, pack_orders, variant_picks};

/// The group's currency and the run's store.
async fn run_money(conn: &mut PgConnection, run_id: Uuid) -> AppResult<(String, Uuid, String)> {
    Ok(sqlx::query_as(
        "SELECT g.currency, r.store_id, s.name FROM runs r JOIN groups g ON g.id = r.group_id \
         JOIN stores s ON s.id = r.store_id WHERE r.id = $1",
    )
    .bind(run_id)
    .fetch_one(conn)
    .await?)
}

/// The leader takes the frozen orders to the store: one list item per product with the
/// committed total ("interested" bids ask for nothing; after confirmation, bids of products sold
/// by the pack hold whole packs).
pub async fn start(db: &PgPool, viewer: Uuid, run_id: Uuid) -> AppResult<RunState> {
    let mut tx = db.begin().await?;
    let run = lock_run(&mut tx, run_id, viewer, Lock::Update).await?;
    authorize(run.state, run.role, RunAction::StartShopping)?;
    let state = move_run(&mut tx, &run, RunState::Shopping).await?;
    // Bids cut to nothing by the pack rule (a minimum not met) put nothing on the list.
    sqlx::query(
        "INSERT INTO shopping_items (run_id, product_id, requested) \
         SELECT run_id, product_id, sum(quantity) FROM bids \
         WHERE run_id = $1 AND NOT interested_only GROUP BY run_id, product_id \
         HAVING sum(quantity) > 0",
    )
    .bind(run_id)
    .execute(&mut *tx)
    .await?;
    notify_state_change(&mut tx, run_id, viewer, state, "").await?;
    tx.commit().await?;
    tracing::info!(%run_id, user_id = %viewer, "shopping started");
    Ok(state)
}

#[derive(FromRow)]
struct ItemRow {
    product_id: Uuid,
    name: String,
    brand: String,
    unit: String,
    requested: i64,
    added_in_store: bool,
    purchased: Option<i64>,
    unit_price_minor: Option<i64>,
    total_minor: Option<i64>,
    purchase_order: Option<i32>,
    purchased_by: Option<String>,
    /// Every price seen on the newest day before it was bought, newest first, as parallel
    /// arrays (null when none).
    seen_amounts: Option<Vec<i64>>,
    seen_currencies: Option<Vec<String>>,
    seen_at: Option<Vec<DateTime<Utc>>>,
    seen_notes: Option<Vec<String>>,
    pack_size: Option<i64>,
    is_family: bool,
    for_family: Option<String>,
}

impl ItemRow {
    fn seen_prices(&mut self) -> Vec<SeenPrice> {
        let (Some(amounts), Some(currencies), Some(days), Some(notes)) = (
            self.seen_amounts.take(),
            self.seen_currencies.take(),
            self.seen_at.take(),
            self.seen_notes.take(),
        ) else {
            return Vec::new();
        };
        amounts
            .into_iter()
            .zip(currencies)
            .zip(days)
            .zip(notes)
            .map(
                |(((amount_minor, currency), observed_at), note)| SeenPrice {
                    amount_minor,
                    currency,
                    observed_at,
                    note,
                },
            )
            .collect()
    }
}

/// Prices shown with an item: those of the newest day, at most this many.
const SEEN_PRICES: i64 = 5;

/// The run's shopping list, for anyone in its group; shoppers also get the forms.
pub async fn list(db: &PgPool, viewer: Uuid, run_id: Uuid) -> AppResult<ShoppingList> {
    let mut conn = db.acquire().await?;
    let run = read_run(&mut conn, run_id, viewer).await?;
    authorize(run.state, run.role, RunAction::View)?;
    let (currency, _, store_name) = run_money(&mut conn, run_id).await?;
    // The prices seen on the newest day before the item was bought (a purchase records one of
    // its own): the shelf may show several (a sale, another brand's aisle).
    let rows: Vec<ItemRow> = sqlx::query_as(
        "SELECT i.product_id, p.name, p.brand, p.unit, (i.requested * 1000)::bigint AS requested, \
                i.added_in_store, (i.purchased * 1000)::bigint AS purchased, i.unit_price_minor, \
                i.total_minor, i.purchase_order, u.display_name AS purchased_by, \
                seen.amounts AS seen_amounts, seen.currencies AS seen_currencies, \
                seen.days AS seen_at, seen.notes AS seen_notes, \
                (rp.pack_size * 1000)::bigint AS pack_size, p.is_family, \
                (SELECT f.name FROM bids b JOIN products f ON f.id = b.from_family \
                 WHERE b.run_id = i.run_id AND b.product_id = i.product_id \
                 ORDER BY f.name LIMIT 1) AS for_family \
         FROM shopping_items i JOIN products p ON p.id = i.product_id \
              JOIN runs r ON r.id = i.run_id \
              LEFT JOIN run_packs rp ON rp.run_id = i.run_id AND rp.product_id = i.product_id \
              LEFT JOIN users u ON u.id = i.purchased_by \
              LEFT JOIN LATERAL ( \
                  SELECT array_agg(d.amount_minor ORDER BY d.observed_at DESC, d.created_at DESC) AS amounts, \
                         array_agg(d.currency ORDER BY d.observed_at DESC, d.created_at DESC) AS currencies, \
                         array_agg(d.observed_at ORDER BY d.observed_at DESC, d.created_at DESC) AS days, \
                         array_agg(d.note ORDER BY d.observed_at DESC, d.created_at DESC) AS notes \
                  FROM (SELECT o.amount_minor, o.currency, o.observed_at, o.created_at, o.note \
                        FROM price_observations o \
                        WHERE o.product_id = i.product_id AND o.store_id = r.store_id \
                          AND o.observed_at < coalesce(i.purchased_at, 'infinity') \
                          AND o.observed_at >= ( \
                              SELECT date_trunc('day', max(n.observed_at)) FROM price_observations n \
                              WHERE n.product_id = i.product_id AND n.store_id = r.store_id \
                                AND n.observed_at < coalesce(i.purchased_at, 'infinity')) \
                        ORDER BY o.observed_at DESC, o.created_at DESC LIMIT $2) d) seen ON true \
         WHERE i.run_id = $1 \
         ORDER BY i.purchase_order IS NOT NULL, i.purchase_order, lower(p.name), p.id",
    )
    .bind(run_id)
    .bind(SEEN_PRICES)
    .fetch_all(&mut *conn)
    .await?;
    let mut items = Vec::with_capacity(rows.len());
    for mut row in rows {
        let variants = if row.is_family {
            let family = FamilyRef {
                id: ProductId(row.product_id),
                name: row.name.clone(),
            };
            families::variants_of(&mut conn, &family).await?
        } else {
            Vec::new()
        };
        items.push(ShoppingItemView {
            seen_prices: row.seen_prices(),
            product_id: row.product_id,
            name: row.name,
            brand: row.brand,
            unit: row.unit,
            requested: Quantity::from_thousandths(row.requested),
            added_in_store: row.added_in_store,
            purchase: match (
                row.purchased,
                row.unit_price_minor,
                row.total_minor,
                row.purchase_order,
            ) {
                (Some(quantity), Some(unit_price_minor), Some(total_minor), Some(order)) => {
                    Some(PurchaseView {
                        quantity: Quantity::from_thousandths(quantity),
                        unit_price_minor,
                        total_minor,
                        order,
                        by: row.purchased_by.unwrap_or_default(),
                    })
                }
                _ => None,
            },
            pack_size: row.pack_size.map(Quantity::from_thousandths),
            is_family: row.is_family,
            variants,
            for_family: row.for_family,
        });
    }
    Ok(ShoppingList {
        run_id,
        store_name,
        state: run.state,
        viewer_role: run.role,
        currency,
        items,
    })
}

/// Locks the run for a shopper's change and the item they change.
async fn lock_item(
    conn: &mut PgConnection,
    viewer: Uuid,
    run_id: Uuid,
    product_id: Uuid,
) -> AppResult<(LockedRun, bool)> {
    let run = lock_run(conn, run_id, viewer, Lock::Update).await?;
    authorize(run.state, run.role, RunAction::RecordPurchase)?;
    let recorded: Option<bool> = sqlx::query_scalar(
        "SELECT purchased IS NOT NULL FROM shopping_items \
         WHERE run_id = $1 AND product_id = $2 FOR UPDATE",
    )
    .bind(run_id)
    .bind(product_id)
    .fetch_optional(&mut *conn)
    .await?;
    let recorded = recorded.ok_or(ErrorCode::ShoppingItemNotFound)?;
    Ok((run, recorded))
}

/// What a shopper found: bought (with what they paid) or out of stock.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Record {
    Bought(Purchase),
    /// Bought by the pack, of the size the run planned.
    BoughtPacks(PackPurchase),
    OutOfStock,
}

/// A shopper's record of one item. `currency` is the one their form showed; `correcting` says
/// they saw the earlier record and mean to replace it.
pub struct Entry<'a> {
    pub product_id: Uuid,
    /// For a family on the list ("any rice"): the variant bought, which its bids follow.
    pub variant: Option<ProductId>,
    pub currency: &'a str,
    pub record: Record,
    pub correcting: bool,
}

/// Records what was found of one item. Without `correcting`, a record someone else made
/// meanwhile is not overwritten. A bought price that differs from the newest one seen at the
/// store becomes a price observation too. A family is bought as one of its variants; that it
/// was not there is recorded on the family.
pub async fn record(
    db: &PgPool,
    cache: &Cache,
    viewer: Uuid,
    run_id: Uuid,
    entry: &Entry<'_>,
) -> AppResult<()> {
    let mut tx = db.begin().await?;
    let (run, recorded) = lock_item(&mut tx, viewer, run_id, entry.product_id).await?;
    if recorded && !entry.correcting {
        return Err(ErrorCode::ItemAlreadyRecorded.into());
    }
    let listed = ProductId(entry.product_id);
    let is_family = families::is_family(&mut tx, listed).await?;
    let product_id = match (is_family, entry.variant, entry.record) {
        (_, _, Record::OutOfStock) | (false, None, _) => entry.product_id,
        (false, Some(_), _) => return Err(ErrorCode::NotAVariant.into()),
        (true, None, _) => return Err(ErrorCode::VariantRequired.into()),
        (true, Some(variant), _) => {
            variant_picks::follow_variant(&mut tx, run_id, listed, variant).await?;
            variant.as_uuid()
        }
    };
    let (currency, store_id, _) = run_money(&mut tx, run_id).await?;
    if currency != entry.currency {
        // The form was made for another currency: its digits would be misread.
        return Err(ErrorCode::InvalidInput.into());
    }
    // Bought by the pack, the price seen is the pack's when it comes out to the cent.
    let (purchase, pack_seen) = match entry.record {
        Record::Bought(purchase) => (purchase, None),
        Record::BoughtPacks(packs) => {
            let size = pack_orders::pack_size(&mut tx, run_id, product_id)
                .await?
                .ok_or(ErrorCode::InvalidInput)?;
            let purchase = packs.of_size(size)?;
            let count = purchase.quantity.thousandths() / size.thousandths().max(1);
            let each = (count > 0 && purchase.total_minor % count == 0)
                .then(|| (size.thousandths(), purchase.total_minor / count));
            (purchase, each)
        }
        Record::OutOfStock => (
            Purchase {
                quantity: Quantity::ZERO,
                unit_price_minor: 0,
                total_minor: 0,
            },
            None,
        ),
    };
    sqlx::query(
        "UPDATE shopping_items SET purchased = $3::bigint / 1000.0, unit_price_minor = $4, \
                total_minor = $5, currency = $6, purchased_at = now(), purchased_by = $7, \
                purchase_order = coalesce(purchase_order, \
                    (SELECT coalesce(max(purchase_order), 0) + 1 FROM shopping_items \
                     WHERE run_id = $1)) \
         WHERE run_id = $1 AND product_id = $2",
    )
    .bind(run_id)
    .bind(product_id)
    .bind(purchase.quantity.thousandths())
    .bind(purchase.unit_price_minor)
    .bind(purchase.total_minor)
    .bind(&currency)
    .bind(viewer)
    .execute(&mut *tx)
    .await?;
    let mut new_price = false;
    // A unit price below one minor unit (a thousand cups for 4.99) is no shelf price.
    if !purchase.quantity.is_zero() && purchase.unit_price_minor > 0 {
        let newest: Option<(i64, String)> = sqlx::query_as(
            "SELECT amount_minor, currency FROM price_observations \
             WHERE product_id = $1 AND store_id = $2 \
             ORDER BY observed_at DESC, created_at DESC LIMIT 1",
        )
        .bind(product_id)
        .bind(store_id)
        .fetch_optional(&mut *tx)
        .await?;
        if newest != Some((purchase.unit_price_minor, currency.clone())) {
            sqlx::query(
                "INSERT INTO price_observations \
                     (product_id, store_id, amount_minor, currency, note, observed_by, \
                      pack_size, pack_amount_minor) \
                 VALUES ($1, $2, $3, $4, 'Bought on a run', $5, $6::bigint / 1000.0, $7)",
            )
            .bind(product_id)
            .bind(store_id)
            .bind(purchase.unit_price_minor)
            .bind(&currency)
            .bind(viewer)
            .bind(pack_seen.map(|(size, _)| size))
            .bind(pack_seen.map(|(_, each)| each))
            .execute(&mut *tx)
            .await?;
            new_price = true;
        }
    }
    let event = LiveEvent::ShoppingItemChanged { run_id, product_id };
    run.record(&mut tx, event).await?;
    tx.commit().await?;
    if new_price {
        cache.invalidate(&[Family::StoreProducts(store_id)]).await;
    }
    Ok(())
}

/// Puts an item back on the list to buy (a mistaken record).
pub async fn unrecord(db: &PgPool, viewer: Uuid, run_id: Uuid, product_id: Uuid) -> AppResult<()> {
    let mut tx = db.begin().await?;
    let (run, _) = lock_item(&mut tx, viewer, run_id, product_id).await?;
    sqlx::query(
        "UPDATE shopping_items SET purchased = NULL, unit_price_minor = NULL, total_minor = NULL, \
                currency = NULL, purchase_order = NULL, purchased_at = NULL, purchased_by = NULL \
         WHERE run_id = $1 AND product_id = $2",
    )
    .bind(run_id)
    .bind(product_id)
    .execute(&mut *tx)
    .await?;
    let event = LiveEvent::ShoppingItemChanged { run_id, product_id };
    run.record(&mut tx, event).await?;
    tx.commit().await?;
    Ok(())
}

/// A product nobody bid on, found in the store: it joins the list with the quantity the
/// shopper asks for, as their own bid.
pub async fn add_item(
    db: &PgPool,
    viewer: Uuid,
    run_id: Uuid,
    product_id: Uuid,
    quantity: Quantity,
) -> AppResult<()> {
    // It becomes the shopper's bid: a bid's limits apply.
    if quantity.is_zero() || quantity > MAX_BID {
        return Err(ErrorCode::QuantityInvalid.into());
    }
    let mut tx = db.begin().await?;
    let run = lock_run(&mut tx, run_id, viewer, Lock::Update).await?;
    authorize(run.state, run.role, RunAction::RecordPurchase)?;
    bids::admit_product(&mut tx, run_id, product_id).await?;
    let inserted = sqlx::query(
        "INSERT INTO shopping_items (run_id, product_id, requested, added_in_store) \
         VALUES ($1, $2, $3::bigint / 1000.0, true) ON CONFLICT DO NOTHING",
    )
    .bind(run_id)
    .bind(product_id)
    .bind(quantity.thousandths())
    .execute(&mut *tx)
    .await?;
    if inserted.rows_affected() == 0 {
        return Err(ErrorCode::ItemAlreadyOnList.into());
    }
    // Someone may have been only "interested" in it: the shopper's ask is what was added.
    sqlx::query(
        "INSERT INTO bids (run_id, user_id, product_id, quantity, interested_only) \
         VALUES ($1, $2, $3, $4::bigint / 1000.0, false) \
         ON CONFLICT (run_id, product_id, user_id) DO UPDATE \
         SET quantity = EXCLUDED.quantity, interested_only = false",
    )
    .bind(run_id)
    .bind(viewer)
    .bind(product_id)
    .bind(quantity.thousandths())
    .execute(&mut *tx)
    .await?;
    let event = LiveEvent::ShoppingItemChanged { run_id, product_id };
    run.record(&mut tx, event).await?;
    tx.commit().await?;
    Ok(())
}

/// The leader is done in the store. Nothing bought ends the run; a bought quantity that differs
/// from what was asked needs adjusting; otherwise every bid is allocated in full and the goods
/// go out.
pub async fn complete(db: &PgPool, viewer: Uuid, run_id: Uuid) -> AppResult<RunState> {
    let mut tx = db.begin().await?;
    let run = lock_run(&mut tx, run_id, viewer, Lock::Update).await?;
    authorize(run.state, run.role, RunAction::CompleteShopping)?;
    let (anything_bought, all_match): (bool, bool) = sqlx::query_as(
        "SELECT coalesce(bool_or(purchased > 0), false), \
                coalesce(bool_and(purchased = requested) FILTER (WHERE purchased > 0), true) \
         FROM shopping_items WHERE run_id = $1",
    )
    .bind(run_id)
    .fetch_one(&mut *tx)
    .await?;
    let outcome = shopping_outcome(anything_bought, all_match);
    let state = move_run(&mut tx, &run, outcome).await?;
    payers::default_from_purchases(&mut tx, run_id).await?;
    if state == RunState::Distributing {
        distribution::allocate_all(&mut tx, run_id).await?;
    }
    notify_state_change(&mut tx, run_id, viewer, state, "").await?;
    tx.commit().await?;
    tracing::info!(%run_id, user_id = %viewer, state = state.as_str(), "shopping completed");
    Ok(state)
}
