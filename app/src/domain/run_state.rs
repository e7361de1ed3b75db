//! The run state machine, the only place that knows which state a run may move to and who may do
//! what in which state. The UI asks it which buttons to offer (`offered_actions`); every service
//! asks it (`authorize`, `RunState::move_to`) before it changes anything. Compiled for the server
//! and the browser alike.

use serde::{Deserialize, Serialize};

use crate::error::ErrorCode;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum RunState {
    /// Just opened; only the leader takes part so far.
    Planning,
    /// Someone else bid: people bid and say when they are ready.
    Active,
    /// The leader froze the orders; waiting for the trip.
    Confirmed,
    /// In the store, recording what is bought.
    Shopping,
    /// Bought quantities differ from what was asked: bids are re-balanced.
    Adjusting,
    /// Allocations are fixed; goods are handed out.
    Distributing,
    Completed,
    Cancelled,
}

/// What the viewer is to a run. Ordered: each role may do what the ones before it may.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum RunRole {
    /// Not in the run's group: the run does not exist for them.
    Outsider,
    /// In the group, not (yet) taking part.
    Member,
    /// Has a participation: bid, or was made a helper.
    Participant,
    Helper,
    Leader,
}

/// Everything a person can ask of a run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum RunAction {
    View,
    PlaceBid,
    RetractBid,
    ToggleReady,
    Confirm,
    Reopen,
    StartShopping,
    RecordPurchase,
    CompleteShopping,
    FinishAdjusting,
    MarkPickedUp,
    CompleteDistribution,
    Cancel,
    EditComment,
    ManageHelpers,
    TransferLeadership,
    Export,
    /// Say who paid the store, and how much each.
    RecordPayers,
}

/// How bids may change in a state where bidding is open at all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BidRule {
    /// Any quantity, on any product.
    Free,
    /// Only towards what was bought (`domain::adjusting`), and only on products already bid on.
    Rebalance,
}

impl RunState {
    pub const ALL: [RunState; 8] = [
        RunState::Planning,
        RunState::Active,
        RunState::Confirmed,
        RunState::Shopping,
        RunState::Adjusting,
        RunState::Distributing,
        RunState::Completed,
        RunState::Cancelled,
    ];

    /// The stored name (`runs.state`).
    pub fn as_str(self) -> &'static str {
        match self {
            RunState::Planning => "planning",
            RunState::Active => "active",
            RunState::Confirmed => "confirmed",
            RunState::Shopping => "shopping",
            RunState::Adjusting => "adjusting",
            RunState::Distributing => "distributing",
            RunState::Completed => "completed",
            RunState::Cancelled => "cancelled",
        }
    }

    pub fn parse(name: &str) -> Option<RunState> {
        RunState::ALL
            .into_iter()
            .find(|state| state.as_str() == name)
    }

    pub fn is_terminal(self) -> bool {
        matches!(self, RunState::Completed | RunState::Cancelled)
    }

    /// The states this one may move to. Cancelling is possible from every state that has not
    /// ended; a confirmed run may be reopened.
    pub fn successors(self) -> &'static [RunState] {
        use RunState::*;
        match self {
            Planning => &[Active, Cancelled],
            Active => &[Confirmed, Cancelled],
            Confirmed => &[Shopping, Active, Cancelled],
            Shopping => &[Adjusting, Distributing, Completed, Cancelled],
            Adjusting => &[Distributing, Cancelled],
            Distributing => &[Completed, Cancelled],
            Completed | Cancelled => &[],
        }
    }

    /// The checked step to `target`.
    pub fn move_to(self, target: RunState) -> Result<RunState, ErrorCode> {
        if self.successors().contains(&target) {
            Ok(target)
        } else {
            Err(ErrorCode::RunStateForbids)
        }
    }

    /// Where a bid takes the run: out of planning as soon as someone other than the leader bids.
    pub fn after_bid_by(self, bidder: RunRole) -> Option<RunState> {
        (self == RunState::Planning && bidder < RunRole::Leader).then_some(RunState::Active)
    }

    /// Whether `bidder` may bid in this state with nothing else to do: the bid moves no run and
    /// follows no re-balancing rule. `server::runs::plain_bids` places these in one statement when the
    /// bidder already takes part; every other bid takes the general path.
    pub fn takes_plain_bid_from(self, bidder: RunRole) -> bool {
        authorize(self, bidder, RunAction::PlaceBid).is_ok()
            && self.after_bid_by(bidder).is_none()
            && self.bid_rule() == BidRule::Free
    }

    /// The rule bids follow in this state (when `PlaceBid` is allowed at all).
    pub fn bid_rule(self) -> BidRule {
        if self == RunState::Adjusting {
            BidRule::Rebalance
        } else {
            BidRule::Free
        }
    }

    /// Whether bids are still only orders: nothing has been bought for them yet, so someone
    /// leaving the group takes theirs back. From shopping on they are claims on real goods.
    pub fn bids_are_orders(self) -> bool {
        matches!(
            self,
            RunState::Planning | RunState::Active | RunState::Confirmed
        )
    }

    /// Whether the run's costs and payments count in its group's balances: once it is over and
    /// everything was handed out (a cancelled run bought nothing anyone owes for).
    pub fn counts_in_balances(self) -> bool {
        self == RunState::Completed
    }

    /// The states whose runs count in balances, by stored name (for a query's filter).
    pub fn counted_in_balances() -> Vec<&'static str> {
        RunState::ALL
            .into_iter()
            .filter(|state| state.counts_in_balances())
            .map(RunState::as_str)
            .collect()
    }

    /// Whether the state lets anyone do `action` at all (who may is `RunAction::needs`).
    fn permits(self, action: RunAction) -> bool {
        use RunAction::*;
        use RunState::*;
        match action {
            View => true,
            PlaceBid | RetractBid => matches!(self, Planning | Active | Adjusting),
            ToggleReady | Confirm => self == Active,
            Reopen | StartShopping => self == Confirmed,
            RecordPurchase | CompleteShopping => self == Shopping,
            FinishAdjusting => self == Adjusting,
            MarkPickedUp | CompleteDistribution => self == Distributing,
            Cancel | EditComment | ManageHelpers | TransferLeadership => !self.is_terminal(),
            Export => matches!(
                self,
                Confirmed | Shopping | Adjusting | Distributing | Completed
            ),
            // Until the run completes: then its balances are what friends settle.
            RecordPayers => matches!(self, Adjusting | Distributing),
        }
    }
}

impl RunAction {
    pub const ALL: [RunAction; 18] = [
        RunAction::View,
        RunAction::PlaceBid,
        RunAction::RetractBid,
        RunAction::ToggleReady,
        RunAction::Confirm,
        RunAction::Reopen,
        RunAction::StartShopping,
        RunAction::RecordPurchase,
        RunAction::CompleteShopping,
        RunAction::FinishAdjusting,
        RunAction::MarkPickedUp,
        RunAction::CompleteDistribution,
        RunAction::Cancel,
        RunAction::EditComment,
        RunAction::ManageHelpers,
        RunAction::TransferLeadership,
        RunAction::Export,
        RunAction::RecordPayers,
    ];

    /// The least role that may do this in `state`. Joining a run by bidding is only possible
    /// before the orders are frozen; while adjusting only those who bid re-balance.
    fn needs(self, state: RunState) -> RunRole {
        use RunAction::*;
        match self {
            View => RunRole::Member,
            PlaceBid if state == RunState::Adjusting => RunRole::Participant,
            PlaceBid => RunRole::Member,
            RetractBid | ToggleReady => RunRole::Participant,
            RecordPurchase | MarkPickedUp | Export | RecordPayers => RunRole::Helper,
            Confirm | Reopen | StartShopping | CompleteShopping | FinishAdjusting
            | CompleteDistribution | Cancel | EditComment | ManageHelpers | TransferLeadership => {
                RunRole::Leader
            }
        }
    }

    /// The state a user action moves the run to, where it moves it at all. Completing shopping
    /// branches on what was bought (`shopping_outcome`).
    pub fn target(self) -> Option<RunState> {
        match self {
            RunAction::Confirm => Some(RunState::Confirmed),
            RunAction::Reopen => Some(RunState::Active),
            RunAction::StartShopping => Some(RunState::Shopping),
            RunAction::FinishAdjusting => Some(RunState::Distributing),
            RunAction::CompleteDistribution => Some(RunState::Completed),
            RunAction::Cancel => Some(RunState::Cancelled),
            _ => None,
        }
    }
}

/// May someone in `role` do `action` to a run in `state`? The refusal says why, in the order a
/// person would want to hear it: a run outside your groups does not exist for you; then whether
/// your role allows it; then whether the run's state does. The leader has no "ready" of their
/// own: confirming is theirs.
pub fn authorize(state: RunState, role: RunRole, action: RunAction) -> Result<(), ErrorCode> {
    if role == RunRole::Outsider {
        return Err(ErrorCode::RunNotFound);
    }
    if action == RunAction::ToggleReady && role == RunRole::Leader {
        return Err(ErrorCode::LeaderIsAlwaysReady);
    }
    let needed = action.needs(state);
    if role < needed {
        return Err(match needed {
            RunRole::Leader => ErrorCode::NotRunLeader,
            RunRole::Helper => ErrorCode::NotRunLeaderOrHelper,
            _ => ErrorCode::NotRunParticipant,
        });
    }
    if !state.permits(action) {
        return Err(ErrorCode::RunStateForbids);
    }
    Ok(())
}

/// The actions to offer someone in `role` on a run in `state`: exactly those `authorize` allows.
pub fn offered_actions(state: RunState, role: RunRole) -> Vec<RunAction> {
    RunAction::ALL
        .into_iter()
        .filter(|action| authorize(state, role, *action).is_ok())
        .collect()
}

/// Where completing shopping leads: nothing bought ends the run; any bought quantity that
/// differs from what was asked needs adjusting; otherwise goods go straight to distribution.
pub fn shopping_outcome(anything_bought: bool, all_quantities_match: bool) -> RunState {
    match (anything_bought, all_quantities_match) {
        (false, _) => RunState::Completed,
        (true, false) => RunState::Adjusting,
        (true, true) => RunState::Distributing,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ROLES: [RunRole; 5] = [
        RunRole::Outsider,
        RunRole::Member,
        RunRole::Participant,
        RunRole::Helper,
        RunRole::Leader,
    ];

    /// The whole table, written out by hand: (state, action) → the least role allowed, or None
    /// when nobody may. Every (state, action, role) is checked against it.
    fn expected(state: RunState, action: RunAction) -> Option<RunRole> {
        use RunAction::*;
        use RunRole as R;
        use RunState::*;
        let open = !matches!(state, Completed | Cancelled);
        match action {
            View => Some(R::Member),
            PlaceBid => match state {
                Planning | Active => Some(R::Member),
                Adjusting => Some(R::Participant),
                _ => None,
            },
            RetractBid => matches!(state, Planning | Active | Adjusting).then_some(R::Participant),
            ToggleReady => (state == Active).then_some(R::Participant),
            Confirm => (state == Active).then_some(R::Leader),
            Reopen | StartShopping => (state == Confirmed).then_some(R::Leader),
            RecordPurchase => (state == Shopping).then_some(R::Helper),
            CompleteShopping => (state == Shopping).then_some(R::Leader),
            FinishAdjusting => (state == Adjusting).then_some(R::Leader),
            MarkPickedUp => (state == Distributing).then_some(R::Helper),
            CompleteDistribution => (state == Distributing).then_some(R::Leader),
            Cancel | EditComment | ManageHelpers | TransferLeadership => open.then_some(R::Leader),
            Export => matches!(
                state,
                Confirmed | Shopping | Adjusting | Distributing | Completed
            )
            .then_some(R::Helper),
            RecordPayers => matches!(state, Adjusting | Distributing).then_some(R::Helper),
        }
    }

    #[test]
    fn every_state_action_and_role_is_decided_as_the_table_says() {
        use RunAction::ToggleReady;
        for state in RunState::ALL {
            for action in RunAction::ALL {
                for role in ROLES {
                    let got = authorize(state, role, action);
                    let leader_readiness = action == ToggleReady && role == RunRole::Leader;
                    let allowed = role != RunRole::Outsider
                        && !leader_readiness
                        && expected(state, action).is_some_and(|least| role >= least);
                    assert_eq!(got.is_ok(), allowed, "{state:?} {action:?} {role:?}");
                    assert_eq!(
                        offered_actions(state, role).contains(&action),
                        allowed,
                        "the UI offers exactly what is allowed: {state:?} {action:?} {role:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn refusals_say_why() {
        use RunAction::*;
        assert_eq!(
            authorize(RunState::Active, RunRole::Outsider, View),
            Err(ErrorCode::RunNotFound)
        );
        assert_eq!(
            authorize(RunState::Active, RunRole::Helper, Confirm),
            Err(ErrorCode::NotRunLeader)
        );
        assert_eq!(
            authorize(RunState::Shopping, RunRole::Participant, RecordPurchase),
            Err(ErrorCode::NotRunLeaderOrHelper)
        );
        assert_eq!(
            authorize(RunState::Active, RunRole::Member, ToggleReady),
            Err(ErrorCode::NotRunParticipant)
        );
        assert_eq!(
            authorize(RunState::Adjusting, RunRole::Member, PlaceBid),
            Err(ErrorCode::NotRunParticipant),
            "nobody joins a run while it is being adjusted"
        );
        assert_eq!(
            authorize(RunState::Confirmed, RunRole::Leader, PlaceBid),
            Err(ErrorCode::RunStateForbids)
        );
        assert_eq!(
            authorize(RunState::Active, RunRole::Leader, ToggleReady),
            Err(ErrorCode::LeaderIsAlwaysReady)
        );
    }

    #[test]
    fn the_transition_graph() {
        use RunState::*;
        for state in RunState::ALL {
            for target in RunState::ALL {
                let allowed = matches!(
                    (state, target),
                    (Planning, Active)
                        | (Active, Confirmed)
                        | (Confirmed, Shopping | Active)
                        | (Shopping, Adjusting | Distributing | Completed)
                        | (Adjusting, Distributing)
                        | (Distributing, Completed)
                ) || (!state.is_terminal() && target == Cancelled);
                assert_eq!(
                    state.move_to(target).is_ok(),
                    allowed,
                    "{state:?} → {target:?}"
                );
            }
        }
    }

    #[test]
    fn every_moving_action_moves_along_the_graph() {
        for action in RunAction::ALL {
            let Some(target) = action.target() else {
                continue;
            };
            for state in RunState::ALL {
                if authorize(state, RunRole::Leader, action).is_ok() {
                    assert!(state.move_to(target).is_ok(), "{action:?} from {state:?}");
                }
            }
        }
    }

    #[test]
    fn plain_bids_are_allowed_bids_that_change_nothing_else() {
        use RunState::*;
        for state in RunState::ALL {
            for role in ROLES {
                let plain = state.takes_plain_bid_from(role);
                let expected = matches!(
                    (state, role),
                    (
                        Active,
                        RunRole::Member | RunRole::Participant | RunRole::Helper | RunRole::Leader
                    ) | (Planning, RunRole::Leader)
                );
                assert_eq!(plain, expected, "{state:?} {role:?}");
            }
        }
    }

    #[test]
    fn a_bid_by_someone_else_activates_a_planned_run() {
        use RunState::*;
        assert_eq!(Planning.after_bid_by(RunRole::Member), Some(Active));
        assert_eq!(Planning.after_bid_by(RunRole::Helper), Some(Active));
        assert_eq!(Planning.after_bid_by(RunRole::Leader), None);
        assert_eq!(Active.after_bid_by(RunRole::Member), None);
    }

    #[test]
    fn completing_shopping_branches_on_what_was_bought() {
        assert_eq!(shopping_outcome(false, true), RunState::Completed);
        assert_eq!(shopping_outcome(true, false), RunState::Adjusting);
        assert_eq!(shopping_outcome(true, true), RunState::Distributing);
        for outcome in [
            shopping_outcome(false, false),
            shopping_outcome(true, false),
            shopping_outcome(true, true),
        ] {
            assert!(RunState::Shopping.move_to(outcome).is_ok());
        }
    }

    #[test]
    fn only_adjusting_restricts_bids_and_bids_stop_being_orders_once_shopping_starts() {
        for state in RunState::ALL {
            let rule = state.bid_rule();
            assert_eq!(rule == BidRule::Rebalance, state == RunState::Adjusting);
            let ordered = matches!(
                state,
                RunState::Planning | RunState::Active | RunState::Confirmed
            );
            assert_eq!(state.bids_are_orders(), ordered, "{state:?}");
        }
    }

    #[test]
    fn state_names_round_trip() {
        for state in RunState::ALL {
            assert_eq!(RunState::parse(state.as_str()), Some(state));
        }
        assert_eq!(RunState::parse("bogus"), None);
    }
}
