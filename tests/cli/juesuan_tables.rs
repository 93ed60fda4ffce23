//! Issue 17: the 决算 tables of the three Shanghai documents (field 30–32) as the built page
//! prints them, read back from the HTML: every cell of every table typed row by row equals the
//! transcription, and every table's order, number, title and columns are the edition's.
//!
//! The HTML is read by a small scanner of its own (sections, header cells, body rows), not by
//! the code that wrote it; the transcription by the loader; the edition straight from its YAML.

use std::collections::BTreeMap;

use gongkai::model::tables::{LineCol, LineTable, LineTableKind};
use gongkai::model::{Dec, FinalAccounts};
use serde::Deserialize;

use crate::support::{build_into_temp, fixture, load_site, root};

/// The three Shanghai 部门决算 of the field site.
const SHANGHAI: [&str; 3] = [
    "putuo-guihua-ziran",
    "putuo-shehui-gongzuobu",
    "putuo-caizhengju",
];

#[derive(Deserialize)]
struct Edition {
    tables: Vec<EditionTable>,
    sections: Vec<Section>,
    glossary_part: String,
    glossary: Vec<GlossaryEntry>,
    #[serde(default)]
    glossary_numbering: Option<String>,
    #[allow(dead_code, reason = "read to keep the file's shape checked")]
    unit_label: String,
    #[allow(dead_code, reason = "read to keep the file's shape checked")]
    prepared_by: Option<bool>,
    #[allow(dead_code, reason = "read to keep the file's shape checked")]
    title: String,
    #[allow(dead_code, reason = "read to keep the file's shape checked")]
    classes: serde_json::Value,
}

#[derive(Deserialize)]
struct EditionTable {
    id: String,
    label: Option<String>,
    title: String,
    #[serde(default)]
    total_row: Option<String>,
    #[serde(default)]
    columns: Vec<Column>,
    #[allow(dead_code, reason = "read to keep the file's shape checked")]
    landscape: Option<bool>,
    #[allow(dead_code, reason = "read to keep the file's shape checked")]
    note: Option<String>,
}

#[derive(Deserialize)]
struct GlossaryEntry {
    term: String,
    text: Option<String>,
}

#[derive(Deserialize)]
struct Section {
    #[allow(dead_code, reason = "read to keep the file's shape checked")]
    key: String,
    title: String,
    #[serde(default)]
    parent: Option<String>,
}

#[derive(Deserialize)]
struct Column {
    key: String,
    title: String,
    #[serde(default)]
    group: Option<String>,
}

fn edition(name: &str) -> Edition {
    let path = root().join(format!("themes/default/editions/{name}.yaml"));
    let text = std::fs::read_to_string(&path).expect("edition file");
    serde_saphyr::from_str(&text).expect("edition parses")
}

/// One `<section class="juesuan-table">` of the page: its heading, header rows and body rows,
/// each cell's text with entities decoded.
#[derive(Debug)]
struct Printed {
    heading: String,
    head: Vec<Vec<String>>,
    body: Vec<Vec<String>>,
}

/// The text between `open` (a tag's start, e.g. `<td`) and its close, for each occurrence.
fn elements<'a>(html: &'a str, open: &str, close: &str) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find(open) {
        let after = &rest[i + open.len()..];
        // `<tr` must not match `<track`: the next byte ends the tag name.
        if !after.starts_with(['>', ' ']) {
            rest = after;
            continue;
        }
        let Some(gt) = after.find('>') else { break };
        let inner = &after[gt + 1..];
        let end = inner.find(close).expect("element closes");
        out.push(&inner[..end]);
        rest = &inner[end + close.len()..];
    }
    out
}

/// Text content: tags dropped, the five entities Tera writes decoded.
fn text(fragment: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in fragment.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#x2F;", "/")
        .replace("&amp;", "&")
        .trim()
        .to_owned()
}

fn printed_tables(html: &str) -> Vec<Printed> {
    html.split("<section id=\"t")
        .skip(1)
        .filter(|s| s.contains("juesuan-table"))
        .map(|s| {
            let s = &s[..s.find("</section>").expect("section closes")];
            let heading = text(elements(s, "<h2", "</h2>")[0]);
            let rows = |part: &str, cell: &str, close: &str| -> Vec<Vec<String>> {
                elements(part, "<tr", "</tr>")
                    .iter()
                    .map(|r| elements(r, cell, close).iter().map(|c| text(c)).collect())
                    .collect()
            };
            let thead = elements(s, "<thead", "</thead>");
            let tbody = elements(s, "<tbody", "</tbody>");
            Printed {
                heading,
                head: thead
                    .first()
                    .map(|t| rows(t, "<th", "</th>"))
                    .unwrap_or_default(),
                body: tbody
                    .first()
                    .map(|t| rows(t, "<td", "</td>"))
                    .unwrap_or_default(),
            }
        })
        .collect()
}

/// A money figure as a 决算 table prints it: grouped thousands, two decimals.
fn money(d: Dec) -> String {
    let s = format!("{:.2}", d.round(2).decimal());
    let (sign, s) = s.strip_prefix('-').map_or(("", s.as_str()), |r| ("-", r));
    let (int, frac) = s.split_once('.').expect("two decimals");
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    format!("{sign}{grouped}.{frac}")
}

fn kind_of(id: &str) -> Option<LineTableKind> {
    Some(match id {
        "income" => LineTableKind::Income,
        "expenditure" => LineTableKind::Expenditure,
        "general_budget" => LineTableKind::GeneralBudget,
        "gov_fund" => LineTableKind::GovFund,
        "state_capital" => LineTableKind::StateCapital,
        _ => return None,
    })
}

/// The rows a typed 科目 table must print: [code, name, each edition column].
fn expected_rows(t: &LineTable, et: &EditionTable) -> Vec<Vec<String>> {
    let cols: Vec<LineCol> = et
        .columns
        .iter()
        .map(|c| LineCol::from_key(&c.key).expect("a column key"))
        .collect();
    let cells = |m: Option<&BTreeMap<LineCol, Dec>>| -> Vec<String> {
        cols.iter()
            .map(|c| {
                m.and_then(|m| m.get(c))
                    .map(|d| money(*d))
                    .unwrap_or_default()
            })
            .collect()
    };
    let mut total = vec![String::new(), "合计".to_owned()];
    total.extend(cells(t.total.as_ref()));
    let body = t.rows.iter().map(|r| {
        let mut v = vec![r.code.clone(), r.name.clone()];
        v.extend(cells(Some(&r.cells)));
        v
    });
    match et.total_row.as_deref() {
        Some("last") => body.chain([total]).collect(),
        _ => std::iter::once(total).chain(body).collect(),
    }
}

/// The rows 基本支出决算表 must print: the record's 人员经费 lines left and 公用经费 lines right,
/// side by side in typed order (the shorter side blank), then the two 合计.
fn expected_basic_rows(fa: &FinalAccounts) -> Vec<Vec<String>> {
    let b = fa.basic.as_ref().expect("the 基本支出 block");
    let side = |kind: &str| -> Vec<[String; 3]> {
        b.items
            .iter()
            .filter(|i| i.kind == kind)
            .map(|i| {
                [
                    i.code.clone().unwrap_or_default(),
                    i.name.clone(),
                    i.amount.map(money).unwrap_or_default(),
                ]
            })
            .collect()
    };
    let (left, right) = (side("personnel"), side("public"));
    let blank = || [String::new(), String::new(), String::new()];
    let mut rows: Vec<Vec<String>> = (0..left.len().max(right.len()))
        .map(|i| {
            let mut row = left.get(i).cloned().unwrap_or_else(blank).to_vec();
            row.extend(right.get(i).cloned().unwrap_or_else(blank));
            row
        })
        .collect();
    let total = |v: Option<Dec>| v.map(money).unwrap_or_default();
    rows.push(vec![
        String::new(),
        "人员经费合计".to_owned(),
        total(b.personnel),
        String::new(),
        "公用经费合计".to_owned(),
        total(b.public),
    ]);
    rows
}

fn record<'a>(corpus: &'a gongkai::model::Corpus, unit: &str) -> &'a gongkai::model::Record {
    corpus
        .units
        .iter()
        .find(|u| u.id.as_str() == unit)
        .and_then(|u| u.records.iter().find(|r| r.year.get() == 2024))
        .expect("the 2024 record")
}

#[test]
fn issue17_every_cell_of_the_shanghai_tables_is_printed_as_transcribed_in_the_editions_layout() {
    let corpus = load_site("field");
    let (_dir, out) = build_into_temp(&fixture("sites/field/content"));
    let ed = edition("shanghai");
    let mut typed_tables = 0;
    for unit in SHANGHAI {
        let r = record(&corpus, unit);
        assert_eq!(
            r.edition.as_deref(),
            Some("shanghai"),
            "{unit} names its edition"
        );
        let fa: &FinalAccounts = r.final_accounts.as_ref().expect("a 决算");
        let html = std::fs::read_to_string(out.join(format!("units/{unit}/2024/juesuan.html")))
            .expect("the 决算 page");
        let printed = printed_tables(&html);
        // The 情况说明's headings: the edition's, in its order (七 "三公" before 八 政府性基金).
        let text_part = &html[html.find("id=\"shuoming\"").expect("情况说明")..];
        let text_part = &text_part[..text_part.find("</section>").expect("closes")];
        let shown: Vec<String> = ["<h3", "<h4"]
            .iter()
            .flat_map(|tag| {
                let close = if *tag == "<h3" { "</h3>" } else { "</h4>" };
                elements(text_part, tag, close)
                    .into_iter()
                    .map(move |e| (text_part.find(e).unwrap_or(0), text(e)))
            })
            .collect::<std::collections::BTreeMap<usize, String>>()
            .into_values()
            .collect();
        let mut want_sections: Vec<String> = Vec::new();
        for s in &ed.sections {
            if let Some(p) = &s.parent
                && !want_sections.contains(p)
            {
                want_sections.push(p.clone());
            }
            want_sections.push(s.title.clone());
        }
        let numbered: Vec<&String> = shown.iter().filter(|h| want_sections.contains(h)).collect();
        let expected: Vec<&String> = want_sections.iter().filter(|h| shown.contains(h)).collect();
        assert_eq!(
            numbered, expected,
            "{unit}: the 情况说明 in the edition's order"
        );
        assert!(
            shown
                .iter()
                .any(|h| h == "七、财政拨款“三公”经费支出决算情况说明"),
            "{unit}: \"三公\" is 七 in the Shanghai edition: {shown:?}"
        );
        // 第四部分 名词解释: the edition's entries, numbered 一、二、… as field 30–32 print them.
        let glossary = &html[html.find("id=\"mingci\"").expect("名词解释")..];
        let glossary = &glossary[..glossary.find("</section>").expect("closes")];
        assert_eq!(
            text(elements(glossary, "<h2", "</h2>")[0]),
            format!("{} 名词解释", ed.glossary_part)
        );
        assert_eq!(ed.glossary_numbering.as_deref(), Some("chinese"));
        let entries: Vec<String> = elements(glossary, "<p", "</p>")
            .iter()
            .map(|e| text(e))
            .collect();
        let numerals = [
            "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一",
        ];
        let want: Vec<String> = ed
            .glossary
            .iter()
            .zip(numerals)
            .map(|(g, n)| format!("{n}、{}：{}", g.term, g.text.as_deref().unwrap_or_default()))
            .collect();
        assert_eq!(ed.glossary.len(), 11, "field 39 defines eleven terms");
        assert_eq!(
            entries, want,
            "{unit}: the 名词解释 as the edition words it"
        );
        // Order, number and title: the edition's, every table printed.
        let headings: Vec<&str> = printed.iter().map(|p| p.heading.as_str()).collect();
        let want: Vec<String> = ed
            .tables
            .iter()
            .map(|t| match &t.label {
                Some(l) => format!("{l} {}", t.title),
                None => t.title.clone(),
            })
            .collect();
        assert_eq!(headings, want, "{unit}: the tables in the edition's order");
        for (et, p) in ed.tables.iter().zip(&printed) {
            if et.id == "basic" {
                assert_eq!(
                    p.body,
                    expected_basic_rows(fa),
                    "{unit} {}: every line as transcribed, 人员经费 left and 公用经费 right",
                    et.title
                );
                typed_tables += 1;
            }
            let Some(kind) = kind_of(&et.id) else {
                continue;
            };
            // Columns: 科目编码, 科目名称, then the edition's, under their groups.
            let top: Vec<&str> = p.head[0].iter().map(String::as_str).collect();
            let mut want_top = vec!["项目".to_owned()];
            let mut want_second = vec!["科目编码".to_owned(), "科目名称".to_owned()];
            let mut last_group: Option<&String> = None;
            for c in &et.columns {
                match &c.group {
                    None => want_top.push(c.title.clone()),
                    Some(g) => {
                        if last_group != Some(g) {
                            want_top.push(g.clone());
                        }
                        want_second.push(c.title.clone());
                    }
                }
                last_group = c.group.as_ref();
            }
            assert_eq!(top, want_top, "{unit} {}: header row 1", et.title);
            assert_eq!(p.head[1], want_second, "{unit} {}: header row 2", et.title);
            if let Some(t) = fa.line_table(kind) {
                typed_tables += 1;
                assert_eq!(
                    p.body,
                    expected_rows(t, et),
                    "{unit} {}: every cell as transcribed",
                    et.title
                );
            }
        }
    }
    // Each document types its five 科目 tables and its 基本支出决算表.
    assert_eq!(
        typed_tables, 18,
        "every 科目 table of the three documents is typed"
    );
}

#[test]
fn issue17_a_record_naming_an_edition_the_theme_lacks_fails_the_build_at_its_field() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (path, bytes) in crate::support::files(&root().join("content")) {
        let dest = dir.path().join("content").join(&path);
        std::fs::create_dir_all(dest.parent().expect("parent")).expect("mkdir");
        let mut bytes = bytes;
        if path == "qingling/2023.yaml" {
            let text = String::from_utf8(bytes).expect("UTF-8");
            bytes = text
                .replacen("template: hubei\n", "template: hubei\nedition: hunan\n", 1)
                .into_bytes();
        }
        std::fs::write(dest, bytes).expect("write");
    }
    let out = crate::support::gongkai()
        .expect("binary")
        .current_dir(dir.path())
        .args(["build", "--quiet"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(
            "content/qingling/2023.yaml:7:10: edition (公开格式)：应为 `national`, `shanghai` 之一（主题的 editions/<name>.yaml），实际为 `hunan`"
        ),
        "{err}"
    );
    assert!(!dir.path().join("output").exists(), "nothing written");
}

/// Figures read off the documents by hand (field 30–32, 第二部分), so that an edit of a
/// transcription that the HTML test would follow is still caught.
#[test]
fn issue17_the_shanghai_transcriptions_hold_the_documents_figures() {
    let corpus = load_site("field");
    let d = |s: &str| Dec::parse(s).expect("decimal");
    let table = |unit: &str, kind: LineTableKind| -> LineTable {
        record(&corpus, unit)
            .final_accounts
            .as_ref()
            .and_then(|fa| fa.line_table(kind))
            .cloned()
            .unwrap_or_else(|| panic!("{unit}: {kind:?} typed"))
    };
    let cell = |t: &LineTable, code: &str, col: LineCol| -> Option<Dec> {
        t.rows
            .iter()
            .find(|r| r.code == code)
            .and_then(|r| r.cells.get(&col).copied())
    };
    // 30 收入决算表: 合计 2,946.25 = 财政拨款 2,940.05 + 其他 6.20; 2010601 行政运行 1,511.90 of
    // which 0.01 其他收入; 19 rows 201 … 2210203.
    let t = table("putuo-caizhengju", LineTableKind::Income);
    let total = t.total.as_ref().expect("合计");
    assert_eq!(total.get(&LineCol::Total), Some(&d("2946.25")));
    assert_eq!(total.get(&LineCol::Fiscal), Some(&d("2940.05")));
    assert_eq!(total.get(&LineCol::Other), Some(&d("6.20")));
    assert_eq!(cell(&t, "2010601", LineCol::Total), Some(d("1511.90")));
    assert_eq!(cell(&t, "2010601", LineCol::Other), Some(d("0.01")));
    assert_eq!(t.rows.len(), 19);
    // 30 支出决算表: 2010601 基本 1,503.52 + 项目 8.37 = 1,511.89.
    let t = table("putuo-caizhengju", LineTableKind::Expenditure);
    assert_eq!(cell(&t, "2010601", LineCol::Basic), Some(d("1503.52")));
    assert_eq!(cell(&t, "2010601", LineCol::Project), Some(d("8.37")));
    // 31 支出决算表: 合计 9759.38 = 基本 5377.64 + 项目 4381.74; 24 rows.
    let t = table("putuo-guihua-ziran", LineTableKind::Expenditure);
    let total = t.total.as_ref().expect("合计");
    assert_eq!(total.get(&LineCol::Total), Some(&d("9759.38")));
    assert_eq!(total.get(&LineCol::Basic), Some(&d("5377.64")));
    assert_eq!(total.get(&LineCol::Project), Some(&d("4381.74")));
    assert_eq!(t.rows.len(), 24);
    // 31 收入决算表: 2101102 事业单位医疗 196.29; 212 城乡社区支出 3832.36.
    let t = table("putuo-guihua-ziran", LineTableKind::Income);
    assert_eq!(cell(&t, "2101102", LineCol::Total), Some(d("196.29")));
    assert_eq!(cell(&t, "212", LineCol::Fiscal), Some(d("3832.36")));
    // 32: 合计 307.82 in each 科目 table, 17 rows; the fund tables print only their statement.
    for kind in [
        LineTableKind::Income,
        LineTableKind::Expenditure,
        LineTableKind::GeneralBudget,
    ] {
        let t = table("putuo-shehui-gongzuobu", kind);
        assert_eq!(
            t.total.as_ref().and_then(|c| c.get(&LineCol::Total)),
            Some(&d("307.82")),
            "{kind:?}"
        );
        assert_eq!(t.rows.len(), 17, "{kind:?}");
    }
    for unit in SHANGHAI {
        for kind in [LineTableKind::GovFund, LineTableKind::StateCapital] {
            let t = table(unit, kind);
            assert!(
                t.is_empty()
                    && t.statement
                        .as_deref()
                        .is_some_and(|s| s.contains("故本表无数据")),
                "{unit} {kind:?}"
            );
        }
    }
}

/// A binary on the PATH, if installed.
fn which(name: &str) -> Option<std::path::PathBuf> {
    let out = std::process::Command::new("which")
        .arg(name)
        .output()
        .ok()?;
    let path = String::from_utf8(out.stdout).ok()?;
    let path = path.trim();
    (out.status.success() && !path.is_empty()).then(|| std::path::PathBuf::from(path))
}

#[cfg_attr(
    gongkai_no_chromium,
    ignore = "chromium is not installed (apt-get install chromium)"
)]
#[cfg_attr(
    gongkai_no_pdftotext,
    ignore = "pdftotext and pdfinfo are not installed (apt-get install poppler-utils)"
)]
#[test]
fn issue17_a_shanghai_juesuan_prints_one_table_per_page_wide_ones_landscape_headers_repeated() {
    let browser = ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .find_map(|b| which(b))
        .expect("chromium is on PATH (build.rs found it; .ci/run installs it)");
    let (dir, out) = build_into_temp(&fixture("sites/field/content"));
    let page = out.join("units/putuo-guihua-ziran/2024/juesuan.html");
    let pdf = dir.path().join("juesuan.pdf");
    let run = std::process::Command::new(browser)
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
        .arg(format!(
            "--user-data-dir={}",
            dir.path().join("profile").display()
        ))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("chromium runs");
    assert!(pdf.exists(), "chromium wrote the PDF: {run:?}");
    let text = std::process::Command::new(which("pdftotext").expect("pdftotext"))
        .args(["-layout".as_ref(), pdf.as_os_str(), "-".as_ref()])
        .output()
        .expect("pdftotext runs");
    let text = String::from_utf8_lossy(&text.stdout).into_owned();
    let pages: Vec<&str> = text.split('\u{c}').collect();
    let info = std::process::Command::new(which("pdfinfo").expect("pdfinfo"))
        .args(["-f", "1", "-l", "999"])
        .arg(&pdf)
        .output()
        .expect("pdfinfo runs");
    let info = String::from_utf8_lossy(&info.stdout).into_owned();
    // "Page    3 size:  841.92 x 594.96 pts (A4)": landscape when wider than high.
    let landscape: Vec<bool> = info
        .lines()
        .filter(|l| l.starts_with("Page") && l.contains(" size:"))
        .map(|l| {
            let nums: Vec<f64> = l
                .split_whitespace()
                .filter_map(|w| w.parse::<f64>().ok())
                .collect();
            nums[1] > nums[2]
        })
        .collect();
    assert_eq!(landscape.len(), pages.len() - 1, "one size per page");
    let ed = edition("shanghai");
    let mut first_pages = Vec::new();
    for (i, t) in ed.tables.iter().enumerate() {
        // The page the table starts on: its title is that page's first line (the first table
        // follows the page's own heading on page 1).
        // Every page is headed by the page's title (issue 19): the line before the table's.
        let head = pages[0].lines().map(str::trim).find(|l| !l.is_empty());
        let starts = |p: &&str| {
            let mut lines = p
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && Some(*l) != head);
            if i == 0 {
                lines.any(|l| l == t.title)
            } else {
                lines.next() == Some(t.title.as_str())
            }
        };
        let first = pages
            .iter()
            .position(starts)
            .unwrap_or_else(|| panic!("{} starts a page", t.title));
        first_pages.push(first);
        let wide = t.landscape.unwrap_or(false);
        assert_eq!(landscape[first], wide, "{}: landscape {wide}", t.title);
    }
    assert!(
        first_pages.windows(2).all(|w| w[0] < w[1]),
        "one table per page, in order: {first_pages:?}"
    );
    // 收入决算表 runs over two pages: its header is on both.
    let income = first_pages[1];
    let header = |p: &str| {
        p.lines()
            .any(|l| l.split_whitespace().collect::<Vec<_>>() == ["科目编码", "科目名称"])
    };
    assert!(
        header(pages[income]) && header(pages[income + 1]) && first_pages[2] > income + 1,
        "the 收入决算表 header repeats on its second page"
    );
}
