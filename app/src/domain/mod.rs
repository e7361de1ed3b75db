//! Pure rules compiled for the server and the browser alike: no I/O here.

pub mod common_passwords;
pub mod group;
pub mod language;
pub mod paging;
pub mod validation;
