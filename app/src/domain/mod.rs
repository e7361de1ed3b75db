//! Pure rules compiled for the server and the browser alike: no I/O here.

pub mod adjusting;
pub mod admin;
pub mod allocation;
pub mod api_token;
pub mod catalogue;
pub mod common_passwords;
pub mod device;
pub mod extra_costs;
pub mod group;
pub mod hidden_characters;
pub mod ids;
pub mod language;
pub mod login_pace;
pub mod money;
pub mod notification;
pub mod packs;
pub mod paging;
pub mod payment_details;
pub mod purchase;
pub mod quantity;
pub mod run;
pub mod run_state;
pub mod search;
pub mod settlement;
pub mod theme;
pub mod validation;
