//! The 绩效自评报告 of a record (`report`): each sentence's amount with the parts it lists,
//! and each count with what it lists, as printed; on the internal profile with the findings
//! of `check::report` beside them (issue 16).
//!
//! In: the record. Out: the page section's view. Also [`money_cell`], an amount as a page shows
//! it: the record's figure, and the cell as printed when it was typed with its unit. Never
//! recomputes or corrects a stated figure.

use serde::Serialize;

use super::findings::{FindingView, Numbered, take};
use crate::model::amount::split_unit;
use crate::model::{Dec, Record};
use crate::render::{fmt_money, fmt_money_exact, fmt_pct_printed};

/// An amount as a page shows it (in the record's unit): the cell as printed when the record
/// typed it with its unit (`10000万元`), and when that unit is not the record's, the figure in
/// the record's unit beside it (`387664.62元（合 38.766462 万元）`); otherwise the figure.
pub(crate) fn money_cell(record: &Record, field: &str, value: Dec) -> String {
    match record.printed.get(field) {
        Some(printed) => printed_money(printed, value, record.amount_unit.label()),
        None => fmt_money(value),
    }
}

/// A cell typed with its unit (`printed`), and `value` in the record's `unit` beside it when
/// the units differ.
pub(crate) fn printed_money(printed: &str, value: Dec, unit: &str) -> String {
    if split_unit(printed).is_some_and(|(_, u)| u == unit) {
        printed.to_owned()
    } else {
        format!("{printed}（合 {} {unit}）", fmt_money_exact(value))
    }
}

/// A cell with the record's unit after it, unless it was printed with its own.
fn with_unit(record: &Record, cell: String) -> String {
    if cell.contains('元') {
        cell
    } else {
        format!("{cell} {}", record.amount_unit.label())
    }
}

#[derive(Serialize)]
pub(super) struct ReportView {
    title: String,
    statements: Vec<StatementView>,
    counts: Vec<CountView>,
    findings: Vec<FindingView>,
}

#[derive(Serialize)]
struct StatementView {
    at: String,
    subject: String,
    name: String,
    amount: String,
    /// (name, amount).
    parts: Vec<(String, String)>,
    /// The list ends in 等.
    open: bool,
    findings: Vec<FindingView>,
}

#[derive(Serialize)]
struct CountView {
    at: String,
    name: String,
    count: String,
    /// (name, count or "", rate or "").
    items: Vec<(String, String, String)>,
    open: bool,
    findings: Vec<FindingView>,
}

/// The section; takes the record's findings under `report` out of `findings`.
pub(super) fn report_view(record: &Record, findings: &mut Vec<Numbered<'_>>) -> Option<ReportView> {
    let r = record.report.as_ref()?;
    let statements = r
        .statements
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let at = format!("report.statements[{i}]");
            StatementView {
                at: s.at.clone().unwrap_or_default(),
                subject: s.subject.clone().unwrap_or_default(),
                name: s.name.clone(),
                amount: with_unit(
                    record,
                    money_cell(record, &format!("{at}.amount"), s.amount),
                ),
                parts: s
                    .parts
                    .iter()
                    .enumerate()
                    .map(|(j, p)| {
                        let field = format!("{at}.parts[{j}].amount");
                        (p.name.clone(), money_cell(record, &field, p.amount))
                    })
                    .collect(),
                open: s.open,
                findings: take(findings, &at),
            }
        })
        .collect();
    let counts = r
        .counts
        .iter()
        .enumerate()
        .map(|(i, c)| CountView {
            at: c.at.clone().unwrap_or_default(),
            name: c.name.clone(),
            count: c.count.to_string(),
            items: c
                .items
                .iter()
                .map(|item| {
                    (
                        item.name.clone(),
                        item.count.map(|n| n.to_string()).unwrap_or_default(),
                        item.rate.map(fmt_pct_printed).unwrap_or_default(),
                    )
                })
                .collect(),
            open: c.open,
            findings: take(findings, &format!("report.counts[{i}]")),
        })
        .collect();
    Some(ReportView {
        title: r.title.clone().unwrap_or_else(|| "绩效自评报告".to_owned()),
        statements,
        counts,
        findings: take(findings, "report"),
    })
}
