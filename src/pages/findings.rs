//! Findings beside the figures they concern (internal profile): matched by field path.

use serde::Serialize;

use crate::check::Finding;

/// One finding as a page shows it.
#[derive(Serialize)]
pub(super) struct FindingView {
    field: String,
    message: String,
    stated: String,
    computed: String,
    rule: String,
}

pub(super) fn finding_view(f: &Finding) -> FindingView {
    FindingView {
        field: f.field.clone(),
        message: f.message.clone(),
        stated: f.stated.clone().unwrap_or_default(),
        computed: f.computed.clone().unwrap_or_default(),
        rule: f.rule.clone(),
    }
}

/// Takes the findings whose field is `prefix` or lies under it.
pub(super) fn take(findings: &mut Vec<&Finding>, prefix: &str) -> Vec<FindingView> {
    let (mine, rest): (Vec<&Finding>, Vec<&Finding>) = findings.iter().partition(|f| {
        f.field == prefix
            || f.field.starts_with(&format!("{prefix}."))
            || f.field.starts_with(&format!("{prefix}["))
    });
    *findings = rest;
    mine.into_iter().map(finding_view).collect()
}
