//! Whole tables: totals, subtotals, completion and bands, with the seeds' tables.

use super::*;
use crate::model::Kind;
use crate::score::bands::Grade;
use crate::score::completion::MetBasis;
use crate::score::fixtures::{card, d, execution, goal, ind, with_kind, with_status};
use crate::score::seed_cards::{s001, s003_city, s003_whole};

fn row<'a>(c: &'a CardScore, name: &str) -> &'a IndicatorScore {
    c.goals
        .iter()
        .flat_map(|g| g.indicators.iter())
        .find(|i| i.name == name)
        .expect("row")
}

#[test]
fn s001_rule_total_is_94_97_against_a_reported_94() {
    let c = score_card(Template::Hubei, &s001());
    assert_eq!(c.rule_total, Some(d("94.97")));
    assert_eq!(c.reported_total, Some(d("94")));
    assert_eq!(c.reported_sum, Some(d("94")));
    assert_eq!(c.not_recomputed(), None);
    let subtotals: Vec<_> = c.goals.iter().map(|g| g.rule_total).collect();
    assert_eq!(
        subtotals,
        vec![Some(d("28")), Some(d("21.99")), Some(d("24.98"))]
    );
    assert_eq!(
        c.explanation,
        "总分 = 预算执行 20 + 年度绩效目标1 28 + 年度绩效目标2 21.99 + 年度绩效目标3 24.98 = 94.97"
    );
}

#[test]
fn s001_weights_add_to_40_and_each_goal_differs_from_its_rows() {
    let c = score_card(Template::Hubei, &s001());
    assert_eq!(c.weight_total, Some(d("40")));
    let sums: Vec<_> = c
        .goals
        .iter()
        .map(|g| (g.weight, g.indicator_weights))
        .collect();
    assert_eq!(
        sums,
        vec![
            (Some(d("8")), Some(d("29"))),
            (Some(d("6")), Some(d("23"))),
            (Some(d("6")), Some(d("28")))
        ]
    );
}

#[test]
fn s001_rows_that_differ_from_the_rule_at_one_decimal_are_marked() {
    let c = score_card(Template::Hubei, &s001());
    assert_eq!(c.precision, 1);
    let differing: Vec<&str> = c
        .goals
        .iter()
        .flat_map(|g| g.indicators.iter())
        .filter(|i| i.differs)
        .map(|i| i.name.as_str())
        .collect();
    assert_eq!(differing, vec!["信访件办结率", "计划生育政策落实到位率"]);
    assert_eq!(row(&c, "信访件办结率").rule, Some(d("4.99")));
    assert_eq!(row(&c, "计划生育政策落实到位率").rule, Some(d("3.98")));
}

#[test]
fn s003_whole_table_recomputes_to_92_with_24_of_29_met() {
    let c = score_card(Template::Hubei, &s003_whole());
    assert_eq!(c.rule_total, Some(d("92")));
    assert_eq!(c.weight_total, Some(d("100")));
    assert_eq!((c.completion.indicators, c.completion.met), (29, 24));
    assert_eq!(c.completion.rate.map(|r| r.percent()), Some(d("82.76")));
    assert!(
        c.goals
            .iter()
            .flat_map(|g| g.indicators.iter())
            .all(|i| !i.differs)
    );
    assert_eq!(row(&c, "无重大安全生产及消防事故发生").rule, Some(d("0")));
}

#[test]
fn s003_listed_unmet_rows_scored_in_the_met_band_fail_the_band_check() {
    let c = score_card(Template::Hubei, &s003_whole());
    let r = row(&c, "党风带动民风好转");
    assert!(r.listed_unmet);
    assert_eq!(r.band, Some(Band::Met));
    assert_eq!(r.band_ok, Some(false));
    assert!(
        r.explanation.contains("2.5 ÷ 3 = 83.33%，达成档"),
        "{}",
        r.explanation
    );
    let ok = row(&c, "提高区域经济发展能力");
    assert_eq!((ok.band, ok.band_ok), (Some(Band::Unmet), Some(true)));
    let unlisted = row(&c, "人民群众的安全感");
    assert_eq!((unlisted.band_ok, unlisted.met), (None, true));
}

#[test]
fn s003_city_project_adds_the_overall_goal_and_recomputes_to_93_5() {
    let c = score_card(Template::Hubei, &s003_city());
    assert_eq!(c.rule_total, Some(d("93.5")));
    assert_eq!(c.reported_sum, Some(d("93.5")));
    assert_eq!(c.weight_total, Some(d("100")));
    assert_eq!((c.completion.indicators, c.completion.met), (22, 19));
    assert_eq!(c.completion.rate.map(|r| r.percent()), Some(d("86.36")));
    let river = row(&c, "河湖长制季度考核分数");
    assert_eq!(
        (river.rule, river.band),
        (Some(d("1.0")), Some(Band::Partial))
    );
    assert_eq!(river.band_ok, Some(true));
}

#[test]
fn issue16_s000_rows_without_weights_leave_the_total_not_recomputed() {
    // Every row prints a score but no weight: the rule cannot score a row, so the total is
    // 未重算 rather than the sum of the reported scores (issue 16).
    let rows = |n: usize, s: &str| -> Vec<_> {
        (0..n)
            .map(|i| ind(&format!("指标{i}"), "", "100%", "100%", s))
            .collect()
    };
    let mut g4 = rows(3, "5");
    g4.push(ind("服务对象满意度", "", "≥90%", "≥90%", "5"));
    let mut g1 = rows(4, "4");
    g1.extend(rows(2, "2"));
    let c = card(
        "self_evaluation",
        None,
        Some(execution("4528.44", "5684.82", "125.54%", "20")),
        vec![
            goal("年度目标1", Some("20"), g1),
            goal("年度绩效目标2", Some("20"), rows(5, "4")),
            goal("年度绩效目标3", Some("20"), rows(5, "4")),
            goal("年度绩效目标4", Some("20"), g4),
        ],
        Some("100"),
    );
    let c = score_card(Template::Hubei, &c);
    assert_eq!(c.rule_total, None);
    assert_eq!(c.not_recomputed(), Some(NotRecomputed::NoWeights));
    assert!(c.goals.iter().all(|g| g.rule_total.is_none()));
    assert_eq!(c.reported_sum, Some(d("100")));
    assert_eq!(c.weight_total, Some(d("100")));
    assert!(c.execution.as_ref().is_some_and(|e| e.over_budget));
    assert_eq!((c.completion.indicators, c.completion.met), (20, 20));
}

#[test]
fn a_table_without_weights_or_scores_cannot_be_totalled() {
    // S002: goals without weights, rows without scores.
    let c = card(
        "self_evaluation",
        None,
        Some(execution("5431.28", "5431.28", "100%", "")),
        vec![goal(
            "年度目标4",
            None,
            vec![ind("信访积案化解率", "", "100%", "30%", "")],
        )],
        None,
    );
    let c = score_card(Template::Hubei, &c);
    assert_eq!(c.rule_total, None);
    assert_eq!(c.not_recomputed(), Some(NotRecomputed::NoWeights));
    assert_eq!(c.weight_total, None);
    assert!(
        c.explanation.starts_with("无法重算总分：年度目标4"),
        "{}",
        c.explanation
    );
    assert!(!c.goals[0].indicators[0].met);
}

#[test]
fn national_tables_get_a_grade_from_each_total() {
    let c = card(
        "self_evaluation",
        None,
        Some(execution("100", "90", "90%", "9")),
        vec![goal(
            "产出",
            Some("90"),
            vec![ind("完成率", "90", "100%", "85%", "85")],
        )],
        Some("94"),
    );
    let c = score_card(Template::National, &c);
    assert_eq!(c.rule_total, Some(d("85.5")));
    assert_eq!(c.grade, Some(Grade::Good));
    assert_eq!(c.reported_grade, Some(Grade::Excellent));
    assert_eq!(score_card(Template::Hubei, &s001()).grade, None);
}

#[test]
fn an_explicit_status_decides_the_band_check() {
    let i = with_status(
        ind("提高机关人员法律意识", "1", "提高", "有所提高", "0.8"),
        Status::Partial,
    );
    let s = super::score_indicator(Template::Hubei, &i, &[], 1);
    assert_eq!(
        (s.band, s.band_ok, s.met),
        (Some(Band::Met), Some(false), false)
    );
    assert_eq!(s.met_basis, MetBasis::Status);
    let q = with_kind(
        ind("x", "2", "≥90分", "二三季度≥90分", "1.0"),
        Kind::Quantitative,
    );
    let s = super::score_indicator(Template::Hubei, &q, &[], 1);
    assert_eq!(s.band, Some(Band::Partial));
}

#[test]
fn scores_serialise_with_the_rule_basis_and_explanation_for_the_site() {
    let c = score_card(Template::Hubei, &s001());
    let json = serde_json::to_value(&c).expect("json");
    let row = &json["goals"][1]["indicators"][1];
    assert_eq!(row["name"], "信访件办结率");
    assert_eq!(row["rule"], "4.99");
    assert_eq!(row["reported"], "4.5");
    assert_eq!(row["basis"], "positive");
    assert_eq!(row["met_basis"], "comparator");
    assert_eq!(
        row["explanation"],
        "正向指标：5 × min(99.89 ÷ 100, 1) = 4.99"
    );
    assert_eq!(json["execution"]["rate"], "100.00%");
    assert_eq!(json["completion"]["rate"], "57.14%");
}

#[test]
fn issue16_a_weighted_row_without_any_score_leaves_the_total_not_recomputed_for_missing_scores() {
    let c = card(
        "self_evaluation",
        None,
        None,
        vec![goal(
            "年度目标",
            Some("5"),
            vec![ind("群众满意度", "5", "满意", "满意", "")],
        )],
        None,
    );
    let c = score_card(Template::Hubei, &c);
    assert_eq!(c.rule_total, None);
    assert_eq!(c.not_recomputed(), Some(NotRecomputed::MissingScores));
}

#[test]
fn issue16_a_row_whose_units_differ_leaves_the_total_not_recomputed_and_says_why() {
    let c = card(
        "self_evaluation",
        None,
        None,
        vec![goal(
            "年度目标",
            Some("4"),
            vec![
                ind("覆盖率", "2", "100%", "13个", "2"),
                ind("完成率", "2", "100%", "100%", "2"),
            ],
        )],
        Some("4"),
    );
    let c = score_card(Template::Hubei, &c);
    assert_eq!(c.goals[0].rule_total, None);
    assert_eq!(c.rule_total, None);
    assert_eq!(c.not_recomputed(), Some(NotRecomputed::NotComparable));
}
