//! The 决算 and 申报表 audits on the fixture records, without the loader.

use crate::check::Finding;
use crate::model::{Corpus, Record};
use crate::score::accounts::fixture;

fn site_record(site: &str, unit: &str, year: u16) -> Record {
    let yaml = fixture::read(&format!(
        "tests/fixtures/sites/{site}/content/{unit}/{year}.yaml"
    ));
    fixture::record(unit, &yaml)
}

fn audit(corpus: &Corpus) -> Vec<Finding> {
    let mut all = super::check(corpus);
    all.extend(crate::check::targets::check(corpus));
    all
}

fn codes_and_fields(findings: &[Finding]) -> Vec<(&'static str, String)> {
    let mut v: Vec<_> = findings.iter().map(|f| (f.code, f.field.clone())).collect();
    v.sort();
    v
}

fn expect(pairs: &[(&'static str, &str)]) -> Vec<(&'static str, String)> {
    let mut v: Vec<_> = pairs.iter().map(|(c, f)| (*c, (*f).to_owned())).collect();
    v.sort();
    v
}

#[test]
fn seed_003_findings_are_exactly_the_documents_three_errors() {
    let records = vec![site_record("accounts-qingling", "qingling", 2023)];
    let corpus = fixture::corpus(vec![fixture::unit("qingling", Some("行政单位"), records)]);
    let findings = audit(&corpus);
    assert_eq!(
        codes_and_fields(&findings),
        expect(&[
            (
                "accounts.income_total",
                "final_accounts.narrative.income.value"
            ),
            (
                "accounts.fiscal",
                "final_accounts.narrative.fiscal_income.value"
            ),
            (
                "accounts.procurement_sum",
                "final_accounts.procurement.total"
            ),
            (
                "accounts.budget_sum",
                "final_accounts.general_budget.budget"
            ),
            (
                "accounts.budget_sum",
                "final_accounts.narrative.general_budget.budget"
            ),
        ])
    );
    let procurement = findings
        .iter()
        .find(|f| f.code == "accounts.procurement_sum")
        .expect("procurement finding");
    assert_eq!(procurement.stated.as_deref(), Some("1788.11"));
    assert_eq!(procurement.computed.as_deref(), Some("1798.11"));
    assert_eq!(
        procurement.message,
        "政府采购支出总额为 1788.11 万元，货物、工程、服务支出之和为 1798.11 万元"
    );
    let income = &findings[0];
    assert_eq!(
        (income.stated.as_deref(), income.computed.as_deref()),
        (Some("11902.59"), Some("11092.59"))
    );
}

#[test]
fn seed_004_shares_differ_from_the_largest_remainder_shares() {
    let records = vec![site_record("accounts-qingling", "qingling", 2020)];
    let corpus = fixture::corpus(vec![fixture::unit("qingling", None, records)]);
    let findings = audit(&corpus);
    let got: Vec<_> = findings
        .iter()
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
        got,
        [
            (
                "targets.share",
                "targets.funds.expenditure[0].share",
                Some("42.88%"),
                Some("42.89%")
            ),
            (
                "targets.share",
                "targets.funds.expenditure[1].share",
                Some("57.12%"),
                Some("57.11%")
            ),
        ]
    );
}

#[test]
fn every_planted_error_is_found_and_nothing_else() {
    let records = vec![
        site_record("accounts-identities", "shiyan", 2022),
        site_record("accounts-identities", "shiyan", 2023),
    ];
    let corpus = fixture::corpus(vec![fixture::unit("shiyan", Some("行政单位"), records)]);
    let findings = audit(&corpus);
    assert_eq!(
        codes_and_fields(&findings),
        expect(&[
            ("accounts.income_total", "final_accounts.income.total"),
            (
                "accounts.grand_total",
                "final_accounts.expenditure.grand_total"
            ),
            (
                "accounts.grand_total",
                "final_accounts.expenditure.grand_total"
            ),
            ("accounts.fiscal", "final_accounts.fiscal.income"),
            ("accounts.basic_split", "final_accounts.basic.total"),
            ("accounts.split", "final_accounts.lines[2].actual"),
            ("accounts.lines_sum", "final_accounts.general_budget.actual"),
            ("accounts.lines_sum", "final_accounts.general_budget.actual"),
            (
                "accounts.budget_sum",
                "final_accounts.general_budget.budget"
            ),
            (
                "accounts.completion",
                "final_accounts.lines[1].stated_completion"
            ),
            (
                "accounts.completion",
                "final_accounts.lines[2].stated_completion"
            ),
            ("accounts.share", "final_accounts.classes[1].share"),
            (
                "accounts.three_public",
                "final_accounts.three_public.total.actual"
            ),
            (
                "accounts.three_public",
                "final_accounts.three_public.total.stated_completion"
            ),
            (
                "accounts.operating_costs",
                "final_accounts.operating_costs.actual"
            ),
            (
                "accounts.operating_costs",
                "final_accounts.operating_costs.stated_change_rate"
            ),
            (
                "accounts.procurement_sum",
                "final_accounts.procurement.total"
            ),
            ("accounts.sme_share", "final_accounts.procurement.sme_share"),
            (
                "accounts.performance",
                "final_accounts.performance.project_count"
            ),
            (
                "accounts.prior_record",
                "final_accounts.prior_year.income_total"
            ),
            (
                "accounts.change",
                "final_accounts.narrative.expenditure.change_rate"
            ),
            ("targets.funds_sum", "targets.funds.income_total.prior[0]"),
            (
                "targets.funds_sum",
                "targets.funds.expenditure_total.amount"
            ),
            ("targets.share", "targets.funds.expenditure[0].share"),
            ("targets.share", "targets.funds.expenditure[1].share"),
            (
                "targets.balance",
                "targets.funds.expenditure_total.prior[0]"
            ),
        ])
    );
}

#[test]
fn operating_costs_need_not_equal_public_funds_outside_administrative_units() {
    let records = vec![site_record("accounts-identities", "shiyan", 2023)];
    let corpus = fixture::corpus(vec![fixture::unit("shiyan", Some("事业单位"), records)]);
    let fields: Vec<String> = audit(&corpus)
        .into_iter()
        .filter(|f| f.code == "accounts.operating_costs")
        .map(|f| f.field)
        .collect();
    assert_eq!(
        fields,
        ["final_accounts.operating_costs.stated_change_rate"]
    );
}

#[test]
fn a_record_without_accounts_or_targets_has_no_findings() {
    let record = fixture::record("kong", "year: 2023\namount_unit: 万元\ntemplate: hubei\n");
    let corpus = fixture::corpus(vec![fixture::unit("kong", None, vec![record])]);
    assert!(audit(&corpus).is_empty());
}

#[test]
fn figures_too_large_to_add_are_skipped_not_a_panic() {
    let big = "9999999999999999999999999999";
    let b = big;
    let yaml = format!(
        "year: 2023\namount_unit: 万元\ntemplate: hubei\nfinal_accounts:\n  \
         income: {{general_budget: {b}, gov_fund: {b}, state_capital: {b}, superior_subsidy: {b}, \
         business: {b}, operating: {b}, affiliated: {b}, other: {b}, total: 1}}\n  \
         procurement: {{total: {big}, goods: {big}, works: {big}, sme: {big}, sme_share: 100%}}\n  \
         narrative: {{income: {{value: {big}, change: -{big}, change_rate: -50%}}}}\n"
    );
    let record = fixture::record("da", &yaml);
    let corpus = fixture::corpus(vec![fixture::unit("da", None, vec![record])]);
    let findings = audit(&corpus);
    // Σ sources overflows: the stated total is not compared with it.
    assert!(
        findings
            .iter()
            .all(|f| f.field != "final_accounts.income.total")
    );
    // The narrative's value is still compared with the stated total.
    assert!(
        findings
            .iter()
            .any(|f| f.field == "final_accounts.narrative.income.value")
    );
}

fn findings_of(yaml_accounts: &str) -> Vec<Finding> {
    let yaml =
        format!("year: 2023\namount_unit: 万元\ntemplate: hubei\nfinal_accounts:\n{yaml_accounts}");
    let record = fixture::record("qingling", &yaml);
    super::check(&fixture::corpus(vec![fixture::unit(
        "qingling",
        Some("行政单位"),
        vec![record],
    )]))
}

#[test]
fn a_wrong_total_is_reported_once_not_again_through_its_change_rate() {
    // Seed 003 as content/ transcribes it: the misprinted 收入合计 stands in the table too.
    let findings = findings_of(
        "  income: {general_budget: 11082.8, gov_fund: 0, state_capital: 9.79, superior_subsidy: 0, \
         business: 0, operating: 0, affiliated: 0, other: 0, total: 11902.59}\n  \
         narrative:\n    income: {value: 11902.59, change: -3505.64, change_rate: -24.01%}\n",
    );
    assert_eq!(
        codes_and_fields(&findings),
        expect(&[
            ("accounts.income_total", "final_accounts.income.total"),
            (
                "accounts.income_total",
                "final_accounts.narrative.income.value"
            ),
        ])
    );
}

#[test]
fn a_part_that_prints_no_budget_leaves_the_budget_total_unchecked() {
    // Seed 003: 公务用车运行费 prints only its actual and "完成年初预算的 100%".
    let findings = findings_of(
        "  three_public:\n    outbound: {budget: 0, actual: 0}\n    \
         vehicle_operation: {actual: 12.44, stated_completion: 100%}\n    \
         total: {budget: 12.44, actual: 12.44, stated_completion: 100%}\n",
    );
    assert!(findings.is_empty(), "{findings:#?}");
}

#[test]
fn a_budget_the_text_states_is_compared_with_the_tables() {
    let findings = findings_of(
        "  three_public:\n    total: {budget: 12.44, actual: 12.44}\n  \
         operating_costs: {budget: 1956.76, actual: 1891.31}\n  \
         general_budget: {budget: 7038.59, actual: 11082.8}\n  \
         narrative:\n    three_public: {budget: 12.54, value: 12.44}\n    \
         operating_costs: {budget: 1956.67, value: 1891.31}\n    \
         general_budget: {budget: 7038.95, value: 11082.8}\n",
    );
    assert_eq!(
        codes_and_fields(&findings),
        expect(&[
            (
                "accounts.budget",
                "final_accounts.narrative.three_public.budget"
            ),
            (
                "accounts.budget",
                "final_accounts.narrative.operating_costs.budget"
            ),
            (
                "accounts.budget",
                "final_accounts.narrative.general_budget.budget"
            ),
        ])
    );
}

#[test]
fn a_misprinted_general_budget_is_one_finding_when_the_lines_give_budgets() {
    // Σ 项 budgets is the base (`accounts.budget_sum`); the table's equal figure adds nothing.
    let findings = findings_of(
        "  lines:\n    - {class: 一般公共服务支出, budget: 7038.59, actual: 11082.8}\n  \
         general_budget: {budget: 7038.59, actual: 11082.8}\n  \
         narrative:\n    general_budget: {budget: 7038.95, value: 11082.8}\n",
    );
    assert_eq!(
        codes_and_fields(&findings),
        expect(&[(
            "accounts.budget_sum",
            "final_accounts.narrative.general_budget.budget"
        )])
    );
}

#[test]
fn a_stated_completion_without_a_stated_budget_uses_the_tables_budget() {
    let findings = findings_of(
        "  three_public:\n    total: {budget: 10, actual: 12.44}\n  \
         narrative:\n    three_public: {value: 12.44, completion: 100%}\n",
    );
    assert_eq!(
        codes_and_fields(&findings),
        expect(&[(
            "accounts.three_public",
            "final_accounts.narrative.three_public.completion"
        )])
    );
}

#[test]
fn issue16_a_gap_of_one_unit_in_the_last_place_is_named_a_possible_rounding_gap() {
    let d = |s: &str| crate::model::Dec::parse(s).expect("decimal");
    assert!(super::is_last_place_gap(d("2940.05"), d("2940.06"), 2));
    assert!(super::is_last_place_gap(d("105.59"), d("105.58"), 2));
    assert!(!super::is_last_place_gap(d("1788.11"), d("1798.11"), 2));
    assert!(!super::is_last_place_gap(d("755.19"), d("755.21"), 2));
    assert!(super::is_last_place_gap(d("5.5"), d("5.4"), 1));
}
