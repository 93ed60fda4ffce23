//! Stage 2: scores every scorecard by the published rules (`domain.md` §1). Pure, no IO.
//!
//! In: a validated [`Corpus`]. Out: [`CorpusScores`], one [`RecordScore`] per record in corpus
//! order, holding gongkai's rule figures beside (never instead of) the reported ones. Every
//! [`IndicatorScore`] says which rule applied ([`Basis`]) and shows the computation in Chinese
//! words, so pages and findings can show the rule. Never judges: differences between stated and
//! computed figures become findings in `check`, not here.
//!
//! - [`execution`]: 执行率 and its score.
//! - [`performance`]: the rule score of one indicator.
//! - [`completion`]: met / not met and 完成率.
//! - [`bands`]: qualitative bands and the national grade.
//! - [`aggregate`], [`projects`]: funds-weighted aggregation across projects.
//! - `card`: one table's figures, assembled.

pub(crate) mod aggregate;
pub(crate) mod bands;
mod card;
pub(crate) mod completion;
pub(crate) mod execution;
pub(crate) mod funds;
pub(crate) mod headline;
pub(crate) mod performance;
pub(crate) mod projects;
pub(crate) mod text;

#[cfg(test)]
pub(crate) mod fixtures;
#[cfg(test)]
pub(crate) mod seed_cards;

pub(crate) mod accounts;

use std::collections::BTreeMap;

use serde::Serialize;

pub(crate) use bands::{Band, Grade};
pub(crate) use card::{NotRecomputed, score_card};
pub(crate) use completion::{Completion, MetBasis};
pub(crate) use execution::ExecutionScore;
pub(crate) use performance::{Basis, Flag};
pub(crate) use projects::ProjectAggregate;

use crate::model::{Corpus, Dec, Record, Template, UnitId, Year};

/// Scores of every record, in corpus order (units, then years).
#[derive(Debug, Default, Serialize)]
pub struct CorpusScores {
    /// One per record.
    pub records: Vec<RecordScore>,
    /// (unit, year) → index into `records`, so that a page finds its record's scores without
    /// a scan (a scan per page made the build quadratic in the number of records).
    #[serde(skip)]
    index: BTreeMap<(UnitId, Year), usize>,
}

impl CorpusScores {
    /// Scores in corpus order, indexed by unit and year (the first wins if one repeats).
    pub fn new(records: Vec<RecordScore>) -> CorpusScores {
        let mut index = BTreeMap::new();
        for (i, r) in records.iter().enumerate() {
            index.entry((r.unit.clone(), r.year)).or_insert(i);
        }
        CorpusScores { records, index }
    }

    /// The scores of one record.
    pub fn get(&self, unit: &UnitId, year: Year) -> Option<&RecordScore> {
        self.index
            .get(&(unit.clone(), year))
            .and_then(|&i| self.records.get(i))
    }
}

/// Rule figures of one record.
#[derive(Debug, Serialize)]
pub struct RecordScore {
    /// The unit.
    pub unit: UnitId,
    /// The year.
    pub year: Year,
    /// The template the record follows.
    pub template: Template,
    /// The 部门整体 table.
    pub self_evaluation: Option<CardScore>,
    /// The project tables, parallel to `Record::projects`.
    pub projects: Vec<CardScore>,
    /// Project scores weighted by funds; `None` without project tables.
    pub project_aggregate: Option<ProjectAggregate>,
}

/// Rule figures of one self-evaluation table (部门整体 or a project).
#[derive(Debug, Clone, Serialize)]
pub struct CardScore {
    /// Field path of the table (`self_evaluation`, `projects[1]`).
    pub field: String,
    /// Project name; `None` for the 部门整体 table.
    pub name: Option<String>,
    /// 预算执行.
    pub execution: Option<ExecutionScore>,
    /// 项目绩效总目标.
    pub overall_goal: Option<OverallGoalScore>,
    /// Parallel to `Scorecard::goals`.
    pub goals: Vec<GoalScore>,
    /// 预算执行 W + 总目标 weight + Σ goal weights; `None` when a goal has no weight.
    pub weight_total: Option<Dec>,
    /// 预算执行 + 总目标 + Σ goal subtotals of rounded rows; `None` when a part has no score.
    pub rule_total: Option<Dec>,
    /// 总分 as printed.
    pub reported_total: Option<Dec>,
    /// Σ of the printed row scores (预算执行 + 总目标 + indicators); `None` when one is missing.
    pub reported_sum: Option<Dec>,
    /// Decimal places the document prints its scores in (at least 1): the precision at which
    /// a stated score "differs from the rule".
    pub precision: u32,
    /// 完成率 over all indicators of the table.
    pub completion: Completion,
    /// 优良中差 of the rule total (national template only).
    pub grade: Option<Grade>,
    /// 优良中差 of the reported total (national template only).
    pub reported_grade: Option<Grade>,
    /// The total in words.
    pub explanation: String,
    /// 原文不全: where the document stops (issue 16). Every total, subtotal, completion and
    /// grade of the table is then of the visible part only ("截至可见部分"), never final, and
    /// the table ranks nowhere.
    pub partial: Option<String>,
}

/// 项目绩效总目标: qualitative, the reported score is kept.
#[derive(Debug, Clone, Serialize)]
pub struct OverallGoalScore {
    /// Weight (20 in the Wuhan project table); `None` when none is printed (national).
    pub weight: Option<Dec>,
    /// As printed.
    pub reported: Option<Dec>,
    /// The reported score (qualitative rule).
    pub rule: Option<Dec>,
    /// Band of the reported score.
    pub band: Option<Band>,
}

/// Rule figures of one 年度绩效目标.
#[derive(Debug, Clone, Serialize)]
pub struct GoalScore {
    /// The goal's label.
    pub name: String,
    /// The goal's weight as printed.
    pub weight: Option<Dec>,
    /// Σ of its indicators' weights; `None` when one has no weight.
    pub indicator_weights: Option<Dec>,
    /// Σ of the rounded row rule scores; `None` when a row has no score.
    pub rule_total: Option<Dec>,
    /// Σ of the printed row scores; `None` when one is missing.
    pub reported_total: Option<Dec>,
    /// 完成率 of the goal.
    pub completion: Completion,
    /// Parallel to `Goal::indicators`.
    pub indicators: Vec<IndicatorScore>,
}

/// Rule figures of one indicator.
#[derive(Debug, Clone, Serialize)]
pub struct IndicatorScore {
    /// The indicator's name.
    pub name: String,
    /// Weight as printed.
    pub weight: Option<Dec>,
    /// Score as printed.
    pub reported: Option<Dec>,
    /// The rule's score (2 dp); the reported score where no formula applies; `None` when no
    /// rule can score it (no weight printed: 未重算, issue 16).
    pub rule: Option<Dec>,
    /// Which rule applied.
    pub basis: Basis,
    /// Flags.
    pub flags: Vec<Flag>,
    /// The computation in words, e.g. `正向指标：5 × min(99.89 ÷ 100, 1) = 4.99`.
    pub explanation: String,
    /// A formula applied and the reported score differs from it at the table's precision.
    pub differs: bool,
    /// The band the reported score falls in (qualitative rows).
    pub band: Option<Band>,
    /// Listed under 未完成的绩效目标 in the report.
    pub listed_unmet: bool,
    /// Whether the band matches the status (explicit, or "not met" when listed); `None` when
    /// there is nothing to check.
    pub band_ok: Option<bool>,
    /// Did the indicator meet its target?
    pub met: bool,
    /// Why it counts as met or not.
    pub met_basis: MetBasis,
}

/// Scores every record.
pub fn score_corpus(corpus: &Corpus) -> CorpusScores {
    CorpusScores::new(
        corpus
            .units
            .iter()
            .flat_map(|u| u.records.iter())
            .map(score_record)
            .collect(),
    )
}

/// Scores one record: its 部门整体 table, each project table, and the projects' aggregate.
pub(crate) fn score_record(r: &Record) -> RecordScore {
    let self_evaluation = r
        .self_evaluation
        .as_ref()
        .map(|c| score_card(r.template, c));
    let projects: Vec<CardScore> = r
        .projects
        .iter()
        .map(|c| score_card(r.template, c))
        .collect();
    let project_aggregate = projects::aggregate_projects(&r.projects, &projects);
    RecordScore {
        unit: r.unit.clone(),
        year: r.year,
        template: r.template,
        self_evaluation,
        projects,
        project_aggregate,
    }
}
