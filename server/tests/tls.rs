//! Managed services speak TLS: the app against a Postgres that refuses unencrypted connections
//! (`sslmode=verify-full`) and a Redis that listens only on TLS (`rediss://`), with certificates
//! this test makes; and a certificate the app cannot verify stops it at start-up, naming why,
//! instead of talking to a server it cannot trust.

mod support;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use support::own_services::OwnPostgres;
use support::{TestServer, free_port, unique_username};

/// A certificate authority and a server certificate for 127.0.0.1 it signed, plus a second
/// authority that signed nothing here.
struct Certificates {
    directory: PathBuf,
}

impl Certificates {
    fn make() -> Certificates {
        let directory =
            std::env::temp_dir().join(format!("bulq-tls-{}", uuid::Uuid::new_v4().simple()));
        std::fs::create_dir_all(&directory).unwrap();
        std::fs::write(
            directory.join("server.ext"),
            "subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\n\
             keyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n",
        )
        .unwrap();
        let openssl = |args: &[&str]| {
            let status = Command::new("openssl")
                .args(args)
                .current_dir(&directory)
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .expect("openssl");
            assert!(status.success(), "openssl {args:?}");
        };
        for authority in ["ca", "other-ca"] {
            openssl(&[
                "req",
                "-x509",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:P-256",
                "-nodes",
                "-keyout",
                &format!("{authority}.key"),
                "-out",
                &format!("{authority}.pem"),
                "-days",
                "2",
                "-subj",
                &format!("/CN=Bulq test {authority}"),
            ]);
        }
        openssl(&[
            "req",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:P-256",
            "-nodes",
            "-keyout",
            "server.key",
            "-out",
            "server.csr",
            "-subj",
            "/CN=127.0.0.1",
        ]);
        openssl(&[
            "x509",
            "-req",
            "-in",
            "server.csr",
            "-CA",
            "ca.pem",
            "-CAkey",
            "ca.key",
            "-CAcreateserial",
            "-out",
            "server.crt",
            "-days",
            "2",
            "-extfile",
            "server.ext",
        ]);
        Certificates { directory }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.directory.join(name)
    }
}

impl Drop for Certificates {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.directory);
    }
}

/// A Redis listening only on TLS.
struct TlsRedis {
    port: u16,
    child: std::process::Child,
}

impl TlsRedis {
    async fn start(certificates: &Certificates) -> TlsRedis {
        let port = free_port();
        let path = |name| certificates.path(name).to_str().unwrap().to_owned();
        let child = Command::new("redis-server")
            .args(["--port", "0", "--tls-port", &port.to_string()])
            .args(["--bind", "127.0.0.1", "--save", "", "--appendonly", "no"])
            .args(["--tls-cert-file", &path("server.crt")])
            .args(["--tls-key-file", &path("server.key")])
            .args(["--tls-ca-cert-file", &path("ca.pem")])
            .args(["--tls-auth-clients", "no"])
            .stdout(Stdio::null())
            .spawn()
            .expect("redis-server");
        for _ in 0..100 {
            if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        TlsRedis { port, child }
    }

    fn url(&self) -> String {
        format!("rediss://127.0.0.1:{}/0", self.port)
    }
}

impl Drop for TlsRedis {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn verified(admin: &str, authority: &Path) -> String {
    format!(
        "{admin}?sslmode=verify-full&sslrootcert={}",
        authority.display()
    )
}

/// Starts the server and expects it to give up: its exit status and what it said.
fn refused_start(env: &[(&str, String)]) -> String {
    let mut child = Command::new(env!("CARGO_BIN_EXE_server"))
        .arg("serve")
        .env("BULQ_ENV", "test")
        .env("BULQ_ADDR", format!("127.0.0.1:{}", free_port()))
        .env("BULQ_LOG", "warn")
        .envs(env.iter().map(|(name, value)| (*name, value.as_str())))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(40);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            let output = child.wait_with_output().unwrap();
            panic!(
                "the server kept running with a certificate it cannot verify: {}",
                String::from_utf8_lossy(&output.stderr)
            );
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let output = child.wait_with_output().unwrap();
    assert!(!output.status.success());
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

#[tokio::test]
async fn the_app_runs_on_postgres_and_redis_over_verified_tls() {
    let certificates = Certificates::make();
    let postgres = OwnPostgres::start_with_tls(
        &certificates.path("server.crt"),
        &certificates.path("server.key"),
    )
    .await;
    let redis = TlsRedis::start(&certificates).await;
    let admin = verified(&postgres.admin_url(), &certificates.path("ca.pem"));
    let authority = certificates.path("ca.pem").to_str().unwrap().to_owned();
    let redis_url = redis.url();
    let server = TestServer::start_in(
        &admin,
        &[
            ("REDIS_URL", redis_url.as_str()),
            ("SSL_CERT_FILE", authority.as_str()),
        ],
    )
    .await;

    let client = server.client();
    let username = unique_username("tls");
    assert_eq!(server.register(&client, &username).await.status(), 200);
    assert_eq!(
        server.whoami(&client).await.as_deref(),
        Some(username.as_str())
    );
    let unencrypted = server
        .value(
            "SELECT count(*) FROM pg_stat_activity a JOIN pg_stat_ssl s USING (pid) \
             WHERE a.datname = current_database() AND NOT s.ssl",
        )
        .await;
    assert_eq!(unencrypted, "0", "every connection to the database is TLS");
}

#[tokio::test]
async fn a_certificate_the_app_cannot_verify_stops_it_at_start() {
    let certificates = Certificates::make();
    let postgres = OwnPostgres::start_with_tls(
        &certificates.path("server.crt"),
        &certificates.path("server.key"),
    )
    .await;
    let redis = TlsRedis::start(&certificates).await;
    let trusted = certificates.path("ca.pem").to_str().unwrap().to_owned();
    let stranger = certificates
        .path("other-ca.pem")
        .to_str()
        .unwrap()
        .to_owned();

    // Postgres presents a certificate from an authority the app was not told to trust.
    let said = refused_start(&[
        (
            "DATABASE_URL",
            verified(&postgres.admin_url(), &certificates.path("other-ca.pem")),
        ),
        ("REDIS_URL", redis.url()),
        ("SSL_CERT_FILE", trusted.clone()),
    ]);
    assert!(said.to_lowercase().contains("certificate"), "{said}");

    // Without TLS this Postgres refuses the connection outright.
    let said = refused_start(&[
        (
            "DATABASE_URL",
            format!("{}?sslmode=disable", postgres.admin_url()),
        ),
        ("REDIS_URL", redis.url()),
        ("SSL_CERT_FILE", trusted.clone()),
    ]);
    assert!(
        said.contains("no encryption") || said.contains("pg_hba"),
        "{said}"
    );

    // Redis presents a certificate the app's trust store does not vouch for.
    let said = refused_start(&[
        (
            "DATABASE_URL",
            verified(&postgres.admin_url(), &certificates.path("ca.pem")),
        ),
        ("REDIS_URL", redis.url()),
        ("SSL_CERT_FILE", stranger),
    ]);
    assert!(said.to_lowercase().contains("certificate"), "{said}");
}
