//! Stage 3: audit. Every inconsistency between what a record states and what the rules give.
//!
//! In: the [`Corpus`] and its [`CorpusScores`]. Out: a [`Report`] of [`Finding`]s, sorted by
//! record and field. Each finding names the record, the field path and its location, the stated
//! value, the computed value and the rule in words. Findings are warnings: they never stop a
//! build unless the user asks for `--strict`.

mod accounts;
mod scoring;
mod targets;

use serde::Serialize;

use crate::error::Location;
use crate::model::{Corpus, UnitId, Year};
use crate::score::CorpusScores;

/// One audit finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Stable code, e.g. `score.mismatch`, `accounts.procurement_sum`.
    pub code: &'static str,
    /// The unit.
    pub unit: UnitId,
    /// The year.
    pub year: Year,
    /// Field path in the record (`self_evaluation.goals[1].indicators[1].score`).
    pub field: String,
    /// Where the field stands in its file.
    pub location: Location,
    /// The value as the document states it.
    pub stated: Option<String>,
    /// The value gongkai computes.
    pub computed: Option<String>,
    /// The rule, in words (Chinese, as shown on internal pages).
    pub rule: String,
    /// One-line summary (Chinese), naming the figure.
    pub message: String,
}

/// All findings of a run.
#[derive(Debug, Default, Serialize)]
pub struct Report {
    /// Sorted by unit, year, location.
    pub findings: Vec<Finding>,
}

/// Audits every record.
pub fn check(corpus: &Corpus, scores: &CorpusScores) -> Report {
    let mut findings = Vec::new();
    findings.extend(scoring::audit(corpus, scores));
    findings.extend(accounts::check(corpus));
    findings.extend(targets::check(corpus));
    findings.sort_by(|a, b| {
        (&a.unit, a.year, &a.location, a.code, &a.field).cmp(&(
            &b.unit,
            b.year,
            &b.location,
            b.code,
            &b.field,
        ))
    });
    Report { findings }
}

impl Report {
    /// Human output, grouped by record: a heading per record, then each finding with its
    /// location, code, message, stated and computed values and the rule; a count at the end.
    pub fn to_human(&self, corpus: &Corpus) -> String {
        use std::fmt::Write as _;
        let mut s = String::new();
        let mut current: Option<(&UnitId, Year)> = None;
        let mut records = 0;
        // Looked up once per record, not by scanning: linear in the corpus at 10,000 records.
        let names: std::collections::BTreeMap<&str, &str> = corpus
            .units
            .iter()
            .map(|u| (u.id.as_str(), u.short_name.as_str()))
            .collect();
        for (i, f) in self.findings.iter().enumerate() {
            if current != Some((&f.unit, f.year)) {
                current = Some((&f.unit, f.year));
                records += 1;
                let name = names
                    .get(f.unit.as_str())
                    .copied()
                    .unwrap_or(f.unit.as_str());
                // Findings are sorted by unit and year: a record's findings are contiguous.
                let n = self.findings[i..]
                    .iter()
                    .take_while(|g| g.unit == f.unit && g.year == f.year)
                    .count();
                let _ = writeln!(
                    s,
                    "\n{name} {} ({}): {n} finding(s)",
                    f.year, f.location.path
                );
            }
            let _ = writeln!(s, "  {}: [{}] {}", f.location, f.code, f.message);
            if f.stated.is_some() || f.computed.is_some() {
                let _ = writeln!(
                    s,
                    "      stated: {}  computed: {}",
                    f.stated.as_deref().unwrap_or("—"),
                    f.computed.as_deref().unwrap_or("—")
                );
            }
            let _ = writeln!(s, "      rule: {}", f.rule);
        }
        let n = self.findings.len();
        let _ = writeln!(
            s,
            "{}{n} finding(s) in {records} record(s); findings are warnings (use --strict to fail on them)",
            if n == 0 { "" } else { "\n" }
        );
        s
    }

    /// Stable JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|_| "{}".into()) + "\n"
    }
}
