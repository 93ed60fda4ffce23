//! Scoring audits on the seeds' tables, built as model values.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::check::{Finding, check};
use crate::error::Locator;
use crate::model::{
    AmountUnit, Corpus, ExecutionPart, Profile, Record, Scorecard, Site, Subtotal, Template,
    Thresholds, Unit, UnitId, Year,
};
use crate::score::fixtures::{card, d, execution, goal, ind};
use crate::score::score_corpus;
use crate::score::seed_cards::{s001, s003_city, s003_whole};

fn record(
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
        source: None,
        contact: None,
        self_evaluation: se,
        projects,
        final_accounts: None,
        targets: None,
        narratives: Vec::new(),
        locator: Locator::new(path, Arc::from(""), fields),
    }
}

fn findings(records: Vec<Record>) -> Vec<Finding> {
    let corpus = Corpus {
        site: Site {
            title: "t".to_owned(),
            subtitle: None,
            base_url: None,
            profile: Profile::Internal,
            theme: "default".to_owned(),
            thresholds: Thresholds::default(),
        },
        units: vec![Unit {
            id: UnitId::parse("test").expect("id"),
            name: "测试街道办事处".to_owned(),
            short_name: "测试街道".to_owned(),
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

fn hubei(se: Scorecard) -> Vec<Finding> {
    findings(vec![record(2023, Template::Hubei, Some(se), Vec::new())])
}

fn codes(f: &[Finding]) -> Vec<&'static str> {
    f.iter().map(|f| f.code).collect()
}

fn only<'a>(f: &'a [Finding], code: &str) -> Vec<&'a Finding> {
    f.iter().filter(|f| f.code == code).collect()
}

#[test]
fn s001_complaints_row_is_reported_with_stated_computed_rule_and_location() {
    let f = hubei(s001());
    let m = only(&f, "score.mismatch");
    assert_eq!(m.len(), 2, "{m:#?}");
    let x = m
        .iter()
        .find(|f| f.message.contains("信访件办结率"))
        .expect("信访件");
    assert_eq!(x.field, "self_evaluation.goals[1].indicators[1].score");
    assert_eq!((x.location.line, x.location.col), (41, 14));
    assert_eq!(x.stated.as_deref(), Some("4.5"));
    assert_eq!(x.computed.as_deref(), Some("4.99"));
    assert!(
        x.rule
            .starts_with("正向指标：5 × min(99.89 ÷ 100, 1) = 4.99"),
        "{}",
        x.rule
    );
    assert!(
        x.message
            .starts_with("测试街道 2023 年部门整体绩效自评表：“信访件办结率”自评得分 4.5"),
        "{}",
        x.message
    );
    let y = m
        .iter()
        .find(|f| f.message.contains("计划生育"))
        .expect("计划生育");
    assert_eq!(
        (y.stated.as_deref(), y.computed.as_deref()),
        (Some("3.5"), Some("3.98"))
    );
}

#[test]
fn s001_weights_and_total_are_reported() {
    let f = hubei(s001());
    let total = only(&f, "weights.total");
    assert_eq!(total.len(), 1);
    assert_eq!(
        (total[0].stated.as_deref(), total[0].computed.as_deref()),
        (Some("40"), Some("100"))
    );
    assert!(
        total[0].message.contains("20 + 8 + 6 + 6 = 40"),
        "{}",
        total[0].message
    );
    let goals: Vec<_> = only(&f, "weights.goal")
        .iter()
        .map(|f| {
            (
                f.stated.clone().unwrap_or_default(),
                f.computed.clone().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        goals,
        [("8", "29"), ("6", "23"), ("6", "28")].map(|(a, b)| (a.to_owned(), b.to_owned()))
    );
    let t = only(&f, "score.total");
    assert_eq!(
        (t[0].stated.as_deref(), t[0].computed.as_deref()),
        (Some("94"), Some("94.97"))
    );
    assert!(only(&f, "score.sum").is_empty());
}

#[test]
fn s003_listed_unmet_rows_in_the_met_band_are_reported() {
    let f = hubei(s003_whole());
    let b = only(&f, "qualitative.band");
    let names: Vec<bool> = ["党风带动民风好转", "提升基层党建工作水平"]
        .iter()
        .map(|n| b.iter().any(|f| f.message.contains(n)))
        .collect();
    assert_eq!(names, vec![true, true]);
    assert_eq!(b.len(), 2);
    assert_eq!(
        b[0].stated.as_deref(),
        Some("2.5（2.5 ÷ 3 = 83.33%，达成档）")
    );
    assert_eq!(b[0].computed.as_deref(), Some("部分达成或未达成档（<80%）"));
    assert!(b[0].rule.contains("达成 100%–80%(≥80%)"));
    assert_eq!(codes(&f), vec!["qualitative.band", "qualitative.band"]);
}

#[test]
fn s003_city_project_is_clean() {
    let f = findings(vec![record(2023, Template::Hubei, None, vec![s003_city()])]);
    assert_eq!(codes(&f), Vec::<&str>::new(), "{f:#?}");
}

#[test]
fn s000_spending_above_the_budget_is_reported_but_the_capped_score_is_not() {
    let c = card(
        "self_evaluation",
        None,
        Some(execution("4528.44", "5684.82", "125.54%", "20")),
        vec![],
        Some("20"),
    );
    let f = hubei(c);
    let o = only(&f, "execution.over_budget");
    assert_eq!(o.len(), 1);
    assert_eq!(o[0].stated.as_deref(), Some("5684.82"));
    assert_eq!(
        o[0].computed.as_deref(),
        Some("预算数 4528.44，执行率 125.54%")
    );
    assert!(only(&f, "execution.score").is_empty());
    assert!(only(&f, "execution.rate").is_empty());
}

#[test]
fn a_misprinted_rate_and_score_are_reported() {
    let c = card(
        "self_evaluation",
        None,
        Some(execution("100", "90", "99%", "20")),
        vec![],
        None,
    );
    let f = hubei(c);
    assert_eq!(
        only(&f, "execution.rate")[0].computed.as_deref(),
        Some("90.00%")
    );
    assert_eq!(
        only(&f, "execution.score")[0].computed.as_deref(),
        Some("18")
    );
}

#[test]
fn s002_the_same_indicator_with_two_actuals_is_reported() {
    let c = card(
        "self_evaluation",
        None,
        None,
        vec![
            goal(
                "年度目标4",
                None,
                vec![ind("消防隐患整治率99%", "", "完成", "70%", "")],
            ),
            goal(
                "年度目标9",
                None,
                vec![
                    ind("非访劝返率", "", "完成", "100%", ""),
                    ind("消防隐患整治率 99%", "", "完成", "100%", ""),
                ],
            ),
            goal(
                "年度目标10",
                None,
                vec![ind("非访劝返率", "", "完成", "100%", "")],
            ),
        ],
        None,
    );
    let f = hubei(c);
    let dup = only(&f, "indicator.duplicate");
    assert_eq!(dup.len(), 1, "{dup:#?}");
    assert_eq!(
        dup[0].field,
        "self_evaluation.goals[1].indicators[1].actual"
    );
    assert_eq!(dup[0].stated.as_deref(), Some("100%"));
    assert_eq!(dup[0].computed.as_deref(), Some("年度目标4：70%"));
}

#[test]
fn a_negative_indicator_scored_by_the_positive_rule_is_reported() {
    let c = card(
        "self_evaluation",
        None,
        None,
        vec![goal(
            "g",
            Some("2"),
            vec![ind("群众投诉率", "2", "5%", "10%", "2")],
        )],
        None,
    );
    let f = hubei(c);
    let dir = only(&f, "indicator.direction");
    assert_eq!(
        (dir[0].stated.as_deref(), dir[0].computed.as_deref()),
        (Some("2"), Some("1"))
    );
    let ok = card(
        "self_evaluation",
        None,
        None,
        vec![goal(
            "g",
            Some("2"),
            vec![ind("群众投诉率", "2", "5%", "10%", "1")],
        )],
        None,
    );
    assert!(only(&hubei(ok), "indicator.direction").is_empty());
}

#[test]
fn a_heading_from_another_year_is_reported() {
    let mut c = s003_city();
    c.title = Some("2022 年度大城管项目自评结果".to_owned());
    let f = findings(vec![record(2023, Template::Hubei, None, vec![c])]);
    let t = only(&f, "title.year");
    assert_eq!(t[0].field, "projects[0].title");
    assert_eq!(t[0].computed.as_deref(), Some("2023"));
    assert!(
        t[0].message.contains("“城市管理”项目自评表"),
        "{}",
        t[0].message
    );
}

#[test]
fn a_narrative_budget_that_differs_from_the_table_is_reported() {
    let mut c = card(
        "projects[0]",
        Some("机构运转"),
        Some(execution("4000.95", "4000.95", "100%", "20.0")),
        vec![],
        None,
    );
    c.stated.budget = Some(d("4000.953"));
    c.stated.actual = Some(d("4000.95"));
    let f = findings(vec![record(2023, Template::Hubei, None, vec![c])]);
    let s = only(&f, "execution.stated_budget");
    assert_eq!(
        (s[0].stated.as_deref(), s[0].computed.as_deref()),
        (Some("4000.953"), Some("4000.95"))
    );
    assert!(only(&f, "execution.stated_actual").is_empty());
}

#[test]
fn basic_and_project_spending_must_add_up_to_the_whole() {
    let mut c = s003_whole();
    c.basic_expenditure = Some(d("5197.65"));
    c.project_expenditure = Some(d("5894.93"));
    if let Some(ex) = c.execution.as_mut() {
        ex.basic = Some(ExecutionPart {
            budget: Some(d("5000")),
            actual: Some(d("5197.65")),
            rate: None,
        });
        ex.project = Some(ExecutionPart {
            budget: Some(d("6092.59")),
            actual: Some(d("5894.94")),
            rate: None,
        });
    }
    let f = hubei(c);
    let s = only(&f, "execution.split");
    assert_eq!(s.len(), 1, "{s:#?}");
    assert_eq!(
        (s[0].stated.as_deref(), s[0].computed.as_deref()),
        (Some("11092.59"), Some("11092.58"))
    );
}

#[test]
fn stated_counts_are_checked_against_the_rows_and_against_each_other() {
    let mut c = s003_whole();
    c.stated.completed_count = Some(d("25"));
    let f = hubei(c);
    let counts: Vec<_> = only(&f, "completion.count")
        .iter()
        .map(|f| f.field.clone())
        .collect();
    assert_eq!(
        counts,
        vec![
            "self_evaluation.stated.completed_count",
            "self_evaluation.stated.completion_rate"
        ]
    );
}

#[test]
fn full_marks_with_unmet_rows_are_reported() {
    let rows = vec![
        ind("a", "50", "100%", "100%", "50"),
        ind("b", "30", "100%", "90%", "30"),
    ];
    let c = card(
        "self_evaluation",
        None,
        Some(execution("1", "1", "100%", "20")),
        vec![goal("g", Some("80"), rows)],
        Some("100"),
    );
    let f = hubei(c);
    assert_eq!(
        only(&f, "score.full_with_unmet")[0].computed.as_deref(),
        Some("1 个指标未完成")
    );
}

#[test]
fn stated_subtotals_goal_scores_and_totals_are_checked() {
    let mut rows = vec![
        ind("a", "4", "100%", "100%", "4"),
        ind("b", "4", "100%", "100%", "4"),
        ind("c", "72", "完成", "完成", "70"),
    ];
    for r in rows.iter_mut().take(2) {
        r.level1 = Some("产出指标".to_owned());
    }
    let mut g = goal("g", Some("80"), rows);
    g.subtotals.push(Subtotal {
        level1: "产出 指标".to_owned(),
        level2: None,
        weight: d("10"),
    });
    let mut c = card(
        "self_evaluation",
        None,
        Some(execution("1", "1", "100%", "20")),
        vec![g],
        Some("99"),
    );
    c.stated.goals_score = Some(d("77"));
    c.stated.total = Some(d("98"));
    let f = hubei(c);
    let sub = only(&f, "weights.subtotal");
    assert_eq!(
        (sub[0].stated.as_deref(), sub[0].computed.as_deref()),
        (Some("10"), Some("8"))
    );
    assert_eq!(only(&f, "score.goals")[0].computed.as_deref(), Some("78"));
    assert_eq!(only(&f, "score.sum")[0].computed.as_deref(), Some("98"));
    assert_eq!(
        only(&f, "score.stated_total")[0].stated.as_deref(),
        Some("98")
    );
    assert_eq!(only(&f, "score.total")[0].computed.as_deref(), Some("98"));
}

#[test]
fn findings_are_sorted_by_record_then_location() {
    let f = findings(vec![
        record(2020, Template::Hubei, Some(s001()), Vec::new()),
        record(2023, Template::Hubei, Some(s003_whole()), Vec::new()),
    ]);
    let years: Vec<u16> = f.iter().map(|f| f.year.get()).collect();
    let mut sorted = years.clone();
    sorted.sort_unstable();
    assert_eq!(years, sorted);
    assert!(f.first().is_some_and(|f| f.location.line <= 41));
}
