//! Route components, one module per page.

pub mod dashboard;
pub mod group;
pub mod group_manage;
pub mod home;
pub mod join;
pub mod login;
pub mod next_path;
pub mod not_found;
pub mod products;
pub mod profile;
pub mod register;
pub mod search;
pub mod stores;
