//! Scoring audits on tables built as model values: the seeds' findings, then each rule.

mod layouts;
mod rules;
mod seeds;

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::check::{Finding, check};
use crate::error::Locator;
use crate::model::{
    AmountUnit, Corpus, Profile, Record, Scorecard, Site, Template, Thresholds, Unit, UnitId, Year,
};
use crate::score::score_corpus;

pub(super) fn record(
    year: u16,
    template: Template,
    se: Option<Scorecard>,
    projects: Vec<Scorecard>,
) -> Record {
    let fields = BTreeMap::from([
        ("self_evaluation".to_owned(), (10, 1)),
        (
            "self_evaluation.goals[1].indicators[1].score".to_owned(),
            (41, 14),
        ),
    ]);
    let path = format!("content/test/{year}.yaml");
    Record {
        unit: UnitId::parse("test").expect("id"),
        year: Year::new(i64::from(year)).expect("year"),
        path: path.clone(),
        amount_unit: AmountUnit::WanYuan,
        template,
        edition: None,
        source: None,
        contact: None,
        self_evaluation: se,
        projects,
        final_accounts: None,
        targets: None,
        report: None,
        narratives: Vec::new(),
        printed: Default::default(),
        pending: Vec::new(),
        locator: Locator::new(path, Arc::from(""), fields),
    }
}

pub(super) fn findings(records: Vec<Record>) -> Vec<Finding> {
    let corpus = Corpus {
        site: Site {
            title: "t".to_owned(),
            subtitle: None,
            base_url: None,
            profile: Profile::Internal,
            theme: "default".to_owned(),
            thresholds: Thresholds::default(),
            edition: "national".to_owned(),
        },
        units: vec![Unit {
            id: UnitId::parse("test").expect("id"),
            name: "测试街道办事处".to_owned(),
            short_name: "测试街道".to_owned(),
            name_printed: true,
            parent: None,
            region: None,
            kind: None,
            sort: 0,
            aliases: Vec::new(),
            records,
        }],
    };
    check(&corpus, &score_corpus(&corpus)).findings
}

pub(super) fn hubei(se: Scorecard) -> Vec<Finding> {
    findings(vec![record(2023, Template::Hubei, Some(se), Vec::new())])
}

pub(super) fn codes(f: &[Finding]) -> Vec<&'static str> {
    f.iter().map(|f| f.code).collect()
}

pub(super) fn only<'a>(f: &'a [Finding], code: &str) -> Vec<&'a Finding> {
    f.iter().filter(|f| f.code == code).collect()
}
