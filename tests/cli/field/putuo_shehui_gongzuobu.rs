//! Golden figures of field 32, 中共上海市普陀区委社会工作部 2024 年度部门决算 (情况说明 and 预算绩效),
//! worked out by hand from the document (the source's "bad" folder; the unit was set up in 2024).

use super::putuo::{accounts, findings, page_text, pct, row, sorted, sum, sum_of};

const UNIT: &str = "putuo-shehui-gongzuobu";

#[test]
fn stated_and_derived_figures() {
    let fa = accounts(UNIT);
    // 五（三）: 年初预算 0, 全年预算 321.02 = 52.00 + 17.68 + 202.24 + 9.00 + 5.74 + 2.23 + 2.29
    // + 18.12 + 11.72; 307.82 / 321.02 = 95.8881% → 95.89%, printed as "完成年初预算的".
    let fy: Vec<String> = fa
        .lines
        .iter()
        .map(|l| l.full_year_budget.expect("a figure").to_string())
        .collect();
    assert_eq!(sum_of(&fy), "321.02");
    assert_eq!(pct("307.82", "321.02"), "95.89");
    // Lines: 51.32 / 52.00 = 98.6923% → 98.69%; 2.22 / 2.23 = 99.5516% → 99.55%; 17.70 / 18.12 =
    // 97.6821% → 97.68% (as printed).
    assert_eq!(pct("51.32", "52.00"), "98.69");
    assert_eq!(pct("2.22", "2.23"), "99.55");
    assert_eq!(pct("17.70", "18.12"), "97.68");
    // 三: 105.58 / 307.82 = 34.2999% → 34.30%; 202.24 / 307.82 = 65.7001% → 65.70%.
    assert_eq!(pct("105.58", "307.82"), "34.30");
    assert_eq!(pct("202.24", "307.82"), "65.70");
    // 五（二）: 264.87 → 86.0470% → 86.05%; 10.82 → 3.5150% → 3.52%; 2.71 → 0.8804% → 0.88%;
    // 29.42 → 9.5575% → 9.56%, printed 9.55%.
    assert_eq!(pct("10.82", "307.82"), "3.52");
    assert_eq!(pct("29.42", "307.82"), "9.56");
    // 六: 95.36 + 10.23 = 105.59, stated 105.58.
    assert_eq!(sum(&["95.36", "10.23"]), "105.59");
    // 一 to 五, 十一（一）: 上年 = 307.82 − 307.82 = 0 (and 10.23 − 10.23 = 0): no 变动率.
    // 十一（二）: 21.07 + 21.07 = 42.14 awarded to 中小企业 of a 21.07 total.
    assert_eq!(sum(&["21.07", "21.07"]), "42.14");
    let p = fa.procurement.as_ref().expect("a figure");
    assert_eq!(p.sme_other_awarded.expect("a figure").to_string(), "21.07");
}

#[test]
fn findings_are_the_documents_true_inconsistencies() {
    assert_eq!(
        sorted(findings(UNIT)),
        sorted(vec![
            // 105.58 everywhere against 人员经费 95.36 + 公用经费 10.23 = 105.59 (四 places state it).
            row(
                "accounts.basic_split",
                "expenditure.basic",
                "105.58",
                Some("105.59")
            ),
            // 29.42 / 307.82 = 9.5575% → 9.56%, printed 9.55%.
            row("accounts.share", "classes[3].share", "9.55%", Some("9.56%")),
            // "年初预算为 0 万元 … 完成年初预算的 95.89%": the rate is 决算 ÷ 全年预算.
            row(
                "accounts.completion",
                "general_budget.stated_completion",
                "95.89%",
                None
            ),
            row(
                "accounts.basic_split",
                "general_budget.basic",
                "105.58",
                Some("105.59")
            ),
            row(
                "accounts.basic_split",
                "basic.total",
                "105.58",
                Some("105.59")
            ),
            // 中小企业 21.07 + 21.07 = 42.14 of a 21.07 政府采购.
            row(
                "accounts.sme_awards",
                "procurement.sme_other_awarded",
                "42.14",
                Some("21.07")
            ),
            // "增长 100.00%" against a 2023 of 0 (一, 四, 五（一）, 十一（一）).
            row(
                "accounts.change",
                "narrative.grand_total.change_rate",
                "100.00%",
                None
            ),
            row(
                "accounts.change",
                "narrative.fiscal.change_rate",
                "100.00%",
                None
            ),
            row(
                "accounts.change",
                "narrative.general_budget.change_rate",
                "100.00%",
                None
            ),
            row(
                "accounts.basic_split",
                "narrative.general_basic.value",
                "105.58",
                Some("105.59")
            ),
            row(
                "accounts.change",
                "narrative.operating_costs.change_rate",
                "100.00%",
                None
            ),
            // Issue 17, the tables typed cell by cell (each checked by hand against the document;
            // the message names a gap of one unit, or within the parts' rounding, a possible 尾差):
            row(
                "accounts.table_cross",
                "general_budget_table.total.basic",
                "105.58",
                Some("105.59")
            ),
            row(
                "accounts.basic_items",
                "basic.items[27].amount",
                "10.23",
                Some("10.22")
            ),
        ])
    );
    // No false finding: 3.52% is 10.82 / 307.82 rounded plainly (the largest-remainder method
    // would give 3.51%).
}

#[test]
fn the_page_says_nothing_the_record_does_not() {
    let text = page_text(UNIT);
    // A department with a 事业单位: no claim that 机关运行经费 is its 公用经费.
    assert!(text.contains("机关运行经费支出 10.23 万元。"), "{text}");
    assert!(!text.contains("全面开展绩效自评"));
    assert!(text.contains("绩效自评的 2024 年度项目 1 个，涉及预算金额 175.52 万元"));
}
