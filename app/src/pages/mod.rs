//! Route components, one module per page.

pub mod home;
pub mod login;
pub mod next_path;
pub mod not_found;
pub mod profile;
pub mod register;
