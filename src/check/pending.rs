//! What a draft still leaves to fill (issue 18): each figure written `待填` (`gongkai new`) as
//! one located item, and no other finding about that field (its absence is the one thing to
//! say).
//!
//! In: the corpus and the other checks' findings. Out: findings `record.pending`, one per
//! `待填`, and the other findings less those about a field still `待填`.

use super::Finding;
use crate::model::Corpus;

/// Appends one `record.pending` item per `待填` and drops the findings about those fields.
pub(super) fn check(corpus: &Corpus, findings: &mut Vec<Finding>) {
    let mut items = Vec::new();
    for unit in &corpus.units {
        for record in &unit.records {
            if record.pending.is_empty() {
                continue;
            }
            findings.retain(|f| {
                f.unit != record.unit || f.year != record.year || !record.pending.contains(&f.field)
            });
            for field in &record.pending {
                let label = match crate::glossary::field_label(field) {
                    Some(zh) => format!("{zh}（{field}）"),
                    None => field.clone(),
                };
                items.push(Finding {
                    code: "record.pending",
                    unit: record.unit.clone(),
                    year: record.year,
                    field: field.clone(),
                    location: record.locator.locate(field),
                    stated: Some(crate::load::PENDING_MARK.to_owned()),
                    computed: None,
                    rule: "gongkai new 写出的草稿中，本年的每个数字都写作“待填”；按公开的文件填写，未公开的删去".to_owned(),
                    message: format!("{} {} 年：{label}待填", unit.short_name, record.year),
                });
            }
        }
    }
    findings.extend(items);
}
