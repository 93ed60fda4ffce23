//! `units/<id>/<year>/index.html`: the disclosure page of one record, laid out as the official
//! 自评表 with gongkai's rule figures beside the reported ones, the 绩效目标申报表 (see
//! `targets`) and the 决算 summary; each table links the CSV file that holds it.

use serde::Serialize;

mod card;

use card::{CardView, HeadCtx, card_view};

use super::accounts::accounts_summary;
use super::findings::{FindingView, finding_view, take};
use super::targets::{TargetsView, targets_view};
use super::{Ctx, year_label};
use crate::model::{Record, Scorecard, Unit};
use crate::plan::{
    card_anchor, card_csv_path, compare_path, execution_csv_path, juesuan_path, record_csv_path,
    record_json_path, unit_path,
};
use crate::render::{Shell, markdown_to_html};

#[derive(Serialize)]
pub(super) struct UnitYearPage {
    title: String,
    amount_unit: &'static str,
    source: Option<String>,
    /// 填报人 and phone (internal profile only, issue 19); empty otherwise.
    contact: String,
    cards: Vec<CardView>,
    narratives: Vec<Prose>,
    targets: Option<TargetsView>,
    report: Option<super::report::ReportView>,
    accounts: Vec<(String, String, String)>,
    accounts_csv: String,
    /// The findings on the 决算's figures (internal profile), under its summary table; the
    /// 决算 page shows each under the table that prints its figure.
    accounts_findings: Vec<FindingView>,
    findings: Vec<FindingView>,
    json_href: String,
    /// The 决算 page (nine tables and charts), when the record has a 决算.
    juesuan_href: Option<String>,
    /// The comparison with the prior year, when there is one.
    compare_href: Option<String>,
}

#[derive(Serialize)]
pub(super) struct Prose {
    title: String,
    html: String,
}

/// The id of a card's section: `self_evaluation`, `projects-1`.
fn anchor(card: &Scorecard) -> String {
    card_anchor(&card.field)
}

/// The page's title, `<单位><年>年绩效自评` (also its title in the search index).
pub(crate) fn page_title(unit: &Unit, record: &Record) -> String {
    let kind = if record.self_evaluation.is_some() || !record.projects.is_empty() {
        "绩效自评"
    } else if record.final_accounts.is_some() {
        "部门决算"
    } else {
        "绩效目标申报"
    };
    format!("{}{}{kind}", unit.name, year_label(record.year))
}

pub(super) fn view(
    ctx: &Ctx<'_>,
    path: &str,
    unit: &Unit,
    record: &Record,
) -> (Shell, UnitYearPage) {
    let title = page_title(unit, record);
    let shell = Shell::for_page(&ctx.site, path, &title)
        .crumb(&unit.name, Some(&unit_path(unit.id.as_str())))
        .crumb(&year_label(record.year), None);
    let score = ctx.score(record);
    let mut findings = ctx.findings(record);
    let mut cards = Vec::new();
    let root = shell.root.clone();
    let id = unit.id.as_str();
    let csv = |c: &Scorecard| {
        (
            format!("{root}{}", card_csv_path(id, record.year, &c.field)),
            format!("{root}{}", execution_csv_path(id, record.year, &c.field)),
        )
    };
    let head = HeadCtx {
        unit_name: &unit.name,
        template: record.template,
        amount_unit: record.amount_unit.label(),
        printed: &record.printed,
    };
    let record_csv = |name: &str| format!("{root}{}", record_csv_path(id, record.year, name));
    if let Some(c) = &record.self_evaluation {
        cards.push(card_view(
            csv(c),
            &head,
            c,
            score.and_then(|s| s.self_evaluation.as_ref()),
            &mut findings,
        ));
    }
    for (i, c) in record.projects.iter().enumerate() {
        cards.push(card_view(
            csv(c),
            &head,
            c,
            score.and_then(|s| s.projects.get(i)),
            &mut findings,
        ));
    }
    let narratives = record
        .narratives
        .iter()
        .map(|n| Prose {
            title: n.title.clone(),
            html: markdown_to_html(&super::untitled(&n.markdown), &format!("n-{}-", n.slug), 3),
        })
        .collect();
    let targets = record.targets.as_ref().map(|t| {
        let csv = (record_csv("targets-funds"), record_csv("targets-goals"));
        targets_view(
            |f, v| super::report::money_cell(record, f, v),
            t,
            csv,
            &mut findings,
        )
    });
    let report = super::report::report_view(record, &mut findings);
    let accounts = accounts_summary(record);
    let accounts_findings = if accounts.is_empty() {
        Vec::new()
    } else {
        take(&mut findings, "final_accounts")
    };
    (
        shell,
        UnitYearPage {
            title,
            amount_unit: record.amount_unit.label(),
            source: crate::pages::source_line(record),
            contact: ctx.contact(record),
            cards,
            narratives,
            targets,
            report,
            accounts,
            accounts_csv: record_csv("accounts-summary"),
            accounts_findings,
            findings: findings.into_iter().map(finding_view).collect(),
            json_href: format!("{root}{}", record_json_path(unit.id.as_str(), record.year)),
            juesuan_href: record
                .final_accounts
                .as_ref()
                .map(|_| format!("{root}{}", juesuan_path(unit.id.as_str(), record.year))),
            compare_href: crate::compare::has_prior(unit, record)
                .then(|| format!("{root}{}", compare_path(unit.id.as_str(), record.year))),
        },
    )
}
