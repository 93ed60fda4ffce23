//! Stage 3: audit. Every inconsistency between what a record states and what the rules give.
//!
//! In: the [`Corpus`] and its [`CorpusScores`]. Out: a [`Report`] of [`Finding`]s, sorted by
//! record and field. Each finding names the record, the field path and its location, the stated
//! value, the computed value and the rule in words. Findings are warnings: they never stop a
//! build unless the user asks for `--strict`.

mod accounts;
mod pending;
mod report;
mod scoring;
mod targets;

use std::collections::BTreeMap;

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
    findings.extend(report::check(corpus));
    pending::check(corpus, &mut findings);
    Report::sorted(findings)
}

/// The findings of content, with each unit's short name (for [`Report::to_human_named`]).
#[derive(Debug, Default)]
pub struct Checked {
    /// The findings.
    pub report: Report,
    /// Unit id → short name.
    pub names: BTreeMap<String, String>,
}

/// Loads, scores and audits the content folder one unit at a time (a unit's checks never look
/// at another unit), so memory holds the findings and a few units, never the corpus: the same
/// report as [`check`] over [`crate::load()`]'s corpus.
///
/// Errors: as [`crate::load()`], every diagnostic of every file.
pub fn check_content(content_dir: &std::path::Path) -> crate::error::Result<Checked> {
    check_outline(crate::load::outline(content_dir)?)
}

/// Like [`check_content`], of the records that `paths` name only (what `gongkai check FILE`
/// runs on save): a record file or a narrative gives that record's findings, a unit folder or
/// its `_unit.yaml` the unit's. Only the site file and the units named are read, so the time
/// does not grow with the rest of the content. A unit is always loaded whole (its records
/// are compared year with year), so an invalid file anywhere in it is reported. The site
/// file `_site.yaml` names the whole content.
///
/// Errors: [`crate::Error::Usage`] for a path that names no unit or record of `content_dir`;
/// else as [`check_content`].
pub fn check_paths(
    content_dir: &std::path::Path,
    paths: &[std::path::PathBuf],
) -> crate::error::Result<Checked> {
    let Some(selection) = crate::load::select(content_dir, paths)? else {
        return check_content(content_dir);
    };
    let names: std::collections::BTreeSet<&str> = selection.keys().map(String::as_str).collect();
    let outline = crate::load::outline_of(content_dir, &names)?;
    let mut checked = check_outline(outline)?;
    checked.report.findings.retain(|f| {
        selection
            .get(f.unit.as_str())
            .is_some_and(|years| years.as_ref().is_none_or(|y| y.contains(&f.year)))
    });
    Ok(checked)
}

/// Loads, scores and audits the units of `outline` in parallel.
fn check_outline(outline: crate::load::Outline) -> crate::error::Result<Checked> {
    use rayon::prelude::*;
    let (Some(site), true) = (outline.site, outline.diags.is_empty()) else {
        return Err(crate::load::diagnose(outline.diags, outline.units));
    };
    /// A unit's id, short name and findings, or its diagnostics.
    type Unit = Result<(String, String, Vec<Finding>), Vec<crate::error::Diagnostic>>;
    let units: Vec<Unit> = outline
        .units
        .into_par_iter()
        .map(|pending| {
            let unit = crate::load::load_unit(pending)?;
            let names = (unit.id.as_str().to_owned(), unit.short_name.clone());
            let checked = check_unit(&site, unit);
            Ok((names.0, names.1, checked.report.findings))
        })
        .collect();
    let mut checked = Checked::default();
    let mut findings = Vec::new();
    let mut diags = Vec::new();
    for unit in units {
        match unit {
            Ok((id, name, f)) => {
                checked.names.insert(id, name);
                findings.extend(f);
            }
            Err(d) => diags.extend(d),
        }
    }
    if !diags.is_empty() {
        return Err(crate::error::Error::Invalid(
            crate::error::Diagnostics::new(diags),
        ));
    }
    checked.report = Report::sorted(findings);
    Ok(checked)
}

/// One unit, scored and audited on its own (a unit's checks never look at another unit).
pub(crate) struct CheckedUnit {
    /// A corpus of that one unit, under the site's settings.
    pub(crate) corpus: Corpus,
    pub(crate) scores: CorpusScores,
    pub(crate) report: Report,
}

/// Scores and audits one unit under the site's settings.
pub(crate) fn check_unit(site: &crate::model::Site, unit: crate::model::Unit) -> CheckedUnit {
    let corpus = Corpus {
        site: site.clone(),
        units: vec![unit],
    };
    let scores = crate::score::score_corpus(&corpus);
    let report = check(&corpus, &scores);
    CheckedUnit {
        corpus,
        scores,
        report,
    }
}

impl Report {
    /// A report of `findings`, sorted by unit, year, location, code and field.
    fn sorted(mut findings: Vec<Finding>) -> Report {
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
}

impl Report {
    /// Human output, grouped by record: a heading per record, then each finding with its
    /// location, code, message, stated and computed values and the rule; a count at the end.
    pub fn to_human(&self, corpus: &Corpus) -> String {
        // Looked up once per record, not by scanning: linear in the corpus at 10,000 records.
        let names: BTreeMap<String, String> = corpus
            .units
            .iter()
            .map(|u| (u.id.as_str().to_owned(), u.short_name.clone()))
            .collect();
        self.to_human_named(&names)
    }

    /// [`Report::to_human`] with each unit's short name given by id.
    pub fn to_human_named(&self, names: &BTreeMap<String, String>) -> String {
        use std::fmt::Write as _;
        let mut s = String::new();
        let mut current: Option<(&UnitId, Year)> = None;
        let mut records = 0;
        for (i, f) in self.findings.iter().enumerate() {
            if current != Some((&f.unit, f.year)) {
                current = Some((&f.unit, f.year));
                records += 1;
                let name = names
                    .get(f.unit.as_str())
                    .map_or(f.unit.as_str(), String::as_str);
                // Findings are sorted by unit and year: a record's findings are contiguous.
                let n = self.findings[i..]
                    .iter()
                    .take_while(|g| g.unit == f.unit && g.year == f.year)
                    .count();
                let _ = writeln!(
                    s,
                    "{}",
                    crate::lang::pick(
                        format!("\n{name} {} 年（{}）：{n} 条发现", f.year, f.location.path),
                        format!("\n{name} {} ({}): {n} finding(s)", f.year, f.location.path),
                    )
                );
            }
            let _ = writeln!(s, "  {}: [{}] {}", f.location, f.code, f.message);
            if f.stated.is_some() || f.computed.is_some() {
                let stated = f.stated.as_deref().unwrap_or("—");
                let computed = f.computed.as_deref().unwrap_or("—");
                let _ = writeln!(
                    s,
                    "{}",
                    crate::lang::pick(
                        format!("      原文：{stated}  重算：{computed}"),
                        format!("      stated: {stated}  computed: {computed}"),
                    )
                );
            }
            let _ = writeln!(
                s,
                "{}",
                crate::lang::pick(
                    format!("      规则：{}", f.rule),
                    format!("      rule: {}", f.rule)
                )
            );
        }
        let n = self.findings.len();
        let gap = if n == 0 { "" } else { "\n" };
        let _ = writeln!(
            s,
            "{}",
            crate::lang::pick(
                format!(
                    "{gap}共 {n} 条发现，涉及 {records} 份记录；发现只是提示，不会使命令失败（加 --strict 则会）"
                ),
                format!(
                    "{gap}{n} finding(s) in {records} record(s); findings are warnings (use --strict to fail on them)"
                ),
            )
        );
        s
    }

    /// Stable JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|_| "{}".into()) + "\n"
    }
}
