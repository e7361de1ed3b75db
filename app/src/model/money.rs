//! Money between friends as members see it: who paid the store for a run, each person's balance
//! in a group per currency, the transfers that settle it and the repayments recorded. Amounts are
//! exact minor units.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::domain::extra_costs::CostSplit;
use crate::domain::settlement::{Method, SettlementState};

/// Who paid the store for a run.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RunPayers {
    pub run_id: Uuid,
    /// What was bought in all: the payers add up to it.
    pub total_minor: i64,
    pub currency: String,
    /// Everyone taking part, payers first (those who paid nothing with zero).
    pub payers: Vec<PayerView>,
    /// Costs shared besides the goods.
    #[serde(default)]
    pub extra_costs: Vec<ExtraCostView>,
    pub viewer_may_edit: bool,
}

impl RunPayers {
    /// Those who paid anything.
    pub fn paying(&self) -> impl Iterator<Item = &PayerView> {
        self.payers.iter().filter(|payer| payer.amount_minor > 0)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PayerView {
    pub user_id: Uuid,
    pub name: String,
    pub amount_minor: i64,
}

/// A group's money page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupMoney {
    pub group_id: Uuid,
    pub group_name: String,
    pub viewer_id: Uuid,
    /// One entry per currency the group's completed runs were paid in.
    pub currencies: Vec<CurrencyMoney>,
    /// Repayments waiting for the receiver first, then the newest decided ones.
    pub settlements: Vec<SettlementView>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CurrencyMoney {
    pub currency: String,
    /// Everyone with money in this currency, by name.
    pub members: Vec<MemberBalance>,
    /// What settles everything still open (repayments waiting for confirmation count as made).
    pub transfers: Vec<SuggestedTransfer>,
    pub method: Method,
    /// The completed runs behind the balances, newest first (the newest `RUNS_SHOWN` of them).
    #[serde(default)]
    pub runs: Vec<RunMoney>,
    /// How many completed runs count in all; the ledger download has every one.
    #[serde(default)]
    pub run_count: usize,
}

/// One completed run's money in one currency: each person's part, and what the run alone would
/// have them pay each other (the debts before simplifying across runs and repayments).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RunMoney {
    pub run_id: Uuid,
    pub store_name: String,
    /// When the run completed.
    pub closed_at: DateTime<Utc>,
    pub currency: String,
    /// Everyone who paid or got goods, by name.
    pub people: Vec<RunPersonMoney>,
    pub debts: Vec<SuggestedTransfer>,
}

impl RunMoney {
    /// `who`'s part of the run, if they had one.
    pub fn of(&self, who: Uuid) -> Option<&RunPersonMoney> {
        self.people.iter().find(|person| person.user_id == who)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RunPersonMoney {
    pub user_id: Uuid,
    pub name: String,
    /// Paid the store, and shared costs (fuel) they paid.
    pub paid_minor: i64,
    /// What their goods cost.
    pub goods_minor: i64,
    /// Their parts of the shared costs.
    pub extras_minor: i64,
}

impl RunPersonMoney {
    /// Positive: the run owes them; negative: they owe the run.
    pub fn net_minor(&self) -> i64 {
        self.paid_minor - self.goods_minor - self.extras_minor
    }
}

/// One member's printable statement in a group: every completed run they had a part in, every
/// confirmed repayment to or from them, and where they stand, per currency.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberStatement {
    pub group_id: Uuid,
    pub group_name: String,
    pub member_id: Uuid,
    pub member_name: String,
    pub made_at: DateTime<Utc>,
    pub currencies: Vec<StatementCurrency>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatementCurrency {
    pub currency: String,
    /// Oldest first, each with the member's own part.
    pub runs: Vec<StatementRun>,
    /// Confirmed repayments to or from the member, oldest first.
    pub repayments: Vec<SettlementView>,
    pub balance: MemberBalance,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatementRun {
    pub run_id: Uuid,
    pub store_name: String,
    pub closed_at: DateTime<Utc>,
    pub part: RunPersonMoney,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberBalance {
    pub user_id: Uuid,
    pub name: String,
    /// Paid the store, and shared costs they paid.
    pub paid_minor: i64,
    /// What their goods cost, with their parts of shared costs.
    pub share_minor: i64,
    /// Repaid to friends minus repaid by friends (confirmed only).
    pub settled_minor: i64,
    /// Positive: friends owe them; negative: they owe.
    pub balance_minor: i64,
    /// Repayments they made minus those made to them that wait for the receiver's confirmation.
    #[serde(default)]
    pub pending_minor: i64,
}

impl MemberBalance {
    /// What is left to settle once the repayments waiting for confirmation are confirmed.
    pub fn outstanding_minor(&self) -> i64 {
        self.balance_minor + self.pending_minor
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SuggestedTransfer {
    pub from_id: Uuid,
    pub from_name: String,
    pub to_id: Uuid,
    pub to_name: String,
    pub amount_minor: i64,
    /// How the receiver likes to be paid, when they said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pay_to: Option<PayTo>,
}

/// A receiver's payment details as the payer sees them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PayTo {
    /// The account holder.
    pub name: String,
    /// In groups of four; empty when none.
    pub iban: String,
    pub note: String,
    /// An EPC QR code of this very transfer, as SVG markup drawn on the server.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qr_svg: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SettlementView {
    pub id: Uuid,
    pub from_id: Uuid,
    pub from_name: String,
    pub to_id: Uuid,
    pub to_name: String,
    pub amount_minor: i64,
    pub currency: String,
    pub state: SettlementState,
    pub recorded_by: Uuid,
    pub created_at: DateTime<Utc>,
}

/// One of the viewer's own transfers, for the start page ("You owe Alice €23.40").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OwnTransfer {
    pub group_id: Uuid,
    pub group_name: String,
    /// Whom the viewer pays, or who pays them.
    pub other: String,
    pub viewer_pays: bool,
    pub amount_minor: i64,
    pub currency: String,
}

/// A cost a run shares besides the goods (fuel, delivery), with everyone's part.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExtraCostView {
    pub id: Uuid,
    pub label: String,
    pub amount_minor: i64,
    pub currency: String,
    pub split: CostSplit,
    pub paid_by: Uuid,
    pub paid_by_name: String,
    /// `(who, part)` for everyone who got goods; empty until the goods are shared out.
    pub parts: Vec<(Uuid, i64)>,
}
