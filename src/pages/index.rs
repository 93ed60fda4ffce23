//! `index.html`: every unit with its latest year.

use serde::Serialize;

use super::{Ctx, Headline, year_label};
use crate::chart::{Datum, Point, Sparkline, sparkline};
use crate::plan::{unit_path, unit_year_path};
use crate::render::{Shell, fmt_score};

#[derive(Serialize)]
pub(super) struct IndexPage {
    /// `subtitle` of `_site.yaml`, shown under the site title (issue 15); `None` when absent
    /// or blank.
    subtitle: Option<String>,
    /// The internal profile: the rows show findings and contact, the page links the review
    /// desk (issue 19).
    internal: bool,
    /// How many findings the whole site has (internal profile).
    findings: usize,
    review_href: String,
    rows: Vec<Row>,
}

#[derive(Serialize)]
struct Row {
    name: String,
    href: String,
    year: String,
    year_href: String,
    year_sort: String,
    contents: String,
    /// The 部门决算 page of the year shown; empty without one.
    juesuan_href: String,
    #[serde(flatten)]
    figures: Headline,
    spark: String,
    /// The findings of the year shown (internal profile), linked to the record page's list.
    findings: usize,
    findings_href: String,
    contact: String,
}

pub(super) fn view(ctx: &Ctx<'_>, path: &str) -> (Shell, IndexPage) {
    let shell = Shell::for_page(&ctx.site, path, "");
    let root = shell.root.clone();
    let rows = ctx
        .summaries
        .iter()
        .filter_map(|unit| {
            let latest = unit.records.last()?;
            let points = unit
                .records
                .iter()
                .map(|r| Point {
                    year: r.year,
                    value: r.main.reported.map(|d| Datum::new(d, fmt_score(d))),
                })
                .collect();
            Some(Row {
                name: unit.name.clone(),
                href: format!("{root}{}", unit_path(unit.id.as_str())),
                year: year_label(latest.year),
                year_href: format!("{root}{}", unit_year_path(unit.id.as_str(), latest.year)),
                year_sort: latest.year.to_string(),
                contents: latest.contents.clone(),
                juesuan_href: juesuan_href(&root, unit.id.as_str(), latest),
                figures: ctx.headline_for(&latest.main),
                findings: latest.findings.len(),
                findings_href: format!(
                    "{root}{}#finding-1",
                    unit_year_path(unit.id.as_str(), latest.year)
                ),
                contact: latest.contact.clone(),
                spark: sparkline(&Sparkline {
                    title: format!("{}历年自评得分", unit.short_name),
                    points,
                }),
            })
        })
        .collect();
    let subtitle = ctx.corpus.site.subtitle.as_deref().map(str::trim);
    let subtitle = subtitle.filter(|s| !s.is_empty()).map(str::to_owned);
    let internal = ctx.profile == crate::model::Profile::Internal;
    let findings = ctx
        .summaries
        .iter()
        .flat_map(|u| &u.records)
        .map(|r| r.findings.len())
        .sum();
    let review_href = format!("{root}{}", crate::plan::REVIEW_PATH);
    let page = IndexPage {
        subtitle,
        internal,
        findings,
        review_href,
        rows,
    };
    (shell, page)
}

/// The 部门决算 page of a unit-year from `root`, when it has one (issue 17: the page is linked
/// from every list, not only from the 自评 page); empty otherwise.
pub(crate) fn juesuan_href(root: &str, id: &str, r: &super::summary::RecordSummary) -> String {
    if r.final_accounts {
        format!("{root}{}", crate::plan::juesuan_path(id, r.year))
    } else {
        String::new()
    }
}
