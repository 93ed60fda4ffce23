//! Integration tests: the built example site in a real browser (headless Chromium), opened from
//! `file://`. Locally the test says why it skips when Chromium is absent; under `CI=true` it must
//! run (`.ci/run` installs Chromium).

use std::path::{Path, PathBuf};
use std::process::Command as Process;

use crate::support::root;

/// The Chromium binary, if installed.
pub(crate) fn chromium() -> Option<PathBuf> {
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .find_map(|name| {
            let out = Process::new("which").arg(name).output().ok()?;
            let path = String::from_utf8(out.stdout).ok()?;
            let path = path.trim();
            (out.status.success() && !path.is_empty()).then(|| PathBuf::from(path))
        })
}

/// Loads `page` from `file://` and returns (DOM after scripts ran, Chromium's log).
pub(crate) fn open(browser: &Path, page: &Path) -> (String, String) {
    open_with(
        browser,
        &format!("file://{}", page.display()),
        &["--virtual-time-budget=2000"],
    )
}

/// Loads `url` with `extra` Chromium arguments and returns (DOM after scripts ran, log).
pub(crate) fn open_with(browser: &Path, url: &str, extra: &[&str]) -> (String, String) {
    let profile = tempfile::tempdir().expect("profile dir");
    let out = Process::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--enable-logging=stderr",
            "--v=0",
        ])
        .args(extra)
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg("--dump-dom")
        .arg(url)
        .output()
        .expect("chromium runs");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Console messages and failed loads in Chromium's log.
pub(crate) fn page_errors(log: &str) -> Vec<&str> {
    log.lines()
        .filter(|l| {
            l.contains("CONSOLE")
                || l.contains("Uncaught")
                || l.contains("ERR_FILE_NOT_FOUND")
                || l.contains("Not allowed to load local resource")
        })
        .collect()
}

#[cfg_attr(
    gongkai_no_chromium,
    ignore = "chromium is not installed (apt-get install chromium)"
)]
#[test]
fn the_site_opens_from_disk_in_chromium_without_console_errors() {
    let browser = chromium().expect("chromium is on PATH (build.rs found it; .ci/run installs it)");
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("site");
    crate::support::gongkai()
        .expect("binary")
        .current_dir(root())
        .args(["build", "--output"])
        .arg(&out)
        .assert()
        .success();

    // (page, texts its rendered DOM must hold)
    let pages: [(&str, &[&str]); 3] = [
        (
            "index.html",
            &["武汉市洪山区人民政府青菱街道办事处", "94.97"],
        ),
        (
            "units/qingling/index.html",
            &["武汉市洪山区人民政府青菱街道办事处", "2023"],
        ),
        (
            "units/qingling/2023/index.html",
            &[
                "自评总分（原文）</th><td class=\"num\">92</td>",
                "11,092.59",
                "<svg",
            ],
        ),
    ];
    assert_pages_open(&browser, &out, &pages);

    // The sorting script ran: it adds a button to each sortable header.
    let (dom, _) = open(&browser, &out.join("index.html"));
    assert!(
        dom.contains("<button") && dom.contains("class=\"sort\""),
        "sort.js enhanced the table"
    );
}

/// Opens each `(page, texts)` of the site built in `out` from disk: the DOM holds every text
/// and the log has no console error or failed load.
pub(crate) fn assert_pages_open(browser: &Path, out: &Path, pages: &[(&str, &[&str])]) {
    for (page, expected) in pages {
        let (dom, log) = open(browser, &out.join(page));
        assert!(
            dom.contains("<html lang=\"zh-CN\""),
            "{page}: DOM was dumped"
        );
        for text in *expected {
            assert!(dom.contains(text), "{page}: the DOM holds {text}");
        }
        let errors = page_errors(&log);
        assert!(
            errors.is_empty(),
            "{page}: console errors or failed loads: {errors:#?}"
        );
    }
}
