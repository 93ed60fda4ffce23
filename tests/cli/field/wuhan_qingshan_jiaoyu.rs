//! 武汉市青山区教育局 2020 项目支出绩效目标表 (field document 21): amounts printed with their
//! unit in the cell (`10000万元`), the project header, and the 年度目标's indicators.

use gongkai::model::{Corpus, Dec, Record};

use crate::support::{build_into_temp, fixture, load_site};

fn record(corpus: &Corpus) -> &Record {
    corpus
        .units
        .iter()
        .find(|u| u.id.as_str() == "wuhan-qingshan-jiaoyu")
        .and_then(|u| u.records.first())
        .expect("the 青山区教育局 record")
}

#[test]
fn amounts_printed_with_their_unit_are_read_exactly_and_kept_as_printed() {
    let corpus = load_site("field");
    let r = record(&corpus);
    let t = r.targets.as_ref().expect("a 目标表");
    let ten_thousand = Dec::parse("10000").expect("decimal");
    // `10000万元` in a 万元 record: 10000, no conversion.
    let funds: Vec<(Option<Dec>, Option<Dec>)> = t
        .project_funds
        .iter()
        .map(|f| (f.total, f.annual))
        .collect();
    assert_eq!(
        funds,
        [
            (Some(ten_thousand), Some(ten_thousand)),
            (Some(ten_thousand), Some(ten_thousand)),
            (None, None), // 其他资金 / 当年其他资金 printed empty: not 0
        ]
    );
    assert_eq!(r.printed.len(), 4, "{:?}", r.printed);
    assert_eq!(
        r.printed
            .get("targets.project_funds[1].annual")
            .map(String::as_str),
        Some("10000万元")
    );
    let p = t.project.as_ref().expect("the header");
    assert_eq!(p.department.as_deref(), Some("[015001]武汉市青山区教育局"));
    assert_eq!(p.period.as_deref(), Some("202001-202012"));
    // The 长期 indicator columns are printed empty: the 中期目标 holds no indicator.
    assert!(t.long_term_goals[0].indicators.is_empty());
    assert_eq!(t.annual_goals[0].indicators.len(), 7);
    let satisfaction = &t.annual_goals[0].indicators[6];
    assert_eq!(
        satisfaction.target.as_ref().map(|m| m.text.as_str()),
        Some("≥90%")
    );
}

#[test]
fn the_table_has_no_finding_and_its_page_shows_the_cells_as_printed() {
    let corpus = load_site("field");
    let report = gongkai::check(&corpus, &gongkai::score_corpus(&corpus));
    // Nothing to check: no 合计 row to add up (其他资金 is empty, so 资金总额 = 财政拨款 is not
    // a sum of typed parts) and a 目标表 is not scored.
    assert!(
        report
            .findings
            .iter()
            .all(|f| f.unit.as_str() != "wuhan-qingshan-jiaoyu"),
    );
    let (_dir, out) = build_into_temp(&fixture("sites/field/content"));
    let page = std::fs::read_to_string(out.join("units/wuhan-qingshan-jiaoyu/2020/index.html"))
        .expect("the page");
    assert!(page.contains(
        "<tr><th scope=\"row\">资金总额</th><td class=\"num\">10000万元</td><th scope=\"row\">当年资金总额</th><td class=\"num\">10000万元</td></tr>"
    ));
    assert!(page.contains("<dt>主管部门及编码</dt><dd>[015001]武汉市青山区教育局</dd>"));
    assert!(page.contains("中期目标：优化教育布局"));
}
