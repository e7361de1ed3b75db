//! Money between friends: who paid the store for a run (`payers`) and what it shared besides the
//! goods (`extra_costs`), each person's balance in a group and the transfers that settle it
//! (`balances`), how people like to be paid back (`payment_details`), and repayments recorded,
//! confirmed or withdrawn (`settlements`).

pub mod balances;
pub mod extra_costs;
pub mod payers;
pub mod payment_details;
pub mod settlements;
