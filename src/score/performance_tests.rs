//! Every rule and zero case of `domain.md` §1.3–1.4, with the seeds' own rows.

use super::*;
use crate::score::fixtures::{d, ind, with_kind};

fn outcome(name: &str, w: &str, target: &str, actual: &str, score: &str) -> RuleOutcome {
    rule_score(&ind(name, w, target, actual, score))
}

#[test]
fn s001_complaints_closed_99_89_percent_scores_4_99_not_4_5() {
    let o = outcome("信访件办结率", "5", "100%", "99.89%", "4.5");
    assert_eq!(o.rule, Some(d("4.99")));
    assert_eq!(o.basis, Basis::Positive);
    assert_eq!(o.explanation, "正向指标：5 × min(99.89 ÷ 100, 1) = 4.99");
}

#[test]
fn s001_family_planning_99_52_percent_scores_3_98() {
    let o = outcome("计划生育政策落实到位率", "4", "100%", "99.52%", "3.5");
    assert_eq!(o.rule, Some(d("3.98")));
}

#[test]
fn the_actual_as_printed_is_used_even_with_a_remark_after_it() {
    let o = outcome(
        "信访件办结率",
        "5",
        "100%",
        "99.89%(受理阳光信访件272件,已回267件)",
        "4.5",
    );
    assert_eq!(o.rule, Some(d("4.99")));
}

#[test]
fn reaching_an_equal_to_target_gets_full_marks_and_falling_short_gets_the_share() {
    assert_eq!(
        outcome("优抚补助人数", "0.5", "35人", "38人", "0.5").rule,
        Some(d("0.5"))
    );
    assert_eq!(
        outcome("清扫保洁道路数量", "1.5", "62条", "31条", "").rule,
        Some(d("0.75"))
    );
}

#[test]
fn overshoot_is_capped_at_the_weight() {
    let o = outcome("共享单车清理数量", "1.5", "≥15辆", "14400辆", "1.5");
    assert_eq!(o.rule, Some(d("1.5")));
    assert_eq!(o.basis, Basis::Positive);
}

#[test]
fn a_negative_indicator_scores_target_over_actual() {
    let o = outcome("事故发生率", "4", "≤2%", "4%", "");
    assert_eq!(o.rule, Some(d("2")));
    assert_eq!(o.basis, Basis::Negative);
    assert_eq!(o.explanation, "反向指标：4 × min(2 ÷ 4, 1) = 2");
}

#[test]
fn negative_zero_target_with_events_scores_nothing() {
    let o = outcome("安全生产及消防事故发生起数", "1.5", "0起", "3起", "0");
    assert_eq!(o.rule, Some(d("0")));
    assert_eq!(o.basis, Basis::NegativeZeroTarget);
}

#[test]
fn negative_zero_target_and_zero_actual_is_full_marks() {
    let o = outcome("辖区安全事故发生数量", "1.5", "0起", "0起", "1.5");
    assert_eq!((o.rule, o.basis), (Some(d("1.5")), Basis::NegativeZeroBoth));
    let o = outcome("河湖垃圾暴露率", "6", "0.0%", "0.0%", "6.0");
    assert_eq!((o.rule, o.basis), (Some(d("6")), Basis::NegativeZeroBoth));
}

#[test]
fn negative_with_a_zero_actual_is_full_marks() {
    let o = outcome("返贫率", "1", "≤5%", "0%", "1.0");
    assert_eq!((o.rule, o.basis), (Some(d("1")), Basis::NegativeZeroActual));
}

#[test]
fn positive_zero_target_is_full_marks_and_flagged() {
    let o = outcome("新增点位数", "2", "0个", "0个", "");
    assert_eq!((o.rule, o.basis), (Some(d("2")), Basis::PositiveZeroTarget));
    assert!(o.flags.contains(&Flag::ZeroTarget));
}

#[test]
fn did_not_happen_against_three_events_scores_nothing() {
    let o = outcome("无重大安全生产及消防事故发生", "3", "不发生", "3起", "0");
    assert_eq!((o.rule, o.basis), (Some(d("0")), Basis::Happened));
}

#[test]
fn did_not_happen_against_did_not_happen_is_full_marks() {
    let o = outcome("无食品药品安全事故发生", "3", "不发生", "未发生", "3");
    assert_eq!((o.rule, o.basis), (Some(d("3")), Basis::NothingHappened));
    let o = outcome("不发生规模性疫情", "1", "不发生", "0起", "1.0");
    assert_eq!((o.rule, o.basis), (Some(d("1")), Basis::NothingHappened));
}

#[test]
fn qualitative_rows_keep_the_reported_score() {
    let o = outcome("党风带动民风好转", "3", "明显提升", "有所提升", "2.5");
    assert_eq!((o.rule, o.basis), (Some(d("2.5")), Basis::Qualitative));
    assert!(!o.basis.is_formula());
}

#[test]
fn a_quantitative_row_whose_actual_is_a_sentence_is_treated_as_qualitative() {
    let i = with_kind(
        ind(
            "河湖长制季度考核分数",
            "2",
            "≥90分",
            "二三季度≥90分，一四季度未达到 90分",
            "1.0",
        ),
        Kind::Quantitative,
    );
    let o = rule_score(&i);
    assert_eq!((o.rule, o.basis), (Some(d("1.0")), Basis::Qualitative));
    assert!(o.flags.contains(&Flag::ActualUnreadable));
}

#[test]
fn issue16_different_units_are_not_recomputed_and_never_take_the_reported_score() {
    let o = outcome("覆盖率", "2", "100%", "13个", "2");
    assert_eq!((o.rule, o.basis), (None, Basis::NotComparable));
    assert!(o.flags.contains(&Flag::UnitsDiffer));
    assert!(o.explanation.ends_with("未重算"), "{}", o.explanation);
}

#[test]
fn issue16_a_negative_value_is_not_recomputed() {
    let o = outcome("增长率", "2", "≥5%", "-3%", "1");
    assert_eq!((o.rule, o.basis), (None, Basis::NotComparable));
    assert!(o.flags.contains(&Flag::NegativeValue));
}

#[test]
fn a_rate_per_period_compares_with_its_count() {
    let o = outcome("开展整治综合性执法", "5", "≥6次/年", "7次", "5");
    assert_eq!((o.rule, o.basis), (Some(d("5")), Basis::Positive));
}

#[test]
fn issue16_a_row_without_weight_is_not_recomputed_and_never_takes_the_reported_score() {
    let o = outcome("打造黄鹤楼旅游片区名片", "", "100%", "100%", "4");
    assert_eq!((o.rule, o.basis), (None, Basis::NoWeight));
    assert!(o.explanation.contains("未重算"), "{}", o.explanation);
}

#[test]
fn a_row_with_neither_rule_nor_reported_score_has_no_score() {
    let o = outcome("消防隐患整治率99%", "", "完成", "70%", "");
    assert_eq!(o.rule, None);
    assert!(o.flags.contains(&Flag::NoReportedScore));
}

#[test]
fn rule_scores_round_half_away_from_zero_to_two_places() {
    // 3 × 2/3 = 2 exactly; 1 × 2/3 = 0.666… → 0.67; 0.5 × 99.99/100 = 0.49995 → 0.50.
    assert_eq!(outcome("x", "1", "3个", "2个", "").rule, Some(d("0.67")));
    assert_eq!(
        outcome("x", "0.5", "100%", "99.99%", "")
            .rule
            .map(|s| s.to_string()),
        Some("0.50".into())
    );
}

#[test]
fn issue16_a_bare_actual_against_a_rate_is_read_as_percent_and_says_so() {
    let o = outcome("验收通过率", "5", "≥95%", "98", "5");
    assert_eq!(o.rule, Some(d("5")));
    assert_eq!(o.basis, Basis::Positive);
    assert_eq!(
        o.explanation,
        "正向指标：5 × min(98 ÷ 95, 1) = 5（实际值“98”未写 %，按目标值的单位读作 98%）"
    );
    let short = outcome("验收通过率", "5", "≧95％", "９０", "");
    assert_eq!(short.rule, Some(d("4.74")));
    let printed = outcome("验收通过率", "5", "≥95%", "90%", "");
    assert!(
        !printed.explanation.contains("未写"),
        "{}",
        printed.explanation
    );
}

#[test]
fn issue16_values_in_any_unit_compare_only_when_their_units_agree() {
    // 万美元 against 万美元, 人/年 against 人, 台（件） against 台: scored by the rule.
    let o = outcome("实际利用外资", "3", "≥300万美元", "254.8万美元", "3");
    // 254.8 ÷ 300 = 84.93%; 3 × 84.93% = 2.5479 → 2.55.
    assert_eq!((o.rule, o.basis), (Some(d("2.55")), Basis::Positive));
    let o = outcome("培训人数", "4", "≥100人/年", "80人", "4");
    assert_eq!((o.rule, o.basis), (Some(d("3.2")), Basis::Positive));
    let o = outcome("购置设备", "2", "10台（件）", "11台", "2");
    assert_eq!((o.rule, o.basis), (Some(d("2")), Basis::Positive));
    // 人次 against 人: not the same count, so not scored, and the explanation says why.
    let o = outcome("培训人次", "2", "≥735人次", "700人", "2");
    assert_eq!(o.basis, Basis::NotComparable);
    assert!(o.flags.contains(&Flag::UnitsDiffer));
    assert!(
        o.explanation
            .contains("目标值单位“人次”与实际值单位“人”不一致"),
        "{}",
        o.explanation
    );
}

#[test]
fn issue16_a_deadline_in_months_met_earns_full_marks_and_a_missed_one_is_the_evaluators() {
    // Field 01: 完成美丽宜居自然村庄验收时间 9月前 / 7月, 5 分.
    let o = outcome("验收时间", "5", "9月前", "7月", "5");
    assert_eq!((o.rule, o.basis), (Some(d("5")), Basis::DeadlineMet));
    assert!(o.explanation.contains("按期完成"), "{}", o.explanation);
    let o = outcome("验收时间", "5", "11月底前", "11月", "5");
    assert_eq!((o.rule, o.basis), (Some(d("5")), Basis::DeadlineMet));
    let late = outcome("验收时间", "5", "9月前", "10月", "3");
    assert_eq!((late.rule, late.basis), (Some(d("3")), Basis::Qualitative));
    assert!(
        late.explanation.contains("未按期完成"),
        "{}",
        late.explanation
    );
    // "9月前" done in 9月: whether September is admitted is not printed; units still differ.
    let same = outcome("验收时间", "5", "9月前", "9月", "5");
    assert_eq!((same.rule, same.basis), (None, Basis::NotComparable));
    // Not months: 13 is no month.
    let odd = outcome("验收时间", "5", "13月前", "7月", "5");
    assert_eq!(odd.basis, Basis::NotComparable);
}
