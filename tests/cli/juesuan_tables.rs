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
    #[allow(dead_code, reason = "read to keep the file's shape checked")]
    glossary_part: String,
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
    // Each document types its five 科目 tables.
    assert_eq!(
        typed_tables, 15,
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
    let out = assert_cmd::Command::cargo_bin("gongkai")
        .expect("binary")
        .current_dir(dir.path())
        .args(["build", "--quiet"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(
            "content/qingling/2023.yaml:7:10: edition (公开格式): expected one of `national`, `shanghai` (the theme's editions/<name>.yaml), found `hunan`"
        ),
        "{err}"
    );
    assert!(!dir.path().join("output").exists(), "nothing written");
}
