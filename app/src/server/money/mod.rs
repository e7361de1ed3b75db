//! Money between friends: who paid the store for a run (`payers`), each person's balance in a
//! group and the transfers that settle it (`balances`), and repayments recorded, confirmed or
//! withdrawn (`settlements`).

pub mod balances;
pub mod payers;
pub mod settlements;
