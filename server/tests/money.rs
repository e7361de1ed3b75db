//! Money over HTTP: every money server function × {anonymous, someone outside the group, a
//! member who is neither payer nor receiver}, each refused with its stable code and changing
//! nothing; the same calls by the people they concern succeed.

mod support;

use support::{TestServer, unique_username};

async fn code_of(response: reqwest::Response) -> (u16, String) {
    let status = response.status().as_u16();
    let body: serde_json::Value = response.json().await.unwrap_or_default();
    (status, body["code"].as_str().unwrap_or("").to_owned())
}

/// A logged-in client and its user id.
async fn person(server: &TestServer) -> (reqwest::Client, String) {
    let client = server.client();
    let username = unique_username("m");
    assert_eq!(server.register(&client, &username).await.status(), 200);
    let id = server
        .value(&format!(
            "SELECT id FROM users WHERE username = '{username}'"
        ))
        .await;
    (client, id)
}

/// What a money call could change, to compare before and after refused calls.
async fn money_state(server: &TestServer) -> Vec<String> {
    let mut state = Vec::new();
    for sql in [
        "SELECT count(*) || ':' || coalesce(string_agg(state, ',' ORDER BY id), '') FROM settlements",
        "SELECT coalesce(string_agg(user_id || '=' || amount_minor, ',' ORDER BY user_id), '') FROM run_payers",
        "SELECT count(*) FROM notifications",
        "SELECT count(*) FROM run_extra_costs",
    ] {
        state.push(format!("{sql} = {}", server.value(sql).await));
    }
    state
}

/// A server function, its arguments, and the codes an outsider and a member get ("" for 200).
type Call<'a> = (&'a str, Vec<(&'a str, &'a str)>, &'a str, &'a str);

#[tokio::test]
async fn money_functions_refuse_whom_they_do_not_concern_and_change_nothing() {
    let server = TestServer::start().await;
    let (leader, leader_id) = person(&server).await;
    let (payer, payer_id) = person(&server).await;
    let (member, _) = person(&server).await;
    let (outsider, _) = person(&server).await;
    let anonymous = server.client();
    assert_eq!(
        server
            .call(&leader, "groups/create", &[("name", "Money Friends")])
            .await
            .status(),
        200
    );
    let group = server.value("SELECT id FROM groups").await;
    let token = server.value("SELECT invite_token FROM groups").await;
    for client in [&payer, &member] {
        let joined = server
            .call(client, "groups/join", &[("token", token.as_str())])
            .await;
        assert_eq!(joined.status(), 200);
    }
    // A run being handed out: the payer owes the leader 10.00, and says they paid 4.00 of it.
    for statement in [
        format!("INSERT INTO stores (name, created_by) VALUES ('Till', '{leader_id}')"),
        format!(
            "INSERT INTO runs (group_id, store_id, state) \
             SELECT '{group}', id, 'distributing' FROM stores"
        ),
        format!(
            "INSERT INTO run_participants (run_id, user_id, is_leader) \
             SELECT id, '{leader_id}', true FROM runs"
        ),
        format!("INSERT INTO run_participants (run_id, user_id) SELECT id, '{payer_id}' FROM runs"),
        format!("INSERT INTO products (name, created_by) VALUES ('Oil', '{leader_id}')"),
        "INSERT INTO shopping_items (run_id, product_id, requested, purchased, unit_price_minor, \
                                     total_minor, currency, purchase_order) \
         SELECT r.id, p.id, 1, 1, 1000, 1000, 'EUR', 1 FROM runs r, products p"
            .to_owned(),
        format!(
            "INSERT INTO run_payers (run_id, user_id, amount_minor, currency) \
             SELECT id, '{leader_id}', 1000, 'EUR' FROM runs"
        ),
        format!(
            "INSERT INTO settlements (group_id, from_user, to_user, amount_minor, currency, \
                                      recorded_by) \
             VALUES ('{group}', '{payer_id}', '{leader_id}', 400, 'EUR', '{payer_id}')"
        ),
    ] {
        server.sql(&statement).await;
    }
    let run = server.value("SELECT id FROM runs").await;
    let settlement = server.value("SELECT id FROM settlements").await;
    let (g, r, s) = (group.as_str(), run.as_str(), settlement.as_str());
    let (from, to) = (payer_id.as_str(), leader_id.as_str());

    // (function, arguments, outsider's code, member's code); anonymous is always AUTH_REQUIRED.
    let calls: Vec<Call> = vec![
        ("money/group", vec![("group_id", g)], "GROUP_NOT_FOUND", ""),
        (
            "money/statement",
            vec![("group_id", g), ("member_id", from)],
            "GROUP_NOT_FOUND",
            "",
        ),
        ("money/run-payers", vec![("run_id", r)], "RUN_NOT_FOUND", ""),
        (
            "money/set-payers",
            vec![
                ("run_id", r),
                ("currency", "EUR"),
                ("payer[0]", from),
                ("amount[0]", "10.00"),
            ],
            "RUN_NOT_FOUND",
            "NOT_RUN_LEADER_OR_HELPER",
        ),
        (
            "money/add-cost",
            vec![
                ("run_id", r),
                ("currency", "EUR"),
                ("label", "Fuel"),
                ("amount", "3.00"),
                ("paid_by", from),
                ("split", "equally"),
            ],
            "RUN_NOT_FOUND",
            "NOT_RUN_LEADER_OR_HELPER",
        ),
        (
            "money/remove-cost",
            vec![("run_id", r), ("cost_id", s)],
            "RUN_NOT_FOUND",
            "NOT_RUN_LEADER_OR_HELPER",
        ),
        (
            "money/repay",
            vec![
                ("group_id", g),
                ("from", from),
                ("to", to),
                ("currency", "EUR"),
                ("amount", "1.00"),
            ],
            "NOT_YOUR_SETTLEMENT",
            "NOT_YOUR_SETTLEMENT",
        ),
        (
            "money/confirm",
            vec![("settlement_id", s)],
            "SETTLEMENT_NOT_FOUND",
            "NOT_YOUR_SETTLEMENT",
        ),
        (
            "money/withdraw",
            vec![("settlement_id", s)],
            "SETTLEMENT_NOT_FOUND",
            "NOT_YOUR_SETTLEMENT",
        ),
    ];
    let before = money_state(&server).await;
    for (function, arguments, outsider_code, member_code) in &calls {
        let (status, code) = code_of(server.call(&anonymous, function, arguments).await).await;
        assert_eq!(
            (status, code.as_str()),
            (401, "AUTH_REQUIRED"),
            "{function}, anonymous"
        );
        let (_, code) = code_of(server.call(&outsider, function, arguments).await).await;
        assert_eq!(code, *outsider_code, "{function}, outsider");
        let response = server.call(&member, function, arguments).await;
        if member_code.is_empty() {
            assert_eq!(response.status(), 200, "{function}, member");
        } else {
            let (_, code) = code_of(response).await;
            assert_eq!(code, *member_code, "{function}, member");
        }
        // The payer cannot confirm their own repayment.
        if *function == "money/confirm" {
            let (_, code) = code_of(server.call(&payer, function, arguments).await).await;
            assert_eq!(code, "NOT_YOUR_SETTLEMENT", "{function}, payer");
        }
    }
    assert_eq!(
        money_state(&server).await,
        before,
        "refused calls changed nothing"
    );

    // The ledger download: members only, as a UTF-8 CSV with a byte-order mark.
    let ledger = format!("/groups/{g}/money/ledger.csv");
    for (client, status) in [(&anonymous, 401), (&outsider, 404), (&member, 200)] {
        let response = client.get(server.url(&ledger)).send().await.unwrap();
        assert_eq!(response.status(), status, "{ledger}");
        if status == 200 {
            assert_eq!(
                response.headers()["content-type"],
                "text/csv; charset=utf-8"
            );
            let body = response.bytes().await.unwrap();
            assert!(body.starts_with("\u{feff}".as_bytes()));
        }
    }

    // Bad input gets a stable code, not a 500.
    let (status, code) = code_of(
        server
            .call(
                &leader,
                "money/set-payers",
                &[
                    ("run_id", r),
                    ("currency", "EUR"),
                    ("payer[0]", "not-a-person"),
                    ("amount[0]", "10.00"),
                ],
            )
            .await,
    )
    .await;
    assert_eq!((status, code.as_str()), (422, "INVALID_INPUT"));
    let (_, code) = code_of(
        server
            .call(
                &leader,
                "money/set-payers",
                &[
                    ("run_id", r),
                    ("currency", "EUR"),
                    ("payer[0]", from),
                    ("amount[0]", "ten"),
                ],
            )
            .await,
    )
    .await;
    assert_eq!(code, "AMOUNT_INVALID");
    assert_eq!(money_state(&server).await, before);

    // The people concerned may: the leader says who paid, the receiver confirms.
    let said = server
        .call(
            &leader,
            "money/set-payers",
            &[
                ("run_id", r),
                ("currency", "EUR"),
                ("payer[0]", to),
                ("amount[0]", "6.00"),
                ("payer[1]", from),
                ("amount[1]", "4.00"),
            ],
        )
        .await;
    assert_eq!(said.status(), 200);
    let confirmed = server
        .call(&leader, "money/confirm", &[("settlement_id", s)])
        .await;
    assert_eq!(confirmed.status(), 200);
    assert_eq!(
        server.value("SELECT state FROM settlements").await,
        "confirmed"
    );
}
