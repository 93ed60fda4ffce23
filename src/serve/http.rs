//! What `gongkai serve` answers, apart from the HTTP itself (hyper's, in `server`): a request
//! target resolved inside the output folder, the response it gets, and its content type.
//!
//! In: a request's raw target (`/units/qingling/2023/?x=1`) and the canonical output folder. Out:
//! a [`Resolved`] file, redirect or refusal, and the response bytes. Never resolves a path to
//! anything outside the output folder: the target is percent-decoded exactly once; a segment
//! starting with `.` (so `.` and `..`), a backslash, a colon, a NUL or another control
//! character refuses the request; and the joined path, with every symbolic link resolved, must
//! still lie inside the canonical output folder (a link that leads out is refused). Refusals
//! look like a missing file (404) so that nothing about the outside is revealed.

use std::path::{Path, PathBuf};

/// One response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Response {
    /// Status code.
    pub(super) status: u16,
    /// Headers besides Content-Length, Connection and the ones `server` adds to every response.
    pub(super) headers: Vec<(&'static str, String)>,
    /// Body (not sent for HEAD).
    pub(super) body: Vec<u8>,
}

impl Response {
    /// A response with a body of the given type.
    pub(super) fn new(status: u16, kind: &str, body: Vec<u8>) -> Response {
        Response {
            status,
            headers: vec![("Content-Type", kind.to_owned())],
            body,
        }
    }

    /// A plain-text response.
    pub(super) fn text(status: u16, body: &str) -> Response {
        Response::new(status, TEXT, body.as_bytes().to_vec())
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

/// The site's `404.html` made fit for any depth: its links are relative to the site root
/// (where the file lies, so that it also works opened from disk), and a missing
/// `/units/foo/2099/` would resolve them from there and show the page unstyled (issue 19).
/// Every relative `href="…"`, `src="…"` and `action="…"` (the search form) gets a leading
/// `/`; a link to `#fragment`, an absolute path and a URL with a scheme (`https:`, `mailto:`)
/// are left as they are.
pub(super) fn root_relative_links(html: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(html.len() + 64);
    let mut i = 0;
    while i < html.len() {
        let rest = &html[i..];
        let attr = [&b" href=\""[..], &b" src=\""[..], &b" action=\""[..]]
            .into_iter()
            .find(|a| rest.len() >= a.len() && rest[..a.len()].eq_ignore_ascii_case(a));
        let Some(attr) = attr else {
            out.push(html[i]);
            i += 1;
            continue;
        };
        out.extend_from_slice(&rest[..attr.len()]);
        i += attr.len();
        let value = &html[i..];
        let end = value
            .iter()
            .position(|b| matches!(b, b'"' | b'/' | b'?' | b'#'))
            .unwrap_or(value.len());
        let scheme = value[..end].contains(&b':');
        if !(value.is_empty() || value[0] == b'"' || value[0] == b'/' || value[0] == b'#' || scheme)
        {
            out.push(b'/');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issue19_the_404_page_links_from_the_site_root() {
        let page = br##"<link rel="stylesheet" href="static/style.css"><a href="#main">x</a>
<a href="index.html">h</a><a HREF="/years/">y</a><a href="https://example.org/a">e</a>
<a href="mailto:x@example.org">m</a><script src="static/sort.js" defer></script><a href="">e</a>
<form action="search.html">"##;
        let out = String::from_utf8(root_relative_links(page)).expect("UTF-8");
        assert_eq!(
            out,
            r##"<link rel="stylesheet" href="/static/style.css"><a href="#main">x</a>
<a href="/index.html">h</a><a HREF="/years/">y</a><a href="https://example.org/a">e</a>
<a href="mailto:x@example.org">m</a><script src="/static/sort.js" defer></script><a href="">e</a>
<form action="/search.html">"##
        );
    }

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
}
