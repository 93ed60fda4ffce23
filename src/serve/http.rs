//! A minimal HTTP/1.1 server side for `gongkai serve`: reads one GET or HEAD request, resolves
//! its path inside the output folder, writes one response and closes the connection.
//!
//! In: a request's raw target (`/units/qingling/2023/?x=1`) and the canonical output folder. Out:
//! a [`Resolved`] file, redirect or refusal, and the response bytes. Never resolves a path to
//! anything outside the output folder: the target is percent-decoded exactly once; a segment
//! starting with `.` (so `.` and `..`), a backslash, a colon, a NUL or another control
//! character refuses the request; and the joined path, with every symbolic link resolved, must
//! still lie inside the canonical output folder (a link that leads out is refused). Refusals
//! look like a missing file (404) so that nothing about the outside is revealed.

use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};

/// Longest request head (request line and headers) read, in bytes.
const MAX_HEAD: u64 = 16 * 1024;

/// The methods served.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Method {
    /// Headers and body.
    Get,
    /// Headers only.
    Head,
}

/// A request worth answering.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Request {
    /// GET or HEAD.
    pub(super) method: Method,
    /// The raw target, starting with `/` (query included).
    pub(super) target: String,
}

/// Reads the request line and skips the headers. `Err` carries the response to send instead
/// (400 for a malformed request, 405 for another method).
pub(super) fn read_request(reader: impl BufRead) -> Result<Request, Response> {
    let mut lines = reader.take(MAX_HEAD).lines();
    let bad = || Response::text(400, "Bad Request", "400 请求格式错误\n");
    let first = match lines.next() {
        Some(Ok(line)) => line,
        _ => return Err(bad()),
    };
    let mut parts = first.split(' ');
    let (Some(method), Some(target), Some(version), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(bad());
    };
    if !version.starts_with("HTTP/1.") || !target.starts_with('/') {
        return Err(bad());
    }
    let method = match method {
        "GET" => Method::Get,
        "HEAD" => Method::Head,
        _ => {
            let mut r = Response::text(405, "Method Not Allowed", "405 只支持 GET 和 HEAD\n");
            r.headers.push(("Allow", "GET, HEAD".to_owned()));
            return Err(r);
        }
    };
    // The headers are not needed; read them so the client sees a complete exchange.
    for line in lines {
        match line {
            Ok(line) if line.trim_end_matches('\r').is_empty() => break,
            Ok(_) => {}
            Err(_) => return Err(bad()),
        }
    }
    Ok(Request {
        method,
        target: target.to_owned(),
    })
}

/// One response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Response {
    /// Status code.
    pub(super) status: u16,
    /// Reason phrase.
    pub(super) reason: &'static str,
    /// Headers besides Content-Length and Connection.
    pub(super) headers: Vec<(&'static str, String)>,
    /// Body (not sent for HEAD).
    pub(super) body: Vec<u8>,
}

impl Response {
    /// A response with a body of the given type.
    pub(super) fn new(status: u16, reason: &'static str, kind: &str, body: Vec<u8>) -> Response {
        Response {
            status,
            reason,
            headers: vec![("Content-Type", kind.to_owned())],
            body,
        }
    }

    /// A plain-text response.
    pub(super) fn text(status: u16, reason: &'static str, body: &str) -> Response {
        Response::new(status, reason, TEXT, body.as_bytes().to_vec())
    }

    /// Writes the response; the body only when `with_body`.
    pub(super) fn write_to(&self, mut out: impl Write, with_body: bool) -> std::io::Result<()> {
        let mut head = format!("HTTP/1.1 {} {}\r\n", self.status, self.reason);
        for (name, value) in &self.headers {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        head.push_str(&format!(
            "Content-Length: {}\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n\
             Connection: close\r\n\r\n",
            self.body.len()
        ));
        out.write_all(head.as_bytes())?;
        if with_body {
            out.write_all(&self.body)?;
        }
        out.flush()
    }
}

/// Plain text.
pub(super) const TEXT: &str = "text/plain; charset=utf-8";
/// HTML.
pub(super) const HTML: &str = "text/html; charset=utf-8";

/// The content type for a file, by extension.
pub(super) fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()) {
        Some("html" | "htm") => HTML,
        Some("css") => "text/css; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("json") => "application/json",
        Some("csv") => "text/csv; charset=utf-8",
        Some("xml") => "application/xml",
        Some("png") => "image/png",
        Some("txt" | "md") => TEXT,
        Some("ico") => "image/x-icon",
        Some("woff2") => "font/woff2",
        _ => "application/octet-stream",
    }
}

/// Where a target leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Resolved {
    /// A file inside the output folder (canonical path).
    File(PathBuf),
    /// A folder named without its trailing slash: redirect to this target.
    Redirect(String),
    /// Nothing to serve (missing, refused, or outside the output folder).
    NotFound,
}

/// The path part of a target, percent-decoded once and split into checked segments; `None`
/// when the target is refused. An empty last segment (a trailing `/`) is kept as `""`.
pub(super) fn segments(target: &str) -> Option<Vec<String>> {
    let path = target.split(['?', '#']).next().unwrap_or("");
    let rest = path.strip_prefix('/')?;
    let decoded = String::from_utf8(percent_decode(rest)?).ok()?;
    let segments: Vec<String> = decoded.split('/').map(str::to_owned).collect();
    let bad_char = |c: char| c == '\\' || c == ':' || c.is_control();
    for (i, seg) in segments.iter().enumerate() {
        let last = i + 1 == segments.len();
        if seg.starts_with('.') || seg.chars().any(bad_char) || (seg.is_empty() && !last) {
            return None;
        }
    }
    Some(segments)
}

/// Decodes `%XX` escapes; `None` when an escape is malformed.
fn percent_decode(s: &str) -> Option<Vec<u8>> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b);
            i += 1;
        }
    }
    Some(out)
}

/// Resolves a target inside `root`, which must be canonical: `/dir/` serves `dir/index.html`,
/// `/dir` redirects to `/dir/`, and anything that is refused, missing, or leads outside `root`
/// through a symbolic link is [`Resolved::NotFound`].
pub(super) fn resolve(root: &Path, target: &str) -> Resolved {
    let Some(segments) = segments(target) else {
        return Resolved::NotFound;
    };
    let mut path = root.to_path_buf();
    for seg in segments.iter().filter(|s| !s.is_empty()) {
        path.push(seg);
    }
    let Some(found) = inside(root, &path) else {
        return Resolved::NotFound;
    };
    if !found.is_dir() {
        return if found.is_file() {
            Resolved::File(found)
        } else {
            Resolved::NotFound
        };
    }
    if segments.last().is_some_and(|s| !s.is_empty()) {
        let path = target.split(['?', '#']).next().unwrap_or("");
        return Resolved::Redirect(format!("{path}/"));
    }
    match inside(root, &found.join("index.html")) {
        Some(index) if index.is_file() => Resolved::File(index),
        _ => Resolved::NotFound,
    }
}

/// `path` with every link resolved, when it exists and lies inside `root`.
fn inside(root: &Path, path: &Path) -> Option<PathBuf> {
    let canonical = crate::fs::canonicalize(path).ok()??;
    canonical.starts_with(root).then_some(canonical)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> (tempfile::TempDir, PathBuf) {
        let tmp = tempfile::tempdir().expect("tempdir");
        let out = tmp.path().join("out");
        std::fs::create_dir_all(out.join("units/a")).expect("mkdir");
        std::fs::write(out.join("index.html"), "home").expect("write");
        std::fs::write(out.join("units/a/index.html"), "unit").expect("write");
        std::fs::write(out.join("units/a/表.csv"), "csv").expect("write");
        std::fs::write(tmp.path().join("secret.txt"), "secret").expect("write");
        let root = std::fs::canonicalize(&out).expect("canonical");
        (tmp, root)
    }

    #[test]
    fn pages_resolve_to_files_and_folders_to_their_index() {
        let (_tmp, root) = site();
        assert_eq!(resolve(&root, "/"), Resolved::File(root.join("index.html")));
        assert_eq!(
            resolve(&root, "/index.html?x=1#top"),
            Resolved::File(root.join("index.html"))
        );
        assert_eq!(
            resolve(&root, "/units/a/"),
            Resolved::File(root.join("units/a/index.html"))
        );
        assert_eq!(
            resolve(&root, "/units/a/%E8%A1%A8.csv"),
            Resolved::File(root.join("units/a/表.csv"))
        );
        assert_eq!(
            resolve(&root, "/units/a?x"),
            Resolved::Redirect("/units/a/".to_owned())
        );
        assert_eq!(resolve(&root, "/missing.html"), Resolved::NotFound);
    }

    #[test]
    fn traversal_in_every_spelling_is_refused() {
        let (_tmp, root) = site();
        for target in [
            "/../secret.txt",
            "/%2e%2e/secret.txt",
            "/%2E%2E%2Fsecret.txt",
            "/..%5csecret.txt",
            "/units/..%2f..%2f..%2fsecret.txt",
            "/units/a/../../../secret.txt",
            "/./index.html",
            "/units//a/",
            "/%00index.html",
            "/index.html%00",
            "/C:%5cwindows",
            "/%zz",
            "/%2",
            "/%ff",
            "relative",
        ] {
            assert_eq!(resolve(&root, target), Resolved::NotFound, "{target}");
        }
    }

    #[test]
    fn percent_escapes_are_decoded_exactly_once() {
        assert_eq!(
            segments("/%252e%252e/x").as_deref(),
            Some(&["%2e%2e".to_owned(), "x".to_owned()][..])
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_link_that_leads_out_of_the_output_is_not_found_and_one_inside_is_served() {
        let (tmp, root) = site();
        let outside = tmp.path().join("secret.txt");
        std::os::unix::fs::symlink(&outside, root.join("leak.txt")).expect("link");
        std::os::unix::fs::symlink(tmp.path(), root.join("up")).expect("link");
        std::os::unix::fs::symlink(root.join("index.html"), root.join("home.html")).expect("link");
        assert_eq!(resolve(&root, "/leak.txt"), Resolved::NotFound);
        assert_eq!(resolve(&root, "/up/secret.txt"), Resolved::NotFound);
        assert_eq!(resolve(&root, "/up/"), Resolved::NotFound);
        assert_eq!(
            resolve(&root, "/home.html"),
            Resolved::File(root.join("index.html"))
        );
    }

    #[test]
    fn a_request_line_is_read_and_other_methods_are_refused() {
        let req = read_request(&b"HEAD /a/?q HTTP/1.1\r\nHost: x\r\n\r\n"[..]);
        assert_eq!(
            req,
            Ok(Request {
                method: Method::Head,
                target: "/a/?q".to_owned()
            })
        );
        let refused = read_request(&b"POST / HTTP/1.1\r\n\r\n"[..]).map_err(|r| r.status);
        assert_eq!(refused, Err(405));
        let bad = read_request(&b"GET http://x/ HTTP/1.1\r\n\r\n"[..]).map_err(|r| r.status);
        assert_eq!(bad, Err(400));
    }
}
