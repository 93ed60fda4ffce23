//! 一般公共预算财政拨款基本支出决算表 (公开06) into `basic`, and the "三公" table (公开09) into
//! `three_public`.
//!
//! 06 prints its 经济分类 lines in groups side by side (科目编码 | 科目名称 | 决算数, two or three
//! times across); each group is read top to bottom, left group first, as the format types them;
//! 人员经费合计 and 公用经费合计 are read wherever they stand. The "三公" table is read across
//! (预算数 and 决算数 groups over 合计, 因公出国（境）费, 公务用车购置及运行费 with 小计/购置费/运行费,
//! 公务接待费, one row of figures) or down (one row per 项目, columns 预算数 and 决算数).

use super::sheet::{Grid, amount, bad_amount, header_words, norm};
use super::totals::without_ordinal;
use crate::lang::pick;
use crate::model::Dec;

/// One 经济分类 line as typed in `basic.items`.
#[derive(Debug)]
pub(crate) struct Item {
    pub(crate) code: String,
    pub(crate) name: String,
    /// `personnel` (301, 303) or `public`.
    pub(crate) kind: &'static str,
    pub(crate) amount: Option<Dec>,
}

/// 基本支出决算表 as typed in `basic`.
#[derive(Debug, Default)]
pub(crate) struct BasicTable {
    pub(crate) personnel: Option<Dec>,
    pub(crate) public: Option<Dec>,
    pub(crate) items: Vec<Item>,
}

/// The "三公" table: for each part (format key, in the format's order) its 预算数 and 决算数.
#[derive(Debug, Default)]
pub(crate) struct ThreeTable {
    pub(crate) parts: Vec<(&'static str, Option<Dec>, Option<Dec>)>,
}

/// Reads 一般公共预算财政拨款基本支出决算表.
pub(super) fn basic(grid: &Grid, at: &str) -> Result<BasicTable, Vec<String>> {
    let width = grid.width();
    let header = (0..grid.rows.len())
        .find(|&r| (0..width).any(|c| norm(&grid.get(r, c).text()).contains("科目编码")));
    let Some(header) = header else {
        return Err(vec![pick(
            format!("{at}：基本支出决算表应有含“科目编码”“科目名称”的表头，未找到"),
            format!(
                "{at}: expected a header naming 科目编码 and 科目名称 above the 基本支出决算表, found none"
            ),
        )]);
    };
    let body = header + 1;
    let top = header.saturating_sub(1);
    let words = header_words(grid, top, body);
    let leaf = |c: usize| words[c].last().cloned().unwrap_or_default();
    let codes: Vec<usize> = (0..width).filter(|&c| leaf(c).contains("编码")).collect();
    let mut groups = Vec::new();
    for (i, &code) in codes.iter().enumerate() {
        let end = codes.get(i + 1).copied().unwrap_or(width);
        let name = (code + 1..end).find(|&c| leaf(c).contains("名称"));
        let money = (code + 1..end)
            .find(|&c| matches!(leaf(c).as_str(), "决算数" | "金额" | "本年决算数" | "合计"));
        match (name, money) {
            (Some(n), Some(m)) => groups.push((code, n, m)),
            _ => {
                return Err(vec![pick(
                    format!(
                        "{at}!{}：每组“科目编码”后应有“科目名称”和“决算数”（或“金额”）列",
                        grid.address(header, code)
                    ),
                    format!(
                        "{at}!{}: expected 科目名称 and 决算数 (or 金额) after each 科目编码 column",
                        grid.address(header, code)
                    ),
                )]);
            }
        }
    }
    let mut problems = Vec::new();
    let mut out = BasicTable::default();
    for &(code_col, name_col, money_col) in &groups {
        for r in body..grid.rows.len() {
            let code = norm(&grid.get(r, code_col).text());
            let code = code.trim_end_matches(".0").to_owned();
            let name = grid.get(r, name_col).text();
            let label = format!("{code}{}", norm(&name));
            if label.starts_with("注") {
                break;
            }
            let value = match amount(grid.get(r, money_col)) {
                Ok(v) => v,
                Err(found) => {
                    problems.push(bad_amount(
                        at,
                        &grid.address(r, money_col),
                        if name.is_empty() { &label } else { &name },
                        &found,
                    ));
                    continue;
                }
            };
            if label.contains("人员经费") {
                out.personnel = out.personnel.or(value);
            } else if label.contains("公用经费") {
                out.public = out.public.or(value);
            } else if matches!(code.len(), 3 | 5) && code.bytes().all(|b| b.is_ascii_digit()) {
                let kind = if code.starts_with("301") || code.starts_with("303") {
                    "personnel"
                } else {
                    "public"
                };
                out.items.push(Item {
                    code,
                    name,
                    kind,
                    amount: value,
                });
            } else if value.is_some() {
                problems.push(pick(
                    format!(
                        "{at}!{}：有金额的行应有 3 位（类）或 5 位（款）的科目编码，或为人员经费合计、公用经费合计，实际为 `{code}` `{name}`",
                        grid.address(r, code_col)
                    ),
                    format!(
                        "{at}!{}: expected a 科目编码 of 3 or 5 digits (类 or 款), 人员经费合计 or 公用经费合计 on a row with a figure, found `{code}` `{name}`",
                        grid.address(r, code_col)
                    ),
                ));
            }
        }
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

/// The format key of a "三公" part from its header words or row text.
fn part_key(words: &[String]) -> Option<&'static str> {
    let leaf = words.last().map(String::as_str).unwrap_or_default();
    let all = words.concat();
    if leaf == "小计" && all.contains("公务用车") {
        Some("vehicle")
    } else if leaf == "合计" || leaf == "总计" {
        Some("total")
    } else if leaf.contains("因公出国") {
        Some("outbound")
    } else if leaf.contains("购置费") || leaf == "公务用车购置" {
        Some("vehicle_purchase")
    } else if leaf.contains("运行") && !leaf.contains("购置") {
        Some("vehicle_operation")
    } else if leaf.contains("公务用车购置及运行") {
        Some("vehicle")
    } else if leaf.contains("公务接待") {
        Some("reception")
    } else {
        None
    }
}

const PARTS: [&str; 6] = [
    "total",
    "outbound",
    "vehicle",
    "vehicle_purchase",
    "vehicle_operation",
    "reception",
];

/// Reads the "三公" table.
pub(super) fn three_public(grid: &Grid, at: &str) -> Result<ThreeTable, Vec<String>> {
    let width = grid.width();
    let side = |t: &str| {
        if t.contains("预算") {
            Some(0)
        } else if t.contains("决算") {
            Some(1)
        } else {
            None
        }
    };
    // The first row naming both 预算数 and 决算数 starts the header.
    let header = (0..grid.rows.len()).find(|&r| {
        let texts: Vec<String> = (0..width).map(|c| norm(&grid.get(r, c).text())).collect();
        texts.iter().any(|t| t.starts_with("预算")) && texts.iter().any(|t| t.starts_with("决算"))
    });
    let Some(header) = header else {
        return Err(vec![pick(
            format!("{at}：“三公”经费表应有“预算数”“决算数”表头，未找到"),
            format!("{at}: expected the 三公 table's header naming 预算数 and 决算数, found none"),
        )]);
    };
    // The body: the first row below the header holding a number.
    let body = (header + 1..grid.rows.len())
        .find(|&r| (0..width).any(|c| matches!(grid.get(r, c), super::sheet::V::Num(_))))
        .unwrap_or(grid.rows.len());
    let words = header_words(grid, header, body);
    let mut cells: Vec<(&'static str, usize, usize)> = Vec::new(); // key, side, column
    for (c, w) in words.iter().enumerate() {
        if let (Some(key), Some(s)) = (part_key(w), w.iter().find_map(|t| side(t))) {
            cells.push((key, s, c));
        }
    }
    let mut problems = Vec::new();
    let mut found: Vec<(&'static str, [Option<Dec>; 2])> = Vec::new();
    let mut put = |key: &'static str, s: usize, v: Option<Dec>| {
        if let Some(e) = found.iter_mut().find(|(k, _)| *k == key) {
            e.1[s] = e.1[s].or(v);
        } else {
            let mut both = [None, None];
            both[s] = v;
            found.push((key, both));
        }
    };
    if !cells.is_empty() {
        // Across: one row of figures.
        for &(key, s, c) in &cells {
            match amount(grid.get(body, c)) {
                Ok(v) => put(key, s, v),
                Err(f) => problems.push(bad_amount(
                    at,
                    &grid.address(body, c),
                    &words[c].join("/"),
                    &f,
                )),
            }
        }
    } else {
        // Down: a 项目 per row, the columns 预算数 and 决算数.
        let leaf = |c: usize| words[c].last().cloned().unwrap_or_default();
        let cols: Vec<(usize, usize)> = (0..width)
            .filter_map(|c| side(&leaf(c)).map(|s| (s, c)))
            .collect();
        let name_col = (0..width).find(|&c| side(&leaf(c)).is_none()).unwrap_or(0);
        let mut parent: Option<String> = None;
        for r in body..grid.rows.len() {
            let name = without_ordinal(&grid.get(r, name_col).text());
            if name.starts_with("注") {
                break;
            }
            let mut w = vec![name.clone()];
            if name.starts_with("公务用车购置及运行") {
                parent = Some(name.clone());
            } else if let Some(p) = &parent {
                w.insert(0, p.clone());
            }
            let Some(key) = part_key(&w) else { continue };
            for &(s, c) in &cols {
                match amount(grid.get(r, c)) {
                    Ok(v) => put(key, s, v),
                    Err(f) => problems.push(bad_amount(at, &grid.address(r, c), &name, &f)),
                }
            }
        }
    }
    // A table printing no figure but a sentence that there was no such spending (本单位无财政
    // 拨款“三公”经费支出。) states a 决算数 of 0.
    let states_none = (header..grid.rows.len()).any(|r| {
        let t: String = (0..width).map(|c| norm(&grid.get(r, c).text())).collect();
        t.contains('无') && t.contains("三公") && t.contains("支出")
    });
    if found.iter().all(|(_, [b, a])| b.is_none() && a.is_none()) && states_none {
        found = vec![("total", [None, Some(Dec::from_int(0))])];
    }
    if found.is_empty() && problems.is_empty() {
        problems.push(pick(
            format!("{at}!{}：“三公”经费表应有合计、因公出国（境）费、公务用车购置及运行费、公务接待费各列（或各行），未找到", grid.address(header, 0)),
            format!("{at}!{}: expected the 三公 parts (合计, 因公出国（境）费, 公务用车购置及运行费, 公务接待费) as columns or rows, found none", grid.address(header, 0)),
        ));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    found.sort_by_key(|(k, _)| PARTS.iter().position(|p| p == k));
    Ok(ThreeTable {
        parts: found
            .into_iter()
            .filter(|(_, [b, a])| b.is_some() || a.is_some())
            .map(|(k, [b, a])| (k, b, a))
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_three_public_part_is_named_by_its_header_words() {
        let w = |s: &[&str]| s.iter().map(|t| (*t).to_owned()).collect::<Vec<_>>();
        assert_eq!(
            part_key(&w(&["决算数", "公务用车购置及运行费", "小计"])),
            Some("vehicle")
        );
        assert_eq!(
            part_key(&w(&["预算数", "公务用车购置及运行费", "公务用车购置费"])),
            Some("vehicle_purchase")
        );
        assert_eq!(
            part_key(&w(&["预算数", "公务用车购置及运行费", "公务用车运行费"])),
            Some("vehicle_operation")
        );
        assert_eq!(
            part_key(&w(&["预算数", "公务用车购置及运行费"])),
            Some("vehicle")
        );
        assert_eq!(
            part_key(&w(&["决算数", "因公出国(境)费"])),
            Some("outbound")
        );
        assert_eq!(part_key(&w(&["决算数", "合计"])), Some("total"));
        assert_eq!(part_key(&w(&["决算数", "公务接待费"])), Some("reception"));
        assert_eq!(part_key(&w(&["决算数"])), None);
    }
}
