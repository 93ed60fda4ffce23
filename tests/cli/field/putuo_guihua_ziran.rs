//! Golden figures of field 31, 上海市普陀区规划和自然资源局 2024 年度部门决算 (情况说明 and 预算绩效),
//! worked out by hand from the document (the source's "bad" folder).

use super::putuo::{accounts, findings, page_text, pct, row, sorted, sum, sum_of};

const UNIT: &str = "putuo-guihua-ziran";

#[test]
fn stated_and_derived_figures() {
    let fa = accounts(UNIT);
    // 一: 上年 = 9859.38 − 1062.85 = 8796.53; 1062.85 / 8796.53 = 12.0826% → 12.08% (as printed).
    assert_eq!(pct("1062.85", "8796.53"), "12.08");
    // 四, 五（一）: 上年 = 9746.50 − 1193.20 = 8553.30; 1193.20 / 8553.30 = 13.9502% → 13.95%.
    assert_eq!(pct("1193.20", "8553.30"), "13.95");
    // 三: 5377.64 / 9759.38 = 55.1023% → 55.10%; 4381.74 / 9759.38 = 44.8977% → 44.90%.
    assert_eq!(pct("5377.64", "9759.38"), "55.10");
    assert_eq!(pct("4381.74", "9759.38"), "44.90");
    // 五（一）: 9746.50 / 9759.38 = 99.8680% → 99.87%, printed 99.86%.
    assert_eq!(pct("9746.50", "9759.38"), "99.87");
    // 五（三）: 9746.50 / 10210.34 = 95.4571% → 95.46%, printed 95.45%.
    assert_eq!(pct("9746.50", "10210.34"), "95.46");
    // Lines: 446.11 / 452.40 = 98.6096% → 98.61%; 225.12 / 226.25 = 99.50%; 40.35 / 42.73 =
    // 94.4301% → 94.43%; 196.29 / 196.40 = 99.94%; 1092.80 / 1115.48 = 97.9668% → 97.97%;
    // 2739.56 / 3110.14 = 88.0849% → 88.08%; 4416.67 / 4477.33 = 98.6452% → 98.65% (all as printed).
    for (a, b, printed) in [
        ("446.11", "452.40", "98.61"),
        ("225.12", "226.25", "99.50"),
        ("40.35", "42.73", "94.43"),
        ("196.29", "196.40", "99.94"),
        ("1092.80", "1115.48", "97.97"),
        ("2739.56", "3110.14", "88.08"),
        ("4416.67", "4477.33", "98.65"),
    ] {
        assert_eq!(pct(a, b), printed);
    }
    // Σ 年初预算 = 54.53 + 28.11 + 452.40 + 226.25 + 0.88 + 42.73 + 196.40 + 1115.48 + 3110.14
    // + 4477.33 + 45.00 + 289.59 + 171.49 = 10210.33 (stated 10210.34); Σ 决算 = 9746.50.
    let budgets: Vec<String> = fa
        .lines
        .iter()
        .map(|l| l.budget.expect("a figure").to_string())
        .collect();
    let actuals: Vec<String> = fa.lines.iter().map(|l| l.actual.to_string()).collect();
    assert_eq!(sum_of(&budgets), "10210.33");
    assert_eq!(sum_of(&actuals), "9746.50");
    // 五（二）: 754.75 + 236.63 + 3832.36 + 4461.67 + 461.08 = 9746.49; 卫生健康 lines 40.35 +
    // 196.29 = 236.64. Shares: 7.7437 → 7.74, 2.4279 → 2.43, 39.3205 → 39.32, 45.7776 → 45.78,
    // 4.7307 → 4.73 (as printed, adding to 100.00%).
    assert_eq!(
        sum(&["754.75", "236.63", "3832.36", "4461.67", "461.08"]),
        "9746.49"
    );
    assert_eq!(sum(&["40.35", "196.29"]), "236.64");
    assert_eq!(pct("3832.36", "9746.49"), "39.32");
    // 六: 4884.09 + 480.66 = 5364.75 (table), the text's 4896.98 + 480.66 = 5377.64.
    assert_eq!(sum(&["4884.09", "480.66"]), "5364.75");
    assert_eq!(sum(&["4896.98", "480.66"]), "5377.64");
    // 表五合计 5364.75 + 4381.74 = 9746.49, not 9746.50.
    assert_eq!(sum(&["5364.75", "4381.74"]), "9746.49");
    // 七: 0.39 / 2.85 = 13.6842% → 13.68%; 上年 = 0.39 + 0.15 = 0.54, 0.15 / 0.54 = 27.78%.
    assert_eq!(pct("0.39", "2.85"), "13.68");
    assert_eq!(pct("0.15", "0.54"), "27.78");
    // 十一（一）: 上年 = 142.80 + 13.52 = 156.32; 13.52 / 156.32 = 8.6489% → 8.65%.
    assert_eq!(pct("13.52", "156.32"), "8.65");
    // 十一（二）: 122.43 + 1387.72 + 809.07 = 2319.22, stated 2319.21.
    assert_eq!(sum(&["122.43", "1387.72", "809.07"]), "2319.22");
    // 十: 39 = 39 优; average 99.33 within 90–100.
    assert_eq!(
        fa.performance
            .as_ref()
            .expect("a figure")
            .grade_excellent
            .expect("a figure")
            .to_string(),
        "39"
    );
}

#[test]
fn findings_are_the_documents_true_inconsistencies() {
    assert_eq!(
        sorted(findings(UNIT)),
        sorted(vec![
            // 五（二） 卫生健康 236.63 against its lines 40.35 + 196.29 = 236.64.
            row(
                "accounts.lines_sum",
                "classes[1].actual",
                "236.63",
                Some("236.64")
            ),
            // Σ 项 年初预算 10210.33 against the stated 10210.34.
            row(
                "accounts.budget_sum",
                "general_budget.budget",
                "10210.34",
                Some("10210.33")
            ),
            // Σ 类 9746.49 against 9746.50.
            row(
                "accounts.lines_sum",
                "general_budget.actual",
                "9746.50",
                Some("9746.49")
            ),
            // 表五合计: 5364.75 + 4381.74 = 9746.49 against 9746.50.
            row(
                "accounts.split",
                "general_budget.actual",
                "9746.50",
                Some("9746.49")
            ),
            // 95.45% printed for 95.4571%.
            row(
                "accounts.completion",
                "general_budget.stated_completion",
                "95.45%",
                Some("95.46%")
            ),
            // "完成预算的 0.00%" of a 预算 of 0.00 (因公出国, 公务用车): no rate can be computed.
            row(
                "accounts.three_public",
                "three_public.outbound.stated_completion",
                "0.00%",
                None
            ),
            row(
                "accounts.three_public",
                "three_public.vehicle.stated_completion",
                "0.00%",
                None
            ),
            // 政府采购 2319.21 against 122.43 + 1387.72 + 809.07 = 2319.22.
            row(
                "accounts.procurement_sum",
                "procurement.total",
                "2319.21",
                Some("2319.22")
            ),
            // 99.86% printed for 9746.50 / 9759.38 = 99.8680%.
            row(
                "accounts.share",
                "narrative.general_budget.share",
                "99.86%",
                Some("99.87%")
            ),
            // 六 states 5377.64 (the 支出决算表's 基本支出 of every source) for the 一般公共预算 one, 5364.75.
            row(
                "accounts.basic_split",
                "narrative.general_basic.value",
                "5377.64",
                Some("5364.75")
            ),
            // 六's 人员经费 4896.98 against the table's 4884.09.
            row(
                "accounts.basic_split",
                "narrative.personnel.value",
                "4896.98",
                Some("4884.09")
            ),
            // Issue 17, the tables typed cell by cell (each checked by hand against the document;
            // the message names a gap of one unit, or within the parts' rounding, a possible 尾差):
            row(
                "accounts.table_cross",
                "expenditure.by_class.卫生健康支出",
                "236.63",
                Some("236.64")
            ),
            row(
                "accounts.table_cross",
                "expenditure.by_class.城乡社区支出",
                "3845.25",
                Some("3845.24")
            ),
            row(
                "accounts.table_cross",
                "fiscal.by_class.卫生健康支出.general_budget",
                "236.63",
                Some("236.64")
            ),
            row(
                "accounts.table_row",
                "general_budget_table.total.total",
                "9746.50",
                Some("9746.49")
            ),
            row(
                "accounts.table_row",
                "general_budget_table.rows[11].total",
                "3832.36",
                Some("3832.35")
            ),
            row(
                "accounts.table_row",
                "general_budget_table.rows[12].total",
                "1092.80",
                Some("1092.79")
            ),
            row(
                "accounts.table_row",
                "general_budget_table.rows[13].total",
                "1092.80",
                Some("1092.79")
            ),
            row(
                "accounts.basic_items",
                "basic.items[27].amount",
                "440.90",
                Some("440.88")
            ),
        ])
    );
    // No false finding: 机关运行经费 142.80 is not the 公用经费 480.66 of a department with
    // 事业单位, and 支出决算表's 基本支出 5377.64 includes 12.88 spent from 年初结转和结余.
}

#[test]
fn the_page_says_nothing_the_record_does_not() {
    let text = page_text(UNIT);
    assert!(
        text.contains("机关运行经费支出 142.80 万元。"),
        "no 公用经费 claim: {text}"
    );
    assert!(text.contains("平均得分 99.33 分"));
    assert!(!text.contains("全面开展绩效自评"));
}
