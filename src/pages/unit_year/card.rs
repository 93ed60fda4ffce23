//! One 自评表 of a record's page: its header and funds blocks, its goals and indicator rows with
//! gongkai's rule figures beside the reported ones, and its charts.

use serde::Serialize;

use super::super::card_head::{self, FundsView, HeadField, card_title};
use super::super::findings::{FindingView, Numbered, take};
use super::super::{opt, rule_total};
use super::{Prose, anchor};
use crate::chart::{
    Axis, BarGroup, Completion, Datum, GoalCompletion, GroupedBars, completion, grouped_bars,
};
use crate::model::{Dec, Scorecard, Template};
use crate::render::{fmt_pct, fmt_score, markdown_to_html};
use crate::score::CardScore;
use crate::score::funds::funds_labels;

#[derive(Serialize)]
pub(super) struct CardView {
    anchor: String,
    title: String,
    /// The header block as printed (issue 16).
    head: Vec<HeadField>,
    /// The funds block in the official layout (issue 16).
    funds: Option<FundsView>,
    overall: Option<OverallView>,
    goals: Vec<GoalView>,
    reported_total: String,
    rule_total: String,
    /// Why the rule total is 未重算; empty when it was recomputed (issue 16).
    rule_note: String,
    /// 原文不全: where the document stops and that the totals are partial; empty otherwise.
    incomplete: String,
    weight_total: String,
    /// The grade printed beside the 总分 (优良中差), as printed; empty when none (issue 16).
    reported_grade: String,
    completion: String,
    prose: Vec<Prose>,
    chart_scores: String,
    chart_completion: String,
    findings: Vec<FindingView>,
    csv_href: String,
    /// The 预算执行 block's own CSV.
    exec_csv_href: String,
}

/// 项目绩效总目标 (Hubei) or 年度总体目标 (national, without weight and score).
#[derive(Serialize)]
struct OverallView {
    /// `项目绩效总目标` or `年度总体目标`.
    caption: &'static str,
    /// The table prints a weight: show 分值 and 得分.
    scored: bool,
    target: String,
    actual: String,
    weight: String,
    reported: String,
    rule: String,
    findings: Vec<FindingView>,
}

#[derive(Serialize)]
struct GoalView {
    name: String,
    /// The goal's text as printed; may be long, so it stands above the table.
    text: String,
    weight: String,
    reported: String,
    rule: String,
    /// Some row prints its target as 指标性质 / 指标值 / 度量单位: the table shows those columns.
    columns: bool,
    /// Some row prints a 指标解释 or 评分标准 (Anhui 评分表): the table shows those columns.
    sheet: bool,
    /// Show 指标值 and 实际完成值: some row prints them, or the table is not a 评分表.
    measured: bool,
    rows: Vec<RowView>,
}

#[derive(Serialize)]
struct RowView {
    level1: String,
    level2: String,
    name: String,
    target: String,
    actual: String,
    weight: String,
    reported: String,
    rule: String,
    explanation: String,
    differs: bool,
    deviation: String,
    /// 指标性质 / 指标值 / 度量单位 as printed (issue 16).
    nature: String,
    value: String,
    unit: String,
    /// 指标解释 and 评分标准 as printed (issue 16).
    definition: String,
    criteria: String,
    findings: Vec<FindingView>,
}

fn score(d: Option<Dec>) -> String {
    opt(d, fmt_score)
}

/// A rule score shown with at least the places the document prints (`2` → `2.0` in a table
/// that prints one place), never fewer than its own (up to 2), so a difference is never hidden.
/// A rule score as computed: 2 places at most, trailing zeros dropped (4.99, 3, 93.5).
fn rule_score(d: Option<Dec>) -> String {
    opt(d, |d| fmt_score(d.round(2).normalize()))
}

/// A figure of a cut table's visible part: marked "截至可见部分", never read as final.
fn partial_mark(shown: String) -> String {
    if shown == "—" {
        return shown;
    }
    format!("{shown}（{}）", super::super::PARTIAL)
}

/// A rule score, or "未重算" where no weight lets the rule score it (issue 16).
fn rule_or_not_recomputed(d: Option<Dec>, not_recomputed: bool) -> String {
    match d {
        None if not_recomputed => super::super::NOT_RECOMPUTED.to_owned(),
        d => rule_score(d),
    }
}

/// One of a row's 指标性质 / 指标值 / 度量单位 cells as printed; empty when blank.
fn column(
    ind: &crate::model::Indicator,
    cell: impl Fn(&crate::model::TargetColumns) -> &Option<String>,
) -> String {
    ind.columns
        .as_ref()
        .and_then(|c| cell(c).clone())
        .unwrap_or_default()
}

/// What a card's head needs from its page: unit name, template, unit of amounts.
pub(super) struct HeadCtx<'a> {
    pub(super) unit_name: &'a str,
    pub(super) template: Template,
    pub(super) amount_unit: &'a str,
    /// The record's cells typed with their unit (`Record::printed`).
    pub(super) printed: &'a std::collections::BTreeMap<String, String>,
}

pub(super) fn card_view(
    (csv_href, exec_csv_href): (String, String),
    head: &HeadCtx<'_>,
    card: &Scorecard,
    s: Option<&CardScore>,
    findings: &mut Vec<Numbered<'_>>,
) -> CardView {
    let partial = s.and_then(|s| s.partial.as_deref());
    let goals = card
        .goals
        .iter()
        .enumerate()
        .map(|(g, goal)| {
            let gs = s.and_then(|s| s.goals.get(g));
            let rows = goal
                .indicators
                .iter()
                .enumerate()
                .map(|(i, ind)| {
                    let is = gs.and_then(|gs| gs.indicators.get(i));
                    let field = format!("{}.goals[{g}].indicators[{i}]", card.field);
                    RowView {
                        level1: ind.level1.clone().unwrap_or_default(),
                        level2: ind.level2.clone().unwrap_or_default(),
                        name: ind.name.clone(),
                        target: ind
                            .target
                            .as_ref()
                            .map(|m| m.text.clone())
                            .unwrap_or_default(),
                        actual: ind
                            .actual
                            .as_ref()
                            .map(|m| m.text.clone())
                            .unwrap_or_default(),
                        weight: score(ind.weight),
                        reported: score(ind.score),
                        rule: rule_or_not_recomputed(
                            is.and_then(|i| i.rule),
                            is.is_some_and(|i| i.basis.is_not_recomputed()),
                        ),
                        explanation: is.map(|i| i.explanation.clone()).unwrap_or_default(),
                        differs: is.is_some_and(|i| i.differs),
                        deviation: ind.deviation.clone().unwrap_or_default(),
                        nature: column(ind, |c| &c.nature),
                        value: column(ind, |c| &c.value),
                        unit: column(ind, |c| &c.unit),
                        definition: ind.definition.clone().unwrap_or_default(),
                        criteria: ind.criteria.clone().unwrap_or_default(),
                        findings: take(findings, &field),
                    }
                })
                .collect();
            // The cut falls in the last goal: its sums are of the visible rows (issue 16).
            let cut = partial.is_some() && g + 1 == card.goals.len();
            let mark = |t: String| if cut { partial_mark(t) } else { t };
            GoalView {
                name: goal.name.clone(),
                text: goal.title.clone().unwrap_or_default(),
                weight: score(goal.weight),
                reported: mark(score(gs.and_then(|g| g.reported_total))),
                rule: mark(rule_or_not_recomputed(
                    gs.and_then(|g| g.rule_total),
                    gs.is_some_and(|g| g.indicators.iter().any(|i| i.basis.is_not_recomputed())),
                )),
                columns: goal.indicators.iter().any(|i| i.columns.is_some()),
                sheet: goal
                    .indicators
                    .iter()
                    .any(|i| i.definition.is_some() || i.criteria.is_some()),
                measured: goal
                    .indicators
                    .iter()
                    .all(|i| i.definition.is_none() && i.criteria.is_none())
                    || goal
                        .indicators
                        .iter()
                        .any(|i| i.target.is_some() || i.actual.is_some()),
                rows,
            }
        })
        .collect();
    let funds = s.and_then(|s| s.execution.as_ref()).and_then(|e| {
        let labels = funds_labels(head.template);
        card_head::funds(card, e, (labels, head.amount_unit), head.printed, findings)
    });
    let overall_field = format!("{}.overall_goal", card.field);
    let overall = card.overall_goal.as_ref().map(|o| OverallView {
        caption: match head.template {
            Template::Hubei => "项目绩效总目标",
            Template::National => "年度总体目标",
            Template::Sichuan => "项目年度目标",
        },
        scored: o.weight.is_some() || o.score.is_some(),
        target: o.target.clone(),
        actual: o.actual.clone().unwrap_or_default(),
        weight: score(o.weight),
        reported: score(o.score),
        rule: rule_score(s.and_then(|s| s.overall_goal.as_ref()).and_then(|o| o.rule)),
        findings: take(findings, &overall_field),
    });
    let prose = [
        ("偏差原因分析", &card.deviation_analysis),
        ("改进措施", &card.improvement),
        ("总体评价", &card.summary),
    ]
    .into_iter()
    .enumerate()
    .filter_map(|(i, (t, m))| {
        m.as_ref().map(|m| Prose {
            title: t.to_owned(),
            html: markdown_to_html(m, &format!("{}-p{i}-", anchor(card)), 4),
        })
    })
    .collect();
    let groups = s
        .map(|s| {
            s.goals
                .iter()
                .map(|g| BarGroup {
                    label: g.name.clone(),
                    values: [
                        g.weight.map(|d| Datum::new(d, fmt_score(d))),
                        g.reported_total.map(|d| Datum::new(d, fmt_score(d))),
                    ],
                })
                .collect()
        })
        .unwrap_or_default();
    // A cut table's charts say so in their title (read out as the chart's description).
    let title = match partial {
        Some(_) => format!("{}（原文不全，截至可见部分）", card_title(card)),
        None => card_title(card),
    };
    let chart_scores = grouped_bars(&GroupedBars {
        title: format!("{title}：各目标分值与得分"),
        axis: Axis {
            caption: "分".to_owned(),
            suffix: String::new(),
        },
        names: ["分值".to_owned(), "得分".to_owned()],
        groups,
    });
    let chart_completion = completion(&Completion {
        title: format!("{title}：各目标指标完成情况"),
        goals: s
            .map(|s| {
                s.goals
                    .iter()
                    .map(|g| GoalCompletion {
                        label: g.name.clone(),
                        met: g.completion.met,
                        not_met: g.completion.not_met(),
                    })
                    .collect()
            })
            .unwrap_or_default(),
    });
    CardView {
        anchor: anchor(card),
        title,
        head: card_head::header(card, head.unit_name),
        funds,
        overall,
        goals,
        reported_total: score(card.reported_total),
        rule_total: match partial {
            Some(_) => partial_mark(rule_score(s.and_then(super::super::visible_rule_total))),
            None => rule_or_not_recomputed(
                s.and_then(rule_total),
                s.is_some_and(|s| s.not_recomputed().is_some()),
            ),
        },
        incomplete: partial
            .map(super::super::incomplete_note)
            .unwrap_or_default(),
        rule_note: s
            .and_then(CardScore::not_recomputed)
            .map(|n| n.note().to_owned())
            .unwrap_or_default(),
        // The 合计 row's printed weight, where the parts cannot be added up (issue 16).
        weight_total: match (s.and_then(|s| s.weight_total), card.total_weight) {
            (None, Some(printed)) => format!("{}（原文）", fmt_score(printed)),
            (w, _) => score(w),
        },
        reported_grade: card.reported_grade.clone().unwrap_or_default(),
        completion: s
            .map(|s| {
                let c = if s.completion.unknown > 0 {
                    // Rows without a 完成值 are neither met nor not met (issue 16).
                    format!(
                        "{} / {}（{} 项未填完成值或无目标值，无法判定，不计完成率）",
                        s.completion.met, s.completion.indicators, s.completion.unknown
                    )
                } else {
                    format!(
                        "{} / {}（{}）",
                        s.completion.met,
                        s.completion.indicators,
                        opt(s.completion.rate, fmt_pct)
                    )
                };
                if partial.is_some() {
                    partial_mark(c)
                } else {
                    c
                }
            })
            .unwrap_or_default(),
        prose,
        chart_scores,
        chart_completion,
        findings: take(findings, &card.field),
        csv_href,
        exec_csv_href,
    }
}
