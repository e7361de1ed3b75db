//! Site administration on a real Postgres: the site-admin role, disabling, reset links, the
//! registration setting and the audit trail. A fresh database per test.

use crate::common;

use crate::common::{user, world};
use app::domain::admin::{AuditAction, RegistrationMode, UserFilter};
use app::domain::ids::UserId;
use app::domain::language::TimeZoneName;
use app::domain::paging::PageRequest;
use app::domain::search::SearchQuery;
use app::domain::validation::{DisplayName, NewPassword, Username};
use app::error::ErrorCode;
use app::model::{EventEnvelope, LiveEvent};
use app::server::accounts::{self, Account, Registration};
use app::server::admin::users;
use app::server::audit::{self, Origin};
use app::server::db::MIGRATOR;
use app::server::{events, password_resets, site_settings};
use sqlx::PgPool;
use uuid::Uuid;

const PASSWORD: &str = "a perfectly fine password";

fn origin() -> Origin {
    Origin {
        request_id: Some("req-123".into()),
        client_addr: Some("203.0.113.7".parse().unwrap()),
    }
}

async fn account(db: &PgPool, id: Uuid) -> Account {
    accounts::find(db, id).await.unwrap().unwrap()
}

async fn site_admin(db: &PgPool, username: &str) -> Account {
    let id = user(db, username).await;
    sqlx::query("UPDATE users SET is_admin = true WHERE id = $1")
        .bind(id)
        .execute(db)
        .await
        .unwrap();
    account(db, id).await
}

async fn actions_recorded(db: &PgPool) -> Vec<String> {
    sqlx::query_scalar("SELECT action FROM audit_log ORDER BY id")
        .fetch_all(db)
        .await
        .unwrap()
}

fn registration(username: &str) -> Registration {
    Registration {
        username: Username::parse(username).unwrap(),
        display_name: DisplayName::parse("Test Person").unwrap(),
        password: NewPassword::parse(PASSWORD, PASSWORD).unwrap(),
        time_zone: TimeZoneName::parse("Europe/Belgrade").unwrap(),
        is_admin: false,
    }
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn the_last_site_admin_stays_and_nobody_demotes_themselves(db: PgPool) {
    let root = site_admin(&db, "root").await;
    let bob = UserId(user(&db, "bob").await);
    // The command line may grant and revoke; never the last admin.
    users::set_site_admin(&db, None, bob, true, &origin())
        .await
        .unwrap();
    users::set_site_admin(&db, None, bob, false, &origin())
        .await
        .unwrap();
    let refused = users::set_site_admin(&db, None, UserId(root.id), false, &origin())
        .await
        .unwrap_err();
    assert_eq!(refused.code, ErrorCode::LastSiteAdmin);
    // Through the pages: never yourself, even with another admin around.
    users::set_site_admin(&db, Some(&root), bob, true, &origin())
        .await
        .unwrap();
    let own = users::set_site_admin(&db, Some(&root), UserId(root.id), false, &origin())
        .await
        .unwrap_err();
    assert_eq!(own.code, ErrorCode::CannotChangeOwnAccount);
    assert!(account(&db, root.id).await.is_admin);
    assert_eq!(
        actions_recorded(&db).await,
        [
            "SITE_ADMIN_GRANTED",
            "SITE_ADMIN_REVOKED",
            "SITE_ADMIN_GRANTED"
        ]
    );
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn two_admins_revoking_each_other_at_once_leave_one(db: PgPool) {
    let a = site_admin(&db, "admin_a").await;
    let b = site_admin(&db, "admin_b").await;
    let origin = origin();
    let (first, second) = tokio::join!(
        users::set_site_admin(&db, None, UserId(a.id), false, &origin),
        users::set_site_admin(&db, None, UserId(b.id), false, &origin),
    );
    assert!(
        first.is_ok() != second.is_ok(),
        "exactly one revocation goes through"
    );
    let admins: i64 = sqlx::query_scalar("SELECT count(*) FROM users WHERE is_admin")
        .fetch_one(&db)
        .await
        .unwrap();
    assert_eq!(admins, 1);
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn disabling_ends_sessions_and_streams_and_is_audited(db: PgPool) {
    let root = site_admin(&db, "root").await;
    let carol = accounts::register(&db, registration("carol"))
        .await
        .unwrap();
    let generation = carol.session_generation;
    users::set_disabled(&db, &root, UserId(carol.id), true, &origin())
        .await
        .unwrap();
    let disabled = account(&db, carol.id).await;
    assert!(disabled.disabled);
    assert!(disabled.session_generation > generation, "her sessions end");
    let mut conn = db.acquire().await.unwrap();
    let recorded: Vec<EventEnvelope> = events::take(&mut conn, 100).await.unwrap();
    assert!(
        recorded
            .iter()
            .any(|envelope| envelope.event == LiveEvent::AccountEnded { user_id: carol.id })
    );
    let login = accounts::authenticate(&db, "carol", PASSWORD.into(), &origin())
        .await
        .unwrap_err();
    assert_eq!(login.code, ErrorCode::InvalidCredentials);
    // Nobody disables themselves.
    let own = users::set_disabled(&db, &root, UserId(root.id), true, &origin())
        .await
        .unwrap_err();
    assert_eq!(own.code, ErrorCode::CannotChangeOwnAccount);
    users::set_disabled(&db, &root, UserId(carol.id), false, &origin())
        .await
        .unwrap();
    accounts::authenticate(&db, "carol", PASSWORD.into(), &origin())
        .await
        .unwrap();
    assert_eq!(
        actions_recorded(&db).await,
        [
            "USER_DISABLED",
            "LOGIN_FAILED",
            "USER_ENABLED",
            "LOGIN_SUCCEEDED"
        ]
    );
}

fn token_of(path: &str) -> &str {
    path.strip_prefix("/reset/").unwrap()
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn a_reset_link_works_once_and_ends_other_sessions(db: PgPool) {
    let root = site_admin(&db, "root").await;
    let dora = accounts::register(&db, registration("dora")).await.unwrap();
    let link = password_resets::create(&db, &root, UserId(dora.id), &origin())
        .await
        .unwrap();
    let token = token_of(&link.path);
    let stored: Vec<u8> = sqlx::query_scalar("SELECT token_hash FROM password_resets")
        .fetch_one(&db)
        .await
        .unwrap();
    assert_ne!(stored, token.as_bytes(), "only a hash is stored");
    assert_eq!(
        password_resets::preview(&db, token).await.unwrap().username,
        "dora"
    );
    let new_password = NewPassword::parse("a brand new password", "a brand new password").unwrap();
    let reset = password_resets::reset(&db, token, new_password.clone(), &origin())
        .await
        .unwrap();
    assert!(reset.session_generation > dora.session_generation);
    accounts::authenticate(&db, "dora", "a brand new password".into(), &origin())
        .await
        .unwrap();
    let again = password_resets::reset(&db, token, new_password, &origin())
        .await
        .unwrap_err();
    assert_eq!(again.code, ErrorCode::ResetLinkInvalid);
    let actions = actions_recorded(&db).await;
    assert_eq!(
        actions,
        [
            "PASSWORD_RESET_LINK_CREATED",
            "PASSWORD_RESET",
            "LOGIN_SUCCEEDED"
        ]
    );
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn an_expired_replaced_or_guessed_link_does_nothing(db: PgPool) {
    let root = site_admin(&db, "root").await;
    let eve = UserId(user(&db, "eve").await);
    let first = password_resets::create(&db, &root, eve, &origin())
        .await
        .unwrap();
    let second = password_resets::create(&db, &root, eve, &origin())
        .await
        .unwrap();
    let replaced = password_resets::preview(&db, token_of(&first.path))
        .await
        .unwrap_err();
    assert_eq!(replaced.code, ErrorCode::ResetLinkInvalid);
    sqlx::query("UPDATE password_resets SET expires_at = now() - interval '1 second'")
        .execute(&db)
        .await
        .unwrap();
    let password = NewPassword::parse("a brand new password", "a brand new password").unwrap();
    for token in [
        token_of(&second.path).to_owned(),
        "A".repeat(43),
        "not even a token".to_owned(),
    ] {
        let refused = password_resets::reset(&db, &token, password.clone(), &origin())
            .await
            .unwrap_err();
        assert_eq!(refused.code, ErrorCode::ResetLinkInvalid, "{token}");
    }
    let hash: String = sqlx::query_scalar("SELECT password_hash FROM users WHERE id = $1")
        .bind(eve)
        .fetch_one(&db)
        .await
        .unwrap();
    assert_eq!(hash, "x", "the password never changed");
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn registration_follows_the_setting(db: PgPool) {
    let root = site_admin(&db, "root").await;
    let leader = user(&db, "leader").await;
    world(&db, leader, &[], 0).await;
    let token: String = sqlx::query_scalar("SELECT invite_token FROM groups")
        .fetch_one(&db)
        .await
        .unwrap();
    accounts::register_visitor(&db, registration("open_one"), None)
        .await
        .unwrap();

    site_settings::set_registration_mode(
        &db,
        named(&root),
        RegistrationMode::InviteOnly,
        &origin(),
    )
    .await
    .unwrap();
    let refused = accounts::register_visitor(&db, registration("no_invite"), Some("bogus"))
        .await
        .unwrap_err();
    assert_eq!(refused.code, ErrorCode::RegistrationInviteOnly);
    accounts::register_visitor(&db, registration("invited"), Some(&token))
        .await
        .unwrap();

    site_settings::set_registration_mode(&db, named(&root), RegistrationMode::Closed, &origin())
        .await
        .unwrap();
    let closed = accounts::register_visitor(&db, registration("too_late"), Some(&token))
        .await
        .unwrap_err();
    assert_eq!(closed.code, ErrorCode::RegistrationClosed);
    assert_eq!(
        site_settings::registration_mode(&db).await.unwrap(),
        RegistrationMode::Closed
    );
    let names: Vec<String> = sqlx::query_scalar("SELECT username FROM users ORDER BY username")
        .fetch_all(&db)
        .await
        .unwrap();
    assert_eq!(names, ["invited", "leader", "open_one", "root"]);
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn the_trail_says_who_from_where_and_filters_and_expires(db: PgPool) {
    accounts::register(&db, registration("frank"))
        .await
        .unwrap();
    accounts::authenticate(&db, "frank", PASSWORD.into(), &origin())
        .await
        .unwrap();
    let _ = accounts::authenticate(&db, "frank", "wrong".into(), &origin()).await;
    let _ = accounts::authenticate(&db, "nobody", "wrong".into(), &origin()).await;
    let everything = audit::list(&db, &audit::Query::default(), PageRequest::new(None, 25))
        .await
        .unwrap();
    assert_eq!(everything.total, 3);
    let newest = &everything.items[0];
    assert_eq!(newest.action, AuditAction::LoginFailed);
    assert_eq!(newest.detail.as_deref(), Some("nobody"));
    assert_eq!(newest.client_addr.as_deref(), Some("203.0.113.7"));
    assert_eq!(newest.request_id.as_deref(), Some("req-123"));
    let franks = audit::Query {
        user: Some("FRANK".into()),
        action: Some(AuditAction::LoginFailed),
    };
    let failed = audit::list(&db, &franks, PageRequest::new(None, 25))
        .await
        .unwrap();
    assert_eq!(failed.total, 1);
    assert_eq!(failed.items[0].target.as_deref(), Some("frank"));

    sqlx::query("UPDATE audit_log SET at = now() - interval '400 days' WHERE detail = 'nobody'")
        .execute(&db)
        .await
        .unwrap();
    assert_eq!(audit::prune(&db, 365).await.unwrap(), 1);
    assert_eq!(actions_recorded(&db).await.len(), 2);
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn the_account_list_searches_without_case_or_accents_and_filters(db: PgPool) {
    let root = site_admin(&db, "root").await;
    let zoe = user(&db, "zoe").await;
    sqlx::query("UPDATE users SET display_name = 'Zoë Ålund' WHERE id = $1")
        .bind(zoe)
        .execute(&db)
        .await
        .unwrap();
    for i in 0..30 {
        user(&db, &format!("member_{i:02}")).await;
    }
    users::set_verified(&db, &root, UserId(zoe), true, &origin())
        .await
        .unwrap();
    let search = SearchQuery::parse("alund zoe").unwrap();
    let found = users::list(
        &db,
        Some(&search),
        UserFilter::All,
        PageRequest::new(None, 25),
    )
    .await
    .unwrap();
    assert_eq!(found.total, 0, "both words must appear in that order");
    let search = SearchQuery::parse("ZOË ålu").unwrap();
    let found = users::list(
        &db,
        Some(&search),
        UserFilter::All,
        PageRequest::new(None, 25),
    )
    .await
    .unwrap();
    assert_eq!(found.items.len(), 1);
    assert!(found.items[0].verified);
    let verified = users::list(&db, None, UserFilter::Verified, PageRequest::new(None, 25))
        .await
        .unwrap();
    assert_eq!(verified.total, 1);
    let admins = users::list(
        &db,
        None,
        UserFilter::SiteAdmins,
        PageRequest::new(None, 25),
    )
    .await
    .unwrap();
    assert_eq!(admins.items[0].username, "root");
    let first_page = users::list(&db, None, UserFilter::All, PageRequest::new(None, 25))
        .await
        .unwrap();
    assert_eq!((first_page.items.len(), first_page.total), (25, 32));
}

/// Action, actor, target and detail of an audit entry.
type TrailRow = (String, Option<String>, Option<String>, Option<String>);

#[sqlx::test(migrator = "MIGRATOR")]
async fn group_admin_changes_removals_and_cancellations_are_in_the_trail(db: PgPool) {
    let leader = user(&db, "leader").await;
    let (bob, carol) = (user(&db, "bob").await, user(&db, "carol").await);
    let world = world(&db, leader, &[bob, carol], 1).await;
    let run_id = common::open_run(&db, leader, &world).await;
    let origin = origin();
    app::server::groups::set_admin(&db, leader, world.group_id, bob, true, &origin)
        .await
        .unwrap();
    app::server::groups::set_admin(&db, leader, world.group_id, bob, false, &origin)
        .await
        .unwrap();
    app::server::groups::remove_member(&db, leader, world.group_id, carol, &origin)
        .await
        .unwrap();
    app::server::runs::cancel(&db, leader, run_id, "Store closed", &origin)
        .await
        .unwrap();
    let rows: Vec<TrailRow> =
        sqlx::query_as("SELECT action, actor_name, target_name, detail FROM audit_log ORDER BY id")
            .fetch_all(&db)
            .await
            .unwrap();
    let name = |text: &str| Some(text.to_owned());
    assert_eq!(
        rows,
        [
            (
                "GROUP_ADMIN_GRANTED".into(),
                name("leader"),
                name("bob"),
                name("Test Friends")
            ),
            (
                "GROUP_ADMIN_REVOKED".into(),
                name("leader"),
                name("bob"),
                name("Test Friends")
            ),
            (
                "MEMBER_REMOVED".into(),
                name("leader"),
                name("carol"),
                name("Test Friends")
            ),
            (
                "RUN_CANCELLED".into(),
                name("leader"),
                None,
                Some(format!("run {run_id}: Store closed"))
            ),
        ]
    );
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn a_deleted_account_becomes_a_former_member_and_history_stays_exact(db: PgPool) {
    let root = site_admin(&db, "root").await;
    let leader = user(&db, "leader").await;
    let gone = accounts::register(&db, registration("gone")).await.unwrap();
    let world = world(&db, leader, &[gone.id], 1).await;
    let run_id = common::open_run(&db, leader, &world).await;
    app::server::runs::bids::place(
        &db,
        gone.id,
        run_id,
        world.products[0],
        common::qty("2"),
        "",
    )
    .await
    .unwrap();
    // The password is checked when the owner deletes.
    let wrong = app::server::account_removal::delete(
        &db,
        &gone,
        UserId(gone.id),
        Some("not it".into()),
        &origin(),
    )
    .await
    .unwrap_err();
    assert_eq!(wrong.code, ErrorCode::PasswordIncorrect);
    app::server::account_removal::delete(
        &db,
        &gone,
        UserId(gone.id),
        Some(PASSWORD.into()),
        &origin(),
    )
    .await
    .unwrap();
    let after = account(&db, gone.id).await;
    assert_eq!(after.display_name, "Former member");
    assert!(after.username.starts_with("former-"));
    assert!(after.disabled);
    let memberships: i64 =
        sqlx::query_scalar("SELECT count(*) FROM group_members WHERE user_id = $1")
            .bind(gone.id)
            .fetch_one(&db)
            .await
            .unwrap();
    assert_eq!(memberships, 0);
    let open_bids: i64 = sqlx::query_scalar("SELECT count(*) FROM bids WHERE user_id = $1")
        .bind(gone.id)
        .fetch_one(&db)
        .await
        .unwrap();
    assert_eq!(
        open_bids, 0,
        "orders in open runs are taken back, as when leaving"
    );
    let login = accounts::authenticate(&db, "gone", PASSWORD.into(), &origin())
        .await
        .unwrap_err();
    assert_eq!(login.code, ErrorCode::InvalidCredentials);
    // Nobody enables a deleted account again, and the last site admin is never deleted.
    users::set_disabled(&db, &root, UserId(gone.id), false, &origin())
        .await
        .unwrap();
    assert!(account(&db, gone.id).await.disabled);
    let last = app::server::account_removal::delete(&db, &root, UserId(root.id), None, &origin())
        .await
        .unwrap_err();
    assert_eq!(last.code, ErrorCode::LastSiteAdmin);
    let trail = actions_recorded(&db).await;
    assert!(trail.contains(&"ACCOUNT_DELETED".to_owned()), "{trail:?}");
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn the_last_admin_of_a_group_with_others_cannot_delete_their_account(db: PgPool) {
    let leader = accounts::register(&db, registration("leader"))
        .await
        .unwrap();
    let bob = user(&db, "bob").await;
    world(&db, leader.id, &[bob], 0).await;
    let refused = app::server::account_removal::delete(
        &db,
        &leader,
        UserId(leader.id),
        Some(PASSWORD.into()),
        &origin(),
    )
    .await
    .unwrap_err();
    assert_eq!(refused.code, ErrorCode::LastGroupAdmin);
    assert_eq!(
        account(&db, leader.id).await.username,
        "leader",
        "nothing changed"
    );
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn renaming_checks_the_username_and_is_audited_and_data_exports(db: PgPool) {
    let root = site_admin(&db, "root").await;
    let hana = accounts::register(&db, registration("hana")).await.unwrap();
    user(&db, "taken").await;
    let taken = Username::parse("Taken").unwrap();
    let refused = accounts::rename(&db, &hana, hana.id, None, Some(&taken), &origin())
        .await
        .unwrap_err();
    assert_eq!(refused.code, ErrorCode::UsernameTaken);
    let new_name = Username::parse("hana_k").unwrap();
    let display = DisplayName::parse("Hana K.").unwrap();
    accounts::rename(
        &db,
        &root,
        hana.id,
        Some(&display),
        Some(&new_name),
        &origin(),
    )
    .await
    .unwrap();
    let renamed = account(&db, hana.id).await;
    assert_eq!(
        (renamed.username.as_str(), renamed.display_name.as_str()),
        ("hana_k", "Hana K.")
    );
    assert_eq!(
        actions_recorded(&db).await,
        ["USERNAME_CHANGED", "DISPLAY_NAME_CHANGED"]
    );
    let data = app::server::account_data::export(&db, hana.id)
        .await
        .unwrap();
    let data: serde_json::Value = serde_json::from_str(&data).unwrap();
    assert_eq!(data["account"]["username"], "hana_k");
    assert_eq!(data["format"], "bulq-account-data/1");
    assert!(data["runs"].as_array().unwrap().is_empty());
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn merging_accounts_moves_everything_and_adds_bids_in_shared_runs(db: PgPool) {
    let root = site_admin(&db, "root").await;
    let leader = user(&db, "leader").await;
    let (dup, keep) = (user(&db, "dup").await, user(&db, "keep").await);
    let shared = world(&db, leader, &[dup, keep], 2).await;
    let own = world(&db, dup, &[], 1).await;
    let shared_run = common::open_run(&db, leader, &shared).await;
    let own_run = common::open_run(&db, dup, &own).await;
    let place = |who, run, product, amount: &'static str| {
        let db = db.clone();
        async move {
            app::server::runs::bids::place(&db, who, run, product, common::qty(amount), "")
                .await
                .unwrap();
        }
    };
    place(dup, shared_run, shared.products[0], "1").await;
    place(keep, shared_run, shared.products[0], "2").await;
    place(dup, shared_run, shared.products[1], "1.5").await;
    place(dup, own_run, own.products[0], "3").await;
    let total = |db: PgPool| async move {
        sqlx::query_scalar::<_, String>("SELECT sum(quantity)::text FROM bids")
            .fetch_one(&db)
            .await
            .unwrap()
    };
    // The duplicate's own run was bought and shared out: their share, with its cost, picked up.
    sqlx::query(
        "INSERT INTO shopping_items (run_id, product_id, requested, purchased_by) \
         VALUES ($1, $2, 3, $3)",
    )
    .bind(own_run)
    .bind(own.products[0])
    .bind(dup)
    .execute(&db)
    .await
    .unwrap();
    sqlx::query(
        "INSERT INTO allocations (run_id, product_id, user_id, asked, quantity, cost_minor, reason, \
                                  picked_up_at, picked_up_by) \
         VALUES ($1, $2, $3, 3, 3, 1234, 'in_full', now(), $3)",
    )
    .bind(own_run)
    .bind(own.products[0])
    .bind(dup)
    .execute(&db)
    .await
    .unwrap();
    let before = total(db.clone()).await;

    app::server::admin::user_merge::merge(&db, &root, UserId(dup), UserId(keep), &origin())
        .await
        .unwrap();

    let share: (i64, String, bool) = sqlx::query_as(
        "SELECT a.cost_minor, a.quantity::text, a.picked_up_by = $2 AND i.purchased_by = $2 \
         FROM allocations a JOIN shopping_items i USING (run_id, product_id) WHERE a.user_id = $2",
    )
    .bind(dup)
    .bind(keep)
    .fetch_one(&db)
    .await
    .unwrap();
    assert_eq!(
        share,
        (1234, "3.000".to_owned(), true),
        "the share and its money moved whole"
    );

    assert_eq!(
        total(db.clone()).await,
        before,
        "no quantity lost or doubled"
    );
    let bids: Vec<(uuid::Uuid, String)> = sqlx::query_as(
        "SELECT run_id, quantity::text FROM bids WHERE user_id = $1 ORDER BY run_id, quantity",
    )
    .bind(keep)
    .fetch_all(&db)
    .await
    .unwrap();
    let mut expected = vec![
        (shared_run, "1.500".to_owned()),
        (shared_run, "3.000".to_owned()),
        (own_run, "3.000".to_owned()),
    ];
    expected.sort();
    assert_eq!(bids, expected);
    let none_left: i64 = sqlx::query_scalar(
        "SELECT (SELECT count(*) FROM bids WHERE user_id = $1) \
              + (SELECT count(*) FROM run_participants WHERE user_id = $1) \
              + (SELECT count(*) FROM group_members WHERE user_id = $1)",
    )
    .bind(dup)
    .fetch_one(&db)
    .await
    .unwrap();
    assert_eq!(none_left, 0);
    let leads: bool = sqlx::query_scalar(
        "SELECT is_leader FROM run_participants WHERE run_id = $1 AND user_id = $2",
    )
    .bind(own_run)
    .bind(keep)
    .fetch_one(&db)
    .await
    .unwrap();
    assert!(leads, "the survivor leads the duplicate's run");
    let admin_of_own_group: bool = sqlx::query_scalar(
        "SELECT is_admin FROM group_members WHERE group_id = $1 AND user_id = $2",
    )
    .bind(own.group_id)
    .bind(keep)
    .fetch_one(&db)
    .await
    .unwrap();
    assert!(admin_of_own_group);
    assert!(account(&db, dup).await.disabled);
    assert_eq!(actions_recorded(&db).await, ["ACCOUNTS_MERGED"]);
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn accounts_that_shopped_apart_in_one_run_are_not_merged(db: PgPool) {
    let root = site_admin(&db, "root").await;
    let leader = user(&db, "leader").await;
    let (dup, keep) = (user(&db, "dup").await, user(&db, "keep").await);
    let shared = world(&db, leader, &[dup, keep], 1).await;
    let run_id = common::open_run(&db, leader, &shared).await;
    for who in [dup, keep] {
        app::server::runs::bids::place(&db, who, run_id, shared.products[0], common::qty("1"), "")
            .await
            .unwrap();
    }
    sqlx::query("INSERT INTO shopping_items (run_id, product_id, requested) VALUES ($1, $2, 2)")
        .bind(run_id)
        .bind(shared.products[0])
        .execute(&db)
        .await
        .unwrap();
    let refused =
        app::server::admin::user_merge::merge(&db, &root, UserId(dup), UserId(keep), &origin())
            .await
            .unwrap_err();
    assert_eq!(refused.code, ErrorCode::MergeConflict);
    assert!(!account(&db, dup).await.disabled, "nothing changed");
}

/// Who an audit entry names: the account's id and username.
fn named(account: &Account) -> audit::Named<'_> {
    audit::Named {
        id: account.id,
        name: &account.username,
    }
}
