//! Serialisable shapes shared by pages and server functions. Never carries a secret.

mod account;
mod admin;
mod bid_wire;
mod catalogue;
mod events;
mod group;
mod money;
mod notifications;
mod run;
mod search;
mod shopping;

pub use account::{ApiTokenView, DeviceView, NewApiToken, ProfileStats, SessionInfo, UserView};
pub use admin::{
    AdminGroupList, AdminGroupRow, AdminUserList, AdminUserRow, AuditEntryView, AuditTrail,
    CatalogueList, CatalogueRow, DuplicatePair, ResetLinkPreview, ResetLinkView, SiteSettingsView,
};
pub use catalogue::{
    FamilyRef, PRICE_SERIES_POINTS, PricePoint, PriceSeries, ProductDetail, ProductSummary,
    ShelfPrice, StoreDetail, StorePack, StoreSummary,
};
pub use events::{EventEnvelope, LiveEvent};
pub use group::{GroupDetail, GroupSummary, InvitePreview, MemberView};
pub use money::{
    CurrencyMoney, ExtraCostView, GroupMoney, MemberBalance, MemberStatement, OwnTransfer, PayTo,
    PayerView, RunMoney, RunPayers, RunPersonMoney, SettlementView, StatementCurrency,
    StatementRun, SuggestedTransfer,
};
pub use notifications::NotificationView;
pub use run::{
    BidOutcome, BidView, PackOrder, ParticipantView, PersonRef, RunDetail, RunProduct, RunSummary,
    TransferView,
};
pub use search::SearchHit;
pub use shopping::{
    PersonShares, PurchaseView, SeenPrice, ShareView, ShoppingItemView, ShoppingList,
};
