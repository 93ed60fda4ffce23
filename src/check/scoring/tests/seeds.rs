//! The seeds' scoring findings (domain.md §3), table by table.

use super::{codes, findings, hubei, only, record};
use crate::model::Template;
use crate::score::fixtures::{card, execution};
use crate::score::seed_cards::{s001, s003_city, s003_whole};
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
