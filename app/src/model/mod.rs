//! Serialisable shapes shared by pages and server functions. Never carries a secret.

mod account;
mod group;

pub use account::{SessionInfo, UserView};
pub use group::{GroupDetail, GroupSummary, InvitePreview, MemberView};
