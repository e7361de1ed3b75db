//! Runs as the members of their group see them. Quantities are exact (`Quantity`), prices exact
//! minor units; what the viewer may do is not sent: pages ask `domain::run_state` with the
//! state and the viewer's role.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::domain::packs::{Fairness, PackBid, PackMeter, PackPlan, PackRule, Rounding, plan};
use crate::domain::quantity::Quantity;
use crate::domain::run_state::{RunRole, RunState};
use crate::model::PersonShares;

/// A run in a list (a group's runs, the dashboard).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RunSummary {
    pub id: Uuid,
    pub group_id: Uuid,
    pub group_name: String,
    pub store_name: String,
    pub state: RunState,
    pub leader_name: String,
    pub planned_on: Option<NaiveDate>,
    pub participant_count: i64,
    pub created_at: DateTime<Utc>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParticipantView {
    pub user_id: Uuid,
    pub display_name: String,
    pub is_leader: bool,
    pub is_helper: bool,
    pub is_ready: bool,
    pub bid_count: i64,
    /// Left or was removed from the group; kept for the record, struck through.
    pub removed: bool,
}

/// One bid. The bidder is an index into `RunDetail::participants`; on the wire a bid is a short
/// array (`model::bid_wire`), which keeps a run of 50 people × 20 products small on the wire
/// and in the page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BidView {
    pub participant: usize,
    pub quantity: Quantity,
    pub interested_only: bool,
    pub comment: String,
    /// "Up to this much more to fill a pack"; zero when none.
    pub tolerance: Quantity,
    /// What they asked before confirming shared out the packs, when that changed their bid.
    pub asked: Option<Quantity>,
}

/// What confirming the run made of a product sold by the pack (or with a minimum order).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PackOrder {
    pub rounding: Rounding,
    /// What the shoppers buy.
    pub to_buy: Quantity,
    /// `to_buy` in packs, when sold by the pack.
    pub packs: Option<i64>,
    /// What nobody asked for or offered to take: the leader holds it.
    pub absorbed: Quantity,
}

/// A product of the run with every bid on it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RunProduct {
    pub product_id: Uuid,
    pub name: String,
    pub brand: String,
    pub unit: String,
    /// The newest price seen at the run's store, in minor units of `price_currency`.
    pub current_price: Option<i64>,
    pub price_currency: String,
    /// Committed quantities only: "interested" bids do not count.
    pub total: Quantity,
    pub interested_count: i64,
    pub bids: Vec<BidView>,
    /// What the shoppers bought of it, once recorded (zero: the store had none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bought: Option<Quantity>,
    /// How the run's store sells it, when by the pack or with a minimum order (as it was when
    /// the run was confirmed, once it is).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pack: Option<PackRule>,
    /// What confirming made of its packs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<PackOrder>,
    /// A family ("any rice"): the shopper picks the variant in the store.
    #[serde(default)]
    pub is_family: bool,
    /// Asked for as a family, whose bids followed this variant: the family's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub for_family: Option<String>,
}

impl RunProduct {
    /// The tolerance everyone offers on it.
    pub fn tolerance(&self) -> Quantity {
        self.bids.iter().map(|bid| bid.tolerance).sum()
    }

    /// How full its open pack is, when the store sells it by the pack.
    pub fn meter(&self) -> Option<PackMeter> {
        let size = self.pack.and_then(|pack| pack.size)?;
        Some(PackMeter::new(size, self.total, self.tolerance()))
    }

    /// Its bids as the pack rule reads them, in the order they were placed; who is an index
    /// into `RunDetail::participants`.
    pub fn pack_bids(&self) -> Vec<PackBid<usize>> {
        self.bids
            .iter()
            .filter(|bid| !bid.interested_only)
            .map(|bid| PackBid {
                who: bid.participant,
                quantity: bid.quantity,
                tolerance: bid.tolerance,
            })
            .collect()
    }

    /// What confirming now would make of it, when the store sells it by the pack.
    pub fn pack_plan(&self, fairness: Fairness, rounding: Rounding) -> Option<PackPlan<usize>> {
        let rule = self.pack?;
        Some(plan(&rule, &self.pack_bids(), fairness, rounding))
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RunDetail {
    pub id: Uuid,
    pub group_id: Uuid,
    pub group_name: String,
    pub store_id: Uuid,
    pub store_name: String,
    pub state: RunState,
    pub comment: String,
    pub planned_on: Option<NaiveDate>,
    pub cancel_reason: String,
    /// Cancelled because the leader left or was removed from the group.
    pub leader_left: bool,
    pub created_at: DateTime<Utc>,
    pub viewer_id: Uuid,
    pub viewer_role: RunRole,
    pub participants: Vec<ParticipantView>,
    /// By name.
    pub products: Vec<RunProduct>,
    /// The open request to take the run over, if any.
    pub pending_transfer: Option<TransferView>,
    /// Who the leader may make a helper: the group's members but the leader. Empty for others.
    pub group_members: Vec<PersonRef>,
    /// The group's currency: what purchases and costs are in.
    pub currency: String,
    /// Once goods are shared out: each person's shares and costs, by name.
    pub distribution: Vec<PersonShares>,
    /// How packs that do not come out even are shared, as the leader chose.
    #[serde(default)]
    pub pack_fairness: Fairness,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonRef {
    pub user_id: Uuid,
    pub display_name: String,
}

/// The leader asked someone to take the run over.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TransferView {
    pub id: Uuid,
    pub from: PersonRef,
    pub to: PersonRef,
}

impl RunDetail {
    pub fn leader(&self) -> Option<&ParticipantView> {
        self.participants.iter().find(|p| p.is_leader)
    }

    /// Who the leader waits for: everyone else still taking part who bid.
    fn bidders(&self) -> impl Iterator<Item = &ParticipantView> {
        self.participants
            .iter()
            .filter(|p| !p.is_leader && !p.removed && p.bid_count > 0)
    }

    /// Who bid but has not said they are ready; the leader is told when this becomes empty.
    pub fn not_ready(&self) -> Vec<&ParticipantView> {
        self.bidders().filter(|p| !p.is_ready).collect()
    }

    /// Everyone who bid is ready (and someone besides the leader did).
    pub fn everyone_ready(&self) -> bool {
        self.bidders().next().is_some() && self.not_ready().is_empty()
    }

    pub fn viewer(&self) -> Option<&ParticipantView> {
        self.participants
            .iter()
            .find(|p| p.user_id == self.viewer_id)
    }

    /// Who placed a bid.
    pub fn bidder(&self, bid: &BidView) -> Option<&ParticipantView> {
        self.participants.get(bid.participant)
    }

    /// The viewer's own bid on a product.
    pub fn viewer_bid<'a>(&self, product: &'a RunProduct) -> Option<&'a BidView> {
        let me = self
            .participants
            .iter()
            .position(|p| p.user_id == self.viewer_id)?;
        product.bids.iter().find(|bid| bid.participant == me)
    }
}

/// What placing or retracting a bid did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BidOutcome {
    /// The product's committed total after the bid.
    pub total: Quantity,
    /// Set when this bid moved the run (planning → active).
    pub new_state: Option<RunState>,
}
