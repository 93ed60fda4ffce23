//! The two 总表s, each printed as two sides beside each other (收入 | 支出), each side `项目 |
//! 行次 | 金额…`: 收入支出决算总表 (公开01) into `income` and `expenditure`, 财政拨款收入支出决算总表
//! (公开04) into `fiscal`. Rows are read by their 项目 text (without its ordinal `一、`), columns
//! by their header words; a 行次 column is a row number, not a figure.

use super::sheet::{Grid, amount, bad_amount, header_words, norm};
use crate::lang::pick;
use crate::model::Dec;

/// 收入支出决算总表 as typed in `income` and `expenditure` (keys of the record format).
#[derive(Debug, Default)]
pub(crate) struct Summary {
    /// `income.<key>` in the format's order.
    pub(crate) income: Vec<(&'static str, Dec)>,
    /// `expenditure.<key>` (total, surplus_distribution, closing_balance, grand_total).
    pub(crate) expenditure: Vec<(&'static str, Dec)>,
    /// `expenditure.by_class`: 类 name as printed → amount, in printed order.
    pub(crate) by_class: Vec<(String, Dec)>,
}

/// One row of fund columns: `total`, `general_budget`, `gov_fund`, `state_capital`.
pub(crate) type Funds = Vec<(&'static str, Dec)>;

/// 财政拨款收入支出决算总表 as typed in `fiscal`.
#[derive(Debug, Default)]
pub(crate) struct FiscalTotals {
    /// income, expenditure, opening_balance, closing_balance, grand_total.
    pub(crate) plain: Vec<(&'static str, Dec)>,
    pub(crate) income_funds: Funds,
    pub(crate) opening_funds: Funds,
    pub(crate) by_class: Vec<(String, Funds)>,
    pub(crate) expenditure_funds: Funds,
    pub(crate) closing_funds: Funds,
    pub(crate) grand_total_funds: Funds,
}

/// One side of a 总表: its 项目 column and its money columns (key from the header).
struct Side {
    name: usize,
    money: Vec<(usize, &'static str, String)>,
}

/// `一、一般公共服务支出` → `一般公共服务支出`; `（一）` and `1.` too.
pub(super) fn without_ordinal(s: &str) -> String {
    let t = norm(s);
    let t = t.trim_start_matches("其中:").trim_start_matches("其中：");
    if let Some(i) = t.find('、') {
        let head = &t[..i];
        if !head.is_empty()
            && head
                .chars()
                .all(|c| "一二三四五六七八九十百0123456789()".contains(c))
        {
            return t[i + '、'.len_utf8()..].to_owned();
        }
    }
    if let Some(rest) = t.strip_prefix('(')
        && let Some(i) = rest.find(')')
        && rest[..i]
            .chars()
            .all(|c| "一二三四五六七八九十".contains(c))
    {
        return rest[i + 1..].to_owned();
    }
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && t[digits..].starts_with('.') {
        return t[digits + 1..].to_owned();
    }
    t.to_owned()
}

/// The money column a header names: `金额`/`决算数` (the side's one figure) or a fund column.
fn money_key(leaf: &str) -> Option<&'static str> {
    match leaf {
        "金额" | "决算数" | "本年决算数" | "合计" => Some("total"),
        "一般公共预算财政拨款" | "一般公共预算" => Some("general_budget"),
        "政府性基金预算财政拨款" | "政府性基金预算" => Some("gov_fund"),
        "国有资本经营预算财政拨款" | "国有资本经营预算" => {
            Some("state_capital")
        }
        _ => None,
    }
}

/// The header row (the one naming 项目 on both sides), the first body row and the two sides.
fn sides(grid: &Grid, at: &str, title: &str) -> Result<(usize, Vec<Side>), String> {
    let width = grid.width();
    let is_item = |t: &str| matches!(t, "项目" | "收入项目" | "支出项目" | "项目名称");
    let header = (0..grid.rows.len()).find(|&r| {
        (0..width)
            .filter(|&c| is_item(&norm(&grid.get(r, c).text())))
            .count()
            >= 2
    });
    let Some(header) = header else {
        return Err(pick(
            format!("{at}：{title}应有左右两栏、各以“项目”开头的表头，未找到"),
            format!(
                "{at}: expected the {title}'s header naming 项目 on both sides (收入 | 支出), found none"
            ),
        ));
    };
    // The group row above (收入 | 支出) belongs to the header; the body starts below the
    // header row and its 栏次 row, if any.
    let top = if header > 0
        && (0..width).any(|c| {
            matches!(
                norm(&grid.get(header - 1, c).text()).as_str(),
                "收入" | "支出"
            )
        }) {
        header - 1
    } else {
        header
    };
    let mut body = header + 1;
    while body < grid.rows.len()
        && (0..width).all(|c| {
            let t = norm(&grid.get(body, c).text());
            t.is_empty() || t == "栏次" || t.bytes().all(|b| b.is_ascii_digit())
        })
        && (0..width).any(|c| !grid.get(body, c).text().is_empty())
    {
        body += 1;
    }
    let words = header_words(grid, top, header + 1);
    let leaf = |c: usize| words[c].last().cloned().unwrap_or_default();
    let starts: Vec<usize> = (0..width)
        .filter(|&c| is_item(&norm(&grid.get(header, c).text())))
        .collect();
    let mut out = Vec::new();
    for (i, &start) in starts.iter().enumerate() {
        let end = starts.get(i + 1).copied().unwrap_or(width);
        let money = (start + 1..end)
            .filter_map(|c| money_key(&leaf(c)).map(|k| (c, k, leaf(c))))
            .collect::<Vec<_>>();
        out.push(Side { name: start, money });
    }
    if out.iter().any(|s| s.money.is_empty()) {
        let found = (0..width)
            .map(leaf)
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join("、");
        let cell = grid.address(header, 0);
        return Err(pick(
            format!("{at}!{cell}：{title}每栏应有金额列（金额、决算数或合计），表头为 {found}"),
            format!(
                "{at}!{cell}: expected a money column (金额, 决算数 or 合计) on each side of the {title}, found {found}"
            ),
        ));
    }
    Ok((body, out))
}

/// Each row of one side: its 项目 (without ordinal), row index and its money cells by key.
type SideRow = (String, usize, Vec<(&'static str, Dec)>);

fn side_rows(
    grid: &Grid,
    at: &str,
    body: usize,
    side: &Side,
    problems: &mut Vec<String>,
) -> Vec<SideRow> {
    let mut out = Vec::new();
    for r in body..grid.rows.len() {
        let raw = grid.get(r, side.name).text();
        let name = without_ordinal(&raw);
        if name.starts_with("注") {
            break;
        }
        let mut cells = Vec::new();
        for (c, key, head) in &side.money {
            match amount(grid.get(r, *c)) {
                Ok(Some(v)) => cells.push((*key, v)),
                Ok(None) => {}
                Err(found) => problems.push(bad_amount(
                    at,
                    &grid.address(r, *c),
                    &format!(
                        "{} {head}",
                        if name.is_empty() {
                            "（无项目名）"
                        } else {
                            name.as_str()
                        }
                    ),
                    &found,
                )),
            }
        }
        if name.is_empty() && cells.is_empty() {
            continue;
        }
        out.push((name, r, cells));
    }
    out
}

fn unknown(at: &str, grid: &Grid, r: usize, c: usize, name: &str, expected: &str) -> String {
    pick(
        format!(
            "{at}!{}：项目“{name}”有金额，但不是本栏的项目（应为 {expected}）",
            grid.address(r, c)
        ),
        format!(
            "{at}!{}: expected one of the rows {expected} on this side, found `{name}` with a figure",
            grid.address(r, c)
        ),
    )
}

/// A row of one money column: the figure in `total` (the side's only column).
fn one(cells: &[(&'static str, Dec)]) -> Option<Dec> {
    cells.iter().find(|(k, _)| *k == "total").map(|(_, v)| *v)
}

/// Reads 收入支出决算总表.
pub(super) fn summary(grid: &Grid, at: &str) -> Result<Summary, Vec<String>> {
    let title = "收入支出决算总表";
    let (body, sides) = sides(grid, at, title).map_err(|e| vec![e])?;
    let mut problems = Vec::new();
    let mut out = Summary::default();
    let income_keys: [(&str, &'static str); 12] = [
        ("一般公共预算财政拨款收入", "general_budget"),
        ("政府性基金预算财政拨款收入", "gov_fund"),
        ("国有资本经营预算财政拨款收入", "state_capital"),
        ("上级补助收入", "superior_subsidy"),
        ("事业收入", "business"),
        ("经营收入", "operating"),
        ("附属单位上缴收入", "affiliated"),
        ("其他收入", "other"),
        ("本年收入合计", "total"),
        ("使用非财政拨款结余", "non_fiscal_balance_used"),
        ("年初结转和结余", "opening_balance"),
        ("总计", "grand_total"),
    ];
    if let Some(side) = sides.first() {
        for (name, r, cells) in side_rows(grid, at, body, side, &mut problems) {
            let Some(v) = one(&cells) else { continue };
            match income_keys.iter().find(|(n, _)| name.starts_with(n)) {
                Some((_, key)) => out.income.push((key, v)),
                None => problems.push(unknown(
                    at,
                    grid,
                    r,
                    side.name,
                    &name,
                    &income_keys.map(|(n, _)| n).join("、"),
                )),
            }
        }
    }
    if let Some(side) = sides.get(1) {
        for (name, _, cells) in side_rows(grid, at, body, side, &mut problems) {
            let Some(v) = one(&cells) else { continue };
            // The older layouts print the expenditure side by kind (一、基本支出 …), the
            // current ones by 类.
            let key = match name.as_str() {
                "基本支出" => Some("basic"),
                "项目支出" => Some("project"),
                "上缴上级支出" => Some("to_superior"),
                "经营支出" => Some("operating"),
                "对附属单位补助支出" => Some("to_affiliated"),
                "本年支出合计" => Some("total"),
                "结余分配" => Some("surplus_distribution"),
                "年末结转和结余" => Some("closing_balance"),
                "总计" => Some("grand_total"),
                _ => None,
            };
            match key {
                Some(k) => out.expenditure.push((k, v)),
                None => out.by_class.push((name, v)),
            }
        }
    }
    // The format's order, whatever order the rows are printed in.
    out.income
        .sort_by_key(|(k, _)| income_keys.iter().position(|(_, kk)| kk == k));
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

/// Reads 财政拨款收入支出决算总表.
pub(super) fn fiscal(grid: &Grid, at: &str) -> Result<FiscalTotals, Vec<String>> {
    let title = "财政拨款收入支出决算总表";
    let (body, sides) = sides(grid, at, title).map_err(|e| vec![e])?;
    let mut problems = Vec::new();
    let mut out = FiscalTotals::default();
    let funds = [
        ("一般公共预算财政拨款", "general_budget"),
        ("政府性基金预算财政拨款", "gov_fund"),
        ("国有资本经营预算财政拨款", "state_capital"),
    ];
    let income_rows = "一般公共预算财政拨款、政府性基金预算财政拨款、国有资本经营预算财政拨款、本年收入合计、年初财政拨款结转和结余、总计";
    if let Some(side) = sides.first() {
        let mut after_opening = false;
        for (name, r, cells) in side_rows(grid, at, body, side, &mut problems) {
            let bare = name.trim_end_matches("收入");
            let is_opening = name.starts_with("年初") && name.contains("结转和结余");
            let v = one(&cells);
            if is_opening {
                after_opening = true;
            }
            let Some(v) = v else { continue };
            if let Some((_, key)) = funds.iter().find(|(n, _)| *n == bare) {
                let to = if after_opening {
                    &mut out.opening_funds
                } else {
                    &mut out.income_funds
                };
                to.push((key, v));
            } else if name == "本年收入合计" {
                out.plain.push(("income", v));
            } else if is_opening {
                out.plain.push(("opening_balance", v));
            } else if name == "总计" {
                out.plain.push(("grand_total", v));
            } else {
                problems.push(unknown(at, grid, r, side.name, &name, income_rows));
            }
        }
    }
    if let Some(side) = sides.get(1) {
        for (name, _, cells) in side_rows(grid, at, body, side, &mut problems) {
            if cells.is_empty() {
                continue;
            }
            let fund_only: Funds = cells
                .iter()
                .filter(|(k, _)| *k != "total")
                .copied()
                .collect();
            if name == "本年支出合计" {
                if let Some(v) = one(&cells) {
                    out.plain.push(("expenditure", v));
                }
                out.expenditure_funds = fund_only;
            } else if name.starts_with("年末") && name.contains("结转和结余") {
                if let Some(v) = one(&cells) {
                    out.plain.push(("closing_balance", v));
                }
                out.closing_funds = fund_only;
            } else if name == "总计" {
                out.grand_total_funds = cells;
            } else {
                out.by_class.push((name, cells));
            }
        }
    }
    let order = [
        "income",
        "expenditure",
        "opening_balance",
        "closing_balance",
        "grand_total",
    ];
    out.plain
        .sort_by_key(|(k, _)| order.iter().position(|o| o == k));
    for f in [
        &mut out.income_funds,
        &mut out.opening_funds,
        &mut out.expenditure_funds,
        &mut out.closing_funds,
        &mut out.grand_total_funds,
    ] {
        sort_funds(f);
    }
    for (_, f) in &mut out.by_class {
        sort_funds(f);
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

fn sort_funds(f: &mut Funds) {
    let order = ["total", "general_budget", "gov_fund", "state_capital"];
    f.sort_by_key(|(k, _)| order.iter().position(|o| o == k));
}

/// Keys as a map, for tests.
#[cfg(test)]
fn map(f: &[(&'static str, Dec)]) -> std::collections::BTreeMap<&'static str, String> {
    f.iter().map(|(k, v)| (*k, v.to_string())).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinals_are_not_part_of_the_name() {
        assert_eq!(without_ordinal("一、一般公共服务支出"), "一般公共服务支出");
        assert_eq!(
            without_ordinal("二十四、抗疫特别国债安排的支出"),
            "抗疫特别国债安排的支出"
        );
        assert_eq!(without_ordinal("（一）基本支出"), "基本支出");
        assert_eq!(without_ordinal("1.行政运行"), "行政运行");
        assert_eq!(without_ordinal("本年收入合计"), "本年收入合计");
        assert_eq!(
            without_ordinal("一般公共预算财政拨款、政府性基金"),
            "一般公共预算财政拨款、政府性基金"
        );
    }

    #[test]
    fn a_row_of_funds_keeps_the_formats_order() {
        let mut f: Funds = vec![("gov_fund", Dec::from_int(1)), ("total", Dec::from_int(2))];
        sort_funds(&mut f);
        assert_eq!(
            map(&f).keys().copied().collect::<Vec<_>>(),
            vec!["gov_fund", "total"]
        );
        assert_eq!(f[0].0, "total");
    }
}
