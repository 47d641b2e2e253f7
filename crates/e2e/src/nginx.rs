//! Debian's nginx, run unprivileged on free loopback ports with the shipped
//! `deploy/nginx.conf`, so the deployment tests exercise the real server
//! and the real configuration rather than a stand-in.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The sub-path the shipped configuration serves the module under.
pub const SUB_PATH: &str = "/study/quiz/";

/// A running nginx; it stops (and its files go) when dropped.
///
/// It serves a copy of the built app at [`SUB_PATH`] on one port with the
/// shipped configuration, and a plain "portal" folder on a second port: a
/// second origin, reachable as `localhost` (listed in the allow-list) and as
/// `127.0.0.1` (not listed).
pub struct Nginx {
    child: Child,
    dir: PathBuf,
    port: u16,
    portal_port: u16,
}

impl Nginx {
    /// Starts nginx over a copy of `dist`. `embed_json` is written beside
    /// `index.html` when given; the allow-list for `frame-ancestors` is
    /// `http://localhost:<portal port>`, as [`Nginx::allowed_origin`] says.
    pub fn start(dist: &Path, embed_json: Option<&str>) -> Nginx {
        let dir =
            std::env::temp_dir().join(format!("quiz-nginx-{}-{}", std::process::id(), unique()));
        let app = dir.join("www").join(SUB_PATH.trim_matches('/'));
        crate::copy_dir(dist, &app);
        std::fs::create_dir_all(dir.join("portal")).unwrap();
        for temp in ["body", "proxy", "fastcgi", "uwsgi", "scgi"] {
            std::fs::create_dir_all(dir.join("tmp").join(temp)).unwrap();
        }
        let port = crate::free_port();
        let mut portal_port = crate::free_port();
        while portal_port == port {
            portal_port = crate::free_port();
        }
        let allowed = format!("http://localhost:{portal_port}");
        if let Some(embed) = embed_json {
            std::fs::write(app.join("embed.json"), embed.replace("{allowed}", &allowed)).unwrap();
        }

        // The shipped file, with only the lines DEPLOY.md tells admins to edit.
        let shipped = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../deploy/nginx.conf"),
        )
        .expect("deploy/nginx.conf");
        let site = [
            (
                "\"https://portal.example.com\";  # QUIZ_ORIGINS",
                format!("\"{allowed}\";  # QUIZ_ORIGINS"),
            ),
            ("listen 80;", format!("listen 127.0.0.1:{port};")),
            (
                "root /var/www/portal;",
                format!("root {};", dir.join("www").display()),
            ),
        ]
        .iter()
        .fold(shipped, |text, (from, to)| {
            assert!(
                text.contains(from),
                "deploy/nginx.conf no longer has {from:?}; update DEPLOY.md and this helper"
            );
            text.replace(from, to)
        });
        std::fs::write(dir.join("quiz.conf"), site).unwrap();
        let d = dir.display();
        let main = format!(
            "daemon off;\nmaster_process off;\nworker_processes 1;\npid {d}/nginx.pid;\n\
             error_log {d}/error.log warn;\nevents {{ worker_connections 256; }}\n\
             http {{\n  include /etc/nginx/mime.types;\n  default_type application/octet-stream;\n\
             access_log {d}/access.log;\n  client_body_temp_path {d}/tmp/body;\n\
             proxy_temp_path {d}/tmp/proxy;\n  fastcgi_temp_path {d}/tmp/fastcgi;\n\
             uwsgi_temp_path {d}/tmp/uwsgi;\n  scgi_temp_path {d}/tmp/scgi;\n\
             include {d}/quiz.conf;\n\
             server {{ listen 127.0.0.1:{portal_port}; root {d}/portal; add_header Cache-Control no-store; }}\n}}\n"
        );
        std::fs::write(dir.join("nginx.conf"), main).unwrap();

        let binary = std::env::var("NGINX").unwrap_or_else(|_| "/usr/sbin/nginx".into());
        let child = Command::new(&binary)
            .arg("-p")
            .arg(&dir)
            .arg("-e")
            .arg(dir.join("error.log"))
            .arg("-c")
            .arg(dir.join("nginx.conf"))
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|error| {
                panic!("cannot start {binary} ({error}): install nginx (apt-get install nginx), or run `cargo xtask test`")
            });
        let mut nginx = Nginx {
            child,
            dir,
            port,
            portal_port,
        };
        nginx.wait_until_listening();
        nginx
    }

    fn wait_until_listening(&mut self) {
        let started = Instant::now();
        for port in [self.port, self.portal_port] {
            while TcpStream::connect(("127.0.0.1", port)).is_err() {
                if let Ok(Some(status)) = self.child.try_wait() {
                    let mut stderr = String::new();
                    if let Some(mut pipe) = self.child.stderr.take() {
                        let _ = pipe.read_to_string(&mut stderr);
                    }
                    let log =
                        std::fs::read_to_string(self.dir.join("error.log")).unwrap_or_default();
                    panic!("nginx exited ({status}): {stderr}\n{log}");
                }
                assert!(
                    started.elapsed() < Duration::from_secs(10),
                    "nginx is not listening on {port}"
                );
                std::thread::sleep(Duration::from_millis(20));
            }
        }
    }

    /// The module's address: `http://127.0.0.1:<port>/study/quiz/`.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}{SUB_PATH}", self.port)
    }

    /// The portal's address as the listed origin, `http://localhost:<port>/`.
    pub fn portal_url(&self) -> String {
        format!("{}/", self.allowed_origin())
    }

    /// The portal's address as an origin that is not listed.
    pub fn unlisted_portal_url(&self) -> String {
        format!("http://127.0.0.1:{}/", self.portal_port)
    }

    /// The origin in the allow-list (embed.json and frame-ancestors).
    pub fn allowed_origin(&self) -> String {
        format!("http://localhost:{}", self.portal_port)
    }

    /// The served copy of the app, which tests may change (a new bank).
    pub fn app_dir(&self) -> PathBuf {
        self.dir.join("www").join(SUB_PATH.trim_matches('/'))
    }

    /// The portal's folder, served on the second port.
    pub fn portal_dir(&self) -> PathBuf {
        self.dir.join("portal")
    }

    /// Stops the server now (the offline test's "network is gone").
    pub fn stop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Nginx {
    fn drop(&mut self) {
        self.stop();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// A response as the tests look at it.
pub struct Response {
    /// The status code.
    pub status: u16,
    /// Header names in lower case, with their values.
    pub headers: Vec<(String, String)>,
    /// The body as sent (still compressed when it was).
    pub body: Vec<u8>,
}

impl Response {
    /// The first value of a header, or "" when absent.
    pub fn header(&self, name: &str) -> &str {
        self.headers
            .iter()
            .find(|(key, _)| key == name)
            .map_or("", |(_, value)| value.as_str())
    }
}

/// A plain HTTP/1.1 GET with extra headers, e.g. `Accept-Encoding`.
pub fn get(url: &str, headers: &[(&str, &str)]) -> Response {
    let rest = url.strip_prefix("http://").expect("an http:// URL");
    let (host, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    let mut stream = TcpStream::connect(host).expect("connect");
    let mut request = format!("GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n");
    for (name, value) in headers {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    request.push_str("\r\n");
    stream.write_all(request.as_bytes()).unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a header block");
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|line| line.split_whitespace().nth(1))
        .and_then(|code| code.parse().ok())
        .expect("a status line");
    let headers = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(name, value)| (name.trim().to_ascii_lowercase(), value.trim().to_string()))
        .collect::<Vec<_>>();
    let mut body = raw[split + 4..].to_vec();
    if headers
        .iter()
        .any(|(name, value)| name == "transfer-encoding" && value.contains("chunked"))
    {
        body = dechunk(&body);
    }
    Response {
        status,
        headers,
        body,
    }
}

fn dechunk(mut raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(end) = raw.windows(2).position(|w| w == b"\r\n") {
        let size = usize::from_str_radix(
            String::from_utf8_lossy(&raw[..end])
                .split(';')
                .next()
                .unwrap_or("0")
                .trim(),
            16,
        )
        .unwrap_or(0);
        if size == 0 {
            break;
        }
        out.extend_from_slice(&raw[end + 2..end + 2 + size]);
        raw = &raw[end + 2 + size + 2..];
    }
    out
}

fn unique() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(0);
    NEXT.fetch_add(1, Ordering::SeqCst)
}
