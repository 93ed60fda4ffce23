//! `years/<year>/index.html`: the units of one year, ranked by rule score.
//!
//! In: the year's unit summaries. Out: the page view. Only a unit-year whose rule total was
//! recomputed has a 名次 (ties share one: 1, 1, 3) and a bar in the chart; one whose rule score
//! could not be recomputed (未重算), or that has no table, is listed after them as 未排名 with
//! the reason, never given a 名次 with "—" cells (issue 16). Reported scores are shown, never
//! ranked on: they are the units' own figures, and the rule total is the one that compares.

use serde::Serialize;

use super::summary::{RecordSummary, UnitSummary};
use super::{Ctx, Headline, year_label};
use crate::chart::{Axis, Datum, RankItem, Ranking, ranking};
use crate::model::{Dec, Year};
use crate::plan::unit_year_path;
use crate::render::{Shell, fmt_score};
use crate::score::NotRecomputed;

#[derive(Serialize)]
pub(super) struct YearPage {
    title: String,
    rows: Vec<Row>,
    chart: String,
    /// Distribution, 执行率 ranking and flags (issue 6).
    compare: super::year_compare::YearCompare,
}

#[derive(Serialize)]
struct Row {
    /// The 名次, or "未排名" (issue 16).
    rank: String,
    /// The 名次 for sorting; empty when unranked (sorted last).
    rank_sort: String,
    name: String,
    href: String,
    contents: String,
    /// The unit-year's 部门决算 page; empty without one.
    juesuan_href: String,
    #[serde(flatten)]
    figures: Headline,
}

/// What the 名次 cell of a unit-year without a rule total reads.
const UNRANKED: &str = "未排名";

/// Competition ranks (1, 1, 3) of values sorted highest first; `None` for a missing value.
fn ranks(values: &[Option<Dec>]) -> Vec<Option<usize>> {
    let mut prev: Option<(Dec, usize)> = None;
    values
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let v = (*v)?;
            let r = match prev {
                Some((p, r)) if p == v => r,
                _ => i + 1,
            };
            prev = Some((v, r));
            Some(r)
        })
        .collect()
}

pub(super) fn view(ctx: &Ctx<'_>, path: &str, year: Year) -> (Shell, YearPage) {
    let title = format!("{}绩效自评", year_label(year));
    let shell = Shell::for_page(&ctx.site, path, &title).crumb(&title, None);
    let root = shell.root.clone();
    let mut units: Vec<(Option<Dec>, &UnitSummary, &RecordSummary)> = ctx
        .summaries
        .iter()
        .filter_map(|u| {
            let r = u.record(year)?;
            Some((r.main.rule, u, r))
        })
        .collect();
    // Highest rule total first; unit-years without one last, unranked: those with a table
    // (未重算) before those without; ties by id (stable).
    let no_table = |r: &RecordSummary| r.main.not_recomputed.is_none();
    units.sort_by(|a, b| {
        b.0.cmp(&a.0)
            .then_with(|| no_table(a.2).cmp(&no_table(b.2)))
            .then_with(|| a.1.id.cmp(&b.1.id))
    });
    let items = units
        .iter()
        .filter_map(|(s, u, _)| {
            let s = (*s)?;
            Some(RankItem {
                label: u.short_name.clone(),
                value: Some(Datum::new(s, fmt_score(s))),
                highlight: false,
            })
        })
        .collect();
    // The chart says which unit-years it leaves out because the document is cut off.
    let cut: Vec<&str> = units
        .iter()
        .filter(|(_, _, r)| r.main.not_recomputed == Some(NotRecomputed::Incomplete))
        .map(|(_, u, _)| u.short_name.as_str())
        .collect();
    let cut_note = if cut.is_empty() {
        String::new()
    } else {
        format!("（{} 原文不全，未排名）", cut.join("、"))
    };
    let chart = ranking(&Ranking {
        title: format!("{}各单位规则得分{cut_note}", year_label(year)),
        axis: Axis {
            caption: "规则得分（分）".to_owned(),
            suffix: String::new(),
        },
        items,
        reference: None,
    });
    let pairs: Vec<(&UnitSummary, &RecordSummary)> =
        units.iter().map(|(_, u, r)| (*u, *r)).collect();
    let compare = super::year_compare::year_compare(ctx, &root, year, &pairs);
    let values: Vec<Option<Dec>> = units.iter().map(|(s, ..)| *s).collect();
    let rows = units
        .iter()
        .zip(ranks(&values))
        .map(|((_, u, r), rank)| {
            let mut figures = ctx.headline_for(&r.main);
            if rank.is_none() && figures.rule_note.is_empty() {
                "未公开自评表，无规则得分".clone_into(&mut figures.rule_note);
            }
            Row {
                rank: rank.map_or_else(|| UNRANKED.to_owned(), |r| r.to_string()),
                rank_sort: rank.map(|r| r.to_string()).unwrap_or_default(),
                name: u.name.clone(),
                href: format!("{root}{}", unit_year_path(u.id.as_str(), r.year)),
                contents: r.contents.clone(),
                juesuan_href: super::index::juesuan_href(&root, u.id.as_str(), r),
                figures,
            }
        })
        .collect();
    (
        shell,
        YearPage {
            title,
            rows,
            chart,
            compare,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Dec {
        Dec::parse(s).expect("decimal")
    }

    #[test]
    fn issue16_ties_share_a_rank_and_a_missing_score_has_none() {
        let values = [Some(d("95")), Some(d("95")), Some(d("90")), None];
        assert_eq!(ranks(&values), vec![Some(1), Some(1), Some(3), None]);
    }
}
