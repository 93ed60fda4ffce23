//! Issue 18: each record's 决算 tables as one workbook (`data/<id>/<year>/juesuan.xlsx`), read
//! back by a second, independent reader (Python's openpyxl): one sheet per table in the
//! edition's order, the official title and header rows with their merged cells, every figure
//! a number shown with two places and equal to the CSV's, the header frozen, a table without
//! data holding its statement; linked from the page.

use std::path::Path;

use crate::support::{build_into_temp, csv_rows, fixture};

/// The workbook as openpyxl reads it: per sheet, its name, every row's values (numbers as
/// numbers), the merged ranges, the frozen cell and the number format of each number.
fn read(book: &Path) -> serde_json::Value {
    const SCRIPT: &str = r#"
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = []
for ws in wb.worksheets:
    rows = [[c.value for c in r] for r in ws.iter_rows()]
    formats = sorted({c.number_format for r in ws.iter_rows() for c in r if isinstance(c.value, (int, float))})
    out.append({"name": ws.title, "rows": rows, "freeze": ws.freeze_panes,
                "merged": sorted(str(m) for m in ws.merged_cells.ranges), "formats": formats})
json.dump(out, sys.stdout, ensure_ascii=False)
"#;
    let out = std::process::Command::new("python3")
        .args(["-c", SCRIPT])
        .arg(book)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "openpyxl could not read {}: {}",
        book.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("json")
}

/// A workbook cell as the CSV writes it: a number with two places, a text as it is, an empty
/// cell empty.
fn as_csv(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::Null => String::new(),
        serde_json::Value::Number(n) => format!("{:.2}", n.as_f64().expect("a number")),
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

#[cfg_attr(
    gongkai_no_openpyxl,
    ignore = "python3 cannot import openpyxl (pip install openpyxl)"
)]
#[test]
fn issue18_each_juesuan_is_a_workbook_a_second_reader_reads_as_the_csvs_say() {
    let (_dir, out) = build_into_temp(&fixture("sites/field/content"));
    for unit in [
        "putuo-caizhengju",
        "putuo-guihua-ziran",
        "putuo-shehui-gongzuobu",
    ] {
        let data = out.join(format!("data/{unit}/2024"));
        let book = read(&data.join("juesuan.xlsx"));
        let sheets = book.as_array().expect("sheets");
        assert_eq!(sheets.len(), 9, "{unit}: one sheet per table");
        let page = std::fs::read_to_string(out.join(format!("units/{unit}/2024/juesuan.html")))
            .expect("page");
        assert!(
            page.contains("href=\"../../../data/")
                && page.contains("/juesuan.xlsx\">下载 Excel</a>"),
            "{unit}: the page links its workbook"
        );
        // The tables in the edition's order, each with its number (its CSV's name).
        let numbers: Vec<usize> = page
            .split("<section id=\"t")
            .skip(1)
            .filter_map(|s| s.split('"').next()?.parse().ok())
            .collect();
        assert_eq!(numbers.len(), 9, "{unit}: nine tables on the page");
        for (&n, sheet) in numbers.iter().zip(sheets) {
            let name = sheet["name"].as_str().expect("name");
            let rows = sheet["rows"].as_array().expect("rows");
            let title = as_csv(&rows[0][0]);
            assert_eq!(
                name,
                title.chars().take(31).collect::<String>(),
                "{unit} {n}"
            );
            assert!(
                as_csv(&rows[1][0]).ends_with("单位：万元"),
                "{unit} {title}: the unit line"
            );
            let csv = csv_rows(&data.join(format!("juesuan-{n}.csv")));
            // The CSV's first line names the columns; its body is the sheet's body.
            let freeze = sheet["freeze"].as_str().expect("a frozen header");
            let body_start: usize = freeze
                .trim_start_matches('A')
                .parse::<usize>()
                .expect("row")
                - 1;
            let body: Vec<Vec<String>> = rows[body_start..]
                .iter()
                .map(|r| {
                    // A figure the page derives by a rule is marked so in the sheet
                    // (`0.00（推算）`) and plain in the CSV.
                    let cells: Vec<String> = r
                        .as_array()
                        .expect("row")
                        .iter()
                        .map(as_csv)
                        .map(|c| c.trim_end_matches("（推算）").to_owned())
                        .collect();
                    let used = cells
                        .iter()
                        .rposition(|c| !c.is_empty())
                        .map_or(0, |i| i + 1);
                    cells[..used].to_vec()
                })
                .collect();
            let want: Vec<Vec<String>> = csv[1..]
                .iter()
                .map(|r| {
                    let used = r.iter().rposition(|c| !c.is_empty()).map_or(0, |i| i + 1);
                    r[..used].to_vec()
                })
                .collect();
            assert_eq!(body, want, "{unit} {title}: every cell as the CSV holds it");
            let marked = rows
                .iter()
                .flat_map(|r| r.as_array().expect("row"))
                .any(|c| as_csv(c).ends_with("（推算）"));
            let explained = rows.iter().any(|r| as_csv(&r[0]).contains("推算"));
            assert!(
                !marked || explained,
                "{unit} {title}: a derived figure has the note saying how"
            );
            let formats = sheet["formats"].as_array().expect("formats");
            assert!(
                formats.is_empty() || formats == &[serde_json::json!("#,##0.00")],
                "{unit} {title}: numbers with two places: {formats:?}"
            );
            assert!(
                body_start >= 4,
                "{unit} {title}: title, unit line and header above"
            );
        }
        // A header cell over two rows or columns is merged as on the form.
        let expenditure = &sheets[2];
        let merged = expenditure["merged"].as_array().expect("merged");
        assert!(
            merged.contains(&serde_json::json!("A3:B3")),
            "项目 over 科目编码 and 科目名称: {merged:?}"
        );
    }
}
