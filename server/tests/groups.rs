//! Group server functions over HTTP: each one for an anonymous visitor, a non-member, a member
//! and a group admin. Non-members get 404 so group ids do not leak.

mod support;

use support::{TestServer, unique_username};

struct Cast {
    admin: reqwest::Client,
    member: reqwest::Client,
    member_id: String,
    outsider: reqwest::Client,
    anonymous: reqwest::Client,
    group_id: String,
    token: String,
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

async fn cast(server: &TestServer) -> Cast {
    let (admin, member, outsider) = (server.client(), server.client(), server.client());
    for client in [&admin, &member, &outsider] {
        assert_eq!(
            server
                .register(client, &unique_username("u"))
                .await
                .status(),
            200
        );
    }
    let created = server
        .call(&admin, "groups/create", &[("name", "Test Friends")])
        .await;
    assert_eq!(created.status(), 200);
    let location = created.headers()["location"].to_str().unwrap().to_owned();
    let group_id = location
        .strip_prefix("/groups/")
        .expect("redirect to the group")
        .to_owned();
    let detail: serde_json::Value = server
        .call(&admin, "groups/get", &[("group_id", &group_id)])
        .await
        .json()
        .await
        .unwrap();
    let token = detail["invite_token"].as_str().unwrap().to_owned();
    assert_eq!(
        server
            .call(&member, "groups/join", &[("token", &token)])
            .await
            .status(),
        200
    );
    let member_id = user_id(server, &member).await;
    Cast {
        admin,
        member,
        member_id,
        outsider,
        anonymous: server.client(),
        group_id,
        token,
    }
}

async fn code_of(response: reqwest::Response) -> (u16, String) {
    let status = response.status().as_u16();
    let body: serde_json::Value = response.json().await.unwrap_or_default();
    (status, body["code"].as_str().unwrap_or("").to_owned())
}

#[tokio::test]
async fn admin_only_functions_refuse_everyone_else() {
    let server = TestServer::start().await;
    let cast = cast(&server).await;
    let g = cast.group_id.as_str();
    let m = cast.member_id.as_str();
    let functions: Vec<(&str, Vec<(&str, &str)>)> = vec![
        ("groups/rename", vec![("group_id", g), ("name", "Renamed")]),
        (
            "groups/joining",
            vec![("group_id", g), ("allowed", "false")],
        ),
        ("groups/own-prices", vec![("group_id", g), ("only", "true")]),
        ("groups/regenerate-invite", vec![("group_id", g)]),
        (
            "groups/admin-role",
            vec![("group_id", g), ("member_id", m), ("admin", "true")],
        ),
        (
            "groups/remove-member",
            vec![("group_id", g), ("member_id", m)],
        ),
    ];
    for (endpoint, form) in &functions {
        let expectations = [
            (&cast.anonymous, (401, "AUTH_REQUIRED")),
            (&cast.outsider, (404, "GROUP_NOT_FOUND")),
            (&cast.member, (403, "NOT_GROUP_ADMIN")),
        ];
        for (client, expected) in expectations {
            let got = code_of(server.call(client, endpoint, form).await).await;
            assert_eq!((got.0, got.1.as_str()), expected, "{endpoint}");
        }
    }
    // The admin may do each; removal last, since it ends the membership the others use.
    for (endpoint, form) in &functions {
        let response = server.call(&cast.admin, endpoint, form).await;
        assert_eq!(
            response.status(),
            200,
            "{endpoint}: {}",
            response.text().await.unwrap()
        );
        if *endpoint == "groups/admin-role" {
            let demote = [("group_id", g), ("member_id", m), ("admin", "false")];
            assert_eq!(
                server.call(&cast.admin, endpoint, &demote).await.status(),
                200
            );
        }
    }
}

#[tokio::test]
async fn reading_a_group_needs_membership_and_hides_it_from_others() {
    let server = TestServer::start().await;
    let cast = cast(&server).await;
    let form = [("group_id", cast.group_id.as_str())];
    assert_eq!(
        code_of(server.call(&cast.anonymous, "groups/get", &form).await).await,
        (401, "AUTH_REQUIRED".into())
    );
    assert_eq!(
        code_of(server.call(&cast.outsider, "groups/get", &form).await).await,
        (404, "GROUP_NOT_FOUND".into())
    );
    let unknown = [("group_id", "7f9c2ba4-e88f-11ee-8c90-0242ac120002")];
    assert_eq!(
        code_of(server.call(&cast.outsider, "groups/get", &unknown).await).await,
        (404, "GROUP_NOT_FOUND".into())
    );
    let detail: serde_json::Value = server
        .call(&cast.member, "groups/get", &form)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(detail["member_count"], 2);
    assert_eq!(detail["viewer_is_admin"], false);

    // The group page itself answers 404 to an outsider, and sends a visitor to log in.
    let page = cast
        .outsider
        .get(server.url(&format!("/groups/{}", cast.group_id)))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 404);
    let visitor = cast
        .anonymous
        .get(server.url(&format!("/groups/{}", cast.group_id)))
        .header("accept", "text/html")
        .send()
        .await
        .unwrap();
    assert_eq!(visitor.status(), 302);
    assert_eq!(
        visitor.headers()["location"],
        format!("/login?next=/groups/{}", cast.group_id)
    );
}

#[tokio::test]
async fn invite_links_preview_without_login_and_join_with_one() {
    let server = TestServer::start().await;
    let cast = cast(&server).await;
    let preview = server
        .call(&cast.anonymous, "groups/preview", &[("token", &cast.token)])
        .await;
    assert_eq!(preview.status(), 200);
    let preview: serde_json::Value = preview.json().await.unwrap();
    assert_eq!(
        (
            preview["group_name"].as_str(),
            preview["member_count"].as_i64()
        ),
        (Some("Test Friends"), Some(2))
    );

    let join = [("token", cast.token.as_str())];
    assert_eq!(
        code_of(server.call(&cast.anonymous, "groups/join", &join).await).await,
        (401, "AUTH_REQUIRED".into())
    );
    assert_eq!(
        code_of(server.call(&cast.member, "groups/join", &join).await).await,
        (409, "ALREADY_GROUP_MEMBER".into())
    );
    let bogus = [("token", "not-a-token")];
    assert_eq!(
        code_of(server.call(&cast.outsider, "groups/join", &bogus).await).await,
        (404, "INVITE_NOT_FOUND".into())
    );
    let joined = server.call(&cast.outsider, "groups/join", &join).await;
    assert_eq!(joined.status(), 200);
    assert_eq!(
        joined.headers()["location"],
        format!("/groups/{}", cast.group_id)
    );

    let page = cast
        .anonymous
        .get(server.url(&format!("/join/{}", cast.token)))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 200);
    assert!(page.text().await.unwrap().contains("Join Test Friends"));
    let bad_page = cast
        .anonymous
        .get(server.url("/join/nonsense"))
        .send()
        .await
        .unwrap();
    assert_eq!(bad_page.status(), 404);
}

#[tokio::test]
async fn leaving_is_for_members_and_the_last_admin_stays() {
    let server = TestServer::start().await;
    let cast = cast(&server).await;
    let form = [("group_id", cast.group_id.as_str())];
    assert_eq!(
        code_of(server.call(&cast.anonymous, "groups/leave", &form).await).await,
        (401, "AUTH_REQUIRED".into())
    );
    assert_eq!(
        code_of(server.call(&cast.outsider, "groups/leave", &form).await).await,
        (404, "GROUP_NOT_FOUND".into())
    );
    assert_eq!(
        code_of(server.call(&cast.admin, "groups/leave", &form).await).await,
        (409, "LAST_GROUP_ADMIN".into())
    );
    let left = server.call(&cast.member, "groups/leave", &form).await;
    assert_eq!(left.status(), 200);
    assert_eq!(left.headers()["location"], "/");
}

#[tokio::test]
async fn creating_a_group_checks_the_name_and_the_login() {
    let server = TestServer::start().await;
    let client = server.client();
    assert_eq!(
        code_of(
            server
                .call(&client, "groups/create", &[("name", "Fine name")])
                .await
        )
        .await,
        (401, "AUTH_REQUIRED".into())
    );
    server.register(&client, &unique_username("c")).await;
    assert_eq!(
        code_of(
            server
                .call(&client, "groups/create", &[("name", "<b>")])
                .await
        )
        .await,
        (422, "GROUP_NAME_INVALID".into())
    );
    let created = server
        .call(&client, "groups/create", &[("name", "Ручак у петак")])
        .await;
    assert_eq!(created.status(), 200);
    let mine: serde_json::Value = server
        .call(&client, "groups/mine", &[])
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(mine["items"][0]["name"], "Ручак у петак");
    assert_eq!(mine["total"], 1);
}
