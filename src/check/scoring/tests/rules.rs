//! Each audit rule on a small table.

use super::{findings, hubei, only, record};
use crate::model::{ExecutionPart, Subtotal, Template};
use crate::score::fixtures::{card, d, execution, goal, ind};
use crate::score::seed_cards::{s001, s003_city, s003_whole};
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
