//! A run as a member of its group sees it, and the per-process cache that lets twenty friends
//! watching one run reload it after every bid without reading a thousand bids each time.
//!
//! The page's data has a viewer's part (their role, and the members a leader may pick as
//! helpers) and a shared body (participants, products with bids and purchases, shares, the open
//! transfer). The body is cached per run under the run's *revision*: every live event recorded
//! about a run counts one change in `run_revisions`, in the transaction of the change
//! (`events::record`). A reader reads the revision first and the body after, so a cached body is
//! never older than what the reader's own snapshot sees: after your bid commits, your next read
//! counts it and misses the cache. What changes a run without an event about it (a renamed
//! product, a new display name) shows within `FRESH_FOR`. Prices are read fresh every time.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::{FromRow, PgConnection, PgPool};
use uuid::Uuid;

use crate::domain::packs::{Fairness, PackRule, Rounding};
use crate::domain::quantity::Quantity;
use crate::domain::run_state::{RunAction, RunRole, authorize};
use crate::error::{AppError, AppResult, ErrorCode};
use crate::model::{
    BidView, PackOrder, ParticipantView, PersonRef, PersonShares, RunDetail, RunProduct,
    TransferView,
};
use crate::server::packs::PackRow;
use crate::server::runs::access::{is_group_member, role_from, stored_state, taking_part};
use crate::server::runs::{distribution, leadership};

/// SQL: the newest price seen at store `$store` of each product in the array `$products`.
macro_rules! newest_prices {
    (store: $store:literal, products: $products:literal, group: $group:literal, own_only: $own:literal) => {
        concat!(
            "SELECT DISTINCT ON (o.product_id) o.product_id, o.amount_minor, o.currency \
             FROM price_observations o WHERE o.store_id = ",
            $store,
            " AND o.product_id = ANY(",
            $products,
            ") AND (NOT ",
            $own,
            " OR EXISTS (SELECT 1 FROM group_members m WHERE m.group_id = ",
            $group,
            " AND m.user_id = o.observed_by)) \
             ORDER BY o.product_id, o.observed_at DESC, o.created_at DESC"
        )
    };
}

/// How long a cached body may be served for changes that record no event about the run.
const FRESH_FOR: Duration = Duration::from_secs(10);
/// Runs kept; past it the stalest entries go.
const CAPACITY: usize = 512;

/// Cached run bodies of this process. Clones share the cache.
#[derive(Clone, Debug, Default)]
pub struct RunCache {
    entries: Arc<Mutex<HashMap<Uuid, Entry>>>,
}

#[derive(Debug)]
struct Entry {
    revision: i64,
    fetched: Instant,
    body: Arc<RunBody>,
}

impl RunCache {
    /// The newest body held for the run, whatever its revision: a guess at what a reader will
    /// get, good enough to read the prices of its products along with the run.
    fn latest(&self, run_id: Uuid) -> Option<(i64, Arc<RunBody>)> {
        let entries = self.entries.lock().ok()?;
        entries
            .get(&run_id)
            .filter(|entry| entry.fetched.elapsed() < FRESH_FOR)
            .map(|entry| (entry.revision, entry.body.clone()))
    }

    fn put(&self, run_id: Uuid, revision: i64, body: Arc<RunBody>) {
        let Ok(mut entries) = self.entries.lock() else {
            return;
        };
        if entries.len() >= CAPACITY && !entries.contains_key(&run_id) {
            entries.retain(|_, entry| entry.fetched.elapsed() < FRESH_FOR);
            if entries.len() >= CAPACITY {
                entries.clear();
            }
        }
        // A slower reader must not replace a newer body with an older one.
        if entries
            .get(&run_id)
            .is_some_and(|entry| entry.revision > revision)
        {
            return;
        }
        entries.insert(
            run_id,
            Entry {
                revision,
                fetched: Instant::now(),
                body,
            },
        );
    }
}

/// What every member sees of a run, whoever looks.
#[derive(Debug)]
struct RunBody {
    participants: Vec<ParticipantView>,
    /// Without prices: those are read fresh.
    products: Vec<RunProduct>,
    distribution: Vec<PersonShares>,
    pending_transfer: Option<TransferView>,
}

#[derive(FromRow)]
struct RunRow {
    group_id: Uuid,
    group_name: String,
    currency: String,
    store_id: Uuid,
    store_name: String,
    state: String,
    comment: String,
    planned_on: Option<NaiveDate>,
    cancel_reason: String,
    leader_left: bool,
    created_at: DateTime<Utc>,
    pack_fairness: String,
    revision: i64,
    /// The viewer's standing, as `access::role_from` reads it.
    member: bool,
    is_leader: Option<bool>,
    is_helper: Option<bool>,
    /// Estimates use only prices the group's members saw.
    own_prices_only: bool,
    /// The newest prices of the products asked about, as parallel arrays.
    price_products: Vec<Uuid>,
    price_amounts: Vec<i64>,
    price_currencies: Vec<String>,
}

#[derive(FromRow)]
struct ParticipantRow {
    user_id: Uuid,
    display_name: String,
    is_leader: bool,
    is_helper: bool,
    is_ready: bool,
    removed: bool,
    bid_count: i64,
}

#[derive(FromRow)]
struct BidRow {
    product_id: Uuid,
    name: String,
    brand: String,
    unit: String,
    user_id: Uuid,
    thousandths: i64,
    interested_only: bool,
    comment: String,
    tolerance: i64,
    asked: Option<i64>,
    #[sqlx(flatten)]
    pack: PackRow,
    rounding: Option<String>,
    to_buy: Option<i64>,
    absorbed: Option<i64>,
    is_family: bool,
    from_family: Option<String>,
}

/// A run as a member of its group sees it, read in full.
pub async fn detail(db: &PgPool, viewer: Uuid, run_id: Uuid) -> AppResult<RunDetail> {
    detail_with(db, None, viewer, run_id).await
}

/// The same, with the shared body from `cache` when the run has not changed since.
pub async fn detail_cached(
    db: &PgPool,
    cache: &RunCache,
    viewer: Uuid,
    run_id: Uuid,
) -> AppResult<RunDetail> {
    detail_with(db, Some(cache), viewer, run_id).await
}

async fn detail_with(
    db: &PgPool,
    cache: Option<&RunCache>,
    viewer: Uuid,
    run_id: Uuid,
) -> AppResult<RunDetail> {
    let mut conn = db.acquire().await?;
    // Most reads find the run as the cache last saw it: the prices of its products come with
    // the run in one statement. If the guess is off, they are read once the body is known.
    let guess = cache.and_then(|cache| cache.latest(run_id));
    let guessed_products: Vec<Uuid> = guess
        .as_ref()
        .map(|(_, body)| body.products.iter().map(|p| p.product_id).collect())
        .unwrap_or_default();
    let run: RunRow = sqlx::query_as(concat!(
        "SELECT r.group_id, g.name AS group_name, g.currency, r.store_id, s.name AS store_name, \
                r.state, r.comment, r.planned_on, r.cancel_reason, r.leader_left, r.created_at, \
                r.pack_fairness, g.own_prices_only, \
                (SELECT coalesce(sum(v.changes), 0)::bigint FROM run_revisions v \
                 WHERE v.run_id = r.id) AS revision, ",
        is_group_member!(group: "r.group_id", user: "$2"),
        " AS member, p.is_leader, p.is_helper, \
                coalesce(pr.products, '{}') AS price_products, \
                coalesce(pr.amounts, '{}') AS price_amounts, \
                coalesce(pr.currencies, '{}') AS price_currencies \
         FROM runs r JOIN groups g ON g.id = r.group_id JOIN stores s ON s.id = r.store_id \
         LEFT JOIN ",
        taking_part!(run: "r.id", user: "$2"),
        " CROSS JOIN LATERAL (SELECT array_agg(n.product_id) AS products, \
                                    array_agg(n.amount_minor) AS amounts, \
                                    array_agg(n.currency) AS currencies \
                             FROM (",
        newest_prices!(store: "r.store_id", products: "$3", group: "r.group_id", own_only: "g.own_prices_only"),
        ") n) pr \
         WHERE r.id = $1",
    ))
    .bind(run_id)
    .bind(viewer)
    .bind(&guessed_products)
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(ErrorCode::RunNotFound)?;
    let role = role_from(run.member, run.is_leader, run.is_helper);
    let state = stored_state(&run.state)?;
    authorize(state, role, RunAction::View)?;

    let (body, prices) = match guess {
        Some((revision, body)) if revision == run.revision => {
            let prices = run
                .price_products
                .iter()
                .zip(&run.price_amounts)
                .zip(&run.price_currencies)
                .map(|((&product_id, &amount), currency)| (product_id, (amount, currency.clone())))
                .collect();
            (body, prices)
        }
        _ => {
            let body = Arc::new(read_body(&mut conn, run_id).await?);
            if let Some(cache) = cache {
                cache.put(run_id, run.revision, body.clone());
            }
            let prices = prices_of(&mut conn, &run, &body.products).await?;
            (body, prices)
        }
    };
    let mut products = body.products.clone();
    for product in &mut products {
        if let Some((amount, currency)) = prices.get(&product.product_id) {
            product.current_price = Some(*amount);
            product.price_currency = currency.clone();
        }
    }
    let group_members = if role == RunRole::Leader {
        helper_candidates(&mut conn, run.group_id, viewer).await?
    } else {
        Vec::new()
    };
    Ok(RunDetail {
        id: run_id,
        group_id: run.group_id,
        group_name: run.group_name,
        store_id: run.store_id,
        store_name: run.store_name,
        state,
        comment: run.comment,
        planned_on: run.planned_on,
        cancel_reason: run.cancel_reason,
        leader_left: run.leader_left,
        created_at: run.created_at,
        viewer_id: viewer,
        viewer_role: role,
        participants: body.participants.clone(),
        products,
        pending_transfer: body.pending_transfer.clone(),
        group_members,
        currency: run.currency,
        distribution: body.distribution.clone(),
        pack_fairness: run.pack_fairness.parse::<Fairness>().map_err(|_| {
            AppError::internal(format!("unknown pack fairness {:?}", run.pack_fairness))
        })?,
    })
}

async fn read_body(conn: &mut PgConnection, run_id: Uuid) -> AppResult<RunBody> {
    let participants: Vec<ParticipantRow> = sqlx::query_as(
        "SELECT p.user_id, u.display_name, p.is_leader, p.is_helper, p.is_ready, \
                p.removed_at IS NOT NULL AS removed, \
                (SELECT count(*) FROM bids b WHERE b.run_id = p.run_id AND b.user_id = p.user_id) \
                    AS bid_count \
         FROM run_participants p JOIN users u ON u.id = p.user_id \
         WHERE p.run_id = $1 ORDER BY p.is_leader DESC, p.created_at, u.display_name",
    )
    .bind(run_id)
    .fetch_all(&mut *conn)
    .await?;
    // Once confirmed, a product is sold as it was then (`run_packs`), not as the store sells
    // it now.
    let bids: Vec<BidRow> = sqlx::query_as(
        "SELECT b.product_id, p.name, p.brand, p.unit, b.user_id, \
                (b.quantity * 1000)::bigint AS thousandths, b.interested_only, b.comment, \
                (b.tolerance * 1000)::bigint AS tolerance, (b.asked * 1000)::bigint AS asked, \
                (coalesce(rp.pack_size, sp.pack_size) * 1000)::bigint AS pack_size, \
                (coalesce(rp.minimum, sp.minimum) * 1000)::bigint AS minimum, \
                coalesce(rp.whole_units, sp.whole_units, false) AS whole_units, \
                rp.rounding, (rp.to_buy * 1000)::bigint AS to_buy, \
                (rp.absorbed * 1000)::bigint AS absorbed, p.is_family, \
                f.name AS from_family \
         FROM bids b JOIN products p ON p.id = b.product_id \
              LEFT JOIN products f ON f.id = b.from_family \
              JOIN runs r ON r.id = b.run_id \
              LEFT JOIN run_packs rp ON rp.run_id = b.run_id AND rp.product_id = b.product_id \
              LEFT JOIN store_packs sp ON sp.store_id = r.store_id AND sp.product_id = b.product_id \
                                      AND rp.run_id IS NULL \
         WHERE b.run_id = $1 ORDER BY lower(p.name), p.id, b.created_at, b.user_id",
    )
    .bind(run_id)
    .fetch_all(&mut *conn)
    .await?;
    let bought: HashMap<Uuid, Quantity> = sqlx::query_as::<_, (Uuid, i64)>(
        "SELECT product_id, (purchased * 1000)::bigint FROM shopping_items \
         WHERE run_id = $1 AND purchased IS NOT NULL",
    )
    .bind(run_id)
    .fetch_all(&mut *conn)
    .await?
    .into_iter()
    .map(|(product_id, thousandths)| (product_id, Quantity::from_thousandths(thousandths)))
    .collect();
    let distribution = distribution::shares_of(conn, run_id).await?;
    let pending_transfer = leadership::pending_transfer(conn, run_id).await?;

    let index_of: HashMap<Uuid, usize> = participants
        .iter()
        .enumerate()
        .map(|(index, p)| (p.user_id, index))
        .collect();
    let mut products: Vec<RunProduct> = Vec::new();
    for bid in bids {
        if products.last().map(|p| p.product_id) != Some(bid.product_id) {
            let order = pack_order(&bid)?;
            products.push(RunProduct {
                product_id: bid.product_id,
                name: bid.name,
                brand: bid.brand,
                unit: bid.unit,
                current_price: None,
                price_currency: String::new(),
                total: Quantity::ZERO,
                interested_count: 0,
                bids: Vec::new(),
                bought: bought.get(&bid.product_id).copied(),
                pack: Some(bid.pack.rule()).filter(PackRule::is_packed),
                order,
                is_family: bid.is_family,
                for_family: None,
            });
        }
        let Some(product) = products.last_mut() else {
            continue;
        };
        if product.for_family.is_none() {
            product.for_family = bid.from_family;
        }
        let quantity = Quantity::from_thousandths(bid.thousandths);
        if bid.interested_only {
            product.interested_count += 1;
        } else {
            product.total = product.total + quantity;
        }
        let Some(&participant) = index_of.get(&bid.user_id) else {
            continue;
        };
        product.bids.push(BidView {
            participant,
            quantity,
            interested_only: bid.interested_only,
            comment: bid.comment,
            tolerance: Quantity::from_thousandths(bid.tolerance),
            asked: bid.asked.map(Quantity::from_thousandths),
        });
    }
    Ok(RunBody {
        participants: participants
            .into_iter()
            .map(|p| ParticipantView {
                user_id: p.user_id,
                display_name: p.display_name,
                is_leader: p.is_leader,
                is_helper: p.is_helper,
                is_ready: p.is_ready,
                bid_count: p.bid_count,
                removed: p.removed,
            })
            .collect(),
        products,
        distribution,
        pending_transfer,
    })
}

/// What confirming made of the packs of a bid's product, once it did.
fn pack_order(bid: &BidRow) -> AppResult<Option<PackOrder>> {
    let (Some(rounding), Some(to_buy)) = (&bid.rounding, bid.to_buy) else {
        return Ok(None);
    };
    let rounding: Rounding = rounding
        .parse()
        .map_err(|_| AppError::internal(format!("unknown pack rounding {rounding:?}")))?;
    let to_buy = Quantity::from_thousandths(to_buy);
    Ok(Some(PackOrder {
        rounding,
        to_buy,
        packs: bid
            .pack
            .pack_size
            .filter(|size| *size > 0)
            .map(|size| to_buy.thousandths() / size),
        absorbed: Quantity::from_thousandths(bid.absorbed.unwrap_or_default()),
    }))
}

/// The newest price seen at the run's store of each product: amount and currency.
async fn prices_of(
    conn: &mut PgConnection,
    run: &RunRow,
    products: &[RunProduct],
) -> AppResult<HashMap<Uuid, (i64, String)>> {
    let product_ids: Vec<Uuid> = products.iter().map(|p| p.product_id).collect();
    Ok(sqlx::query_as::<_, (Uuid, i64, String)>(
        newest_prices!(store: "$1", products: "$2", group: "$3", own_only: "$4"),
    )
    .bind(run.store_id)
    .bind(&product_ids)
    .bind(run.group_id)
    .bind(run.own_prices_only)
    .fetch_all(conn)
    .await?
    .into_iter()
    .map(|(product_id, amount, currency)| (product_id, (amount, currency)))
    .collect())
}

/// Who the leader may make a helper: the group's members but the leader.
async fn helper_candidates(
    conn: &mut PgConnection,
    group_id: Uuid,
    leader: Uuid,
) -> AppResult<Vec<PersonRef>> {
    Ok(sqlx::query_as::<_, (Uuid, String)>(
        "SELECT u.id, u.display_name FROM group_members m JOIN users u ON u.id = m.user_id \
         WHERE m.group_id = $1 AND m.user_id <> $2 ORDER BY lower(u.display_name), u.id",
    )
    .bind(group_id)
    .bind(leader)
    .fetch_all(conn)
    .await?
    .into_iter()
    .map(|(user_id, display_name)| PersonRef {
        user_id,
        display_name,
    })
    .collect())
}
