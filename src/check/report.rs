//! The 绩效自评报告 audit: what its text states about amounts, their parts and counts.
//!
//! In: the [`Corpus`]. Out: findings
//! - `report.parts_sum`: a closed list of parts that does not add up to the amount it explains;
//! - `report.parts_exceed`: an open list (ending in 等) whose parts exceed that amount;
//! - `report.count`: a stated count against the items the text lists (a closed list must
//!   reach it exactly, an open one must not exceed it);
//! - `report.amount_conflict`: the same named amount stated with two different values;
//! - `report.unit_name`: a sentence whose subject is not the unit (neither its name, short
//!   name nor an alias), such as another unit's name left in a copied report.
//!
//! Runs only on what the record states (issue 16); never panics.

use super::Finding;
use super::accounts::{Audit, Claim, amount_matches};
use crate::model::{Corpus, Dec, Record, Report, Unit};
use crate::score::text::normalize;

const SUM_RULE: &str = "“其中”所列各部分之和 = 所述总额";
const OPEN_RULE: &str = "以“等”结尾的部分列举，其和不应超过所述总额";
const COUNT_RULE: &str = "所述个数 = 文中列举的个数（以“等”结尾的列举不应超过所述个数）";
const CONFLICT_RULE: &str = "同一名称的金额在报告中前后应一致";
const UNIT_RULE: &str = "报告所述主体应为本单位（单位名称、简称或别名）";

/// Audits the report of every record that has one.
pub(super) fn check(corpus: &Corpus) -> Vec<Finding> {
    let mut findings = Vec::new();
    for unit in &corpus.units {
        for record in &unit.records {
            if let Some(report) = &record.report {
                findings.extend(check_report(unit, record, report));
            }
        }
    }
    findings
}

fn claim(code: &'static str, field: String, what: String, rule: &'static str) -> Claim<'static> {
    Claim {
        code,
        field,
        what,
        basis: "",
        rule,
    }
}

fn check_report(unit: &Unit, record: &Record, report: &Report) -> Vec<Finding> {
    let mut audit = Audit::new(record);
    let u = record.amount_unit.label();
    for (i, s) in report.statements.iter().enumerate() {
        let at = format!("report.statements[{i}]");
        let place =
            s.at.as_deref()
                .map(|a| format!("{a}："))
                .unwrap_or_default();
        if !s.parts.is_empty()
            && let Some(sum) = Dec::checked_sum(s.parts.iter().map(|p| p.amount))
        {
            let parts: Vec<String> = s.parts.iter().map(|p| p.amount.to_string()).collect();
            let shown = format!("{} = {sum}", parts.join(" + "));
            if !s.open && !amount_matches(s.amount, sum) {
                let c = claim(
                    "report.parts_sum",
                    format!("{at}.amount"),
                    String::new(),
                    SUM_RULE,
                );
                let message = format!(
                    "{place}{}为 {} {u}，其中所列各部分之和为 {shown} {u}",
                    s.name, s.amount
                );
                audit.push(
                    &c,
                    Some(s.amount.to_string()),
                    Some(sum.to_string()),
                    message,
                );
            } else if s.open && sum > s.amount {
                let c = claim(
                    "report.parts_exceed",
                    format!("{at}.amount"),
                    String::new(),
                    OPEN_RULE,
                );
                let message = format!(
                    "{place}{}为 {} {u}，所列部分（“等”）之和已达 {shown} {u}，超过总额",
                    s.name, s.amount
                );
                audit.push(
                    &c,
                    Some(s.amount.to_string()),
                    Some(sum.to_string()),
                    message,
                );
            }
        }
        if let Some(subject) = &s.subject
            && !names_unit(unit, subject)
        {
            let c = claim(
                "report.unit_name",
                format!("{at}.subject"),
                String::new(),
                UNIT_RULE,
            );
            let message = format!(
                "{place}报告所述主体为“{subject}”，不是本单位（{}）",
                unit.name
            );
            audit.push(&c, Some(subject.clone()), Some(unit.name.clone()), message);
        }
    }
    conflicts(&mut audit, report, u);
    for (i, c) in report.counts.iter().enumerate() {
        let listed = Dec::checked_sum(
            c.items
                .iter()
                .map(|item| item.count.unwrap_or(Dec::from_int(1))),
        );
        let Some(listed) = listed.filter(|_| !c.items.is_empty()) else {
            continue;
        };
        let wrong = if c.open {
            listed > c.count
        } else {
            listed != c.count
        };
        if wrong {
            let place =
                c.at.as_deref()
                    .map(|a| format!("{a}："))
                    .unwrap_or_default();
            let cl = claim(
                "report.count",
                format!("report.counts[{i}].count"),
                String::new(),
                COUNT_RULE,
            );
            let message = format!(
                "{place}文中称{}共 {} 个，所列{}合计 {listed} 个",
                c.name, c.count, c.name
            );
            audit.push(
                &cl,
                Some(c.count.to_string()),
                Some(listed.to_string()),
                message,
            );
        }
    }
    audit.findings
}

/// Every amount the report names (a statement's total and each part), by normalised name, in
/// the order stated: a name stated with a second, different value is a finding at the second.
fn conflicts(audit: &mut Audit<'_>, report: &Report, u: &str) {
    let mut seen: Vec<(String, Dec, String)> = Vec::new();
    for (i, s) in report.statements.iter().enumerate() {
        let at = format!("report.statements[{i}]");
        let place = s.at.clone().unwrap_or_default();
        let named = std::iter::once((s.name.as_str(), s.amount, format!("{at}.amount"))).chain(
            s.parts
                .iter()
                .enumerate()
                .map(|(j, p)| (p.name.as_str(), p.amount, format!("{at}.parts[{j}].amount"))),
        );
        for (name, amount, field) in named {
            let key = normalize(name);
            match seen.iter().find(|(k, ..)| *k == key) {
                Some((_, first, where_first)) if *first != amount => {
                    let c = claim(
                        "report.amount_conflict",
                        field,
                        String::new(),
                        CONFLICT_RULE,
                    );
                    let message = format!(
                        "{name}在{where_first}为 {first} {u}，在{}为 {amount} {u}",
                        if place.is_empty() { "后文" } else { &place }
                    );
                    audit.push(
                        &c,
                        Some(amount.to_string()),
                        Some(first.to_string()),
                        message,
                    );
                }
                Some(_) => {}
                None => seen.push((
                    key,
                    amount,
                    if place.is_empty() {
                        "前文".to_owned()
                    } else {
                        place.clone()
                    },
                )),
            }
        }
    }
}

/// Whether `name` is the unit: its name, short name or an alias (ignoring spaces and width).
fn names_unit(unit: &Unit, name: &str) -> bool {
    let n = normalize(name);
    std::iter::once(&unit.name)
        .chain(std::iter::once(&unit.short_name))
        .chain(unit.aliases.iter())
        .any(|u| normalize(u) == n)
}

#[cfg(test)]
mod tests;
