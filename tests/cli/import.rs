//! Issue 18: `gongkai import` reads the 决算 tables of a workbook into a record. Round trip:
//! the workbook gongkai exports for each Shanghai document (field 30–32) imports to the same
//! five 科目 tables, cell for cell; a workbook in the 部门决算 software's layout (sheet names
//! cut at 31 characters, a title row, a header over two rows with merged cells, a 栏次 row,
//! 科目编码 split into 类/款/项, blank rows and columns, thousands separators, `—`) is read by
//! its labels; the same input gives the same bytes; a record is replaced only with `--force`,
//! and then the changed lines are shown; every problem is located as `book.xlsx!Sheet!C12`,
//! all of them at once, and nothing is written.

use std::path::{Path, PathBuf};

use gongkai::model::tables::LineTableKind;

use crate::support::{build_into_temp, fixture, root};

/// A content folder holding the field site's `_site.yaml` and the unit's `_unit.yaml`.
fn empty_site(unit: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp");
    let content = dir.path().join("content");
    let field = fixture("sites/field/content");
    std::fs::create_dir_all(content.join(unit)).expect("mkdir");
    std::fs::copy(field.join("_site.yaml"), content.join("_site.yaml")).expect("site");
    std::fs::copy(
        field.join(unit).join("_unit.yaml"),
        content.join(unit).join("_unit.yaml"),
    )
    .expect("unit");
    (dir, content)
}

fn import(content: &Path, unit: &str, files: &[&Path], extra: &[&str]) -> std::process::Output {
    let mut cmd = crate::support::gongkai().expect("binary");
    cmd.current_dir(root()).args(["--lang", "zh", "import"]);
    for f in files {
        cmd.arg(f);
    }
    cmd.args([
        "--unit",
        unit,
        "--year",
        "2024",
        "--edition",
        "shanghai",
        "--content",
    ])
    .arg(content)
    .args(extra);
    cmd.output().expect("runs")
}

/// The figures of the nine tables a record holds, one line per block: the five 科目 tables
/// (the 合计 row of a grid printing no figure in it is the same as none), the 总表s' blocks,
/// `basic`'s totals and lines, and each "三公" part's 预算数 and 决算数 (not what only the
/// 情况说明 states about them: completion, change).
fn figures(record: &gongkai::model::Record) -> Vec<String> {
    let fa = record.final_accounts.as_ref().expect("a 决算");
    let mut out: Vec<String> = LineTableKind::ALL
        .into_iter()
        .filter_map(|k| fa.line_table(k))
        .map(|t| {
            let total = t.total.as_ref().filter(|m| !m.is_empty());
            format!("{:?} {total:?} {:?} {:?}", t.kind, t.rows, t.statement)
        })
        .collect();
    out.push(format!("income {}", json(&fa.income)));
    out.push(format!("expenditure {}", json(&fa.expenditure)));
    out.push(format!("fiscal {}", json(&fa.fiscal)));
    if let Some(b) = &fa.basic {
        out.push(format!(
            "basic {:?} {:?} {}",
            b.personnel.map(|d| d.normalize()),
            b.public.map(|d| d.normalize()),
            json(&b.items)
        ));
    }
    if let Some(tp) = &fa.three_public {
        for (name, part) in [
            ("total", &tp.total),
            ("outbound", &tp.outbound),
            ("vehicle", &tp.vehicle),
            ("vehicle_purchase", &tp.vehicle_purchase),
            ("vehicle_operation", &tp.vehicle_operation),
            ("reception", &tp.reception),
        ] {
            let (b, a) = part.as_ref().map_or((None, None), |p| {
                (
                    p.budget.map(|d| d.normalize()),
                    p.actual.map(|d| d.normalize()),
                )
            });
            if b.is_some() || a.is_some() {
                out.push(format!("three_public.{name} {b:?} {a:?}"));
            }
        }
    }
    out
}

/// A value as JSON text, each amount by its value (`0` as typed and `0.00` as a sheet prints
/// it are the same figure).
fn json<T: serde::Serialize>(v: &T) -> String {
    fn by_value(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::String(s) => {
                if let Ok(d) = gongkai::model::Dec::parse(s) {
                    *s = d.normalize().to_string();
                }
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(by_value),
            serde_json::Value::Object(map) => map.values_mut().for_each(by_value),
            _ => {}
        }
    }
    let mut value = serde_json::to_value(v).expect("json");
    by_value(&mut value);
    value.to_string()
}

fn record_of<'a>(corpus: &'a gongkai::model::Corpus, unit: &str) -> &'a gongkai::model::Record {
    corpus
        .units
        .iter()
        .find(|u| u.id.as_str() == unit)
        .and_then(|u| u.records.first())
        .expect("the record")
}

fn tables(content: &Path, unit: &str) -> Vec<String> {
    let corpus = gongkai::load(content).unwrap_or_else(|e| panic!("the import loads:\n{e}"));
    figures(record_of(&corpus, unit))
}

#[test]
fn issue18_the_exported_workbook_of_each_shanghai_document_imports_to_the_same_tables() {
    let (_site, out) = build_into_temp(&fixture("sites/field/content"));
    let field = gongkai::load(&fixture("sites/field/content")).expect("field site");
    for unit in [
        "putuo-caizhengju",
        "putuo-guihua-ziran",
        "putuo-shehui-gongzuobu",
    ] {
        let book = out.join(format!("data/{unit}/2024/juesuan.xlsx"));
        let (_dir, content) = empty_site(unit);
        let done = import(&content, unit, &[&book], &[]);
        assert!(
            done.status.success(),
            "{unit}: {}",
            String::from_utf8_lossy(&done.stderr)
        );
        let want = figures(record_of(&field, unit));
        let got = tables(&content, unit);
        for (g, w) in got.iter().zip(&want) {
            assert_eq!(g, w, "{unit}: every figure of the nine tables");
        }
        assert_eq!(got.len(), want.len(), "{unit}: {got:#?}\n{want:#?}");
        let text = std::fs::read_to_string(content.join(unit).join("2024.yaml")).expect("record");
        assert!(
            text.contains("  expenditure_table: # juesuan.xlsx!支出决算表\n"),
            "{text}"
        );
        // Same input, same bytes; a second import refuses to overwrite without --force.
        let again = import(&content, unit, &[&book], &[]);
        assert_eq!(again.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&again.stderr).contains("如要替换，请加 --force"));
        let (_d2, other) = empty_site(unit);
        assert!(import(&other, unit, &[&book], &[]).status.success());
        assert_eq!(
            std::fs::read(other.join(unit).join("2024.yaml")).expect("second"),
            text.as_bytes(),
            "{unit}: the same bytes for the same workbook"
        );
    }
}

/// 类, 款, 项, 科目名称 and four amounts of one row, as typed.
type Row8<'a> = (
    &'a str,
    &'a str,
    &'a str,
    &'a str,
    &'a str,
    &'a str,
    &'a str,
    &'a str,
);

/// A workbook in the layout of the 部门决算 software's export, written as such a file is.
fn software_workbook(path: &Path, bad: bool) {
    use rust_xlsxwriter::{Format, Workbook};
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    // "Z03 支出决算表(财决03表)" is within 31 characters; the title repeats it in the sheet.
    sheet.set_name("Z03 支出决算表(财决03表)").expect("name");
    let merged = Format::new();
    sheet.write_string(0, 1, "支出决算表").expect("w");
    sheet.write_string(1, 8, "金额单位：万元").expect("w");
    // A blank row, then the header over two rows: 项目 (类 款 项 | 科目名称) and the columns.
    sheet.merge_range(3, 1, 3, 4, "项目", &merged).expect("m");
    for (c, t) in [
        (5u16, "本年支出合计"),
        (6, "基本支出"),
        (7, "项目支出"),
        (8, "上缴上级支出"),
    ] {
        sheet.merge_range(3, c, 4, c, t, &merged).expect("m");
    }
    for (c, t) in [(1u16, "类"), (2, "款"), (3, "项"), (4, "科目名称")] {
        sheet.write_string(4, c, t).expect("w");
    }
    // The 栏次 row the software prints under the header.
    sheet.write_string(5, 4, "栏次").expect("w");
    for (c, t) in [(5u16, "1"), (6, "2"), (7, "3"), (8, "4")] {
        sheet.write_string(5, c, t).expect("w");
    }
    let rows: [Row8; 4] = [
        ("", "", "", "合计", "2,940.05", "2336.91", "603.14", "—"),
        (
            "201",
            "",
            "",
            "一般公共服务支出",
            "2106.66",
            "1503.52",
            "603.14",
            "",
        ),
        (
            "201",
            "06",
            "",
            "财政事务",
            "2106.66",
            "1503.52",
            "603.14",
            "",
        ),
        (
            "201",
            "06",
            "01",
            "行政运行",
            if bad { "很多" } else { "1511.894" },
            "1503.52",
            "8.37",
            "",
        ),
    ];
    for (i, r) in rows.iter().enumerate() {
        let row = 7 + u32::try_from(i).expect("row"); // a blank row before the body
        let cells = [r.0, r.1, r.2, r.3];
        for (c, t) in (1u16..).zip(cells) {
            if !t.is_empty() {
                sheet.write_string(row, c, t).expect("w");
            }
        }
        for (c, t) in (5u16..).zip([r.4, r.5, r.6, r.7]) {
            match t.parse::<f64>() {
                Ok(v) => sheet.write_number(row, c, v).map(|_| ()).expect("w"),
                Err(_) if !t.is_empty() => sheet.write_string(row, c, t).map(|_| ()).expect("w"),
                Err(_) => {}
            }
        }
    }
    book.save(path).expect("save");
}

#[test]
fn issue18_a_workbook_in_the_softwares_layout_is_read_by_its_labels() {
    let (dir, content) = empty_site("putuo-caizhengju");
    let book = dir.path().join("决算.xlsx");
    software_workbook(&book, false);
    let done = import(&content, "putuo-caizhengju", &[&book], &[]);
    assert!(
        done.status.success(),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
    let text = std::fs::read_to_string(content.join("putuo-caizhengju/2024.yaml")).expect("record");
    assert!(
        text.contains(
            "  expenditure_table: # 决算.xlsx!Z03 支出决算表(财决03表)\n    total: {total: 2940.05, basic: 2336.91, project: 603.14}\n"
        ),
        "{text}"
    );
    // 类/款/项 joined into the code; 1511.894 rounded 四舍五入 to the printed two places; — and
    // blank not printed.
    assert!(
        text.contains("      - {code: \"2010601\", name: 行政运行, total: 1511.89, basic: 1503.52, project: 8.37}\n"),
        "{text}"
    );
    assert!(
        text.contains("      - {code: \"20106\", name: 财政事务,"),
        "{text}"
    );
    // Replaced only with --force, and then the changed lines are shown.
    software_workbook(&book, false);
    let forced = import(&content, "putuo-caizhengju", &[&book], &["--force"]);
    assert!(forced.status.success());
    assert!(
        !String::from_utf8_lossy(&forced.stdout).contains("\n-"),
        "nothing changed"
    );
}

#[test]
fn issue18_every_problem_of_a_workbook_is_located_and_nothing_is_written() {
    let (dir, content) = empty_site("putuo-caizhengju");
    let book = dir.path().join("决算.xlsx");
    software_workbook(&book, true);
    let missing = dir.path().join("没有.xlsx");
    let done = import(&content, "putuo-caizhengju", &[&book, &missing], &[]);
    assert_eq!(done.status.code(), Some(2));
    let err = String::from_utf8_lossy(&done.stderr);
    assert!(
        err.contains("决算.xlsx!Z03 支出决算表(财决03表)!F11：行政运行 本年支出合计：应为金额（如 2940.05）、空白或 —，实际为 `很多`"),
        "{err}"
    );
    assert!(
        err.contains("没有.xlsx：应为工作簿（.xlsx、.xls 或 .ods），无法读取"),
        "both files' problems: {err}"
    );
    assert!(err.contains("未写入任何文件；共 2 个问题"), "{err}");
    assert!(!content.join("putuo-caizhengju/2024.yaml").exists());
}

/// `soffice --convert-to <ext>` of `book` into `dir`: the workbook as LibreOffice saves it.
fn resaved(book: &Path, dir: &Path, ext: &str) -> PathBuf {
    let profile = dir.join("lo-profile");
    let out = std::process::Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", ext, "--outdir"])
        .arg(dir)
        .arg(book)
        .env("HOME", dir)
        .output()
        .expect("soffice runs");
    let stem = book
        .file_stem()
        .expect("stem")
        .to_string_lossy()
        .into_owned();
    let path = dir.join(format!("{stem}.{ext}"));
    assert!(
        out.status.success() && path.is_file(),
        "soffice could not convert {}: {}",
        book.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    path
}

#[cfg_attr(
    gongkai_no_soffice,
    ignore = "LibreOffice is not installed (apt-get install libreoffice-calc-nogui)"
)]
#[test]
fn issue18_workbooks_resaved_by_libreoffice_as_xls_and_ods_import_to_the_same_tables() {
    let (_site, out) = build_into_temp(&fixture("sites/field/content"));
    let work = tempfile::tempdir().expect("temp");
    for unit in [
        "putuo-caizhengju",
        "putuo-guihua-ziran",
        "putuo-shehui-gongzuobu",
    ] {
        let book = work.path().join(format!("{unit}.xlsx"));
        std::fs::copy(out.join(format!("data/{unit}/2024/juesuan.xlsx")), &book).expect("copy");
        let (_d, reference) = empty_site(unit);
        assert!(import(&reference, unit, &[&book], &[]).status.success());
        let want = tables(&reference, unit);
        for ext in ["xls", "ods"] {
            let again = resaved(&book, work.path(), ext);
            let (_d, content) = empty_site(unit);
            let done = import(&content, unit, &[&again], &[]);
            assert!(
                done.status.success(),
                "{unit}.{ext}: {}",
                String::from_utf8_lossy(&done.stderr)
            );
            assert_eq!(
                tables(&content, unit),
                want,
                "{unit}.{ext}: the same tables"
            );
        }
    }
    // The software's layout (merged header, 栏次 row, split 类/款/项, —) survives the re-save.
    let book = work.path().join("software.xlsx");
    software_workbook(&book, false);
    let (_d, reference) = empty_site("putuo-caizhengju");
    assert!(
        import(&reference, "putuo-caizhengju", &[&book], &[])
            .status
            .success()
    );
    let want = tables(&reference, "putuo-caizhengju");
    for ext in ["xls", "ods"] {
        let again = resaved(&book, work.path(), ext);
        let (_d, content) = empty_site("putuo-caizhengju");
        let done = import(&content, "putuo-caizhengju", &[&again], &[]);
        assert!(
            done.status.success(),
            "software.{ext}: {}",
            String::from_utf8_lossy(&done.stderr)
        );
        assert_eq!(tables(&content, "putuo-caizhengju"), want, "software.{ext}");
    }
}

/// A workbook of `sheets`, each a name and its rows from A1; a cell that reads as a number is
/// written as one, an empty one is left blank.
fn grid_book(path: &Path, sheets: &[(&str, Vec<Vec<&str>>)]) {
    let mut book = rust_xlsxwriter::Workbook::new();
    for (name, rows) in sheets {
        let sheet = book.add_worksheet();
        sheet.set_name(*name).expect("name");
        for (r, row) in rows.iter().enumerate() {
            let r = u32::try_from(r).expect("row");
            for (c, cell) in row.iter().enumerate() {
                let c = u16::try_from(c).expect("col");
                match cell.parse::<f64>() {
                    Ok(v) => {
                        sheet.write_number(r, c, v).expect("w");
                    }
                    Err(_) if !cell.is_empty() => {
                        sheet.write_string(r, c, *cell).expect("w");
                    }
                    Err(_) => {}
                }
            }
        }
    }
    book.save(path).expect("save");
}

/// 公开01表, 04 (named only by its number), 06 in three groups across and a "三公" table
/// printed down, as the national layout prints them.
fn national_sheets() -> Vec<(&'static str, Vec<Vec<&'static str>>)> {
    vec![
        (
            "公开01表",
            vec![
                vec!["收入支出决算总表"],
                vec!["编制单位：某单位", "", "", "", "", "金额单位：万元"],
                vec!["收入", "", "", "支出"],
                vec!["项目", "行次", "金额", "项目", "行次", "金额"],
                vec!["栏次", "", "1", "栏次", "", "2"],
                vec![
                    "一、一般公共预算财政拨款收入",
                    "1",
                    "1,200.50",
                    "一、一般公共服务支出",
                    "32",
                    "1000.00",
                ],
                vec![
                    "二、政府性基金预算财政拨款收入",
                    "2",
                    "—",
                    "二、外交支出",
                    "33",
                    "",
                ],
                vec![
                    "八、其他收入",
                    "8",
                    "10.004",
                    "八、社会保障和就业支出",
                    "39",
                    "210.5",
                ],
                vec![
                    "本年收入合计",
                    "25",
                    "1210.50",
                    "本年支出合计",
                    "58",
                    "1210.50",
                ],
                vec!["年初结转和结余", "27", "5", "年末结转和结余", "60", "5"],
                vec!["总计", "28", "1215.50", "总计", "61", "1215.50"],
            ],
        ),
        (
            "GK04",
            vec![
                vec!["财政拨款收入支出决算总表"],
                vec!["", "", "", "", "", "", "", "", "金额单位：万元"],
                vec!["收入", "", "", "支出"],
                vec![
                    "项目",
                    "行次",
                    "金额",
                    "项目",
                    "行次",
                    "合计",
                    "一般公共预算财政拨款",
                    "政府性基金预算财政拨款",
                    "国有资本经营预算财政拨款",
                ],
                vec![
                    "一、一般公共预算财政拨款",
                    "1",
                    "1200.50",
                    "一、一般公共服务支出",
                    "33",
                    "1000",
                    "1000",
                    "",
                    "",
                ],
                vec![
                    "二、政府性基金预算财政拨款",
                    "2",
                    "",
                    "八、社会保障和就业支出",
                    "40",
                    "200.50",
                    "200.50",
                    "",
                    "",
                ],
                vec![
                    "本年收入合计",
                    "25",
                    "1200.50",
                    "本年支出合计",
                    "55",
                    "1200.50",
                    "1200.50",
                    "",
                    "",
                ],
                vec![
                    "年初财政拨款结转和结余",
                    "26",
                    "3",
                    "年末财政拨款结转和结余",
                    "56",
                    "3",
                    "3",
                    "",
                    "",
                ],
                vec![
                    "一、一般公共预算财政拨款",
                    "27",
                    "3",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                ],
                vec![
                    "总计", "30", "1203.50", "总计", "57", "1203.50", "1203.50", "", "",
                ],
            ],
        ),
        (
            "公开06表 基本支出",
            vec![
                vec!["一般公共预算财政拨款基本支出决算表"],
                vec!["人员经费", "", "", "公用经费"],
                vec![
                    "科目编码",
                    "科目名称",
                    "决算数",
                    "科目编码",
                    "科目名称",
                    "决算数",
                    "科目编码",
                    "科目名称",
                    "决算数",
                ],
                vec![
                    "301",
                    "工资福利支出",
                    "90",
                    "302",
                    "商品和服务支出",
                    "8",
                    "310",
                    "资本性支出",
                    "2",
                ],
                vec![
                    "30101",
                    "基本工资",
                    "90",
                    "30201",
                    "办公费",
                    "8",
                    "31002",
                    "办公设备购置",
                    "2",
                ],
                vec![
                    "303",
                    "对个人和家庭的补助",
                    "",
                    "30202",
                    "印刷费",
                    "",
                    "",
                    "",
                    "",
                ],
                vec![
                    "人员经费合计",
                    "",
                    "90",
                    "公用经费合计",
                    "",
                    "10",
                    "",
                    "",
                    "",
                ],
            ],
        ),
        (
            "公开09表",
            vec![
                vec!["财政拨款“三公”经费支出决算表"],
                vec!["项目", "预算数", "决算数"],
                vec!["合计", "5", "4.5"],
                vec!["1.因公出国（境）费", "0", "0"],
                vec!["2.公务用车购置及运行费", "3", "2.5"],
                vec!["其中：公务用车购置费", "", ""],
                vec!["公务用车运行费", "3", "2.5"],
                vec!["3.公务接待费", "2", "2"],
            ],
        ),
    ]
}

/// `gongkai --lang <lang> import <book> --unit putuo-caizhengju --year 2024 --content <content>
/// <extra…>`, with the site's edition (no `--edition`).
fn import_plain(content: &Path, book: &Path, lang: &str, extra: &[&str]) -> std::process::Output {
    crate::support::gongkai()
        .expect("binary")
        .current_dir(root())
        .args(["--lang", lang, "import"])
        .arg(book)
        .args(["--unit", "putuo-caizhengju", "--year", "2024", "--content"])
        .arg(content)
        .args(extra)
        .output()
        .expect("runs")
}

/// [`import_plain`] in Chinese, which must succeed; the record it wrote.
fn imported(content: &Path, book: &Path) -> String {
    let done = import_plain(content, book, "zh", &[]);
    assert!(
        done.status.success(),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
    std::fs::read_to_string(content.join("putuo-caizhengju/2024.yaml")).expect("record")
}

#[test]
fn issue18_the_national_tables_are_read_by_their_rows_and_headers() {
    let (dir, content) = empty_site("putuo-caizhengju");
    let book = dir.path().join("部门决算.xlsx");
    grid_book(&book, &national_sheets());
    let text = imported(&content, &book);
    let want = "final_accounts:
  income: # 部门决算.xlsx!公开01表
    general_budget: 1200.50
    other: 10.00
    total: 1210.50
    opening_balance: 5.00
    grand_total: 1215.50
  expenditure: # 部门决算.xlsx!公开01表
    total: 1210.50
    closing_balance: 5.00
    grand_total: 1215.50
    by_class:
      一般公共服务支出: 1000.00
      社会保障和就业支出: 210.50
  fiscal: # 部门决算.xlsx!GK04
    income: 1200.50
    expenditure: 1200.50
    opening_balance: 3.00
    closing_balance: 3.00
    grand_total: 1203.50
    income_funds: {general_budget: 1200.50}
    opening_funds: {general_budget: 3.00}
    by_class:
      一般公共服务支出: {total: 1000.00, general_budget: 1000.00}
      社会保障和就业支出: {total: 200.50, general_budget: 200.50}
    expenditure_funds: {general_budget: 1200.50}
    closing_funds: {general_budget: 3.00}
    grand_total_funds: {total: 1203.50, general_budget: 1203.50}
  basic: # 部门决算.xlsx!公开06表 基本支出
    personnel: 90.00
    public: 10.00
    items:
      - {code: \"301\", name: 工资福利支出, kind: personnel, amount: 90.00}
      - {code: \"30101\", name: 基本工资, kind: personnel, amount: 90.00}
      - {code: \"303\", name: 对个人和家庭的补助, kind: personnel}
      - {code: \"302\", name: 商品和服务支出, kind: public, amount: 8.00}
      - {code: \"30201\", name: 办公费, kind: public, amount: 8.00}
      - {code: \"30202\", name: 印刷费, kind: public}
      - {code: \"310\", name: 资本性支出, kind: public, amount: 2.00}
      - {code: \"31002\", name: 办公设备购置, kind: public, amount: 2.00}
  three_public: # 部门决算.xlsx!公开09表
    total: {budget: 5.00, actual: 4.50}
    outbound: {budget: 0.00, actual: 0.00}
    vehicle: {budget: 3.00, actual: 2.50}
    vehicle_operation: {budget: 3.00, actual: 2.50}
    reception: {budget: 2.00, actual: 2.00}
";
    assert!(text.ends_with(want), "{text}");
    // What it wrote loads, and check finds no figure out of place in it.
    gongkai::load(&content).unwrap_or_else(|e| panic!("loads:\n{e}"));
}

/// Each problem `import` reports, with its exact message: a workbook per case, written here.
#[test]
fn issue18_each_import_problem_has_its_message() {
    type Sheets = Vec<(&'static str, Vec<Vec<&'static str>>)>;
    let line_head = vec!["科目编码", "科目名称", "本年收入合计", "财政拨款收入"];
    let cases: Vec<(&str, Sheets, &str)> = vec![
        (
            "no table",
            vec![("备注", vec![vec!["说明"]])],
            "本表.xlsx：未找到 gongkai 能读入的表（收入支出决算总表、收入决算表、支出决算表、财政拨款收入支出决算总表、一般公共预算财政拨款支出决算表、一般公共预算财政拨款基本支出决算表、政府性基金预算财政拨款收入支出决算表、国有资本经营预算财政拨款收入支出决算表、财政拨款“三公”经费支出决算表、部门整体支出绩效自评表、项目支出绩效自评表）",
        ),
        (
            "科目 table without a header",
            vec![(
                "收入决算表",
                vec![vec!["收入决算表"], vec!["201", "x", "1"]],
            )],
            "本表.xlsx!收入决算表：收入决算表应有含“科目编码”“科目名称”的表头，未找到",
        ),
        (
            "科目 table without 科目名称",
            vec![("收入决算表", vec![vec!["科目编码", "本年收入合计"]])],
            "本表.xlsx!收入决算表!A1：表头应有“科目编码”和“科目名称”两列，实际为 科目编码、本年收入合计",
        ),
        (
            "科目 table without money columns",
            vec![("收入决算表", vec![vec!["科目编码", "科目名称", "备注"]])],
            "本表.xlsx!收入决算表!A1：收入决算表应有 合计、财政拨款收入、上级补助收入、事业收入、经营收入、附属单位上缴收入、其他收入 等金额列，一列也未找到",
        ),
        (
            "科目 table with a word for an amount",
            vec![(
                "收入决算表",
                vec![
                    line_head.clone(),
                    vec!["201", "一般公共服务支出", "很多", ""],
                ],
            )],
            "本表.xlsx!收入决算表!C2：一般公共服务支出 本年收入合计：应为金额（如 2940.05）、空白或 —，实际为 `很多`",
        ),
        (
            "科目 table with a bad code",
            vec![(
                "收入决算表",
                vec![
                    line_head.clone(),
                    vec!["201", "一般公共服务支出", "5", ""],
                    vec!["2011", "一般公共服务支出", "5", ""],
                ],
            )],
            "本表.xlsx!收入决算表!A3：有金额的行应有 3、5 或 7 位科目编码（类、款或项），或为“合计”，实际为 `2011` `一般公共服务支出`",
        ),
        (
            "总表 without two sides",
            vec![("收入支出决算总表", vec![vec!["项目", "金额"]])],
            "本表.xlsx!收入支出决算总表：收入支出决算总表应有左右两栏、各以“项目”开头的表头，未找到",
        ),
        (
            "总表 side without money",
            vec![(
                "收入支出决算总表",
                vec![vec!["项目", "行次", "项目", "金额"]],
            )],
            "本表.xlsx!收入支出决算总表!A1：收入支出决算总表每栏应有金额列（金额、决算数或合计），表头为 项目、行次、项目、金额",
        ),
        (
            "总表 with a row it does not have",
            vec![(
                "收入支出决算总表",
                vec![
                    vec!["项目", "金额", "项目", "金额"],
                    vec!["一、财政拨款收入", "5", "", ""],
                ],
            )],
            "本表.xlsx!收入支出决算总表!A2：项目“财政拨款收入”有金额，但不是本栏的项目（应为 一般公共预算财政拨款收入、政府性基金预算财政拨款收入、国有资本经营预算财政拨款收入、上级补助收入、事业收入、经营收入、附属单位上缴收入、其他收入、本年收入合计、使用非财政拨款结余、年初结转和结余、总计）",
        ),
        (
            "基本支出 without a header",
            vec![(
                "一般公共预算财政拨款基本支出决算表",
                vec![vec!["301", "工资福利支出", "5"]],
            )],
            "本表.xlsx!一般公共预算财政拨款基本支出决算表：基本支出决算表应有含“科目编码”“科目名称”的表头，未找到",
        ),
        (
            "基本支出 group without 决算数",
            vec![(
                "一般公共预算财政拨款基本支出决算表",
                vec![vec!["科目编码", "科目名称"]],
            )],
            "本表.xlsx!一般公共预算财政拨款基本支出决算表!A1：每组“科目编码”后应有“科目名称”和“决算数”（或“金额”）列",
        ),
        (
            "基本支出 with a bad code",
            vec![(
                "一般公共预算财政拨款基本支出决算表",
                vec![
                    vec!["科目编码", "科目名称", "决算数"],
                    vec!["3010", "基本工资", "5"],
                ],
            )],
            "本表.xlsx!一般公共预算财政拨款基本支出决算表!A2：有金额的行应有 3 位（类）或 5 位（款）的科目编码，或为人员经费合计、公用经费合计，实际为 `3010` `基本工资`",
        ),
        (
            "三公 without 预算数 and 决算数",
            vec![(
                "财政拨款“三公”经费支出决算表",
                vec![vec!["合计", "公务接待费"]],
            )],
            "本表.xlsx!财政拨款“三公”经费支出决算表：“三公”经费表应有“预算数”“决算数”表头，未找到",
        ),
        (
            "三公 without its parts",
            vec![(
                "财政拨款“三公”经费支出决算表",
                vec![vec!["项目", "预算数", "决算数"], vec!["其他", "1", "1"]],
            )],
            "本表.xlsx!财政拨款“三公”经费支出决算表!A1：“三公”经费表应有合计、因公出国（境）费、公务用车购置及运行费、公务接待费各列（或各行），未找到",
        ),
        (
            "the same table twice",
            vec![
                ("收入决算表", vec![line_head.clone()]),
                ("公开02表", vec![vec!["收入决算表"], line_head.clone()]),
            ],
            "本表.xlsx!公开02表：所有文件中应只有一张收入决算表，实际有 2 张（本表.xlsx!收入决算表、本表.xlsx!公开02表）",
        ),
    ];
    let mut wrong = Vec::new();
    for (what, sheets, message) in cases {
        let (dir, content) = empty_site("putuo-caizhengju");
        let book = dir.path().join("本表.xlsx");
        grid_book(&book, &sheets);
        let done = import(&content, "putuo-caizhengju", &[&book], &[]);
        assert_eq!(done.status.code(), Some(2), "{what}");
        let err = String::from_utf8_lossy(&done.stderr)
            .replace(&format!("{}/", dir.path().display()), "");
        let want = format!("import: 未写入任何文件；共 1 个问题：\n{message}\n");
        if err != want {
            wrong.push(format!("{what}:\n  found    {err}  expected {want}"));
        }
        assert!(
            !content.join("putuo-caizhengju/2024.yaml").exists(),
            "{what}"
        );
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    // Not a workbook; and the messages in English when asked.
    let (dir, content) = empty_site("putuo-caizhengju");
    let book = dir.path().join("坏.xlsx");
    std::fs::write(&book, "不是工作簿").expect("write");
    let done = import(&content, "putuo-caizhengju", &[&book], &[]);
    let err = String::from_utf8_lossy(&done.stderr);
    assert!(
        err.contains("\n坏.xlsx：应为工作簿（.xlsx、.xls 或 .ods），无法读取："),
        "{err}"
    );
    let done = import_plain(&content, &book, "en", &[]);
    let err = String::from_utf8_lossy(&done.stderr);
    assert!(
        err.starts_with("import: nothing written; 1 problem:\n坏.xlsx: expected a workbook (.xlsx, .xls or .ods), could not read it: "),
        "{err}"
    );
}

/// A province's edition in the site's theme names its tables its own way: a sheet titled and
/// numbered as that edition prints it is read, with no `--edition` given (the site's is used).
#[test]
fn issue18_a_sheet_is_known_by_the_titles_and_numbers_of_the_sites_own_edition() {
    let (dir, content) = empty_site("putuo-caizhengju");
    std::fs::write(
        content.join("_site.yaml"),
        "title: 测试\ntheme: province\nedition: province\n",
    )
    .expect("site");
    let national = std::fs::read_to_string(root().join("themes/default/editions/national.yaml"))
        .expect("national");
    let province = national
        .replace("label: 公开01表", "label: 附表9")
        .replace("label: 公开09表", "label: 附表1")
        .replace("title: 收入支出决算总表", "title: 部门收支决算总表");
    let editions = dir.path().join("themes/province/editions");
    std::fs::create_dir_all(&editions).expect("mkdir");
    std::fs::write(editions.join("province.yaml"), province).expect("edition");
    let mut sheets = national_sheets();
    sheets.truncate(1);
    // 附表9 is the 三公 table in the national numbering, the 总表 in this edition's.
    sheets[0].0 = "附表9";
    sheets[0].1[0] = vec!["2024年度部门收支决算总表"];
    let book = dir.path().join("省.xlsx");
    grid_book(&book, &sheets);
    let text = imported(&content, &book);
    assert!(
        text.contains("  income: # 省.xlsx!附表9\n    general_budget: 1200.50\n"),
        "{text}"
    );
    // Named by its number only, the sheet is still the edition's 附表9.
    sheets[0].1[0] = vec![""];
    grid_book(&book, &sheets);
    let forced = import_plain(&content, &book, "zh", &["--force"]);
    assert!(
        forced.status.success(),
        "{}",
        String::from_utf8_lossy(&forced.stderr)
    );
}

/// A table continued on a second sheet (`…(续)`) is one table; a continued sheet with nothing
/// before it to continue is a problem.
#[test]
fn issue18_a_table_continued_on_a_second_sheet_is_read_as_one() {
    let head = vec![
        "科目编码",
        "科目名称",
        "本年支出合计",
        "基本支出",
        "项目支出",
    ];
    let first = vec![
        vec!["支出决算表"],
        head.clone(),
        vec!["", "合计", "30", "20", "10"],
        vec!["201", "一般公共服务支出", "30", "20", "10"],
    ];
    let second = vec![
        vec!["支出决算表（续）"],
        head.clone(),
        vec!["20106", "财政事务", "30", "20", "10"],
        vec!["2010601", "行政运行", "30", "20", "10"],
    ];
    let (dir, content) = empty_site("putuo-caizhengju");
    let book = dir.path().join("分页.xlsx");
    grid_book(
        &book,
        &[
            ("公开03表", first.clone()),
            ("公开03表(续)", second.clone()),
        ],
    );
    let text = imported(&content, &book);
    assert!(
        text.contains(
            "  expenditure_table: # 分页.xlsx!公开03表、分页.xlsx!公开03表(续)
    total: {total: 30.00, basic: 20.00, project: 10.00}
    rows:
      - {code: \"201\", name: 一般公共服务支出, total: 30.00, basic: 20.00, project: 10.00}
      - {code: \"20106\", name: 财政事务, total: 30.00, basic: 20.00, project: 10.00}
      - {code: \"2010601\", name: 行政运行, total: 30.00, basic: 20.00, project: 10.00}
"
        ),
        "{text}"
    );
    let (dir, content) = empty_site("putuo-caizhengju");
    let book = dir.path().join("分页.xlsx");
    grid_book(&book, &[("续", second)]);
    let done = import_plain(&content, &book, "zh", &[]);
    assert_eq!(
        String::from_utf8_lossy(&done.stderr),
        "import: 未写入任何文件；共 1 个问题：\n分页.xlsx!续：标为续表，但同一工作簿中它前面没有同一张表\n"
    );
}

/// The older 总表 prints its 支出 side by kind (一、基本支出 …): those rows are `expenditure`'s
/// own fields, never a 类, and the 支出决算表's 合计 row does not write them a second time.
#[test]
fn issue18_an_older_summary_prints_its_spending_by_kind() {
    let (dir, content) = empty_site("putuo-caizhengju");
    let book = dir.path().join("旧表.xlsx");
    grid_book(
        &book,
        &[
            (
                "收入支出决算总表",
                vec![
                    vec!["项目", "金额", "项目", "金额"],
                    vec!["一、一般公共预算财政拨款收入", "100", "一、基本支出", "80"],
                    vec!["本年收入合计", "100", "二、项目支出", "20"],
                    vec!["", "", "本年支出合计", "100"],
                ],
            ),
            (
                "支出决算表",
                vec![
                    vec![
                        "科目编码",
                        "科目名称",
                        "本年支出合计",
                        "基本支出",
                        "项目支出",
                        "上缴上级支出",
                    ],
                    vec!["", "合计", "100", "80", "20", "0"],
                ],
            ),
        ],
    );
    let text = imported(&content, &book);
    assert!(
        text.contains(
            "  expenditure: # 旧表.xlsx!收入支出决算总表; 旧表.xlsx!支出决算表 合计行
    basic: 80.00
    project: 20.00
    to_superior: 0.00
    total: 100.00
  expenditure_table:"
        ),
        "{text}"
    );
}

// ---- 自评表 (issue 18): the 部门整体支出绩效自评表 (Hubei) and the 项目支出绩效自评表 (national).

/// One sheet of `rows`; each of `merges` (first row, first column, last row, last column) is a
/// merged cell printing its top-left text once, as the forms merge their labels.
fn form_book(path: &Path, name: &str, rows: &[Vec<String>], merges: &[(u32, u16, u32, u16)]) {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name(name).expect("name");
    let plain = rust_xlsxwriter::Format::new();
    for &(r1, c1, r2, c2) in merges {
        let text = rows
            .get(r1 as usize)
            .and_then(|row| row.get(usize::from(c1)))
            .cloned()
            .unwrap_or_default();
        sheet
            .merge_range(r1, c1, r2, c2, &text, &plain)
            .expect("merge");
    }
    for (r, row) in rows.iter().enumerate() {
        let r = u32::try_from(r).expect("row");
        for (c, cell) in row.iter().enumerate() {
            let c = u16::try_from(c).expect("col");
            let merged = merges
                .iter()
                .any(|&(r1, c1, r2, c2)| (r1..=r2).contains(&r) && (c1..=c2).contains(&c));
            if merged || cell.is_empty() {
                continue;
            }
            match cell.parse::<f64>() {
                Ok(v) => sheet.write_number(r, c, v).expect("w"),
                Err(_) => sheet.write_string(r, c, cell).expect("w"),
            };
        }
    }
    book.save(path).expect("save");
}

/// A content folder holding `site`'s `_site.yaml` and the unit's `_unit.yaml`.
fn site_of(site: &Path, unit: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp");
    let content = dir.path().join("content");
    std::fs::create_dir_all(content.join(unit)).expect("mkdir");
    std::fs::copy(site.join("_site.yaml"), content.join("_site.yaml")).expect("site");
    std::fs::copy(
        site.join(unit).join("_unit.yaml"),
        content.join(unit).join("_unit.yaml"),
    )
    .expect("unit");
    (dir, content)
}

fn import_form(
    content: &Path,
    unit: &str,
    year: &str,
    template: &str,
    files: &[&Path],
) -> std::process::Output {
    let mut cmd = crate::support::gongkai().expect("binary");
    cmd.current_dir(root()).args(["--lang", "zh", "import"]);
    for f in files {
        cmd.arg(f);
    }
    cmd.args(["--unit", unit, "--year", year, "--template", template])
        .arg("--content")
        .arg(content);
    cmd.output().expect("runs")
}

fn loaded(content: &Path) -> gongkai::model::Corpus {
    gongkai::load(content).unwrap_or_else(|e| panic!("the import loads:\n{e}"))
}

/// The rows of each goal's indicators as the forms print them: the goal's label over the
/// block, 一级 and 二级 merged over the rows they share. `cols` places 一级, 二级, 三级 and
/// the other cells of `cells` (from the third column on); returns the merges.
fn indicator_rows(
    rows: &mut Vec<Vec<String>>,
    goal: &gongkai::model::Goal,
    header: Vec<String>,
    cells: impl Fn(&gongkai::model::Indicator) -> Vec<String>,
) -> Vec<(u32, u16, u32, u16)> {
    let top = u32::try_from(rows.len()).expect("row");
    rows.push(header);
    for n in &goal.indicators {
        let mut row = vec![
            String::new(),
            n.level1.clone().unwrap_or_default(),
            n.level2.clone().unwrap_or_default(),
        ];
        row.extend(cells(n));
        rows.push(row);
    }
    let last = u32::try_from(rows.len() - 1).expect("row");
    let mut merges = vec![(top, 0, last, 0)];
    for (col, key) in [(1u16, 1usize), (2, 2)] {
        let mut start = top + 1;
        for r in top + 1..=last + 1 {
            let same = |a: u32, b: u32| {
                (1..=key).all(|k| {
                    rows.get(a as usize).map(|x| &x[k]) == rows.get(b as usize).map(|x| &x[k])
                })
            };
            if r > last || !same(r, start) {
                if r - 1 > start {
                    merges.push((start, col, r - 1, col));
                }
                start = r;
            }
        }
    }
    merges
}

/// A scorecard as JSON, each amount by its value, the narrative texts without the line
/// break a YAML block ends with, and each funds cell by its figure (a mark typed for a blank
/// cell is a cell the sheet does not print).
fn card_json(card: &gongkai::model::Scorecard) -> serde_json::Value {
    let mut v: serde_json::Value = serde_json::from_str(&json(card)).expect("json");
    for key in ["deviation_analysis", "improvement"] {
        if let Some(serde_json::Value::String(s)) = v.get_mut(key) {
            *s = s.trim().to_owned();
        }
    }
    if let Some(e) = v.get_mut("execution") {
        let figures = |row: &mut serde_json::Value| {
            if let Some(map) = row.as_object_mut() {
                map.retain(|_, cell| {
                    !matches!(cell, serde_json::Value::Null)
                        && cell
                            .as_str()
                            .is_none_or(|s| gongkai::model::cell::Mark::parse(s).is_none())
                });
            }
        };
        if let Some(t) = e.get_mut("total") {
            figures(t);
        }
        if let Some(serde_json::Value::Array(parts)) = e.get_mut("parts") {
            parts.iter_mut().for_each(figures);
        }
    }
    v
}

#[test]
fn issue18_a_hubei_self_evaluation_workbook_imports_to_the_figures_of_huashan_2020() {
    let example = root().join("content");
    let corpus = loaded(&example);
    let want = record_of(&corpus, "huashan")
        .self_evaluation
        .as_ref()
        .expect("huashan's table");
    let s = |t: &str| t.to_owned();
    let mut rows: Vec<Vec<String>> = vec![
        vec![s("2020年度花山街道办事处部门整体绩效自评表")],
        vec![s("填报日期: 2021年6月30日")],
        vec![
            s("单位名称"),
            s(""),
            s("武汉东湖新技术开发区花山街道办事处"),
        ],
        vec![
            s("基本支出总额"),
            s(""),
            s("3,050.99"),
            s(""),
            s("项目支出总额"),
            s("8,553.55"),
        ],
        vec![
            s("预算执行情况(万元) (20分)"),
            s(""),
            s("预算数(A)"),
            s("执行数(B)"),
            s("执行率(B/A)"),
            s("得分 (20分*执行率)"),
        ],
        vec![
            s(""),
            s("部门整体支出总额"),
            s("11,604.54"),
            s("11,604.54"),
            s("100%"),
            s("20"),
        ],
    ];
    let mut merges = vec![
        (0, 0, 0, 6),
        (1, 0, 1, 6),
        (2, 0, 2, 1),
        (2, 2, 2, 6),
        (3, 0, 3, 1),
        (3, 2, 3, 3),
        (3, 5, 3, 6),
        (4, 0, 5, 0),
    ];
    for goal in &want.goals {
        let r = u32::try_from(rows.len()).expect("row");
        rows.push(vec![
            format!("{} ({}分)", goal.name, goal.weight.expect("weight")),
            s(""),
            goal.title.clone().expect("title"),
        ]);
        merges.extend([(r, 0, r, 1), (r, 2, r, 6)]);
        let header = [
            "年度绩效指标",
            "一级指标",
            "二级指标",
            "三级指标(权重)",
            "年初目标值(A)",
            "实际完成值(B)",
            "得分",
        ];
        merges.extend(indicator_rows(
            &mut rows,
            goal,
            header.map(s).to_vec(),
            |n| {
                let text = |m: &Option<gongkai::model::measure::Measure>| {
                    m.as_ref().map(|m| m.text.clone()).unwrap_or_default()
                };
                vec![
                    format!("{}({}分)", n.name, n.weight.expect("weight")),
                    text(&n.target),
                    n.note.clone().unwrap_or_else(|| text(&n.actual)),
                    n.score.map(|d| d.to_string()).unwrap_or_default(),
                ]
            },
        ));
    }
    for (label, text) in [
        ("总分", s("94")),
        (
            "偏差大或目标未完成原因分析",
            want.deviation_analysis.clone().expect("analysis"),
        ),
        (
            "改进措施及结果应用方案",
            want.improvement.clone().expect("improvement"),
        ),
    ] {
        let r = u32::try_from(rows.len()).expect("row");
        rows.push(vec![s(label), s(""), text]);
        merges.extend([(r, 0, r, 1), (r, 2, r, 6)]);
    }
    let (dir, content) = site_of(&example, "huashan");
    let book = dir.path().join("花山2020自评.xlsx");
    form_book(&book, "部门整体绩效自评表", &rows, &merges);
    let done = import_form(&content, "huashan", "2020", "hubei", &[&book]);
    assert!(
        done.status.success(),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
    let text = std::fs::read_to_string(content.join("huashan/2020.yaml")).expect("written");
    assert!(
        text.contains("self_evaluation: # 花山2020自评.xlsx!部门整体绩效自评表\n"),
        "{text}"
    );
    let corpus = loaded(&content);
    let got = record_of(&corpus, "huashan")
        .self_evaluation
        .as_ref()
        .expect("a self_evaluation");
    assert_eq!(card_json(got), card_json(want), "{text}");
    assert!(record_of(&corpus, "huashan").final_accounts.is_none());
}

/// The 项目支出绩效自评表 of langfang-shipin 2019 as the national form prints it (10 columns),
/// with the form's empty template rows (`指标2`, 生态效益指标) left in.
fn langfang_book(path: &Path, want: &gongkai::model::Scorecard) {
    let s = |t: &str| t.to_owned();
    let funds = |name: &str, cells: [&str; 6]| {
        let mut row = vec![s(""), s(name)];
        row.extend(cells.map(s));
        row
    };
    let mut rows: Vec<Vec<String>> = vec![
        vec![s("项目支出绩效自评表")],
        vec![s("2019年度)")],
        vec![
            s("项目名称"),
            s(""),
            s("办公宿舍楼、食堂及餐厅暖通改造经费"),
        ],
        vec![
            s("主管部门"),
            s(""),
            s("廊坊市发改委"),
            s(""),
            s(""),
            s(""),
            s("实施单位"),
            s(""),
            s("廊坊市食品工程学校"),
        ],
        vec![
            s("项目资金（万元）"),
            s(""),
            s("年初预算数"),
            s("全年预算数"),
            s("全年执行数"),
            s("分值"),
            s("执行率"),
            s("得分"),
        ],
        funds("年度资金总额", ["43.2", "43.2", "37.24", "10", "86%", "9"]),
        funds("其中:当年财政拨款", ["43.2", "43.2", "37.24", "", "", ""]),
        funds("上年结转资金", ["", "", "", "", "", ""]),
        funds("其他资金", ["", "", "", "", "", ""]),
        vec![
            s("年度总体目标"),
            s("预期目标"),
            s(""),
            s(""),
            s(""),
            s(""),
            s("实际完成情况"),
        ],
        vec![s(""), s("43.2"), s(""), s(""), s(""), s(""), s("37.24")],
    ];
    let mut merges = vec![
        (0, 0, 0, 9),
        (1, 0, 1, 9),
        (2, 0, 2, 1),
        (2, 2, 2, 9),
        (3, 0, 3, 1),
        (3, 2, 3, 5),
        (3, 6, 3, 7),
        (3, 8, 3, 9),
        (4, 0, 8, 0),
        (9, 0, 10, 0),
        (9, 1, 9, 5),
        (9, 6, 9, 9),
        (10, 1, 10, 5),
        (10, 6, 10, 9),
    ];
    let header = [
        "绩效指标",
        "一级指标",
        "二级指标",
        "三级指标",
        "年度指标值",
        "实际完成值",
        "分值",
        "得分",
        "偏差原因分析及改进措施",
    ];
    let goal = &want.goals[0];
    let top = rows.len();
    merges.extend(indicator_rows(
        &mut rows,
        goal,
        header.map(s).to_vec(),
        |n| {
            let text = |m: &Option<gongkai::model::measure::Measure>| {
                m.as_ref().map(|m| m.text.clone()).unwrap_or_default()
            };
            let d = |v: Option<gongkai::model::Dec>| v.map(|d| d.to_string()).unwrap_or_default();
            vec![
                n.name.clone(),
                text(&n.target),
                text(&n.actual),
                d(n.weight),
                d(n.score),
                n.deviation.clone().unwrap_or_default(),
            ]
        },
    ));
    // The form's template rows the unit left empty: not indicators.
    rows.insert(top + 2, vec![s(""), s(""), s(""), s("指标2")]);
    rows.push(vec![s(""), s(""), s("生态效益指标")]);
    merges.retain(|m| m.1 == 0 && m.0 < u32::try_from(top).expect("row"));
    let last = u32::try_from(rows.len() - 1).expect("row");
    merges.push((u32::try_from(top).expect("row"), 0, last, 0));
    form_book(path, "项目支出绩效自评表", &rows, &merges);
}

#[test]
fn issue18_a_national_project_workbook_imports_to_the_figures_of_langfang_shipin_2019() {
    let field = loaded(&fixture("sites/field/content"));
    let want = &record_of(&field, "langfang-shipin").projects[0];
    let (dir, content) = empty_site("langfang-shipin");
    let book = dir.path().join("暖通改造.xlsx");
    langfang_book(&book, want);
    let check = |book: &Path| {
        let done = import_form(&content, "langfang-shipin", "2019", "national", &[book]);
        assert!(
            done.status.success(),
            "{}",
            String::from_utf8_lossy(&done.stderr)
        );
        let corpus = loaded(&content);
        let record = record_of(&corpus, "langfang-shipin");
        assert_eq!(record.projects.len(), 1);
        let mut got = card_json(&record.projects[0]);
        let mut want = card_json(want);
        // What the excerpt's truncation adds to the record: not on the sheet.
        want["incomplete"] = serde_json::Value::Null;
        got["incomplete"] = serde_json::Value::Null;
        assert_eq!(got, want);
        std::fs::remove_file(content.join("langfang-shipin/2019.yaml")).expect("rm");
    };
    check(&book);
    #[cfg(not(gongkai_no_soffice))]
    check(&resaved(&book, dir.path(), "xls"));
}

#[test]
fn issue18_each_problem_of_a_self_evaluation_workbook_is_located_and_nothing_is_written() {
    let department = |rate: &'static str, score: &'static str| {
        vec![
            vec!["2021年度某单位部门整体支出绩效自评表"],
            vec![
                "预算执行情况（万元）",
                "",
                "预算数(A)",
                "执行数(B)",
                "执行率(B/A)",
                "得分",
            ],
            vec!["", "部门整体支出总额", "100", "90", rate, "18"],
            vec!["年度绩效目标1 (80分)", "", "做好培训"],
            vec![
                "年度绩效指标",
                "一级指标",
                "二级指标",
                "三级指标(权重)",
                "年初目标值(A)",
                "实际完成值(B)",
                "得分",
            ],
            vec![
                "",
                "产出指标",
                "数量指标",
                "培训次数(80分)",
                "4次",
                "4次",
                score,
            ],
        ]
    };
    let unit = "langfang-shipin";
    let run = |content: &Path, dir: &Path, files: &[&Path]| {
        let done = import_form(content, unit, "2021", "hubei", files);
        assert_eq!(done.status.code(), Some(2));
        assert!(!content.join(unit).join("2021.yaml").exists());
        String::from_utf8_lossy(&done.stderr).replace(&format!("{}/", dir.display()), "")
    };
    let (dir, content) = empty_site(unit);
    let book = dir.path().join("本表.xlsx");
    grid_book(
        &book,
        &[
            ("自评1", department("九成", "满分")),
            (
                "项目支出绩效自评表",
                vec![
                    vec!["项目支出绩效自评表"],
                    vec![
                        "绩效指标",
                        "一级指标",
                        "二级指标",
                        "三级指标",
                        "年度指标值",
                        "实际完成值",
                        "分值",
                        "得分",
                    ],
                    vec![
                        "",
                        "产出指标",
                        "数量指标",
                        "完工率",
                        "100%",
                        "100%",
                        "10",
                        "10",
                    ],
                ],
            ),
            (
                "空表",
                vec![vec!["2021年度某单位部门整体支出绩效自评表"], vec!["说明"]],
            ),
        ],
    );
    assert_eq!(
        run(&content, dir.path(), &[&book]),
        "import: 未写入任何文件；共 4 个问题：\n\
         本表.xlsx!自评1!E3：部门整体支出总额 执行率(B/A)：应为百分数（如 98.5%）、空白或 —，实际为 `九成`\n\
         本表.xlsx!自评1!G6：培训次数 得分：应为分值或得分（如 4.5）、空白或 —，实际为 `满分`\n\
         本表.xlsx!项目支出绩效自评表：项目支出绩效自评表应有“项目名称”一栏及其内容，未找到\n\
         本表.xlsx!空表：部门整体支出绩效自评表应有预算执行情况（项目资金）或含“一级指标”“二级指标”“三级指标”的表头，均未找到\n"
    );
    // One 部门整体 table a record: a second one in another file is a problem.
    let (a, b) = (dir.path().join("甲.xlsx"), dir.path().join("乙.xlsx"));
    grid_book(&a, &[("自评", department("90%", "80"))]);
    grid_book(&b, &[("自评", department("90%", "80"))]);
    assert_eq!(
        run(&content, dir.path(), &[&a, &b]),
        "import: 未写入任何文件；共 1 个问题：\n\
         乙.xlsx!自评：所有文件中应只有一张部门整体支出绩效自评表，实际有 2 张（甲.xlsx!自评、乙.xlsx!自评）\n"
    );
    // Each alone imports.
    let done = import_form(&content, unit, "2021", "hubei", &[&a]);
    assert!(
        done.status.success(),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
    let text = std::fs::read_to_string(content.join(unit).join("2021.yaml")).expect("written");
    assert!(
        text.contains(
            "  execution:\n    budget: 100.00\n    actual: 90.00\n    rate: 90%\n    score: 18\n"
        ),
        "{text}"
    );
}

#[test]
fn issue18_a_yunnan_project_workbook_with_its_target_in_three_columns_imports_to_yongde_minglang_2022()
 {
    let field = loaded(&fixture("sites/field/content"));
    let want = &record_of(&field, "yongde-minglang").projects[0];
    let s = |t: &str| t.to_owned();
    let funds = |name: &str, cells: [&str; 6]| {
        let mut row = vec![s(""), s(name)];
        row.extend(cells.map(s));
        row
    };
    let goal = "确保每一个学生都能享受到国家政策福利,改善学生体质";
    let blank = || vec![s(""); 11];
    let mut rows: Vec<Vec<String>> = vec![
        vec![s("2022年度项目支出绩效自评表")],
        vec![s("项目名称"), s(""), s("义务教育营养改善计划专项资金")],
        vec![
            s("主管部门"),
            s(""),
            s("永德县教育体育局"),
            s(""),
            s(""),
            s(""),
            s("实施单位"),
            s(""),
            s("永德县明朗中学"),
        ],
        funds(
            "",
            [
                "年初预算数",
                "全年预算数",
                "全年执行数",
                "分值",
                "执行率",
                "得分",
            ],
        ),
        funds(
            "年度资金总额",
            ["", "387664.62", "387664.62", "10", "100%", "10"],
        ),
        funds(
            "其中:当年财政拨款",
            ["", "387664.62", "387664.62", "—", "", "—"],
        ),
        funds("上年结转资金", ["", "", "", "—", "", "—"]),
        funds("其他资金", ["—", "—", "—", "—", "", "—"]),
        vec![
            s("年度 总体 目标"),
            s("预期目标"),
            s(""),
            s(""),
            s(""),
            s(""),
            s("实际完成情况"),
        ],
        vec![s(""), s(goal), s(""), s(""), s(""), s(""), s(goal)],
    ];
    rows[3][0] = s("项目资金 (元)");
    let mut header_a = blank();
    for (c, t) in [
        (0, "绩效指标"),
        (4, "年度指标值"),
        (7, "实际完成值"),
        (8, "分值"),
        (9, "得分"),
        (10, "偏差原因分析及改进措施"),
    ] {
        header_a[c] = s(t);
    }
    rows.push(header_a);
    let header_b = [
        "",
        "一级指标",
        "二级指标",
        "三级指标",
        "指标性质",
        "指标值",
        "度量单位",
    ];
    let mut merges = vec![
        (0, 0, 0, 10),
        (1, 0, 1, 1),
        (1, 2, 1, 10),
        (2, 0, 2, 1),
        (2, 2, 2, 5),
        (2, 6, 2, 7),
        (2, 8, 2, 10),
        (3, 0, 7, 0),
        (8, 0, 9, 0),
        (8, 1, 8, 5),
        (8, 6, 8, 10),
        (9, 1, 9, 5),
        (9, 6, 9, 10),
        (10, 4, 10, 6),
        (10, 7, 11, 7),
        (10, 8, 11, 8),
        (10, 9, 11, 9),
        (10, 10, 11, 10),
    ];
    let d = |v: Option<gongkai::model::Dec>| v.map(|d| d.to_string()).unwrap_or_default();
    merges.extend(indicator_rows(
        &mut rows,
        &want.goals[0],
        header_b.map(s).to_vec(),
        |n| {
            let col = |f: fn(&gongkai::model::TargetColumns) -> &Option<String>| {
                n.columns
                    .as_ref()
                    .and_then(|c| f(c).clone())
                    .unwrap_or_default()
            };
            vec![
                n.name.clone(),
                col(|c| &c.nature),
                col(|c| &c.value),
                col(|c| &c.unit),
                n.actual
                    .as_ref()
                    .map(|m| m.text.clone())
                    .unwrap_or_default(),
                d(n.weight),
                d(n.score),
                n.deviation.clone().unwrap_or_default(),
            ]
        },
    ));
    let mut total = blank();
    total[0] = s("总分");
    total[8] = s("100");
    total[9] = s("96");
    let r = u32::try_from(rows.len()).expect("row");
    rows.push(total);
    merges.push((r, 0, r, 7));
    let (dir, content) = empty_site("yongde-minglang");
    let book = dir.path().join("营养改善.xlsx");
    form_book(&book, "公开14表", &rows, &merges);
    let done = import_form(&content, "yongde-minglang", "2022", "national", &[&book]);
    assert!(
        done.status.success(),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
    let text = std::fs::read_to_string(content.join("yongde-minglang/2022.yaml")).expect("written");
    assert!(text.contains("amount_unit: 元\n"), "{text}");
    let corpus = loaded(&content);
    let mut got = card_json(&record_of(&corpus, "yongde-minglang").projects[0]);
    let mut want = card_json(want);
    // 评价等级 is not read from the sheet.
    want["reported_grade"] = serde_json::Value::Null;
    got["reported_grade"] = serde_json::Value::Null;
    assert_eq!(got, want, "{text}");
}
