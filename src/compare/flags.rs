//! The figures of one record an internal reviewer should look at.
//!
//! In: a record's score and the site's [`Thresholds`]. Out: [`RecordFlag`]s, each with a
//! stable kind and a Chinese sentence: 执行率 below `execution_low` or above 100%, a reported
//! total above the rule total by more than `score_gap`, 指标完成率 below `completion`, and a
//! reported total of 100 while some indicator is unfinished. Never judges anything else.

use serde::Serialize;

use crate::model::{Dec, Thresholds};
use crate::render::{fmt_pct, fmt_score};
use crate::score::RecordScore;
use crate::score::headline::{completion_rate, execution_rate, main_card, rule_total};

/// One flag.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct RecordFlag {
    /// `execution_low`, `execution_high`, `score_gap`, `completion_low`, `full_score_unfinished`.
    pub(crate) kind: &'static str,
    /// What the page prints.
    pub(crate) text: String,
}

/// The flags of one record, in a fixed order.
pub(crate) fn record_flags(score: Option<&RecordScore>, t: &Thresholds) -> Vec<RecordFlag> {
    let Some(card) = score.and_then(main_card) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut flag = |kind: &'static str, text: String| out.push(RecordFlag { kind, text });
    if let Some(rate) = execution_rate(card) {
        if rate.percent() < t.execution_low {
            flag(
                "execution_low",
                format!(
                    "预算执行率 {} 低于 {}%",
                    fmt_pct(rate),
                    fmt_score(t.execution_low)
                ),
            );
        } else if rate.percent() > Dec::HUNDRED {
            flag(
                "execution_high",
                format!("预算执行率 {} 超过 100%", fmt_pct(rate)),
            );
        }
    }
    if let (Some(reported), Some(rule)) = (card.reported_total, rule_total(card))
        && let Some(gap) = reported.checked_sub(rule)
        && gap > t.score_gap
    {
        flag(
            "score_gap",
            format!(
                "报告得分 {} 高于规则得分 {}，相差 {} 分（超过 {} 分）",
                fmt_score(reported),
                fmt_score(rule),
                fmt_score(gap),
                fmt_score(t.score_gap)
            ),
        );
    }
    if let Some(rate) = completion_rate(card)
        && rate.percent() < t.completion
    {
        flag(
            "completion_low",
            format!(
                "指标完成率 {} 低于 {}%",
                fmt_pct(rate),
                fmt_score(t.completion)
            ),
        );
    }
    let unfinished = card.completion.not_met();
    if card.reported_total == Some(Dec::HUNDRED) && unfinished > 0 {
        flag(
            "full_score_unfinished",
            format!("总分 100 分，但有 {unfinished} 个指标未完成"),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::fixture::{corpus, record};

    fn kinds(unit: &str, year: u16) -> Vec<&'static str> {
        let (c, s) = corpus();
        let r = record(&c, unit, year);
        record_flags(s.get(&r.unit, r.year), &Thresholds::default())
            .into_iter()
            .map(|f| f.kind)
            .collect()
    }

    #[test]
    fn an_execution_rate_below_the_threshold_is_flagged() {
        assert!(kinds("alpha", 2021).contains(&"execution_low"));
    }

    #[test]
    fn an_execution_rate_above_100_is_flagged() {
        assert!(kinds("alpha", 2022).contains(&"execution_high"));
    }

    #[test]
    fn a_reported_score_well_above_the_rule_is_flagged() {
        assert!(kinds("gamma", 2022).contains(&"score_gap"));
    }

    #[test]
    fn a_full_score_with_an_unfinished_indicator_is_flagged() {
        assert!(kinds("alpha", 2023).contains(&"full_score_unfinished"));
    }

    #[test]
    fn a_low_completion_rate_is_flagged() {
        assert!(kinds("gamma", 2022).contains(&"completion_low"));
    }

    #[test]
    fn a_clean_record_has_no_flags() {
        assert_eq!(kinds("alpha", 2020), Vec::<&str>::new());
    }
}
