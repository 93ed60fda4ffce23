//! Every self-evaluation table of a record matched with last year's, then its indicators.
//!
//! In: two records and their rule scores. Out: one [`TableGroup`] per table of either year:
//! the 部门整体 table first, then this year's projects in order, then last year's projects
//! that did not continue. The 部门整体 table pairs with last year's 部门整体 table; a project
//! pairs with last year's project of the same [`normalise`]d name (scorecards carry no `id`).
//! Within a matched pair the indicators are matched by [`match_indicators`]. A table of only
//! one year is listed once, as new or removed, with its indicator count: never as one new or
//! removed row per indicator.

use serde::Serialize;

use super::indicators::{IndicatorPair, match_indicators, normalise};
use crate::model::{Goal, Record, Scorecard};
use crate::score::{CardScore, GoalScore, RecordScore};

/// The label of the 部门整体 table.
pub(crate) const WHOLE_LABEL: &str = "部门整体";

/// Whether a table continued from last year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum TableStatus {
    /// In both years: its indicators are matched one by one.
    Matched,
    /// Only this year.
    New,
    /// Only last year.
    Removed,
}

impl TableStatus {
    /// As a page prints it.
    pub(crate) fn label(self) -> &'static str {
        match self {
            TableStatus::Matched => "延续",
            TableStatus::New => "新增项目",
            TableStatus::Removed => "取消项目",
        }
    }
}

/// One table across the two years.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct TableGroup {
    /// `部门整体`, or the project's name as printed (this year's when matched).
    pub(crate) label: String,
    /// `true` for the 部门整体 table.
    pub(crate) whole: bool,
    pub(crate) status: TableStatus,
    /// Indicators of the table in the year it appears in (this year's when matched).
    pub(crate) indicator_count: usize,
    /// The indicator pairs; empty unless `status` is `Matched`.
    pub(crate) indicators: Vec<IndicatorPair>,
}

/// One table of one year with its rule scores.
struct Table<'a> {
    label: String,
    /// `None` for the 部门整体 table; a project without name or title never matches.
    key: Option<String>,
    goals: &'a [Goal],
    scores: &'a [GoalScore],
}

impl Table<'_> {
    fn count(&self) -> usize {
        self.goals.iter().map(|g| g.indicators.len()).sum()
    }
}

fn goal_scores(card: Option<&CardScore>) -> &[GoalScore] {
    card.map(|c| c.goals.as_slice()).unwrap_or_default()
}

fn project<'a>(i: usize, card: &'a Scorecard, score: Option<&'a RecordScore>) -> Table<'a> {
    let name = card
        .name
        .as_deref()
        .or(card.title.as_deref())
        .filter(|n| !n.trim().is_empty());
    Table {
        label: name.map_or_else(|| format!("项目{}", i + 1), str::to_owned),
        key: name.map(normalise),
        goals: &card.goals,
        scores: goal_scores(score.and_then(|s| s.projects.get(i))),
    }
}

/// The 部门整体 table and the project tables of a record.
fn tables<'a>(
    record: &'a Record,
    score: Option<&'a RecordScore>,
) -> (Option<Table<'a>>, Vec<Table<'a>>) {
    let whole = record.self_evaluation.as_ref().map(|c| Table {
        label: WHOLE_LABEL.to_owned(),
        key: None,
        goals: &c.goals,
        scores: goal_scores(score.and_then(|s| s.self_evaluation.as_ref())),
    });
    let projects = record
        .projects
        .iter()
        .enumerate()
        .map(|(i, c)| project(i, c, score))
        .collect();
    (whole, projects)
}

fn matched(now: &Table<'_>, before: &Table<'_>, whole: bool) -> TableGroup {
    TableGroup {
        label: now.label.clone(),
        whole,
        status: TableStatus::Matched,
        indicator_count: now.count(),
        indicators: match_indicators((now.goals, now.scores), (before.goals, before.scores)),
    }
}

fn alone(t: &Table<'_>, whole: bool, status: TableStatus) -> TableGroup {
    TableGroup {
        label: t.label.clone(),
        whole,
        status,
        indicator_count: t.count(),
        indicators: Vec::new(),
    }
}

/// Matches every table of this year's record with last year's.
pub(crate) fn match_tables(
    current: (&Record, Option<&RecordScore>),
    prior: (&Record, Option<&RecordScore>),
) -> Vec<TableGroup> {
    let (now_whole, now_projects) = tables(current.0, current.1);
    let (before_whole, before_projects) = tables(prior.0, prior.1);
    let mut out = Vec::new();
    match (&now_whole, &before_whole) {
        (Some(n), Some(b)) => out.push(matched(n, b, true)),
        (Some(n), None) => out.push(alone(n, true, TableStatus::New)),
        (None, Some(b)) => out.push(alone(b, true, TableStatus::Removed)),
        (None, None) => {}
    }
    let mut used = vec![false; before_projects.len()];
    for n in &now_projects {
        let found = n.key.as_ref().and_then(|key| {
            before_projects
                .iter()
                .enumerate()
                .position(|(j, b)| !used[j] && b.key.as_ref() == Some(key))
        });
        match found {
            Some(j) => {
                used[j] = true;
                out.push(matched(n, &before_projects[j], false));
            }
            None => out.push(alone(n, false, TableStatus::New)),
        }
    }
    for (j, b) in before_projects.iter().enumerate() {
        if !used[j] {
            out.push(alone(b, false, TableStatus::Removed));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::MatchStatus;
    use crate::compare::fixture::{corpus, record};

    fn groups(unit: &str, year: u16, prior: u16) -> Vec<TableGroup> {
        let (c, s) = corpus();
        let (r, p) = (record(&c, unit, year), record(&c, unit, prior));
        match_tables((r, s.get(&r.unit, r.year)), (p, s.get(&p.unit, p.year)))
    }

    fn labelled<'a>(groups: &'a [TableGroup], label: &str) -> Vec<&'a TableGroup> {
        groups.iter().filter(|g| g.label == label).collect()
    }

    #[test]
    fn the_whole_table_comes_first_and_is_matched_with_last_years() {
        let g = groups("alpha", 2022, 2021);
        assert_eq!(g.len(), 1, "alpha has no project tables");
        assert_eq!(g[0].label, WHOLE_LABEL);
        assert!(g[0].whole);
        assert_eq!(g[0].status, TableStatus::Matched);
        assert_eq!(g[0].indicators.len(), 6, "4 this year + 2 removed");
    }

    #[test]
    fn a_continuing_project_is_matched_by_normalised_name_and_its_indicators_paired() {
        let g = groups("beta", 2022, 2021);
        let p = labelled(&g, "背街小巷 整治（虚构）");
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].status, TableStatus::Matched);
        assert!(!p[0].whole);
        assert_eq!(p[0].indicators.len(), 2, "both indicators continue");
        assert!(
            p[0].indicators
                .iter()
                .all(|i| i.status == MatchStatus::Kept)
        );
        let lanes = &p[0].indicators[0];
        assert_eq!(
            lanes.current.as_ref().map(|s| s.name.as_str()),
            Some("整治小巷条数")
        );
        assert!(lanes.weight_changed, "weight 60 → 70");
        assert_eq!(
            lanes.prior.as_ref().and_then(|s| s.weight),
            Some(crate::model::Dec::from_int(60))
        );
    }

    #[test]
    fn a_discontinued_project_is_one_removed_entry_with_its_indicator_count() {
        let g = groups("beta", 2022, 2021);
        let p = labelled(&g, "老旧路灯更换（虚构）");
        assert_eq!(p.len(), 1, "listed once");
        assert_eq!(p[0].status, TableStatus::Removed);
        assert_eq!(p[0].indicator_count, 1);
        assert!(p[0].indicators.is_empty(), "no removed row per indicator");
        assert_eq!(
            g.last().map(|t| t.label.as_str()),
            Some("老旧路灯更换（虚构）")
        );
    }

    #[test]
    fn a_new_project_is_one_new_entry_with_its_indicator_count() {
        let g = groups("beta", 2022, 2021);
        let p = labelled(&g, "社区微改造（虚构）");
        assert_eq!(p.len(), 1, "listed once");
        assert_eq!(p[0].status, TableStatus::New);
        assert_eq!(p[0].indicator_count, 2);
        assert!(p[0].indicators.is_empty(), "no new row per indicator");
        assert_eq!(g.len(), 4, "部门整体, two projects of 2022, one of 2021");
    }
}
