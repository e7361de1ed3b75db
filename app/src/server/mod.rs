//! Server-only code: the Postgres service layer, sessions and password hashing.
//! SQL lives here and nowhere else; each public service function is one use case and one transaction.

pub mod accounts;
pub mod context;
pub mod csp;
pub mod db;
pub mod groups;
pub mod passwords;
pub mod request;
pub mod sessions;

pub use context::AppContext;
