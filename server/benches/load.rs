//! `make bench`: load on the real server (release build, real Postgres and Redis) through the full
//! HTTP stack: session, CSRF check, rate limiter, authorisation, transaction. Prints figures; it
//! asserts nothing, targets live in docs/performance.md.
//!
//! 1. Bids: 50 logged-in bidders on one run, each placing or changing bids on 20 products back to
//!    back for `BULQ_BENCH_SECS` (30) seconds: bids per second and latency percentiles.
//! 2. The run page: 50 participants × 20 products with 1,000 bids, rendered on the server (the
//!    whole HTML page, as a phone without JavaScript gets it) by 50 concurrent clients.
//! 3. Live events across instances: a second instance on the same database and Redis; a browser's
//!    event stream open there; 1,000 bids on the first instance, each timed from its
//!    acknowledgement to its arrival on the stream. Then 1,000 event streams held open on the
//!    second instance, and its memory before and after.

#[path = "../tests/support/mod.rs"]
mod support;

use std::time::{Duration, Instant};

use support::{TestServer, unique_username};

const BIDDERS: usize = 50;
const PRODUCTS: usize = 20;
const PAGE_CLIENTS: usize = 50;

fn seconds() -> u64 {
    std::env::var("BULQ_BENCH_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(30)
}

/// Whether a phase runs: `BULQ_BENCH_PHASES` lists them (`bids,page,live`); all when unset.
fn phase(name: &str) -> bool {
    std::env::var("BULQ_BENCH_PHASES")
        .map(|phases| phases.split(',').any(|p| p.trim() == name))
        .unwrap_or(true)
}

fn id_after(response: &reqwest::Response, prefix: &str) -> String {
    let location = response.headers()["location"].to_str().unwrap();
    location.strip_prefix(prefix).expect(prefix).to_owned()
}

struct Figures {
    count: usize,
    errors: usize,
    elapsed: Duration,
    latencies: Vec<Duration>,
}

impl Figures {
    fn print(&mut self, what: &str) {
        self.latencies.sort();
        let at = |q: f64| {
            let index = ((self.latencies.len() as f64 - 1.0) * q).round() as usize;
            self.latencies
                .get(index)
                .map_or(0.0, |d| d.as_secs_f64() * 1000.0)
        };
        println!(
            "{what}: {:.0} per second ({} in {:.1} s, {} errors); latency p50 {:.1} ms, p90 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
            self.count as f64 / self.elapsed.as_secs_f64(),
            self.count,
            self.elapsed.as_secs_f64(),
            self.errors,
            at(0.50),
            at(0.90),
            at(0.99),
            at(1.0),
        );
    }
}

/// A successful response, read to the end (a page is only served once its last byte is).
async fn read_ok(sent: reqwest::Result<reqwest::Response>) -> bool {
    match sent {
        Ok(response) if response.status().is_success() => response.bytes().await.is_ok(),
        _ => false,
    }
}

/// Runs `clients` loops for `duration`, each sending what `request` builds for its i-th call.
async fn hammer<F, Fut>(clients: usize, duration: Duration, request: F) -> Figures
where
    F: Fn(usize, usize) -> Fut + Clone + Send + 'static,
    Fut: std::future::Future<Output = bool> + Send,
{
    let start = Instant::now();
    let deadline = start + duration;
    let mut tasks = Vec::new();
    for client in 0..clients {
        let request = request.clone();
        tasks.push(tokio::spawn(async move {
            let (mut latencies, mut errors) = (Vec::new(), 0);
            let mut call = 0;
            while Instant::now() < deadline {
                let sent = Instant::now();
                if request(client, call).await {
                    latencies.push(sent.elapsed());
                } else {
                    errors += 1;
                }
                call += 1;
            }
            (latencies, errors)
        }));
    }
    let mut figures = Figures {
        count: 0,
        errors: 0,
        elapsed: Duration::ZERO,
        latencies: Vec::new(),
    };
    for task in tasks {
        let (latencies, errors) = task.await.unwrap();
        figures.count += latencies.len();
        figures.errors += errors;
        figures.latencies.extend(latencies);
    }
    figures.elapsed = start.elapsed();
    figures
}

/// What an operator's Prometheus would read from `/metrics` about the bids just made: their
/// count by status and the latency quantiles from the histogram's buckets.
async fn print_scraped_bids(server: &TestServer) {
    let text = reqwest::get(server.url("/metrics"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let route = "route=\"/api/runs/bid\"";
    let value = |line: &str| -> f64 {
        line.rsplit(' ')
            .next()
            .and_then(|v| v.parse().ok())
            .unwrap_or(0.0)
    };
    let answered: Vec<String> = text
        .lines()
        .filter(|line| line.starts_with("bulq_http_requests_total{") && line.contains(route))
        .map(|line| {
            let status = line
                .split("status=\"")
                .nth(1)
                .unwrap_or("")
                .split('"')
                .next();
            format!("{} × {}", value(line), status.unwrap_or("?"))
        })
        .collect();
    let buckets: Vec<(f64, f64)> = text
        .lines()
        .filter(|line| {
            line.starts_with("bulq_http_request_duration_seconds_bucket{") && line.contains(route)
        })
        .filter_map(|line| {
            let bound = line.split("le=\"").nth(1)?.split('"').next()?;
            let bound = if bound == "+Inf" {
                f64::INFINITY
            } else {
                bound.parse().ok()?
            };
            Some((bound, value(line)))
        })
        .collect();
    let total = buckets.iter().map(|(_, n)| *n).fold(0.0, f64::max);
    let within = |q: f64| {
        buckets
            .iter()
            .find(|(_, n)| *n >= q * total)
            .map_or("?".to_owned(), |(bound, _)| {
                format!("≤ {:.1} ms", bound * 1000.0)
            })
    };
    println!(
        "bids as /metrics counted them: {}; p50 {}, p95 {}, p99 {} (histogram buckets)",
        answered.join(", "),
        within(0.50),
        within(0.95),
        within(0.99),
    );
}

#[tokio::main]
async fn main() {
    let server = TestServer::start_with(&[
        ("BULQ_RATE_LIMIT_GENERAL_PER_MINUTE", "100000000"),
        ("BULQ_RATE_LIMIT_AUTH_PER_MINUTE", "100000"),
        // One watcher opens the thousand streams whose memory is measured.
        ("BULQ_MAX_STREAMS_PER_PERSON", "100000"),
        ("BULQ_LOG", "error"),
    ])
    .await;
    let secs = seconds();
    println!("Bulq load benchmark: {BIDDERS} bidders, {PRODUCTS} products, {secs} s per phase");

    // The world: a leader, 50 members, a store, 20 products, one run.
    let leader = server.client();
    assert_eq!(
        server
            .register(&leader, &unique_username("lead"))
            .await
            .status(),
        200
    );
    let group = server
        .call(&leader, "groups/create", &[("name", "Bench Friends")])
        .await;
    let group_id = id_after(&group, "/groups/");
    let detail: serde_json::Value = server
        .call(&leader, "groups/get", &[("group_id", &group_id)])
        .await
        .json()
        .await
        .unwrap();
    let token = detail["invite_token"].as_str().unwrap().to_owned();
    let store = [
        ("name", "Bench Costco"),
        ("address", ""),
        ("opening_hours", ""),
        ("notes", ""),
    ];
    let store_id = id_after(
        &server.call(&leader, "stores/create", &store).await,
        "/stores/",
    );
    let mut products = Vec::new();
    for i in 0..PRODUCTS {
        let name = format!("Bench product {i:02}");
        let form = [("name", name.as_str()), ("brand", ""), ("unit", "kg")];
        products.push(id_after(
            &server.call(&leader, "products/create", &form).await,
            "/products/",
        ));
        let price = [
            ("product_id", products[i].as_str()),
            ("store_id", store_id.as_str()),
            ("amount", "12.99"),
            ("note", ""),
        ];
        server.call(&leader, "prices/record", &price).await;
    }
    let run = [
        ("group_id", group_id.as_str()),
        ("store_id", store_id.as_str()),
        ("planned_on", ""),
        ("comment", ""),
    ];
    let run_id = id_after(&server.call(&leader, "runs/create", &run).await, "/runs/");
    let mut bidders = Vec::new();
    for _ in 0..BIDDERS {
        let client = server.client();
        assert_eq!(
            server
                .register(&client, &unique_username("bid"))
                .await
                .status(),
            200
        );
        server
            .call(&client, "groups/join", &[("token", &token)])
            .await;
        bidders.push(client);
    }

    // Phase 1: bids through the whole stack.
    let base = server.base.clone();
    let bid = {
        let (bidders, products, run_id, base) = (
            bidders.clone(),
            products.clone(),
            run_id.clone(),
            base.clone(),
        );
        move |client: usize, call: usize| {
            let http = bidders[client].clone();
            let product = products[(client + call) % PRODUCTS].clone();
            let quantity = format!("{}.{}", 1 + (client + call) % 9, call % 10);
            let url = format!("{base}/api/runs/bid");
            let run_id = run_id.clone();
            async move {
                let form = [
                    ("run_id", run_id.as_str()),
                    ("product_id", product.as_str()),
                    ("quantity", quantity.as_str()),
                ];
                matches!(
                    http.post(&url).header("accept", "application/json").form(&form).send().await,
                    Ok(response) if response.status().is_success()
                )
            }
        }
    };
    if phase("bids") {
        let mut figures = hammer(BIDDERS, Duration::from_secs(secs), bid).await;
        figures.print("bids (POST /api/runs/bid, 50 concurrent bidders)");
        print_scraped_bids(&server).await;
    }

    // Phase 2: every bidder has bid on every product: 50 × 20 = 1,000 bids.
    for (client, http) in bidders.iter().enumerate() {
        for product in &products {
            let form = [
                ("run_id", run_id.as_str()),
                ("product_id", product.as_str()),
                ("quantity", if client % 2 == 0 { "1.5" } else { "2" }),
            ];
            server.call(http, "runs/bid", &form).await;
        }
    }
    let run: serde_json::Value = server
        .call(&leader, "runs/get", &[("run_id", &run_id)])
        .await
        .json()
        .await
        .unwrap();
    let bids: usize = run["products"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["bids"].as_array().unwrap().len())
        .sum();
    let participants = run["participants"].as_array().unwrap().len();
    let page_url = format!("{base}/runs/{run_id}");
    let sample = bidders[0].get(&page_url).send().await.unwrap();
    let page = sample.bytes().await.unwrap();
    let page_bytes = page.len();
    if let Ok(path) = std::env::var("BULQ_BENCH_SAVE_PAGE") {
        std::fs::write(path, &page).unwrap();
    }
    println!(
        "run page: {participants} participants, {} products, {bids} bids, {page_bytes} bytes of HTML",
        run["products"].as_array().unwrap().len()
    );
    let page = {
        let bidders = bidders.clone();
        move |client: usize, _call: usize| {
            let http = bidders[client % BIDDERS].clone();
            let url = page_url.clone();
            async move { read_ok(http.get(&url).send().await).await }
        }
    };
    if !phase("page") {
        if phase("live") {
            live_events(&server, &leader, &bidders[0], &run_id, &products).await;
        }
        return;
    }
    let mut figures = hammer(1, Duration::from_secs(secs.min(5)), page.clone()).await;
    figures.print("run page (GET /runs/:id, full SSR, one client: the cost of one page)");
    let mut figures = hammer(10, Duration::from_secs(secs.min(15)), page.clone()).await;
    figures.print("run page (GET /runs/:id, full SSR, 10 concurrent clients)");
    let mut figures = hammer(PAGE_CLIENTS, Duration::from_secs(secs.min(15)), page).await;
    figures.print("run page (GET /runs/:id, full SSR, 50 concurrent clients)");
    let mut figures = hammer(PAGE_CLIENTS, Duration::from_secs(secs.min(15)), {
        let bidders = bidders.clone();
        let run_id = run_id.clone();
        let base = base.clone();
        move |client: usize, _call: usize| {
            let http = bidders[client % BIDDERS].clone();
            let url = format!("{base}/api/runs/get");
            let run_id = run_id.clone();
            async move {
                let form = [("run_id", run_id.as_str())];
                let sent = http
                    .post(&url)
                    .header("accept", "application/json")
                    .form(&form)
                    .send()
                    .await;
                read_ok(sent).await
            }
        }
    })
    .await;
    figures.print("run data (POST /api/runs/get, what hydrated pages refetch)");

    if phase("live") {
        live_events(&server, &leader, &bidders[0], &run_id, &products).await;
    }
    drop(server);
}

/// The resident memory of a process, in MiB (Linux).
fn rss_mib(pid: u32) -> f64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmRSS:"))
        .and_then(|rest| {
            rest.trim()
                .trim_end_matches("kB")
                .trim()
                .parse::<f64>()
                .ok()
        })
        .map_or(0.0, |kib| kib / 1024.0)
}

async fn live_events(
    server: &TestServer,
    watcher: &reqwest::Client,
    bidder: &reqwest::Client,
    run_id: &str,
    products: &[String],
) {
    const BIDS: usize = 1_000;
    const STREAMS: usize = 1_000;
    let other = server.another_instance().await;
    let stream_url = other.url(&format!("/events/runs/{run_id}"));
    let mut stream = watcher.get(&stream_url).send().await.unwrap();
    assert!(stream.status().is_success(), "stream: {}", stream.status());
    // Arrival times of bid events on the other instance's stream.
    let (arrived, mut arrivals) = tokio::sync::mpsc::unbounded_channel::<Instant>();
    let reader = tokio::spawn(async move {
        let mut pending = String::new();
        while let Ok(Some(chunk)) = stream.chunk().await {
            let now = Instant::now();
            pending.push_str(&String::from_utf8_lossy(&chunk));
            while let Some(end) = pending.find("\n\n") {
                if pending[..end].contains("bid_changed") {
                    let _ = arrived.send(now);
                }
                pending.drain(..end + 2);
            }
        }
    });
    let mut figures = Figures {
        count: 0,
        errors: 0,
        elapsed: Duration::ZERO,
        latencies: Vec::with_capacity(BIDS),
    };
    let started = Instant::now();
    for call in 0..BIDS {
        let form = [
            ("run_id", run_id),
            ("product_id", products[call % products.len()].as_str()),
            ("quantity", if call % 2 == 0 { "3" } else { "4" }),
        ];
        let sent = bidder
            .post(server.url("/api/runs/bid"))
            .header("accept", "application/json")
            .form(&form)
            .send()
            .await;
        let acknowledged = Instant::now();
        if !read_ok(sent).await {
            figures.errors += 1;
            continue;
        }
        match tokio::time::timeout(Duration::from_secs(5), arrivals.recv()).await {
            Ok(Some(at)) => {
                figures.count += 1;
                figures
                    .latencies
                    .push(at.saturating_duration_since(acknowledged));
            }
            _ => figures.errors += 1,
        }
    }
    figures.elapsed = started.elapsed();
    figures.latencies.sort();
    let at = |q: f64| {
        let index = ((figures.latencies.len() as f64 - 1.0) * q).round() as usize;
        figures
            .latencies
            .get(index)
            .map_or(0.0, |d| d.as_secs_f64() * 1000.0)
    };
    println!(
        "live events: {} bids on one instance, {} arrived on the other's stream ({} missing); \
         acknowledgement → arrival p50 {:.1} ms, p95 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        BIDS,
        figures.count,
        figures.errors,
        at(0.50),
        at(0.95),
        at(0.99),
        at(1.0),
    );
    reader.abort();

    let pid = other.pid().unwrap_or(0);
    let before = rss_mib(pid);
    let mut open = Vec::with_capacity(STREAMS);
    for _ in 0..STREAMS {
        // Each stream its own connection, as each browser tab has.
        match watcher.get(&stream_url).send().await {
            Ok(response) if response.status().is_success() => open.push(response),
            _ => {}
        }
    }
    tokio::time::sleep(Duration::from_secs(1)).await;
    let after = rss_mib(pid);
    println!(
        "event streams: {} open on one instance; its memory {:.1} MiB before, {:.1} MiB with them ({:.1} KiB per stream)",
        open.len(),
        before,
        after,
        (after - before) * 1024.0 / open.len().max(1) as f64,
    );
    drop(open);
}
