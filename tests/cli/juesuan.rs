//! Integration tests: the 决算公开 page (`units/<id>/<year>/juesuan.html`) and its nine CSVs,
//! through the binary; and the page printed to A4 PDF by headless Chromium. Locally the PDF
//! test says why it skips when Chromium or pdftotext is absent; under `CI=true` it must run
//! (`.ci/run` installs both).

use std::path::{Path, PathBuf};
use std::process::Command as Process;

use crate::support::{build_into_temp, fixture, root};

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn the_qingling_2023_juesuan_page_holds_the_key_figures_and_function_lines() {
    let (_dir, out) = build_into_temp(&root().join("content"));
    let html = read(&out.join("units/qingling/2023/juesuan.html"));
    for figure in ["11,092.59", "5,197.65", "5,894.94", "11,082.80", "9.79"] {
        assert!(
            html.contains(&format!(">{figure}<")),
            "a cell holds {figure}"
        );
    }
    for line in [
        "<td class=\"code\">201</td><td class=\"name\">一般公共服务支出</td>",
        "<td class=\"code\">20103</td><td class=\"name\">政府办公厅（室）及相关机构事务</td>",
        "<td class=\"code\">2010301</td><td class=\"name\">行政运行</td><td class=\"num\">2,688.01</td>",
    ] {
        assert!(html.contains(line), "the page has the row {line}");
    }
    let titles = [
        "公开01表 收入支出决算总表",
        "公开02表 收入决算表",
        "公开03表 支出决算表",
        "公开04表 财政拨款收入支出决算总表",
        "公开05表 一般公共预算财政拨款支出决算表",
        "公开06表 一般公共预算财政拨款基本支出决算表",
        "公开07表 政府性基金预算财政拨款收入支出决算表",
        "公开08表 国有资本经营预算财政拨款支出决算表",
        "公开09表 财政拨款“三公”经费支出决算表",
    ];
    let positions: Vec<usize> = titles
        .iter()
        .map(|t| {
            html.find(&format!("<h2>{t}</h2>"))
                .unwrap_or_else(|| panic!("{t}"))
        })
        .collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "official order");
    assert!(html.contains("本单位无政府性基金预算财政拨款收入支出。"));
    assert_eq!(
        html.matches("<svg").count(),
        6,
        "three compositions, three comparisons"
    );
    let index = read(&out.join("units/qingling/2023/index.html"));
    assert!(
        index.contains("href=\"../../../units/qingling/2023/juesuan.html\""),
        "the unit-year page links the 决算 page"
    );
}

#[test]
fn each_juesuan_table_is_a_quoted_csv_with_a_bom_and_plain_numbers() {
    let (_dir, out) = build_into_temp(&root().join("content"));
    let data = out.join("data/qingling/2023");
    let html = read(&out.join("units/qingling/2023/juesuan.html"));
    for n in 1..=9 {
        assert!(html.contains(&format!(
            "href=\"../../../data/qingling/2023/juesuan-{n}.csv\""
        )));
        let csv = read(&data.join(format!("juesuan-{n}.csv")));
        assert!(
            csv.starts_with("\u{feff}\""),
            "juesuan-{n}.csv: BOM then a quoted field"
        );
    }
    let t5 = read(&data.join("juesuan-5.csv"));
    assert!(t5.starts_with(
        "\u{feff}\"项目/科目编码\",\"项目/科目名称\",\"本年支出/小计\",\"本年支出/基本支出\",\"本年支出/项目支出\"\r\n"
    ));
    assert!(t5.contains("\"\",\"合计\",\"11082.80\",\"5197.65\",\"5885.15\"\r\n"));
    assert!(t5.contains("\"2010301\",\"行政运行\",\"2688.01\",\"\",\"\"\r\n"));
    let t7 = read(&data.join("juesuan-7.csv"));
    assert!(t7.contains("\"本单位无政府性基金预算财政拨款收入支出。\""));
}

#[test]
fn the_qingling_2023_juesuan_page_explains_the_accounts_with_the_documents_correct_figures() {
    let (_dir, out) = build_into_temp(&root().join("content"));
    let html = read(&out.join("units/qingling/2023/juesuan.html"));
    let start = html
        .find("<section id=\"shuoming\"")
        .expect("the 情况说明 is on the page");
    let text: String = html[start..].split_whitespace().collect();
    for expected in [
        "收、支总计均为11092.59万元",
        "与2022年度（14598.23万元，推算数：按本年数减原文所列变动额计算）相比，减少3505.64万元，下降24.01%",
        "基本支出5197.65万元，占本年支出46.86%",
        "项目支出5894.94万元，占本年支出53.14%",
        "年初预算为7038.59万元，支出决算为11082.80万元，完成年初预算的157.46%",
        "科学技术支出（类）0.50万元，占0.01%",
        "该科目未申请年初财政拨款预算",
        "支出决算数大于年初预算数的主要原因是人员异动。",
    ] {
        assert!(text.contains(expected), "{expected}");
    }
    assert!(
        !text.contains("11902.59"),
        "the document's misprinted 收入合计 is not repeated by the generated text"
    );
}

#[test]
fn a_record_with_every_optional_table_empty_prints_its_grid_and_the_official_sentence() {
    // Issue 17: 财预〔2016〕143号 asks that a table without data is still published, as its
    // empty grid with the sentence saying why (it used to be the sentence alone).
    let (_dir, out) = build_into_temp(&fixture("sites/juesuan-empty/content"));
    let html = read(&out.join("units/kongbai/2023/juesuan.html"));
    for sentence in [
        "本单位无政府性基金预算财政拨款收入支出。",
        "本单位无国有资本经营预算财政拨款支出。",
        "本单位无财政拨款“三公”经费支出。",
    ] {
        let at = html
            .find(&format!("<p class=\"juesuan-empty\">{sentence}</p>"))
            .unwrap_or_else(|| panic!("{sentence}"));
        let section = &html[html[..at].rfind("<section").expect("its section")..at];
        assert!(
            section.contains("<thead>"),
            "{sentence}: under the table's grid"
        );
    }
    assert_eq!(html.matches("<table").count(), 9, "every table printed");
    let squeezed: String = html.split_whitespace().collect();
    assert!(!squeezed.contains("<tbody><tr></tr>"), "no empty row");
}

/// A binary on the PATH, if installed.
fn which(name: &str) -> Option<PathBuf> {
    let out = Process::new("which").arg(name).output().ok()?;
    let path = String::from_utf8(out.stdout).ok()?;
    let path = path.trim();
    (out.status.success() && !path.is_empty()).then(|| PathBuf::from(path))
}

#[cfg_attr(
    gongkai_no_chromium,
    ignore = "chromium is not installed (apt-get install chromium)"
)]
#[cfg_attr(
    gongkai_no_pdftotext,
    ignore = "pdftotext is not installed (apt-get install poppler-utils)"
)]
#[test]
fn the_juesuan_page_prints_to_a4_with_the_long_tables_header_on_every_page() {
    let browser = ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .find_map(|b| which(b))
        .expect("chromium is on PATH (build.rs found it; .ci/run installs it)");
    let pdftotext = which("pdftotext").expect("pdftotext is on PATH (poppler-utils)");
    let (dir, out) = build_into_temp(&root().join("content"));
    let page = out.join("units/qingling/2023/juesuan.html");
    let pdf = dir.path().join("juesuan.pdf");
    let profile = dir.path().join("profile");
    let run = Process::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("chromium runs");
    assert!(pdf.exists(), "chromium wrote the PDF: {run:?}");
    let text = Process::new(pdftotext)
        .arg("-layout")
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    let text = String::from_utf8_lossy(&text.stdout);
    let pages: Vec<&str> = text.split('\u{c}').collect();
    // The header row of 公开05表 一般公共预算财政拨款支出决算表 (about 100 rows).
    let header = |line: &str| {
        let words: Vec<&str> = line.split_whitespace().collect();
        words == ["科目编码", "科目名称", "小计", "基本支出", "项目支出"]
    };
    let with_header = pages.iter().filter(|p| p.lines().any(header)).count();
    assert!(
        with_header >= 2,
        "the 05 table's header repeats on its continuation pages ({with_header} of {} pages)",
        pages.len()
    );
    // Issue 19: each page numbered "第 N 页 共 M 页" at its foot and headed by the page's unit
    // and title; no table title left alone at the foot of a page.
    let printed: Vec<&str> = pages
        .iter()
        .copied()
        .filter(|p| !p.trim().is_empty())
        .collect();
    let total = printed.len();
    for (i, p) in printed.iter().enumerate() {
        let lines: Vec<&str> = p.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
        assert_eq!(
            lines.first().copied(),
            Some("武汉市洪山区人民政府青菱街道办事处2023年部门决算"),
            "page {} is headed by the unit and title",
            i + 1
        );
        let foot = format!("第 {} 页 共 {total} 页", i + 1);
        assert_eq!(lines.last().copied(), Some(foot.as_str()), "page {}", i + 1);
        let before_foot = lines.len().checked_sub(2).and_then(|k| lines.get(k));
        assert!(
            !before_foot.is_some_and(|l| l.starts_with("公开0") && l.contains("表 ")),
            "page {} ends with a table's title: {before_foot:?}",
            i + 1
        );
    }
    assert!(
        text.contains("编制单位：武汉市洪山区人民政府青菱街道办事处")
            && text.contains("金额单位：万元"),
        "the official 编制单位 and 金额单位 lines are printed"
    );
    assert!(
        !text.contains("跳到正文")
            && !text.contains("本页目录")
            && !text.contains("首页")
            && !text.contains("搜索"),
        "no navigation and no search box in print"
    );
}

#[test]
fn issue17_the_juesuan_page_is_linked_from_the_index_the_unit_page_and_the_year_page() {
    let (_dir, out) = build_into_temp(&root().join("content"));
    for page in [
        "index.html",
        "units/qingling/index.html",
        "years/2023/index.html",
    ] {
        let html = std::fs::read_to_string(out.join(page)).expect("page");
        let href = html
            .split("<a class=\"juesuan-link\" href=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .unwrap_or_else(|| panic!("{page} links the 决算 page"));
        let target = out.join(page).parent().expect("folder").join(href);
        assert!(
            target.ends_with("units/qingling/2023/juesuan.html") && target.is_file(),
            "{page}: {href}"
        );
    }
    // A record without a 部门决算 links none: qingling 2020 has only its 申报表.
    let unit = std::fs::read_to_string(out.join("units/qingling/index.html")).expect("unit");
    assert_eq!(unit.matches("class=\"juesuan-link\"").count(), 1);
}
