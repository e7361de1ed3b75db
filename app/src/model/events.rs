//! Live events: what changed, small enough to fan out to every browser watching. A page that
//! receives one loads the data it shows again; the event only says what to look at.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::domain::run_state::RunState;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum LiveEvent {
    RunOpened {
        run_id: Uuid,
    },
    BidChanged {
        run_id: Uuid,
        product_id: Uuid,
        user_id: Uuid,
    },
    ReadyChanged {
        run_id: Uuid,
        user_id: Uuid,
    },
    RunStateChanged {
        run_id: Uuid,
        state: RunState,
    },
    PeopleChanged {
        run_id: Uuid,
    },
    ShoppingItemChanged {
        run_id: Uuid,
        product_id: Uuid,
    },
    PickUpChanged {
        run_id: Uuid,
        user_id: Uuid,
    },
    MemberJoined {
        user_id: Uuid,
    },
    MemberLeft {
        user_id: Uuid,
    },
    /// The catalogue changed under this run: a site admin merged two products or stores it
    /// uses, or someone said how its store sells one of its products.
    CatalogueChanged {
        run_id: Uuid,
    },
    /// The leader changed the run's comment or shopping day.
    RunEdited {
        run_id: Uuid,
    },
    /// An admin renamed the group, changed its currency, admins or joining switch, or made a
    /// new invite link.
    GroupChanged,
    /// Money moved in the group: a run's payers changed, or a repayment was recorded,
    /// confirmed or withdrawn.
    MoneyChanged,
    /// A site admin disabled the account: every open stream of theirs ends. Recorded with the nil
    /// group, since it concerns no group.
    AccountEnded {
        user_id: Uuid,
    },
    /// Some of the person's logins ended (a log-out, a password change, "log out everywhere
    /// else"): each of their open streams checks that its own login still holds. Recorded with
    /// the nil group.
    SessionsChanged {
        user_id: Uuid,
    },
}

/// An event as it travels between instances: which group and run it concerns.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventEnvelope {
    pub id: i64,
    pub group_id: Uuid,
    pub run_id: Option<Uuid>,
    pub event: LiveEvent,
}
