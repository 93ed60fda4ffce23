//! Issue 16 (task PARTIAL): a table the document cuts off (`incomplete:`, 原文不全). Its
//! totals, subtotals and completion are of the visible part ("截至可见部分"), never final; no
//! sum finding comes from the cut while rows and groups before it are still checked; it ranks
//! nowhere and the year page and its chart say so. Fixture: `sites/partial` (a made-up table
//! cut in 年度目标2 / 效益指标 / 社会效益指标, and a whole one).

use std::path::Path;

use crate::support::{build_into_temp, files, fixture};

/// Findings of `cut/2023.yaml`, as (code, field), with the record's text edited by `edit`.
fn findings(edit: impl Fn(String) -> String) -> Vec<(&'static str, String)> {
    let dir = tempfile::tempdir().expect("temp dir");
    for (rel, bytes) in files(&fixture("sites/partial/content")) {
        let to = dir.path().join(&rel);
        std::fs::create_dir_all(to.parent().expect("parent")).expect("mkdir");
        let text = String::from_utf8(bytes).expect("UTF-8");
        let text = if rel == "cut/2023.yaml" {
            edit(text)
        } else {
            text
        };
        std::fs::write(to, text).expect("write");
    }
    gongkai::check_content(dir.path())
        .expect("loads")
        .report
        .findings
        .into_iter()
        .filter(|f| f.unit.as_str() == "cut")
        .map(|f| (f.code, f.field))
        .collect()
}

/// The record without its `incomplete:` block.
fn uncut(text: String) -> String {
    text.lines()
        .filter(|l| {
            !["  incomplete:", "    at:", "    level1:", "    level2:"]
                .iter()
                .any(|p| l.starts_with(p))
        })
        .map(|l| format!("{l}\n"))
        .collect()
}

fn field(s: &str) -> String {
    format!("self_evaluation.{s}")
}

#[test]
fn issue16_the_cut_suppresses_only_the_sums_it_causes() {
    // Before the cut: 年度目标1 产出指标 states 9 over a row of 10, and 年度目标2 产出指标 (a group
    // wholly before the cut) states 5 over a row of 6: both stand.
    assert_eq!(
        findings(|t| t),
        [
            ("weights.subtotal", field("goals[0].subtotals[0].weight")),
            ("weights.subtotal", field("goals[1].subtotals[0].weight")),
        ]
    );
}

#[test]
fn issue16_without_the_marker_the_same_table_has_the_sum_findings() {
    // The checks the marker suppresses exist and fire on this table: the goal weight 70 over
    // visible rows of 10, the 效益 subtotals 30 over 4, 总分 95 against 20 + 10 + 8 = 38 (rule)
    // and 20 + 10 + 6 + 2 = 38 (rows), and 20 stated indicators against 3 rows.
    let f = findings(uncut);
    for expected in [
        ("weights.goal", field("goals[1].weight")),
        ("weights.subtotal", field("goals[1].subtotals[1].weight")),
        ("weights.subtotal", field("goals[1].subtotals[2].weight")),
        ("score.total", field("reported_total")),
        ("score.sum", field("reported_total")),
        ("completion.count", field("stated.indicator_count")),
    ] {
        assert!(f.contains(&expected), "{expected:?} in {f:?}");
    }
}

#[test]
fn issue16_a_cut_in_one_group_keeps_the_other_groups_of_its_goal_checked() {
    // Naming only the 一级 still keeps 产出指标 of 年度目标2 checked; naming no group makes the
    // whole last goal uncheckable.
    let no_level2 = findings(|t| t.replace("    level2: 社会效益指标\n", ""));
    assert!(no_level2.contains(&("weights.subtotal", field("goals[1].subtotals[0].weight"))));
    let no_group = findings(|t| {
        t.replace("    level1: 效益指标\n", "")
            .replace("    level2: 社会效益指标\n", "")
    });
    assert_eq!(
        no_group,
        [("weights.subtotal", field("goals[0].subtotals[0].weight"))]
    );
}

fn page(out: &Path, rel: &str) -> String {
    std::fs::read_to_string(out.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

#[test]
fn issue16_the_cut_table_is_partial_on_its_page_csv_and_json_and_ranks_nowhere() {
    let (_dir, out) = build_into_temp(&fixture("sites/partial/content"));
    let record = page(&out, "units/cut/2023/index.html");
    assert!(
        record.contains("原文不全：原文在“效益指标 社会效益指标”处中断。本表合计、小计、完成率与等级均截至可见部分"),
        "{record}"
    );
    // 20 + 10 + 6 + 2 = 38 over the visible rows.
    assert!(record.contains("38（截至可见部分）"), "{record}");
    // Its charts say so too: their descriptions (what a screen reader reads) name the cut.
    let descs: Vec<&str> = record
        .split("<desc")
        .skip(1)
        .filter_map(|d| d.split_once('>').and_then(|(_, r)| r.split_once("</desc>")))
        .map(|(d, _)| d)
        .collect();
    assert!(!descs.is_empty());
    assert!(
        descs.iter().all(|d| d.contains("原文不全，截至可见部分")),
        "{descs:?}"
    );
    let csv = page(&out, "data/cut/2023/self_evaluation.csv");
    assert!(
        csv.contains("\"合计（截至可见部分）\"") && csv.contains("原文不全：原文在"),
        "{csv}"
    );
    let json = page(&out, "data/cut/2023.json");
    assert!(
        json.contains("\"partial\":\"原文在“效益指标 社会效益指标”处中断\""),
        "{json}"
    );
    let year = page(&out, "years/2023/index.html");
    assert!(year.contains("未排名"), "{year}");
    assert!(
        year.contains("原文不全，合计截至可见部分，未排名"),
        "{year}"
    );
    assert!(year.contains("（中断街道 原文不全，未排名）"), "{year}");
    // The whole unit is ranked first and alone.
    assert!(year.contains("第1名 完整街道"), "{year}");
    assert!(!year.contains("第2名"), "{year}");
}

#[test]
fn issue16_a_year_or_title_the_document_does_not_print_is_said_on_the_page() {
    // `whole/2023.yaml` with its title left out and `not_printed: [title, year]`: the page's
    // 资料来源 says both, and the year comes from the file name.
    let mut sources = files(&fixture("sites/partial/content"));
    let rel = "whole/2023.yaml";
    let text = String::from_utf8(sources[rel].clone())
        .expect("UTF-8")
        .replace(
            "  title: 2023年度完整街道部门整体绩效自评表\n",
            "  not_printed: [title, year]\n",
        );
    sources.insert(rel.to_owned(), text.into_bytes());
    let (_dir, root) = crate::support::project_with(sources, false);
    let (_out_dir, out) = build_into_temp(&root.join("content"));
    let html = page(&out, "units/whole/2023/index.html");
    assert!(
        html.contains("资料来源：原文未印出标题（原文未印出年度，2023年度据文件名）"),
        "{html}"
    );
}
