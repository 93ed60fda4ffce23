//! The headline figures of a record's scores: the table that speaks for it, its rule total,
//! 执行率 and completion, as every page and comparison shows and ranks them.

use crate::model::{Dec, Pct};

use super::{CardScore, RecordScore};

/// The table that speaks for a record.
pub(crate) fn main_card(score: &RecordScore) -> Option<&CardScore> {
    score.self_evaluation.as_ref().or(score.projects.first())
}

/// The rule total of a card as computed (2 places, trailing zeros dropped). The document's own
/// precision decides only whether a reported score differs; it never rounds the rule's figure.
/// A partial table (原文不全) has no rule total to rank or compare: `None` (issue 16); its
/// visible part's sum is [`visible_rule_total`].
pub(crate) fn rule_total(card: &CardScore) -> Option<Dec> {
    if card.partial.is_some() {
        return None;
    }
    visible_rule_total(card)
}

/// The rule total over the rows a table shows, partial or not.
pub(crate) fn visible_rule_total(card: &CardScore) -> Option<Dec> {
    card.rule_total.map(|d| d.round(2).normalize())
}

/// The indicator completion of a card; `None` for a partial table, whose completion is of
/// the visible rows only and is never compared or ranked (issue 16).
pub(crate) fn completion_rate(card: &CardScore) -> Option<Pct> {
    if card.partial.is_some() {
        return None;
    }
    card.completion.rate
}

/// The 执行率 of a card: the recomputed one, else the stated one.
pub(crate) fn execution_rate(card: &CardScore) -> Option<Pct> {
    card.execution
        .as_ref()
        .and_then(|e| e.rate.or(e.reported_rate))
}
