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
    cmd.current_dir(root()).arg("import");
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

fn tables(content: &Path, unit: &str) -> Vec<String> {
    let corpus = gongkai::load(content).unwrap_or_else(|e| panic!("the import loads:\n{e}"));
    let record = corpus
        .units
        .iter()
        .find(|u| u.id.as_str() == unit)
        .and_then(|u| u.records.first())
        .expect("the record");
    let fa = record.final_accounts.as_ref().expect("a 决算");
    LineTableKind::ALL
        .into_iter()
        .filter_map(|k| fa.line_table(k))
        .map(|t| {
            // The figures, the rows and the statement; the 合计 row of a grid printing no
            // figure in it is the same as none.
            let total = t.total.as_ref().filter(|m| !m.is_empty());
            format!("{:?} {total:?} {:?} {:?}", t.kind, t.rows, t.statement)
        })
        .collect()
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
        let want: Vec<String> = {
            let record = field
                .units
                .iter()
                .find(|u| u.id.as_str() == unit)
                .and_then(|u| u.records.first())
                .expect("record");
            let fa = record.final_accounts.as_ref().expect("决算");
            LineTableKind::ALL
                .into_iter()
                .filter_map(|k| fa.line_table(k))
                .map(|t| {
                    let total = t.total.as_ref().filter(|m| !m.is_empty());
                    format!("{:?} {total:?} {:?} {:?}", t.kind, t.rows, t.statement)
                })
                .collect()
        };
        assert_eq!(
            tables(&content, unit),
            want,
            "{unit}: every cell of the five 科目 tables"
        );
        let text = std::fs::read_to_string(content.join(unit).join("2024.yaml")).expect("record");
        assert!(
            text.contains("  expenditure_table: # juesuan.xlsx!支出决算表\n"),
            "{text}"
        );
        // Same input, same bytes; a second import refuses to overwrite without --force.
        let again = import(&content, unit, &[&book], &[]);
        assert_eq!(again.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&again.stderr).contains("--force"));
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
        err.contains("决算.xlsx!Z03 支出决算表(财决03表)!F11: 行政运行 本年支出合计: expected an amount such as 2940.05, a blank or —, found `很多`"),
        "{err}"
    );
    assert!(
        err.contains("没有.xlsx: expected a workbook"),
        "both files' problems: {err}"
    );
    assert!(err.contains("nothing written; 2 problems"), "{err}");
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
