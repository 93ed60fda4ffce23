//! Integration tests of site search: the built example site searched in headless Chromium from
//! `file://`. The bytes a first search loads on a large site are a unit test
//! (`search::scale`); its time is measured by `bench/search.sh`, not by a test.

use std::path::Path;

use crate::browser::{chromium, open_with, page_errors};
use crate::support::root;

/// Builds the example site into `out`.
fn build(out: &Path, profile: &str) {
    crate::support::gongkai()
        .expect("binary")
        .current_dir(root())
        .args(["build", "--profile", profile, "--output"])
        .arg(out)
        .assert()
        .success();
}

/// Every result's link in a dumped search page, in order.
fn result_links(dom: &str) -> Vec<String> {
    let Some(at) = dom.find("id=\"search-results\"") else {
        return Vec::new();
    };
    dom[at..]
        .split("<li><h2><a href=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .map(|s| s.replace("&amp;", "&"))
        .collect()
}

/// The first result's link in a dumped search page.
fn first_result(dom: &str) -> Option<&str> {
    let list = &dom[dom.find("id=\"search-results\"")?..];
    let at = list.find("<a href=\"")? + "<a href=\"".len();
    list[at..].split('"').next()
}

/// The status line of a dumped search page: `(found, shown)` from `找到 N 个页面` and, when
/// more are found than shown, `显示前 M 个` (else `shown` is `found`); `(0, 0)` for none.
fn status_counts(dom: &str) -> Option<(usize, usize)> {
    let at = dom.find("id=\"search-status\"")?;
    let text = dom[at..].split_once('>')?.1.split('<').next()?;
    if text.starts_with("没有找到") {
        return Some((0, 0));
    }
    let number = |after: &str| -> Option<usize> {
        let rest = text.split_once(after)?.1;
        rest.split(' ').find(|w| !w.is_empty())?.parse().ok()
    };
    let found = number("找到")?;
    let shown = if text.contains("显示前") {
        number("显示前")?
    } else {
        found
    };
    Some((found, shown))
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
    assert!(out.join("search/t/0.js").is_file() && out.join("search/d/0.js").is_file());
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

#[cfg_attr(
    gongkai_no_chromium,
    ignore = "chromium is not installed (apt-get install chromium)"
)]
#[test]
fn typing_an_indicator_in_chromium_from_file_lists_its_page_first() {
    let browser = chromium().expect("chromium is on PATH (build.rs found it; .ci/run installs it)");
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

    // A query loads only the shards of its tokens and the files of the pages it shows.
    let url = format!("file://{}/search.html?q=%E9%9D%92%E8%8F%B1", out.display());
    let (dom, _) = open_with(&browser, &url, &["--virtual-time-budget=2000"]);
    let shards = dom.matches("src=\"search/t/").count();
    let pages = dom.matches("src=\"search/d/").count();
    let shown = dom.matches("<li><h2>").count();
    assert_eq!(
        (shards, pages, shown),
        (1, 3, 3),
        "青菱 is one bigram, in one of the 16 shards; three pages hold it (青菱's two \
         unit-year pages and its 2023 决算 page)"
    );
}

#[cfg_attr(
    gongkai_no_chromium,
    ignore = "chromium is not installed (apt-get install chromium)"
)]
#[test]
fn issue19_chromium_finds_only_pages_holding_the_query_and_counts_them_truly() {
    let browser = chromium().expect("chromium is on PATH (build.rs found it; .ci/run installs it)");
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("site");
    build(&out, "public");
    let corpus = gongkai::load(&root().join("content")).expect("example loads");
    let index = gongkai::search::index(&corpus, &gongkai::score_corpus(&corpus));
    let pages = index.docs.iter().filter(|d| d.exists()).count();
    for (query, encoded) in [
        (
            "信访件办结率",
            "%E4%BF%A1%E8%AE%BF%E4%BB%B6%E5%8A%9E%E7%BB%93%E7%8E%87",
        ),
        ("办事处", "%E5%8A%9E%E4%BA%8B%E5%A4%84"),
        ("办", "%E5%8A%9E"),
        ("三公经费", "%E4%B8%89%E5%85%AC%E7%BB%8F%E8%B4%B9"),
    ] {
        let url = format!("file://{}/search.html?q={encoded}", out.display());
        let (dom, log) = open_with(&browser, &url, &["--virtual-time-budget=2000"]);
        let links = result_links(&dom);
        let found = gongkai::search::rank(&index, query).len();
        assert_eq!(
            status_counts(&dom),
            Some((found, links.len())),
            "{query}: the status counts the results listed and the pages found"
        );
        assert_eq!(links.len(), found.min(20), "{query}");
        let errors = page_errors(&log);
        assert!(errors.is_empty(), "{query}: {errors:#?}");
        if query == "信访件办结率" {
            assert!(
                found < pages,
                "{query}: {found} of {pages} pages, not every page"
            );
        }
        if query == "三公经费" {
            assert_eq!(
                links.first().map(String::as_str),
                Some("units/qingling/2023/juesuan.html#shuoming"),
                "the 决算 page is its own result, linked to its 情况说明"
            );
        }
    }
    // 办事处 finds no page holding only 办: each result holds 办事 and 事处.
    for h in gongkai::search::rank(&index, "办事处") {
        let doc = &index.docs[h.doc];
        assert!(
            doc.fields.iter().any(|f| f.text.contains("办事"))
                && doc.fields.iter().any(|f| f.text.contains("事处")),
            "{}",
            doc.href
        );
    }
}

#[cfg_attr(
    gongkai_no_chromium,
    ignore = "chromium is not installed (apt-get install chromium)"
)]
#[test]
fn chromium_ranks_and_links_results_as_the_rust_reference_does() {
    let browser = chromium().expect("chromium is on PATH (build.rs found it; .ci/run installs it)");
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("site");
    build(&out, "public");
    let corpus = gongkai::load(&root().join("content")).expect("example loads");
    let index = gongkai::search::index(&corpus, &gongkai::score_corpus(&corpus));
    for (query, encoded) in [
        ("办结率", "%E5%8A%9E%E7%BB%93%E7%8E%87"),
        ("青菱 2023", "%E9%9D%92%E8%8F%B1+2023"),
        (
            "预算执行率",
            "%E9%A2%84%E7%AE%97%E6%89%A7%E8%A1%8C%E7%8E%87",
        ),
        ("１００", "%EF%BC%91%EF%BC%90%EF%BC%90"),
        ("三公经费", "%E4%B8%89%E5%85%AC%E7%BB%8F%E8%B4%B9"),
        ("办", "%E5%8A%9E"),
    ] {
        let expected: Vec<String> = gongkai::search::rank(&index, query)
            .iter()
            .take(20)
            .map(|h| {
                let doc = &index.docs[h.doc];
                let anchor = &doc.fields[gongkai::search::best_field(doc, query)].anchor;
                if anchor.is_empty() {
                    doc.href.clone()
                } else {
                    format!("{}#{anchor}", doc.href)
                }
            })
            .collect();
        let url = format!("file://{}/search.html?q={encoded}", out.display());
        let (dom, _) = open_with(&browser, &url, &["--virtual-time-budget=2000"]);
        assert!(!expected.is_empty(), "{query} finds pages");
        assert_eq!(result_links(&dom), expected, "{query}");
    }
}
