//! The SQL that writes one bid, shared by the plain one-statement path (`plain_bids`) and the
//! general transaction (`bids`), so both write a bid the same way.

use uuid::Uuid;

use crate::domain::run::BidAmount;

/// The common table expression `placed` that writes bid `$4` (thousandths; `$5` interested
/// only, `$6` comment, `$tolerance` thousandths) of user `$2` on product `$3` in run `$1` once
/// per row of `$source`: a new bid or a change of theirs (the `(run, product, user)` key), never
/// a second row. A change keeps the bid's `created_at`: its place in the queue for packs.
macro_rules! placing_cte {
    (source: $source:literal, tolerance: $tolerance:literal) => {
        concat!(
            "placed AS ( \
                 INSERT INTO bids (run_id, user_id, product_id, quantity, interested_only, comment, \
                                   tolerance) \
                 SELECT $1, $2, $3, $4::bigint / 1000.0, $5, $6, ", $tolerance, "::bigint / 1000.0 \
                 FROM ", $source,
            " ON CONFLICT (run_id, product_id, user_id) DO UPDATE \
                 SET quantity = EXCLUDED.quantity, interested_only = EXCLUDED.interested_only, \
                     comment = EXCLUDED.comment, tolerance = EXCLUDED.tolerance \
                 RETURNING 1)"
        )
    };
}
pub(crate) use placing_cte;

/// The product's new total (thousandths) after `placing_cte`, once it placed the bid: the other
/// bids as the statement sees them, plus this one.
macro_rules! new_total {
    () => {
        "SELECT CASE WHEN $5 THEN 0 ELSE $4 END \
              + (SELECT (coalesce(sum(quantity), 0) * 1000)::bigint FROM bids \
                 WHERE run_id = $1 AND product_id = $3 AND user_id <> $2 AND NOT interested_only) \
         FROM placed"
    };
}
pub(crate) use new_total;

/// One bid as a use case places it.
pub(crate) struct Bid<'a> {
    pub viewer: Uuid,
    pub run_id: Uuid,
    pub product_id: Uuid,
    pub amount: BidAmount,
    pub comment: &'a str,
}
