//! The review desk of the internal profile: `review.html`, every finding of every unit-year in
//! one sortable, filterable table with counts per unit and per code, each row linking to the
//! finding beside its figure; and the same list as `data/findings.csv` and `data/findings.json`.
//!
//! In: the units' summaries, whose records carry their findings ([`FindingRow`], filled only
//! under the internal profile, so the streaming build needs no record in memory). Out: the page
//! and the two files. Never: planned under the public profile (see `plan::site_pages`).

use std::collections::BTreeMap;

use serde::Serialize;

use super::findings::{anchor, under};
use super::{Ctx, FindingRow, csv};
use crate::check::Finding;
use crate::model::Record;
use crate::plan::{FINDINGS_JSON, juesuan_path, unit_path, unit_year_path};
use crate::render::Shell;

/// The desk's rows of one record's findings (numbered as on the record's pages).
pub(crate) fn rows<'a>(
    record: &Record,
    findings: impl Iterator<Item = &'a Finding>,
) -> Vec<FindingRow> {
    findings
        .enumerate()
        .map(|(i, f)| FindingRow {
            n: i + 1,
            code: f.code.to_owned(),
            field: f.field.clone(),
            table: table_of(record, &f.field),
            line: f.location.line as usize,
            stated: f.stated.clone().unwrap_or_default(),
            computed: f.computed.clone().unwrap_or_default(),
            rule: f.rule.clone(),
            message: f.message.clone(),
            juesuan: record.final_accounts.is_some() && under(&f.field, "final_accounts"),
        })
        .collect()
}

/// The table or part of the document a field's figure stands in, as the forms name it.
fn table_of(record: &Record, field: &str) -> String {
    let card = |c: Option<&crate::model::Scorecard>| c.map(super::card_title);
    if under(field, "self_evaluation") {
        return card(record.self_evaluation.as_ref())
            .unwrap_or_else(|| "部门整体支出绩效自评表".to_owned());
    }
    if let Some(rest) = field.strip_prefix("projects[") {
        let i = rest.split(']').next().and_then(|n| n.parse::<usize>().ok());
        return card(i.and_then(|i| record.projects.get(i)))
            .unwrap_or_else(|| "项目支出绩效自评表".to_owned());
    }
    if under(field, "targets") {
        return "绩效目标申报表".to_owned();
    }
    if under(field, "report") {
        return "报告".to_owned();
    }
    if let Some(rest) = field.strip_prefix("final_accounts.") {
        let block = rest.split(['.', '[']).next().unwrap_or_default();
        let table = match block {
            "income" | "expenditure" | "classes" => "收入支出决算总表",
            "income_table" => "收入决算表",
            "expenditure_table" => "支出决算表",
            "fiscal" => "财政拨款收入支出决算总表",
            "general_budget" | "general_budget_table" | "lines" => "一般公共预算财政拨款支出决算表",
            "basic" => "一般公共预算财政拨款基本支出决算表",
            "gov_fund_table" => "政府性基金预算财政拨款收入支出决算表",
            "state_capital_table" => "国有资本经营预算财政拨款支出决算表",
            "three_public" => "财政拨款“三公”经费支出决算表",
            _ => "部门决算情况说明",
        };
        return format!("部门决算：{table}");
    }
    "记录".to_owned()
}

#[derive(Serialize)]
pub(super) struct ReviewPage {
    total: usize,
    records: usize,
    units: usize,
    rows: Vec<RowView>,
    by_unit: Vec<Count>,
    by_code: Vec<Count>,
    years: Vec<String>,
}

#[derive(Serialize)]
struct RowView {
    unit: String,
    unit_id: String,
    unit_href: String,
    year: String,
    href: String,
    juesuan_href: String,
    #[serde(flatten)]
    row: FindingRow,
}

#[derive(Serialize)]
struct Count {
    key: String,
    label: String,
    count: usize,
}

/// Every (unit name, unit id, year, row) of the site, in unit and year order.
fn all<'a>(
    ctx: &'a Ctx<'_>,
) -> impl Iterator<Item = (&'a super::UnitSummary, crate::model::Year, &'a FindingRow)> {
    ctx.summaries.iter().flat_map(|u| {
        u.records
            .iter()
            .flat_map(move |r| r.findings.iter().map(move |f| (u, r.year, f)))
    })
}

pub(super) fn view(ctx: &Ctx<'_>, path: &str) -> (Shell, ReviewPage) {
    let shell = Shell::for_page(&ctx.site, path, "审核台");
    let root = shell.root.clone();
    let mut by_unit: BTreeMap<usize, Count> = BTreeMap::new();
    let mut by_code: BTreeMap<String, usize> = BTreeMap::new();
    let mut years: Vec<String> = Vec::new();
    let mut records = 0;
    let mut rows = Vec::new();
    for (i, u) in ctx.summaries.iter().enumerate() {
        for r in &u.records {
            records += usize::from(!r.findings.is_empty());
            for f in &r.findings {
                let id = u.id.as_str();
                let year = r.year.to_string();
                if !years.contains(&year) {
                    years.push(year.clone());
                }
                by_unit
                    .entry(i)
                    .or_insert_with(|| Count {
                        key: id.to_owned(),
                        label: u.name.clone(),
                        count: 0,
                    })
                    .count += 1;
                *by_code.entry(f.code.clone()).or_default() += 1;
                let page = format!("{root}{}", unit_year_path(id, r.year));
                rows.push(RowView {
                    unit: u.short_name.clone(),
                    unit_id: id.to_owned(),
                    unit_href: format!("{root}{}", unit_path(id)),
                    year,
                    href: format!("{page}#{}", anchor(f.n)),
                    juesuan_href: if f.juesuan {
                        format!("{root}{}#{}", juesuan_path(id, r.year), anchor(f.n))
                    } else {
                        String::new()
                    },
                    row: f.clone(),
                });
            }
        }
    }
    years.sort_unstable();
    let page = ReviewPage {
        total: rows.len(),
        records,
        units: by_unit.len(),
        rows,
        by_unit: by_unit.into_values().collect(),
        by_code: by_code
            .into_iter()
            .map(|(code, count)| Count {
                label: code.clone(),
                key: code,
                count,
            })
            .collect(),
        years,
    };
    (shell, page)
}

/// The CSV columns of `data/findings.csv`.
const COLUMNS: [&str; 11] = [
    "单位代码",
    "单位",
    "年度",
    "表",
    "字段",
    "行",
    "代码",
    "原文",
    "计算",
    "规则",
    "说明",
];

/// `data/findings.csv`: every finding, one row each, in unit and year order.
pub(super) fn findings_csv(ctx: &Ctx<'_>) -> String {
    let mut out = csv::Csv::new(&COLUMNS);
    for (u, year, f) in all(ctx) {
        let (year, line) = (year.to_string(), f.line.to_string());
        out.row(&[
            u.id.as_str(),
            &u.name,
            &year,
            &f.table,
            &f.field,
            &line,
            &f.code,
            &f.stated,
            &f.computed,
            &f.rule,
            &f.message,
        ]);
    }
    out.finish()
}

/// One finding in `data/findings.json`.
#[derive(Serialize)]
struct JsonRow<'a> {
    unit: &'a str,
    unit_name: &'a str,
    year: u16,
    page: String,
    #[serde(flatten)]
    row: &'a FindingRow,
}

/// `data/findings.json`: `{"findings": [...]}`, the CSV's rows with the page each is shown on.
pub(super) fn findings_json(ctx: &Ctx<'_>) -> crate::error::Result<String> {
    let findings: Vec<JsonRow<'_>> = all(ctx)
        .map(|(u, year, f)| JsonRow {
            unit: u.id.as_str(),
            unit_name: &u.name,
            year: year.get(),
            page: format!("{}#{}", unit_year_path(u.id.as_str(), year), anchor(f.n)),
            row: f,
        })
        .collect();
    serde_json::to_string(&serde_json::json!({ "findings": findings }))
        .map(|s| s + "\n")
        .map_err(|e| {
            crate::error::Error::Usage(crate::lang::pick(
                format!("无法写出 {FINDINGS_JSON}：{e}"),
                format!("cannot serialize {FINDINGS_JSON}: {e}"),
            ))
        })
}
