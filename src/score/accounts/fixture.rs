//! Test-only: builds model values from record-format YAML without the loader, so the 决算
//! figures and audits can be tested on their own. Mirrors what `load::validate` does for the
//! fields these modules read; everything else is left empty.

use std::path::PathBuf;

use crate::load::raw::{RawFinalAccounts, RawRecord, RawScorecard};
use crate::model::{
    AmountUnit, Corpus, Execution, FinalAccounts, FunctionLine, Fund, Profile, Record, Scorecard,
    Site, Stated, Template, Thresholds, Unit, UnitId, Year,
};

/// Reads a record file under `tests/fixtures/sites/` (or any path from the crate root).
pub(crate) fn read(rel: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(rel);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
}

/// A record from its YAML text.
pub(crate) fn record(unit: &str, yaml: &str) -> Record {
    let raw: RawRecord = serde_saphyr::from_str(yaml).expect("a valid record");
    Record {
        unit: UnitId::parse(unit).expect("unit id"),
        year: Year::new(raw.year).expect("year"),
        path: format!("content/{unit}/{}.yaml", raw.year),
        amount_unit: AmountUnit::WanYuan,
        template: Template::Hubei,
        source: None,
        contact: None,
        self_evaluation: raw
            .self_evaluation
            .map(|s| scorecard("self_evaluation".into(), s)),
        projects: raw
            .projects
            .into_iter()
            .enumerate()
            .map(|(i, p)| scorecard(format!("projects[{i}]"), p))
            .collect(),
        final_accounts: raw.final_accounts.map(accounts),
        targets: raw.targets.map(|t| crate::model::Targets {
            title: t.title,
            funds: t.funds,
            functions: t.functions,
            tasks: t.tasks,
            long_term_goals: Vec::new(),
            annual_goals: Vec::new(),
        }),
        narratives: Vec::new(),
        locator: crate::error::Locator::default(),
    }
}

/// The accounts of a `final_accounts` block given alone.
pub(crate) fn final_accounts(yaml: &str) -> FinalAccounts {
    accounts(serde_saphyr::from_str(yaml).expect("a valid final_accounts block"))
}

/// A unit of `kind` holding `records`.
pub(crate) fn unit(id: &str, kind: Option<&str>, records: Vec<Record>) -> Unit {
    Unit {
        id: UnitId::parse(id).expect("unit id"),
        name: id.into(),
        short_name: id.into(),
        parent: None,
        region: None,
        kind: kind.map(str::to_owned),
        sort: 0,
        aliases: Vec::new(),
        records,
    }
}

/// A corpus of `units`.
pub(crate) fn corpus(units: Vec<Unit>) -> Corpus {
    Corpus {
        site: Site {
            title: "测试".into(),
            subtitle: None,
            base_url: None,
            profile: Profile::Internal,
            theme: "default".into(),
            thresholds: Thresholds::default(),
        },
        units,
    }
}

fn accounts(raw: RawFinalAccounts) -> FinalAccounts {
    FinalAccounts {
        title: raw.title,
        income: raw.income,
        expenditure: raw.expenditure,
        fiscal: raw.fiscal,
        lines: raw
            .lines
            .into_iter()
            .map(|l| FunctionLine {
                code: l.code,
                class: l.class,
                section: l.section,
                item: l.item,
                fund: match l.fund.as_deref() {
                    Some("gov_fund") => Fund::GovFund,
                    Some("state_capital") => Fund::StateCapital,
                    _ => Fund::GeneralBudget,
                },
                budget: l.budget,
                actual: l.actual,
                basic: l.basic,
                project: l.project,
                stated_completion: l.stated_completion,
                reason: l.reason,
            })
            .collect(),
        classes: raw.classes,
        general_budget: raw.general_budget,
        basic: raw.basic,
        three_public: raw.three_public,
        operating_costs: raw.operating_costs,
        procurement: raw.procurement,
        assets: raw.assets,
        performance: raw.performance,
        prior_year: raw.prior_year,
        narrative: raw.narrative,
    }
}

fn scorecard(field: String, raw: RawScorecard) -> Scorecard {
    Scorecard {
        field,
        name: raw.name,
        title: raw.title,
        department: raw.department,
        implementer: raw.implementer,
        filled_on: raw.filled_on,
        basic_expenditure: raw.basic_expenditure,
        project_expenditure: raw.project_expenditure,
        execution: raw.execution.map(|e| Execution {
            budget: e.budget,
            actual: e.actual,
            rate: e.rate,
            score: e.score,
            received: e.received,
            basic: None,
            project: None,
        }),
        overall_goal: None,
        goals: Vec::new(),
        reported_total: raw.reported_total,
        stated: Stated::default(),
        deviation_analysis: raw.deviation_analysis,
        improvement: raw.improvement,
        summary: raw.summary,
    }
}
