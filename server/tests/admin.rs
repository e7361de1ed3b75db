//! Site administration over HTTP: every admin server function refuses everyone but a site admin
//! and a refused call changes nothing; a disabled person is logged out and their live stream ends;
//! a reset link works once; the command line makes the first admin; seeding refuses production.

mod support;

use std::time::Duration;

use support::{PASSWORD, TestDatabase, TestServer, unique_username};

async fn code_of(response: reqwest::Response) -> (u16, String) {
    let status = response.status().as_u16();
    let body: serde_json::Value = response.json().await.unwrap_or_default();
    (status, body["code"].as_str().unwrap_or("").to_owned())
}

async fn user_id(server: &TestServer, client: &reqwest::Client) -> String {
    let info: serde_json::Value = server
        .call(client, "session", &[])
        .await
        .json()
        .await
        .unwrap();
    info["user"]["id"].as_str().unwrap().to_owned()
}

/// A logged-in client and its username.
async fn person(server: &TestServer) -> (reqwest::Client, String) {
    let client = server.client();
    let username = unique_username("u");
    assert_eq!(server.register(&client, &username).await.status(), 200);
    (client, username)
}

/// Everything an admin function could change, to compare before and after a refused call.
async fn state_of(server: &TestServer) -> Vec<String> {
    let mut state = Vec::new();
    for sql in [
        "SELECT count(*) FROM audit_log WHERE action NOT LIKE 'LOGIN%'",
        "SELECT count(*) FROM password_resets",
        "SELECT count(*) FROM users WHERE is_admin",
        "SELECT count(*) FROM users WHERE verified",
        "SELECT count(*) FROM users WHERE disabled_at IS NOT NULL",
        "SELECT sum(session_generation) FROM users",
        "SELECT registration FROM site_settings",
        "SELECT count(*) FROM products WHERE verified OR archived_at IS NOT NULL",
        "SELECT count(*) FROM products WHERE merged_into IS NOT NULL",
        "SELECT count(*) FROM groups WHERE archived_at IS NOT NULL",
        "SELECT string_agg(username || display_name, ',' ORDER BY id) FROM users",
        "SELECT count(*) FROM users WHERE deleted_at IS NOT NULL",
    ] {
        state.push(format!("{sql} = {}", server.value(sql).await));
    }
    state
}

#[tokio::test]
async fn admin_functions_refuse_everyone_but_site_admins_and_change_nothing() {
    let server = TestServer::start().await;
    let (admin, admin_name) = person(&server).await;
    server
        .sql(&format!(
            "UPDATE users SET is_admin = true WHERE username = '{admin_name}'"
        ))
        .await;
    let (member, _) = person(&server).await;
    let (group_admin, _) = person(&server).await;
    let created = server
        .call(&group_admin, "groups/create", &[("name", "Test Friends")])
        .await;
    assert_eq!(created.status(), 200);
    let (target, _) = person(&server).await;
    let target_id = user_id(&server, &target).await;
    let t = target_id.as_str();
    for name in ["Olive oil", "Olive oil 1 L"] {
        server
            .sql(&format!(
                "INSERT INTO products (name, created_by) VALUES ('{name}', '{target_id}')"
            ))
            .await;
    }
    let kept = server
        .value("SELECT id FROM products WHERE name = 'Olive oil'")
        .await;
    let merged = server
        .value("SELECT id FROM products WHERE name = 'Olive oil 1 L'")
        .await;
    let (p, d) = (kept.as_str(), merged.as_str());
    let group = server.value("SELECT id FROM groups").await;
    let g = group.as_str();
    let new_username = unique_username("renamed");
    let (duplicate, _) = person(&server).await;
    let duplicate_id = user_id(&server, &duplicate).await;
    let functions: Vec<(&str, Vec<(&str, &str)>)> = vec![
        ("admin/users", vec![]),
        ("admin/user", vec![("user_id", t)]),
        (
            "admin/users/verified",
            vec![("user_id", t), ("verified", "true")],
        ),
        (
            "admin/users/disabled",
            vec![("user_id", t), ("disabled", "true")],
        ),
        (
            "admin/users/site-admin",
            vec![("user_id", t), ("admin", "true")],
        ),
        ("admin/users/reset-link", vec![("user_id", t)]),
        ("admin/users/take-reset-link", vec![]),
        ("admin/settings", vec![]),
        (
            "admin/settings/registration",
            vec![("registration", "closed")],
        ),
        ("admin/audit", vec![]),
        ("admin/catalogue", vec![("kind", "products")]),
        (
            "admin/catalogue/entry",
            vec![("kind", "products"), ("id", p)],
        ),
        (
            "admin/catalogue/verified",
            vec![("kind", "products"), ("id", p), ("verified", "true")],
        ),
        (
            "admin/catalogue/merge",
            vec![("kind", "products"), ("merged", d), ("survivor", p)],
        ),
        (
            "admin/catalogue/archived",
            vec![("kind", "products"), ("id", p), ("archived", "true")],
        ),
        ("admin/groups", vec![]),
        ("admin/group", vec![("group_id", g)]),
        (
            "admin/groups/archived",
            vec![("group_id", g), ("archived", "true")],
        ),
        (
            "admin/users/rename",
            vec![
                ("user_id", t),
                ("display_name", "Renamed"),
                ("username", &new_username),
            ],
        ),
        (
            "admin/users/merge",
            vec![("merged", duplicate_id.as_str()), ("survivor", t)],
        ),
        // Last: it ends the account the others act on.
        ("admin/users/delete", vec![("user_id", t)]),
    ];
    let anonymous = server.client();
    let before = state_of(&server).await;
    for (endpoint, form) in &functions {
        for (client, expected) in [
            (&anonymous, (401, "AUTH_REQUIRED")),
            (&member, (403, "NOT_SITE_ADMIN")),
            (&group_admin, (403, "NOT_SITE_ADMIN")),
        ] {
            let got = code_of(server.call(client, endpoint, form).await).await;
            assert_eq!((got.0, got.1.as_str()), expected, "{endpoint}");
        }
    }
    assert_eq!(
        state_of(&server).await,
        before,
        "refused calls changed nothing"
    );
    for (endpoint, form) in &functions {
        let response = server.call(&admin, endpoint, form).await;
        assert_eq!(
            response.status(),
            200,
            "{endpoint}: {}",
            response.text().await.unwrap()
        );
    }
    // The admin pages themselves: nobody else sees one.
    for path in [
        "/admin",
        "/admin/users",
        "/admin/products",
        "/admin/stores",
        "/admin/groups",
        "/admin/settings",
        "/admin/audit",
    ] {
        let page = member.get(server.url(path)).send().await.unwrap();
        assert_eq!(page.status(), 403, "{path}");
        let page = admin.get(server.url(path)).send().await.unwrap();
        assert_eq!(page.status(), 200, "{path}");
    }
}

#[tokio::test]
async fn a_disabled_person_is_logged_out_and_their_stream_ends() {
    let server = TestServer::start().await;
    let (admin, admin_name) = person(&server).await;
    server
        .sql(&format!(
            "UPDATE users SET is_admin = true WHERE username = '{admin_name}'"
        ))
        .await;
    let (victim, victim_name) = person(&server).await;
    let victim_id = user_id(&server, &victim).await;
    let mut stream = victim.get(server.url("/events/mine")).send().await.unwrap();
    assert_eq!(stream.status(), 200);
    let disabled = server
        .call(
            &admin,
            "admin/users/disabled",
            &[("user_id", &victim_id), ("disabled", "true")],
        )
        .await;
    assert_eq!(disabled.status(), 200);
    let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
    let mut seen = String::new();
    while !seen.contains("event: gone") {
        match tokio::time::timeout_at(deadline, stream.chunk()).await {
            Ok(Ok(Some(bytes))) => seen.push_str(&String::from_utf8_lossy(&bytes)),
            other => panic!("no 'gone' event: {other:?} after {seen:?}"),
        }
    }
    let end = tokio::time::timeout(Duration::from_secs(5), stream.chunk()).await;
    assert!(matches!(end, Ok(Ok(None))), "the stream ended: {end:?}");
    assert_eq!(
        server.whoami(&victim).await,
        None,
        "logged out at the next request"
    );
    let again = code_of(server.login(&server.client(), &victim_name, PASSWORD).await).await;
    assert_eq!(again, (401, "INVALID_CREDENTIALS".to_owned()));
}

#[tokio::test]
async fn a_reset_link_made_by_an_admin_logs_the_person_in_once() {
    let server = TestServer::start().await;
    let (admin, admin_name) = person(&server).await;
    server
        .sql(&format!(
            "UPDATE users SET is_admin = true WHERE username = '{admin_name}'"
        ))
        .await;
    let (forgetful, name) = person(&server).await;
    let id = user_id(&server, &forgetful).await;
    let made = server
        .call(&admin, "admin/users/reset-link", &[("user_id", &id)])
        .await;
    assert_eq!(made.status(), 200);
    let link: serde_json::Value = server
        .call(&admin, "admin/users/take-reset-link", &[])
        .await
        .json()
        .await
        .unwrap();
    let path = link["path"].as_str().unwrap().to_owned();
    let token = path.strip_prefix("/reset/").unwrap();
    let shown_again: serde_json::Value = server
        .call(&admin, "admin/users/take-reset-link", &[])
        .await
        .json()
        .await
        .unwrap();
    assert!(shown_again.is_null(), "shown once: {shown_again}");

    let page = server.client().get(server.url(&path)).send().await.unwrap();
    assert_eq!(page.status(), 200);
    assert!(page.text().await.unwrap().contains(&name));

    let stranger = server.client();
    let form = [
        ("token", token),
        ("new_password", "a brand new password"),
        ("confirm_password", "a brand new password"),
    ];
    assert_eq!(
        server
            .call(&stranger, "reset-password", &form)
            .await
            .status(),
        200
    );
    assert_eq!(
        server.whoami(&stranger).await.as_deref(),
        Some(name.as_str())
    );
    assert_eq!(
        server.whoami(&forgetful).await,
        None,
        "the old session ended"
    );
    let reused = code_of(server.call(&server.client(), "reset-password", &form).await).await;
    assert_eq!(reused, (404, "RESET_LINK_INVALID".to_owned()));
}

fn run_server(
    database: &TestDatabase,
    args: &[&str],
    env: &[(&str, &str)],
) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_server"))
        .args(args)
        .env("DATABASE_URL", &database.url)
        .env("BULQ_LOG", "warn")
        .envs(env.iter().copied())
        .output()
        .unwrap()
}

#[tokio::test]
async fn the_command_line_makes_the_first_admin_and_keeps_the_last() {
    let database = TestDatabase::create().await;
    assert!(run_server(&database, &["migrate"], &[]).status.success());
    insert_user(&database, "first").await;
    let granted = run_server(&database, &["admin", "grant", "FIRST"], &[]);
    assert!(granted.status.success(), "{granted:?}");
    assert_eq!(
        database
            .count("SELECT count(*) FROM users WHERE is_admin")
            .await,
        1
    );
    let revoked = run_server(&database, &["admin", "revoke", "first"], &[]);
    assert!(!revoked.status.success());
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&revoked.stdout),
        String::from_utf8_lossy(&revoked.stderr)
    );
    assert!(said.contains("LAST_SITE_ADMIN"), "{said}");
    let unknown = run_server(&database, &["admin", "grant", "nobody_here"], &[]);
    assert!(!unknown.status.success());
    assert_eq!(
        database
            .count("SELECT count(*) FROM audit_log WHERE action = 'SITE_ADMIN_GRANTED'")
            .await,
        1
    );
}

async fn insert_user(database: &TestDatabase, username: &str) {
    use sqlx::Connection;
    let mut conn = sqlx::PgConnection::connect(&database.url).await.unwrap();
    sqlx::query("INSERT INTO users (username, display_name, password_hash) VALUES ($1, $1, 'x')")
        .bind(username)
        .execute(&mut conn)
        .await
        .unwrap();
}

#[tokio::test]
async fn seeding_is_refused_in_production() {
    let database = TestDatabase::create().await;
    let production = [
        ("BULQ_ENV", "production"),
        ("BULQ_SECRET_KEY", &"k".repeat(64)),
        ("BULQ_ALLOWED_ORIGINS", "https://bulq.example"),
    ];
    let refused = run_server(&database, &["seed"], &production);
    assert!(!refused.status.success());
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&refused.stdout),
        String::from_utf8_lossy(&refused.stderr)
    );
    assert!(
        said.contains("refusing to seed demo data in production"),
        "names the reason: {said}"
    );
    assert!(run_server(&database, &["migrate"], &[]).status.success());
    assert_eq!(database.count("SELECT count(*) FROM users").await, 0);
}

/// A server function, its form, and the status and code it must answer.
type BadCall<'a> = (&'a str, Vec<(&'a str, &'a str)>, (u16, &'a str));

#[tokio::test]
async fn bad_admin_input_gets_a_stable_code_not_a_500() {
    let server = TestServer::start().await;
    let (admin, admin_name) = person(&server).await;
    server
        .sql(&format!(
            "UPDATE users SET is_admin = true WHERE username = '{admin_name}'"
        ))
        .await;
    let admin_id = user_id(&server, &admin).await;
    let nobody = uuid::Uuid::new_v4().to_string();
    let long = "x".repeat(101);
    let cases: Vec<BadCall> = vec![
        (
            "admin/users/verified",
            vec![("user_id", "not-a-uuid"), ("verified", "true")],
            (422, "INVALID_INPUT"),
        ),
        (
            "admin/users/verified",
            vec![("user_id", &nobody), ("verified", "true")],
            (404, "USER_NOT_FOUND"),
        ),
        (
            "admin/users",
            vec![("search", &long)],
            (422, "SEARCH_QUERY_INVALID"),
        ),
        (
            "admin/audit",
            vec![("user", &long)],
            (422, "SEARCH_QUERY_INVALID"),
        ),
        (
            "admin/catalogue",
            vec![("kind", "bogus")],
            (422, "INVALID_INPUT"),
        ),
        (
            "admin/settings/registration",
            vec![("registration", "maybe")],
            (422, "INVALID_INPUT"),
        ),
        (
            "admin/catalogue/merge",
            vec![
                ("kind", "products"),
                ("merged", &nobody),
                ("survivor", &nobody),
            ],
            (422, "CANNOT_MERGE_INTO_ITSELF"),
        ),
        (
            "admin/users/rename",
            vec![
                ("user_id", &admin_id),
                ("display_name", "Ok"),
                ("username", "a b"),
            ],
            (422, "USERNAME_INVALID"),
        ),
        (
            "admin/users/disabled",
            vec![("user_id", &admin_id), ("disabled", "true")],
            (409, "CANNOT_CHANGE_OWN_ACCOUNT"),
        ),
        (
            "reset-password",
            vec![
                ("token", "nonsense"),
                ("new_password", "a brand new password"),
                ("confirm_password", "a brand new password"),
            ],
            (404, "RESET_LINK_INVALID"),
        ),
        (
            "delete-account",
            vec![("current_password", "not it")],
            (401, "PASSWORD_INCORRECT"),
        ),
    ];
    for (endpoint, form, expected) in &cases {
        let got = code_of(server.call(&admin, endpoint, form).await).await;
        assert_eq!((got.0, got.1.as_str()), *expected, "{endpoint} {form:?}");
    }
    assert_eq!(
        server.whoami(&admin).await.as_deref(),
        Some(admin_name.as_str())
    );
}
