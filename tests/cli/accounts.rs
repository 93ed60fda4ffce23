//! Integration tests: accounts. The 决算 and 申报表 audits through the public API, on fixture
//! sites (`tests/fixtures/sites/accounts-*`) and on the transcribed seeds in `content/`.

use std::path::Path;

use gongkai::{Finding, check, load, score_corpus};

use crate::support::{fixture, root};

/// Loads, scores and audits a content folder; only the `accounts.*` and `targets.*` findings.
fn findings(content: &Path) -> Vec<Finding> {
    let corpus = load(content).unwrap_or_else(|e| panic!("{} loads: {e}", content.display()));
    let scores = score_corpus(&corpus);
    check(&corpus, &scores)
        .findings
        .into_iter()
        .filter(|f| f.code.starts_with("accounts.") || f.code.starts_with("targets."))
        .collect()
}

/// The findings of one unit and year.
fn of_record<'a>(all: &'a [Finding], unit: &str, year: u16) -> Vec<&'a Finding> {
    all.iter()
        .filter(|f| f.unit.as_str() == unit && f.year.get() == year)
        .collect()
}

/// The one finding at `field`.
fn at<'a>(all: &[&'a Finding], field: &str) -> &'a Finding {
    let hits: Vec<_> = all.iter().filter(|f| f.field == field).collect();
    assert_eq!(hits.len(), 1, "one finding at {field}, got {hits:#?}");
    hits[0]
}

fn stated_and_computed(f: &Finding) -> (Option<&str>, Option<&str>) {
    (f.stated.as_deref(), f.computed.as_deref())
}

#[test]
fn every_accounts_and_targets_code_is_found_in_the_identities_fixture() {
    let all = findings(&fixture("sites/accounts-identities/content"));
    let mut codes: Vec<&str> = all.iter().map(|f| f.code).collect();
    codes.sort_unstable();
    codes.dedup();
    assert_eq!(
        codes,
        [
            "accounts.basic_split",
            "accounts.budget_sum",
            "accounts.change",
            "accounts.completion",
            "accounts.fiscal",
            "accounts.grand_total",
            "accounts.income_total",
            "accounts.lines_sum",
            "accounts.operating_costs",
            "accounts.performance",
            "accounts.prior_record",
            "accounts.procurement_sum",
            "accounts.share",
            "accounts.sme_share",
            "accounts.split",
            "accounts.three_public",
            "targets.balance",
            "targets.funds_sum",
            "targets.share",
        ]
    );
    assert!(
        of_record(&all, "shiyan", 2022).is_empty(),
        "the prior year adds up"
    );
}

#[test]
fn findings_point_at_the_line_of_their_field() {
    let all = findings(&fixture("sites/accounts-identities/content"));
    let record = of_record(&all, "shiyan", 2023);
    let f = at(&record, "final_accounts.procurement.total");
    assert!(
        f.location.path.ends_with("shiyan/2023.yaml"),
        "{}",
        f.location
    );
    let source = std::fs::read_to_string(fixture(
        "sites/accounts-identities/content/shiyan/2023.yaml",
    ))
    .expect("fixture");
    let line = source
        .lines()
        .nth(f.location.line as usize - 1)
        .unwrap_or("");
    assert!(
        line.trim_start().starts_with("total: 10"),
        "{}: {line}",
        f.location
    );
    assert_eq!(f.rule, "政府采购支出总额 = 货物支出 + 工程支出 + 服务支出");
}

#[test]
fn a_completion_stated_for_a_line_without_budget_is_found() {
    let all = findings(&fixture("sites/accounts-identities/content"));
    let record = of_record(&all, "shiyan", 2023);
    let f = at(&record, "final_accounts.lines[1].stated_completion");
    assert_eq!(f.code, "accounts.completion");
    assert_eq!(stated_and_computed(f), (Some("100%"), None));
    let f = at(&record, "final_accounts.lines[2].stated_completion");
    assert_eq!(stated_and_computed(f), (Some("133.34%"), Some("133.33%")));
}

#[test]
fn the_prior_years_own_record_checks_this_records_prior_year_figures() {
    let all = findings(&fixture("sites/accounts-identities/content"));
    let record = of_record(&all, "shiyan", 2023);
    let f = at(&record, "final_accounts.prior_year.income_total");
    assert_eq!(
        (f.code, stated_and_computed(f)),
        ("accounts.prior_record", (Some("99"), Some("100")))
    );
    let f = at(&record, "final_accounts.narrative.expenditure.change_rate");
    assert_eq!(
        (f.code, stated_and_computed(f)),
        ("accounts.change", (Some("16.67%"), Some("20.00%")))
    );
}

/// Seed 003's three arithmetic errors, wherever the record states the wrong figure.
fn assert_seed_003(all: &[Finding]) {
    let record = of_record(all, "qingling", 2023);
    let income = at(&record, "final_accounts.narrative.income.value");
    assert_eq!(income.code, "accounts.income_total");
    assert_eq!(
        stated_and_computed(income),
        (Some("11902.59"), Some("11092.59"))
    );
    let procurement = at(&record, "final_accounts.procurement.total");
    assert_eq!(procurement.code, "accounts.procurement_sum");
    assert_eq!(
        stated_and_computed(procurement),
        (Some("1788.11"), Some("1798.11"))
    );
    let budget = record
        .iter()
        .find(|f| f.code == "accounts.budget_sum")
        .expect("a budget_sum finding");
    assert_eq!(
        stated_and_computed(budget),
        (Some("7038.59"), Some("7025.59"))
    );
    for f in &record {
        assert!(
            !matches!(
                f.code,
                "accounts.share" | "accounts.change" | "accounts.completion"
            ),
            "seed 003's shares, changes and completions are right: {f:#?}"
        );
    }
}

/// Seed 004's two shares that do not follow from its amounts.
fn assert_seed_004(all: &[Finding]) {
    let record = of_record(all, "qingling", 2020);
    let basic = at(&record, "targets.funds.expenditure[0].share");
    let project = at(&record, "targets.funds.expenditure[1].share");
    assert_eq!(
        (basic.code, stated_and_computed(basic)),
        ("targets.share", (Some("42.88%"), Some("42.89%")))
    );
    assert_eq!(
        (project.code, stated_and_computed(project)),
        ("targets.share", (Some("57.12%"), Some("57.11%")))
    );
    let shares = record.iter().filter(|f| f.code == "targets.share").count();
    assert_eq!(shares, 2);
}

#[test]
fn seed_003_and_004_fixture_findings() {
    let all = findings(&fixture("sites/accounts-qingling/content"));
    assert_seed_003(&all);
    assert_seed_004(&all);
}

#[test]
fn seed_003_and_004_content_findings() {
    let all = findings(&root().join("content"));
    assert_seed_003(&all);
    assert_seed_004(&all);
}
