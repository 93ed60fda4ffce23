//! The provincial layouts' rules (issue 16), each on a table that breaks it: the document's
//! own rows (tests/cli/field/) pass them all, so each is shown failing here.

use super::{findings, only, record};
use crate::model::{Kind, Scorecard, Template};
use crate::score::fixtures::{card, d, execution, goal, ind, with_kind};

fn national(se: Scorecard) -> Vec<crate::check::Finding> {
    findings(vec![record(2022, Template::National, Some(se), Vec::new())])
}

/// A 评分表 row: weight, printed score and 评分标准, no target or actual.
fn sheet_row(name: &str, weight: &str, score: &str, criteria: &str) -> crate::model::Indicator {
    let mut i = ind(name, weight, "", "", score);
    i.target = None;
    i.actual = None;
    i.criteria = Some(criteria.to_owned());
    i
}

#[test]
fn issue16_criteria_points_that_do_not_add_up_to_the_weight_are_reported() {
    // Field 03 row 1 with its weight printed 4: the 评分标准 lists 1 + 1 + 1 = 3.
    let row = sheet_row(
        "基础信息完整性",
        "4",
        "3",
        "1、基础数据信息是否真实(1分); 2、基础数据信息是否完整(1分); 3、基础数据信息是否准确(1分)。",
    );
    let f = national(card(
        "self_evaluation",
        None,
        None,
        vec![goal("评分表", None, vec![row])],
        None,
    ));
    let found = only(&f, "criteria.points");
    assert_eq!(found.len(), 1, "{f:#?}");
    assert_eq!(found[0].stated.as_deref(), Some("4"));
    assert_eq!(found[0].computed.as_deref(), Some("3"));
    assert!(
        found[0].message.contains("1 + 1 + 1 = 3"),
        "{}",
        found[0].message
    );
}

#[test]
fn issue16_a_score_above_its_weight_is_reported_where_no_formula_caps_it() {
    let row = sheet_row(
        "年度工作计划完整性",
        "3",
        "3.5",
        "年度工作计划是否完整可行(3分)",
    );
    let f = national(card(
        "self_evaluation",
        None,
        None,
        vec![goal("评分表", None, vec![row])],
        None,
    ));
    let found = only(&f, "score.over_weight");
    assert_eq!(found.len(), 1, "{f:#?}");
    assert_eq!(
        found[0].field,
        "self_evaluation.goals[0].indicators[0].score"
    );
    // A formula row's rule is capped, so score.mismatch reports it, not score.over_weight.
    let capped = ind("覆盖率", "10", "≥100%", "100%", "11");
    let f = national(card(
        "self_evaluation",
        None,
        None,
        vec![goal("绩效指标", None, vec![capped])],
        None,
    ));
    assert!(only(&f, "score.over_weight").is_empty());
    assert_eq!(only(&f, "score.mismatch").len(), 1);
}

#[test]
fn issue16_a_printed_grade_that_is_not_the_totals_is_reported() {
    let rows = vec![ind("覆盖率", "90", "≥100%", "100%", "90")];
    let mut c = card(
        "self_evaluation",
        None,
        Some(execution("10", "10", "100%", "10")),
        vec![goal("绩效指标", None, rows)],
        Some("89"),
    );
    c.reported_grade = Some("优".to_owned());
    let f = national(c);
    let found = only(&f, "grade.mismatch");
    assert_eq!(found.len(), 1, "{f:#?}");
    assert_eq!(found[0].computed.as_deref(), Some("良"));
}

#[test]
fn issue16_a_total_weight_that_is_not_the_parts_is_reported() {
    // 预算执行 10 (the template's, no block typed) + 绩效指标 90 = 100, printed 95.
    // Kind as the loader infers it: the target holds one number.
    let rows = vec![with_kind(
        ind("覆盖率", "90", "=100%", "", ""),
        Kind::Quantitative,
    )];
    let mut c = card(
        "projects[0]",
        Some("工资性支出"),
        None,
        vec![goal("绩效指标", Some("90"), rows)],
        None,
    );
    c.total_weight = Some(d("95"));
    let f = findings(vec![record(2023, Template::Sichuan, None, vec![c])]);
    let found = only(&f, "weights.total_stated");
    assert_eq!(found.len(), 1, "{f:#?}");
    assert_eq!(found[0].computed.as_deref(), Some("100"));
    // The empty 完成值 is said, never scored as 0.
    assert_eq!(only(&f, "indicator.actual_missing").len(), 1);
}
