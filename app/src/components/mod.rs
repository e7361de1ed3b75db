//! Reusable UI pieces.

pub mod confirm;
pub mod copy_link;
pub mod form;
pub mod pager;
pub mod top_bar;
