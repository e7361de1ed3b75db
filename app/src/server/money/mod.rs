//! Money between friends: who paid the store for a run (`payers`) and what it shared besides the
//! goods (`extra_costs`), the group's ledger of completed runs and repayments (`ledger`, and as a
//! CSV `ledger_csv`), each person's balance and statement and the transfers that settle them
//! (`balances`), how people like to be paid back (`payment_details`), and repayments recorded,
//! confirmed or withdrawn (`settlements`).

pub mod balances;
pub mod extra_costs;
pub mod ledger;
pub mod ledger_csv;
pub mod payers;
pub mod payment_details;
pub mod settlements;
