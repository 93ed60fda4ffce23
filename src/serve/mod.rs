//! `gongkai serve`: build the site, serve the output folder over HTTP on loopback, rebuild when
//! the content or the theme changes, and reload the pages open in a browser.
//!
//! In: [`ServeOptions`]. Out: a server that runs until the process is ended (Ctrl-C). Pieces:
//! - the build is `pipeline::build`, unchanged: the site is swapped in atomically, so a
//!   request never sees half a site, and a process ended at any moment leaves the output whole;
//! - `watch` polls `content/` and `themes/` every 300 ms and a change triggers a build;
//! - `server` runs hyper's HTTP/1.1 server on a small tokio runtime: a fixed deadline per
//!   request, connections capped per client and in all, and a `Host` check against DNS
//!   rebinding (`limits`), in front of `respond`;
//! - `http` resolves targets inside the output folder, refusing every path that leads out;
//! - every build, good or bad, moves the *generation* on. HTML responses (never the built
//!   files) carry a small script that polls `/__gongkai/version` and reloads when the
//!   generation differs from the one the page was served with.
//!
//! A build that fails (invalid content, a broken template) does not stop the server: the last
//! good site stays in place, every HTML page shows the located error (`file:line:col`, escaped)
//! in an overlay, and `/__gongkai/error` shows it alone, until a build succeeds again.
//!
//! Never binds anything but the address given (127.0.0.1 unless `--bind` says otherwise), never
//! writes to the output except through the build, never serves a file outside it.

mod http;
mod limits;
mod server;
mod watch;

use std::io::Write;
use std::net::{IpAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use http::{HTML, Resolved, Response};
pub use limits::Limits;
use watch::Snapshot;

use crate::error::{Error, Result};
use crate::lang::pick;
use crate::pipeline::BuildOptions;
use crate::term::print_err;

/// How often the watched folders are compared.
const POLL: Duration = Duration::from_millis(300);

/// How long to wait after a change before building, so an editor can finish writing.
const SETTLE: Duration = Duration::from_millis(100);

/// What to serve, and where.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The build to run at start and on every change (`strict` is ignored).
    pub build: BuildOptions,
    /// Address to listen on (127.0.0.1 by default).
    pub bind: IpAddr,
    /// Port; 0 picks a free one.
    pub port: u16,
    /// Names besides the bound address, `localhost`, `127.0.0.1` and `[::1]` that a request's
    /// `Host` may carry (with the port); any other gets 403.
    pub allow_hosts: Vec<String>,
    /// The deadline and the connection caps ([`Limits::default`] unless a test shortens them).
    pub limits: Limits,
}

/// The result of the latest build.
#[derive(Debug, Default)]
struct Status {
    /// Builds finished so far, good or bad.
    generation: u64,
    /// The located error of the latest build, when it failed.
    error: Option<String>,
}

/// What the connection threads share with the watcher.
#[derive(Debug)]
struct Shared {
    output: PathBuf,
    status: Mutex<Status>,
}

impl Shared {
    fn status(&self) -> std::sync::MutexGuard<'_, Status> {
        self.status.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// Builds, prints `serve: http://ADDR/` on stdout, then serves and rebuilds until the process
/// is ended. Returns only when the address cannot be bound or the first build is refused for a
/// usage reason (an output folder the guard will not replace); every other build error is shown
/// in the pages instead.
pub fn serve(opts: &ServeOptions) -> Result<()> {
    let listener = TcpListener::bind((opts.bind, opts.port)).map_err(|e| {
        let (bind, port) = (opts.bind, opts.port);
        Error::Usage(pick(
            format!("无法在 {bind}:{port} 上监听：{e}"),
            format!("cannot listen on {bind}:{port}: {e}"),
        ))
    })?;
    let addr = listener.local_addr().map_err(|e| {
        Error::Usage(pick(
            format!("无法读取监听的地址：{e}"),
            format!("cannot read the listening address: {e}"),
        ))
    })?;
    let listener = server::Listener::new(listener).map_err(|e| {
        Error::Usage(pick(
            format!("无法在 {addr} 上提供网站：{e}"),
            format!("cannot serve on {addr}: {e}"),
        ))
    })?;
    if !opts.bind.is_loopback() {
        print_err(&pick(
            format!("serve：正在 {addr} 上监听，这不是本机回环地址：其他电脑也能访问\n"),
            format!(
                "serve: listening on {addr}, which is not loopback: other machines can read it\n"
            ),
        ));
    }
    let build = BuildOptions {
        strict: false,
        ..opts.build.clone()
    };
    let shared = Arc::new(Shared {
        output: build.output.clone(),
        status: Mutex::new(Status::default()),
    });
    let roots = watched(&build);
    let mut last = Snapshot::take(&roots);
    let watching = last.len();
    print_err(&pick(
        format!("serve：正在留意 {watching} 个文件的改动\n"),
        format!("serve: watching {watching} path(s) for changes\n"),
    ));
    if let Err(Error::Usage(message)) = rebuild(&build, &shared) {
        return Err(Error::Usage(message));
    }
    let mut out = std::io::stdout().lock();
    // The address line is what scripts and tests wait for; a closed stdout is no reason to stop.
    let _ = writeln!(
        out,
        "{}",
        pick(
            format!("serve: http://{addr}/（按 Ctrl-C 停止）"),
            format!("serve: http://{addr}/ (Ctrl-C to stop)"),
        )
    );
    let _ = out.flush();
    drop(out);
    let hosts = limits::Hosts::new(opts.bind, addr.port(), &opts.allow_hosts);
    let (accepting, limits) = (Arc::clone(&shared), opts.limits);
    std::thread::spawn(move || listener.run(accepting, hosts, limits));
    loop {
        std::thread::sleep(POLL);
        if Snapshot::take(&roots) == last {
            continue;
        }
        std::thread::sleep(SETTLE);
        last = Snapshot::take(&roots);
        print_err(&pick(
            "serve：发现改动，正在重新生成\n",
            "serve: change seen; building\n",
        ));
        // Errors are recorded in the status and shown in the pages.
        let _ = rebuild(&build, &shared);
    }
}

/// The folders whose changes trigger a build: the content and the site's themes.
fn watched(build: &BuildOptions) -> Vec<PathBuf> {
    let site_root = build.content.parent().unwrap_or(Path::new("."));
    vec![build.content.clone(), site_root.join("themes")]
}

/// Runs one build and records its outcome; returns the error too.
fn rebuild(build: &BuildOptions, shared: &Shared) -> Result<()> {
    let result = crate::pipeline::build(build).map(|_| ());
    let mut status = shared.status();
    status.generation += 1;
    status.error = match &result {
        Ok(()) => None,
        Err(e) => {
            print_err(&pick(
                format!("serve：生成失败，仍提供上一次成功生成的网站\n{e}\n"),
                format!("serve: the build failed; the last good site is still served\n{e}\n"),
            ));
            Some(e.to_string())
        }
    };
    result
}

/// The response to a GET of `target`.
fn respond(shared: &Shared, target: &str) -> Response {
    let (generation, error) = {
        let status = shared.status();
        (status.generation, status.error.clone())
    };
    let path = target.split(['?', '#']).next().unwrap_or("");
    match path {
        "/__gongkai/version" => return Response::text(200, &generation.to_string()),
        "/__gongkai/error" => {
            let page = error_page(error.as_deref(), generation);
            return Response::new(200, HTML, page.into_bytes());
        }
        _ => {}
    }
    // Only a folder gongkai built is served: never a home or project folder given by mistake.
    let root = crate::fs::canonicalize(&shared.output)
        .ok()
        .flatten()
        .filter(|root| root.join(crate::output::MARKER).is_file());
    let resolved = root
        .as_deref()
        .map_or(Resolved::NotFound, |root| http::resolve(root, target));
    let (status, file) = match resolved {
        Resolved::File(file) => (200, Some(file)),
        Resolved::Redirect(location) => {
            let mut r = Response::text(301, "301\n");
            r.headers.push(("Location", location));
            return r;
        }
        Resolved::NotFound => {
            let page = root
                .as_deref()
                .and_then(|root| match http::resolve(root, "/404.html") {
                    Resolved::File(file) => Some(file),
                    _ => None,
                });
            (404, page)
        }
    };
    let Some(file) = file else {
        let page = "<!doctype html><meta charset=\"utf-8\"><title>404</title><p>404 未找到</p>";
        let body = inject(page.as_bytes().to_vec(), generation, error.as_deref());
        return Response::new(status, HTML, body);
    };
    let Ok(bytes) = crate::fs::read(&file) else {
        return Response::text(404, "404 未找到\n");
    };
    let kind = http::content_type(&file);
    // The site's 404.html links from the site root, whatever the depth of the missing URL.
    let bytes = if status == 404 {
        http::root_relative_links(&bytes)
    } else {
        bytes
    };
    let body = if kind == HTML {
        inject(bytes, generation, error.as_deref())
    } else {
        bytes
    };
    Response::new(status, kind, body)
}

/// Adds the reload script (and the error overlay, when the latest build failed) before the
/// last `</body>` of an HTML response, or at its end.
fn inject(mut html: Vec<u8>, generation: u64, error: Option<&str>) -> Vec<u8> {
    let mut extra = String::new();
    if let Some(error) = error {
        extra.push_str(&format!(
            "<div id=\"gongkai-error\" style=\"position:fixed;inset:auto 0 0 0;max-height:60vh;\
             overflow:auto;z-index:99999;margin:0;padding:1em;background:#fff5f5;color:#7a0000;\
             border-top:3px solid #c00;font:14px/1.5 monospace\"><strong>{}</strong>\
             <pre style=\"white-space:pre-wrap\">{}</pre></div>",
            "构建失败：仍显示上一次成功构建的网站。修正后保存，页面会自动刷新。",
            escape(error)
        ));
    }
    extra.push_str(&format!(
        "<script>(function(){{var g=\"{generation}\";function p(){{fetch(\"/__gongkai/version\",\
         {{cache:\"no-store\"}}).then(function(r){{return r.text()}}).then(function(t){{if(t!==g)\
         {{location.reload()}}else{{setTimeout(p,500)}}}},function(){{setTimeout(p,1000)}})}}\
         setTimeout(p,500)}})();</script>"
    ));
    let at = html
        .windows(7)
        .rposition(|w| w.eq_ignore_ascii_case(b"</body>"))
        .unwrap_or(html.len());
    html.splice(at..at, extra.into_bytes());
    html
}

/// The page at `/__gongkai/error`.
fn error_page(error: Option<&str>, generation: u64) -> String {
    let body = match error {
        Some(e) => format!("<h1>构建失败</h1><pre>{}</pre>", escape(e)),
        None => "<h1>构建成功</h1><p>没有构建错误。</p>".to_owned(),
    };
    let page = format!(
        "<!doctype html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><title>gongkai serve</title>\
         <body>{body}</body></html>"
    );
    String::from_utf8(inject(page.into_bytes(), generation, None)).unwrap_or_default()
}

/// Escapes text for HTML element content and attribute values.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reload_script_goes_before_the_last_body_end_tag_and_the_error_is_escaped() {
        let html = b"<html><body><p>x</p></BODY></html>".to_vec();
        let out = String::from_utf8(inject(html, 7, Some("a.yaml:3:5: <b>&"))).expect("utf-8");
        let script = out.find("<script>").expect("script injected");
        assert!(script < out.find("</BODY>").expect("body end kept"));
        assert!(out.contains("var g=\"7\""));
        assert!(out.contains("a.yaml:3:5: &lt;b&gt;&amp;"));
        assert!(!out.contains("<b>&"));
    }

    fn shared(output: &Path, error: Option<&str>) -> Shared {
        Shared {
            output: output.to_path_buf(),
            status: Mutex::new(Status {
                generation: 4,
                error: error.map(str::to_owned),
            }),
        }
    }

    #[test]
    fn only_a_folder_carrying_the_marker_is_served() {
        let tmp = tempfile::tempdir().expect("tempdir");
        std::fs::write(tmp.path().join("index.html"), "<p>home</p>").expect("write");
        let unmarked = shared(tmp.path(), None);
        assert_eq!(respond(&unmarked, "/index.html").status, 404);
        std::fs::write(tmp.path().join(crate::output::MARKER), "").expect("write");
        let marked = shared(tmp.path(), None);
        let page = respond(&marked, "/index.html");
        assert_eq!(page.status, 200);
        assert!(String::from_utf8_lossy(&page.body).starts_with("<p>home</p><script>"));
        assert_eq!(respond(&marked, "/.gongkai-output").status, 404);
    }

    #[test]
    fn the_version_and_error_pages_report_the_latest_build() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let failed = shared(tmp.path(), Some("content/a/2023.yaml:3:5: <x>"));
        assert_eq!(respond(&failed, "/__gongkai/version?t=1").body, b"4");
        let page = respond(&failed, "/__gongkai/error");
        let text = String::from_utf8_lossy(&page.body);
        assert!(text.contains("构建失败") && text.contains("2023.yaml:3:5: &lt;x&gt;"));
        let missing = respond(&failed, "/nothing.html");
        assert_eq!(missing.status, 404);
        assert!(String::from_utf8_lossy(&missing.body).contains("gongkai-error"));
        let good = respond(&shared(tmp.path(), None), "/__gongkai/error");
        assert!(String::from_utf8_lossy(&good.body).contains("没有构建错误"));
    }

    #[test]
    fn a_page_without_a_body_end_tag_gets_the_script_at_its_end() {
        let out = String::from_utf8(inject(b"<p>x".to_vec(), 1, None)).expect("utf-8");
        assert!(out.starts_with("<p>x<script>") && out.ends_with("</script>"));
        assert!(
            !out.contains("gongkai-error"),
            "no overlay without an error"
        );
    }
}
