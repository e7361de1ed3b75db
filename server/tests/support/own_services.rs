//! Services a test owns alone, so it may stop, restart or kill them without disturbing any other
//! test: a Postgres cluster, a Redis, a Caddy in front of several instances. All on 127.0.0.1,
//! on free ports, in temporary directories removed afterwards.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use super::free_port;

fn temporary_directory(prefix: &str) -> PathBuf {
    let directory =
        std::env::temp_dir().join(format!("{prefix}-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&directory).unwrap();
    directory
}

async fn wait_for_port(port: u16, what: &str) {
    for _ in 0..100 {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("{what} did not start listening on {port}");
}

/// A Postgres cluster of the test's own: `initdb`, then `pg_ctl` to stop and start it. Postgres
/// refuses to run as root; as root the cluster belongs to the `postgres` system user.
pub struct OwnPostgres {
    bin: PathBuf,
    data: PathBuf,
    pub port: u16,
    as_root: bool,
    tls: bool,
}

impl OwnPostgres {
    pub async fn start() -> OwnPostgres {
        Self::start_with(None).await
    }

    /// A cluster that speaks only TLS, with this certificate and key (PEM): a connection without
    /// TLS is refused, as a managed Postgres would.
    pub async fn start_with_tls(certificate: &Path, key: &Path) -> OwnPostgres {
        Self::start_with(Some((certificate, key))).await
    }

    async fn start_with(tls: Option<(&Path, &Path)>) -> OwnPostgres {
        let bin = PathBuf::from(
            std::env::var("BULQ_PG_BIN")
                .expect("BULQ_PG_BIN (scripts/env.sh sets it) names Postgres' programs"),
        );
        let data = temporary_directory("bulq-own-postgres");
        let as_root = running_as_root();
        if as_root {
            Command::new("chown")
                .args(["postgres:postgres", data.to_str().unwrap()])
                .status()
                .unwrap();
        }
        let postgres = OwnPostgres {
            bin,
            data,
            port: free_port(),
            as_root,
            tls: tls.is_some(),
        };
        postgres.run(
            "initdb",
            &[
                "-D",
                postgres.data.to_str().unwrap(),
                "-U",
                "bulq",
                "--auth=trust",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
            ],
        );
        if let Some((certificate, key)) = tls {
            std::fs::copy(certificate, postgres.data.join("server.crt")).unwrap();
            std::fs::copy(key, postgres.data.join("server.key")).unwrap();
            std::fs::write(
                postgres.data.join("pg_hba.conf"),
                "local all all trust\nhostssl all all 127.0.0.1/32 trust\n",
            )
            .unwrap();
            use std::os::unix::fs::PermissionsExt;
            let private = std::fs::Permissions::from_mode(0o600);
            std::fs::set_permissions(postgres.data.join("server.key"), private).unwrap();
            if as_root {
                Command::new("chown")
                    .args(["-R", "postgres:postgres", postgres.data.to_str().unwrap()])
                    .status()
                    .unwrap();
            }
        }
        postgres.start_again().await;
        postgres
    }

    /// One of Postgres' programs, run as the user that owns the cluster, quietly.
    fn command(&self, program: &str) -> Command {
        let program = self.bin.join(program);
        let mut command = if self.as_root {
            let mut command = Command::new("runuser");
            command.args(["-u", "postgres", "--"]).arg(&program);
            command
        } else {
            Command::new(&program)
        };
        command.stdout(Stdio::null()).stderr(Stdio::null());
        command
    }

    fn run(&self, program: &str, args: &[&str]) {
        let status = self.command(program).args(args).status().unwrap();
        assert!(status.success(), "{program} {args:?} failed");
    }

    pub async fn start_again(&self) {
        let mut options = format!(
            "-p {} -c listen_addresses=127.0.0.1 -k {} -c max_connections=300 -c fsync=on",
            self.port,
            self.data.display()
        );
        if self.tls {
            options.push_str(" -c ssl=on -c ssl_cert_file=server.crt -c ssl_key_file=server.key");
        }
        let log = self.data.join("server.log");
        self.run(
            "pg_ctl",
            &[
                "-D",
                self.data.to_str().unwrap(),
                "-l",
                log.to_str().unwrap(),
                "-w",
                "-o",
                &options,
                "start",
            ],
        );
        wait_for_port(self.port, "postgres").await;
    }

    /// A fast shutdown: every connection is cut, as in a restart or a failover.
    pub fn stop(&self) {
        self.run(
            "pg_ctl",
            &[
                "-D",
                self.data.to_str().unwrap(),
                "-m",
                "fast",
                "-w",
                "stop",
            ],
        );
    }

    pub fn admin_url(&self) -> String {
        format!("postgres://bulq@127.0.0.1:{}/postgres", self.port)
    }
}

impl Drop for OwnPostgres {
    fn drop(&mut self) {
        let data = self.data.to_str().unwrap().to_owned();
        let _ = self
            .command("pg_ctl")
            .args(["-D", &data, "-m", "immediate", "stop"])
            .status();
        let _ = std::fs::remove_dir_all(&self.data);
    }
}

fn running_as_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|output| String::from_utf8_lossy(&output.stdout).trim() == "0")
        .unwrap_or(false)
}

/// A Redis of the test's own. With `persistent`, it keeps an append-only file in its own
/// directory, as production does, so a restart keeps what was written.
pub struct OwnRedis {
    pub port: u16,
    directory: PathBuf,
    persistent: bool,
    child: Option<Child>,
}

impl OwnRedis {
    pub async fn start() -> OwnRedis {
        Self::start_with(free_port(), false).await
    }

    pub async fn start_on(port: u16) -> OwnRedis {
        Self::start_with(port, false).await
    }

    pub async fn start_persistent() -> OwnRedis {
        Self::start_with(free_port(), true).await
    }

    async fn start_with(port: u16, persistent: bool) -> OwnRedis {
        let mut redis = OwnRedis {
            port,
            directory: temporary_directory("bulq-own-redis"),
            persistent,
            child: None,
        };
        redis.start_again().await;
        redis
    }

    pub async fn start_again(&mut self) {
        let append_only = if self.persistent { "yes" } else { "no" };
        let child = Command::new("redis-server")
            .args(["--port", &self.port.to_string(), "--bind", "127.0.0.1"])
            .args(["--dir", self.directory.to_str().unwrap()])
            .args(["--save", "", "--appendonly", append_only])
            .args(["--appendfsync", "everysec"])
            .stdout(Stdio::null())
            .spawn()
            .expect("redis-server (scripts/install-tools installs it)");
        self.child = Some(child);
        wait_for_port(self.port, "redis").await;
    }

    /// `SHUTDOWN`: Redis writes its append-only file and exits, as `systemctl restart` does.
    pub fn shut_down(&mut self) {
        let _ = Command::new("redis-cli")
            .args(["-p", &self.port.to_string(), "shutdown"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
        if let Some(mut child) = self.child.take() {
            let _ = child.wait();
        }
    }

    pub fn url(&self) -> String {
        format!("redis://127.0.0.1:{}/0", self.port)
    }
}

impl Drop for OwnRedis {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
        let _ = std::fs::remove_dir_all(&self.directory);
    }
}

/// The project's Caddyfile in front of the given instances, over plain HTTP on a free port.
pub struct OwnCaddy {
    pub port: u16,
    directory: PathBuf,
    child: Child,
}

impl OwnCaddy {
    pub async fn start(upstreams: &[u16]) -> OwnCaddy {
        let port = free_port();
        let directory = temporary_directory("bulq-own-caddy");
        let caddyfile = Path::new(env!("CARGO_MANIFEST_DIR")).join("../Caddyfile");
        let upstreams: Vec<String> = upstreams
            .iter()
            .map(|port| format!("127.0.0.1:{port}"))
            .collect();
        let child = Command::new("caddy")
            .args(["run", "--adapter", "caddyfile", "--config"])
            .arg(caddyfile)
            .env("BULQ_DOMAIN", format!("http://127.0.0.1:{port}"))
            .env("BULQ_UPSTREAMS", upstreams.join(" "))
            .env("BULQ_HTTP_PORT", port.to_string())
            .env("BULQ_HTTPS_PORT", free_port().to_string())
            .env("BULQ_CADDY_DATA", &directory)
            .env("HOME", &directory)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("caddy (scripts/install-tools installs it)");
        wait_for_port(port, "caddy").await;
        OwnCaddy {
            port,
            directory,
            child,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }
}

impl Drop for OwnCaddy {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.directory);
    }
}
