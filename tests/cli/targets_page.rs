//! Integration tests: the 绩效目标申报表 on the unit-year page (seed 004, 青菱街 2020) and the CSV
//! file of every table a page shows.

use std::collections::BTreeSet;

use crate::site::{attrs, built, resolve, text};

/// The part of `html` from the `<table` that holds `caption` to its `</table>`.
fn table<'a>(html: &'a str, caption: &str) -> &'a str {
    let at = html
        .find(&format!("<caption>{caption}"))
        .unwrap_or_else(|| panic!("a table captioned {caption}"));
    let start = html[..at].rfind("<table").expect("the table opens");
    let end = at + html[at..].find("</table>").expect("the table closes");
    &html[start..end]
}

#[test]
fn the_qingling_2020_page_shows_the_funds_table_with_the_seeds_figures_and_prior_years() {
    let (_dir, files) = built(&[]);
    let page = text(&files, "units/qingling/2020/index.html");
    assert!(page.contains("<h2>洪山区青菱街2020年部门整体支出绩效目标申报表</h2>"));
    let funds = table(&page, "部门总体资金情况（万元）");
    assert!(funds.contains("<th scope=\"colgroup\" colspan=\"2\">近两年收支金额</th>"));
    assert!(funds.contains("<th scope=\"col\">2018年</th><th scope=\"col\">2019年</th>"));
    assert!(funds.contains("<th scope=\"rowgroup\" rowspan=\"3\">收入构成</th>"));
    assert!(funds.contains(
        "<th scope=\"row\">财政拨款</th><td class=\"num\">7,148.45</td><td class=\"num\">100.00%</td><td class=\"num\">8,344.87</td><td class=\"num\">7,881.85</td>"
    ));
    assert!(
        funds.contains("<th scope=\"row\">其他资金</th><td class=\"num\">—</td><td class=\"num\">—</td><td class=\"num\">—</td><td class=\"num\">—</td>"),
        "an empty row prints dashes"
    );
    assert!(funds.contains(
        "<th scope=\"row\">项目支出</th><td class=\"num\">4,082.74</td><td class=\"num\">57.12%</td><td class=\"num\">7,536.70</td><td class=\"num\">6,833.98</td>"
    ));
    assert_eq!(
        funds
            .matches("<tr class=\"total\"><th scope=\"row\">合计</th>")
            .count(),
        2,
        "income and expenditure totals"
    );
    assert!(
        page.contains("<h3>部门职能概述</h3>")
            && page.contains("(九) 承办区委、区政府交办的其他事项。")
    );
    assert!(page.contains("<h3>年度工作任务</h3>") && page.contains("12、大力抓好安全生产工作。"));
}

#[test]
fn the_qingling_2020_page_shows_the_long_term_and_annual_goals_with_their_indicator_values() {
    let (_dir, files) = built(&[]);
    let page = text(&files, "units/qingling/2020/index.html");
    let overall = table(&page, "整体绩效目标");
    assert!(overall.contains("<td>长期目标3：全面从严治党取得新进展"));
    assert!(overall.contains("<td>年度目标3：1、建立重大事项请示报告制度"));
    let long = table(&page, "长期目标1：长期绩效指标");
    assert!(long.contains("<th scope=\"col\">指标值</th><th scope=\"col\">绩效标准</th>"));
    assert!(long.contains(
        "<td>产出指标</td><td>数量指标</td><th scope=\"row\">营商环境改善，重点引进项目落实</th><td>增长率</td><td>≥10%</td>"
    ));
    assert!(long.contains(
        "<th scope=\"row\">全市二类街道城市综合管理排名达到预期目标</th><td>名次</td><td>25</td>"
    ));
    assert!(page.contains("<caption>长期目标3：长期绩效指标"));
    let annual = table(&page, "年度目标2：年度绩效指标");
    assert!(
        annual
            .contains("<th scope=\"row\">当年综治中心建设完成率</th><td>完成率</td><td>100%</td>")
    );
    assert!(
        !page.contains("马兰萍") && !page.contains("88938605"),
        "no 填报人"
    );
}

#[test]
fn every_csv_link_resolves_sits_in_a_caption_and_every_csv_is_linked() {
    let (_dir, files) = built(&["--profile", "internal"]);
    let mut linked = BTreeSet::new();
    for (path, bytes) in files.iter().filter(|(p, _)| p.ends_with(".html")) {
        let html = std::str::from_utf8(bytes).expect("UTF-8");
        for link in attrs(html, "href")
            .into_iter()
            .filter(|l| l.ends_with(".csv"))
        {
            let target = resolve(path, link);
            let csv = files
                .get(&target)
                .unwrap_or_else(|| panic!("{path}: {link} is not built"));
            assert!(
                csv.starts_with("\u{feff}".as_bytes()),
                "{target} has no BOM"
            );
            linked.insert(target);
        }
        for caption in html.split("<caption>").skip(1) {
            let caption = caption.split("</caption>").next().unwrap_or_default();
            if html.contains("<a class=\"csv") {
                assert!(
                    caption.contains("下载 CSV</a>"),
                    "{path}: the table {caption} has no CSV link"
                );
            }
        }
    }
    let built_csv: BTreeSet<String> = files
        .keys()
        .filter(|p| p.ends_with(".csv"))
        .cloned()
        .collect();
    assert_eq!(linked, built_csv, "every CSV is linked from its table");
    assert!(linked.len() >= 14, "only {} CSV files", linked.len());
}

#[test]
fn every_csv_ends_each_row_with_crlf_and_quotes_every_field() {
    let (_dir, files) = built(&[]);
    for (path, bytes) in files.iter().filter(|(p, _)| p.ends_with(".csv")) {
        let csv = std::str::from_utf8(bytes).expect("UTF-8");
        assert!(csv.ends_with("\r\n"), "{path}");
        assert_eq!(
            csv.matches('\n').count(),
            csv.matches("\r\n").count(),
            "{path} mixes line ends"
        );
        let first = csv.trim_start_matches('\u{feff}');
        assert!(first.starts_with('"'), "{path}");
    }
}

#[test]
fn the_targets_csv_files_hold_the_funds_and_every_goal_indicator() {
    let (_dir, files) = built(&[]);
    let funds = text(&files, "data/qingling/2020/targets-funds.csv");
    assert!(funds.starts_with(
        "\u{feff}\"类别\",\"项目\",\"当年预算收支（万元）\",\"占比\",\"2018年（万元）\",\"2019年（万元）\"\r\n"
    ));
    assert!(
        funds.contains(
            "\"支出构成\",\"基本支出\",\"3065.71\",\"42.88%\",\"808.17\",\"1047.87\"\r\n"
        )
    );
    assert_eq!(
        funds.lines().count(),
        7,
        "header, 3 income and 3 expenditure rows"
    );
    let goals = text(&files, "data/qingling/2020/targets-goals.csv");
    assert!(goals.contains("\"长期目标\",\"长期目标2\","));
    assert!(goals.contains("\"当年网格化建设“民呼我应”响应率\",\"响应率\",\"100%\""));
    let page = text(&files, "units/qingling/2020/index.html");
    let indicators: usize = page
        .split("<table class=\"indicators\">")
        .skip(1)
        .map(|t| t.split("</table>").next().unwrap_or_default())
        .map(|t| t.matches("<tr><td>").count())
        .sum();
    assert_eq!(
        goals.lines().count() - 1,
        indicators,
        "one CSV row per indicator row of the page"
    );
}

#[test]
fn the_scorecard_csv_has_the_overall_goal_and_total_rows_and_the_execution_block_its_own_file() {
    let (_dir, files) = built(&[]);
    let card = text(&files, "data/qingling/2023/projects-0.csv");
    assert!(card.contains("\r\n\"项目绩效总目标\",\"\",\"\",\"\",\"对辖区主次干道"));
    assert!(card.ends_with("\"合计\",\"\",\"\",\"\",\"\",\"\",\"100\",\"93.5\",\"93.5\",\"\"\r\n"));
    let main = text(&files, "data/qingling/2023/self_evaluation.csv");
    assert!(main.ends_with("\"合计\",\"\",\"\",\"\",\"\",\"\",\"100\",\"92\",\"92\",\"\"\r\n"));
    let exec = text(&files, "data/qingling/2023/self_evaluation-execution.csv");
    assert!(exec.contains(
        "\"预算执行\",\"—\",\"11092.59\",\"11092.59\",\"20\",\"100.00%\",\"20\",\"\",\"100.00%\","
    ));
    let accounts = text(&files, "data/qingling/2023/accounts-summary.csv");
    assert!(accounts.contains("\"本年收入合计\",\"11902.59\",\"11092.59\"\r\n"));
    let page = text(&files, "units/qingling/2023/index.html");
    assert!(page.contains("<a class=\"csv no-print\" href=\"../../../data/qingling/2023/accounts-summary.csv\">下载 CSV</a></caption>"));
}

/// The 申报表 page of seed 004, pinned whole like the pages of seeds 003 and 001.
#[test]
fn the_unit_year_page_of_seed_004_is_pinned() {
    let (_dir, files) = built(&[]);
    insta::assert_snapshot!(
        "unit_year_qingling_2020",
        text(&files, "units/qingling/2020/index.html")
    );
}

#[test]
fn the_internal_page_shows_the_share_findings_below_the_funds_table() {
    let (_dir, files) = built(&["--profile", "internal"]);
    let page = text(&files, "units/qingling/2020/index.html");
    let after = page
        .split("<caption>部门总体资金情况")
        .nth(1)
        .and_then(|t| t.split("</table>").nth(1))
        .expect("the funds table");
    assert!(
        after.starts_with("<ul class=\"findings\">") && after.contains("42.89%"),
        "the 占比 finding follows the funds table"
    );
}
