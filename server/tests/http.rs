//! The server over HTTP, as browsers and operators meet it: real processes, Postgres and Redis.

mod support;

use std::time::{Duration, Instant};
use support::own_services::OwnRedis;
use support::{PASSWORD, TestServer, session_cookie, unique_username};

#[tokio::test]
async fn registering_logs_the_user_in_with_a_safe_cookie() {
    let server = TestServer::start().await;
    let client = server.client();
    let username = unique_username("reg");
    let response = server.register(&client, &username).await;
    assert_eq!(response.status(), 200);
    let cookie = session_cookie(&response).expect("a session cookie");
    assert!(cookie.contains("HttpOnly"), "{cookie}");
    assert!(cookie.contains("SameSite=Lax"), "{cookie}");
    assert!(
        !cookie.contains("Secure"),
        "local development runs over plain HTTP: {cookie}"
    );
    assert_eq!(
        server.whoami(&client).await.as_deref(),
        Some(username.as_str())
    );
}

#[tokio::test]
async fn invalid_registrations_get_stable_codes_not_500s() {
    let server = TestServer::start().await;
    let client = server.client();
    let cases = [
        (
            vec![
                ("username", "a b"),
                ("display_name", "X"),
                ("password", PASSWORD),
                ("confirm_password", PASSWORD),
            ],
            422,
            "USERNAME_INVALID",
        ),
        (
            vec![
                ("username", "okname"),
                ("display_name", " "),
                ("password", PASSWORD),
                ("confirm_password", PASSWORD),
            ],
            422,
            "DISPLAY_NAME_INVALID",
        ),
        (
            vec![
                ("username", "okname"),
                ("display_name", "X"),
                ("password", "short"),
                ("confirm_password", "short"),
            ],
            422,
            "PASSWORD_TOO_SHORT",
        ),
        (
            vec![
                ("username", "okname"),
                ("display_name", "X"),
                ("password", "password123"),
                ("confirm_password", "password123"),
            ],
            422,
            "PASSWORD_TOO_COMMON",
        ),
        (
            vec![
                ("username", "okname"),
                ("display_name", "X"),
                ("password", PASSWORD),
                ("confirm_password", "different one!"),
            ],
            422,
            "PASSWORD_MISMATCH",
        ),
        (vec![("username", "okname")], 422, "INVALID_INPUT"),
    ];
    for (form, status, code) in cases {
        let response = server.call(&client, "register", &form).await;
        assert_eq!(response.status(), status, "{code}");
        let body: serde_json::Value = response.json().await.unwrap();
        assert_eq!(body["code"], code);
    }
    let username = unique_username("dup");
    assert_eq!(server.register(&client, &username).await.status(), 200);
    let again = server
        .register(&server.client(), &username.to_uppercase())
        .await;
    assert_eq!(again.status(), 409);
    assert_eq!(
        again.json::<serde_json::Value>().await.unwrap()["code"],
        "USERNAME_TAKEN"
    );
}

#[tokio::test]
async fn a_failed_login_says_only_wrong_username_or_password() {
    let server = TestServer::start().await;
    let username = unique_username("login");
    server.register(&server.client(), &username).await;

    let wrong_password = server
        .login(&server.client(), &username, "not the password")
        .await;
    assert_eq!(wrong_password.status(), 401);
    let wrong_password: serde_json::Value = wrong_password.json().await.unwrap();
    let unknown_user = server
        .login(&server.client(), "no_such_user", PASSWORD)
        .await;
    assert_eq!(unknown_user.status(), 401);
    let unknown_user: serde_json::Value = unknown_user.json().await.unwrap();
    assert_eq!(wrong_password, unknown_user);
    assert_eq!(wrong_password["code"], "INVALID_CREDENTIALS");

    let client = server.client();
    let ok = server
        .login(&client, &username.to_uppercase(), PASSWORD)
        .await;
    assert_eq!(ok.status(), 200);
    assert_eq!(
        server.whoami(&client).await.as_deref(),
        Some(username.as_str())
    );
}

#[tokio::test]
async fn login_is_limited_to_five_a_minute_per_client() {
    let server = TestServer::start_with(&[("BULQ_RATE_LIMIT_AUTH_PER_MINUTE", "5")]).await;
    let client = server.client();
    for attempt in 1..=5 {
        let response = server.login(&client, "someone", "wrong password").await;
        assert_eq!(response.status(), 401, "attempt {attempt}");
    }
    let limited = server.login(&client, "someone", "wrong password").await;
    assert_eq!(limited.status(), 429);
    let retry_after: u64 = limited.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=60).contains(&retry_after), "{retry_after}");
    let body: serde_json::Value = limited.json().await.unwrap();
    assert_eq!(body["code"], "RATE_LIMITED");

    // A browser without JavaScript gets a readable page.
    let page = client
        .post(server.url("/api/login"))
        .header("accept", "text/html")
        .form(&[("username", "someone"), ("password", "x")])
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 429);
    assert!(page.headers().contains_key("retry-after"));
    assert!(page.text().await.unwrap().contains("Too many attempts"));

    // Other pages still work: the strict limit covers only logging in and registering.
    assert_eq!(
        client.get(server.url("/")).send().await.unwrap().status(),
        200
    );
}

/// `count` page loads by `client` from `server`, their statuses.
async fn load_pages(server: &TestServer, client: &reqwest::Client, count: usize) -> Vec<u16> {
    let mut statuses = Vec::with_capacity(count);
    for _ in 0..count {
        let response = client.get(server.url("/login")).send().await.unwrap();
        statuses.push(response.status().as_u16());
    }
    statuses
}

#[tokio::test]
async fn limits_are_shared_by_instances_and_counted_per_account_when_signed_in() {
    let first = TestServer::start_with(&[("BULQ_RATE_LIMIT_GENERAL_PER_MINUTE", "100")]).await;
    let second = first.another_instance().await;

    // One address, two instances behind the proxy: one budget of a hundred, not two.
    let visitor = first.client();
    let on_first = load_pages(&first, &visitor, 60).await;
    assert!(on_first.iter().all(|s| *s == 200), "{on_first:?}");
    let on_second = load_pages(&second, &visitor, 60).await;
    assert!(
        on_second.contains(&429),
        "the second instance knew: {on_second:?}"
    );

    // Three friends on the same Wi-Fi, signed in: each has a budget of their own.
    let mut friends = Vec::new();
    for name in ["wifi_ana", "wifi_bob", "wifi_cai"] {
        let client = first.client();
        let username = unique_username(name);
        // Registering is held to the strict limit's budget, not the spent general one.
        assert_eq!(first.register(&client, &username).await.status(), 200);
        friends.push(client);
    }
    for friend in &friends {
        let statuses = load_pages(&second, friend, 60).await;
        assert!(statuses.iter().all(|s| *s == 200), "{statuses:?}");
    }
}

#[tokio::test]
async fn general_requests_are_limited_per_client() {
    let server = TestServer::start_with(&[("BULQ_RATE_LIMIT_GENERAL_PER_MINUTE", "100")]).await;
    let client = server.client();
    let mut statuses = Vec::new();
    // The bucket refills a request every 0.6 s, so a slow (debug) server may earn one or two back
    // while the loop runs: the client is refused within a few requests past the hundred.
    for _ in 0..110 {
        statuses.push(
            client
                .get(server.url("/login"))
                .send()
                .await
                .unwrap()
                .status()
                .as_u16(),
        );
    }
    assert!(
        statuses[..100].iter().all(|status| *status == 200),
        "{statuses:?}"
    );
    assert!(statuses[100..].contains(&429), "{statuses:?}");
    // Health checks are for the operator's probes and never limited.
    assert_eq!(
        client
            .get(server.url("/healthz"))
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
}

#[tokio::test]
async fn logging_out_ends_the_session_on_the_server() {
    let server = TestServer::start().await;
    let client = server.client();
    let username = unique_username("out");
    let response = server.register(&client, &username).await;
    let cookie = session_cookie(&response).unwrap();
    let cookie_pair = cookie.split(';').next().unwrap().to_owned();

    assert_eq!(server.call(&client, "logout", &[]).await.status(), 200);
    assert_eq!(server.whoami(&client).await, None);

    // Replaying the old cookie does not bring the session back.
    let replay = reqwest::Client::new()
        .post(server.url("/api/session"))
        .header("cookie", cookie_pair)
        .send()
        .await
        .unwrap();
    let info: serde_json::Value = replay.json().await.unwrap();
    assert!(info["user"].is_null(), "{info}");
}

#[tokio::test]
async fn logging_in_issues_a_new_session_id() {
    let server = TestServer::start().await;
    let client = server.client();
    let username = unique_username("cycle");
    let first = session_cookie(&server.register(&client, &username).await).unwrap();
    let second = session_cookie(&server.login(&client, &username, PASSWORD).await).unwrap();
    assert_ne!(first.split(';').next(), second.split(';').next());
}

#[tokio::test]
async fn a_session_in_use_is_extended_without_a_write_on_every_request() {
    // With an idle limit of one minute the session is written back at most every six seconds.
    let server = TestServer::start_with(&[("BULQ_SESSION_IDLE_MINUTES", "1")]).await;
    let client = server.client();
    let username = unique_username("idle");
    server.register(&client, &username).await;
    let soon = server.call(&client, "session", &[]).await;
    assert!(
        session_cookie(&soon).is_none(),
        "not written right after login"
    );

    tokio::time::sleep(std::time::Duration::from_millis(6_200)).await;
    let later = server.call(&client, "session", &[]).await;
    let cookie = session_cookie(&later).expect("written back: its idle expiry moves on");
    assert!(cookie.contains("Max-Age=60"), "{cookie}");
    assert_eq!(
        server.whoami(&client).await.as_deref(),
        Some(username.as_str())
    );
}

#[tokio::test]
async fn the_session_survives_a_server_restart() {
    let mut server = TestServer::start().await;
    let client = server.client();
    let username = unique_username("restart");
    server.register(&client, &username).await;
    assert_eq!(
        server.whoami(&client).await.as_deref(),
        Some(username.as_str())
    );

    server.restart().await;
    assert_eq!(
        server.whoami(&client).await.as_deref(),
        Some(username.as_str())
    );
}

#[tokio::test]
async fn changing_the_password_ends_every_other_session() {
    let server = TestServer::start().await;
    let (phone, laptop) = (server.client(), server.client());
    let username = unique_username("pw");
    server.register(&phone, &username).await;
    server.login(&laptop, &username, PASSWORD).await;

    let wrong = server
        .call(
            &phone,
            "change-password",
            &[
                ("current_password", "nope"),
                ("new_password", "brand new secret"),
                ("confirm_password", "brand new secret"),
            ],
        )
        .await;
    assert_eq!(wrong.status(), 401);
    assert_eq!(
        wrong.json::<serde_json::Value>().await.unwrap()["code"],
        "PASSWORD_INCORRECT"
    );

    let changed = server
        .call(
            &phone,
            "change-password",
            &[
                ("current_password", PASSWORD),
                ("new_password", "brand new secret"),
                ("confirm_password", "brand new secret"),
            ],
        )
        .await;
    assert_eq!(changed.status(), 200);
    assert_eq!(
        server.whoami(&phone).await.as_deref(),
        Some(username.as_str()),
        "this device stays in"
    );
    assert_eq!(
        server.whoami(&laptop).await,
        None,
        "the other device is logged out"
    );
    assert_eq!(
        server
            .login(&laptop, &username, "brand new secret")
            .await
            .status(),
        200
    );
}

#[tokio::test]
async fn profile_changes_need_a_login() {
    let server = TestServer::start().await;
    let client = server.client();
    for (endpoint, form) in [
        ("display-name", vec![("display_name", "Someone")]),
        (
            "change-password",
            vec![
                ("current_password", "x"),
                ("new_password", "brand new secret"),
                ("confirm_password", "brand new secret"),
            ],
        ),
    ] {
        let response = server.call(&client, endpoint, &form).await;
        assert_eq!(response.status(), 401, "{endpoint}");
        assert_eq!(
            response.json::<serde_json::Value>().await.unwrap()["code"],
            "AUTH_REQUIRED"
        );
    }
    // Before logging in, the language picked on the log-in page is kept in a cookie instead.
    let response = server
        .call(&client, "language", &[("language", "ru")])
        .await;
    assert_eq!(response.status(), 200);
    let cookie = response
        .headers()
        .get_all(http::header::SET_COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .find(|value| value.starts_with("bulq_language="))
        .map(str::to_owned);
    assert_eq!(
        cookie.as_deref().map(|c| &c[..17]),
        Some("bulq_language=ru;")
    );
}

#[tokio::test]
async fn display_name_and_language_are_saved_on_the_profile() {
    let server = TestServer::start().await;
    let client = server.client();
    server.register(&client, &unique_username("prof")).await;
    assert_eq!(
        server
            .call(&client, "display-name", &[("display_name", "  Ана  ")])
            .await
            .status(),
        200
    );
    assert_eq!(
        server
            .call(&client, "language", &[("language", "en")])
            .await
            .status(),
        200
    );
    let bad = server
        .call(&client, "language", &[("language", "xx")])
        .await;
    assert_eq!(bad.status(), 422);
    let info: serde_json::Value = server
        .call(&client, "session", &[])
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(info["user"]["display_name"], "Ана");
    assert_eq!(info["user"]["language"], "en");
    assert_eq!(info["language"], "en");
}

#[tokio::test]
async fn cross_site_posts_to_server_functions_are_refused() {
    let server = TestServer::start().await;
    let client = server.client();
    let by_fetch_metadata = client
        .post(server.url("/api/login"))
        .header("sec-fetch-site", "cross-site")
        .form(&[("username", "x"), ("password", "y")])
        .send()
        .await
        .unwrap();
    assert_eq!(by_fetch_metadata.status(), 403);
    assert_eq!(
        by_fetch_metadata.json::<serde_json::Value>().await.unwrap()["code"],
        "CROSS_SITE_REQUEST"
    );

    let by_origin = client
        .post(server.url("/api/logout"))
        .header("origin", "https://evil.example")
        .send()
        .await
        .unwrap();
    assert_eq!(by_origin.status(), 403);

    let same_origin = client
        .post(server.url("/api/session"))
        .header("origin", server.base.clone())
        .header("sec-fetch-site", "same-origin")
        .send()
        .await
        .unwrap();
    assert_eq!(same_origin.status(), 200);
}

#[tokio::test]
async fn a_no_js_form_post_returns_to_its_page_with_the_error_shown() {
    let server = TestServer::start().await;
    let client = server.client();
    let response = client
        .post(server.url("/api/login"))
        .header("accept", "text/html")
        .header("referer", server.url("/login?next=/profile"))
        .form(&[
            ("username", "nobody"),
            ("password", "wrong password"),
            ("next", "/profile"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 303);
    let location = response.headers()["location"].to_str().unwrap().to_owned();
    assert!(
        location.starts_with("/login?next=%2Fprofile&__path=%2Fapi%2Flogin&__err="),
        "{location}"
    );
    let page = client
        .get(server.url(&location))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("Wrong username or password."),
        "the login page shows the error"
    );

    let username = unique_username("nojs");
    server.register(&server.client(), &username).await;
    let success = client
        .post(server.url("/api/login"))
        .header("accept", "text/html")
        .header("referer", server.url(&location))
        .form(&[
            ("username", username.as_str()),
            ("password", PASSWORD),
            ("next", "/profile"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(success.status(), 303);
    assert_eq!(success.headers()["location"], "/profile");
    let profile = client.get(server.url("/profile")).send().await.unwrap();
    assert_eq!(profile.status(), 200);
    assert!(
        profile
            .text()
            .await
            .unwrap()
            .contains(&format!("@{username}"))
    );
}

#[tokio::test]
async fn pages_carry_security_headers_and_a_nonce_matching_their_scripts() {
    let server = TestServer::start().await;
    let response = server
        .client()
        .get(server.url("/login"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let headers = response.headers().clone();
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert_eq!(headers["x-frame-options"], "DENY");
    assert_eq!(headers["referrer-policy"], "same-origin");
    let csp = headers["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
    assert!(csp.contains("base-uri 'none'"), "{csp}");
    assert!(!csp.contains("unsafe-inline"), "{csp}");
    let nonce = csp
        .split("'nonce-")
        .nth(1)
        .and_then(|rest| rest.split('\'').next())
        .expect("a nonce");
    let html = response.text().await.unwrap();
    assert!(
        html.contains(&format!("nonce=\"{nonce}\"")),
        "the hydration script carries the nonce"
    );
    assert!(html.contains("<html lang=\"en\""));
}

#[tokio::test]
async fn every_response_has_a_request_id_and_keeps_a_given_one() {
    let server = TestServer::start().await;
    let client = server.client();
    let generated = client.get(server.url("/healthz")).send().await.unwrap();
    assert!(!generated.headers()["x-request-id"].is_empty());
    let given = client
        .get(server.url("/healthz"))
        .header("x-request-id", "trace-me-42")
        .send()
        .await
        .unwrap();
    assert_eq!(given.headers()["x-request-id"], "trace-me-42");
}

#[tokio::test]
async fn health_and_readiness_report_the_dependencies() {
    let server = TestServer::start().await;
    let client = server.client();
    assert_eq!(
        client
            .get(server.url("/healthz"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap(),
        "ok"
    );
    let ready: serde_json::Value = client
        .get(server.url("/readyz"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(ready, serde_json::json!({"postgres": "ok", "redis": "ok"}));
}

#[tokio::test]
async fn unknown_pages_are_404_with_a_friendly_page() {
    let server = TestServer::start().await;
    let response = server
        .client()
        .get(server.url("/no/such/page"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 404);
    assert!(response.text().await.unwrap().contains("Page not found"));
}

#[test]
fn production_mode_refuses_insecure_settings_and_names_them() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_server"))
        .env("BULQ_ENV", "production")
        .env_remove("BULQ_SECRET_KEY")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("BULQ_SECRET_KEY"), "{stderr}");
}

#[tokio::test]
async fn a_sneaky_next_never_leaves_the_site_nor_breaks_the_answer() {
    let server = TestServer::start().await;
    for sneaky in [
        "/\t/evil.example",
        "/\n/evil.example",
        "/\r\nSet-Cookie: x=1",
        "/\u{7f}",
    ] {
        let client = server.client();
        let username = unique_username("next");
        let registered = client
            .post(server.url("/api/register"))
            .header("accept", "text/html")
            .header("referer", server.url("/register"))
            .form(&[
                ("username", username.as_str()),
                ("display_name", "Next Person"),
                ("password", PASSWORD),
                ("confirm_password", PASSWORD),
                ("next", sneaky),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(registered.status(), 303, "{sneaky:?}");
        assert_eq!(registered.headers()["location"], "/", "{sneaky:?}");
        assert_eq!(
            server.whoami(&client).await.as_deref(),
            Some(username.as_str())
        );

        let logged_in = client
            .post(server.url("/api/login"))
            .header("accept", "text/html")
            .header("referer", server.url("/login"))
            .form(&[
                ("username", username.as_str()),
                ("password", PASSWORD),
                ("next", sneaky),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(logged_in.status(), 303, "{sneaky:?}");
        assert_eq!(logged_in.headers()["location"], "/", "{sneaky:?}");
    }
}

#[tokio::test]
async fn malformed_bodies_get_a_stable_4xx_code_never_a_500() {
    let server = TestServer::start().await;
    let client = server.client();
    server.register(&client, &unique_username("body")).await;
    let post = |endpoint: &str, body: Vec<u8>| {
        client
            .post(server.url(&format!("/api/{endpoint}")))
            .header("accept", "application/json")
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body)
            .send()
    };
    let cases: Vec<(&str, &str, Vec<u8>, u16)> = vec![
        (
            "a NUL in a kind",
            "notifications/read",
            b"kind=run_cancelled%00".to_vec(),
            422,
        ),
        (
            "an unknown kind",
            "notifications/read",
            b"kind=nonsense".to_vec(),
            422,
        ),
        (
            "bytes that are not UTF-8",
            "login",
            b"username=%FF%FE&password=x".to_vec(),
            401,
        ),
        (
            "raw bytes that are not UTF-8",
            "login",
            vec![b'u', b'=', 0xff, 0xfe],
            422,
        ),
        (
            "a body over the limit",
            "login",
            vec![b'a'; 3 * 1024 * 1024],
            413,
        ),
    ];
    for (what, endpoint, body, status) in cases {
        let response = post(endpoint, body).await.unwrap();
        let got = response.status().as_u16();
        let text = response.text().await.unwrap_or_default();
        assert_eq!(got, status, "{what}: {text}");
        assert!(
            text.contains("\"code\":\""),
            "{what} names its code: {text}"
        );
    }
}

#[tokio::test]
async fn with_redis_gone_requests_answer_503_in_seconds_and_recover() {
    let redis = OwnRedis::start().await;
    let server = TestServer::start_with(&[("REDIS_URL", &redis.url())]).await;
    let client = server.client();
    let username = unique_username("outage");
    assert_eq!(server.register(&client, &username).await.status(), 200);
    let port = redis.port;
    drop(redis);

    let started = Instant::now();
    let page = client
        .get(server.url("/profile"))
        .header("accept", "text/html")
        .timeout(Duration::from_secs(20))
        .send()
        .await
        .expect("an answer, not a hung request");
    let waited = started.elapsed();
    assert_eq!(page.status(), 503);
    assert_eq!(page.headers()["retry-after"], "5");
    let text = page.text().await.unwrap();
    assert!(
        text.contains("try again"),
        "a page that says what to do: {text}"
    );
    assert!(waited < Duration::from_secs(6), "answered after {waited:?}");
    let call = server.call(&client, "session", &[]).await;
    assert_eq!(call.status(), 503);
    assert!(
        call.text()
            .await
            .unwrap()
            .contains("\"code\":\"UNAVAILABLE\"")
    );

    // Redis back on the same port: the app serves again without a restart.
    let _back = OwnRedis::start_on(port).await;
    let mut served = false;
    for _ in 0..50 {
        tokio::time::sleep(Duration::from_millis(200)).await;
        let ready = client.get(server.url("/readyz")).send().await;
        if ready.is_ok_and(|r| r.status() == 200) {
            served = true;
            break;
        }
    }
    assert!(served, "ready again once Redis is back");
}

#[tokio::test]
async fn what_a_signed_in_person_is_shown_is_never_cached() {
    let server = TestServer::start().await;
    let client = server.client();
    let anonymous = client.get(server.url("/login")).send().await.unwrap();
    assert!(anonymous.headers().get("cache-control").is_none());
    server.register(&client, &unique_username("cache")).await;
    for path in ["/", "/profile", "/notifications"] {
        let page = client.get(server.url(path)).send().await.unwrap();
        assert_eq!(page.headers()["cache-control"], "no-store", "{path}");
    }
    let call = server.call(&client, "session", &[]).await;
    assert_eq!(call.headers()["cache-control"], "no-store");
    let asset = client.get(server.url("/sw.js")).send().await.unwrap();
    assert_eq!(
        asset.headers()["cache-control"],
        "no-cache",
        "its own policy stays"
    );
}

/// The leaked-secret runbook: a new `BULQ_SECRET_KEY` ends every session (their cookies no longer
/// verify) and nothing else; people log in again with their passwords and find their groups.
#[tokio::test]
async fn rotating_the_secret_key_logs_everyone_out_and_loses_nothing_else() {
    let mut server = TestServer::start_with(&[("BULQ_SECRET_KEY", &"a".repeat(64))]).await;
    let client = server.client();
    let username = unique_username("rotate");
    assert_eq!(server.register(&client, &username).await.status(), 200);
    let group = server
        .call(&client, "groups/create", &[("name", "Kept Friends")])
        .await;
    assert!(group.status().is_redirection() || group.status().is_success());
    assert_eq!(
        server.whoami(&client).await.as_deref(),
        Some(username.as_str())
    );

    server.set_env("BULQ_SECRET_KEY", &"b".repeat(64));
    server.restart().await;
    assert_eq!(
        server.whoami(&client).await,
        None,
        "the old cookie no longer counts"
    );

    let fresh = server.client();
    assert_eq!(
        server.login(&fresh, &username, PASSWORD).await.status(),
        200
    );
    let page = fresh
        .get(server.url("/"))
        .header("accept", "text/html")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("Kept Friends"), "the group is still there");
}
