//! The 绩效目标申报表 of a record, laid out as the official form: 部门总体资金情况 (income and
//! expenditure with totals, for the year and each earlier year printed), 部门职能概述,
//! 年度工作任务, 整体绩效目标 (长期目标 beside 年度目标), then each goal's indicator table.
//!
//! In: the record's [`Targets`]. Out: the page section's view and the two CSV files
//! (`targets-funds.csv`, `targets-goals.csv`). Figures are shown as printed: nothing is
//! recomputed here (the checker compares the totals). Never: shows the 填报人 or phone.

use serde::Serialize;

use super::csv::{self, Csv};
use super::findings::{FindingView, Numbered, take};
use super::opt;
use crate::load::raw::RawFundRow;
use crate::model::{Dec, Funds, Goal, Targets};
use crate::render::{fmt_money, fmt_pct};

/// The 申报表 section of a unit-year page.
#[derive(Serialize)]
pub(super) struct TargetsView {
    title: String,
    /// 原文不全: where the document stops; empty otherwise (issue 16).
    incomplete: String,
    /// The 项目支出绩效目标表's header as (label, value), each only when printed.
    project: Vec<(&'static str, String)>,
    project_funds: Vec<ProjectFundView>,
    funds: Option<FundsView>,
    functions: Vec<String>,
    tasks: Vec<String>,
    /// (长期目标, 年度目标) side by side, as the 整体绩效目标 block prints them.
    overall: Vec<(String, String)>,
    goals: Vec<GoalView>,
    funds_csv: String,
    goals_csv: String,
    /// Findings on the funds table (internal profile), shown below it.
    funds_findings: Vec<FindingView>,
    /// The section's other findings, shown at its end.
    findings: Vec<FindingView>,
}

/// A 项目资金 row: its label and 资金总额, the 当年 column's label and amount ("" when empty).
#[derive(Serialize)]
struct ProjectFundView {
    name: String,
    total: String,
    annual_name: String,
    annual: String,
}

#[derive(Serialize)]
struct FundsView {
    /// `2018年`, `2019年`.
    prior_years: Vec<String>,
    /// 近两年收支金额, or 以前年度收支金额 when not two years are printed.
    prior_label: String,
    groups: Vec<FundGroup>,
}

/// 收入构成 or 支出构成 with their rows, the 合计 row last.
#[derive(Serialize)]
struct FundGroup {
    name: String,
    rows: Vec<FundRowView>,
}

#[derive(Serialize)]
struct FundRowView {
    name: String,
    amount: String,
    share: String,
    prior: Vec<String>,
    total: bool,
}

#[derive(Serialize)]
struct GoalView {
    id: String,
    name: String,
    text: String,
    /// 长期绩效指标 or 年度绩效指标.
    kind: &'static str,
    rows: Vec<IndicatorRow>,
}

#[derive(Serialize)]
struct IndicatorRow {
    level1: String,
    level2: String,
    name: String,
    measure: String,
    target: String,
}

/// The label of a goal: `长期目标1：` before its text.
fn goal_line(g: &Goal) -> String {
    match &g.title {
        Some(t) => format!("{}：{t}", g.name),
        None => g.name.clone(),
    }
}

/// The rows of the funds table in the form's order: 收入构成 then 支出构成, each with its
/// 合计 last, as (group, row, is the total).
fn fund_rows(funds: &Funds) -> Vec<(&'static str, &RawFundRow, bool)> {
    fn group<'a>(
        name: &'static str,
        rows: &'a [RawFundRow],
        total: Option<&'a RawFundRow>,
    ) -> impl Iterator<Item = (&'static str, &'a RawFundRow, bool)> {
        rows.iter()
            .map(move |r| (name, r, false))
            .chain(total.map(|r| (name, r, true)))
    }
    group("收入构成", &funds.income, funds.income_total.as_ref())
        .chain(group(
            "支出构成",
            &funds.expenditure,
            funds.expenditure_total.as_ref(),
        ))
        .collect()
}

/// The amount of `row` for the `i`-th earlier year, if printed.
fn prior(row: &RawFundRow, i: usize) -> Option<Dec> {
    row.prior.get(i).copied().flatten()
}

fn funds_view(funds: &Funds) -> FundsView {
    let n = funds.prior_years.len();
    let mut groups: Vec<FundGroup> = Vec::new();
    for (group, row, total) in fund_rows(funds) {
        let view = FundRowView {
            name: row.name.clone(),
            amount: opt(row.amount, fmt_money),
            share: opt(row.share, fmt_pct),
            prior: (0..n).map(|i| opt(prior(row, i), fmt_money)).collect(),
            total,
        };
        match groups.last_mut() {
            Some(g) if g.name == group => g.rows.push(view),
            _ => groups.push(FundGroup {
                name: group.to_owned(),
                rows: vec![view],
            }),
        }
    }
    FundsView {
        prior_years: funds.prior_years.iter().map(|y| format!("{y}年")).collect(),
        prior_label: if n == 2 {
            "近两年收支金额"
        } else {
            "以前年度收支金额"
        }
        .to_owned(),
        groups,
    }
}

/// Text split into its non-empty lines, each a paragraph.
fn paragraphs(text: Option<&str>) -> Vec<String> {
    text.unwrap_or_default()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Every goal with its kind and the caption of its indicators: the 长期目标 first, then the
/// 年度目标, as the form prints them.
fn all_goals(t: &Targets) -> impl Iterator<Item = (&'static str, &'static str, &Goal)> {
    t.long_term_goals
        .iter()
        .map(|g| ("长期目标", "长期绩效指标", g))
        .chain(
            t.annual_goals
                .iter()
                .map(|g| ("年度目标", "年度绩效指标", g)),
        )
}

/// The section of the page; `money` shows an amount by its field path (see
/// `report::money_cell`); `funds_csv` and `goals_csv` are the links to the two files. Takes
/// the record's findings under `targets` out of `findings`.
pub(super) fn targets_view(
    money: impl Fn(&str, Dec) -> String,
    t: &Targets,
    (funds_csv, goals_csv): (String, String),
    findings: &mut Vec<Numbered<'_>>,
) -> TargetsView {
    let longest = t.long_term_goals.len().max(t.annual_goals.len());
    let overall = (0..longest)
        .map(|i| {
            let line = |goals: &[Goal]| goals.get(i).map(goal_line).unwrap_or_default();
            (line(&t.long_term_goals), line(&t.annual_goals))
        })
        .collect();
    let goals = all_goals(t)
        .enumerate()
        .map(|(n, (_, kind, g))| GoalView {
            id: format!("targets-goal-{n}"),
            name: g.name.clone(),
            text: g.title.clone().unwrap_or_default(),
            kind,
            rows: g
                .indicators
                .iter()
                .map(|i| IndicatorRow {
                    level1: i.level1.clone().unwrap_or_default(),
                    level2: i.level2.clone().unwrap_or_default(),
                    name: i.name.clone(),
                    measure: i.measure.clone().unwrap_or_default(),
                    target: i
                        .target
                        .as_ref()
                        .map(|m| m.text.clone())
                        .unwrap_or_default(),
                })
                .collect(),
        })
        .collect();
    let project = t.project.as_ref().map_or_else(Vec::new, |p| {
        [
            ("项目名称", Some(&p.name)),
            ("主管部门及编码", p.department.as_ref()),
            ("实施单位", p.implementer.as_ref()),
            ("项目属性", p.attribute.as_ref()),
            ("项目起止时间", p.period.as_ref()),
        ]
        .into_iter()
        .filter_map(|(k, v)| v.map(|v| (k, v.clone())))
        .collect()
    });
    let cell = |field: String, v: Option<Dec>| v.map(|v| money(&field, v)).unwrap_or_default();
    let project_funds = t
        .project_funds
        .iter()
        .enumerate()
        .map(|(i, r)| ProjectFundView {
            name: r.name.clone(),
            total: cell(format!("targets.project_funds[{i}].total"), r.total),
            annual_name: r.annual_name.clone().unwrap_or_default(),
            annual: cell(format!("targets.project_funds[{i}].annual"), r.annual),
        })
        .collect();
    TargetsView {
        incomplete: t
            .incomplete
            .as_ref()
            .map(|i| format!("原文不全：{}。以下仅为可见部分。", i.at))
            .unwrap_or_default(),
        project,
        project_funds,
        title: t
            .title
            .clone()
            .unwrap_or_else(|| "部门整体支出绩效目标申报表".to_owned()),
        funds: t.funds.as_ref().map(funds_view),
        functions: paragraphs(t.functions.as_deref()),
        tasks: paragraphs(t.tasks.as_deref()),
        overall,
        goals,
        funds_csv,
        goals_csv,
        funds_findings: take(findings, "targets.funds"),
        findings: take(findings, "targets"),
    }
}

/// `data/<id>/<year>/targets-funds.csv`: one row per line of 部门总体资金情况, totals included.
pub(super) fn funds_csv(funds: &Funds, amount_unit: &str) -> String {
    let years: Vec<String> = funds
        .prior_years
        .iter()
        .map(|y| format!("{y}年（{amount_unit}）"))
        .collect();
    let current = format!("当年预算收支（{amount_unit}）");
    let mut header = vec!["类别", "项目", current.as_str(), "占比"];
    header.extend(years.iter().map(String::as_str));
    let mut out = Csv::new(&header);
    for (group, row, _) in fund_rows(funds) {
        let mut cells = vec![
            group.to_owned(),
            row.name.clone(),
            csv::money(row.amount),
            csv::pct(row.share),
        ];
        cells.extend((0..years.len()).map(|i| csv::money(prior(row, i))));
        out.row(&cells.iter().map(String::as_str).collect::<Vec<_>>());
    }
    out.finish()
}

/// `data/<id>/<year>/targets-goals.csv`: one row per indicator of every 长期目标 and 年度目标
/// (a goal without indicators gets one row of its own, so the 整体绩效目标 table is all there).
pub(super) fn goals_csv(t: &Targets) -> String {
    let mut out = Csv::new(&[
        "目标类型",
        "目标",
        "目标内容",
        "一级指标",
        "二级指标",
        "指标名称",
        "指标值",
        "绩效标准",
    ]);
    for (kind, _, g) in all_goals(t) {
        let title = g.title.as_deref().unwrap_or("");
        if g.indicators.is_empty() {
            out.row(&[kind, &g.name, title, "", "", "", "", ""]);
        }
        for i in &g.indicators {
            out.row(&[
                kind,
                &g.name,
                title,
                i.level1.as_deref().unwrap_or(""),
                i.level2.as_deref().unwrap_or(""),
                &i.name,
                i.measure.as_deref().unwrap_or(""),
                i.target.as_ref().map(|m| m.text.as_str()).unwrap_or(""),
            ]);
        }
    }
    out.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn goal(name: &str, title: Option<&str>) -> Goal {
        Goal {
            id: None,
            name: name.to_owned(),
            title: title.map(str::to_owned),
            weight: None,
            subtotals: Vec::new(),
            indicators: Vec::new(),
        }
    }

    fn targets(long: Vec<Goal>, annual: Vec<Goal>) -> Targets {
        Targets {
            incomplete: None,
            title: None,
            project: None,
            project_funds: Vec::new(),
            funds: None,
            functions: Some("甲\n\n乙\n".to_owned()),
            tasks: None,
            long_term_goals: long,
            annual_goals: annual,
        }
    }

    #[test]
    fn long_term_and_annual_goals_stand_side_by_side_even_when_their_counts_differ() {
        let t = targets(
            vec![goal("长期目标1", Some("甲")), goal("长期目标2", None)],
            vec![goal("年度目标1", Some("乙"))],
        );
        let v = targets_view(
            |_, v| fmt_money(v),
            &t,
            (String::new(), String::new()),
            &mut Vec::new(),
        );
        assert_eq!(
            v.overall,
            vec![
                ("长期目标1：甲".to_owned(), "年度目标1：乙".to_owned()),
                ("长期目标2".to_owned(), String::new()),
            ]
        );
        assert_eq!(v.functions, vec!["甲".to_owned(), "乙".to_owned()]);
        assert_eq!(v.title, "部门整体支出绩效目标申报表");
    }

    #[test]
    fn a_goal_without_indicators_still_has_its_row_in_the_csv() {
        let t = targets(Vec::new(), vec![goal("年度目标1", Some("=1+1"))]);
        let csv = goals_csv(&t);
        assert!(csv.ends_with("\"年度目标\",\"年度目标1\",\"'=1+1\",\"\",\"\",\"\",\"\",\"\"\r\n"));
    }
}
