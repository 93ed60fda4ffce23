//! What the pages over many units (index, year pages, cross-unit comparisons) know of a unit:
//! a few figures per record, taken while the unit is in memory.
//!
//! In: one unit, its records' scores and the site's thresholds. Out: a [`UnitSummary`] of a few
//! hundred bytes per record. The streaming build keeps these and drops the records, so its
//! memory does not grow with the size of the records; the in-memory build takes the same
//! summaries from the whole corpus, so both render the same bytes.

use super::{execution_rate, main_card, rule_total};
use crate::check::Finding;
use crate::compare::{FigureKind, MEASURES, key_figures, record_flags};
use crate::model::{Dec, Pct, Thresholds, Unit, UnitId, Year};
use crate::score::{CardScore, CorpusScores, NotRecomputed, RecordScore};

/// One unit as the pages over many units see it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct UnitSummary {
    pub(crate) id: UnitId,
    pub(crate) name: String,
    pub(crate) short_name: String,
    /// By year, ascending (as the unit's records).
    pub(crate) records: Vec<RecordSummary>,
}

/// One record as the pages over many units see it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RecordSummary {
    pub(crate) year: Year,
    /// What the record publishes, in words ([`super::contents`]).
    pub(crate) contents: String,
    /// It has a 部门决算, published on its own page.
    pub(crate) final_accounts: bool,
    /// The figures of its main table.
    pub(crate) main: MainFigures,
    /// The texts of its flags ([`record_flags`]).
    pub(crate) flags: Vec<String>,
    /// One value per entry of [`MEASURES`].
    pub(crate) measures: Vec<Option<MeasureValue>>,
    /// Its findings, for the review desk (internal profile only; empty on the public one).
    pub(crate) findings: Vec<FindingRow>,
    /// 填报人 and 联系电话 as the record gives them (internal profile only; empty otherwise).
    pub(crate) contact: String,
}

/// One finding as the review desk (`review.html`, `data/findings.*`) lists it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FindingRow {
    /// Its number on the record's pages (the anchor `finding-<n>`).
    pub(crate) n: usize,
    pub(crate) code: String,
    /// The field path in the record.
    pub(crate) field: String,
    /// The table or part of the document the figure stands in, in the form's words.
    pub(crate) table: String,
    /// The line of the record file the field stands on.
    pub(crate) line: usize,
    pub(crate) stated: String,
    pub(crate) computed: String,
    pub(crate) rule: String,
    pub(crate) message: String,
    /// Also shown on the 部门决算 page.
    pub(crate) juesuan: bool,
}

/// The headline figures of a record's main table ([`main_card`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct MainFigures {
    /// Why the table's rule total could not be recomputed (shown as 未重算 and ranked
    /// nowhere, issue 16); `None` when it was, or without a table.
    pub(crate) not_recomputed: Option<NotRecomputed>,
    /// The reported total.
    pub(crate) reported: Option<Dec>,
    /// The rule total ([`rule_total`]).
    pub(crate) rule: Option<Dec>,
    /// 执行率 ([`execution_rate`]).
    pub(crate) execution: Option<Pct>,
    /// Indicator completion (`None` for a partial table).
    pub(crate) completion: Option<Pct>,
    /// A partial table's (原文不全) rule total over its visible rows, shown "截至可见部分" and
    /// never ranked (issue 16); `None` otherwise.
    pub(crate) visible_rule: Option<Dec>,
    /// A partial table's completion over its visible rows; `None` otherwise.
    pub(crate) visible_completion: Option<Pct>,
}

impl MainFigures {
    /// The figures of a record's scores (all `None` without scores or a main table).
    pub(crate) fn of(score: Option<&RecordScore>) -> MainFigures {
        let card = score.and_then(main_card);
        MainFigures {
            not_recomputed: card.and_then(CardScore::not_recomputed),
            reported: card.and_then(|c| c.reported_total),
            rule: card.and_then(rule_total),
            execution: card.and_then(execution_rate),
            completion: card.and_then(super::completion_rate),
            visible_rule: card
                .filter(|c| c.partial.is_some())
                .and_then(super::visible_rule_total),
            visible_completion: card
                .filter(|c| c.partial.is_some())
                .and_then(|c| c.completion.rate),
        }
    }
}

/// A figure of a record for one cross-unit measure.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub(crate) struct MeasureValue {
    pub(crate) value: Dec,
    /// The unit it is stated in (万元 for every amount, whatever the record's unit; 分, %).
    pub(crate) unit: &'static str,
    #[serde(skip)]
    pub(crate) kind: FigureKind,
}

fn unit_label(kind: FigureKind) -> &'static str {
    match kind {
        FigureKind::Money => "万元",
        FigureKind::Score => "分",
        FigureKind::Percent => "%",
    }
}

/// The summary of one unit; `internal`: the unit's findings, for the internal profile (then the
/// summary also keeps each record's findings and contact), `None` for the public one.
pub(crate) fn summarize(
    unit: &Unit,
    scores: &CorpusScores,
    t: &Thresholds,
    internal: Option<&[Finding]>,
) -> UnitSummary {
    let records = unit
        .records
        .iter()
        .map(|r| {
            let score = scores.get(&r.unit, r.year);
            let figures = key_figures(r, score);
            let measures = MEASURES
                .iter()
                .map(|(key, _)| {
                    let (_, _, kind, v) = figures.iter().find(|(k, ..)| k == key)?;
                    // Units are compared, charted and ranked side by side: every amount in
                    // 万元, converted exactly from a 元 record (issue 16).
                    let value = match kind {
                        FigureKind::Money => r.amount_unit.to_wan((*v)?)?,
                        _ => (*v)?,
                    };
                    Some(MeasureValue {
                        value,
                        unit: unit_label(*kind),
                        kind: *kind,
                    })
                })
                .collect();
            RecordSummary {
                year: r.year,
                contents: super::contents(r),
                final_accounts: r.final_accounts.is_some(),
                main: MainFigures::of(score),
                flags: record_flags(score, t).into_iter().map(|f| f.text).collect(),
                measures,
                findings: internal
                    .map(|findings| {
                        let of_record = findings
                            .iter()
                            .filter(|f| f.unit == r.unit && f.year == r.year);
                        super::review::rows(r, of_record)
                    })
                    .unwrap_or_default(),
                contact: internal
                    .and(r.contact.as_ref())
                    .map(contact_line)
                    .unwrap_or_default(),
            }
        })
        .collect();
    UnitSummary {
        id: unit.id.clone(),
        name: unit.name.clone(),
        short_name: unit.short_name.clone(),
        records,
    }
}

/// "填报人：…　联系电话：…", only what the record gives.
pub(crate) fn contact_line(c: &crate::model::Contact) -> String {
    let parts: Vec<String> = [("填报人", &c.name), ("联系电话", &c.phone)]
        .into_iter()
        .filter_map(|(label, v)| {
            let v = v.as_deref().map(str::trim).filter(|v| !v.is_empty())?;
            Some(format!("{label}：{v}"))
        })
        .collect();
    parts.join("　")
}

impl UnitSummary {
    /// The record of `year`, if the unit has one.
    pub(crate) fn record(&self, year: Year) -> Option<&RecordSummary> {
        self.records.iter().find(|r| r.year == year)
    }
}
