//! Integration tests: scoring. The seeds in `content/` recompute to the figures of
//! `domain.md` §1, and the scoring findings of §3 come out with stated and computed values.

use std::path::Path;

use gongkai::model::{Corpus, Dec};
use gongkai::{CorpusScores, Finding, check, load, score_corpus};

fn d(s: &str) -> Dec {
    Dec::parse(s).expect("decimal")
}

fn scored() -> (Corpus, CorpusScores) {
    let corpus = load(Path::new("content")).expect("content/ loads");
    let scores = score_corpus(&corpus);
    (corpus, scores)
}

fn findings_of(unit: &str, year: u16) -> Vec<Finding> {
    let (corpus, scores) = scored();
    check(&corpus, &scores)
        .findings
        .into_iter()
        .filter(|f| f.unit.as_str() == unit && f.year.get() == year)
        .collect()
}

macro_rules! record {
    ($scores:expr, $unit:expr, $year:expr) => {
        $scores
            .records
            .iter()
            .find(|r| r.unit.as_str() == $unit && r.year.get() == $year)
            .expect(concat!("record ", $unit, " ", $year))
    };
}

#[test]
fn issue16_huanghelou_2021_prints_no_row_weights_so_its_total_is_not_recomputed() {
    // Every row prints a score but no weight: the rule total is 未重算, never the reported
    // 100 taken as the rule's (issue 16).
    let (_, scores) = scored();
    let se = record!(scores, "huanghelou", 2021)
        .self_evaluation
        .as_ref()
        .expect("部门整体");
    assert_eq!(se.rule_total, None);
    assert_eq!(se.reported_total, Some(d("100")));
    assert!(se.execution.as_ref().is_some_and(|e| e.over_budget));
}

#[test]
fn huashan_2020_recomputes_to_94_97_against_a_reported_94() {
    let (_, scores) = scored();
    let se = record!(scores, "huashan", 2020)
        .self_evaluation
        .as_ref()
        .expect("部门整体");
    assert_eq!(se.rule_total, Some(d("94.97")));
    assert_eq!(se.reported_total, Some(d("94")));
    assert_eq!(se.weight_total, Some(d("40")));
}

#[test]
fn ronghua_2022_has_no_weights_so_no_rule_total() {
    let (_, scores) = scored();
    let r = record!(scores, "ronghua", 2022);
    assert!(
        r.self_evaluation
            .as_ref()
            .is_none_or(|se| se.rule_total.is_none())
    );
}

#[test]
fn qingling_2023_tables_recompute_to_their_reported_totals() {
    let (_, scores) = scored();
    let r = record!(scores, "qingling", 2023);
    let se = r.self_evaluation.as_ref().expect("部门整体");
    assert_eq!(
        (se.rule_total, se.reported_total),
        (Some(d("92")), Some(d("92")))
    );
    for (name, total) in [
        ("城市管理", "93.5"),
        ("机构运转", "97.1"),
        ("应急机动", "95.5"),
    ] {
        let p = r
            .projects
            .iter()
            .find(|p| p.name.as_deref() == Some(name))
            .unwrap_or_else(|| panic!("project {name}"));
        assert_eq!(
            (p.rule_total, p.reported_total),
            (Some(d(total)), Some(d(total))),
            "{name}"
        );
    }
}

#[test]
fn qingling_2023_completion_is_24_of_29() {
    let (_, scores) = scored();
    let se = record!(scores, "qingling", 2023)
        .self_evaluation
        .as_ref()
        .expect("部门整体");
    assert_eq!((se.completion.indicators, se.completion.met), (29, 24));
    assert_eq!(se.completion.rate.map(|r| r.percent()), Some(d("82.76")));
}

#[test]
fn qingling_2023_projects_weighted_by_funds_give_96_19() {
    let (_, scores) = scored();
    let agg = record!(scores, "qingling", 2023)
        .project_aggregate
        .as_ref()
        .expect("aggregate");
    assert_eq!(agg.reported.as_ref().map(|w| w.score), Some(d("96.19")));
}

#[test]
fn huashan_complaints_row_is_found_at_4_5_against_4_99() {
    let f = findings_of("huashan", 2020);
    let x = f
        .iter()
        .find(|f| f.code == "score.mismatch" && f.message.contains("信访件办结率"))
        .expect("信访件办结率 finding");
    assert_eq!(
        (x.stated.as_deref(), x.computed.as_deref()),
        (Some("4.5"), Some("4.99"))
    );
    assert!(x.field.ends_with(".score"), "{}", x.field);
    assert!(
        x.location.path.ends_with("huashan/2020.yaml"),
        "{}",
        x.location
    );
    assert!(
        x.location.line > 1,
        "located at the row, not the file: {}",
        x.location
    );
    assert!(
        x.rule.contains("5 × min(99.89 ÷ 100, 1) = 4.99"),
        "{}",
        x.rule
    );
}

#[test]
fn qingling_listed_unmet_row_in_the_met_band_is_found() {
    let f = findings_of("qingling", 2023);
    let x = f
        .iter()
        .find(|f| f.code == "qualitative.band" && f.message.contains("党风带动民风好转"))
        .expect("党风带动民风好转 finding");
    assert!(x.field.starts_with("self_evaluation."), "{}", x.field);
    assert!(
        x.stated.as_deref().is_some_and(|s| s.starts_with("2.5")),
        "{:?}",
        x.stated
    );
    assert!(
        x.computed.as_deref().is_some_and(|c| c.contains("<")),
        "{:?}",
        x.computed
    );
}

#[test]
fn ronghua_fire_hazard_rate_reported_twice_is_found() {
    let f = findings_of("ronghua", 2022);
    let x = f
        .iter()
        .find(|f| f.code == "indicator.duplicate" && f.message.contains("消防隐患整治率"))
        .expect("消防隐患整治率 finding");
    let values = [
        x.stated.as_deref().unwrap_or(""),
        x.computed.as_deref().unwrap_or(""),
    ];
    assert!(
        values[0].contains("100%") && values[1].contains("70%"),
        "{values:?}"
    );
}

// Regression: a total of 94 was called "full marks" because the card's (broken) weights
// summed to 40; full marks are 100 on every template.
#[test]
fn a_total_below_100_is_never_called_full_marks() {
    let codes: Vec<&str> = findings_of("huashan", 2020)
        .iter()
        .map(|f| f.code)
        .collect();
    assert!(!codes.contains(&"score.full_with_unmet"), "{codes:?}");
}

// Regression: 基层党建 publishes only its execution figures (no 自评表); a missing table is not
// a table whose weights fail to add up.
#[test]
fn a_project_without_a_table_has_no_weight_finding() {
    let found: Vec<Finding> = findings_of("qingling", 2023)
        .into_iter()
        .filter(|f| f.code == "weights.total")
        .collect();
    assert!(found.is_empty(), "{found:?}");
}
