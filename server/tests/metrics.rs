//! `/metrics` as an operator's Prometheus meets it: requests by route and status with their
//! latency, errors by stable code, rate-limit refusals, Postgres and the live-event outbox; and
//! the alert rules and dashboard in `deploy/` naming only metrics that are exported, checked by
//! promtool (its rule syntax, the rules' unit tests, the scrape configuration).

mod support;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use support::{TestServer, unique_username};

/// The value of the first sample of `name` carrying every one of `labels`.
fn sample(exposition: &str, name: &str, labels: &[(&str, &str)]) -> Option<f64> {
    exposition.lines().find_map(|line| {
        let rest = line.strip_prefix(name)?;
        let (label_text, value) = match rest.strip_prefix('{') {
            Some(labelled) => labelled.split_once("} ")?,
            None => ("", rest.strip_prefix(' ')?),
        };
        labels
            .iter()
            .all(|(key, wanted)| label_text.contains(&format!("{key}=\"{wanted}\"")))
            .then(|| value.trim().parse().ok())?
    })
}

fn deploy_file(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../deploy")
        .join(relative)
}

/// Every `bulq_*` metric a file refers to.
fn metric_names(text: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    let mut rest = text;
    while let Some(start) = rest.find("bulq_") {
        let tail = &rest[start..];
        let end = tail
            .find(|c: char| !(c.is_ascii_lowercase() || c == '_'))
            .unwrap_or(tail.len());
        names.insert(tail[..end].to_owned());
        rest = &tail[end..];
    }
    names
}

#[tokio::test]
async fn requests_errors_refusals_and_postgres_are_measured() {
    let server = TestServer::start_with(&[("BULQ_RATE_LIMIT_AUTH_PER_MINUTE", "2")]).await;
    let client = server.client();
    assert_eq!(
        client
            .get(server.url("/login"))
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    assert_eq!(
        client
            .get(server.url("/no/such/page/12345"))
            .send()
            .await
            .unwrap()
            .status(),
        404
    );
    let stranger = unique_username("nobody");
    let mut statuses = Vec::new();
    for _ in 0..4 {
        statuses.push(
            server
                .login(&client, &stranger, "not the password")
                .await
                .status()
                .as_u16(),
        );
    }
    assert!(statuses.contains(&401), "{statuses:?}");
    assert!(statuses.contains(&429), "{statuses:?}");

    let text = client
        .get(server.url("/metrics"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let count = |labels: &[(&str, &str)]| sample(&text, "bulq_http_requests_total", labels);
    assert_eq!(
        count(&[("method", "GET"), ("route", "/login"), ("status", "200")]),
        Some(1.0),
        "{text}"
    );
    // A path no route knows is one label, whatever the path: the series stay bounded.
    assert_eq!(
        count(&[("route", "other"), ("status", "404")]),
        Some(1.0),
        "{text}"
    );
    assert!(!text.contains("/no/such/page"), "{text}");
    assert!(count(&[("route", "/api/login"), ("status", "401")]).is_some_and(|n| n >= 1.0));
    assert!(
        sample(
            &text,
            "bulq_http_request_duration_seconds_count",
            &[("method", "POST"), ("route", "/api/login")]
        )
        .is_some_and(|n| n >= 1.0),
        "{text}"
    );
    assert!(text.contains("# TYPE bulq_http_request_duration_seconds histogram"));
    assert!(
        sample(
            &text,
            "bulq_errors_total",
            &[("code", "INVALID_CREDENTIALS")]
        )
        .is_some_and(|n| n >= 1.0)
    );
    assert!(
        sample(&text, "bulq_errors_total", &[("code", "RATE_LIMITED")]).is_some_and(|n| n >= 1.0)
    );
    assert!(
        sample(&text, "bulq_rate_limited_total", &[("limit", "auth")]).is_some_and(|n| n >= 1.0)
    );
    assert_eq!(sample(&text, "bulq_db_up", &[]), Some(1.0), "{text}");
    assert_eq!(sample(&text, "bulq_live_outbox_waiting", &[]), Some(0.0));
    assert!(sample(&text, "bulq_db_pool_max_connections", &[]).is_some_and(|n| n >= 1.0));
    assert_eq!(
        sample(&text, "bulq_live_publish_failures_total", &[]),
        Some(0.0)
    );

    // What the alert rules and the dashboard watch is exported.
    for file in ["prometheus/alerts.yml", "grafana/bulq-dashboard.json"] {
        let wanted = metric_names(&std::fs::read_to_string(deploy_file(file)).unwrap());
        assert!(wanted.len() >= 5, "{file} names {wanted:?}");
        for name in wanted {
            assert!(
                text.lines()
                    .any(|line| line.starts_with(&name)
                        && line[name.len()..].starts_with(['{', ' '])),
                "{file} uses {name}, which /metrics does not export:\n{text}"
            );
        }
    }
}

#[test]
fn the_alert_rules_parse_pass_their_unit_tests_and_the_scrape_config_is_valid() {
    let directory = deploy_file("prometheus");
    for arguments in [
        ["check", "rules", "alerts.yml"],
        ["test", "rules", "alerts.test.yml"],
        ["check", "config", "prometheus.yml"],
    ] {
        let output = Command::new("promtool")
            .args(arguments)
            .current_dir(&directory)
            .output()
            .expect("promtool (scripts/install-tools puts it in ~/.cache/bulq/tools/bin; source scripts/env.sh)");
        assert!(
            output.status.success(),
            "promtool {}:\n{}{}",
            arguments.join(" "),
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
    }
}
