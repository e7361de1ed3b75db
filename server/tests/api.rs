//! The JSON API as a client uses it: a token made in the profile, bearer authentication (never
//! the cookie), read and write scopes, revocation, the one error body, safe retries with
//! `Idempotency-Key`, `ETag` polling, CORS, and a document that matches the handlers.

mod support;

use std::collections::BTreeSet;

use serde_json::{Value, json};
use std::time::Duration;

use support::{TestServer, stream_says, unique_username};

const ORIGIN: &str = "https://app.bulq.example";

async fn start() -> TestServer {
    TestServer::start_with(&[("BULQ_ALLOWED_ORIGINS", ORIGIN)]).await
}

/// A registered person with a browser session and a token of `scope`.
struct Person {
    browser: reqwest::Client,
    name: String,
    token: String,
}

async fn person(server: &TestServer, prefix: &str, scope: &str) -> Person {
    let browser = server.client();
    let name = unique_username(prefix);
    assert_eq!(server.register(&browser, &name).await.status(), 200);
    let token = make_token(server, &browser, scope).await;
    Person {
        browser,
        name,
        token,
    }
}

async fn make_token(server: &TestServer, browser: &reqwest::Client, scope: &str) -> String {
    let made = server
        .call(
            browser,
            "api-tokens/create",
            &[
                ("name", "Test phone"),
                ("scope", scope),
                ("lifetime_days", "30"),
            ],
        )
        .await;
    assert_eq!(made.status(), 200);
    let fresh: Value = read(server, browser, "api-tokens/take-new").await;
    let token = fresh["secret"]
        .as_str()
        .expect("the new token, once")
        .to_owned();
    let again: Value = read(server, browser, "api-tokens/take-new").await;
    assert!(again.is_null(), "a token is shown once: {again}");
    token
}

fn api(
    server: &TestServer,
    method: reqwest::Method,
    path: &str,
    token: &str,
) -> reqwest::RequestBuilder {
    reqwest::Client::new()
        .request(method, server.url(&format!("/api/v1{path}")))
        .bearer_auth(token)
}

async fn body(response: reqwest::Response) -> (u16, Value) {
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

async fn answer(request: reqwest::RequestBuilder) -> (u16, Value) {
    body(request.send().await.unwrap()).await
}

/// A server function's JSON answer for the browser `client`.
async fn read(server: &TestServer, client: &reqwest::Client, endpoint: &str) -> Value {
    server
        .call(client, endpoint, &[])
        .await
        .json()
        .await
        .unwrap()
}

fn assert_problem(body: &Value, code: &str) {
    assert_eq!(body["code"], code, "{body}");
    assert!(
        body["message"].as_str().is_some_and(|m| !m.is_empty()),
        "{body}"
    );
    assert!(body["details"].is_object(), "{body}");
    assert!(body.get("request_id").is_some(), "{body}");
}

/// A group with a store, a product and a planned run, led by `leader`; returns (run, product).
async fn run_of(server: &TestServer, leader: &Person, members: &[&Person]) -> (String, String) {
    let id_after = |response: &reqwest::Response, prefix: &str| {
        let location = response.headers()["location"].to_str().unwrap().to_owned();
        location.strip_prefix(prefix).expect(prefix).to_owned()
    };
    let created = server
        .call(&leader.browser, "groups/create", &[("name", "Api Friends")])
        .await;
    let group_id = id_after(&created, "/groups/");
    let detail: Value = server
        .call(&leader.browser, "groups/get", &[("group_id", &group_id)])
        .await
        .json()
        .await
        .unwrap();
    let invite = detail["invite_token"].as_str().unwrap().to_owned();
    for member in members {
        let joined = server
            .call(&member.browser, "groups/join", &[("token", &invite)])
            .await;
        assert_eq!(joined.status(), 200);
    }
    let store = [
        ("name", "Api Costco"),
        ("address", ""),
        ("opening_hours", ""),
        ("notes", ""),
    ];
    let store_id = id_after(
        &server.call(&leader.browser, "stores/create", &store).await,
        "/stores/",
    );
    let product = [("name", "Rice"), ("brand", ""), ("unit", "kg")];
    let product_id = id_after(
        &server
            .call(&leader.browser, "products/create", &product)
            .await,
        "/products/",
    );
    let run = [
        ("group_id", group_id.as_str()),
        ("store_id", store_id.as_str()),
        ("planned_on", ""),
        ("comment", ""),
    ];
    let run_id = id_after(
        &server.call(&leader.browser, "runs/create", &run).await,
        "/runs/",
    );
    (run_id, product_id)
}

#[tokio::test]
async fn a_token_made_in_the_profile_works_until_it_is_revoked() {
    let server = start().await;
    let me = person(&server, "apime", "read").await;
    assert!(me.token.starts_with("bulq_pat_"), "{}", me.token);

    let (status, who) = answer(api(&server, reqwest::Method::GET, "/me", &me.token)).await;
    assert_eq!(status, 200, "{who}");
    assert_eq!(who["username"], me.name.as_str());
    assert_eq!(who["token_scope"], "read");

    // An app may change the profile's name, language and time zone (with a write token).
    let writer = person(&server, "apiprofile", "write").await;
    let (status, changed) = answer(
        api(&server, reqwest::Method::PUT, "/me/language", &writer.token)
            .json(&json!({ "language": "sr-Latn" })),
    )
    .await;
    assert_eq!(
        (status, changed["language"].as_str()),
        (200, Some("sr-Latn")),
        "{changed}"
    );
    let (status, refused) = answer(
        api(
            &server,
            reqwest::Method::PUT,
            "/me/time-zone",
            &writer.token,
        )
        .json(&json!({ "time_zone": "Mars/Olympus" })),
    )
    .await;
    assert_eq!(status, 422);
    assert_problem(&refused, "TIME_ZONE_INVALID");
    assert!(
        refused["message"].as_str().unwrap().contains("zon"),
        "in Serbian: {refused}"
    );

    // Only the token's hash is stored.
    let stored = server
        .value(&format!(
            "SELECT count(*) FROM api_tokens WHERE token_hash = sha256('{}'::bytea)",
            me.token
        ))
        .await;
    assert_eq!(stored, "1");

    // Neither no token, a wrong one, nor the browser's session cookie opens the API.
    let anonymous = reqwest::Client::new()
        .get(server.url("/api/v1/me"))
        .send()
        .await
        .unwrap();
    assert_eq!(anonymous.headers()["www-authenticate"], "Bearer");
    let (status, refused) = body(anonymous).await;
    assert_eq!(status, 401);
    assert_problem(&refused, "TOKEN_INVALID");
    let (status, refused) =
        answer(api(&server, reqwest::Method::GET, "/me", "bulq_pat_wrong")).await;
    assert_eq!(status, 401);
    assert_problem(&refused, "TOKEN_INVALID");
    let (status, _) = answer(me.browser.get(server.url("/api/v1/me"))).await;
    assert_eq!(
        status, 401,
        "a cookie session does not authenticate the API"
    );

    // A read token cannot change anything.
    let (status, refused) = answer(api(
        &server,
        reqwest::Method::POST,
        "/notifications/read-all",
        &me.token,
    ))
    .await;
    assert_eq!(status, 403);
    assert_problem(&refused, "TOKEN_SCOPE_FORBIDS");

    // The profile lists it, with its last use; revoking it refuses the very next call.
    let tokens: Value = read(&server, &me.browser, "api-tokens").await;
    assert_eq!(tokens.as_array().map(Vec::len), Some(1), "{tokens}");
    assert!(tokens[0]["last_used_at"].is_string(), "{tokens}");
    assert!(tokens[0].get("secret").is_none() && tokens[0].get("token_hash").is_none());
    let id = tokens[0]["id"].as_str().unwrap();
    let revoked = server
        .call(&me.browser, "api-tokens/revoke", &[("token_id", id)])
        .await;
    assert_eq!(revoked.status(), 200);
    let (status, refused) = answer(api(&server, reqwest::Method::GET, "/me", &me.token)).await;
    assert_eq!(status, 401);
    assert_problem(&refused, "TOKEN_INVALID");

    // Someone else's token cannot be revoked by id.
    let other = person(&server, "apiother", "read").await;
    let theirs: Value = read(&server, &other.browser, "api-tokens").await;
    let their_id = theirs[0]["id"].as_str().unwrap();
    let refused = server
        .call(&me.browser, "api-tokens/revoke", &[("token_id", their_id)])
        .await;
    assert_eq!(refused.status(), 404);
    let (status, _) = answer(api(&server, reqwest::Method::GET, "/me", &other.token)).await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn a_bid_replayed_with_one_key_is_placed_once() {
    let server = start().await;
    let leader = person(&server, "apilead", "write").await;
    let bidder = person(&server, "apibid", "write").await;
    let (run_id, product_id) = run_of(&server, &leader, &[&bidder]).await;
    let path = format!("/runs/{run_id}/bids/{product_id}");
    let revision_sql =
        format!("SELECT coalesce(sum(changes), 0) FROM run_revisions WHERE run_id = '{run_id}'");
    let revision = || server.value(&revision_sql);
    let before = revision().await;

    let send = |quantity: &'static str| {
        api(&server, reqwest::Method::PUT, &path, &bidder.token)
            .header("idempotency-key", "bid-once-7f3a")
            .json(&json!({ "quantity": quantity }))
            .send()
    };
    let answers = futures_util::future::join_all((0..10).map(|_| send("2.5"))).await;
    let mut placed = 0;
    for answer in answers {
        let (status, value) = body(answer.unwrap()).await;
        match status {
            200 => {
                assert_eq!(value["total"], "2.5", "{value}");
                placed += 1;
            }
            409 => assert_problem(&value, "IDEMPOTENCY_KEY_IN_PROGRESS"),
            other => panic!("{other}: {value}"),
        }
    }
    assert!(placed >= 1);
    let bids = server
        .value(&format!(
            "SELECT count(*) FROM bids WHERE run_id = '{run_id}'"
        ))
        .await;
    assert_eq!(bids, "1");
    let after_batch = revision().await;
    assert_ne!(after_batch, before, "the bid changed the run");

    // A later repeat gets the first answer, marked, without touching the run.
    let repeat = send("2.5").await.unwrap();
    assert_eq!(repeat.headers()["idempotent-replayed"], "true");
    assert_eq!(body(repeat).await.1["total"], "2.5");
    assert_eq!(revision().await, after_batch);

    // The same key for a different request is refused.
    let (status, refused) = body(send("3").await.unwrap()).await;
    assert_eq!(status, 422);
    assert_problem(&refused, "IDEMPOTENCY_KEY_REUSED");
    let quantity = server
        .value(&format!(
            "SELECT quantity::text FROM bids WHERE run_id = '{run_id}'"
        ))
        .await;
    assert_eq!(quantity, "2.500");

    // The run answers with an ETag; asking again with it costs no body.
    let first = api(
        &server,
        reqwest::Method::GET,
        &format!("/runs/{run_id}"),
        &bidder.token,
    )
    .send()
    .await
    .unwrap();
    let etag = first.headers()["etag"].to_str().unwrap().to_owned();
    let (status, run) = body(first).await;
    assert_eq!(status, 200);
    assert_eq!(run["state"], "active");
    assert_eq!(run["your_role"], "participant");
    assert!(
        run["actions"]
            .as_array()
            .unwrap()
            .contains(&json!("place_bid")),
        "{run}"
    );
    assert_eq!(run["products"][0]["bids"][0]["quantity"], "2.5");
    let unchanged = api(
        &server,
        reqwest::Method::GET,
        &format!("/runs/{run_id}"),
        &bidder.token,
    )
    .header("if-none-match", &etag)
    .send()
    .await
    .unwrap();
    assert_eq!(unchanged.status(), 304);
    assert!(unchanged.bytes().await.unwrap().is_empty());
    let retract = api(&server, reqwest::Method::DELETE, &path, &bidder.token)
        .send()
        .await
        .unwrap();
    assert_eq!(retract.status(), 200);
    let changed = api(
        &server,
        reqwest::Method::GET,
        &format!("/runs/{run_id}"),
        &bidder.token,
    )
    .header("if-none-match", &etag)
    .send()
    .await
    .unwrap();
    assert_eq!(changed.status(), 200);

    // An outsider's token sees nothing of the run and changes nothing.
    let outsider = person(&server, "apiout", "write").await;
    let (status, refused) = answer(
        api(&server, reqwest::Method::PUT, &path, &outsider.token)
            .json(&json!({ "quantity": "1" })),
    )
    .await;
    assert_eq!(status, 404, "{refused}");
    assert_problem(&refused, "RUN_NOT_FOUND");
    let (status, _) = answer(api(
        &server,
        reqwest::Method::GET,
        &format!("/runs/{run_id}"),
        &outsider.token,
    ))
    .await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn every_documented_call_is_served_and_answers_as_documented() {
    let server = start().await;
    let me = person(&server, "apidoc", "write").await;
    let document: Value = reqwest::get(server.url("/api/v1/openapi.json"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(document["openapi"].as_str().unwrap().starts_with("3."));
    let codes: BTreeSet<&str> = document["components"]["schemas"]["StableCode"]["enum"]
        .as_array()
        .expect("the stable codes are documented")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(codes.contains("TOKEN_INVALID") && codes.contains("RUN_STATE_FORBIDS"));

    let nil = "00000000-0000-0000-0000-000000000000";
    let paths = document["paths"].as_object().unwrap();
    assert!(paths.len() >= 10, "{}", paths.len());
    for (path, operations) in paths {
        for (method, operation) in operations.as_object().unwrap() {
            let concrete = path
                .split('/')
                .map(|part| if part.starts_with('{') { nil } else { part })
                .collect::<Vec<_>>()
                .join("/");
            let method = reqwest::Method::from_bytes(method.to_uppercase().as_bytes()).unwrap();
            let mut request = api(&server, method.clone(), &concrete, &me.token);
            if operation.get("requestBody").is_some() {
                request = request.json(&json!({}));
            }
            let response = request.send().await.unwrap();
            let streams = response
                .headers()
                .get("content-type")
                .is_some_and(|t| t.to_str().unwrap().starts_with("text/event-stream"));
            let (status, value) = if streams {
                (response.status().as_u16(), Value::Null)
            } else {
                body(response).await
            };
            let documented = operation["responses"]
                .as_object()
                .unwrap()
                .contains_key(&status.to_string());
            assert!(
                documented,
                "{method} {path}: {status} is not documented: {value}"
            );
            assert_ne!(value["code"], "NOT_FOUND", "{method} {path} is not served");
            assert_ne!(status, 405, "{method} {path}");
        }
    }
    let (status, missing) = answer(api(
        &server,
        reqwest::Method::GET,
        "/nothing-here",
        &me.token,
    ))
    .await;
    assert_eq!(status, 404);
    assert_problem(&missing, "NOT_FOUND");

    let reference = reqwest::get(server.url("/api/v1/docs/")).await.unwrap();
    assert_eq!(reference.status(), 200);
    assert!(reference.text().await.unwrap().contains("swagger"));
}

#[tokio::test]
async fn browsers_may_call_only_from_the_allowed_origins() {
    let server = start().await;
    let preflight = |origin: &'static str| {
        reqwest::Client::new()
            .request(reqwest::Method::OPTIONS, server.url("/api/v1/me"))
            .header("origin", origin)
            .header("access-control-request-method", "PUT")
            .header(
                "access-control-request-headers",
                "authorization, idempotency-key",
            )
            .send()
    };
    let allowed = preflight(ORIGIN).await.unwrap();
    assert!(allowed.status().is_success());
    assert_eq!(allowed.headers()["access-control-allow-origin"], ORIGIN);
    assert!(
        allowed
            .headers()
            .get("access-control-allow-credentials")
            .is_none()
    );
    let methods = allowed.headers()["access-control-allow-methods"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(methods.contains("PUT"), "{methods}");
    let elsewhere = preflight("https://evil.example").await.unwrap();
    assert!(
        elsewhere
            .headers()
            .get("access-control-allow-origin")
            .is_none()
    );

    // A cross-site write with a token is not refused as CSRF: there is no cookie to forge.
    let me = person(&server, "apicors", "write").await;
    let answer = api(
        &server,
        reqwest::Method::POST,
        "/notifications/read-all",
        &me.token,
    )
    .header("origin", ORIGIN)
    .header("sec-fetch-site", "cross-site")
    .send()
    .await
    .unwrap();
    assert_eq!(answer.status(), 204);
    assert_eq!(answer.headers()["access-control-allow-origin"], ORIGIN);
}

#[tokio::test]
async fn a_whole_run_is_driven_through_the_api() {
    let server = start().await;
    let leader = person(&server, "apiwhole", "write").await;
    let friend = person(&server, "apifriend", "write").await;
    let (first_run, product_id) = run_of(&server, &leader, &[&friend]).await;
    let send = |who: &Person, method: reqwest::Method, path: String, payload: Value| {
        api(&server, method, &path, &who.token)
            .header("idempotency-key", uuid::Uuid::new_v4().to_string())
            .json(&payload)
    };
    let run: Value = answer(api(
        &server,
        reqwest::Method::GET,
        &format!("/runs/{first_run}"),
        &leader.token,
    ))
    .await
    .1;
    let group_id = run["group_id"].as_str().unwrap().to_owned();
    let store_id = run["store_id"].as_str().unwrap().to_owned();

    // The leader opens a run by the API; the friend finds it in the group and bids.
    let (status, created) = answer(send(
        &leader,
        reqwest::Method::POST,
        format!("/groups/{group_id}/runs"),
        json!({ "store_id": store_id, "comment": "Saturday" }),
    ))
    .await;
    assert_eq!(status, 201, "{created}");
    let run_id = created["id"].as_str().unwrap().to_owned();
    let (_, runs) = answer(api(
        &server,
        reqwest::Method::GET,
        &format!("/groups/{group_id}/runs"),
        &friend.token,
    ))
    .await;
    assert!(
        runs["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["id"] == run_id.as_str())
    );
    // A product the catalogue lacks is added, and a store too.
    let (status, added) = answer(send(
        &friend,
        reqwest::Method::POST,
        "/products".to_owned(),
        json!({ "name": "Api oats", "unit": "kg" }),
    ))
    .await;
    assert_eq!(status, 201, "{added}");
    let (status, added) = answer(send(
        &friend,
        reqwest::Method::POST,
        "/stores".to_owned(),
        json!({ "name": "Api market" }),
    ))
    .await;
    assert_eq!(status, 201, "{added}");
    let (status, refused) = answer(send(
        &friend,
        reqwest::Method::POST,
        "/stores".to_owned(),
        json!({ "name": " " }),
    ))
    .await;
    assert_eq!(status, 422);
    assert_problem(&refused, "STORE_NAME_INVALID");
    // A price seen on the shelf, recorded and read back.
    let (_, product) = answer(api(
        &server,
        reqwest::Method::GET,
        &format!("/products/{product_id}"),
        &friend.token,
    ))
    .await;
    let record_currency = product["record_currency"].as_str().unwrap().to_owned();
    let (status, recorded) = answer(send(
        &friend,
        reqwest::Method::POST,
        format!("/products/{product_id}/prices"),
        json!({ "store_id": store_id, "amount_minor": 289, "currency": record_currency }),
    ))
    .await;
    assert_eq!(status, 201, "{recorded}");
    let (_, product) = answer(api(
        &server,
        reqwest::Method::GET,
        &format!("/products/{product_id}"),
        &leader.token,
    ))
    .await;
    assert_eq!(
        product["current_prices"][0]["amount_minor"], 289,
        "{product}"
    );
    let (_, history) = answer(api(
        &server,
        reqwest::Method::GET,
        &format!("/products/{product_id}/prices?limit=1"),
        &leader.token,
    ))
    .await;
    assert_eq!(
        history["items"].as_array().map(Vec::len),
        Some(1),
        "{history}"
    );
    let (status, refused) = answer(send(
        &friend,
        reqwest::Method::POST,
        format!("/products/{product_id}/prices"),
        json!({ "store_id": store_id, "amount_minor": 289, "currency": "XXX" }),
    ))
    .await;
    assert_eq!(status, 422);
    assert_problem(&refused, "CURRENCY_INVALID");
    let (_, hits) = answer(api(
        &server,
        reqwest::Method::GET,
        "/search?q=rice",
        &friend.token,
    ))
    .await;
    assert_eq!(hits["items"][0]["kind"], "product", "{hits}");
    for (who, quantity) in [(&leader, "1"), (&friend, "2.5")] {
        let (status, bid) = answer(send(
            who,
            reqwest::Method::PUT,
            format!("/runs/{run_id}/bids/{product_id}"),
            json!({ "quantity": quantity }),
        ))
        .await;
        assert_eq!(status, 200, "{bid}");
    }
    let (status, _) = answer(send(
        &friend,
        reqwest::Method::PUT,
        format!("/runs/{run_id}/ready"),
        json!({ "ready": true }),
    ))
    .await;
    assert_eq!(status, 204);

    // Only the leader moves it on, and only as the state machine allows.
    let (status, refused) = answer(send(
        &friend,
        reqwest::Method::POST,
        format!("/runs/{run_id}/confirm"),
        json!({}),
    ))
    .await;
    assert_eq!(status, 403, "{refused}");
    let (status, refused) = answer(send(
        &leader,
        reqwest::Method::POST,
        format!("/runs/{run_id}/shopping/start"),
        json!({}),
    ))
    .await;
    assert_eq!(
        (status, refused["code"].as_str()),
        (409, Some("RUN_STATE_FORBIDS"))
    );
    for step in ["confirm", "shopping/start"] {
        let (status, moved) = answer(send(
            &leader,
            reqwest::Method::POST,
            format!("/runs/{run_id}/{step}"),
            json!({}),
        ))
        .await;
        assert_eq!(status, 200, "{step}: {moved}");
    }
    let (_, list) = answer(api(
        &server,
        reqwest::Method::GET,
        &format!("/runs/{run_id}/shopping"),
        &leader.token,
    ))
    .await;
    assert_eq!(list["items"][0]["requested"], "3.5", "{list}");
    let currency = list["currency"].as_str().unwrap().to_owned();
    let (status, recorded) = answer(send(
        &leader,
        reqwest::Method::PUT,
        format!("/runs/{run_id}/shopping/{product_id}"),
        json!({ "currency": currency, "quantity": "3.5", "total_minor": 1000 }),
    ))
    .await;
    assert_eq!(status, 204, "{recorded}");
    let (status, moved) = answer(send(
        &leader,
        reqwest::Method::POST,
        format!("/runs/{run_id}/shopping/complete"),
        json!({}),
    ))
    .await;
    assert_eq!(
        (status, moved["state"].as_str()),
        (200, Some("distributing")),
        "{moved}"
    );

    // Each owes their exact share of the 10.00 paid; the pennies add up.
    let (_, shares) = answer(api(
        &server,
        reqwest::Method::GET,
        &format!("/runs/{run_id}/shares"),
        &friend.token,
    ))
    .await;
    let people = shares["people"].as_array().unwrap();
    let owed: i64 = people
        .iter()
        .map(|p| p["total_minor"].as_i64().unwrap())
        .sum();
    assert_eq!(owed, 1000, "{shares}");
    let friend_share = people
        .iter()
        .find(|p| p["shares"][0]["quantity"] == "2.5")
        .unwrap();
    assert_eq!(friend_share["total_minor"], 714, "{shares}");
    for person in people {
        let user_id = person["user_id"].as_str().unwrap();
        let (status, picked) = answer(send(
            &leader,
            reqwest::Method::PUT,
            format!("/runs/{run_id}/pick-ups/{user_id}"),
            json!({ "picked_up": true }),
        ))
        .await;
        assert_eq!(status, 204, "{picked}");
    }
    let (status, moved) = answer(send(
        &leader,
        reqwest::Method::POST,
        format!("/runs/{run_id}/complete"),
        json!({}),
    ))
    .await;
    assert_eq!(
        (status, moved["state"].as_str()),
        (200, Some("completed")),
        "{moved}"
    );
}

#[tokio::test]
async fn a_token_streams_live_events_until_it_is_revoked() {
    let server = start().await;
    let leader = person(&server, "apilive", "write").await;
    let watcher = person(&server, "apiwatch", "read").await;
    let (run_id, product_id) = run_of(&server, &leader, &[&watcher]).await;
    let mut stream = api(
        &server,
        reqwest::Method::GET,
        &format!("/runs/{run_id}/events"),
        &watcher.token,
    )
    .send()
    .await
    .unwrap();
    assert_eq!(stream.status(), 200);
    let (status, _) = answer(
        api(
            &server,
            reqwest::Method::PUT,
            &format!("/runs/{run_id}/bids/{product_id}"),
            &leader.token,
        )
        .json(&json!({ "quantity": "4" })),
    )
    .await;
    assert_eq!(status, 200);
    assert!(stream_says(&mut stream, "bid_changed", Duration::from_secs(10)).await);

    // An outsider's token cannot watch the run.
    let outsider = person(&server, "apinosy", "read").await;
    let (status, refused) = answer(api(
        &server,
        reqwest::Method::GET,
        &format!("/runs/{run_id}/events"),
        &outsider.token,
    ))
    .await;
    assert_eq!(status, 404);
    assert_problem(&refused, "RUN_NOT_FOUND");

    // Revoking the token ends its stream at once.
    let tokens = read(&server, &watcher.browser, "api-tokens").await;
    let id = tokens[0]["id"].as_str().unwrap();
    let revoked = server
        .call(&watcher.browser, "api-tokens/revoke", &[("token_id", id)])
        .await;
    assert_eq!(revoked.status(), 200);
    assert!(stream_says(&mut stream, "gone", Duration::from_secs(10)).await);
}
