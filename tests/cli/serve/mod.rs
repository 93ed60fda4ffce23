//! Integration tests: `gongkai serve`. The binary runs as a child process on a free loopback
//! port over a temporary copy of the example content; requests are raw HTTP/1.1 over a
//! `TcpStream`, so traversal attempts reach the server exactly as written. `limits` holds the
//! tests of the deadline, the connection caps and the `Host` check; `traversal` the table of
//! paths that must never lead out of the output folder.

mod limits;
mod traversal;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::support::{files, root};

/// A running `gongkai serve`, killed when dropped (also when a test fails half-way).
struct Server {
    child: Child,
    addr: String,
    site: tempfile::TempDir,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    /// Copies `content/` into a temporary site and starts `serve --port 0` on it.
    fn start() -> Server {
        Server::start_with(&[])
    }

    /// [`Server::start`], with more arguments (the hidden limits, `--allow-host`).
    fn start_with(extra: &[&str]) -> Server {
        let site = tempfile::tempdir().expect("tempdir");
        copy_dir(&root().join("content"), &site.path().join("content"));
        let stderr = std::fs::File::create(site.path().join("serve.log")).expect("log file");
        let mut child = Command::new(env!("CARGO_BIN_EXE_gongkai"))
            .args([
                "serve",
                "--port",
                "0",
                "--content",
                "content",
                "--output",
                "out",
            ])
            .args(extra)
            .current_dir(site.path())
            .env_remove("SOURCE_DATE_EPOCH")
            // The error page's words are asserted: Chinese, whatever the machine's locale.
            .env_remove("LANG")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(stderr)
            .spawn()
            .expect("serve starts");
        let stdout = child.stdout.take().expect("stdout piped");
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut line = String::new();
            let _ = BufReader::new(stdout).read_line(&mut line);
            let _ = tx.send(line);
        });
        let mut server = Server {
            child,
            addr: String::new(),
            site,
        };
        let line = rx
            .recv_timeout(Duration::from_secs(120))
            .unwrap_or_else(|_| panic!("no address printed; log:\n{}", server.log()));
        let addr = line
            .strip_prefix("serve: http://")
            .and_then(|rest| rest.split('/').next())
            .unwrap_or_else(|| panic!("unexpected first line {line:?}"));
        assert!(addr.starts_with("127.0.0.1:"), "binds to loopback: {addr}");
        server.addr = addr.to_owned();
        server
    }

    /// Sends `GET target` as written, naming the server as the browser would, and returns the
    /// status code and the body.
    fn get(&self, target: &str) -> (u16, String) {
        let request = format!(
            "GET {target} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
            self.addr
        );
        let (status, _, body) = exchange(self.connect(), request.as_bytes());
        (status, body)
    }

    /// A connection to the server from 127.0.0.1.
    fn connect(&self) -> TcpStream {
        TcpStream::connect(&self.addr).expect("connect")
    }

    /// A connection to the server from another loopback address (`127.0.0.2`), which the
    /// server counts as another client.
    fn connect_from(&self, from: [u8; 4]) -> TcpStream {
        let addr: SocketAddr = self.addr.parse().expect("an address");
        let socket = socket2::Socket::new(socket2::Domain::IPV4, socket2::Type::STREAM, None)
            .expect("socket");
        let local = SocketAddr::from((from, 0));
        socket.bind(&local.into()).expect("bind a loopback address");
        socket.connect(&addr.into()).expect("connect");
        socket.into()
    }

    /// The port the server listens on.
    fn port(&self) -> &str {
        self.addr.rsplit(':').next().unwrap_or_default()
    }

    /// Waits until `/__gongkai/version` differs from `before` (a build finished).
    fn wait_for_build(&self, before: &str) -> String {
        within_20_s(
            || {
                let (_, now) = self.get("/__gongkai/version");
                (now != before).then_some(now)
            },
            || format!("no rebuild within 20 s; log:\n{}", self.log()),
        )
    }

    /// Replaces `from` by `to` in `content/qingling/2023.yaml`.
    fn edit_record(&self, from: &str, to: &str) {
        let path = self.site.path().join("content/qingling/2023.yaml");
        let text = std::fs::read_to_string(&path).expect("read record");
        assert!(text.contains(from), "the record holds {from:?}");
        std::fs::write(&path, text.replacen(from, to, 1)).expect("write record");
    }

    fn log(&self) -> String {
        std::fs::read_to_string(self.site.path().join("serve.log")).unwrap_or_default()
    }
}

/// Sends `request` as written on `stream` and returns the status code, the head and the body of
/// the response.
fn exchange(mut stream: TcpStream, request: &[u8]) -> (u16, String, String) {
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .expect("timeout");
    stream.write_all(request).expect("send");
    let text = read_until_closed(&mut stream);
    let (head, body) = text
        .split_once("\r\n\r\n")
        .unwrap_or_else(|| panic!("a head and a body in {text:?} for {request:?}"));
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no status in {head:?}"));
    (status, head.to_owned(), body.to_owned())
}

/// All that `stream` receives until the server ends the connection. A server that answers
/// without reading the whole request (a head too long, a connection over the caps) may reset
/// the connection after its answer: what was read by then is what counts.
fn read_until_closed(stream: &mut TcpStream) -> String {
    let mut raw = Vec::new();
    let mut buf = [0; 4096];
    while let Ok(n @ 1..) = stream.read(&mut buf) {
        raw.extend_from_slice(buf.get(..n).unwrap_or_default());
    }
    String::from_utf8_lossy(&raw).into_owned()
}

/// Calls `step` every 50 ms until it gives a value; fails with `failure()` after 20 s.
fn within_20_s<T>(mut step: impl FnMut() -> Option<T>, failure: impl Fn() -> String) -> T {
    let start = Instant::now();
    loop {
        if let Some(value) = step() {
            return value;
        }
        assert!(start.elapsed() < Duration::from_secs(20), "{}", failure());
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read_dir") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("file type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

#[cfg(unix)]
#[test]
fn serve_answers_pages_and_rebuilds_on_a_changed_record() {
    let server = Server::start();
    let site = server.site.path();

    let (status, body) = server.get("/index.html");
    assert_eq!(status, 200);
    assert!(body.contains("青菱"), "the home page lists 青菱");
    assert!(
        body.contains("/__gongkai/version"),
        "the reload script is in the response"
    );
    let built = std::fs::read_to_string(site.join("out/index.html")).expect("built page");
    assert!(
        !built.contains("__gongkai"),
        "the built file has no reload script"
    );
    assert_eq!(server.get("/units/qingling/2023/").0, 200);

    let (_, first) = server.get("/__gongkai/version");
    server.edit_record("    basic: 5197.65", "    basic: 5297.65");
    let second = server.wait_for_build(&first);
    let (status, page) = server.get("/units/qingling/2023/juesuan.html");
    assert_eq!(status, 200);
    assert!(page.contains("5297.65"), "the page shows the new figure");
    assert!(
        !page.contains("gongkai-error"),
        "no error overlay after a good build"
    );

    server.edit_record("    basic: 5297.65", "    basic: 五千");
    server.wait_for_build(&second);
    let (status, page) = server.get("/units/qingling/2023/juesuan.html");
    assert_eq!(status, 200, "the last good site is still served");
    assert!(page.contains("5297.65"), "with the last good figure");
    assert!(page.contains("gongkai-error"), "and the error overlay");
    assert!(
        page.contains("qingling/2023.yaml:29:12: "),
        "located: {page}"
    );
    let (status, error) = server.get("/__gongkai/error");
    assert_eq!(status, 200);
    assert!(error.contains("qingling/2023.yaml:29:12: "), "{error}");
    assert!(error.contains("实际为 `五千`"), "{error}");
}

#[cfg(unix)]
#[test]
fn ctrl_c_ends_serve_before_during_or_after_a_rebuild_and_leaves_the_old_or_the_new_site_whole() {
    // The watcher polls every 300 ms and settles 100 ms, and the example site rebuilds in a
    // few hundred: these moments fall before, during and after the rebuild.
    for delay in [0, 350, 450, 600, 900] {
        interrupt_after_an_edit(Duration::from_millis(delay));
    }
}

#[cfg(unix)]
fn interrupt_after_an_edit(delay: Duration) {
    use std::os::unix::process::ExitStatusExt;

    let mut server = Server::start();
    let site = server.site.path().to_path_buf();
    let old = files(&site.join("out"));
    server.edit_record("    basic: 5197.65", "    basic: 5297.65");
    std::thread::sleep(delay);
    let pid = server.child.id().to_string();
    let sent = Command::new("kill").args(["-INT", &pid]).status();
    assert!(sent.expect("kill runs").success(), "SIGINT sent");
    let log = server.site.path().join("serve.log");
    let status = within_20_s(
        || server.child.try_wait().expect("wait"),
        || {
            let log = std::fs::read_to_string(&log).unwrap_or_default();
            format!("{delay:?}: serve still running 20 s after Ctrl-C; log:\n{log}")
        },
    );
    assert_eq!(
        status.signal(),
        Some(2),
        "{delay:?}: ended by the interrupt"
    );

    let build = |output: &str| {
        let out = Command::new(env!("CARGO_BIN_EXE_gongkai"))
            .args([
                "build",
                "--quiet",
                "--content",
                "content",
                "--output",
                output,
            ])
            .current_dir(&site)
            .env_remove("SOURCE_DATE_EPOCH")
            .output()
            .expect("build runs");
        assert!(out.status.success(), "{out:?}");
    };
    build("reference");
    let new = files(&site.join("reference"));
    assert_ne!(old, new, "the edit changes the site");
    // Without RENAME_EXCHANGE, a process ended between the two renames of the swap leaves no
    // output; the next build puts it back, as after any killed build.
    if site.join("out").exists() {
        let now = files(&site.join("out"));
        assert!(
            now == old || now == new,
            "{delay:?}: neither the old nor the new site"
        );
    }
    build("out");
    assert_eq!(
        files(&site.join("out")),
        new,
        "{delay:?}: the next build completes it"
    );
}

/// `base` (a request path) joined with a relative or absolute `href`, `..` resolved, as a
/// browser resolves a link.
fn resolve_href(base: &str, href: &str) -> String {
    let mut parts: Vec<&str> = if href.starts_with('/') {
        Vec::new()
    } else {
        let dir = &base[..=base.rfind('/').unwrap_or(0)];
        dir.split('/').filter(|s| !s.is_empty()).collect()
    };
    for seg in href.split('/').filter(|s| !s.is_empty() && *s != ".") {
        if seg == ".." {
            parts.pop();
        } else {
            parts.push(seg);
        }
    }
    format!("/{}", parts.join("/"))
}

/// Issue 19: the 404 page of a missing nested URL is styled: its stylesheet and links resolve
/// from that URL, while the `404.html` on disk keeps its relative links for a `file://` site.
#[cfg(unix)]
#[test]
fn issue19_the_404_page_is_styled_at_any_depth() {
    let server = Server::start();
    for target in [
        "/nothing.html",
        "/unit/foo/2099/",
        "/units/qingling/2099/x/y/z.html",
    ] {
        let (status, body) = server.get(target);
        assert_eq!(status, 404, "{target}");
        let href = body
            .split("<link rel=\"stylesheet\" href=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .unwrap_or_else(|| panic!("a stylesheet link in {body}"));
        let css = resolve_href(target, href);
        let (status, text) = server.get(&css);
        assert_eq!(status, 200, "{target}: {href} → {css}");
        assert!(text.contains(":root"), "{css} is the site's stylesheet");
        let home = body
            .split("<p class=\"site-title\"><a href=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .unwrap_or_else(|| panic!("a home link in {body}"));
        assert_eq!(resolve_href(target, home), "/index.html", "{target}");
        assert!(
            body.contains("href=\"#main\""),
            "the skip link stays on the page"
        );
        assert!(
            body.contains("action=\"/search.html\""),
            "the search form works"
        );
    }
    let on_disk =
        std::fs::read_to_string(server.site.path().join("out/404.html")).expect("404.html");
    assert!(
        on_disk.contains("<link rel=\"stylesheet\" href=\"static/style.css\">"),
        "{on_disk}"
    );
}
