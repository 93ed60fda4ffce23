//! Integration tests: rankings by rule score (issue 16, "a rule score that could not be
//! recomputed is shown as 未重算 and ranks nowhere"), on the example site and on the `rank`
//! fixture (see its README).

use std::collections::BTreeMap;

use tempfile::TempDir;

use crate::site::text;
use crate::support::{build_into_temp, files, fixture};

/// Builds the `rank` fixture site into a temp dir.
fn built_fixture() -> (TempDir, BTreeMap<String, Vec<u8>>) {
    let (dir, out) = build_into_temp(&fixture("sites/rank/content"));
    let files = files(&out);
    (dir, files)
}

/// The `<tr>` of the first table of `html` that names `unit`.
fn row<'a>(html: &'a str, unit: &str) -> &'a str {
    html.split("<tr>")
        .find(|r| r.contains(unit))
        .and_then(|r| r.split("</tr>").next())
        .unwrap_or_else(|| panic!("a row names {unit}"))
}

/// The text of the first cell (the 名次) of a row.
fn rank_cell(row: &str) -> &str {
    row.split_once('>')
        .and_then(|(_, rest)| rest.split_once("</td>"))
        .map(|(cell, _)| cell)
        .unwrap_or_else(|| panic!("a first cell in {row}"))
}

/// The `<desc>` of the `n`-th chart of a page.
fn chart_desc(html: &str, n: usize) -> &str {
    html.split("<desc")
        .nth(n + 1)
        .and_then(|d| d.split_once('>'))
        .and_then(|(_, rest)| rest.split_once("</desc>"))
        .map(|(d, _)| d)
        .unwrap_or_else(|| panic!("chart {n} has a description"))
}

#[test]
fn issue16_the_example_2022_year_page_shows_ronghua_not_recomputed_and_unranked() {
    let (_dir, files) = crate::site::built(&[]);
    let year = text(&files, "years/2022/index.html");
    let r = row(&year, "荣华街道办事处");
    assert_eq!(rank_cell(r), "未排名", "{r}");
    assert!(r.contains("未重算"), "{r}");
    assert!(r.contains("原文未列分值，无法按规则重算"), "{r}");
    assert!(
        r.contains("data-sort=\"\">未排名"),
        "sorted after the ranked: {r}"
    );
    assert_eq!(
        chart_desc(&year, 0),
        "暂无数据",
        "ronghua has no bar in the rule-score ranking"
    );
    let index = text(&files, "index.html");
    let r = row(&index, "荣华街道办事处");
    assert!(r.contains(">未重算<br>"), "{r}");
    assert!(
        !r.contains(">98<br>"),
        "the reported score is not the rule's: {r}"
    );
}

#[test]
fn issue16_a_unit_without_weights_is_left_out_of_the_rule_score_ranking() {
    let (_dir, files) = built_fixture();
    let year = text(&files, "years/2021/index.html");
    let jia = row(&year, "甲街道办事处");
    assert_eq!(rank_cell(jia), "1", "{jia}");
    assert!(jia.contains(">99.6<"), "{jia}");
    // 乙 reports 100, above 甲's 90: ranked by the reported score it would be first.
    let yi = row(&year, "乙街道办事处");
    assert_eq!(rank_cell(yi), "未排名", "{yi}");
    assert!(yi.contains(">100<"), "its reported score is shown: {yi}");
    assert!(
        yi.contains(">未重算<br><span class=\"note\">原文未列分值，无法按规则重算</span>"),
        "{yi}"
    );
    let bing = row(&year, "丙街道办事处");
    assert_eq!(
        rank_cell(bing),
        "未排名",
        "no 名次 with every cell —: {bing}"
    );
    let ranking = year
        .split("<tbody>")
        .nth(1)
        .and_then(|t| t.split("</tbody>").next())
        .expect("the ranking table");
    let ranks: Vec<&str> = ranking.split("<tr>").skip(1).map(rank_cell).collect();
    assert_eq!(ranks, ["1", "未排名", "未排名"], "nobody is second");
    let order: Vec<bool> = ranking
        .split("<tr>")
        .skip(1)
        .map(|r| r.contains("乙街道"))
        .collect();
    assert_eq!(order, [false, true, false], "未重算 before no table");
    assert_eq!(
        chart_desc(&year, 0),
        "2021年各单位规则得分，共1项，从高到低：第1名 甲街道 99.6。"
    );
    // The 执行率 ranking holds the two units that state one, 丙 is left out.
    assert_eq!(
        chart_desc(&year, 1),
        "2021年各单位预算执行率，共2项，从高到低：第1名 乙街道 100.00%；第2名 甲街道 98.00%。参考线：100%。"
    );
}

#[test]
fn issue16_the_data_files_carry_no_number_for_a_rule_score_not_recomputed() {
    let (_dir, files) = built_fixture();
    let csv = text(&files, "data/yi/2021/self_evaluation.csv");
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines.get(1).copied(),
        Some(
            "\"年度目标\",\"产出指标\",\"数量指标\",\"宣传活动次数\",\"≥12次\",\"12次\",\"—\",\"40\",\"—\",\"\""
        ),
        "得分 as printed, 规则得分 —: {csv}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("\"合计\"") && l.ends_with(",\"100\",\"—\",\"\"")),
        "{csv}"
    );
    let rule = text(&files, "data/compare/rule_total.csv");
    assert!(rule.contains("\"甲街道\",\"99.6\"\r\n"), "{rule}");
    assert!(rule.contains("\"乙街道\",\"—\"\r\n"), "{rule}");
    let json: serde_json::Value =
        serde_json::from_str(&text(&files, "data/compare/rule_total.json")).expect("JSON");
    let yi = json["units"]
        .as_array()
        .and_then(|u| u.iter().find(|u| u["id"] == "yi"))
        .expect("yi");
    assert_eq!(yi["values"], serde_json::json!([null]));
    let record: serde_json::Value =
        serde_json::from_str(&text(&files, "data/yi/2021.json")).expect("JSON");
    let card = &record["scores"]["self_evaluation"];
    assert_eq!(card["rule_total"], serde_json::Value::Null);
    assert_eq!(card["reported_total"], "100");
    assert_eq!(
        card["goals"][0]["indicators"][0]["rule"],
        serde_json::Value::Null,
        "a row without a weight has no rule score, not its reported 40"
    );
    let page = text(&files, "compare/rule_total.html");
    assert!(row(&page, "乙街道办事处").contains(">未重算</a>"), "{page}");
    assert!(row(&page, "甲街道办事处").contains(">99.6</a>"), "{page}");
}
