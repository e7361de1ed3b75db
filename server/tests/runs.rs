//! Run server functions over HTTP, each for an anonymous visitor, someone outside the group, a
//! member, a participant, a helper and the leader.

mod support;

use std::time::Duration;

use support::{TestServer, stream_says, unique_username};

/// A server function's form fields, and one caller's expected (status, error code).
type Form<'a> = Vec<(&'a str, &'a str)>;
type Expected = (u16, &'static str);

async fn code_of(response: reqwest::Response) -> (u16, String) {
    let status = response.status().as_u16();
    let body: serde_json::Value = response.json().await.unwrap_or_default();
    (status, body["code"].as_str().unwrap_or("").to_owned())
}

struct Cast {
    anonymous: reqwest::Client,
    outsider: reqwest::Client,
    member: reqwest::Client,
    participant: reqwest::Client,
    helper: reqwest::Client,
    leader: reqwest::Client,
    group_id: String,
    store_id: String,
    product_id: String,
    run_id: String,
}

async fn registered(server: &TestServer, prefix: &str) -> (reqwest::Client, String) {
    let client = server.client();
    let name = unique_username(prefix);
    assert_eq!(server.register(&client, &name).await.status(), 200);
    (client, name)
}

fn id_after(response: &reqwest::Response, prefix: &str) -> String {
    let location = response.headers()["location"].to_str().unwrap();
    location.strip_prefix(prefix).expect(prefix).to_owned()
}

/// An active run: the leader opened it, the participant bid, the helper was made one.
async fn cast(server: &TestServer) -> Cast {
    let (leader, _) = registered(server, "leader").await;
    let (participant, _) = registered(server, "part").await;
    let (helper, helper_name) = registered(server, "help").await;
    let (member, _) = registered(server, "member").await;
    let (outsider, _) = registered(server, "out").await;
    let created = server
        .call(&leader, "groups/create", &[("name", "Run Friends")])
        .await;
    let group_id = id_after(&created, "/groups/");
    let detail: serde_json::Value = server
        .call(&leader, "groups/get", &[("group_id", &group_id)])
        .await
        .json()
        .await
        .unwrap();
    let token = detail["invite_token"].as_str().unwrap().to_owned();
    for client in [&participant, &helper, &member] {
        let joined = server
            .call(client, "groups/join", &[("token", &token)])
            .await;
        assert_eq!(joined.status(), 200);
    }
    let store = [
        ("name", "Test Costco"),
        ("address", ""),
        ("opening_hours", ""),
        ("notes", ""),
    ];
    let store_id = id_after(
        &server.call(&leader, "stores/create", &store).await,
        "/stores/",
    );
    let product = [("name", "Oats"), ("brand", ""), ("unit", "kg")];
    let product_id = id_after(
        &server.call(&leader, "products/create", &product).await,
        "/products/",
    );
    let run = [
        ("group_id", group_id.as_str()),
        ("store_id", store_id.as_str()),
        ("planned_on", ""),
        ("comment", ""),
    ];
    let created = server.call(&leader, "runs/create", &run).await;
    assert_eq!(created.status(), 200);
    let run_id = id_after(&created, "/runs/");
    let bid = [
        ("run_id", run_id.as_str()),
        ("product_id", product_id.as_str()),
        ("quantity", "1,5"),
    ];
    assert_eq!(
        server.call(&participant, "runs/bid", &bid).await.status(),
        200
    );
    server
        .sql(&format!(
            "INSERT INTO run_participants (run_id, user_id, is_helper) \
             SELECT '{run_id}', id, true FROM users WHERE username = '{helper_name}'"
        ))
        .await;
    Cast {
        anonymous: server.client(),
        outsider,
        member,
        participant,
        helper,
        leader,
        group_id,
        store_id,
        product_id,
        run_id,
    }
}

#[tokio::test]
async fn every_run_function_checks_who_is_calling() {
    let server = TestServer::start().await;
    let cast = cast(&server).await;
    let r = cast.run_id.as_str();
    let p = cast.product_id.as_str();
    let everyone = |c: &Cast| {
        [
            ("anonymous", c.anonymous.clone()),
            ("outsider", c.outsider.clone()),
            ("member", c.member.clone()),
            ("participant", c.participant.clone()),
            ("helper", c.helper.clone()),
            ("leader", c.leader.clone()),
        ]
    };
    // Expected (status, code) per caller, in the order of `everyone`. Functions that change the
    // run for everyone (confirm, cancel) are checked for refusals here and done last below.
    let forbidden_to_all_but_leader = [
        (401, "AUTH_REQUIRED"),
        (404, "RUN_NOT_FOUND"),
        (403, "NOT_RUN_LEADER"),
        (403, "NOT_RUN_LEADER"),
        (403, "NOT_RUN_LEADER"),
    ];
    let table: Vec<(&str, Form, Vec<Expected>)> = vec![
        (
            "runs/get",
            vec![("run_id", r)],
            vec![
                (401, "AUTH_REQUIRED"),
                (404, "RUN_NOT_FOUND"),
                (200, ""),
                (200, ""),
                (200, ""),
                (200, ""),
            ],
        ),
        (
            "runs/ready",
            vec![("run_id", r), ("ready", "true")],
            vec![
                (401, "AUTH_REQUIRED"),
                (404, "RUN_NOT_FOUND"),
                (403, "NOT_RUN_PARTICIPANT"),
                (200, ""),
                (200, ""),
                (409, "LEADER_IS_ALWAYS_READY"),
            ],
        ),
        (
            "runs/retract",
            vec![("run_id", r), ("product_id", p)],
            vec![
                (401, "AUTH_REQUIRED"),
                (404, "RUN_NOT_FOUND"),
                (403, "NOT_RUN_PARTICIPANT"),
                (200, ""),
                (404, "BID_NOT_FOUND"),
                (404, "BID_NOT_FOUND"),
            ],
        ),
        (
            // The bid form's "remove" button: the quantity is not read, the bid is retracted.
            "runs/bid",
            vec![
                ("run_id", r),
                ("product_id", p),
                ("quantity", "lots"),
                ("retract", "true"),
            ],
            vec![
                (401, "AUTH_REQUIRED"),
                (404, "RUN_NOT_FOUND"),
                (403, "NOT_RUN_PARTICIPANT"),
                (404, "BID_NOT_FOUND"),
                (404, "BID_NOT_FOUND"),
                (404, "BID_NOT_FOUND"),
            ],
        ),
        (
            "runs/bid",
            vec![("run_id", r), ("product_id", p), ("quantity", "2")],
            vec![
                (401, "AUTH_REQUIRED"),
                (404, "RUN_NOT_FOUND"),
                (200, ""),
                (200, ""),
                (200, ""),
                (200, ""),
            ],
        ),
        (
            "runs/reopen",
            vec![("run_id", r)],
            forbidden_to_all_but_leader
                .iter()
                .copied()
                .chain([(409, "RUN_STATE_FORBIDS")])
                .collect(),
        ),
    ];
    for (endpoint, form, expected) in &table {
        for ((who, client), (status, code)) in everyone(&cast).into_iter().zip(expected) {
            let got = code_of(server.call(&client, endpoint, form).await).await;
            assert_eq!(
                (got.0, got.1.as_str()),
                (*status, *code),
                "{endpoint} as {who}"
            );
        }
    }
    for endpoint in ["runs/confirm", "runs/cancel"] {
        let form = [("run_id", r)];
        for ((who, client), (status, code)) in
            everyone(&cast).into_iter().zip(forbidden_to_all_but_leader)
        {
            let got = code_of(server.call(&client, endpoint, &form).await).await;
            assert_eq!(
                (got.0, got.1.as_str()),
                (status, code),
                "{endpoint} as {who}"
            );
        }
    }
    let confirm = [("run_id", r)];
    assert_eq!(
        server
            .call(&cast.leader, "runs/confirm", &confirm)
            .await
            .status(),
        200
    );
    let bid = [("run_id", r), ("product_id", p), ("quantity", "3")];
    assert_eq!(
        code_of(server.call(&cast.participant, "runs/bid", &bid).await).await,
        (409, "RUN_STATE_FORBIDS".into()),
        "bids are frozen once confirmed"
    );
    assert_eq!(
        server
            .call(&cast.leader, "runs/reopen", &confirm)
            .await
            .status(),
        200
    );
    let cancel = [("run_id", r), ("reason", "Store closed")];
    assert_eq!(
        server
            .call(&cast.leader, "runs/cancel", &cancel)
            .await
            .status(),
        200
    );
    let run: serde_json::Value = server
        .call(&cast.member, "runs/get", &[("run_id", r)])
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(run["state"], "cancelled");
    assert_eq!(run["cancel_reason"], "Store closed");
}

#[tokio::test]
async fn opening_a_run_needs_membership_and_valid_input() {
    let server = TestServer::start().await;
    let cast = cast(&server).await;
    let run = |day: &'static str| {
        [
            ("group_id", cast.group_id.clone()),
            ("store_id", cast.store_id.clone()),
            ("planned_on", day.to_owned()),
            ("comment", String::new()),
        ]
    };
    let form = run("");
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(
        code_of(server.call(&cast.anonymous, "runs/create", &form).await).await,
        (401, "AUTH_REQUIRED".into())
    );
    assert_eq!(
        code_of(server.call(&cast.outsider, "runs/create", &form).await).await,
        (404, "GROUP_NOT_FOUND".into())
    );
    assert_eq!(
        server
            .call(&cast.member, "runs/create", &form)
            .await
            .status(),
        200
    );
    let bad_day = run("next friday");
    let bad_day: Vec<(&str, &str)> = bad_day.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(
        code_of(server.call(&cast.member, "runs/create", &bad_day).await).await,
        (422, "PLANNED_DATE_INVALID".into())
    );
    let bid = [
        ("run_id", cast.run_id.as_str()),
        ("product_id", cast.product_id.as_str()),
        ("quantity", "1.2345"),
    ];
    assert_eq!(
        code_of(server.call(&cast.member, "runs/bid", &bid).await).await,
        (422, "QUANTITY_INVALID".into())
    );
    let interested = [
        ("run_id", cast.run_id.as_str()),
        ("product_id", cast.product_id.as_str()),
        ("interested_only", "on"),
    ];
    let outcome: serde_json::Value = server
        .call(&cast.member, "runs/bid", &interested)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        outcome["total"], 1500,
        "interested bids add nothing: {outcome}"
    );

    // The run page answers 404 to someone outside the group, like a run that does not exist.
    let page = cast
        .outsider
        .get(server.url(&format!("/runs/{}", cast.run_id)))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 404);
    let page = cast
        .member
        .get(server.url(&format!("/runs/{}", cast.run_id)))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 200);
    assert!(page.text().await.unwrap().contains("Oats"));
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

#[tokio::test]
async fn only_the_leader_manages_helpers_and_hands_over() {
    let server = TestServer::start().await;
    let cast = cast(&server).await;
    let r = cast.run_id.as_str();
    let member = user_id(&server, &cast.member).await;
    let participant = user_id(&server, &cast.participant).await;
    let callers = [
        ("anonymous", &cast.anonymous, (401, "AUTH_REQUIRED")),
        ("outsider", &cast.outsider, (404, "RUN_NOT_FOUND")),
        ("member", &cast.member, (403, "NOT_RUN_LEADER")),
        ("participant", &cast.participant, (403, "NOT_RUN_LEADER")),
        ("helper", &cast.helper, (403, "NOT_RUN_LEADER")),
    ];
    let helper = [
        ("run_id", r),
        ("user_id", member.as_str()),
        ("helper", "true"),
    ];
    let transfer = [("run_id", r), ("to_user_id", participant.as_str())];
    for (endpoint, form) in [
        ("runs/helper", &helper[..]),
        ("runs/transfer", &transfer[..]),
    ] {
        for (who, client, (status, code)) in callers {
            let got = code_of(server.call(client, endpoint, form).await).await;
            assert_eq!(
                (got.0, got.1.as_str()),
                (status, code),
                "{endpoint} as {who}"
            );
        }
        let done = server.call(&cast.leader, endpoint, form).await;
        assert_eq!(done.status(), 200, "{endpoint} as leader");
    }
    let run: serde_json::Value = server
        .call(&cast.participant, "runs/get", &[("run_id", r)])
        .await
        .json()
        .await
        .unwrap();
    let request_id = run["pending_transfer"]["id"].as_str().unwrap().to_owned();
    let answer = [("request_id", request_id.as_str()), ("accept", "true")];
    assert_eq!(
        code_of(
            server
                .call(&cast.member, "runs/transfer-answer", &answer)
                .await
        )
        .await,
        (404, "TRANSFER_NOT_FOUND".into()),
        "only the one asked answers"
    );
    assert_eq!(
        server
            .call(&cast.participant, "runs/transfer-answer", &answer)
            .await
            .status(),
        200
    );
    let confirm = [("run_id", r)];
    assert_eq!(
        code_of(server.call(&cast.leader, "runs/confirm", &confirm).await).await,
        (403, "NOT_RUN_LEADER".into()),
        "the old leader is a participant now"
    );
    assert_eq!(
        server
            .call(&cast.participant, "runs/confirm", &confirm)
            .await
            .status(),
        200
    );
}

/// Expects each caller's (status, code) for one call.
async fn expect_each(
    server: &TestServer,
    endpoint: &str,
    form: &[(&str, &str)],
    callers: &[(&str, &reqwest::Client, Expected)],
) {
    for (who, client, (status, code)) in callers {
        let got = code_of(server.call(client, endpoint, form).await).await;
        assert_eq!(
            (got.0, got.1.as_str()),
            (*status, *code),
            "{endpoint} as {who}"
        );
    }
}

#[tokio::test]
async fn shopping_and_handing_out_check_who_is_calling() {
    let server = TestServer::start().await;
    let cast = cast(&server).await;
    let (r, p) = (cast.run_id.as_str(), cast.product_id.as_str());
    let run: serde_json::Value = server
        .call(&cast.leader, "runs/get", &[("run_id", r)])
        .await
        .json()
        .await
        .unwrap();
    let currency = run["currency"].as_str().unwrap().to_owned();
    let participant = user_id(&server, &cast.participant).await;
    let outside = [
        ("anonymous", &cast.anonymous, (401, "AUTH_REQUIRED")),
        ("outsider", &cast.outsider, (404, "RUN_NOT_FOUND")),
    ];
    let not_leader = |code: &'static str| {
        let mut callers = outside.to_vec();
        callers.extend([
            ("member", &cast.member, (403, code)),
            ("participant", &cast.participant, (403, code)),
        ]);
        callers
    };

    let run_only = [("run_id", r)];
    let mut start = not_leader("NOT_RUN_LEADER");
    start.push(("helper", &cast.helper, (403, "NOT_RUN_LEADER")));
    start.push(("leader", &cast.leader, (409, "RUN_STATE_FORBIDS")));
    expect_each(&server, "shopping/start", &run_only, &start).await;
    let confirmed = server.call(&cast.leader, "runs/confirm", &run_only).await;
    assert_eq!(confirmed.status(), 200);
    expect_each(
        &server,
        "shopping/start",
        &run_only,
        &[("leader", &cast.leader, (200, ""))],
    )
    .await;

    let mut list = outside.to_vec();
    list.push(("member", &cast.member, (200, "")));
    expect_each(&server, "shopping/list", &run_only, &list).await;

    let bought = [
        ("run_id", r),
        ("product_id", p),
        ("currency", currency.as_str()),
        ("quantity", "1.5"),
        ("total", "4.50"),
    ];
    let mut record = not_leader("NOT_RUN_LEADER_OR_HELPER");
    record.push(("helper", &cast.helper, (200, "")));
    record.push(("leader", &cast.leader, (409, "ITEM_ALREADY_RECORDED")));
    expect_each(&server, "shopping/record", &bought, &record).await;
    let mut correction = bought.to_vec();
    correction.push(("correcting", "on"));
    expect_each(
        &server,
        "shopping/record",
        &correction,
        &[("leader", &cast.leader, (200, ""))],
    )
    .await;

    let mut complete = not_leader("NOT_RUN_LEADER");
    complete.push(("helper", &cast.helper, (403, "NOT_RUN_LEADER")));
    expect_each(&server, "shopping/complete", &run_only, &complete).await;
    expect_each(
        &server,
        "shopping/complete",
        &run_only,
        &[("leader", &cast.leader, (200, ""))],
    )
    .await;

    let pick_up = [
        ("run_id", r),
        ("user_id", participant.as_str()),
        ("picked_up", "true"),
    ];
    let mut mark = not_leader("NOT_RUN_LEADER_OR_HELPER");
    mark.push(("helper", &cast.helper, (200, "")));
    expect_each(&server, "runs/pick-up", &pick_up, &mark).await;

    let mut finish = not_leader("NOT_RUN_LEADER");
    finish.push(("helper", &cast.helper, (403, "NOT_RUN_LEADER")));
    finish.push(("leader", &cast.leader, (200, "")));
    expect_each(&server, "runs/complete", &run_only, &finish).await;

    // The downloads: for those who run the run.
    let csv = format!("/runs/{r}/export.csv");
    for (who, client, status) in [
        ("anonymous", &cast.anonymous, 401),
        ("outsider", &cast.outsider, 404),
        ("participant", &cast.participant, 403),
        ("helper", &cast.helper, 200),
    ] {
        let got = client.get(server.url(&csv)).send().await.unwrap();
        assert_eq!(got.status(), status, "export as {who}");
        if status == 200 {
            let text = got.text().await.unwrap();
            assert!(
                text.contains(",1.5,false,1.5,in_full,3.00,4.50,true,1.5,1.5,4.50,"),
                "{text}"
            );
        }
    }
}

/// `/metrics` once the relay has counted at least one published event (it counts after its
/// commit, which can come just after the event reached a stream).
async fn published_metrics(server: &TestServer) -> String {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
    loop {
        let response = server
            .client()
            .get(server.url("/metrics"))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200);
        let text = response.text().await.unwrap();
        let published = !text.contains("\nbulq_live_events_published_total 0\n");
        if published || tokio::time::Instant::now() > deadline {
            return text;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn a_runs_live_events_reach_those_who_may_see_it_and_stop_when_they_leave() {
    let server = TestServer::start().await;
    let cast = cast(&server).await;
    let url = server.url(&format!("/events/runs/{}", cast.run_id));
    let status = |response: reqwest::Response| response.status().as_u16();
    assert_eq!(status(cast.anonymous.get(&url).send().await.unwrap()), 401);
    assert_eq!(status(cast.outsider.get(&url).send().await.unwrap()), 404);
    let nonsense = server.url("/events/runs/not-a-run");
    assert_eq!(
        status(cast.member.get(&nonsense).send().await.unwrap()),
        404
    );
    let elsewhere = cast
        .member
        .get(&url)
        .header("sec-fetch-site", "cross-site")
        .send()
        .await
        .unwrap();
    assert_eq!(status(elsewhere), 403, "another site's page may not listen");

    let group_url = server.url(&format!("/events/groups/{}", cast.group_id));
    assert_eq!(
        status(cast.outsider.get(&group_url).send().await.unwrap()),
        404
    );
    let mut group_stream = cast.member.get(&group_url).send().await.unwrap();
    assert_eq!(group_stream.status(), 200);
    let mut dashboard = cast
        .leader
        .get(server.url("/events/mine"))
        .send()
        .await
        .unwrap();
    assert_eq!(dashboard.status(), 200);

    let mut stream = cast.member.get(&url).send().await.unwrap();
    assert_eq!(stream.status(), 200);
    assert!(
        stream.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/event-stream")
    );
    let bid = [
        ("run_id", cast.run_id.as_str()),
        ("product_id", cast.product_id.as_str()),
        ("quantity", "4"),
    ];
    assert_eq!(
        server
            .call(&cast.participant, "runs/bid", &bid)
            .await
            .status(),
        200
    );
    assert!(
        stream_says(
            &mut stream,
            "\"kind\":\"bid_changed\"",
            Duration::from_secs(5)
        )
        .await,
        "the bid arrives"
    );
    for other in [&mut group_stream, &mut dashboard] {
        assert!(stream_says(other, "\"kind\":\"bid_changed\"", Duration::from_secs(5)).await);
    }

    // The operator's view: the relay published the bid and three streams are open.
    let metrics = published_metrics(&server).await;
    assert!(
        !metrics.contains("\nbulq_live_events_published_total 0\n"),
        "published events counted: {metrics}"
    );
    assert!(
        metrics.contains("\nbulq_live_open_streams 3\n"),
        "open streams counted: {metrics}"
    );
    assert!(metrics.contains("# TYPE bulq_live_events_published_total counter\n"));
    assert!(metrics.contains("\nbulq_live_publish_failures_total 0\n"));

    // Removed from the group, the member's stream says so and ends.
    let member = user_id(&server, &cast.member).await;
    let removed = server
        .call(
            &cast.leader,
            "groups/remove-member",
            &[("group_id", &cast.group_id), ("member_id", &member)],
        )
        .await;
    assert_eq!(removed.status(), 200);
    assert!(stream_says(&mut stream, "event: gone", Duration::from_secs(5)).await);
    let end = tokio::time::timeout(Duration::from_secs(5), stream.chunk()).await;
    assert!(matches!(end, Ok(Ok(None))), "the stream ended: {end:?}");
}

#[tokio::test]
async fn a_stopping_instance_closes_its_event_streams_cleanly_and_exits_quickly() {
    let mut server = TestServer::start().await;
    let cast = cast(&server).await;
    let url = server.url(&format!("/events/runs/{}", cast.run_id));
    let mut stream = cast.member.get(&url).send().await.unwrap();
    assert_eq!(stream.status(), 200);
    let started = std::time::Instant::now();
    server.stop();
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "SIGTERM to exit took {:?}",
        started.elapsed()
    );
    // Events already on their way (the run's own opening, relayed a few milliseconds after the
    // stream opened) may still arrive before the end.
    let end = tokio::time::timeout(Duration::from_secs(2), async {
        loop {
            match stream.chunk().await {
                Ok(Some(chunk)) if chunk.starts_with(b"id: ") => continue,
                other => return other,
            }
        }
    })
    .await;
    assert!(
        matches!(end, Ok(Ok(None))),
        "the stream ended cleanly, so the browser reconnects elsewhere: {end:?}"
    );
}

/// The most live streams one person holds on an instance (`realtime::stream`).
const MAX_STREAMS_PER_PERSON: usize = 50;

#[tokio::test]
async fn one_person_holds_a_bounded_number_of_live_streams() {
    let server = TestServer::start().await;
    let cast = cast(&server).await;
    let url = server.url("/events/mine");
    let mut open = Vec::new();
    for _ in 0..MAX_STREAMS_PER_PERSON {
        let stream = cast.member.get(&url).send().await.unwrap();
        assert_eq!(stream.status(), 200);
        open.push(stream);
    }
    let refused = cast.member.get(&url).send().await.unwrap();
    assert_eq!(refused.status(), 429);
    assert!(refused.text().await.unwrap().contains("TOO_MANY_STREAMS"));
    let leaders = cast.leader.get(&url).send().await.unwrap();
    assert_eq!(leaders.status(), 200, "someone else is not held back");

    // A closed tab frees its place once the instance next writes to it (any event will do).
    open.truncate(MAX_STREAMS_PER_PERSON - 1);
    let bid = [
        ("run_id", cast.run_id.as_str()),
        ("product_id", cast.product_id.as_str()),
        ("quantity", "2"),
    ];
    assert_eq!(
        server
            .call(&cast.participant, "runs/bid", &bid)
            .await
            .status(),
        200
    );
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    loop {
        let again = cast.member.get(&url).send().await.unwrap();
        if again.status() == 200 {
            break;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "the closed stream's place never came free"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn pack_choices_and_fairness_take_only_what_the_forms_offer() {
    let server = TestServer::start().await;
    let cast = cast(&server).await;
    let run_id = cast.run_id.as_str();
    let before = server
        .value("SELECT state || pack_fairness FROM runs")
        .await;
    // A fairness that is not one of the two, and a pack choice that names no product.
    let (status, code) = code_of(
        server
            .call(
                &cast.leader,
                "runs/edit",
                &[("run_id", run_id), ("pack_fairness", "loudest_first")],
            )
            .await,
    )
    .await;
    assert_eq!((status, code.as_str()), (422, "INVALID_INPUT"));
    let (status, code) = code_of(
        server
            .call(
                &cast.leader,
                "runs/confirm",
                &[("run_id", run_id), ("round_up[0]", "up")],
            )
            .await,
    )
    .await;
    assert_eq!((status, code.as_str()), (422, "INVALID_INPUT"));
    assert_eq!(
        server
            .value("SELECT state || pack_fairness FROM runs")
            .await,
        before,
        "nothing changed"
    );
    // What the forms send is taken.
    let edited = server
        .call(
            &cast.leader,
            "runs/edit",
            &[("run_id", run_id), ("pack_fairness", "first_come")],
        )
        .await;
    assert_eq!(edited.status(), 200);
    let confirmed = server
        .call(
            &cast.leader,
            "runs/confirm",
            &[("run_id", run_id), ("round_up[0]", "")],
        )
        .await;
    assert_eq!(confirmed.status(), 200);
    assert_eq!(
        server
            .value("SELECT state || pack_fairness FROM runs")
            .await,
        "confirmedfirst_come"
    );
}
