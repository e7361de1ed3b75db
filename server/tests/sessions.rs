//! A person's logins over real HTTP, Redis and Postgres: the profile lists where they are logged
//! in, "log out everywhere else" ends every other login at once, and an open event stream ends
//! with its own login — logged out, logged out from elsewhere, or the password changed — while
//! the streams of the logins that go on stay open.

use std::time::Duration;

mod support;

use support::{PASSWORD, TestServer, stream_says, unique_username};

/// A browser of `username`, logged in from a phone.
async fn phone(server: &TestServer, username: &str) -> reqwest::Client {
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .user_agent(
            "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) \
             Chrome/131.0.0.0 Mobile Safari/537.36",
        )
        .build()
        .unwrap();
    let response = server.login(&client, username, PASSWORD).await;
    assert!(response.status().is_success(), "{}", response.status());
    client
}

async fn devices(server: &TestServer, client: &reqwest::Client) -> Vec<serde_json::Value> {
    let response = server.call(client, "devices", &[]).await;
    assert_eq!(response.status(), 200);
    response.json().await.unwrap()
}

async fn stream(server: &TestServer, client: &reqwest::Client) -> reqwest::Response {
    let stream = client.get(server.url("/events/mine")).send().await.unwrap();
    assert_eq!(stream.status(), 200);
    stream
}

#[tokio::test]
async fn streams_end_with_their_login_and_logging_out_elsewhere_leaves_only_this_one() {
    let server = TestServer::start().await;
    let username = unique_username("devices");
    let laptop = server.client();
    assert_eq!(server.register(&laptop, &username).await.status(), 200);
    let (first, second, third) = (
        phone(&server, &username).await,
        phone(&server, &username).await,
        phone(&server, &username).await,
    );

    // Four logins, this one first and named after its browser.
    let listed = devices(&server, &first).await;
    assert_eq!(listed.len(), 4, "{listed:?}");
    assert_eq!(listed[0]["current"], true);
    assert_eq!(
        (listed[0]["browser"].as_str(), listed[0]["system"].as_str()),
        (Some("Chrome"), Some("Android"))
    );
    assert_eq!(listed.iter().filter(|d| d["current"] == true).count(), 1);

    // Logging out ends that login's stream, and only that one.
    let mut third_stream = stream(&server, &third).await;
    let mut laptop_stream = stream(&server, &laptop).await;
    assert_eq!(server.call(&third, "logout", &[]).await.status(), 200);
    assert!(stream_says(&mut third_stream, "event: gone", Duration::from_secs(5)).await);
    assert_eq!(devices(&server, &first).await.len(), 3);

    // "Log out everywhere else" from the first phone: the laptop's stream ends at once, and the
    // laptop and the second phone are logged out; the first phone carries on.
    let mut second_stream = stream(&server, &second).await;
    let ended = server.call(&first, "log-out-elsewhere", &[]).await;
    assert_eq!(ended.status(), 200);
    assert!(stream_says(&mut laptop_stream, "event: gone", Duration::from_secs(5)).await);
    assert!(stream_says(&mut second_stream, "event: gone", Duration::from_secs(5)).await);
    assert_eq!(server.whoami(&laptop).await, None);
    assert_eq!(server.whoami(&second).await, None);
    assert_eq!(
        server.whoami(&first).await.as_deref(),
        Some(username.as_str())
    );
    let listed = devices(&server, &first).await;
    assert_eq!(listed.len(), 1, "{listed:?}");
    assert_eq!(listed[0]["current"], true);
    let audited = server
        .value("SELECT count(*) FROM audit_log WHERE action = 'OTHER_SESSIONS_ENDED'")
        .await;
    assert_eq!(audited, "1");

    // A password change ends the other logins' streams too; the changing browser stays in.
    let other = phone(&server, &username).await;
    let mut other_stream = stream(&server, &other).await;
    let changed = server
        .call(
            &first,
            "change-password",
            &[
                ("current_password", PASSWORD),
                ("new_password", "another perfectly fine password"),
                ("confirm_password", "another perfectly fine password"),
            ],
        )
        .await;
    assert_eq!(changed.status(), 200);
    assert!(stream_says(&mut other_stream, "event: gone", Duration::from_secs(5)).await);
    assert_eq!(server.whoami(&other).await, None);
    assert_eq!(
        server.whoami(&first).await.as_deref(),
        Some(username.as_str())
    );

    // Nobody else's devices, and not without logging in.
    assert_eq!(server.call(&laptop, "devices", &[]).await.status(), 401);
}
