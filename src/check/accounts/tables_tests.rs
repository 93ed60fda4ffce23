//! The checks of the tables typed cell by cell (issue 17), each on the smallest record.

use crate::check::Finding;
use crate::score::accounts::fixture;

fn findings(fa: &str) -> Vec<Finding> {
    let indented: String = fa.lines().map(|l| format!("  {l}\n")).collect();
    let text =
        format!("year: 2024\namount_unit: 万元\ntemplate: national\nfinal_accounts:\n{indented}");
    let record = fixture::record("u", &text);
    let corpus = fixture::corpus(vec![fixture::unit("u", None, vec![record])]);
    super::check(&corpus)
}

fn of(code: &str, fa: &str) -> Vec<String> {
    findings(fa)
        .into_iter()
        .filter(|f| f.code == code)
        .map(|f| {
            format!(
                "{}: {}",
                f.field.trim_start_matches("final_accounts."),
                f.message
            )
        })
        .collect()
}

const TABLE: &str = "expenditure_table:
  total: {total: 100, basic: 60, project: 40}
  rows:
    - {code: \"201\", name: 一般公共服务支出, total: 100, basic: 60, project: 40}
    - {code: \"20106\", name: 财政事务, total: 100, basic: 60, project: 40}
    - {code: \"2010601\", name: 行政运行, total: 70, basic: 60, project: 10}
    - {code: \"2010602\", name: 一般行政管理事务, total: 30, project: 30}
";

#[test]
fn a_table_that_adds_up_gives_no_finding() {
    for code in ["accounts.table_row", "accounts.table_tree"] {
        assert!(of(code, TABLE).is_empty(), "{code}: {:?}", of(code, TABLE));
    }
}

#[test]
fn a_row_whose_columns_do_not_add_up_is_a_finding() {
    let fa = TABLE.replace(
        "total: 70, basic: 60, project: 10",
        "total: 70, basic: 60, project: 11",
    );
    let f = of("accounts.table_row", &fa);
    assert_eq!(f.len(), 1, "{f:?}");
    assert!(
        f[0].starts_with(
            "expenditure_table.rows[2].total: 支出决算表 2010601 行政运行 本年支出合计为 70"
        ),
        "{f:?}"
    );
}

#[test]
fn a_section_that_is_not_the_sum_of_its_items_is_a_finding_column_by_column() {
    // 20106 基本支出 60 against its 项 60 + 0 (blank); 项目支出 40 against 10 + 31 = 41.
    let fa = TABLE.replace("total: 30, project: 30", "total: 31, project: 31");
    let f = of("accounts.table_tree", &fa);
    assert!(
        f.iter().any(|m| m.starts_with(
            "expenditure_table.rows[1].project: 支出决算表 20106 财政事务 项目支出为 40"
        )),
        "{f:?}"
    );
    assert!(
        f.iter().all(|m| !m.contains(".basic")),
        "基本支出 adds up: {f:?}"
    );
}

#[test]
fn a_gap_within_the_parts_rounding_says_so() {
    // 合计 100 against 类 100.01: one unit in the last place.
    let fa = TABLE.replace(
        "total: 100, basic: 60, project: 40}\n  rows:",
        "total: 99.99, basic: 60, project: 39.99}\n  rows:",
    );
    let f = of("accounts.table_tree", &fa);
    assert!(f.iter().any(|m| m.contains("尾差")), "{f:?}");
}

#[test]
fn the_summary_tables_class_rows_are_checked_against_the_subject_tables() {
    let fa =
        format!("{TABLE}expenditure:\n  total: 100\n  by_class:\n    一般公共服务支出: 100.01\n");
    let f = of("accounts.table_cross", &fa);
    assert_eq!(f.len(), 1, "{f:?}");
    assert!(
        f[0].contains("收入支出决算总表 一般公共服务支出为 100.01") && f[0].contains("尾差"),
        "{f:?}"
    );
    let fa = format!("{TABLE}expenditure:\n  total: 100\n  by_class:\n    一般公共服务支出: 100\n");
    assert!(of("accounts.table_cross", &fa).is_empty());
}

#[test]
fn a_basic_class_line_is_checked_against_its_section_lines() {
    let fa = "basic:\n  items:\n    - {code: \"301\", name: 工资福利支出, kind: personnel, amount: 10}\n    - {code: \"30101\", name: 基本工资, kind: personnel, amount: 6}\n    - {code: \"30102\", name: 津贴补贴, kind: personnel, amount: 3}\n";
    let f = of("accounts.basic_items", fa);
    assert_eq!(f.len(), 1, "{f:?}");
    assert!(
        f[0].contains("301 工资福利支出为 10") && f[0].contains("所属各款之和为 9"),
        "{f:?}"
    );
    assert!(
        of(
            "accounts.basic_items",
            &fa.replace("amount: 3}", "amount: 4}")
        )
        .is_empty()
    );
}

#[test]
fn a_fund_tables_closing_balance_is_opening_plus_income_less_spending() {
    let fa = "gov_fund_table:\n  total: {opening: 10, income: 50, total: 40, basic: 0, project: 40, closing: 21}\n";
    let f = of("accounts.table_row", fa);
    assert_eq!(f.len(), 1, "{f:?}");
    assert!(
        f[0].contains("年末结转和结余为 21") && f[0].contains("为 20"),
        "{f:?}"
    );
}

#[test]
fn a_basic_line_of_the_three_public_may_not_exceed_the_three_public_table() {
    let fa = |line: &str| {
        format!(
            "basic:\n  items:\n    - {{code: \"30217\", name: 公务接待费, kind: public, amount: {line}}}\n    - {{code: \"30211\", name: 差旅费, kind: public, amount: 9}}\nthree_public:\n  reception: {{actual: 0.39}}\n"
        )
    };
    assert!(of("accounts.three_public_lines", &fa("0.39")).is_empty());
    assert!(
        of("accounts.three_public_lines", &fa("0.20")).is_empty(),
        "项目支出 may hold the rest"
    );
    let f = of("accounts.three_public_lines", &fa("0.50"));
    assert_eq!(f.len(), 1, "{f:?}");
    assert!(
        f[0].contains("30217 公务接待费为 0.50") && f[0].contains("决算数 0.39"),
        "{f:?}"
    );
}

const FUND_TABLE: &str = "gov_fund_table:
  total: {opening: 10, income: 50, total: 40, project: 40, closing: 20}
  rows:
    - {code: \"212\", name: 城乡社区支出, opening: 10, income: 50, total: 40, project: 40, closing: 20}
";

#[test]
fn a_fund_table_is_checked_against_the_fund_columns_of_the_fiscal_summary() {
    let fiscal = |closing: &str, class: &str| {
        format!(
            "{FUND_TABLE}fiscal:\n  opening_funds: {{gov_fund: 10}}\n  income_funds: {{gov_fund: 50}}\n  expenditure_funds: {{gov_fund: 40}}\n  closing_funds: {{gov_fund: {closing}}}\n  by_class:\n    城乡社区支出: {{total: {class}, gov_fund: {class}}}\n"
        )
    };
    assert!(of("accounts.table_cross", &fiscal("20", "40")).is_empty());
    let f = of("accounts.table_cross", &fiscal("25", "41"));
    assert_eq!(f.len(), 2, "{f:?}");
    assert!(
        f[0].starts_with("gov_fund_table.total.closing: 政府性基金预算财政拨款收入支出决算表 合计行 年末结转和结余为 20")
            && f[0].contains("为 25"),
        "{f:?}"
    );
    assert!(
        f[1].starts_with("fiscal.by_class.城乡社区支出.gov_fund: ")
            && f[1].contains("该基金表中该类的本年支出合计为 40"),
        "{f:?}"
    );
}

const GENERAL_TABLE: &str = "general_budget_table:
  total: {total: 100, basic: 60, project: 40}
  rows:
    - {code: \"201\", name: 一般公共服务支出, total: 100, basic: 60, project: 40}
    - {code: \"2010601\", name: 行政运行, total: 60, basic: 60}
";

#[test]
fn what_the_statement_says_per_class_and_item_is_checked_against_the_general_budget_table() {
    let fa = |item: &str, class: &str, basic: &str| {
        format!(
            "{GENERAL_TABLE}general_budget: {{actual: 100, basic: {basic}, project: 40}}\nclasses:\n  - {{code: \"201\", name: 一般公共服务支出, actual: {class}}}\nlines:\n  - {{code: \"2010601\", class: 一般公共服务支出, section: 财政事务, item: 行政运行, actual: {item}}}\n"
        )
    };
    assert!(of("accounts.table_cross", &fa("60", "100", "60")).is_empty());
    let f = of("accounts.table_cross", &fa("61", "101", "59"));
    assert_eq!(f.len(), 3, "{f:?}");
    assert!(
        f[0].starts_with("general_budget.basic: 情况说明中的一般公共预算财政拨款支出基本支出为 59"),
        "{f:?}"
    );
    assert!(
        f[1].starts_with("classes[0].actual: 情况说明中的一般公共服务支出为 101"),
        "{f:?}"
    );
    assert!(
        f[2].starts_with("lines[0].actual: 情况说明中 2010601 行政运行 的支出决算为 61")
            && f[2].contains("表中该科目的合计为 60"),
        "{f:?}"
    );
}

#[test]
fn a_class_the_statement_gives_as_the_fiscal_summary_does_is_not_a_second_finding() {
    // Field 31: 情况说明 and 财政拨款收入支出决算总表 say 236.63, 公开05表 236.64; the two tables'
    // difference is one finding, the statement siding with one of them is not another.
    let fa = format!(
        "{GENERAL_TABLE}fiscal:\n  by_class:\n    一般公共服务支出: {{total: 100.01, general_budget: 100.01}}\nclasses:\n  - {{code: \"201\", name: 一般公共服务支出, actual: 100.01}}\n"
    );
    let f = of("accounts.table_cross", &fa);
    assert_eq!(f.len(), 1, "{f:?}");
    assert!(
        f[0].starts_with("fiscal.by_class.一般公共服务支出.general_budget"),
        "{f:?}"
    );
}
