//! Integration tests: `gongkai build` (the pipeline and the site pages), through the binary.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use tempfile::TempDir;

use crate::support::{files, fixture, root};

/// Runs `gongkai build` on the example content into `out`, with extra arguments.
fn build(out: &Path, args: &[&str]) -> assert_cmd::assert::Assert {
    crate::support::gongkai()
        .expect("binary builds")
        .current_dir(root())
        .arg("build")
        .arg("--content")
        .arg(root().join("content"))
        .arg("--output")
        .arg(out)
        .args(args)
        .assert()
}

pub(crate) fn built(args: &[&str]) -> (TempDir, BTreeMap<String, Vec<u8>>) {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("site");
    build(&out, args).success();
    let files = files(&out);
    (dir, files)
}

pub(crate) fn text(files: &BTreeMap<String, Vec<u8>>, path: &str) -> String {
    String::from_utf8(
        files
            .get(path)
            .unwrap_or_else(|| panic!("{path} is built"))
            .clone(),
    )
    .expect("UTF-8")
}

/// The values of every `attr="…"` in an HTML text.
pub(crate) fn attrs<'a>(html: &'a str, attr: &str) -> Vec<&'a str> {
    let needle = format!(" {attr}=\"");
    html.match_indices(&needle)
        .filter_map(|(i, _)| {
            let rest = &html[i + needle.len()..];
            rest.find('"').map(|end| &rest[..end])
        })
        .collect()
}

/// Joins a relative link to the folder of `from`, resolving `..`.
pub(crate) fn resolve(from: &str, link: &str) -> String {
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop();
    for seg in link.split('/') {
        match seg {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            s => parts.push(s),
        }
    }
    parts.join("/")
}

#[test]
fn the_example_site_builds_every_page_and_asset() {
    let (_dir, files) = built(&[]);
    for page in [
        "index.html",
        "404.html",
        "static/style.css",
        "static/sort.js",
        "units/qingling/index.html",
        "units/qingling/2023/index.html",
        "units/huashan/2020/index.html",
        "years/2023/index.html",
    ] {
        assert!(files.contains_key(page), "{page} is missing");
    }
    let index = text(&files, "index.html");
    assert!(index.contains("<html lang=\"zh-CN\">"));
    assert!(index.contains("<table class=\"sortable\">") && index.contains("<caption>"));
    assert!(index.contains("<th scope=\"col\""));
    assert!(index.contains("data-sort=\""));
}

#[test]
fn every_internal_link_resolves_to_a_file_and_anchor_of_the_site() {
    let (_dir, files) = built(&["--profile", "internal"]);
    let checked = assert_links_resolve(&files);
    assert!(checked > 50, "only {checked} links checked");
}

/// The link checker: every `href`/`src` of every HTML page of a built site is relative and
/// names a built file (and, with `#`, an id on it). Returns how many links were checked.
pub(crate) fn assert_links_resolve(files: &BTreeMap<String, Vec<u8>>) -> usize {
    let ids: BTreeMap<&str, BTreeSet<String>> = files
        .iter()
        .filter(|(p, _)| p.ends_with(".html"))
        .map(|(p, b)| {
            let html = std::str::from_utf8(b).expect("UTF-8");
            (
                p.as_str(),
                attrs(html, "id").into_iter().map(str::to_owned).collect(),
            )
        })
        .collect();
    let mut checked = 0;
    for page in ids.keys() {
        let html = text(files, page);
        assert!(
            !html.contains("href=\"/"),
            "{page} has a root-absolute link"
        );
        for link in attrs(&html, "href").into_iter().chain(attrs(&html, "src")) {
            assert!(
                !link.starts_with("http://")
                    && !link.starts_with("https://")
                    && !link.starts_with("//"),
                "{page} links outside: {link}"
            );
            let (file, anchor) = link.split_once('#').unwrap_or((link, ""));
            let target = if file.is_empty() {
                (*page).to_owned()
            } else {
                resolve(page, file)
            };
            assert!(
                files.contains_key(&target),
                "{page}: `{link}` → {target} is not built"
            );
            if !anchor.is_empty() {
                let known = ids.get(target.as_str()).expect("an HTML target");
                assert!(known.contains(anchor), "{page}: `{link}` has no #{anchor}");
            }
            checked += 1;
        }
    }
    checked
}

#[test]
fn rule_scores_are_shown_to_two_places_not_cut_to_the_documents_precision() {
    // Regression: the rule total 94.97 of 花山 2020 was printed as 95.0 because it was rounded
    // to the precision the document prints its own scores in (0.1). That precision decides
    // whether a reported score differs from the rule; it must not hide the rule's figure.
    let (_dir, files) = built(&[]);
    let index = text(&files, "index.html");
    assert!(index.contains(">94.97<"), "index shows 94.97");
    let page = text(&files, "units/huashan/2020/index.html");
    assert!(page.contains(">94.97<"), "unit-year page shows 94.97");
    assert!(page.contains(">4.99<"), "信访件办结率 rule score 4.99");
    assert!(!page.contains(">95.0<"), "no rounded-away total");
}

#[test]
fn issue16_a_printed_rate_is_shown_as_printed_beside_the_computed_one() {
    // 花山 2020 prints its 执行率 as "100%" (content/huashan/2020.yaml:20): the 原文 column shows
    // "100%", not "100.00%"; the computed B/A stands beside it to 2 places. The CSV likewise.
    let (_dir, files) = built(&[]);
    let page = text(&files, "units/huashan/2020/index.html");
    assert!(
        page.contains(
            "<td class=\"num\">11,604.54</td><td class=\"num\">20</td><td class=\"num\">100%</td><td class=\"num\">20</td><td class=\"num computed\">100.00%</td>"
        ),
        "printed 100% beside the computed 100.00%"
    );
    let csv = files
        .iter()
        .find(|(p, _)| p.starts_with("data/huashan/2020/") && p.ends_with("-execution.csv"))
        .map(|(_, b)| String::from_utf8_lossy(b).into_owned())
        .unwrap_or_default();
    assert!(csv.contains(",\"100%\",\"20\",\"\",\"100.00%\","), "{csv}");
}

#[test]
fn issue16_a_narrative_heading_is_printed_once() {
    // 01-gaikuang.md opens with "# 第一部分 …概况": the section's heading, printed once (it
    // was printed again as the Markdown's own first heading).
    let (_dir, files) = built(&[]);
    let page = text(&files, "units/qingling/2023/index.html");
    let heading = "第一部分 武汉市洪山区人民政府青菱街道办事处概况</h";
    assert_eq!(page.matches(heading).count(), 1, "printed once");
    assert!(page.contains("<h2>第一部分 武汉市洪山区人民政府青菱街道办事处概况</h2>"));
}

#[test]
fn the_unit_year_page_shows_the_reported_and_the_rule_totals() {
    let (_dir, files) = built(&[]);
    let page = text(&files, "units/qingling/2023/index.html");
    assert!(
        page.contains("自评总分（原文）</th><td class=\"num\">92</td>"),
        "reported 92"
    );
    assert!(
        page.contains("规则总分</th><td class=\"num\">92</td>"),
        "rule total 92"
    );
    assert!(page.contains("<th scope=\"col\">预算数</th>") && page.contains("11,092.59"));
    assert!(page.contains("<svg"), "charts are inline");
    assert!(
        page.contains(
            "本年收入合计</th><td class=\"num\">11,902.59</td><td class=\"num\">11,092.59</td>"
        ),
        "the 决算 summary shows the stated total beside the sum of its parts"
    );
}

#[test]
fn the_public_site_has_no_personal_data_and_no_findings() {
    let (_dir, files) = built(&["--profile", "public"]);
    for (path, bytes) in &files {
        let s = String::from_utf8_lossy(bytes);
        assert!(
            !s.contains("88938605"),
            "{path} shows the contact's phone number"
        );
        assert!(!s.contains("审核发现"), "{path} shows findings");
    }
}

#[test]
fn the_internal_site_shows_each_finding_beside_its_figure() {
    let (_dir, files) = built(&["--profile", "internal"]);
    let page = text(&files, "units/huashan/2020/index.html");
    let row = page
        .split("<tr")
        .find(|r| r.contains("信访件办结率</th>"))
        .expect("the 信访件办结率 row");
    assert!(
        row.contains("审核发现"),
        "the finding stands in its row: {row}"
    );
    assert!(row.contains("4.99"), "with the computed score: {row}");

    let page = text(&files, "units/huanghelou/2021/index.html");
    let execution = page
        .split("<caption>")
        .find(|t| t.starts_with("预算资金（万元）"))
        .and_then(|t| t.split("</table>").nth(1))
        .expect("the 预算执行 table");
    assert!(
        execution
            .trim_start()
            .starts_with("<ul class=\"findings\">"),
        "the over-budget finding follows the 预算执行 table"
    );
}

#[test]
fn building_twice_gives_identical_bytes_whatever_threads_tz_or_lang() {
    let dir = tempfile::tempdir().expect("temp dir");
    let run = |name: &str, threads: &str, tz: &str, lang: &str| {
        let out = dir.path().join(name);
        crate::support::gongkai()
            .expect("binary builds")
            .current_dir(root())
            .env("RAYON_NUM_THREADS", threads)
            .env("TZ", tz)
            .env("LANG", lang)
            .args(["build", "--content"])
            .arg(root().join("content"))
            .arg("--output")
            .arg(&out)
            .assert()
            .success();
        files(&out)
    };
    let a = run("a", "1", "Asia/Shanghai", "zh_CN.UTF-8");
    let b = run("b", "4", "UTC", "C");
    let c = run("c", "4", "UTC", "C");
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (path, bytes) in &a {
        assert!(
            b[path] == *bytes && c[path] == *bytes,
            "{path} differs between builds"
        );
    }
}

#[test]
fn strict_with_findings_exits_1_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("site");
    build(&out, &["--strict"]).code(1);
    assert!(!out.exists(), "nothing is written under --strict");
}

#[test]
fn invalid_content_exits_2_with_located_errors_and_leaves_the_output_untouched() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("site");
    build(&out, &[]).success();
    let before = files(&out);
    let case = fixture("invalid/missing_field");
    let assert = crate::support::gongkai()
        .expect("binary builds")
        .current_dir(&case)
        .args(["build", "--content", "content", "--output"])
        .arg(&out)
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    assert!(stderr.contains("content/"), "errors are located: {stderr}");
    assert!(
        stderr.contains(".yaml:"),
        "errors name file and line: {stderr}"
    );
    assert_eq!(files(&out), before, "the output is untouched");
}

#[test]
fn each_record_is_published_as_json_with_its_computed_figures_and_no_local_path() {
    let (_dir, files) = built(&[]);
    let json: serde_json::Value =
        serde_json::from_str(&text(&files, "data/qingling/2023.json")).expect("valid JSON");
    assert_eq!(json["record"]["path"], "qingling/2023.yaml");
    assert_eq!(json["record"]["self_evaluation"]["reported_total"], "92");
    assert!(json["scores"]["self_evaluation"]["rule_total"].is_string());
    assert!(json["record"].get("contact").is_none(), "no personal data");
    let page = text(&files, "units/qingling/2023/index.html");
    assert!(
        page.contains("../../../data/qingling/2023.json"),
        "the page links its data"
    );
}

#[test]
fn each_scorecard_table_is_a_quoted_csv_with_a_bom_linked_from_its_page() {
    let (_dir, files) = built(&[]);
    let csv = text(&files, "data/qingling/2023/self_evaluation.csv");
    assert!(
        csv.starts_with("\u{feff}\"年度目标\",\"一级指标\""),
        "BOM and header"
    );
    assert!(csv.contains("\"当年引进重点重大项目数量\",\"4个\",\"7个\",\"3\",\"3\",\"3\""));
    assert!(
        csv.lines()
            .skip(1)
            .all(|l| l.starts_with('"') && l.ends_with('"'))
    );
    let page = text(&files, "units/qingling/2023/index.html");
    assert!(page.contains("../../../data/qingling/2023/self_evaluation.csv"));
    assert!(page.contains("../../../data/qingling/2023/projects-0.csv"));
}

#[test]
fn the_sitemap_is_written_only_when_base_url_is_set() {
    let (_dir, files) = built(&[]);
    assert!(!files.contains_key("sitemap.xml"));

    let dir = tempfile::tempdir().expect("temp dir");
    let content = dir.path().join("content");
    for (rel, bytes) in crate::support::files(&root().join("content")) {
        let path = content.join(&rel);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, bytes).expect("copy");
    }
    let site = content.join("_site.yaml");
    let mut yaml = std::fs::read_to_string(&site).expect("read");
    yaml.push_str("base_url: https://czj.example.gov.cn/gongkai/\n");
    std::fs::write(&site, yaml).expect("write");
    let out = dir.path().join("site");
    crate::support::gongkai()
        .expect("binary builds")
        .current_dir(dir.path())
        .args(["build", "--output", "site"])
        .assert()
        .success();
    let sitemap = std::fs::read_to_string(out.join("sitemap.xml")).expect("sitemap.xml");
    assert!(sitemap.contains("<loc>https://czj.example.gov.cn/gongkai/units/qingling/2023/</loc>"));
    assert!(!sitemap.contains("404"));
}

/// The disclosure pages of seeds 003 and 001, pinned whole: any change to what a reader sees on
/// them shows up as a snapshot diff to review.
#[test]
fn the_unit_year_pages_of_seeds_003_and_001_are_pinned() {
    let (_dir, files) = built(&[]);
    insta::assert_snapshot!(
        "unit_year_qingling_2023",
        text(&files, "units/qingling/2023/index.html")
    );
    insta::assert_snapshot!(
        "unit_year_huashan_2020",
        text(&files, "units/huashan/2020/index.html")
    );
}
