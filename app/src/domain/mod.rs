//! Pure rules compiled for the server and the browser alike: no I/O here.

pub mod common_passwords;
pub mod language;
pub mod validation;
