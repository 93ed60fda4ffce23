//! Findings beside the figures they concern (internal profile): matched by field path.
//!
//! Each finding of a record has a number on the record's pages, its place in the record's
//! findings as `check` sorts them (1, 2, …): the list item that shows it beside its figure has
//! the id `finding-<n>` on every page that shows it, and `review.html` links there.

use serde::Serialize;

use crate::check::Finding;

/// A record's finding with its number on the record's pages.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Numbered<'a> {
    /// 1, 2, … in the record's findings.
    pub(crate) n: usize,
    pub(crate) finding: &'a Finding,
}

/// The findings of one record, numbered.
pub(crate) fn numbered<'a>(findings: impl IntoIterator<Item = &'a Finding>) -> Vec<Numbered<'a>> {
    findings
        .into_iter()
        .enumerate()
        .map(|(i, finding)| Numbered { n: i + 1, finding })
        .collect()
}

/// The id of finding `n` on a record's pages.
pub(crate) fn anchor(n: usize) -> String {
    format!("finding-{n}")
}

/// One finding as a page shows it.
#[derive(Serialize)]
pub(super) struct FindingView {
    anchor: String,
    field: String,
    message: String,
    stated: String,
    computed: String,
    rule: String,
}

pub(super) fn finding_view(f: Numbered<'_>) -> FindingView {
    let Numbered { n, finding: f } = f;
    FindingView {
        anchor: anchor(n),
        field: f.field.clone(),
        message: f.message.clone(),
        stated: f.stated.clone().unwrap_or_default(),
        computed: f.computed.clone().unwrap_or_default(),
        rule: f.rule.clone(),
    }
}

/// Whether `field` is `prefix` or lies under it.
pub(crate) fn under(field: &str, prefix: &str) -> bool {
    field
        .strip_prefix(prefix)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[']))
}

/// Takes the findings whose field is `prefix` or lies under it.
pub(super) fn take(findings: &mut Vec<Numbered<'_>>, prefix: &str) -> Vec<FindingView> {
    let (mine, rest): (Vec<Numbered<'_>>, Vec<Numbered<'_>>) = findings
        .iter()
        .partition(|f| under(&f.finding.field, prefix));
    *findings = rest;
    mine.into_iter().map(finding_view).collect()
}
