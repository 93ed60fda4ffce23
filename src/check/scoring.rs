//! Audits of the self-evaluation tables: weights, scores, totals, 执行率, completion counts,
//! duplicated and mis-directed indicators, qualitative bands, headings (`domain.md` §1, §3).
//!
//! In: the [`Corpus`] and its [`CorpusScores`]. Out: [`Finding`]s with stable codes, each naming
//! the record, the field path and its location, the stated value, the computed value, the rule
//! in Chinese words and a Chinese message naming the unit, table and indicator. Never changes a
//! figure and never scores: it compares what the table states with what `score` computed.

mod execution;
mod funds;
mod indicators;
mod layouts;
mod totals;

use super::Finding;
use crate::model::{Corpus, Dec, Pct, Record, Scorecard, Template};
use crate::score::{CardScore, CorpusScores};

/// Every scoring finding of the corpus, in corpus order.
pub(super) fn audit(corpus: &Corpus, scores: &CorpusScores) -> Vec<Finding> {
    let mut out = Vec::new();
    for unit in &corpus.units {
        for record in &unit.records {
            let Some(rs) = scores.get(&record.unit, record.year) else {
                continue;
            };
            let cards = record
                .self_evaluation
                .iter()
                .zip(rs.self_evaluation.iter())
                .chain(record.projects.iter().zip(rs.projects.iter()));
            for (card, score) in cards {
                let mut ctx = Ctx {
                    unit_name: &unit.short_name,
                    record,
                    card,
                    score,
                    out: &mut out,
                };
                audit_card(&mut ctx);
            }
        }
    }
    out
}

/// Runs every audit over one table.
fn audit_card(ctx: &mut Ctx<'_>) {
    totals::weights(ctx);
    totals::scores(ctx);
    execution::audit(ctx);
    indicators::completion(ctx);
    indicators::rows(ctx);
    indicators::duplicates(ctx);
    indicators::title_year(ctx);
    layouts::audit(ctx);
}

/// One table under audit, and where its findings go.
struct Ctx<'a> {
    unit_name: &'a str,
    record: &'a Record,
    card: &'a Scorecard,
    score: &'a CardScore,
    out: &'a mut Vec<Finding>,
}

/// What a finding states, computes, and says.
struct Found {
    code: &'static str,
    /// Field path below the table (`execution.rate`), or empty for the table itself.
    field: String,
    stated: Option<String>,
    computed: Option<String>,
    rule: String,
    /// The message after the `unit year table：` prefix.
    message: String,
}

impl Ctx<'_> {
    fn template(&self) -> Template {
        self.record.template
    }

    /// The table is cut off (原文不全): its sums over all goals miss the rows after the cut.
    fn cut(&self) -> bool {
        self.card.incomplete.is_some()
    }

    /// The cut falls in goal `gi`: the last goal of a table marked 原文不全 (issue 16).
    fn cut_goal(&self, gi: usize) -> bool {
        self.cut() && gi + 1 == self.card.goals.len()
    }

    /// The cut may fall in the 一级/二级 group `(l1, l2)` of goal `gi`: the marker names no
    /// group, or names this one, its 一级 (a 一级 subtotal holds the cut 二级), or its 二级.
    /// Groups wholly before the cut stay checked.
    fn cut_group(&self, gi: usize, l1: &str, l2: Option<&str>) -> bool {
        use crate::score::text::normalize;
        let Some(cut) = self.card.incomplete.as_ref().filter(|_| self.cut_goal(gi)) else {
            return false;
        };
        let Some(cut1) = cut.level1.as_deref() else {
            return true;
        };
        if normalize(cut1) != normalize(l1) {
            return false;
        }
        match (cut.level2.as_deref(), l2) {
            (Some(c2), Some(l2)) => normalize(c2) == normalize(l2),
            _ => true,
        }
    }

    /// The table's name as a reader knows it.
    fn table(&self) -> String {
        match &self.card.name {
            Some(n) => format!("“{n}”项目自评表"),
            None => "部门整体绩效自评表".to_owned(),
        }
    }

    /// The full field path of `sub` in this table.
    fn field(&self, sub: &str) -> String {
        if sub.is_empty() {
            self.card.field.clone()
        } else {
            format!("{}.{sub}", self.card.field)
        }
    }

    fn push(&mut self, f: Found) {
        let field = self.field(&f.field);
        let location = self.record.locator.locate(&field);
        let message = format!(
            "{} {} 年{}：{}",
            self.unit_name,
            self.record.year,
            self.table(),
            f.message
        );
        self.out.push(Finding {
            code: f.code,
            unit: self.record.unit.clone(),
            year: self.record.year,
            field,
            location,
            stated: f.stated,
            computed: f.computed,
            rule: f.rule,
            message,
        });
    }
}

/// A figure for display: as computed, without trailing zeros.
fn show(d: Dec) -> String {
    d.normalize().to_string()
}

/// A percentage for display with the given decimals.
fn show_pct(p: Pct, dp: u32) -> String {
    format!("{}%", p.percent().round_fixed(dp))
}

/// `part ÷ whole` in percent, rounded to `dp`; `None` when whole is zero.
fn percent_at(part: Dec, whole: Dec, dp: u32) -> Option<Dec> {
    Some(
        part.checked_mul(Dec::HUNDRED)?
            .checked_div(whole)?
            .round_fixed(dp),
    )
}

/// Do two figures differ once both are rounded to `dp` places?
fn differ_at(a: Dec, b: Dec, dp: u32) -> bool {
    a.round(dp) != b.round(dp)
}

#[cfg(test)]
mod tests;
