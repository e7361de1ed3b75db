//! Starts the real server binary against a fresh Postgres database and the test Redis, on a free
//! port, and gives tests an HTTP client with its own cookie jar.

#![allow(dead_code)]

pub mod own_services;

use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub const PASSWORD: &str = "a perfectly fine password";

fn admin_url() -> String {
    std::env::var("BULQ_TEST_DATABASE_ADMIN_URL")
        .unwrap_or_else(|_| "postgres://bulq@127.0.0.1:54329/postgres".to_owned())
}

fn redis_url() -> String {
    std::env::var("BULQ_TEST_REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1:63799/1".to_owned())
}

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// The URL of `database` on the server `admin` points at, with the same parameters (TLS).
fn database_url(admin: &str, database: &str) -> String {
    let (address, parameters) = admin.split_once('?').unwrap_or((admin, ""));
    let server = address
        .rsplit_once('/')
        .map_or(address, |(server, _)| server);
    if parameters.is_empty() {
        format!("{server}/{database}")
    } else {
        format!("{server}/{database}?{parameters}")
    }
}

async fn admin_query(sql: &str) {
    admin_query_on(&admin_url(), sql).await;
}

async fn admin_query_on(admin: &str, sql: &str) {
    use sqlx::Connection;
    let mut conn = sqlx::PgConnection::connect(admin)
        .await
        .expect("test Postgres is reachable");
    sqlx::query(sql).execute(&mut conn).await.expect(sql);
}

/// A fresh, empty database; dropped by the returned guard.
pub struct TestDatabase {
    pub name: String,
    pub url: String,
}

impl TestDatabase {
    pub async fn create() -> TestDatabase {
        let name = format!("bulq_http_{}", uuid::Uuid::new_v4().simple());
        admin_query(&format!("CREATE DATABASE \"{name}\"")).await;
        let url = database_url(&admin_url(), &name);
        TestDatabase { name, url }
    }

    pub async fn count(&self, sql: &str) -> i64 {
        use sqlx::Connection;
        let mut conn = sqlx::PgConnection::connect(&self.url).await.unwrap();
        sqlx::query_scalar(sql).fetch_one(&mut conn).await.unwrap()
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        drop_database(admin_url(), self.name.clone());
    }
}

fn drop_database(admin: String, database: String) {
    // Best effort: a leftover test database is harmless and names are never reused.
    let _ = std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(admin_query_on(
            &admin,
            &format!("DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)"),
        ));
    })
    .join();
}

pub struct TestServer {
    pub base: String,
    port: u16,
    /// The Postgres server's maintenance database, where this server's database is made.
    admin: String,
    database: String,
    env: Vec<(String, String)>,
    child: Option<Child>,
    /// The first instance drops the database when it goes; a second one leaves it.
    owns_database: bool,
}

impl TestServer {
    pub async fn start() -> TestServer {
        Self::start_with(&[]).await
    }

    /// A server with extra environment settings (rate limits, production mode, …).
    pub async fn start_with(extra_env: &[(&str, &str)]) -> TestServer {
        Self::start_in(&admin_url(), extra_env).await
    }

    /// A server whose database lives on another Postgres (one the test owns), given by the URL of
    /// that server's maintenance database.
    pub async fn start_in(admin: &str, extra_env: &[(&str, &str)]) -> TestServer {
        let database = format!("bulq_http_{}", uuid::Uuid::new_v4().simple());
        admin_query_on(admin, &format!("CREATE DATABASE \"{database}\"")).await;
        let port = free_port();
        let database_url = database_url(admin, &database);
        let mut env: Vec<(String, String)> = vec![
            ("BULQ_ENV".into(), "test".into()),
            ("BULQ_ADDR".into(), format!("127.0.0.1:{port}")),
            ("DATABASE_URL".into(), database_url),
            ("REDIS_URL".into(), redis_url()),
            ("BULQ_RATE_LIMIT_AUTH_PER_MINUTE".into(), "1000".into()),
            ("BULQ_RATE_LIMIT_GENERAL_PER_MINUTE".into(), "10000".into()),
            ("BULQ_LOG".into(), "warn".into()),
        ];
        for (name, value) in extra_env {
            env.retain(|(existing, _)| existing != name);
            env.push((name.to_string(), value.to_string()));
        }
        let mut server = TestServer {
            base: format!("http://127.0.0.1:{port}"),
            port,
            admin: admin.to_owned(),
            database,
            env,
            child: None,
            owns_database: true,
        };
        server.spawn().await;
        server
    }

    /// Another instance of the same deployment: same database and Redis, its own port, as a
    /// second server behind Caddy.
    pub async fn another_instance(&self) -> TestServer {
        let port = free_port();
        let mut env = self.env.clone();
        env.retain(|(name, _)| name != "BULQ_ADDR");
        env.push(("BULQ_ADDR".into(), format!("127.0.0.1:{port}")));
        let mut server = TestServer {
            base: format!("http://127.0.0.1:{port}"),
            port,
            admin: self.admin.clone(),
            database: self.database.clone(),
            env,
            child: None,
            owns_database: false,
        };
        server.spawn().await;
        server
    }

    /// The server process's id, to read its memory use.
    pub fn pid(&self) -> Option<u32> {
        self.child.as_ref().map(Child::id)
    }

    async fn spawn(&mut self) {
        let child = Command::new(env!("CARGO_BIN_EXE_server"))
            .arg("serve")
            .envs(self.env.iter().map(|(k, v)| (k.as_str(), v.as_str())))
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("server binary starts");
        self.child = Some(child);
        let deadline = Instant::now() + Duration::from_secs(60);
        let probe = reqwest::Client::new();
        loop {
            if let Ok(response) = probe.get(format!("{}/readyz", self.base)).send().await
                && response.status().is_success()
            {
                return;
            }
            if let Some(status) = self
                .child
                .as_mut()
                .and_then(|c| c.try_wait().ok().flatten())
            {
                panic!("server exited early: {status}");
            }
            assert!(Instant::now() < deadline, "server did not become ready");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Stops the process with SIGTERM (a graceful shutdown) and waits for it.
    pub fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = Command::new("kill")
                .arg("-TERM")
                .arg(child.id().to_string())
                .status();
            let _ = child.wait();
        }
    }

    /// Changes a setting for the next (re)start, as an operator editing the environment file.
    pub fn set_env(&mut self, name: &str, value: &str) {
        self.env.retain(|(existing, _)| existing != name);
        self.env.push((name.to_owned(), value.to_owned()));
    }

    /// `kill -9`: the process dies mid-request, as in a crash or an out-of-memory kill.
    pub fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// A new process on the same port, database and Redis: what a deploy or crash-restart does.
    pub async fn restart(&mut self) {
        self.stop();
        self.spawn().await;
    }

    /// Runs one statement on this server's database, for what no server function may do (making
    /// a user a site admin).
    pub async fn sql(&self, sql: &str) {
        use sqlx::Connection;
        let url = database_url(&self.admin, &self.database);
        let mut conn = sqlx::PgConnection::connect(&url).await.unwrap();
        sqlx::query(sql).execute(&mut conn).await.expect(sql);
    }

    /// One number from this server's database (a count, a sum), as text so NULL reads "NULL".
    pub async fn value(&self, sql: &str) -> String {
        use sqlx::Connection;
        let url = database_url(&self.admin, &self.database);
        let mut conn = sqlx::PgConnection::connect(&url).await.unwrap();
        let value: Option<String> = sqlx::query_scalar(&format!("SELECT ({sql})::text"))
            .fetch_one(&mut conn)
            .await
            .expect(sql);
        value.unwrap_or_else(|| "NULL".to_owned())
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    /// A browser-like client: its own cookie jar, no automatic redirects.
    pub fn client(&self) -> reqwest::Client {
        reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap()
    }

    /// Calls a server function the way the hydrated app does (a fetch with a form body).
    pub async fn call(
        &self,
        client: &reqwest::Client,
        endpoint: &str,
        form: &[(&str, &str)],
    ) -> reqwest::Response {
        client
            .post(self.url(&format!("/api/{endpoint}")))
            .header("accept", "application/json")
            .form(form)
            .send()
            .await
            .unwrap()
    }

    pub async fn register(&self, client: &reqwest::Client, username: &str) -> reqwest::Response {
        self.call(
            client,
            "register",
            &[
                ("username", username),
                ("display_name", "Test Person"),
                ("password", PASSWORD),
                ("confirm_password", PASSWORD),
            ],
        )
        .await
    }

    pub async fn login(
        &self,
        client: &reqwest::Client,
        username: &str,
        password: &str,
    ) -> reqwest::Response {
        self.call(
            client,
            "login",
            &[("username", username), ("password", password)],
        )
        .await
    }

    /// The username the server sees for this client, if any.
    pub async fn whoami(&self, client: &reqwest::Client) -> Option<String> {
        let response = self.call(client, "session", &[]).await;
        assert!(
            response.status().is_success(),
            "session call failed: {}",
            response.status()
        );
        let info: serde_json::Value = response.json().await.unwrap();
        info["user"]["username"].as_str().map(str::to_owned)
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
        if !self.owns_database {
            return;
        }
        drop_database(self.admin.clone(), self.database.clone());
    }
}

pub fn unique_username(prefix: &str) -> String {
    format!(
        "{prefix}_{}",
        &uuid::Uuid::new_v4().simple().to_string()[..10]
    )
}

pub fn session_cookie(response: &reqwest::Response) -> Option<String> {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|value| value.to_str().ok())
        .find(|value| value.starts_with("bulq_session="))
        .map(str::to_owned)
}

/// Reads an event stream until `needle` shows up; false when `wait` passes or the stream ends.
pub async fn stream_says(response: &mut reqwest::Response, needle: &str, wait: Duration) -> bool {
    let deadline = tokio::time::Instant::now() + wait;
    let mut seen = String::new();
    while !seen.contains(needle) {
        match tokio::time::timeout_at(deadline, response.chunk()).await {
            Ok(Ok(Some(bytes))) => seen.push_str(&String::from_utf8_lossy(&bytes)),
            _ => return false,
        }
    }
    true
}
