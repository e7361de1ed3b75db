//! The groups service on a real Postgres: membership rules, limits under concurrency, admins.

use app::domain::group::{CurrencyCode, GroupName, MAX_GROUPS_PER_USER, MAX_MEMBERS_PER_GROUP};
use app::domain::paging::PageRequest;
use app::error::ErrorCode;
use app::server::audit::Origin;
use app::server::db::MIGRATOR;
use app::server::groups::{self, GroupSwitch};
use sqlx::PgPool;
use uuid::Uuid;

async fn user(db: &PgPool, username: &str) -> Uuid {
    // A fixed hash keeps these tests fast; accounts.rs covers real hashing.
    sqlx::query_scalar(
        "INSERT INTO users (username, display_name, password_hash) VALUES ($1, $1, 'x') RETURNING id",
    )
    .bind(username)
    .fetch_one(db)
    .await
    .unwrap()
}

async fn group(db: &PgPool, creator: Uuid, name: &str) -> Uuid {
    groups::create(
        db,
        creator,
        &GroupName::parse(name).unwrap(),
        &CurrencyCode::parse("EUR").unwrap(),
    )
    .await
    .unwrap()
}

async fn token_of(db: &PgPool, group_id: Uuid) -> String {
    sqlx::query_scalar("SELECT invite_token FROM groups WHERE id = $1")
        .bind(group_id)
        .fetch_one(db)
        .await
        .unwrap()
}

fn first_page() -> PageRequest {
    PageRequest::new(None, 50)
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn the_creator_is_the_first_admin_and_sees_the_group(db: PgPool) {
    let alice = user(&db, "alice").await;
    let group_id = group(&db, alice, "Test Friends").await;
    let detail = groups::detail(&db, alice, group_id, first_page())
        .await
        .unwrap();
    assert_eq!(detail.name, "Test Friends");
    assert_eq!(detail.currency, "EUR");
    assert!(detail.viewer_is_admin);
    assert_eq!(detail.member_count, 1);
    let mine = groups::list_for(&db, alice, first_page()).await.unwrap();
    assert_eq!(mine.total, 1);
    assert_eq!(mine.items[0].id, group_id);
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn non_members_cannot_tell_a_group_exists(db: PgPool) {
    let alice = user(&db, "alice").await;
    let mallory = user(&db, "mallory").await;
    let group_id = group(&db, alice, "Test Friends").await;
    let seen = groups::detail(&db, mallory, group_id, first_page())
        .await
        .unwrap_err();
    let missing = groups::detail(&db, mallory, Uuid::new_v4(), first_page())
        .await
        .unwrap_err();
    assert_eq!(seen.code, ErrorCode::GroupNotFound);
    assert_eq!(seen, missing);
    for result in [
        groups::rename(
            &db,
            mallory,
            group_id,
            &GroupName::parse("Mine now").unwrap(),
        )
        .await,
        groups::set_switch(&db, mallory, group_id, GroupSwitch::JoiningAllowed, false).await,
        groups::set_admin(&db, mallory, group_id, alice, false, &Origin::default()).await,
        groups::remove_member(&db, mallory, group_id, alice, &Origin::default()).await,
        groups::leave(&db, mallory, group_id).await,
        groups::regenerate_invite(&db, mallory, group_id)
            .await
            .map(drop),
    ] {
        assert_eq!(result.unwrap_err().code, ErrorCode::GroupNotFound);
    }
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn an_invite_link_joins_once_and_respects_the_switch(db: PgPool) {
    let alice = user(&db, "alice").await;
    let bob = user(&db, "bob").await;
    let carol = user(&db, "carol").await;
    let group_id = group(&db, alice, "Test Friends").await;
    let token = token_of(&db, group_id).await;

    let preview = groups::preview(&db, &token, None).await.unwrap();
    assert_eq!(
        (preview.group_name.as_str(), preview.member_count),
        ("Test Friends", 1)
    );

    assert_eq!(groups::join(&db, bob, &token).await.unwrap(), group_id);
    assert_eq!(
        groups::join(&db, bob, &token).await.unwrap_err().code,
        ErrorCode::AlreadyGroupMember
    );
    assert!(
        groups::preview(&db, &token, Some(bob))
            .await
            .unwrap()
            .viewer_is_member
    );

    groups::set_switch(&db, alice, group_id, GroupSwitch::JoiningAllowed, false)
        .await
        .unwrap();
    assert_eq!(
        groups::join(&db, carol, &token).await.unwrap_err().code,
        ErrorCode::GroupJoiningDisabled
    );
    groups::set_switch(&db, alice, group_id, GroupSwitch::JoiningAllowed, true)
        .await
        .unwrap();

    let new_token = groups::regenerate_invite(&db, alice, group_id)
        .await
        .unwrap();
    assert_ne!(new_token, token);
    assert_eq!(
        groups::join(&db, carol, &token).await.unwrap_err().code,
        ErrorCode::InviteNotFound
    );
    groups::join(&db, carol, &new_token).await.unwrap();
    assert_eq!(
        groups::detail(&db, carol, group_id, first_page())
            .await
            .unwrap()
            .member_count,
        3
    );
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn only_admins_manage(db: PgPool) {
    let alice = user(&db, "alice").await;
    let bob = user(&db, "bob").await;
    let group_id = group(&db, alice, "Test Friends").await;
    groups::join(&db, bob, &token_of(&db, group_id).await)
        .await
        .unwrap();
    for result in [
        groups::rename(&db, bob, group_id, &GroupName::parse("Bob's").unwrap()).await,
        groups::set_switch(&db, bob, group_id, GroupSwitch::JoiningAllowed, false).await,
        groups::set_admin(&db, bob, group_id, bob, true, &Origin::default()).await,
        groups::remove_member(&db, bob, group_id, alice, &Origin::default()).await,
        groups::regenerate_invite(&db, bob, group_id)
            .await
            .map(drop),
    ] {
        assert_eq!(result.unwrap_err().code, ErrorCode::NotGroupAdmin);
    }
    groups::rename(&db, alice, group_id, &GroupName::parse("Друзья").unwrap())
        .await
        .unwrap();
    assert_eq!(
        groups::detail(&db, bob, group_id, first_page())
            .await
            .unwrap()
            .name,
        "Друзья"
    );
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn a_group_always_keeps_an_admin(db: PgPool) {
    let alice = user(&db, "alice").await;
    let bob = user(&db, "bob").await;
    let group_id = group(&db, alice, "Test Friends").await;
    groups::join(&db, bob, &token_of(&db, group_id).await)
        .await
        .unwrap();

    assert_eq!(
        groups::set_admin(&db, alice, group_id, alice, false, &Origin::default())
            .await
            .unwrap_err()
            .code,
        ErrorCode::LastGroupAdmin
    );
    assert_eq!(
        groups::leave(&db, alice, group_id).await.unwrap_err().code,
        ErrorCode::LastGroupAdmin
    );

    groups::set_admin(&db, alice, group_id, bob, true, &Origin::default())
        .await
        .unwrap();
    assert_eq!(
        groups::remove_member(&db, alice, group_id, bob, &Origin::default())
            .await
            .unwrap_err()
            .code,
        ErrorCode::CannotRemoveGroupAdmin
    );
    groups::set_admin(&db, bob, group_id, alice, false, &Origin::default())
        .await
        .unwrap();
    groups::leave(&db, alice, group_id).await.unwrap();
    let detail = groups::detail(&db, bob, group_id, first_page())
        .await
        .unwrap();
    assert_eq!((detail.member_count, detail.admin_count), (1, 1));
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn concurrent_demotions_cannot_remove_the_last_admin(db: PgPool) {
    let alice = user(&db, "alice").await;
    let bob = user(&db, "bob").await;
    let group_id = group(&db, alice, "Test Friends").await;
    groups::join(&db, bob, &token_of(&db, group_id).await)
        .await
        .unwrap();
    groups::set_admin(&db, alice, group_id, bob, true, &Origin::default())
        .await
        .unwrap();
    // Each demotes the other at the same moment: one must win, one must be refused.
    let origin = Origin::default();
    let (a, b) = tokio::join!(
        groups::set_admin(&db, alice, group_id, bob, false, &origin),
        groups::set_admin(&db, bob, group_id, alice, false, &origin),
    );
    assert_eq!(
        [a.is_ok(), b.is_ok()].iter().filter(|ok| **ok).count(),
        1,
        "{a:?} {b:?}"
    );
    let admins: i64 =
        sqlx::query_scalar("SELECT count(*) FROM group_members WHERE group_id = $1 AND is_admin")
            .bind(group_id)
            .fetch_one(&db)
            .await
            .unwrap();
    assert_eq!(admins, 1);
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn removal_ends_the_membership_and_tells_the_member(db: PgPool) {
    let alice = user(&db, "alice").await;
    let bob = user(&db, "bob").await;
    let group_id = group(&db, alice, "Test Friends").await;
    groups::join(&db, bob, &token_of(&db, group_id).await)
        .await
        .unwrap();
    groups::remove_member(&db, alice, group_id, bob, &Origin::default())
        .await
        .unwrap();
    assert_eq!(
        groups::detail(&db, bob, group_id, first_page())
            .await
            .unwrap_err()
            .code,
        ErrorCode::GroupNotFound
    );
    let told: (String, String) =
        sqlx::query_as("SELECT kind, payload->>'group_name' FROM notifications WHERE user_id = $1")
            .bind(bob)
            .fetch_one(&db)
            .await
            .unwrap();
    assert_eq!(
        told,
        ("removed_from_group".to_owned(), "Test Friends".to_owned())
    );
    assert_eq!(
        groups::remove_member(&db, alice, group_id, bob, &Origin::default())
            .await
            .unwrap_err()
            .code,
        ErrorCode::NotAGroupMember
    );
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn the_last_member_leaving_archives_the_group(db: PgPool) {
    let alice = user(&db, "alice").await;
    let group_id = group(&db, alice, "Solo").await;
    let token = token_of(&db, group_id).await;
    groups::leave(&db, alice, group_id).await.unwrap();
    assert_eq!(
        groups::list_for(&db, alice, first_page())
            .await
            .unwrap()
            .total,
        0
    );
    assert_eq!(
        groups::preview(&db, &token, None).await.unwrap_err().code,
        ErrorCode::InviteNotFound
    );
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn a_group_takes_at_most_its_member_limit_even_when_all_join_at_once(db: PgPool) {
    let alice = user(&db, "alice").await;
    let group_id = group(&db, alice, "Big Family").await;
    let token = token_of(&db, group_id).await;
    let mut joins = tokio::task::JoinSet::new();
    for n in 0..(MAX_MEMBERS_PER_GROUP + 5) {
        let (db, token) = (db.clone(), token.clone());
        joins.spawn(async move {
            let joiner = user(&db, &format!("joiner{n}")).await;
            groups::join(&db, joiner, &token).await
        });
    }
    let results = joins.join_all().await;
    let refused: Vec<_> = results.iter().filter_map(|r| r.as_ref().err()).collect();
    assert_eq!(
        refused.len(),
        6,
        "the creator plus 99 joiners fill the group"
    );
    assert!(
        refused
            .iter()
            .all(|e| e.code == ErrorCode::GroupMaxMembersExceeded)
    );
    let detail = groups::detail(&db, alice, group_id, PageRequest::new(Some(3), 40))
        .await
        .unwrap();
    assert_eq!(detail.member_count, MAX_MEMBERS_PER_GROUP);
    assert_eq!(
        detail.members.items.len(),
        20,
        "the third page of 40 holds the last 20"
    );
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn a_user_is_in_at_most_the_group_limit(db: PgPool) {
    let alice = user(&db, "alice").await;
    let bob = user(&db, "bob").await;
    for n in 0..MAX_GROUPS_PER_USER {
        group(&db, alice, &format!("Group {n}")).await;
    }
    let one_more = groups::create(
        &db,
        alice,
        &GroupName::parse("One more").unwrap(),
        &CurrencyCode::parse("EUR").unwrap(),
    )
    .await;
    assert_eq!(one_more.unwrap_err().code, ErrorCode::UserMaxGroupsExceeded);
    let bobs = group(&db, bob, "Bob's").await;
    let refused = groups::join(&db, alice, &token_of(&db, bobs).await)
        .await
        .unwrap_err();
    assert_eq!(refused.code, ErrorCode::UserMaxGroupsExceeded);
    let second_page = groups::list_for(&db, alice, PageRequest::new(Some(2), 30))
        .await
        .unwrap();
    assert_eq!((second_page.items.len(), second_page.total), (30, 100));
    assert!(second_page.has_next() && second_page.has_previous());
}
