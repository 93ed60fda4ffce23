//! `years/<year>/index.html`: the units of one year, ranked by score.

use serde::Serialize;

use super::summary::{RecordSummary, UnitSummary};
use super::{Ctx, Headline, headline_of, year_label};
use crate::chart::{Axis, Datum, RankItem, Ranking, ranking};
use crate::model::{Dec, Year};
use crate::plan::unit_year_path;
use crate::render::{Shell, fmt_score};

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
    rank: usize,
    name: String,
    href: String,
    contents: String,
    #[serde(flatten)]
    figures: Headline,
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
            Some((r.main.reported, u, r))
        })
        .collect();
    // Highest score first; units without a score last; ties by id (stable).
    units.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.id.cmp(&b.1.id)));
    let items = units
        .iter()
        .map(|(s, u, _)| RankItem {
            label: u.short_name.clone(),
            value: s.map(|d| Datum::new(d, fmt_score(d))),
            highlight: false,
        })
        .collect();
    let chart = ranking(&Ranking {
        title: format!("{}各单位自评得分", year_label(year)),
        axis: Axis {
            caption: "自评得分（分）".to_owned(),
            suffix: String::new(),
        },
        items,
        reference: None,
    });
    let pairs: Vec<(&UnitSummary, &RecordSummary)> =
        units.iter().map(|(_, u, r)| (*u, *r)).collect();
    let compare = super::year_compare::year_compare(ctx, &root, year, &pairs);
    let rows = units
        .iter()
        .enumerate()
        .map(|(i, (_, u, r))| Row {
            rank: i + 1,
            name: u.name.clone(),
            href: format!("{root}{}", unit_year_path(u.id.as_str(), r.year)),
            contents: r.contents.clone(),
            figures: headline_of(&r.main),
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
