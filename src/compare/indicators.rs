//! Indicators matched across two years of one table.
//!
//! In: the goals of a scorecard in two years (and the rule scores of each). Out: one
//! [`IndicatorPair`] per indicator of either year, in this year's order, then the removed ones
//! in last year's order. An indicator matches by its explicit `id` when both years give one;
//! otherwise by [`normalise`]d name within the same normalised 一级指标. A renamed indicator
//! without an `id` is, honestly, one removed and one new.

use serde::Serialize;

use crate::model::{Comparator, Dec, Direction, Goal, Indicator};
use crate::score::GoalScore;

/// A name as matched: full-width ASCII folded to half-width, every space (also the
/// ideographic one) removed, and a trailing weight suffix like `(4分)` or `（4.5分）` dropped.
pub(crate) fn normalise(name: &str) -> String {
    let folded: String = name
        .chars()
        .filter_map(|c| match c {
            '\u{3000}' => None,
            c if c.is_whitespace() => None,
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0),
            c => Some(c),
        })
        .collect();
    strip_weight(&folded).to_owned()
}

/// `名称(4分)` → `名称`; anything else unchanged.
fn strip_weight(s: &str) -> &str {
    let Some(body) = s.strip_suffix("分)") else {
        return s;
    };
    let Some(open) = body.rfind('(') else {
        return s;
    };
    let number = &body[open + 1..];
    let numeric = !number.is_empty() && number.chars().all(|c| c.is_ascii_digit() || c == '.');
    if numeric { &s[..open] } else { s }
}

/// How an indicator fared from last year to this year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum MatchStatus {
    /// In both years.
    Kept,
    /// Only this year.
    New,
    /// Only last year.
    Removed,
}

impl MatchStatus {
    /// As a page prints it.
    pub(crate) fn label(self) -> &'static str {
        match self {
            MatchStatus::Kept => "延续",
            MatchStatus::New => "新增",
            MatchStatus::Removed => "取消",
        }
    }
}

/// How a target changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum TargetChange {
    /// More demanding (a higher floor, or a lower ceiling).
    Raised,
    /// Less demanding: worth a reviewer's look.
    Lowered,
    /// Different text that cannot be compared as numbers.
    Changed,
}

impl TargetChange {
    /// As a page prints it.
    pub(crate) fn label(self) -> &'static str {
        match self {
            TargetChange::Raised => "目标提高",
            TargetChange::Lowered => "目标降低",
            TargetChange::Changed => "目标改变",
        }
    }
}

/// One indicator in one year, as printed.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Side {
    pub(crate) goal: String,
    pub(crate) level1: Option<String>,
    pub(crate) name: String,
    pub(crate) target: Option<String>,
    pub(crate) actual: Option<String>,
    pub(crate) weight: Option<Dec>,
    pub(crate) score: Option<Dec>,
    pub(crate) rule: Option<Dec>,
}

/// One indicator across the two years.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct IndicatorPair {
    /// `id:<id>` or `name:<一级>/<name>`.
    pub(crate) key: String,
    pub(crate) status: MatchStatus,
    pub(crate) current: Option<Side>,
    pub(crate) prior: Option<Side>,
    /// Matched by `id` under a different name.
    pub(crate) renamed: bool,
    pub(crate) weight_changed: bool,
    pub(crate) target_change: Option<TargetChange>,
}

/// An indicator with its key and printed figures.
struct Entry<'a> {
    id: Option<&'a str>,
    name_key: String,
    indicator: &'a Indicator,
    side: Side,
}

fn entries<'a>(goals: &'a [Goal], scores: &[GoalScore]) -> Vec<Entry<'a>> {
    let mut out = Vec::new();
    for (g, goal) in goals.iter().enumerate() {
        for (i, ind) in goal.indicators.iter().enumerate() {
            let rule = scores
                .get(g)
                .and_then(|s| s.indicators.get(i))
                .and_then(|s| s.rule);
            let level1 = ind.level1.as_deref().map(normalise).unwrap_or_default();
            out.push(Entry {
                id: ind.id.as_deref(),
                name_key: format!("{level1}/{}", normalise(&ind.name)),
                indicator: ind,
                side: Side {
                    goal: goal.name.clone(),
                    level1: ind.level1.clone(),
                    name: ind.name.clone(),
                    target: ind.target.as_ref().map(|m| m.text.clone()),
                    actual: ind.actual.as_ref().map(|m| m.text.clone()),
                    weight: ind.weight,
                    score: ind.score,
                    rule,
                },
            });
        }
    }
    out
}

/// Matches the indicators of this year's goals with last year's.
pub(crate) fn match_indicators(
    current: (&[Goal], &[GoalScore]),
    prior: (&[Goal], &[GoalScore]),
) -> Vec<IndicatorPair> {
    let now = entries(current.0, current.1);
    let before = entries(prior.0, prior.1);
    let mut used = vec![false; before.len()];
    let mut out = Vec::new();
    for e in &now {
        let by_id = e.id.and_then(|id| {
            before
                .iter()
                .enumerate()
                .position(|(j, b)| !used[j] && b.id == Some(id))
        });
        let found = by_id.or_else(|| {
            before.iter().enumerate().position(|(j, b)| {
                !used[j] && b.name_key == e.name_key && (b.id.is_none() || e.id.is_none())
            })
        });
        let key =
            e.id.map_or_else(|| format!("name:{}", e.name_key), |id| format!("id:{id}"));
        match found {
            Some(j) => {
                used[j] = true;
                out.push(pair(key, e, &before[j]));
            }
            None => out.push(IndicatorPair {
                key,
                status: MatchStatus::New,
                current: Some(e.side.clone()),
                prior: None,
                renamed: false,
                weight_changed: false,
                target_change: None,
            }),
        }
    }
    for (j, b) in before.iter().enumerate() {
        if !used[j] {
            out.push(IndicatorPair {
                key: b
                    .id
                    .map_or_else(|| format!("name:{}", b.name_key), |id| format!("id:{id}")),
                status: MatchStatus::Removed,
                current: None,
                prior: Some(b.side.clone()),
                renamed: false,
                weight_changed: false,
                target_change: None,
            });
        }
    }
    out
}

fn pair(key: String, now: &Entry<'_>, before: &Entry<'_>) -> IndicatorPair {
    IndicatorPair {
        key,
        status: MatchStatus::Kept,
        renamed: normalise(&now.indicator.name) != normalise(&before.indicator.name),
        weight_changed: now.side.weight != before.side.weight,
        target_change: target_change(now.indicator, before.indicator),
        current: Some(now.side.clone()),
        prior: Some(before.side.clone()),
    }
}

/// How the target moved from `before` to `now`; `None` when unchanged.
fn target_change(now: &Indicator, before: &Indicator) -> Option<TargetChange> {
    let (a, b) = (now.target.as_ref(), before.target.as_ref());
    let text = |m: Option<&crate::model::Measure>| m.map(|m| normalise(&m.text));
    if text(a) == text(b) {
        return None;
    }
    let (Some(a), Some(b)) = (a, b) else {
        return Some(TargetChange::Changed);
    };
    let comparable = a.unit == b.unit && a.comparator == b.comparator;
    match (a.number, b.number) {
        (Some(x), Some(y)) if comparable && x != y => {
            let less_is_better = match a.comparator {
                Some(Comparator::Le | Comparator::Lt) => true,
                Some(Comparator::Ge | Comparator::Gt) => false,
                _ => now.direction == Direction::Negative,
            };
            let easier = if less_is_better { x > y } else { x < y };
            Some(if easier {
                TargetChange::Lowered
            } else {
                TargetChange::Raised
            })
        }
        _ => Some(TargetChange::Changed),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::fixture::{corpus, record};

    fn pairs(unit: &str, year: u16, prior: u16) -> Vec<IndicatorPair> {
        let (c, s) = corpus();
        let (r, p) = (record(&c, unit, year), record(&c, unit, prior));
        fn goals(r: &crate::model::Record) -> &[Goal] {
            r.self_evaluation
                .as_ref()
                .map(|c| c.goals.as_slice())
                .unwrap_or_default()
        }
        let scores = |r: &crate::model::Record| {
            s.get(&r.unit, r.year)
                .and_then(|s| s.self_evaluation.as_ref())
                .map(|c| c.goals.clone())
                .unwrap_or_default()
        };
        let (sr, sp) = (scores(r), scores(p));
        match_indicators((goals(r), &sr), (goals(p), &sp))
    }

    fn named<'a>(pairs: &'a [IndicatorPair], name: &str) -> Vec<&'a IndicatorPair> {
        pairs
            .iter()
            .filter(|p| {
                p.current.as_ref().is_some_and(|s| s.name == name)
                    || p.prior.as_ref().is_some_and(|s| s.name == name)
            })
            .collect()
    }

    #[test]
    fn normalising_folds_width_drops_spaces_and_the_weight_suffix() {
        assert_eq!(normalise("环境整治　次数（25分）"), "环境整治次数");
        assert_eq!(normalise(" 投诉率 (1.5分)"), "投诉率");
        assert_eq!(normalise("ＡＢＣ 指标"), "ABC指标");
        assert_eq!(
            normalise("满意度(高分)"),
            "满意度(高分)",
            "only a numeric suffix is a weight"
        );
    }

    #[test]
    fn an_indicator_renamed_with_an_id_is_kept_and_marked_renamed() {
        let pairs = pairs("alpha", 2021, 2020);
        let p = named(&pairs, "业务培训人次")[0];
        assert_eq!(p.status, MatchStatus::Kept);
        assert!(p.renamed);
        assert_eq!(p.prior.as_ref().map(|s| s.name.as_str()), Some("培训人次"));
        assert_eq!(p.key, "id:train");
    }

    #[test]
    fn an_indicator_renamed_without_an_id_is_one_new_and_one_removed() {
        let pairs = pairs("alpha", 2022, 2021);
        assert_eq!(named(&pairs, "居民满意度")[0].status, MatchStatus::New);
        assert_eq!(named(&pairs, "群众满意度")[0].status, MatchStatus::Removed);
    }

    #[test]
    fn a_dropped_indicator_is_removed_and_a_new_one_is_new() {
        let pairs = pairs("alpha", 2022, 2021);
        assert_eq!(
            named(&pairs, "安全生产事故")[0].status,
            MatchStatus::Removed
        );
        assert_eq!(named(&pairs, "垃圾清运率")[0].status, MatchStatus::New);
        assert_eq!(pairs.len(), 6, "4 this year + 2 removed");
    }

    #[test]
    fn a_changed_weight_matches_across_width_and_suffix_and_is_marked() {
        let pairs = pairs("alpha", 2021, 2020);
        let p = named(&pairs, "环境整治次数")[0];
        assert_eq!(p.status, MatchStatus::Kept);
        assert!(p.weight_changed && !p.renamed);
        assert_eq!(p.target_change, None);
    }

    #[test]
    fn a_lowered_floor_is_a_lowered_target_and_a_higher_one_is_raised() {
        let pairs22 = pairs("alpha", 2022, 2021);
        assert_eq!(
            named(&pairs22, "环境整治次数")[0].target_change,
            Some(TargetChange::Lowered)
        );
        assert_eq!(
            named(&pairs22, "业务培训人次")[0].target_change,
            Some(TargetChange::Raised)
        );
    }
}
