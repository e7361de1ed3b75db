//! Plain bids: the bid friends place most, by someone already taking part, on a product the run
//! already has, in a state where the bid changes nothing but itself (the state machine's
//! `takes_plain_bid_from`). Such a bid is one autocommit statement: lock, check, upsert, total
//! and its event, with no round trips between them. Anything else, or anything this statement
//! cannot vouch for, returns `None` and the caller takes the general path (`bids`), which also
//! says why a bid is refused.
//!
//! The state machine still decides: its answer for every state and standing is bound as data
//! (the states in which a participant, a helper and a leader may place a plain bid), and the
//! statement only looks the run's state up in it.
//!
//! Locks: the statement holds the run row and the bidder's participation row `FOR SHARE`. When
//! it has to wait for a writer of either, Postgres re-reads those two rows as committed and
//! checks them again, but everything else the statement reads is as of its start. So all a plain
//! bid relies on lives on those rows: the run's state, and the bidder's standing (leader, helper,
//! removed). Leaving the group marks the participation removed under the run's lock
//! (`runs::membership::withdraw_member`), so no bid of someone who left can land after they left.

use std::sync::LazyLock;

use sqlx::PgPool;

use crate::domain::quantity::Quantity;
use crate::domain::run::BidAmount;
use crate::domain::run_state::{RunRole, RunState};
use crate::error::{AppError, AppResult};
use crate::model::{BidOutcome, LiveEvent};
use crate::server::events::recording_ctes;
use crate::server::runs::access::{
    is_group_member, product_in_catalogue, product_in_run, taking_part,
};
use crate::server::runs::bid_statement::{Bid, new_total, placing_cte};

/// The stored names of the states in which each standing may place a plain bid. The statement
/// picks the list by the participation's flags, leader before helper, as `access::role_from` does.
struct PlainBidStates {
    participant: Vec<&'static str>,
    helper: Vec<&'static str>,
    leader: Vec<&'static str>,
}

static PLAIN_BID_STATES: LazyLock<PlainBidStates> = LazyLock::new(|| {
    let states = |role: RunRole| {
        RunState::ALL
            .into_iter()
            .filter(|state| state.takes_plain_bid_from(role))
            .map(RunState::as_str)
            .collect()
    };
    PlainBidStates {
        participant: states(RunRole::Participant),
        helper: states(RunRole::Helper),
        leader: states(RunRole::Leader),
    }
});

/// SQL: whether a bid of `$quantity` with `$tolerance` (thousandths) fits how the store sells
/// the product, read from `store_packs sp` (all nulls when sold loose). It mirrors
/// `PackRule::check_bid` and may only be stricter: a bid it turns away takes the general path,
/// which asks the rule itself and says why.
macro_rules! pack_allows {
    (quantity: $quantity:literal, tolerance: $tolerance:literal) => {
        concat!(
            "(sp.whole_units IS NOT TRUE OR (",
            $quantity,
            " % 1000 = 0 AND ",
            $tolerance,
            " % 1000 = 0)) AND (",
            $tolerance,
            " = 0 OR ",
            $tolerance,
            " <= (coalesce(sp.pack_size, sp.minimum) * 1000)::bigint)"
        )
    };
}

/// Places `bid` if it is a plain bid, returning the product's new total; `None` when it is not
/// one (or is refused), and nothing was written.
pub(crate) async fn place(db: &PgPool, bid: &Bid<'_>) -> AppResult<Option<BidOutcome>> {
    let event = LiveEvent::BidChanged {
        run_id: bid.run_id,
        product_id: bid.product_id,
        user_id: bid.viewer,
    };
    let event = serde_json::to_value(&event).map_err(AppError::internal)?;
    let states = &*PLAIN_BID_STATES;
    let total: Option<i64> = sqlx::query_scalar(concat!(
        "WITH bidder AS ( \
             SELECT r.group_id FROM runs r JOIN ",
        taking_part!(run: "r.id", user: "$2"),
        " LEFT JOIN store_packs sp ON sp.store_id = r.store_id AND sp.product_id = $3 \
           WHERE r.id = $1 \
               AND ",
        pack_allows!(quantity: "$4", tolerance: "$11"),
        " \
               AND r.state = ANY(CASE WHEN p.is_leader THEN $9::text[] \
                                      WHEN p.is_helper THEN $8::text[] ELSE $7::text[] END) \
               AND ",
        is_group_member!(group: "r.group_id", user: "$2"),
        " AND ",
        product_in_catalogue!(product: "$3"),
        " AND ",
        product_in_run!(product: "$3"),
        " FOR SHARE OF r, p), ",
        placing_cte!(source: "bidder", tolerance: "$11"),
        ", ",
        recording_ctes!(group: "bidder.group_id", run: "$1::uuid", event: "$10::jsonb", source: "bidder, placed"),
        " ",
        new_total!()
    ))
    .bind(bid.run_id)
    .bind(bid.viewer)
    .bind(bid.product_id)
    .bind(bid.amount.committed().thousandths())
    .bind(bid.amount == BidAmount::InterestedOnly)
    .bind(bid.comment)
    .bind(&states.participant)
    .bind(&states.helper)
    .bind(&states.leader)
    .bind(event)
    .bind(bid.amount.tolerance().thousandths())
    .fetch_optional(db)
    .await?;
    Ok(total.map(|total| BidOutcome {
        total: Quantity::from_thousandths(total),
        new_state: None,
    }))
}
