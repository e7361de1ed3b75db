//! Reusable UI pieces.

pub mod form;
pub mod top_bar;
