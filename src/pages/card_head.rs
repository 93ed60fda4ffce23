//! The head of a 自评表 on the unit-year page (issue 16): the header block as printed (单位名称,
//! 基本/项目支出总额, 填报日期; for a project 项目名称, 主管部门, 实施单位) and the funds block
//! in the official layout (年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分, one row per
//! printed row). Printed cells are shown as printed (a figure with its own places, a mark as
//! its glyph); the computed 执行率 and rule score stand beside them, "—" with the reason where
//! they cannot be computed, on both profiles, as the rule scores of the indicator rows do (the
//! issue: "the computed one stands beside it"). Never shows 填报人 or a phone number.

use serde::Serialize;

use super::findings::{FindingView, Numbered, take};
use crate::model::cell::CellFigure;
use crate::model::{Cell, Dec, FundsRow, Pct, Scorecard};
use crate::render::{fmt_money_printed, fmt_pct, fmt_pct_printed, fmt_score};
use crate::score::ExecutionScore;
use crate::score::funds::{FundsLabels, SumCheck};

/// The heading of a card's section (also its title in the search index).
pub(crate) fn card_title(card: &Scorecard) -> String {
    match (&card.title, &card.name) {
        (Some(t), _) => t.clone(),
        (None, Some(n)) => format!("{n}项目支出绩效自评表"),
        (None, None) => "部门整体支出绩效自评表".to_owned(),
    }
}

/// One printed header field: label and value.
#[derive(Serialize)]
pub(super) struct HeadField {
    label: &'static str,
    value: String,
}

/// The header block: only what the record holds. A field left out is not listed, on either
/// profile: the national and Sichuan layouts print no 基本/项目支出总额, so "未填报" would say
/// the unit failed to fill a field its form does not have.
pub(super) fn header(card: &Scorecard, unit_name: &str) -> Vec<HeadField> {
    let money = |d: Option<Dec>| d.map(fmt_money_printed);
    let fields: Vec<(&'static str, Option<String>)> = match &card.name {
        None => vec![
            ("单位名称", Some(unit_name.to_owned())),
            ("基本支出总额", money(card.basic_expenditure)),
            ("项目支出总额", money(card.project_expenditure)),
            ("填报日期", card.filled_on.clone()),
        ],
        Some(name) => vec![
            ("项目名称", Some(name.clone())),
            ("主管部门", card.department.clone()),
            ("实施单位", card.implementer.clone()),
            ("填报日期", card.filled_on.clone()),
        ],
    };
    fields
        .into_iter()
        .filter_map(|(label, value)| value.map(|value| HeadField { label, value }))
        .collect()
}

/// The funds block.
#[derive(Serialize)]
pub(super) struct FundsView {
    /// `项目资金（万元）` or `预算资金（万元）`.
    caption: String,
    labels: FundsLabels,
    /// Columns the block prints (a column no row holds is not shown).
    initial_budget: bool,
    reason: bool,
    rows: Vec<FundsRowView>,
    /// What could not be computed or checked, and why.
    notes: Vec<String>,
    explanation: String,
    findings: Vec<FindingView>,
}

/// One printed row of the funds block.
#[derive(Serialize)]
struct FundsRowView {
    name: String,
    total: bool,
    initial_budget: String,
    budget: String,
    actual: String,
    weight: String,
    rate: String,
    score: String,
    reason: String,
    rule_rate: String,
    rule_score: String,
}

fn printed<T: CellFigure>(cell: Option<&Cell<T>>, show: impl Fn(T) -> String) -> String {
    match cell {
        Some(Cell::Figure(f)) => show(*f),
        Some(Cell::Mark(m)) => m.printed().to_owned(),
        None => String::new(),
    }
}

fn amount(cell: Option<&Cell<Dec>>) -> String {
    printed(cell, fmt_money_printed)
}

fn rate(cell: Option<&Cell<Pct>>) -> String {
    printed(cell, fmt_pct_printed)
}

/// An amount cell as printed: a figure typed with its unit in the cell (`2518900元`) is shown
/// so, with the figure in the record's unit beside it when the units differ (issue 16).
fn amount_at(cell: Option<&Cell<Dec>>, at: &Printed<'_>, key: &str) -> String {
    match cell {
        Some(Cell::Figure(v)) => {
            let field = format!("{}.{key}", at.base);
            match at.printed.get(&field) {
                Some(p) => super::report::printed_money(p, *v, at.unit),
                None => fmt_money_printed(*v),
            }
        }
        other => amount(other),
    }
}

/// Where a funds row's cells stand in the record, and what the record kept as printed.
pub(super) struct Printed<'a> {
    /// The record's `printed` map (field path → the cell's text).
    pub printed: &'a std::collections::BTreeMap<String, String>,
    /// The row's field path (`projects[0].execution`, `….parts[1]`).
    pub base: String,
    /// The record's amount unit as printed (`万元`).
    pub unit: &'a str,
}

fn row_view(name: String, total: bool, row: &FundsRow, at: &Printed<'_>) -> FundsRowView {
    FundsRowView {
        name,
        total,
        initial_budget: amount_at(row.initial_budget.as_ref(), at, "initial_budget"),
        budget: amount_at(row.budget.as_ref(), at, "budget"),
        actual: amount_at(row.actual.as_ref(), at, "actual"),
        weight: printed(row.weight.as_ref(), fmt_score),
        rate: rate(row.rate.as_ref()),
        score: printed(row.score.as_ref(), fmt_score),
        reason: row.reason.clone().unwrap_or_default(),
        rule_rate: String::new(),
        rule_score: String::new(),
    }
}

/// The funds block of `card` as printed, with the rule figures of `es`.
pub(super) fn funds(
    card: &Scorecard,
    es: &ExecutionScore,
    (labels, unit): (FundsLabels, &str),
    printed_cells: &std::collections::BTreeMap<String, String>,
    findings: &mut Vec<Numbered<'_>>,
) -> Option<FundsView> {
    let ex = card.execution.as_ref()?;
    let at = |base: String| Printed {
        printed: printed_cells,
        base,
        unit,
    };
    let base = format!("{}.execution", card.field);
    let mut total = row_view(labels.total.to_owned(), true, &ex.total, &at(base.clone()));
    if ex.total.weight.is_none() {
        // A block that prints no 分值 (the Hubei tables): the template's weight, as before.
        total.weight = fmt_score(es.weight);
    }
    total.rule_rate = es.rate.map_or_else(|| "—".to_owned(), fmt_pct);
    total.rule_score = es
        .rule
        .map_or_else(|| "—".to_owned(), |d| fmt_score(d.round(2).normalize()));
    let mut notes = Vec::new();
    if let Some(n) = &es.rate_note {
        notes.push(format!("{}：{n}。", labels.total));
    }
    let mut rows = vec![total];
    for (i, (p, ps)) in ex.parts.iter().zip(&es.parts).enumerate() {
        let mut v = row_view(ps.name.clone(), false, p, &at(format!("{base}.parts[{i}]")));
        v.rule_rate = ps.rate.map_or_else(|| "—".to_owned(), fmt_pct);
        if let Some(n) = &ps.rate_note {
            notes.push(format!("{}：{n}。", ps.name));
        }
        rows.push(v);
    }
    let (partial, unchecked): (Vec<_>, Vec<_>) = es
        .sums
        .iter()
        .filter(|s| matches!(s.check, SumCheck::Partial | SumCheck::NotCheckable))
        .partition(|s| s.check == SumCheck::Partial);
    if !partial.is_empty() {
        let sums: Vec<String> = partial
            .iter()
            .map(|s| {
                let typed = s.typed_sum.map(fmt_money_printed).unwrap_or_default();
                format!("{} {typed}", s.column.label(&labels))
            })
            .collect();
        let mut untyped: Vec<&str> = Vec::new();
        for u in partial.iter().flat_map(|s| s.untyped.iter()) {
            if !untyped.contains(&u.as_str()) {
                untyped.push(u);
            }
        }
        notes.push(format!(
            "其中 {} 未印数字：{}与其中各项无法完全核对，已印各项合计（{}）未超过总额。",
            untyped.join("、"),
            labels.total,
            sums.join("，")
        ));
    }
    if !unchecked.is_empty() {
        let cols: Vec<&str> = unchecked.iter().map(|s| s.column.label(&labels)).collect();
        notes.push(format!(
            "{}：{}或其中各项均未印数字，无法核对。",
            cols.join("、"),
            labels.total
        ));
    }
    let kind = if card.name.is_some() {
        "项目资金"
    } else {
        "预算资金"
    };
    Some(FundsView {
        caption: format!("{kind}（{unit}）"),
        labels,
        initial_budget: rows.iter().any(|r| !r.initial_budget.is_empty())
            || ex.total.initial_budget.is_some(),
        reason: ex.total.reason.is_some() || ex.parts.iter().any(|p| p.reason.is_some()),
        rows,
        notes,
        explanation: es.explanation.clone(),
        findings: take(findings, &format!("{}.execution", card.field)),
    })
}
