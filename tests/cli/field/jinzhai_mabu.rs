//! 金寨县麻埠镇人民政府 2023 转移支付绩效自评报告 (field document 23): the amounts and counts
//! its text states, and every finding they give, worked out by hand from the document.

use gongkai::model::{Corpus, Record};

use crate::support::{build_into_temp, fixture, load_site};

fn record(corpus: &Corpus) -> &Record {
    corpus
        .units
        .iter()
        .find(|u| u.id.as_str() == "jinzhai-mabu")
        .and_then(|u| u.records.first())
        .expect("the 麻埠镇 record")
}

#[test]
fn every_stated_amount_is_held_as_printed() {
    let corpus = load_site("field");
    let report = record(&corpus).report.as_ref().expect("a report");
    let amounts: Vec<String> = report
        .statements
        .iter()
        .map(|s| format!("{} {}", s.name, s.amount))
        .collect();
    assert_eq!(
        amounts,
        [
            "上级资金转移支付 755.19",
            "上级资金转移支付 755.19",
            "中央级资金转移支付 755.19",
            "省级资金转移支付 124.23",
            "市级资金 260.3",
            "上级资金转移支付 755.19",
        ]
    );
    // Typed `755.19万元` in a 万元 record: the figure is unchanged, the cell kept as printed.
    assert_eq!(
        record(&corpus)
            .printed
            .get("report.statements[1].amount")
            .map(String::as_str),
        Some("755.19万元")
    );
}

#[test]
fn the_checker_finds_each_inconsistency_of_the_text_and_nothing_else() {
    let corpus = load_site("field");
    let scores = gongkai::score_corpus(&corpus);
    let report = gongkai::check(&corpus, &scores);
    let mine: Vec<(&str, &str, Option<&str>, Option<&str>)> = report
        .findings
        .iter()
        .filter(|f| f.unit.as_str() == "jinzhai-mabu")
        .map(|f| {
            (
                f.code,
                f.field.as_str(),
                f.stated.as_deref(),
                f.computed.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        mine,
        [
            // 一、(二): 124.23 + 370.83 + 260.3 = 755.36 ≠ 755.19 (a closed 其中 list).
            (
                "report.parts_sum",
                "report.statements[1].amount",
                Some("755.19"),
                Some("755.36")
            ),
            // 二、(一)1 names 755.19 as 中央级, which 一、(二) gave as 124.23.
            (
                "report.amount_conflict",
                "report.statements[2].amount",
                Some("755.19"),
                Some("124.23")
            ),
            // 二、(一)1 gives 省级 as 124.23, which 一、(二) gave as 370.83.
            (
                "report.amount_conflict",
                "report.statements[3].amount",
                Some("124.23"),
                Some("370.83")
            ),
            // 二、(一)1: 省级 parts 25 + 0.71 + 100 + 21.24 = 146.95 ≠ 124.23.
            (
                "report.parts_sum",
                "report.statements[3].amount",
                Some("124.23"),
                Some("146.95")
            ),
            // 二、(二) is 金寨县白塔畈镇人民政府's sentence in 麻埠镇's report.
            (
                "report.unit_name",
                "report.statements[5].subject",
                Some("金寨县白塔畈镇人民政府"),
                Some("金寨县麻埠镇人民政府")
            ),
            // 10 projects stated; 3 (100%) + 5 listed with their 执行率 = 8 ≠ 10.
            (
                "report.count",
                "report.counts[0].count",
                Some("10"),
                Some("8")
            ),
        ]
    );
    // No finding for: 市级 10 + 250 = 260 ≤ 260.3 (the list ends in 等, so it may fall short);
    // 市级资金 260.3 stated twice alike; 上级资金转移支付 755.19 stated three times alike.
}

#[test]
fn the_page_shows_the_statements_as_printed_and_the_findings_beside_them() {
    let (_dir, out) = build_into_temp(&fixture("sites/field/content"));
    let page = std::fs::read_to_string(out.join("units/jinzhai-mabu/2023/index.html"))
        .expect("the 麻埠镇 page");
    assert!(page.contains("一、（二） 金寨县麻埠镇人民政府：上级资金转移支付 755.19万元"));
    assert!(
        page.contains("<th scope=\"row\">省级资金转移支付</th><td class=\"num\">370.83万元</td>")
    );
    assert!(page.contains("（列举未尽：原文以“等”结尾）"));
    // The field site is internal: the findings stand beside their statements.
    assert!(page.contains("其中所列各部分之和为 124.23 + 370.83 + 260.3 = 755.36 万元"));
    assert!(page.contains("文中称项目共 10 个，所列项目合计 8 个"));
    // The index says what the record publishes: the report, nothing else.
    let index = std::fs::read_to_string(out.join("index.html")).expect("index");
    let row = index
        .split("<tr")
        .find(|r| r.contains("金寨县麻埠镇人民政府"))
        .expect("a row for 麻埠镇");
    assert!(row.contains(">绩效自评报告<"), "{row}");
}
