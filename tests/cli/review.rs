//! Issue 19: the internal profile as a review desk. `review.html` lists every finding of the
//! site with counts per unit and per code, each row linking to the finding beside its figure;
//! `data/findings.csv` and `.json` hold the same list; the index counts each unit-year's
//! findings and marks figures past the thresholds; 填报人 shows on internal pages only. None of
//! it is built under the public profile.

use std::collections::BTreeMap;

use crate::site::{attrs, built, resolve, text};
use crate::support::{csv_rows, root};

/// `(unit, year, code, field)` of every finding `gongkai check --format json` reports.
fn checked() -> Vec<(String, u64, String, String)> {
    let out = crate::support::gongkai()
        .expect("binary")
        .current_dir(root())
        .args(["check", "--format", "json"])
        .output()
        .expect("runs");
    keys(&out.stdout)
}

/// `(unit, year, code, field)` of every finding of a `{"findings": [...]}` JSON text.
fn keys(json: &[u8]) -> Vec<(String, u64, String, String)> {
    let json: serde_json::Value = serde_json::from_slice(json).expect("JSON");
    json["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                f["unit"].as_str().expect("unit").to_owned(),
                f["year"].as_u64().expect("year"),
                f["code"].as_str().expect("code").to_owned(),
                f["field"].as_str().expect("field").to_owned(),
            )
        })
        .collect()
}

/// The inside of the section of `html` that opens with `open`.
fn section<'a>(html: &'a str, open: &str) -> Option<&'a str> {
    html.split(open)
        .nth(1)
        .and_then(|s| s.split("</section>").next())
}

#[test]
fn the_review_desk_lists_every_finding_once_and_only_on_the_internal_site() {
    let (_dir, files) = built(&["--profile", "internal"]);
    let expected = checked();
    assert!(expected.len() > 20, "the example has its findings");

    let listed = keys(&files["data/findings.json"]);
    let mut expected = expected;
    expected.sort();
    let sorted = |mut v: Vec<(String, u64, String, String)>| {
        v.sort();
        v
    };
    assert_eq!(sorted(listed), expected, "findings.json is check's list");

    let dir = tempfile::tempdir().expect("temp");
    let csv = dir.path().join("findings.csv");
    std::fs::write(&csv, &files["data/findings.csv"]).expect("write");
    let rows = csv_rows(&csv);
    assert_eq!(
        rows[0][..7],
        ["单位代码", "单位", "年度", "表", "字段", "行", "代码"]
    );
    let from_csv: Vec<(String, u64, String, String)> = rows[1..]
        .iter()
        .map(|r| {
            (
                r[0].clone(),
                r[2].parse().expect("year"),
                r[6].clone(),
                r[4].clone(),
            )
        })
        .collect();
    assert_eq!(sorted(from_csv), expected, "findings.csv is the same list");

    let page = text(&files, "review.html");
    assert_eq!(page.matches("<tr data-unit=").count(), expected.len());
    assert!(page.contains(&format!(
        "共 <strong>{}</strong> 条审核发现",
        expected.len()
    )));
    // Counts per unit and per code add up to the findings of each.
    let mut per_code: BTreeMap<&str, usize> = BTreeMap::new();
    for (_, _, code, _) in &expected {
        *per_code.entry(code).or_default() += 1;
    }
    for (code, n) in per_code {
        let cell = format!("<code>{code}</code> <button");
        let row = page
            .split("<tr>")
            .find(|r| r.contains(&cell))
            .unwrap_or_else(|| panic!("a count row for {code}"));
        assert!(
            row.contains(&format!("<td class=\"num\">{n}</td>")),
            "{code}: {row}"
        );
    }

    let (_dir, public) = built(&["--profile", "public"]);
    for path in ["review.html", "data/findings.csv", "data/findings.json"] {
        assert!(!public.contains_key(path), "{path} is internal only");
    }
    for (path, bytes) in public.iter().filter(|(p, _)| p.ends_with(".html")) {
        let s = String::from_utf8_lossy(bytes);
        assert!(!s.contains("review.html"), "{path} links the review desk");
    }
}

#[test]
fn each_review_row_links_to_its_finding_beside_the_figure() {
    let (_dir, files) = built(&["--profile", "internal"]);
    let page = text(&files, "review.html");
    let mut juesuan = 0;
    for row in page.split("<tr data-unit=").skip(1) {
        let links: Vec<&str> = attrs(row, "href")
            .into_iter()
            .filter(|l| l.contains("#finding-"))
            .collect();
        assert!(
            !links.is_empty(),
            "a row without a link to its finding: {row}"
        );
        for link in links {
            let (file, anchor) = link.split_once('#').expect("an anchor");
            let target = resolve("review.html", file);
            let html = text(&files, &target);
            let at = html
                .find(&format!("<li id=\"{anchor}\">"))
                .unwrap_or_else(|| panic!("{target} has no finding #{anchor}"));
            // The finding's message on the page is the row's message.
            let message = row
                .split("<td>")
                .nth(5)
                .and_then(|c| c.split("</td>").next());
            let shown = &html[at..html[at..].find("</li>").map_or(html.len(), |e| at + e)];
            assert!(
                message.is_some_and(|m| shown.contains(m)),
                "{link}: {shown} is not {message:?}"
            );
            juesuan += usize::from(target.ends_with("juesuan.html"));
        }
    }
    assert!(
        juesuan >= 5,
        "the 决算 findings link the 决算 page too ({juesuan})"
    );

    // Beside its figure: the 决算 page's 收入 finding under 公开01表, the indicator's in its row.
    let js = text(&files, "units/qingling/2023/juesuan.html");
    let t1 = section(&js, "<section id=\"t1\"").expect("公开01表");
    assert!(
        t1.contains("<li id=\"finding-1\">") && t1.contains("审核发现"),
        "{t1}"
    );
    let record = text(&files, "units/qingling/2023/index.html");
    let accounts = section(&record, "<section id=\"accounts\">").expect("the 决算 summary");
    assert!(accounts.contains("<li id=\"finding-1\">"), "{accounts}");
    let huashan = text(&files, "units/huashan/2020/index.html");
    let row = huashan
        .split("<tr")
        .find(|r| r.contains("信访件办结率</th>"))
        .expect("the 信访件办结率 row");
    assert!(row.contains("<li id=\"finding-"), "{row}");
}

#[test]
fn the_internal_index_counts_findings_marks_thresholds_and_names_the_filer() {
    let (_dir, files) = built(&["--profile", "internal"]);
    let index = text(&files, "index.html");
    assert!(index.contains("<th scope=\"col\" class=\"num\">审核发现</th>"));
    let row = index
        .split("<tr>")
        .find(|r| r.contains("黄鹤楼街道办事处</a>"))
        .expect("huanghelou's row");
    assert!(row.contains("2021/index.html#finding-1\">1</a>"), "{row}");
    assert!(
        row.contains("125.54%<br><span class=\"breach-mark\">超过 100%</span>"),
        "the 执行率 over 100% is marked in the table: {row}"
    );
    assert!(
        index.contains("href=\"review.html\""),
        "the index links the desk"
    );
    let unit_year = text(&files, "units/qingling/2020/index.html");
    assert!(unit_year.contains("填报人：马兰萍　联系电话：88938605"));
    let unit = text(&files, "units/qingling/index.html");
    assert!(unit.contains("<td>填报人：马兰萍　联系电话：88938605</td>"));

    let (_dir, public) = built(&["--profile", "public"]);
    let index = text(&public, "index.html");
    assert!(
        !index.contains("breach") && !index.contains("填报人"),
        "{index}"
    );
    assert!(!text(&public, "units/qingling/index.html").contains("马兰萍"));
}

/// The desk's filters (static/review.js) in Chromium: a year and a code from the address keep
/// the rows of both, and the count says how many are shown.
#[cfg_attr(
    gongkai_no_chromium,
    ignore = "chromium is not installed (apt-get install chromium)"
)]
#[test]
fn the_review_desk_filters_by_year_and_code_in_a_browser() {
    let browser = crate::browser::chromium().expect("chromium is on PATH (.ci/run installs it)");
    let (_dir, out) =
        crate::support::build_into_temp_with(&root().join("content"), &["--profile", "internal"]);
    let url = format!(
        "file://{}?year=2020&code=weights.goal",
        out.join("review.html").display()
    );
    let (dom, log) = crate::browser::open_with(&browser, &url, &["--virtual-time-budget=2000"]);
    let errors = crate::browser::page_errors(&log);
    assert!(errors.is_empty(), "console errors: {errors:#?}");
    let rows: Vec<&str> = dom.split("<tr data-unit=").skip(1).collect();
    assert_eq!(rows.len(), 27, "every row is in the page");
    let shown: Vec<&&str> = rows
        .iter()
        .filter(|r| !r.split('>').next().unwrap_or_default().contains("hidden"))
        .collect();
    assert_eq!(shown.len(), 3, "huashan 2020's three weights.goal findings");
    assert!(
        shown
            .iter()
            .all(|r| r.contains("data-code=\"weights.goal\""))
    );
    assert!(
        dom.contains("显示 3 条（共 27 条）"),
        "the count tells the truth"
    );
}
