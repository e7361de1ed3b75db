//! Server-only code: the Postgres service layer, sessions and password hashing.
//! SQL lives here and nowhere else; each public service function is one use case and one transaction.

pub mod account_data;
pub mod account_removal;
pub mod accounts;
pub mod admin;
pub mod api_tokens;
pub mod audit;
pub mod cache;
pub mod context;
pub mod csp;
pub mod csv;
pub mod db;
pub mod events;
pub mod families;
pub mod groups;
pub mod idempotency;
pub mod logins;
pub mod money;
pub mod notifications;
pub mod packs;
pub mod password_resets;
pub mod passwords;
pub mod prices;
pub mod products;
pub mod request;
pub mod runs;
pub mod search;
pub mod secret_tokens;
pub mod sessions;
pub mod site_settings;
pub mod stats;
pub mod stores;
pub mod watching;

pub use context::AppContext;
