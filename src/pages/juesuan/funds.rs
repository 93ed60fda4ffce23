//! 公开05–09表: the 财政拨款 tables of one fund each, 基本支出 by 经济分类, and "三公"经费.
//!
//! In: one record's [`FinalAccounts`]. Out: [`Table`]s. A table whose fund has no lines and
//! no income prints the official "本单位无…" sentence instead of a grid when the record states
//! the figure as 0; when it states nothing the table is not filed (issue 16). 基本/项目 per 科目
//! are the stated parts, or one stated part and 决算 − it; otherwise the cell stays empty.

use super::lines::{of_funds, split, tree};
use super::model::{Head, Row, Table, head, money, text};
use super::summary::stated_or;
use crate::model::{BudgetActual, Dec, FinalAccounts, FunctionLine, Fund, Money};
use crate::score::accounts::Figure;

/// `[项目 (科目编码, 科目名称)] [before…] [本年支出 (小计|合计, 基本支出, 项目支出)] [after…]`.
fn fund_head(
    before: &[&'static str],
    subtotal: &'static str,
    after: &[&'static str],
) -> Vec<Vec<Head>> {
    let mut top = vec![head("项目", 2, 1)];
    top.extend(before.iter().map(|c| head(*c, 1, 2)));
    top.push(head("本年支出", 3, 1));
    top.extend(after.iter().map(|c| head(*c, 1, 2)));
    vec![
        top,
        vec![
            head("科目编码", 1, 1),
            head("科目名称", 1, 1),
            head(subtotal, 1, 1),
            head("基本支出", 1, 1),
            head("项目支出", 1, 1),
        ],
    ]
}

/// The 合计 row and the 类/款/项 rows of one fund: [before…] 本年支出 基本 项目 [after…].
fn fund_rows(
    lines: &[&FunctionLine],
    total: (Option<Money>, Option<Money>, Option<Money>),
    before: &[Option<Money>],
    after: &[Option<Money>],
) -> Vec<Row> {
    let row =
        |level: &'static str, code: String, name: String, v: [Option<Money>; 3], edges: bool| {
            let mut cells = vec![text(code, "code"), text(name, "name")];
            let none = |n: usize| vec![None; n];
            let (b, a) = if edges {
                (before.to_vec(), after.to_vec())
            } else {
                (none(before.len()), none(after.len()))
            };
            cells.extend(b.into_iter().chain(v).chain(a).map(money));
            Row { level, cells }
        };
    let mut rows = vec![row(
        "total",
        String::new(),
        "合计".to_owned(),
        [total.0, total.1, total.2],
        true,
    )];
    for n in tree(lines) {
        let (basic, project) = n.split();
        rows.push(row(
            n.level,
            n.code.clone(),
            n.name.clone(),
            [n.actual(), basic, project],
            false,
        ));
    }
    rows
}

fn is_nil(d: Option<Dec>) -> bool {
    d.is_none_or(Dec::is_zero)
}

/// 公开05表 一般公共预算财政拨款支出决算表.
pub(crate) fn table5(fa: &FinalAccounts) -> Table {
    let mut table = Table::new(
        5,
        "一般公共预算财政拨款支出决算表",
        fund_head(&[], "小计", &[]),
    );
    let lines = of_funds(fa, &[Fund::GeneralBudget]);
    let gb = fa.general_budget.as_ref();
    let sum = Dec::checked_sum(lines.iter().map(|l| l.actual)).filter(|_| !lines.is_empty());
    let actual = stated_or(
        "一般公共预算财政拨款支出",
        gb.and_then(|g| g.actual),
        sum,
        &mut table.notes,
    );
    if lines.is_empty() && is_nil(actual) {
        return table.none_if_stated(actual, "本单位无一般公共预算财政拨款支出。");
    }
    // 基本支出 of the fund: as stated, else the 基本支出 table's total, else the lines'.
    let (line_basic, line_project) = split(&lines);
    let basic = gb
        .and_then(|g| g.basic)
        .or_else(|| fa.basic.as_ref().and_then(|b| b.total))
        .or(line_basic);
    // Issue 16: 项目支出 = 决算 − 基本 is a derived figure: marked 推算 with its basis, and not
    // published when the 决算 it comes from has a finding (stated ≠ Σ lines).
    let disputed = gb
        .and_then(|g| g.actual)
        .zip(sum)
        .is_some_and(|(s, c)| s != c);
    let project = match gb.and_then(|g| g.project).or(line_project) {
        Some(p) => Some(p),
        None if disputed => None,
        None => {
            let derived = actual.zip(basic).and_then(|(a, b)| a.checked_sub(b));
            if derived.is_some() {
                table
                    .notes
                    .push("合计行项目支出原文未列示，按支出合计减基本支出推算。".to_owned());
            }
            derived
        }
    };
    table.rows = fund_rows(&lines, (actual, basic, project), &[], &[]);
    table
}

/// The last row of 公开06表.
fn totals_row(personnel: Option<Money>, public: Option<Money>) -> Row {
    Row {
        level: "total",
        cells: vec![
            text("", "code"),
            text("人员经费合计", "name"),
            money(personnel),
            text("", "code"),
            text("公用经费合计", "name"),
            money(public),
        ],
    }
}

/// 公开06表 一般公共预算财政拨款基本支出决算表: 人员经费 left, 公用经费 right.
pub(crate) fn table6(fa: &FinalAccounts) -> Table {
    let group = |name| vec![head(name, 3, 1)];
    let leaf = || {
        [
            head("科目编码", 1, 1),
            head("科目名称", 1, 1),
            head("决算数", 1, 1),
        ]
    };
    let mut top = group("人员经费");
    top.extend(group("公用经费"));
    let mut second = leaf().to_vec();
    second.extend(leaf());
    let mut table = Table::new(6, "一般公共预算财政拨款基本支出决算表", vec![top, second]);
    const NONE: &str = "本单位无一般公共预算财政拨款基本支出。";
    let Some(b) = &fa.basic else {
        // 基本支出 spent but not split: the totals row with empty cells, never "无".
        let spent = fa.general_budget.as_ref().and_then(|g| g.basic);
        let spent = spent.or_else(|| fa.expenditure.as_ref().and_then(|e| e.basic));
        if is_nil(spent) {
            return table.none_if_stated(spent, NONE);
        }
        table.rows.push(totals_row(None, None));
        table
            .notes
            .push("原文未列示基本支出中的人员经费与公用经费。".to_owned());
        return table;
    };
    if is_nil(b.total) && is_nil(b.personnel) && is_nil(b.public) && b.items.is_empty() {
        return table.none_if_stated(b.total.or(b.personnel).or(b.public), NONE);
    }
    let items = |kind: &str| -> Vec<(String, String, Option<Dec>)> {
        b.items
            .iter()
            .filter(|i| i.kind == kind)
            .map(|i| (i.code.clone().unwrap_or_default(), i.name.clone(), i.amount))
            .collect()
    };
    let (mut personnel, mut public) = (items("personnel"), items("public"));
    let n = personnel.len().max(public.len());
    personnel.resize_with(n, || (String::new(), String::new(), None));
    public.resize_with(n, || (String::new(), String::new(), None));
    // Issue 17: a 类 line (301) and its 款 lines (30101 …) are both typed: the sum is of the
    // lines no other typed line refines, so a 类 is counted once, through its 款 or itself.
    let sum = |v: &[(String, String, Option<Dec>)]| {
        let leaf = |code: &str| {
            code.is_empty()
                || !v
                    .iter()
                    .any(|o| o.0.len() > code.len() && o.0.starts_with(code))
        };
        let given: Vec<Dec> = v
            .iter()
            .filter(|x| leaf(&x.0))
            .filter_map(|x| x.2)
            .collect();
        (!given.is_empty())
            .then(|| Dec::checked_sum(given))
            .flatten()
    };
    let notes = &mut table.notes;
    let personnel_total = stated_or("人员经费合计", b.personnel, sum(&personnel), notes);
    let public_total = stated_or("公用经费合计", b.public, sum(&public), notes);
    // A side shorter than the other is padded with blank cells: no figure is missing there.
    let side = |x: (String, String, Option<Dec>)| {
        if x.0.is_empty() && x.1.is_empty() && x.2.is_none() {
            [text("", ""), text("", ""), text("", "")]
        } else {
            let level_name = if x.0.len() == 3 { "name class" } else { "name" };
            [text(x.0, "code"), text(x.1, level_name), money(x.2)]
        }
    };
    for (p, q) in personnel.into_iter().zip(public) {
        let mut cells = side(p).to_vec();
        cells.extend(side(q));
        table.rows.push(Row {
            level: "item",
            cells,
        });
    }
    table.rows.push(totals_row(personnel_total, public_total));
    if b.items.is_empty() {
        table
            .notes
            .push("原文未列示经济分类科目明细，本表仅列人员经费与公用经费合计。".to_owned());
    }
    table
}

/// 公开07表 政府性基金预算财政拨款收入支出决算表.
pub(crate) fn table7(fa: &FinalAccounts) -> Table {
    let mut table = Table::new(
        7,
        "政府性基金预算财政拨款收入支出决算表",
        fund_head(&["年初结转和结余", "本年收入"], "小计", &["年末结转和结余"]),
    );
    let lines = of_funds(fa, &[Fund::GovFund]);
    let income = fa.income.as_ref().and_then(|i| i.gov_fund);
    if lines.is_empty() && is_nil(income) {
        let stated = income.or_else(|| Figure::GovFund.stated(fa).and_then(|s| s.value));
        return table.none_if_stated(stated, "本单位无政府性基金预算财政拨款收入支出。");
    }
    let actual = Dec::checked_sum(lines.iter().map(|l| l.actual)).filter(|_| !lines.is_empty());
    let (basic, project) = split(&lines);
    table.rows = fund_rows(&lines, (actual, basic, project), &[None, income], &[None]);
    table
}

/// 公开08表 国有资本经营预算财政拨款支出决算表.
pub(crate) fn table8(fa: &FinalAccounts) -> Table {
    let mut table = Table::new(
        8,
        "国有资本经营预算财政拨款支出决算表",
        fund_head(&[], "合计", &[]),
    );
    let lines = of_funds(fa, &[Fund::StateCapital]);
    let income = fa.income.as_ref().and_then(|i| i.state_capital);
    if lines.is_empty() && is_nil(income) {
        let stated = income.or_else(|| Figure::StateCapital.stated(fa).and_then(|s| s.value));
        return table.none_if_stated(stated, "本单位无国有资本经营预算财政拨款支出。");
    }
    let actual = Dec::checked_sum(lines.iter().map(|l| l.actual)).filter(|_| !lines.is_empty());
    let (basic, project) = split(&lines);
    table.rows = fund_rows(&lines, (actual, basic, project), &[], &[]);
    table
}

/// One side (预算数 or 决算数) of the 三公 row: 合计, 出国, 车小计, 车购置, 车运行, 接待.
/// A single missing part is the stated total − the other parts; the 车小计 is the record's
/// `vehicle` when it states one, else 购置 + 运行.
fn three_public_side(
    parts: [Option<Money>; 4],
    stated_total: Option<Money>,
    stated_vehicles: Option<Money>,
    label: &str,
    notes: &mut Vec<String>,
) -> ([Option<Money>; 6], Option<usize>) {
    let mut parts = parts;
    let mut derived = None;
    let missing: Vec<usize> = (0..4).filter(|&i| parts[i].is_none()).collect();
    if let ([m], Some(total)) = (missing.as_slice(), stated_total) {
        let others = Dec::checked_sum(parts.iter().flatten().copied());
        parts[*m] = others.and_then(|o| total.checked_sub(o));
        if parts[*m].is_some() {
            notes.push(format!("{label}中原文未列示的分项按合计减其他分项推算。"));
            // Its place in the row: 合计, 出国, 车小计, 车购置, 车运行, 接待.
            derived = Some([1, 3, 4, 5][*m]);
        }
    }
    let all: Option<Vec<Dec>> = parts.iter().copied().collect();
    let sum = all.and_then(Dec::checked_sum);
    let total = stated_or(&format!("“三公”经费{label}合计"), stated_total, sum, notes);
    let vehicles =
        stated_vehicles.or_else(|| parts[1].zip(parts[2]).and_then(|(a, b)| a.checked_add(b)));
    (
        [total, parts[0], vehicles, parts[1], parts[2], parts[3]],
        derived,
    )
}

/// 公开09表 财政拨款"三公"经费支出决算表.
pub(crate) fn table9(fa: &FinalAccounts) -> Table {
    let side = |name| vec![head(name, 6, 1)];
    let mut top = side("预算数");
    top.extend(side("决算数"));
    let mid = || {
        [
            head("合计", 1, 2),
            head("因公出国（境）费", 1, 2),
            head("公务用车购置及运行费", 3, 1),
            head("公务接待费", 1, 2),
        ]
    };
    let low = || {
        [
            head("小计", 1, 1),
            head("公务用车购置费", 1, 1),
            head("公务用车运行费", 1, 1),
        ]
    };
    let mut second = mid().to_vec();
    second.extend(mid());
    let mut third = low().to_vec();
    third.extend(low());
    let mut table = Table::new(9, "财政拨款“三公”经费支出决算表", vec![top, second, third]);
    const NONE: &str = "本单位无财政拨款“三公”经费支出。";
    let Some(tp) = &fa.three_public else {
        return table.not_filed();
    };
    let parts = [
        &tp.outbound,
        &tp.vehicle_purchase,
        &tp.vehicle_operation,
        &tp.reception,
    ];
    let pick = |f: fn(&BudgetActual) -> Option<Money>| parts.map(|p| p.as_ref().and_then(f));
    let total = tp.total.as_ref();
    let notes = &mut table.notes;
    let (budget, budget_derived) = three_public_side(
        pick(|p| p.budget),
        total.and_then(|t| t.budget),
        tp.vehicle.as_ref().and_then(|v| v.budget),
        "预算数",
        notes,
    );
    let (actual, actual_derived) = three_public_side(
        pick(|p| p.actual),
        total.and_then(|t| t.actual),
        tp.vehicle.as_ref().and_then(|v| v.actual),
        "决算数",
        notes,
    );
    if budget.iter().chain(actual.iter()).all(|d| is_nil(*d)) {
        // "无" needs a stated 0; a block of empty cells states nothing (issue 16).
        let stated = budget.iter().chain(actual.iter()).flatten().copied().next();
        return table.none_if_stated(stated, NONE);
    }
    let mut cells: Vec<_> = budget.into_iter().chain(actual).map(money).collect();
    for i in [budget_derived, actual_derived.map(|i| i + 6)]
        .into_iter()
        .flatten()
    {
        if let Some(c) = cells.get_mut(i) {
            c.class = super::model::DERIVED;
        }
    }
    table.rows.push(Row { level: "", cells });
    if let Some(v) = tp.vehicles {
        table.notes.push(format!(
            "截至年末，开支财政拨款的公务用车保有量 {} 辆。",
            v.normalize()
        ));
    }
    table
}
