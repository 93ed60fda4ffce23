//! The rules issue 16 added for the Shanghai 部门决算 (field documents 30–32), and the false
//! findings they showed, each on the smallest record that shows it.

use crate::check::Finding;
use crate::score::accounts::fixture;

/// The findings of one record of a unit of `kind` whose `final_accounts` block is `fa`.
fn findings(kind: Option<&str>, fa: &str) -> Vec<Finding> {
    let indented: String = fa.lines().map(|l| format!("  {l}\n")).collect();
    let text =
        format!("year: 2024\namount_unit: 万元\ntemplate: national\nfinal_accounts:\n{indented}");
    let record = fixture::record("u", &text);
    let corpus = fixture::corpus(vec![fixture::unit("u", kind, vec![record])]);
    super::check(&corpus)
}

fn fields(findings: &[Finding]) -> Vec<(&'static str, String)> {
    let mut v: Vec<_> = findings
        .iter()
        .map(|f| {
            (
                f.code,
                f.field.trim_start_matches("final_accounts.").to_owned(),
            )
        })
        .collect();
    v.sort();
    v
}

fn one(code: &'static str, field: &str) -> Vec<(&'static str, String)> {
    vec![(code, field.to_owned())]
}

#[test]
fn a_class_share_rounded_plainly_is_not_a_finding() {
    // Field 30: 60.99 / 2940.06 = 2.0744% → 2.07% plainly; the largest-remainder method gives
    // 2.08%. The document's shares do not add to 100% (71.73 is a misprint), so it did not use
    // that method: 2.07% is right. 71.73% is neither (71.6536%).
    let f = findings(
        None,
        "classes:\n  - {name: 一般公共服务支出, actual: 2106.66, share: 71.73%}\n  - {name: 社会保障和就业支出, actual: 326.72, share: 11.11%}\n  - {name: 卫生健康支出, actual: 60.99, share: 2.07%}\n  - {name: 住房保障支出, actual: 445.69, share: 15.16%}",
    );
    assert_eq!(fields(&f), one("accounts.share", "classes[0].share"));
}

#[test]
fn operating_costs_of_a_department_with_public_institutions_is_not_its_public_funds() {
    // Field 31: 机关运行经费 covers 行政单位 and 参公事业单位 only; a 部门决算 that also holds
    // 事业单位 has 公用经费 beyond it (142.80 against 480.66).
    let fa = "basic: {personnel: 4884.09, public: 480.66}\noperating_costs: {actual: 142.80}";
    assert!(findings(Some("行政单位（部门决算含下属参公事业单位及事业单位）"), fa).is_empty());
    assert_eq!(
        fields(&findings(Some("行政单位"), fa)),
        one("accounts.operating_costs", "operating_costs.actual")
    );
}

#[test]
fn basic_spending_of_every_source_differs_when_money_besides_fiscal_was_spent() {
    // Field 31: 本年支出合计 9759.38 spends 12.88 of the 年初结转和结余 (not 财政拨款) beyond the
    // 9746.50 of 财政拨款; the 支出决算表's 基本支出 5377.64 may then exceed 4884.09 + 480.66.
    let fa = "income: {general_budget: 9746.50, total: 9746.50}\nexpenditure: {basic: 5377.64, project: 4381.74, total: 9759.38}\ngeneral_budget: {actual: 9746.50}\nbasic: {personnel: 4884.09, public: 480.66}";
    assert!(findings(None, fa).is_empty());
    let spent_all = fa.replace("total: 9759.38", "total: 9746.50").replace(
        "basic: 5377.64, project: 4381.74",
        "basic: 5377.64, project: 4368.86",
    );
    assert_eq!(
        fields(&findings(None, &spent_all)),
        one("accounts.basic_split", "expenditure.basic")
    );
}

#[test]
fn a_change_rate_against_a_prior_year_of_zero_is_a_finding() {
    // Field 32: "增加 307.82 万元，增长 100.00%" for a unit set up in 2024: 上年数 = 307.82 −
    // 307.82 = 0, and 变动额 ÷ 0 has no value.
    let f = findings(
        None,
        "narrative:\n  grand_total: {value: 307.82, change: 307.82, change_rate: 100.00%}",
    );
    assert_eq!(
        fields(&f),
        one("accounts.change", "narrative.grand_total.change_rate")
    );
    assert_eq!(f[0].stated.as_deref(), Some("100.00%"));
    assert_eq!(f[0].computed, None);
    let f = findings(
        None,
        "narrative:\n  grand_total: {value: 307.82, change: 300.00, change_rate: 3836.32%}",
    );
    assert!(f.is_empty(), "{f:?}");
}

#[test]
fn three_public_parts_state_changes_shares_and_a_vehicle_subtotal() {
    // Field 31: 公务接待费 0.39, 减少 0.15, 下降 27.78% (0.15 / 0.54 = 27.78%), 占 100.00%.
    let ok = "three_public:\n  total: {budget: 2.85, actual: 0.39, change: -0.15, change_rate: -27.78%}\n  outbound: {actual: 0.00, share: 0.00%}\n  vehicle: {actual: 0.00, share: 0.00%}\n  vehicle_purchase: {actual: 0.00}\n  vehicle_operation: {actual: 0.00}\n  reception: {actual: 0.39, change: -0.15, change_rate: -27.78%, share: 100.00%}";
    assert!(findings(None, ok).is_empty(), "{:?}", findings(None, ok));
    let rate = ok.replacen(
        "change_rate: -27.78%}\n  outbound",
        "change_rate: -25.00%}\n  outbound",
        1,
    );
    assert_eq!(
        fields(&findings(None, &rate)),
        one("accounts.three_public", "three_public.total.change_rate")
    );
    let share = ok.replace("share: 100.00%", "share: 90.00%");
    assert_eq!(
        fields(&findings(None, &share)),
        one("accounts.three_public", "three_public.reception.share")
    );
    let vehicle = ok.replace(
        "vehicle: {actual: 0.00, share: 0.00%}",
        "vehicle: {actual: 0.10, share: 25.64%}",
    );
    assert_eq!(
        fields(&findings(None, &vehicle)),
        one("accounts.three_public", "three_public.vehicle.actual")
    );
    // A 小计 with a 0 budget and a stated completion, like a part's.
    let unbudgeted =
        "three_public:\n  vehicle: {budget: 0.00, actual: 0.00, stated_completion: 0.00%}";
    assert_eq!(
        fields(&findings(None, unbudgeted)),
        one(
            "accounts.three_public",
            "three_public.vehicle.stated_completion"
        )
    );
}

#[test]
fn sme_awards_cannot_exceed_the_procurement_total() {
    // Field 32: 21.07 awarded in the reserved projects and 21.07 in the others: 42.14 of a
    // 21.07 total. Field 30's 246.47 + 4.79 = 251.26 equals its parts' sum (251.26) and is
    // no second finding beside the 251.25 total's own.
    let bad = "procurement: {total: 21.07, goods: 21.07, works: 0, services: 0, sme_reserved_awarded: 21.07, sme_other_awarded: 21.07}";
    assert_eq!(
        fields(&findings(None, bad)),
        one("accounts.sme_awards", "procurement.sme_other_awarded")
    );
    let field30 = "procurement: {total: 251.25, goods: 4.79, works: 0, services: 246.47, sme_reserved_awarded: 246.47, sme_other_awarded: 4.79}";
    assert_eq!(
        fields(&findings(None, field30)),
        one("accounts.procurement_sum", "procurement.total")
    );
}

#[test]
fn performance_grades_add_up_to_the_projects_evaluated() {
    // Template 十: "绩效自评的项目XX个 …（其中，绩效评级为“优”的项目XX个；…“不合格”的项目XX个。
    // 绩效自评中共发现问题XX个，已经完成整改的XX个，正在整改的XX个）".
    let ok = "performance: {evaluated_projects: 4, average_score: 99.43, grade_excellent: 4, grade_good: 0, grade_pass: 0, grade_fail: 0, problems: 0, problems_fixed: 0, problems_fixing: 0}";
    assert!(findings(None, ok).is_empty());
    let grades = ok.replace("evaluated_projects: 4", "evaluated_projects: 5");
    assert_eq!(
        fields(&findings(None, &grades)),
        one("accounts.performance", "performance.evaluated_projects")
    );
    let problems = ok.replace("problems: 0", "problems: 2");
    assert_eq!(
        fields(&findings(None, &problems)),
        one("accounts.performance", "performance.problems")
    );
    // Every project 优 (≥ 90 分): an average below 90 cannot be.
    let average = ok.replace("99.43", "85.00");
    assert_eq!(
        fields(&findings(None, &average)),
        one("accounts.performance", "performance.average_score")
    );
}

#[test]
fn full_year_budgets_add_up_and_give_each_completion() {
    // Field 32: 51.32 / 52.00 = 98.69%; Σ 全年预算 = 321.02.
    let ok = "general_budget: {budget: 0, full_year_budget: 69.68}\nlines:\n  - {class: 一般公共服务支出, full_year_budget: 52.00, actual: 51.32, stated_full_year_completion: 98.69%}\n  - {class: 一般公共服务支出, full_year_budget: 17.68, actual: 11.31}";
    assert!(findings(None, ok).is_empty(), "{:?}", findings(None, ok));
    let rate = ok.replace("98.69%", "98.70%");
    assert_eq!(
        fields(&findings(None, &rate)),
        one(
            "accounts.completion",
            "lines[0].stated_full_year_completion"
        )
    );
    let sum = ok.replace("69.68", "69.69");
    assert_eq!(
        fields(&findings(None, &sum)),
        one("accounts.budget_sum", "general_budget.full_year_budget")
    );
}

#[test]
fn the_texts_personnel_and_public_funds_agree_with_the_table() {
    // Field 31: 六 states 人员经费 4896.98; the 基本支出决算表 prints 4884.09.
    let fa = "basic: {personnel: 4884.09, public: 480.66}\nnarrative:\n  personnel: {value: 4896.98}\n  public: {value: 480.66}";
    assert_eq!(
        fields(&findings(None, fa)),
        one("accounts.basic_split", "narrative.personnel.value")
    );
}

#[test]
fn other_income_share_is_of_the_years_income() {
    // Field 30: 6.2 / 2946.25 = 0.2104% → 0.21%.
    let ok = "income: {total: 2946.25}\nnarrative:\n  other_income: {value: 6.2, share: 0.21%}";
    assert!(findings(None, ok).is_empty());
    assert_eq!(
        fields(&findings(None, &ok.replace("0.21%", "0.22%"))),
        one("accounts.share", "narrative.other_income.share")
    );
}
