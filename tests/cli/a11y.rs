//! Issue 19: phones and accessibility, in a real browser. Each main page of the example site is
//! opened in headless Chromium inside a frame 390 px wide (a phone), in light and in dark mode,
//! and audited from inside (`a11y/audit.js`): no page wider than the phone (a wide table
//! scrolls in its own box), no cell of two or more characters laid out one character wide, no
//! chart label under 12 px, no explanation only in a `title` tooltip, and no WCAG 2 A/AA
//! violation axe-core finds (colour contrast ≥ 4.5 among them). axe-core comes from the npm
//! registry (`.ci/run` puts it in `target/tools/`; `GONGKAI_AXE` may name another copy).

use std::path::{Path, PathBuf};

use crate::support::root;

/// The audit script run inside each page.
const AUDIT: &str = include_str!("a11y/audit.js");

/// The pages audited, from the internal build (a superset of the public pages' elements).
const PAGES: [&str; 10] = [
    "index.html",
    "units/qingling/index.html",
    "units/qingling/2023/index.html",
    "units/qingling/2023/juesuan.html",
    "units/qingling/2023/compare.html",
    "units/huashan/2020/index.html",
    "years/2023/index.html",
    "compare/execution_rate.html",
    "search.html",
    "review.html",
];

/// axe-core's browser bundle: `GONGKAI_AXE`, else where `.ci/run` puts it.
fn axe() -> PathBuf {
    std::env::var_os("GONGKAI_AXE")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target/tools/axe-core-4.14.1/axe.min.js"))
}

/// Undoes the escaping of a text node in Chromium's DOM dump.
fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
}

/// Audits `page` of the site in `out` at phone width; `dark` asks for the dark colour scheme.
fn audit(browser: &Path, out: &Path, page: &str, dark: bool) -> serde_json::Value {
    let tools = out.join("__audit");
    std::fs::create_dir_all(&tools).expect("mkdir");
    let script = tools.join("audit.js");
    std::fs::write(&script, AUDIT).expect("write audit.js");
    let html = std::fs::read_to_string(out.join(page)).expect("page");
    let injected = format!(
        "<script src=\"file://{}\"></script><script src=\"file://{}\"></script></body>",
        axe().display(),
        script.display()
    );
    let copy = out.join(page).with_file_name("__audit-page.html");
    std::fs::write(&copy, html.replacen("</body>", &injected, 1)).expect("write copy");
    let frame = tools.join("frame.html");
    std::fs::write(
        &frame,
        format!(
            "<!DOCTYPE html><html lang=\"en\"><body><pre id=\"result\">pending</pre>\
             <iframe src=\"file://{}\" width=\"390\" height=\"844\"></iframe><script>\
             addEventListener('message', function (e) {{ document.getElementById('result').textContent = e.data; }});\
             </script></body></html>",
            copy.display()
        ),
    )
    .expect("write frame");
    let mut extra = vec![
        "--virtual-time-budget=30000",
        "--allow-file-access-from-files",
    ];
    if dark {
        extra.push("--blink-settings=preferredColorScheme=0");
    }
    let url = format!("file://{}", frame.display());
    let (dom, log) = crate::browser::open_with(browser, &url, &extra);
    std::fs::remove_file(&copy).expect("remove copy");
    let result = dom
        .split("<pre id=\"result\">")
        .nth(1)
        .and_then(|r| r.split("</pre>").next())
        .unwrap_or_else(|| panic!("{page}: no result in the DOM; log:\n{log}"));
    serde_json::from_str(&unescape(result))
        .unwrap_or_else(|e| panic!("{page}: the audit did not report ({e}): {result}\n{log}"))
}

#[cfg_attr(
    gongkai_no_chromium,
    ignore = "chromium is not installed (apt-get install chromium)"
)]
#[cfg_attr(
    gongkai_no_axe,
    ignore = "axe-core is not installed (bash .ci/run downloads it to target/tools/)"
)]
#[test]
fn every_main_page_reads_on_a_phone_in_light_and_dark_mode_and_passes_axe() {
    let browser = crate::browser::chromium().expect("chromium is on PATH (.ci/run installs it)");
    assert!(
        axe().is_file(),
        "axe-core is missing at {} (.ci/run downloads it)",
        axe().display()
    );
    let (_dir, out) =
        crate::support::build_into_temp_with(&root().join("content"), &["--profile", "internal"]);
    let mut problems = Vec::new();
    // Dark mode changes colours only: the pages with the most kinds of element are enough.
    let dark_pages = [PAGES[0], PAGES[2], PAGES[3], PAGES[9]];
    for dark in [false, true] {
        for page in if dark { &dark_pages[..] } else { &PAGES[..] } {
            let page = *page;
            let r = audit(&browser, &out, page, dark);
            let mode = if dark { "dark" } else { "light" };
            assert_eq!(r["width"], 390, "{page}: the frame is a phone's width");
            if r["overflow"].as_f64().unwrap_or(0.0) > 0.0 {
                problems.push(format!(
                    "{page} ({mode}): wider than the phone by {}px",
                    r["overflow"]
                ));
            }
            for key in ["narrow", "small", "tooltips"] {
                for item in r[key].as_array().into_iter().flatten() {
                    problems.push(format!("{page} ({mode}): {key}: {item}"));
                }
            }
            match r["axe"].as_array() {
                Some(violations) => {
                    for v in violations {
                        problems.push(format!("{page} ({mode}): axe: {v}"));
                    }
                }
                None => panic!("{page}: axe-core did not run"),
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}
