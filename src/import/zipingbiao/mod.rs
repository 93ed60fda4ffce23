//! The 自评表 workbooks (issue 18): the 部门整体支出绩效自评表 (Hubei layout) into
//! `self_evaluation`, and each 项目支出绩效自评表 (national layout, 财预〔2020〕10号 附件1) into
//! one entry of `projects`.
//!
//! A sheet holds one when its name or first cells end with the table's title (after a year and
//! a unit's name: `2020年度花山街道办事处部门整体绩效自评表`). Its rows are read top to bottom by
//! the label in their first cell: the header block (项目名称, 主管部门, 实施单位; 基本支出总额,
//! 项目支出总额, 填报日期), the funds block (预算执行情况 / 项目资金: its columns by their header
//! words, the first row the total, the rows below it `parts`), 年度总体目标 (预期目标 / 实际完成情况),
//! each 年度绩效目标 (its weight from `(8分)`), the indicator header (一级指标 … 得分, 偏差原因) and
//! the indicator rows below it (一级 and 二级 carried down over merged cells), 总分, and the two
//! texts 偏差大或目标未完成原因分析 and 改进措施及结果应用方案. Only what the sheet prints is read:
//! a blank or `—` cell is left out, a template row without figures is not an indicator.

mod cells;
mod rows;
mod write;

pub(crate) use write::write;

use super::sheet::{Grid, V, amount, bad_amount, bare_title, first_texts, norm};
use super::{Found, Table};
use crate::lang::pick;
use crate::model::Dec;
use cells::{decimal_at, weight_suffix};
use rows::{funds, indicator};

/// Which 自评表.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Form {
    /// 部门整体支出绩效自评表 → `self_evaluation`.
    Department,
    /// 项目支出绩效自评表 → one of `projects`.
    Project,
}

impl Form {
    fn title(self) -> &'static str {
        match self {
            Form::Department => "部门整体支出绩效自评表",
            Form::Project => "项目支出绩效自评表",
        }
    }
}

/// One row of the funds block as printed (`name` is `None` for the total row).
#[derive(Debug, Default)]
pub(crate) struct Funds {
    pub(crate) name: Option<String>,
    pub(crate) initial_budget: Option<Dec>,
    pub(crate) budget: Option<Dec>,
    pub(crate) actual: Option<Dec>,
    pub(crate) weight: Option<Dec>,
    /// As printed (`86%`).
    pub(crate) rate: Option<String>,
    pub(crate) score: Option<Dec>,
}

/// One 三级指标 row.
#[derive(Debug, Default)]
pub(crate) struct Indicator {
    pub(crate) level1: Option<String>,
    pub(crate) level2: Option<String>,
    pub(crate) name: String,
    pub(crate) weight: Option<Dec>,
    pub(crate) target: Option<String>,
    pub(crate) actual: Option<String>,
    pub(crate) score: Option<Dec>,
    pub(crate) deviation: Option<String>,
    /// 指标性质, 指标值 and 度量单位, where the form prints the target in three columns.
    pub(crate) nature: Option<String>,
    pub(crate) value: Option<String>,
    pub(crate) unit: Option<String>,
    /// The whole 实际完成值 cell, when it carries an explanation in brackets.
    pub(crate) note: Option<String>,
}

/// One 年度绩效目标 (or the block of a project's indicators).
#[derive(Debug, Default)]
pub(crate) struct Goal {
    pub(crate) name: String,
    pub(crate) title: Option<String>,
    pub(crate) weight: Option<Dec>,
    /// `(level1, level2, weight)` of a 一级 or 二级 cell printed with its weight.
    pub(crate) subtotals: Vec<(String, Option<String>, Dec)>,
    pub(crate) indicators: Vec<Indicator>,
}

/// A 自评表 as read.
#[derive(Debug)]
pub(crate) struct Scorecard {
    pub(crate) form: Form,
    pub(crate) name: Option<String>,
    pub(crate) title: Option<String>,
    pub(crate) department: Option<String>,
    pub(crate) implementer: Option<String>,
    pub(crate) filled_on: Option<String>,
    pub(crate) basic_expenditure: Option<Dec>,
    pub(crate) project_expenditure: Option<Dec>,
    /// The total row, then the 其中 rows.
    pub(crate) execution: Option<(Funds, Vec<Funds>)>,
    /// 预期目标 and 实际完成情况.
    pub(crate) overall_goal: Option<(String, Option<String>)>,
    pub(crate) goals: Vec<Goal>,
    pub(crate) reported_total: Option<Dec>,
    pub(crate) total_weight: Option<Dec>,
    pub(crate) deviation_analysis: Option<String>,
    pub(crate) improvement: Option<String>,
    /// `万元` or `元`, from `项目资金（万元）`.
    pub(crate) unit: Option<String>,
}

/// The 自评表 a sheet holds, from its name or its first cells.
pub(crate) fn form_of(name: &str, grid: &Grid) -> Option<Form> {
    std::iter::once(name.to_owned())
        .chain(first_texts(grid))
        .find_map(|t| title_form(&t))
}

fn title_form(text: &str) -> Option<Form> {
    let bare = bare_title(text);
    // Also `整体绩效自评表`, as some units head it (qingling 2023).
    if bare.ends_with("整体支出绩效自评表") || bare.ends_with("整体绩效自评表") {
        Some(Form::Department)
    } else if bare.ends_with("项目支出绩效自评表") {
        Some(Form::Project)
    } else {
        None
    }
}

/// A second 部门整体支出绩效自评表 in the files read: a record has one.
pub(crate) fn duplicates(found: &[Found]) -> Option<String> {
    let sources: Vec<&str> = found
        .iter()
        .filter(|f| matches!(&f.table, Table::Form(s) if s.form == Form::Department))
        .map(|f| f.source.as_str())
        .collect();
    (sources.len() > 1).then(|| {
        pick(
            format!(
                "{}：所有文件中应只有一张部门整体支出绩效自评表，实际有 {} 张（{}）",
                sources[1],
                sources.len(),
                sources.join("、")
            ),
            format!(
                "{}: expected one 部门整体支出绩效自评表 in all the files, found {} ({})",
                sources[1],
                sources.len(),
                sources.join(", ")
            ),
        )
    })
}

/// The columns of the indicator header.
#[derive(Default)]
struct Cols {
    level1: Option<usize>,
    level2: Option<usize>,
    name: usize,
    weight: Option<usize>,
    target: Option<usize>,
    actual: Option<usize>,
    score: Option<usize>,
    deviation: Option<usize>,
    nature: Option<usize>,
    value: Option<usize>,
    unit: Option<usize>,
}

/// Where the rows below a block label belong.
const BLOCKS: [&str; 9] = [
    "年度总体目标",
    "总体目标",
    "年度绩效目标",
    "年度目标",
    "绩效指标",
    "年度绩效指标",
    "一级指标",
    "总分",
    "合计",
];

/// Reads the 自评表 of `form`; `at` is `book.xlsx!Sheet`.
pub(crate) fn read(form: Form, grid: &Grid, at: &str) -> Result<Scorecard, Vec<String>> {
    let mut problems = Vec::new();
    let mut s = Scorecard {
        form,
        name: None,
        title: None,
        department: None,
        implementer: None,
        filled_on: None,
        basic_expenditure: None,
        project_expenditure: None,
        execution: None,
        overall_goal: None,
        goals: Vec::new(),
        reported_total: None,
        total_weight: None,
        deviation_analysis: None,
        improvement: None,
        unit: None,
    };
    let cells = |r: usize| -> Vec<(usize, String)> {
        (0..grid.width())
            .map(|c| (c, grid.get(r, c).text()))
            .filter(|(_, t)| !t.is_empty())
            .collect()
    };
    let mut cols: Option<Cols> = None;
    let mut goal: Option<Goal> = None;
    let mut carry: (Option<String>, Option<String>) = (None, None);
    let mut r = 0;
    while r < grid.rows.len() {
        let row = cells(r);
        r += 1;
        let Some((c0, first)) = row.first().cloned() else {
            continue;
        };
        let f = norm(&first);
        let next = |i: usize| row.get(i).map(|(_, t)| t.clone());
        if s.title.is_none() && title_form(&first).is_some() {
            s.title = Some(first);
            continue;
        }
        if let Some(h) = indicator_header(grid, r - 1) {
            let label = row
                .iter()
                .find(|(c, _)| Some(*c) < h.level1.or(Some(h.name)));
            if goal.is_none() {
                goal = Some(Goal {
                    name: label.map_or_else(|| "绩效指标".to_owned(), |(_, t)| t.clone()),
                    ..Goal::default()
                });
            }
            cols = Some(h);
            carry = (None, None);
            continue;
        }
        if f.starts_with("年度总体目标") || f.starts_with("总体目标") {
            let sub = |t: &str| {
                let t = norm(t);
                t.contains("预期目标") || t.contains("设定目标") || t.contains("实际完成")
            };
            let heads: Vec<usize> = row
                .iter()
                .skip(1)
                .filter(|(_, t)| sub(t))
                .map(|(c, _)| *c)
                .collect();
            let (target, actual) = if heads.is_empty() {
                (next(1), next(2))
            } else {
                let below = r;
                let text = |c: usize| Some(grid.get(below, c).text()).filter(|t| !t.is_empty());
                r += 1;
                (
                    heads.first().and_then(|&c| text(c)),
                    heads.get(1).and_then(|&c| text(c)),
                )
            };
            if let Some(t) = target {
                s.overall_goal = Some((t, actual));
            }
            continue;
        }
        if f.starts_with("年度绩效目标") || f.starts_with("年度目标") {
            s.goals.extend(goal.take());
            let (name, weight) = weight_suffix(&first);
            goal = Some(Goal {
                name,
                weight,
                title: next(1),
                ..Goal::default()
            });
            cols = None;
            continue;
        }
        if f.starts_with("预算执行情况") || f.starts_with("项目资金") || f.starts_with("预算资金")
        {
            s.unit = ["万元", "元"]
                .into_iter()
                .find(|u| f.contains(&format!("({u})")))
                .map(str::to_owned);
            r = funds(grid, r - 1, c0, at, &mut s, &mut problems);
            continue;
        }
        if header_field(grid, r - 1, &row, at, &mut s, &mut problems) {
            continue;
        }
        if f.starts_with("总分") || f == "合计" {
            let at_col =
                |c: Option<usize>| c.filter(|&c| c > c0 && grid.get(r - 1, c) != &V::Empty);
            let h = cols.as_ref();
            let (w, sc) = (
                at_col(h.and_then(|h| h.weight)),
                at_col(h.and_then(|h| h.score)),
            );
            let total = sc.or_else(|| row.get(1).map(|(c, _)| *c));
            if let Some(c) = total {
                s.reported_total = decimal_at(grid, r - 1, c, "总分 得分", at, &mut problems);
            }
            if let Some(c) = w.filter(|_| sc.is_some()) {
                s.total_weight = decimal_at(grid, r - 1, c, "总分 分值", at, &mut problems);
            }
            continue;
        }
        if f.starts_with("偏差大") || f.starts_with("偏差原因") {
            s.deviation_analysis = next(1);
            continue;
        }
        if f.starts_with("改进措施") {
            s.improvement = next(1);
            continue;
        }
        if let (Some(h), Some(g)) = (&cols, goal.as_mut()) {
            indicator(grid, r - 1, h, g, &mut carry, at, &mut problems);
        }
    }
    s.goals.extend(goal);
    if s.goals.is_empty() && s.execution.is_none() {
        problems.push(pick(
            format!(
                "{at}：{}应有预算执行情况（项目资金）或含“一级指标”“二级指标”“三级指标”的表头，均未找到",
                form.title()
            ),
            format!(
                "{at}: expected the funds block (预算执行情况 or 项目资金) or a header naming 一级指标, 二级指标 and 三级指标 in the {}, found neither",
                form.title()
            ),
        ));
    }
    if form == Form::Project && s.name.is_none() {
        problems.push(pick(
            format!("{at}：项目支出绩效自评表应有“项目名称”一栏及其内容，未找到"),
            format!("{at}: expected a 项目名称 cell and the project's name beside it in the 项目支出绩效自评表, found none"),
        ));
    }
    if problems.is_empty() {
        Ok(s)
    } else {
        Err(problems)
    }
}

/// The header block's labelled cells in row `r` (`项目名称 | …`, `填报日期：…`); whether any was.
fn header_field(
    grid: &Grid,
    r: usize,
    row: &[(usize, String)],
    at: &str,
    s: &mut Scorecard,
    problems: &mut Vec<String>,
) -> bool {
    let mut any = false;
    for (i, (c, t)) in row.iter().enumerate() {
        let n = norm(t);
        let (label, inline) = match n.split_once([':', '：']) {
            Some((l, v)) => (l.to_owned(), !v.is_empty()),
            None => (n.clone(), false),
        };
        let text = if inline {
            t.split_once([':', '：']).map(|(_, v)| v.trim().to_owned())
        } else {
            row.get(i + 1).map(|(_, v)| v.clone())
        };
        // The cell holding the value: this one when inline, else the next printed one.
        let cell = if inline {
            Some(*c)
        } else {
            row.get(i + 1).map(|(c, _)| *c)
        };
        match label.as_str() {
            "项目名称" => s.name = text,
            "主管部门" => s.department = text,
            "实施单位" | "项目实施单位" => s.implementer = text,
            "填报日期" => s.filled_on = text,
            "单位名称" => {}
            "基本支出总额" | "项目支出总额" => {
                let v = match (text, cell) {
                    (Some(text), Some(cell)) => match amount(&V::Text(text)) {
                        Ok(v) => v,
                        Err(found) => {
                            problems.push(bad_amount(at, &grid.address(r, cell), &label, &found));
                            None
                        }
                    },
                    _ => None,
                };
                if label == "基本支出总额" {
                    s.basic_expenditure = v;
                } else {
                    s.project_expenditure = v;
                }
            }
            _ => continue,
        }
        any = true;
    }
    any
}

/// The indicator header in row `r`: a 一级指标 and a 三级指标 (or 指标名称) column, with the
/// columns the row above names when the header stands on two rows (年度指标值 over 指标性质 |
/// 指标值 | 度量单位, as Yunnan's 公开14表 prints it).
fn indicator_header(grid: &Grid, r: usize) -> Option<Cols> {
    let mut h = Cols::default();
    let mut name = None;
    let above = |c: usize| r.checked_sub(1).map(|a| norm(&grid.get(a, c).text()));
    let words = |t: &str| {
        ["实际完成值", "分值", "得分", "偏差原因", "年度指标值"]
            .iter()
            .any(|w| t.starts_with(w))
    };
    let two_rows = (0..grid.width())
        .filter(|&c| above(c).is_some_and(|t| words(&t)))
        .count()
        >= 2;
    // Row `r` itself names 一级指标 and 三级指标; the row above only adds columns.
    let own = |c: usize| norm(&grid.get(r, c).text());
    if !(0..grid.width()).any(|c| own(c).starts_with("一级指标"))
        || !(0..grid.width()).any(|c| own(c).starts_with("三级指标") || own(c) == "指标名称")
    {
        return None;
    }
    let rows = if two_rows { vec![r, r - 1] } else { vec![r] };
    for (row, c) in rows
        .into_iter()
        .flat_map(|row| (0..grid.width()).map(move |c| (row, c)))
    {
        let t = norm(&grid.get(row, c).text());
        let slot = if t.starts_with("指标性质") {
            &mut h.nature
        } else if t.starts_with("度量单位") || t.starts_with("计量单位") {
            &mut h.unit
        } else if t.starts_with("一级指标") {
            &mut h.level1
        } else if t.starts_with("二级指标") {
            &mut h.level2
        } else if t.starts_with("三级指标") || t == "指标名称" {
            &mut name
        } else if t.starts_with("分值") || t.starts_with("权重") {
            &mut h.weight
        } else if t.starts_with("年初目标值")
            || t.starts_with("年度指标值")
            || t.starts_with("年度目标值")
            || t.starts_with("目标值")
            || t.starts_with("指标值")
        {
            &mut h.target
        } else if t.starts_with("实际完成值")
            || t.starts_with("全年实际值")
            || t.starts_with("实际值")
        {
            &mut h.actual
        } else if t.starts_with("得分") {
            &mut h.score
        } else if t.starts_with("偏差原因") {
            &mut h.deviation
        } else {
            continue;
        };
        slot.get_or_insert(c);
    }
    h.name = name?;
    h.level1?;
    if h.nature.is_some() || h.unit.is_some() {
        h.value = h.target.take();
    }
    Some(h)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_form_is_known_by_its_title_after_a_year_and_a_unit() {
        assert_eq!(
            title_form("2020年度花山街道办事处部门整体绩效自评表"),
            Some(Form::Department)
        );
        assert_eq!(title_form("部门整体支出绩效自评表"), Some(Form::Department));
        assert_eq!(
            title_form("2022年度 项目支出绩效自评表"),
            Some(Form::Project)
        );
        assert_eq!(title_form("整体绩效自评表"), Some(Form::Department));
        assert_eq!(title_form("支出决算表"), None);
    }
}
