//! Route components, one module per page.

pub mod admin;
pub mod dashboard;
pub mod delete_account;
pub mod devices;
pub mod group;
pub mod group_confirm;
pub mod group_manage;
pub mod group_runs;
pub mod home;
pub mod join;
pub mod login;
pub mod money;
pub mod next_path;
pub mod not_found;
pub mod notifications;
pub mod payment_details;
pub mod print;
pub mod products;
pub mod profile;
pub mod register;
pub mod reset_password;
pub mod run;
pub mod search;
pub mod shopping;
pub mod statement;
pub mod stores;
