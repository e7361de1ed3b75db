//! What only site admins do, one module per area of the admin pages. Every change is audited in
//! its own transaction.

pub mod catalogue;
pub mod groups;
pub mod user_merge;
pub mod users;
