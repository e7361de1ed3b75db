//! Serialisable shapes shared by pages and server functions. Never carries a secret.

mod account;
mod catalogue;
mod group;
mod run;
mod search;

pub use account::{SessionInfo, UserView};
pub use catalogue::{
    PricePoint, ProductDetail, ProductSummary, ShelfPrice, StoreDetail, StoreSummary,
};
pub use group::{GroupDetail, GroupSummary, InvitePreview, MemberView};
pub use run::{
    BidOutcome, BidView, ParticipantView, PersonRef, RunDetail, RunProduct, RunSummary,
    TransferView,
};
pub use search::SearchHit;
