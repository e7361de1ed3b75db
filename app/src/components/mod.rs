//! Reusable UI pieces.

pub mod confirm;
pub mod copy_link;
pub mod currency_select;
pub mod debounce;
pub mod drafts;
pub mod families;
pub mod form;
pub mod language_switch;
pub mod live;
pub mod navigation_progress;
pub mod notification_text;
pub mod pack_terms;
pub mod page_error;
pub mod page_live;
pub mod pager;
pub mod price_chart;
pub mod run_badge;
pub mod run_list;
pub mod search_box;
pub mod store_select;
pub mod toast;
pub mod top_bar;
pub mod update_notice;
