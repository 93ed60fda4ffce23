//! The derived figures on seed 003 (as transcribed in the `accounts-qingling` fixture and,
//! once merged, in `content/`) and on small hand-made accounts.

use super::fixture;
use super::*;

fn d(s: &str) -> Dec {
    Dec::parse(s).expect("valid decimal")
}

fn pct(p: Option<Pct>) -> Option<String> {
    p.map(|p| p.percent().to_string())
}

fn qingling_2023() -> FinalAccounts {
    let yaml = fixture::read("tests/fixtures/sites/accounts-qingling/content/qingling/2023.yaml");
    fixture::record("qingling", &yaml)
        .final_accounts
        .expect("final_accounts")
}

fn share_of(set: &[NamedShare], key: &str) -> Option<String> {
    pct(set.iter().find(|s| s.key == key).map(|s| s.share))
}

fn change_of(f: &AccountsFigures, figure: Figure) -> &FigureChange {
    f.changes
        .iter()
        .find(|c| c.figure == figure)
        .expect("a change for the figure")
}

/// The figures seed 003's pages print, whichever transcription they come from.
fn assert_seed_003(fa: &FinalAccounts) {
    let f = derive(fa, None);
    assert_eq!(Figure::ExpenditureTotal.current(fa), Some(d("11092.59")));
    assert_eq!(
        share_of(&f.expenditure_shares, "basic"),
        Some("46.86".into())
    );
    assert_eq!(
        share_of(&f.expenditure_shares, "project"),
        Some("53.14".into())
    );
    let c = change_of(&f, Figure::ExpenditureTotal);
    assert_eq!(c.prior.value, d("14598.23"));
    assert_eq!(pct(c.change.rate), Some("-24.01".into()));
    assert_eq!(c.change.words.rate, "下降");
    assert_eq!(
        pct(f.general_budget.as_ref().and_then(|g| g.completion)),
        Some("157.46".into())
    );
}

#[test]
fn seed_003_fixture_prints_the_documents_derived_figures() {
    assert_seed_003(&qingling_2023());
}

#[test]
fn seed_003_content_prints_the_documents_derived_figures() {
    let yaml = fixture::read("content/qingling/2023.yaml");
    let record = fixture::record("qingling", &yaml);
    assert_seed_003(record.final_accounts.as_ref().expect("final_accounts"));
}

#[test]
fn seed_003_lines_group_into_the_nine_classes_with_largest_remainder_shares() {
    let f = derive(&qingling_2023(), None);
    let general = f
        .funds
        .iter()
        .find(|f| f.fund == Fund::GeneralBudget)
        .expect("general fund");
    assert_eq!(general.actual, d("11082.8"));
    assert_eq!(general.budget, Some(d("7025.59")));
    let classes: Vec<(String, String, String)> = general
        .classes
        .iter()
        .map(|c| {
            let code = c.code.clone().unwrap_or_default();
            (code, c.actual.to_string(), pct(c.share).unwrap_or_default())
        })
        .collect();
    let expect = [
        ("201", "4692.86", "42.34"),
        ("204", "10.89", "0.10"),
        ("205", "21", "0.19"),
        ("206", "0.50", "0.01"),
        ("207", "6", "0.05"),
        ("208", "2788.46", "25.16"),
        ("210", "1771.40", "15.98"),
        ("212", "1591.22", "14.36"),
        ("221", "200.47", "1.81"),
    ];
    let expect: Vec<(String, String, String)> = expect
        .iter()
        .map(|(a, b, c)| ((*a).into(), (*b).into(), (*c).into()))
        .collect();
    assert_eq!(classes, expect);
    let state = f
        .funds
        .iter()
        .find(|f| f.fund == Fund::StateCapital)
        .expect("state capital");
    assert_eq!(state.actual, d("9.79"));
    assert_eq!(state.budget, None);
}

#[test]
fn seed_003_lines_without_a_budget_print_no_completion() {
    let fa = qingling_2023();
    let f = derive(&fa, None);
    let general = &f.funds[0];
    let line = &general.lines[4]; // 商贸事务 一般行政管理事务: 该科目未申请年初财政拨款预算
    assert!(line.unbudgeted);
    assert_eq!(line.completion, None);
    assert_eq!(pct(general.lines[16].completion), Some("1479.52".into()));
}

#[test]
fn seed_003_other_figures() {
    let f = derive(&qingling_2023(), None);
    assert_eq!(
        share_of(&f.fund_shares, "general_budget"),
        Some("99.91".into())
    );
    assert_eq!(pct(f.fiscal_income_share), Some("100.00".into()));
    let oc = f.operating_costs.as_ref().expect("operating costs");
    assert_eq!((oc.budget, oc.budget_implied), (Some(d("1956.76")), true));
    assert_eq!(
        pct(oc.change.as_ref().and_then(|c| c.rate)),
        Some("-3.34".into())
    );
    assert_eq!(oc.matches_public, Some(true));
    let p = f.procurement.as_ref().expect("procurement");
    assert_eq!(
        (p.parts_total, p.total),
        (Some(d("1798.11")), Some(d("1788.11")))
    );
    assert_eq!(pct(p.sme_share), Some("100.00".into()));
    let b = f.basic.as_ref().expect("basic");
    assert_eq!(b.total, Some(d("5197.65")));
    let tp = f.three_public.as_ref().expect("three public");
    assert_eq!(
        pct(tp.vehicle.as_ref().and_then(|v| v.completion)),
        Some("100.00".into())
    );
    assert_eq!(f.totals.income_total, Some(d("11092.59")));
    let g = change_of(&f, Figure::GeneralBudget);
    assert_eq!(
        (g.prior.value, g.prior.source),
        (d("14435.59"), PriorSource::Implied)
    );
}

#[test]
fn the_prior_years_own_record_wins_over_the_prior_year_block() {
    let current = fixture::final_accounts(
        "expenditure: {basic: 60, project: 60, to_superior: 0, operating: 0, to_affiliated: 0}\nprior_year: {expenditure_total: 90}\n",
    );
    let prior = fixture::final_accounts("expenditure: {total: 100}\n");
    let from_record = derive(
        &current,
        Some(super::Prior::new(
            &prior,
            crate::model::AmountUnit::WanYuan,
            crate::model::AmountUnit::WanYuan,
        )),
    );
    let c = change_of(&from_record, Figure::ExpenditureTotal);
    assert_eq!(
        (c.prior.value, c.prior.source),
        (d("100"), PriorSource::Record)
    );
    assert_eq!(pct(c.change.rate), Some("20.00".into()));
    let from_block = derive(&current, None);
    let c = change_of(&from_block, Figure::ExpenditureTotal);
    assert_eq!(
        (c.prior.value, c.prior.source),
        (d("90"), PriorSource::Stated)
    );
}

#[test]
fn a_zero_prior_year_gives_a_change_without_a_rate() {
    let current = fixture::final_accounts("income: {gov_fund: 5}\nprior_year: {gov_fund: 0}\n");
    let f = derive(&current, None);
    let c = change_of(&f, Figure::GovFund);
    assert_eq!(c.change.delta, d("5"));
    assert_eq!(c.change.rate, None);
}

#[test]
fn lines_without_codes_group_by_names() {
    let fa = fixture::final_accounts(
        "lines:\n\
         - {class: 甲, section: 子一, actual: 1}\n\
         - {class: 乙, section: 子一, actual: 2}\n\
         - {class: 甲, section: 子二, actual: 3}\n\
         - {code: \"2010301\", class: 甲, section: 子一, actual: 4}\n",
    );
    let f = derive(&fa, None);
    let g = &f.funds[0];
    let classes: Vec<(&str, String)> = g
        .classes
        .iter()
        .map(|c| (c.name.as_str(), c.actual.to_string()))
        .collect();
    assert_eq!(classes, [("甲", "8".to_string()), ("乙", "2".to_string())]);
    let sections: Vec<(&str, &str, String)> = g
        .sections
        .iter()
        .map(|c| (c.class.as_str(), c.name.as_str(), c.actual.to_string()))
        .collect();
    assert_eq!(
        sections,
        [
            ("甲", "子一", "5".to_string()),
            ("乙", "子一", "2".to_string()),
            ("甲", "子二", "3".to_string())
        ]
    );
}

#[test]
fn empty_accounts_derive_nothing_and_do_not_panic() {
    let f = derive(&fixture::final_accounts("{}"), None);
    assert!(f.funds.is_empty() && f.changes.is_empty() && f.expenditure_shares.is_empty());
    assert_eq!(f.totals.income_total, None);
}

// Issue 16: a total from its parts is a figure only when every part it needs is stated; a
// part the record leaves out is not 0. Each test leaves out one part of one total.

#[test]
fn income_total_is_not_summed_without_general_budget() {
    let f = derive(
        &fixture::final_accounts(
            "income: {gov_fund: 0, state_capital: 9.79, superior_subsidy: 0, business: 0, \
             operating: 0, affiliated: 0, other: 0}",
        ),
        None,
    );
    assert_eq!(f.totals.income_total, None);
    assert_eq!(f.totals.fiscal_income, None);
    assert_eq!(f.totals.income_grand_total, None);
    assert!(f.income_shares.is_empty(), "{:?}", f.income_shares);
    assert_eq!(f.fiscal_income_share, None);
}

#[test]
fn income_total_sums_when_every_source_is_stated() {
    let f = derive(
        &fixture::final_accounts(
            "income: {general_budget: 11082.8, gov_fund: 0, state_capital: 9.79, \
             superior_subsidy: 0, business: 0, operating: 0, affiliated: 0, other: 0}",
        ),
        None,
    );
    assert_eq!(f.totals.income_total, Some(d("11092.59")));
    assert_eq!(f.totals.fiscal_income, Some(d("11092.59")));
}

#[test]
fn grand_total_needs_the_balances() {
    let f = derive(
        &fixture::final_accounts(
            "income: {total: 100, opening_balance: 5}\nexpenditure: {total: 100, closing_balance: 5}",
        ),
        None,
    );
    assert_eq!(f.totals.income_grand_total, None);
    assert_eq!(f.totals.expenditure_grand_total, None);
}

#[test]
fn expenditure_total_is_not_summed_without_project() {
    let f = derive(
        &fixture::final_accounts(
            "expenditure: {basic: 5197.65, to_superior: 0, operating: 0, to_affiliated: 0}",
        ),
        None,
    );
    assert_eq!(f.totals.expenditure_total, None);
    assert_eq!(f.totals.expenditure_grand_total, None);
    assert!(
        f.expenditure_shares.is_empty(),
        "{:?}",
        f.expenditure_shares
    );
}

#[test]
fn fiscal_total_is_not_summed_without_a_fund() {
    let f = derive(
        &fixture::final_accounts(
            "income: {general_budget: 100, state_capital: 1}\nfiscal: {opening_balance: 0}",
        ),
        None,
    );
    assert_eq!(f.totals.fiscal_income, None);
    assert_eq!(f.totals.fiscal_grand_total, None);
}

#[test]
fn fiscal_total_needs_the_opening_balance() {
    let f = derive(&fixture::final_accounts("fiscal: {income: 100}"), None);
    assert_eq!(f.totals.fiscal_grand_total, None);
}

#[test]
fn basic_total_is_not_summed_without_public() {
    let f = derive(
        &fixture::final_accounts("basic: {personnel: 3306.34}"),
        None,
    );
    assert_eq!(f.totals.basic_total, None);
    assert_eq!(f.basic.and_then(|b| b.total), None);
}

#[test]
fn procurement_total_is_not_summed_without_works() {
    let f = derive(
        &fixture::final_accounts("procurement: {goods: 98.84, services: 1602.69, sme: 10}"),
        None,
    );
    assert_eq!(f.totals.procurement_total, None);
    let p = f.procurement.expect("procurement figures");
    assert_eq!((p.parts_total, p.total, p.sme_share), (None, None, None));
}

#[test]
fn fund_shares_need_every_fund() {
    // No 政府性基金 line and no stated 0 for it: its spending is unknown, so is the rest.
    let f = derive(
        &fixture::final_accounts(
            "expenditure: {total: 10}\nlines:\n  - {class: 甲, actual: 8}\n  - {class: 乙, fund: state_capital, actual: 1}",
        ),
        None,
    );
    assert!(f.fund_shares.is_empty(), "{:?}", f.fund_shares);
}
