//! The Postgres tests of `app`, one binary (one link of the app instead of one per file): each
//! `#[sqlx::test]` gets a fresh, migrated database.

mod common;

mod accounts;
mod admin;
mod admin_catalogue;
mod catalogue;
mod events;
mod families;
mod groups;
mod migrations;
mod money;
mod outages;
mod packs;
mod run_cache;
mod runs;
mod shopping;
