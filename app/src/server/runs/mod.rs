//! The run family of services: a run's life (`lifecycle`), its lists, bids, leadership, the
//! shopping trip, the share-out and downloads. `access` owns the locks and the viewer's role,
//! and with them the lock order every use case here follows.

pub(crate) mod access;
mod bid_statement;
pub mod bids;
pub mod detail;
pub mod distribution;
pub mod exports;
pub mod leadership;
mod lifecycle;
mod listing;
pub(crate) mod membership;
mod pack_orders;
mod plain_bids;
pub mod shelf_prices;
pub mod shopping;
pub(crate) mod transitions;
mod variant_picks;

pub use lifecycle::{NewRun, RunEdit, cancel, confirm, create, edit_details, reopen, set_ready};
pub use listing::{list_for_group, open_runs_of, runs_with_product};
