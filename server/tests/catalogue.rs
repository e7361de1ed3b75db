//! Catalogue server functions over HTTP, each for an anonymous visitor, another member, whoever
//! added the entry and a site admin; and the search endpoints.

mod support;

use support::{TestServer, unique_username};

async fn code_of(response: reqwest::Response) -> (u16, String) {
    let status = response.status().as_u16();
    let body: serde_json::Value = response.json().await.unwrap_or_default();
    (status, body["code"].as_str().unwrap_or("").to_owned())
}

/// The id at the end of a created entry's redirect (`/stores/<id>`).
fn created_id(response: &reqwest::Response, prefix: &str) -> String {
    let location = response.headers()["location"].to_str().unwrap();
    location.strip_prefix(prefix).expect(prefix).to_owned()
}

struct Cast {
    creator: reqwest::Client,
    other: reqwest::Client,
    site_admin: reqwest::Client,
    anonymous: reqwest::Client,
}

async fn cast(server: &TestServer) -> Cast {
    let (creator, other, site_admin) = (server.client(), server.client(), server.client());
    let admin_name = unique_username("admin");
    for (client, name) in [
        (&creator, unique_username("c")),
        (&other, unique_username("o")),
        (&site_admin, admin_name.clone()),
    ] {
        assert_eq!(server.register(client, &name).await.status(), 200);
    }
    server
        .sql(&format!(
            "UPDATE users SET is_admin = true WHERE username = '{admin_name}'"
        ))
        .await;
    Cast {
        creator,
        other,
        site_admin,
        anonymous: server.client(),
    }
}

#[tokio::test]
async fn catalogue_functions_check_who_is_calling() {
    let server = TestServer::start().await;
    let cast = cast(&server).await;

    let store_form = [
        ("name", "Test Costco"),
        ("address", "1 Warehouse Way"),
        ("opening_hours", ""),
        ("notes", ""),
    ];
    let product_form = [("name", "Olive oil"), ("brand", "Kirkland"), ("unit", "L")];
    assert_eq!(
        code_of(
            server
                .call(&cast.anonymous, "stores/create", &store_form)
                .await
        )
        .await,
        (401, "AUTH_REQUIRED".into())
    );
    assert_eq!(
        code_of(
            server
                .call(&cast.anonymous, "products/create", &product_form)
                .await
        )
        .await,
        (401, "AUTH_REQUIRED".into())
    );
    let created = server
        .call(&cast.creator, "stores/create", &store_form)
        .await;
    assert_eq!(created.status(), 200);
    let store_id = created_id(&created, "/stores/");
    let created = server
        .call(&cast.creator, "products/create", &product_form)
        .await;
    assert_eq!(created.status(), 200);
    let product_id = created_id(&created, "/products/");

    let s = store_id.as_str();
    let p = product_id.as_str();
    let edits: Vec<(&str, Vec<(&str, &str)>)> = vec![
        (
            "stores/update",
            vec![
                ("store_id", s),
                ("name", "Test Costco North"),
                ("address", ""),
                ("opening_hours", "8–20"),
                ("notes", ""),
            ],
        ),
        (
            "products/update",
            vec![
                ("product_id", p),
                ("name", "Olive oil"),
                ("brand", "Kirkland"),
                ("unit", "1 L"),
            ],
        ),
    ];
    for (endpoint, form) in &edits {
        let expectations = [
            (&cast.anonymous, (401, "AUTH_REQUIRED")),
            (&cast.other, (403, "NOT_ALLOWED_TO_EDIT")),
        ];
        for (client, expected) in expectations {
            let got = code_of(server.call(client, endpoint, form).await).await;
            assert_eq!((got.0, got.1.as_str()), expected, "{endpoint}");
        }
        for client in [&cast.creator, &cast.site_admin] {
            let response = server.call(client, endpoint, form).await;
            assert_eq!(response.status(), 200, "{endpoint}");
        }
    }

    // Anyone logged in records a price; the store and product show it.
    let price = [
        ("product_id", p),
        ("store_id", s),
        ("amount", "23,99"),
        ("note", "end cap"),
    ];
    assert_eq!(
        code_of(server.call(&cast.anonymous, "prices/record", &price).await).await,
        (401, "AUTH_REQUIRED".into())
    );
    assert_eq!(
        server
            .call(&cast.other, "prices/record", &price)
            .await
            .status(),
        200
    );
    let bad = [
        ("product_id", p),
        ("store_id", s),
        ("amount", "-3"),
        ("note", ""),
    ];
    assert_eq!(
        code_of(server.call(&cast.other, "prices/record", &bad).await).await,
        (422, "AMOUNT_INVALID".into())
    );
    let store: serde_json::Value = server
        .call(&cast.other, "stores/get", &[("store_id", s)])
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(store["name"], "Test Costco North");
    assert_eq!(store["viewer_can_edit"], false);
    assert_eq!(store["products"]["items"][0]["amount_minor"], 2399);
    assert_eq!(store["products"]["items"][0]["unit"], "1 L");
    let product: serde_json::Value = server
        .call(&cast.site_admin, "products/get", &[("product_id", p)])
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(product["viewer_can_edit"], true);
    assert_eq!(product["current_prices"][0]["note"], "end cap");

    // Reading needs a login too, and unknown ids are 404.
    assert_eq!(
        code_of(
            server
                .call(&cast.anonymous, "stores/get", &[("store_id", s)])
                .await
        )
        .await,
        (401, "AUTH_REQUIRED".into())
    );
    let unknown = [("product_id", "7f9c2ba4-e88f-11ee-8c90-0242ac120002")];
    assert_eq!(
        code_of(server.call(&cast.other, "products/get", &unknown).await).await,
        (404, "PRODUCT_NOT_FOUND".into())
    );
}

#[tokio::test]
async fn search_finds_the_catalogue_and_never_others_groups() {
    let server = TestServer::start().await;
    let cast = cast(&server).await;
    let store = [
        ("name", "Crème Market"),
        ("address", ""),
        ("opening_hours", ""),
        ("notes", ""),
    ];
    assert_eq!(
        server
            .call(&cast.creator, "stores/create", &store)
            .await
            .status(),
        200
    );
    let group = [("name", "Creme brulee club")];
    assert_eq!(
        server
            .call(&cast.creator, "groups/create", &group)
            .await
            .status(),
        200
    );

    let found: serde_json::Value = server
        .call(&cast.other, "search", &[("q", "creme")])
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(found["total"], 1, "{found}");
    assert!(found["items"][0]["Store"].is_object(), "{found}");
    let mine: serde_json::Value = server
        .call(&cast.creator, "search/suggest", &[("q", "CRÈME")])
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(mine.as_array().unwrap().len(), 2, "{mine}");
    assert!(mine[0]["Group"].is_object(), "groups first: {mine}");

    assert_eq!(
        code_of(server.call(&cast.other, "search", &[("q", "   ")]).await).await,
        (422, "SEARCH_QUERY_INVALID".into())
    );
    assert_eq!(
        code_of(
            server
                .call(&cast.anonymous, "search", &[("q", "creme")])
                .await
        )
        .await,
        (401, "AUTH_REQUIRED".into())
    );
    // The results page renders on the server for a browser without JavaScript.
    let page = cast
        .other
        .get(server.url("/search?q=cr%C3%A8me"))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 200);
    assert!(page.text().await.unwrap().contains("Crème Market"));
}
