//! Integration tests of site search: the built example site searched in headless Chromium from
//! `file://`, and a synthetic site of 10,000 unit-years for the index size and the time of the
//! first search.

use std::path::Path;
use std::time::Instant;

use assert_cmd::Command;
use gongkai::model::Year;
use gongkai::search::{Doc, docs, meta_js, units, year_js, year_js_path};

use crate::browser::{chromium, open_with, page_errors};
use crate::support::root;

/// Builds the example site into `out`.
fn build(out: &Path, profile: &str) {
    Command::cargo_bin("gongkai")
        .expect("binary")
        .current_dir(root())
        .args(["build", "--profile", profile, "--output"])
        .arg(out)
        .assert()
        .success();
}

/// The first result's link in a dumped search page.
fn first_result(dom: &str) -> Option<&str> {
    let list = &dom[dom.find("id=\"search-results\"")?..];
    let at = list.find("<a href=\"")? + "<a href=\"".len();
    list[at..].split('"').next()
}

fn bytes_under(dir: &Path, keep: &dyn Fn(&Path) -> bool) -> u64 {
    walk(dir)
        .into_iter()
        .filter(|p| keep(p))
        .map(|p| std::fs::metadata(&p).map(|m| m.len()).unwrap_or(0))
        .sum()
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("readable").flatten() {
        let p = entry.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

#[test]
fn every_page_has_a_search_box_that_goes_to_search_html() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("site");
    build(&out, "public");
    let page = std::fs::read_to_string(out.join("units/qingling/2023/index.html")).expect("page");
    assert!(page.contains("<form class=\"site-search\" role=\"search\" action=\"../../../search.html\" method=\"get\">"));
    assert!(page.contains("name=\"q\""));
    let index = std::fs::read_to_string(out.join("index.html")).expect("index");
    assert!(index.contains("action=\"search.html\""));
    let search = std::fs::read_to_string(out.join("search.html")).expect("search page");
    assert!(search.contains("<script src=\"search/meta.js\" defer></script>"));
    assert!(out.join("search/index-2023.js").is_file());
    assert!(!search.contains("fetch("));
}

#[test]
fn the_public_index_holds_no_contact_and_no_findings() {
    let dir = tempfile::tempdir().expect("temp dir");
    for profile in ["public", "internal"] {
        let out = dir.path().join(profile);
        build(&out, profile);
        let index: String = walk(&out.join("search"))
            .iter()
            .map(|p| std::fs::read_to_string(p).expect("index file"))
            .collect();
        assert!(
            index.contains("信访件办结率"),
            "{profile}: the index holds the indicator"
        );
        assert!(
            !index.contains("马兰萍") && !index.contains("88938605"),
            "{profile}: no contact"
        );
        assert!(!index.contains("审核发现"), "{profile}: no findings");
    }
}

#[test]
fn typing_an_indicator_in_chromium_from_file_lists_its_page_first() {
    let Some(browser) = chromium() else {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "CI=true requires Chromium for the browser test"
        );
        eprintln!("skipping the search browser test: chromium is not installed");
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("site");
    build(&out, "public");
    let url = format!("file://{}/search.html?q=信访件办结率", out.display());
    let (dom, log) = open_with(&browser, &url, &["--virtual-time-budget=2000"]);
    assert_eq!(
        first_result(&dom),
        Some("units/huashan/2020/index.html#self_evaluation"),
        "the 花山 2020 table that names the indicator comes first"
    );
    assert!(
        dom.contains("<mark>信访件办结率</mark>"),
        "the match is highlighted"
    );
    let errors = page_errors(&log);
    assert!(
        errors.is_empty(),
        "console errors or failed loads: {errors:#?}"
    );

    // The year and unit filters narrow the results.
    let url = format!(
        "file://{}/search.html?q=%E5%8A%9E%E7%BB%93%E7%8E%87&year=2023",
        out.display()
    );
    let (dom, _) = open_with(&browser, &url, &["--virtual-time-budget=2000"]);
    assert!(
        first_result(&dom).is_some_and(|h| h.starts_with("units/qingling/2023/index.html#")),
        "青菱 2023 (平安建设工作办结率) comes first within 2023"
    );
    assert!(!dom.contains("units/huashan/2020/index.html"));
}

/// 10,000 unit-years: the example's documents copied under 2,000 unit names each, spread over
/// ten years (the content of each copy is the example's, so index bytes per page match).
fn synthetic() -> (Vec<(String, String)>, Vec<Doc>) {
    let corpus = gongkai::load(&root().join("content")).expect("example loads");
    let scores = gongkai::score_corpus(&corpus);
    let example = docs(&corpus, &scores);
    let base = units(&corpus);
    let mut all_units = Vec::new();
    let mut all = Vec::new();
    for k in 0..2000 {
        let shift = i64::from(k % 10) - 9;
        for (u, (id, name)) in base.iter().enumerate() {
            all_units.push((format!("{id}-{k}"), format!("{name}（第{k}组）")));
            for d in example.iter().filter(|d| d.unit == u) {
                let mut d = d.clone();
                d.unit = all_units.len() - 1;
                d.year = Year::new(i64::from(d.year.get()) + shift).expect("year");
                d.title = d.title.replace(name.as_str(), &all_units[d.unit].1);
                d.href = format!("units/{id}-{k}/{}/index.html", d.year);
                all.push(d);
            }
        }
    }
    (all_units, all)
}

#[test]
fn a_site_of_ten_thousand_unit_years_loads_one_year_for_the_first_search() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("site");
    build(&out, "public");
    let example_index = bytes_under(&out.join("search"), &|_| true);
    let html = |p: &Path| p.extension().is_some_and(|e| e == "html");
    let example_html = bytes_under(&out, &html);
    let unit_year_html = bytes_under(&out, &|p| {
        html(p)
            && p.to_string_lossy().contains("/units/")
            && p.parent()
                .and_then(Path::file_name)
                .is_some_and(|n| n.to_string_lossy().starts_with("20"))
    });
    let (units, docs) = synthetic();
    assert_eq!(docs.len(), 10_000);
    std::fs::remove_dir_all(out.join("search")).expect("old index removed");
    std::fs::create_dir(out.join("search")).expect("search dir");
    let mut years: Vec<Year> = docs.iter().map(|d| d.year).collect();
    years.sort();
    years.dedup();
    std::fs::write(out.join("search/meta.js"), meta_js(&units, &docs)).expect("meta");
    for y in &years {
        std::fs::write(out.join(year_js_path(*y)), year_js(&docs, *y)).expect("year file");
    }
    let big_index = bytes_under(&out.join("search"), &|_| true);
    eprintln!(
        "search index: example {example_index} B (all HTML {example_html} B, unit-year pages \
         {unit_year_html} B); 10,000 unit-years {big_index} B (unit-year pages, extrapolated: {} B)",
        unit_year_html * 2000
    );
    let Some(browser) = chromium() else {
        eprintln!("skipping the timing: chromium is not installed");
        return;
    };
    let latest = years.last().expect("a year");
    let url = format!(
        "file://{}/search.html?q=信访件办结率&year={latest}",
        out.display()
    );
    let started = Instant::now();
    let (dom, _) = open_with(&browser, &url, &[]);
    eprintln!("chromium wall time with start-up: {:?}", started.elapsed());
    let ms: u64 = dom
        .split("data-ms=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .and_then(|s| s.parse().ok())
        .expect("search.js recorded the time of the first search");
    eprintln!("first search of one year ({latest}) of 10,000 unit-years: {ms} ms");
    assert!(first_result(&dom).is_some_and(|h| h.contains(&format!("/{latest}/index.html#"))));
    let loaded = dom.matches("search/index-").count();
    assert_eq!(loaded, 1, "the first search loads one year's index file");
    // The time depends on the machine and its load; docs/search.md records measurements.
    assert!(ms < 10_000, "first search took {ms} ms");
}
