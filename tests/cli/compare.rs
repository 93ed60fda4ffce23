//! Integration tests: year-over-year comparison pages and their downloads, built from the
//! `compare` fixture site (3 units × 4 years of fictional figures, see its README).

use std::collections::BTreeMap;

use tempfile::TempDir;

use crate::browser::{assert_pages_open, chromium};
use crate::site::{assert_links_resolve, text};
use crate::support::{files, fixture, root};

/// Builds the fixture site under `profile` into a temp dir.
fn built(profile: &str) -> (TempDir, BTreeMap<String, Vec<u8>>) {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("site");
    crate::support::gongkai()
        .expect("binary builds")
        .current_dir(root())
        .arg("build")
        .arg("--content")
        .arg(fixture("sites/compare/content"))
        .arg("--output")
        .arg(&out)
        .args(["--profile", profile])
        .assert()
        .success();
    let files = files(&out);
    (dir, files)
}

fn json(files: &BTreeMap<String, Vec<u8>>, path: &str) -> serde_json::Value {
    serde_json::from_str(&text(files, path)).expect("valid JSON")
}

/// The figure row with `key` of a comparison JSON.
fn figure<'a>(data: &'a serde_json::Value, key: &str) -> &'a serde_json::Value {
    data["figures"]
        .as_array()
        .and_then(|a| a.iter().find(|f| f["key"] == key))
        .unwrap_or_else(|| panic!("figure {key} present"))
}

#[test]
fn every_record_with_a_prior_year_gets_a_comparison_and_the_first_year_does_not() {
    let (_dir, files) = built("internal");
    for y in [2021, 2022, 2023] {
        for unit in ["alpha", "beta"] {
            assert!(files.contains_key(&format!("units/{unit}/{y}/compare.html")));
        }
    }
    assert!(
        !files.contains_key("units/alpha/2020/compare.html"),
        "nothing before 2020"
    );
    assert!(
        !files.contains_key("units/gamma/2021/index.html"),
        "gamma has no 2021"
    );
    assert!(
        files.contains_key("units/gamma/2020/compare.html"),
        "stated prior figures"
    );
    let page = text(&files, "units/alpha/2022/index.html");
    assert!(page.contains("units/alpha/2022/compare.html\">与上年比较</a>"));
}

#[test]
fn a_unit_missing_a_year_is_compared_with_its_previous_year_with_data() {
    let (_dir, files) = built("internal");
    let page = text(&files, "units/gamma/2022/index.html");
    assert!(page.contains("与上年比较"));
    let compare = text(&files, "units/gamma/2022/compare.html");
    assert!(compare.contains("丙街道2022年与2020年比较"));
    assert_eq!(
        json(&files, "data/gamma/2022/compare.json")["prior_year"],
        2020
    );
}

#[test]
fn without_a_prior_record_the_figures_the_record_states_are_the_base() {
    let (_dir, files) = built("internal");
    let page = text(&files, "units/gamma/2020/compare.html");
    assert!(page.contains("丙街道2020年与上年（本报告所列）比较"));
    assert!(page.contains("上年数取自本报告所列的上年数"));
    assert!(
        !page.contains("一般公共服务支出"),
        "no 类 without a prior record to compare"
    );
    let data = json(&files, "data/gamma/2020/compare.json");
    assert_eq!(data["prior_year"], serde_json::Value::Null);
    let e = figure(&data, "expenditure");
    assert_eq!(
        (e["prior"].as_str(), e["current"].as_str()),
        (Some("450"), Some("490"))
    );
    assert_eq!(e["prior_source"], "stated");
    assert_eq!(e["change"]["rate"], "8.89%");
}

#[test]
fn rises_falls_and_a_zero_prior_read_with_their_amount_rate_and_words() {
    let (_dir, files) = built("internal");
    let y2021 = text(&files, "units/alpha/2021/compare.html");
    assert!(
        y2021.contains("增加 144.00 万元，增长 14.40%"),
        "支出合计 rises"
    );
    assert!(
        y2021.contains("减少 5.00 万元，下降 100.00%"),
        "三公 falls to 0"
    );
    let y2022 = text(&files, "units/alpha/2022/compare.html");
    assert!(
        y2022.contains("<td class=\"num\">+3.00</td><td class=\"num\">—</td><td>增加 3.00 万元（上年为 0，无变动率）"),
        "a zero prior year has no rate"
    );
    assert!(y2022.contains("提高 14.00 个百分点"), "执行率 in 百分点");
    let data = json(&files, "data/alpha/2022/compare.json");
    let tp = figure(&data, "three_public");
    assert_eq!(tp["change"]["delta"], "3");
    assert_eq!(tp["change"]["rate"], serde_json::Value::Null);
    assert_eq!(tp["highlight"], true);
}

#[test]
fn changes_past_the_threshold_are_highlighted_and_small_ones_are_not() {
    let (_dir, files) = built("internal");
    let page = text(&files, "units/alpha/2022/compare.html");
    assert!(
        page.contains("<tr class=\"changed\"><th scope=\"row\">预算数</th>"),
        "-23.08%"
    );
    assert!(
        page.contains("<tr><th scope=\"row\">执行数</th>"),
        "-10.84% is not highlighted"
    );
}

#[test]
fn indicators_are_matched_by_id_then_by_normalised_name() {
    let (_dir, files) = built("internal");
    let y2021 = text(&files, "units/alpha/2021/compare.html");
    assert!(
        y2021.contains("更名（按编号匹配，原名“培训人次”）"),
        "renamed with an id"
    );
    assert!(
        y2021.contains("分值 20 → 25"),
        "weight changed, name with a full-width suffix"
    );
    let data = json(&files, "data/alpha/2022/compare.json");
    let status = |name: &str| -> String {
        data["tables"][0]["indicators"]
            .as_array()
            .and_then(|a| {
                a.iter().find(|i| {
                    i["current"]["name"] == name
                        || (i["current"].is_null() && i["prior"]["name"] == name)
                })
            })
            .map(|i| i["status"].as_str().unwrap_or_default().to_owned())
            .unwrap_or_default()
    };
    assert_eq!(status("居民满意度"), "new", "renamed without an id: new …");
    assert_eq!(status("群众满意度"), "removed", "… and removed");
    assert_eq!(status("安全生产事故"), "removed", "dropped");
    let lowered = data["tables"][0]["indicators"]
        .as_array()
        .and_then(|a| a.iter().find(|i| i["target_change"] == "lowered"))
        .expect("a lowered target");
    assert_eq!(lowered["current"]["name"], "环境整治次数");
    assert!(text(&files, "units/alpha/2022/compare.html").contains("目标降低"));
}

#[test]
fn the_csv_downloads_hold_every_figure_and_indicator() {
    let (_dir, files) = built("internal");
    let csv = text(&files, "data/alpha/2022/compare.csv");
    assert!(
        csv.starts_with("\u{feff}\"项目\",\"单位\",\"2021年\",\"2022年\",\"变动额\",\"变动率\"")
    );
    assert!(csv.contains(
        "\"“三公”经费\",\"万元\",\"0.00\",\"3.00\",\"+3.00\",\"—\",\"增加 3.00 万元（上年为 0，无变动率）\",\"是\"\r\n"
    ));
    assert!(csv.contains("\"预算执行率\",\"%\",\"88.00%\",\"102.00%\",\"+14.00\",\"—\""));
    let ind = text(&files, "data/alpha/2022/compare-indicators.csv");
    assert_eq!(ind.lines().count(), 7, "header + 4 this year + 2 removed");
    assert!(ind.contains(
        "\"部门整体\",\"取消\",\"效益指标\",\"安全生产事故\",\"0起\",\"0起\",\"10\",\"10\",\"\""
    ));
    assert!(ind.contains("\"目标降低\""));
}

#[test]
fn flags_are_internal_notes_and_the_public_site_still_publishes_the_comparison() {
    let (_dir, internal) = built("internal");
    assert!(
        text(&internal, "units/alpha/2022/compare.html").contains("预算执行率 102.00% 超过 100%")
    );
    let (_dir2, public) = built("public");
    let page = text(&public, "units/alpha/2022/compare.html");
    assert!(page.contains("主要数据比较") && !page.contains("超过 100%"));
    assert_eq!(
        json(&public, "data/alpha/2022/compare.json")["flags"],
        serde_json::json!([])
    );
}

#[test]
fn every_link_of_the_fixture_site_resolves() {
    let (_dir, files) = built("internal");
    let checked = assert_links_resolve(&files);
    assert!(checked > 100, "only {checked} links checked");
}

#[cfg_attr(
    gongkai_no_chromium,
    ignore = "chromium is not installed (apt-get install chromium)"
)]
#[test]
fn the_comparison_pages_open_from_disk_in_chromium_without_console_errors() {
    let browser = chromium().expect("chromium is on PATH (build.rs found it; .ci/run installs it)");
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("site");
    crate::support::gongkai()
        .expect("binary")
        .current_dir(root())
        .arg("build")
        .arg("--content")
        .arg(fixture("sites/compare/content"))
        .arg("--output")
        .arg(&out)
        .assert()
        .success();
    assert_pages_open(
        &browser,
        &out,
        &[
            (
                "units/alpha/2022/compare.html",
                &["甲街道2022年与2021年比较", "目标降低"],
            ),
            ("units/gamma/2020/compare.html", &["上年（本报告所列）"]),
            ("units/alpha/index.html", &["甲街道办事处"]),
            ("years/2022/index.html", &["乙街道"]),
            ("compare/three_public.html", &["各单位走势", "<svg"]),
        ],
    );
}

#[test]
fn the_unit_page_has_every_key_figure_across_its_years_and_a_csv_of_it() {
    let (_dir, files) = built("internal");
    let page = text(&files, "units/gamma/index.html");
    assert!(page.contains("历年主要数据"));
    assert!(page.contains("丙街道历年支出"), "a spending trend chart");
    assert!(
        page.contains("<th scope=\"col\" class=\"num\">2020年</th><th scope=\"col\" class=\"num\">2022年</th><th scope=\"col\" class=\"num\">2023年</th></tr>"),
        "one column per year with a record, none for the missing 2021"
    );
    assert!(page.contains(
        "<tr><th scope=\"row\">“三公”经费</th><td>万元</td><td class=\"num\">0.00</td><td class=\"num\">1.50</td><td class=\"num\">1.20</td></tr>"
    ));
    let csv = text(&files, "data/gamma/trend.csv");
    assert!(csv.starts_with("\u{feff}\"项目\",\"单位\",\"2020年\",\"2022年\",\"2023年\"\r\n"));
    assert!(csv.contains("\"预算执行率\",\"%\",\"98.00%\",\"90.00%\",\"98.00%\"\r\n"));
}

#[test]
fn the_year_page_shows_the_distribution_a_ranking_and_each_flag_internally() {
    let (_dir, files) = built("internal");
    let page = text(&files, "years/2022/index.html");
    assert!(page.contains(
        "<tr><th scope=\"row\">预算执行率</th><td class=\"num\">3</td><td class=\"num\">85.00%</td><td class=\"num\">90.00%</td><td class=\"num\">102.00%</td></tr>"
    ));
    assert!(
        page.contains("2022年各单位预算执行率"),
        "the 执行率 ranking chart"
    );
    assert!(page.contains("预算执行率 102.00% 超过 100%"), "above 100%");
    assert!(
        page.contains("预算执行率 85.00% 低于 90%"),
        "below the threshold"
    );
    assert!(
        page.contains("报告得分 95 高于规则得分 84.67，相差 10.33 分"),
        "score gap"
    );
    assert!(page.contains("指标完成率 0.00% 低于 80%"), "low completion");
    let y2023 = text(&files, "years/2023/index.html");
    assert!(y2023.contains("总分 100 分，但有 1 个指标未完成"));
    let (_dir2, public) = built("public");
    let page = text(&public, "years/2022/index.html");
    assert!(page.contains("各单位主要指标分布") && !page.contains("需关注"));
}

#[test]
fn a_measure_is_compared_across_units_and_years_with_its_downloads() {
    let (_dir, files) = built("internal");
    let page = text(&files, "compare/three_public.html");
    assert!(page.contains("“三公”经费：各单位历年比较"));
    assert!(
        page.contains("<td class=\"num\">—</td>"),
        "gamma has no 2021: an empty cell, not a zero"
    );
    let chart = &page[page
        .find("<figure class=\"chart small-multiples\" tabindex=\"0\">")
        .expect("the chart")..];
    for unit in ["甲街道", "乙街道", "丙街道"] {
        assert!(chart.contains(&format!(">{unit}<")), "a panel for {unit}");
    }
    assert!(
        chart.contains("丙街道：2020年"),
        "every unit's values are in the chart's description"
    );
    assert!(
        text(&files, "years/2022/index.html")
            .contains("compare/execution_rate.html\">预算执行率</a>")
    );
    let csv = text(&files, "data/compare/three_public.csv");
    // The unit in the header, the cells plain numbers (issue 19).
    assert!(csv.starts_with(
        "\u{feff}\"单位\",\"2020年（万元）\",\"2021年（万元）\",\"2022年（万元）\",\"2023年（万元）\"\r\n"
    ));
    assert!(csv.contains("\"丙街道\",\"0.00\",\"—\",\"1.50\",\"1.20\"\r\n"));
    let data = json(&files, "data/compare/execution_rate.json");
    assert_eq!(data["years"], serde_json::json!([2020, 2021, 2022, 2023]));
    let alpha = &data["units"][0];
    assert_eq!(alpha["id"], "alpha");
    assert_eq!(alpha["values"][1]["value"], "88.00");
    assert_eq!(alpha["values"][1]["unit"], "%");
    assert_eq!(data["units"][2]["values"][1], serde_json::Value::Null);
}

#[test]
fn every_project_table_is_compared_with_last_years_project_of_the_same_name() {
    let (_dir, files) = built("internal");
    let page = text(&files, "units/beta/2022/compare.html");
    assert!(page.contains("<h3>部门整体</h3>"), "the 部门整体 section");
    assert!(
        page.contains("<h3>背街小巷 整治（虚构）</h3>"),
        "the continuing project has its own section"
    );
    assert!(page.contains("分值 60 → 70"), "its weight change");
    assert_eq!(
        page.matches("取消项目：老旧路灯更换（虚构）（1 个指标）")
            .count(),
        1,
        "a discontinued project is listed once"
    );
    assert_eq!(
        page.matches("新增项目：社区微改造（虚构）（2 个指标）")
            .count(),
        1,
        "a new project is listed once"
    );
    assert!(
        !page.contains("改造社区个数") && !page.contains("更换路灯盏数"),
        "not one row per indicator of a new or discontinued project"
    );
    let data = json(&files, "data/beta/2022/compare.json");
    let tables = data["tables"].as_array().expect("tables");
    let statuses: Vec<(&str, &str)> = tables
        .iter()
        .map(|t| {
            (
                t["label"].as_str().unwrap_or_default(),
                t["status"].as_str().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        statuses,
        [
            ("部门整体", "matched"),
            ("背街小巷 整治（虚构）", "matched"),
            ("社区微改造（虚构）", "new"),
            ("老旧路灯更换（虚构）", "removed"),
        ]
    );
    assert_eq!(tables[1]["indicators"][0]["weight_changed"], true);
    assert_eq!(tables[1]["indicators"][0]["status"], "kept");
    let csv = text(&files, "data/beta/2022/compare-indicators.csv");
    assert!(csv.starts_with("\u{feff}\"表\",\"状态\",\"一级指标\""));
    assert!(csv.contains(
        "\"背街小巷 整治（虚构）\",\"延续\",\"产出指标\",\"整治小巷条数\",\"≥20条\",\"20条\",\"60\",\"60\",\"≥20条\",\"21条\",\"70\",\"70\",\"分值 60 → 70\"\r\n"
    ));
    assert_eq!(
        csv.lines().filter(|l| l.contains("老旧路灯更换")).count(),
        1,
        "one row"
    );
    assert!(csv.contains("\"社区微改造（虚构）\",\"新增项目\","));
    assert!(
        csv.contains("\"\",\"上年 1 个指标\"\r\n"),
        "the removed project's size"
    );
    assert_eq!(
        csv.lines().count(),
        1 + 2 + 2 + 1 + 1,
        "header, 部门整体, project, new, removed"
    );
}
