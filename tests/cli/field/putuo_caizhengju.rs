//! Golden figures of field 30, 上海市普陀区财政局 2024 年度部门决算 (情况说明 and 预算绩效), worked
//! out by hand from the document. 30 comes from the source's "good" folder: its findings are
//! the few places where its printed figures really disagree, most by 0.01 (amounts in 元 rounded
//! to 万元 part by part; gongkai compares printed figures exactly, as for every document).

use super::putuo::{accounts, findings, page_text, pct, row, sorted, sum, sum_of};

const UNIT: &str = "putuo-caizhengju";

#[test]
fn stated_and_derived_figures() {
    let fa = accounts(UNIT);
    let g = fa.general_budget.as_ref().expect("a figure");
    assert_eq!(g.budget.expect("a figure").to_string(), "2993.92");
    // 完成年初预算的 98.20%: 2940.05 / 2993.92 = 98.2007% → 98.20% (as printed).
    assert_eq!(pct("2940.05", "2993.92"), "98.20");
    // 二: 2940.05 / 2946.25 = 99.7896% → 99.79%; 6.2 / 2946.25 = 0.2104% → 0.21% (as printed).
    assert_eq!(pct("2940.05", "2946.25"), "99.79");
    assert_eq!(pct("6.2", "2946.25"), "0.21");
    // 三: 2336.91 / 2940.05 = 79.4854% → 79.49%; 603.14 / 2940.05 = 20.5146% → 20.51%.
    assert_eq!(pct("2336.91", "2940.05"), "79.49");
    assert_eq!(pct("603.14", "2940.05"), "20.51");
    // 一: 上年 = 2995.39 + 56.95 = 3052.34; 56.95 / 3052.34 = 1.8658% → 1.87% (as printed).
    assert_eq!(pct("56.95", "3052.34"), "1.87");
    // 五（一）: 上年 = 2940.05 + 63.14 = 3003.19; 63.14 / 3003.19 = 2.1024% → 2.10%.
    assert_eq!(pct("63.14", "3003.19"), "2.10");
    // 十一（一）: 上年 = 184.65 − 2.55 = 182.10; 2.55 / 182.10 = 1.4003% → 1.40%.
    assert_eq!(pct("2.55", "182.10"), "1.40");
    // 六: 2152.26 + 184.65 = 2336.91; 机关运行经费 184.65 = 公用经费 (a 行政单位).
    assert_eq!(sum(&["2152.26", "184.65"]), "2336.91");
    // 财政拨款收支总计 = 2940.05 + 21.63 = 2961.68 (table); 收入总计 2946.25 + 49.14 = 2995.39.
    assert_eq!(sum(&["2940.05", "21.63"]), "2961.68");
    assert_eq!(sum(&["2946.25", "49.14"]), "2995.39");
    // 五（二）: 2106.66 + 326.72 + 60.99 + 445.69 = 2940.06; 2106.66 / 2940.06 = 71.6536%.
    assert_eq!(sum(&["2106.66", "326.72", "60.99", "445.69"]), "2940.06");
    assert_eq!(pct("2106.66", "2940.06"), "71.65");
    // 60.99 / 2940.06 = 2.0744% → 2.07% as printed: plain rounding, no finding.
    assert_eq!(pct("60.99", "2940.06"), "2.07");
    // Lines: Σ 年初预算 = 1560.05 + 10.00 + 135.90 + 450.52 + 85.55 + 161.62 + 80.81 + 0.94
    // + 62.29 + 187.75 + 258.50 = 2993.93; Σ 决算 = 1511.89 + 10.00 + 135.25 + 449.52 + 84.65
    // + 160.75 + 80.38 + 0.94 + 60.99 + 187.19 + 258.50 = 2940.06.
    let budgets: Vec<String> = fa
        .lines
        .iter()
        .map(|l| l.budget.expect("a figure").to_string())
        .collect();
    let actuals: Vec<String> = fa.lines.iter().map(|l| l.actual.to_string()).collect();
    assert_eq!(sum_of(&budgets), "2993.93");
    assert_eq!(sum_of(&actuals), "2940.06");
    // 十一（二）: 4.79 + 0 + 246.47 = 251.26; 中小企业 246.47 + 4.79 = 251.26 ≤ 251.26.
    assert_eq!(sum(&["4.79", "0", "246.47"]), "251.26");
    // 十: 4 projects = 4 优 + 0 + 0 + 0; average 99.43 within 90–100.
    let p = fa.performance.as_ref().expect("a figure");
    assert_eq!(p.evaluated_projects.expect("a figure").to_string(), "4");
    assert_eq!(p.average_score.expect("a figure").to_string(), "99.43");
    // 七: 0.00 / 0.95 = 0%.
    assert_eq!(pct("0.00", "0.95"), "0.00");
}

#[test]
fn findings_are_the_documents_true_inconsistencies() {
    assert_eq!(
        sorted(findings(UNIT)),
        sorted(vec![
            // 财政拨款支出合计 2940.05 (table) against its lines as the 情况说明 prints them, 2940.06.
            row(
                "accounts.fiscal",
                "fiscal.expenditure",
                "2940.05",
                Some("2940.06")
            ),
            // 一般公共服务支出 2106.66 of 2940.06 is 71.65%, not the printed 71.73% (the shares add to 100.07%).
            row(
                "accounts.share",
                "classes[0].share",
                "71.73%",
                Some("71.65%")
            ),
            // Σ 项 年初预算 2993.93 against the stated 2993.92.
            row(
                "accounts.budget_sum",
                "general_budget.budget",
                "2993.92",
                Some("2993.93")
            ),
            // Σ 项 决算 2940.06 and Σ 类 2940.06 against 2940.05.
            row(
                "accounts.lines_sum",
                "general_budget.actual",
                "2940.05",
                Some("2940.06")
            ),
            row(
                "accounts.lines_sum",
                "general_budget.actual",
                "2940.05",
                Some("2940.06")
            ),
            // 政府采购 251.25 against 4.79 + 0 + 246.47 = 251.26.
            row(
                "accounts.procurement_sum",
                "procurement.total",
                "251.25",
                Some("251.26")
            ),
            // 四: "财政拨款收入支出总计0.3万元" against the table's 2961.68.
            row(
                "accounts.fiscal",
                "narrative.fiscal.value",
                "0.3",
                Some("2961.68")
            ),
            // 五（一）'s 2940.05 against the lines' 2940.06.
            row(
                "accounts.lines_sum",
                "narrative.general_budget.value",
                "2940.05",
                Some("2940.06")
            ),
            // Issue 17, the tables typed cell by cell (each checked by hand against the document;
            // the message names a gap of one unit, or within the parts' rounding, a possible 尾差):
            row(
                "accounts.table_cross",
                "expenditure.by_class.社会保障和就业支出",
                "326.71",
                Some("326.72")
            ),
            row(
                "accounts.table_cross",
                "fiscal.by_class.社会保障和就业支出.general_budget",
                "326.71",
                Some("326.72")
            ),
            row(
                "accounts.table_tree",
                "income_table.total.total",
                "2946.25",
                Some("2946.26")
            ),
            row(
                "accounts.table_tree",
                "income_table.total.fiscal",
                "2940.05",
                Some("2940.06")
            ),
            row(
                "accounts.table_tree",
                "expenditure_table.total.total",
                "2940.05",
                Some("2940.06")
            ),
            row(
                "accounts.table_tree",
                "expenditure_table.total.basic",
                "2336.91",
                Some("2336.92")
            ),
            row(
                "accounts.table_tree",
                "general_budget_table.total.total",
                "2940.05",
                Some("2940.06")
            ),
            row(
                "accounts.table_tree",
                "general_budget_table.total.basic",
                "2336.91",
                Some("2336.92")
            ),
            row(
                "accounts.basic_items",
                "basic.items[0].amount",
                "2082.85",
                Some("2082.86")
            ),
            row(
                "accounts.basic_items",
                "basic.items[26].amount",
                "171.07",
                Some("171.09")
            ),
        ])
    );
}

#[test]
fn the_page_states_the_computed_figures() {
    let text = page_text(UNIT);
    assert!(
        text.contains("支出决算为 0.00 万元，完成预算的 0.00%"),
        "{text}"
    );
    assert!(text.contains("平均得分 99.43 分"));
    assert!(text.contains("政府采购支出总额 251.26 万元（推算数"));
    // A 行政单位 whose 机关运行经费 equals its 公用经费.
    assert!(text.contains("184.65 万元（与部门决算中行政单位"));
}
