//! Server-only code: the Postgres service layer, sessions and password hashing.
//! SQL lives here and nowhere else; each public service function is one use case and one transaction.

pub mod account_data;
pub mod account_removal;
pub mod accounts;
pub mod admin;
pub mod audit;
pub mod bids;
pub mod cache;
pub mod context;
pub mod csp;
pub mod db;
pub mod distribution;
pub mod events;
pub mod exports;
pub mod groups;
pub mod leadership;
pub mod notifications;
pub mod password_resets;
pub mod passwords;
pub(crate) mod plain_bids;
pub mod prices;
pub mod products;
pub mod request;
pub mod run_detail;
pub mod runs;
pub mod search;
pub mod sessions;
pub mod shopping;
pub mod site_settings;
pub mod stats;
pub mod stores;

pub use context::AppContext;
