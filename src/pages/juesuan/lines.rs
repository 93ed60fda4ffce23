//! 功能分类 rows: the 类 → 款 → 项 tree of a record's function lines, for the tables that list
//! expenditure by 科目 (公开01/03/04/05/07/08表).
//!
//! In: a [`FinalAccounts`] and which funds to include. Out: [`Node`]s in display order — each 类
//! (3-digit code), then its 款 (5-digit), each followed by its 项 (7-digit) — each with the lines
//! it sums. A line's code prefix groups it, else its names; groups keep the order in which the
//! record first mentions them. A line without a 项 name is represented by its 款 (or 类) row
//! only, so no row is printed twice.

use crate::model::{Dec, FinalAccounts, FunctionLine, Fund, Money};

/// One 类, 款 or 项 row and the lines it sums.
pub(crate) struct Node<'a> {
    /// `class`, `section` or `item`.
    pub(crate) level: &'static str,
    pub(crate) code: String,
    pub(crate) name: String,
    pub(crate) lines: Vec<&'a FunctionLine>,
}

impl Node<'_> {
    /// Σ 决算; `None` on overflow.
    pub(crate) fn actual(&self) -> Option<Money> {
        Dec::checked_sum(self.lines.iter().map(|l| l.actual))
    }

    /// Σ 决算 of the lines of one fund (0 when it has none there).
    pub(crate) fn fund_actual(&self, fund: Fund) -> Option<Money> {
        Dec::checked_sum(
            self.lines
                .iter()
                .filter(|l| l.fund == fund)
                .map(|l| l.actual),
        )
    }

    /// (基本支出, 项目支出): each the sum of the stated parts when every line states it; one
    /// missing part is 决算 − the other.
    pub(crate) fn split(&self) -> (Option<Money>, Option<Money>) {
        split(&self.lines)
    }
}

/// (基本支出, 项目支出) of some lines: each part summed when every line states it, one missing
/// part derived as Σ 决算 − the other.
pub(crate) fn split(lines: &[&FunctionLine]) -> (Option<Money>, Option<Money>) {
    let sum = |f: fn(&FunctionLine) -> Option<Money>| -> Option<Money> {
        let parts: Option<Vec<Dec>> = lines.iter().map(|l| f(l)).collect();
        parts.filter(|p| !p.is_empty()).and_then(Dec::checked_sum)
    };
    let basic = sum(|l| l.basic);
    let project = sum(|l| l.project);
    let actual = Dec::checked_sum(lines.iter().map(|l| l.actual));
    match (basic, project) {
        (Some(b), None) => (Some(b), actual.and_then(|a| a.checked_sub(b))),
        (None, Some(p)) => (actual.and_then(|a| a.checked_sub(p)), Some(p)),
        other => other,
    }
}

/// The lines of the given funds, in record order.
pub(crate) fn of_funds<'a>(fa: &'a FinalAccounts, funds: &[Fund]) -> Vec<&'a FunctionLine> {
    fa.lines
        .iter()
        .filter(|l| funds.contains(&l.fund))
        .collect()
}

/// The code prefix of a line at `len` digits, when its code is long enough and all digits.
fn prefix(line: &FunctionLine, len: usize) -> Option<&str> {
    let code = line.code.as_deref()?;
    (code.len() >= len && code.bytes().all(|b| b.is_ascii_digit())).then(|| &code[..len])
}

/// Groups lines by a key, in order of first mention.
fn group_by<'a>(
    lines: &[&'a FunctionLine],
    key: impl Fn(&FunctionLine) -> String,
) -> Vec<Vec<&'a FunctionLine>> {
    let mut keys: Vec<String> = Vec::new();
    let mut groups: Vec<Vec<&FunctionLine>> = Vec::new();
    for &line in lines {
        let k = key(line);
        match keys.iter().position(|x| *x == k) {
            Some(i) => groups[i].push(line),
            None => {
                keys.push(k);
                groups.push(vec![line]);
            }
        }
    }
    groups
}

/// The first code prefix of `len` digits among `lines`, else empty.
fn group_code(lines: &[&FunctionLine], len: usize) -> String {
    lines
        .iter()
        .find_map(|l| prefix(l, len))
        .unwrap_or_default()
        .to_owned()
}

/// The 类 → 款 → 项 rows of the given lines.
pub(crate) fn tree<'a>(lines: &[&'a FunctionLine]) -> Vec<Node<'a>> {
    let mut out = Vec::new();
    let class_key = |l: &FunctionLine| prefix(l, 3).map_or_else(|| l.class.clone(), str::to_owned);
    for class in group_by(lines, class_key) {
        out.push(Node {
            level: "class",
            code: group_code(&class, 3),
            name: class.first().map(|l| l.class.clone()).unwrap_or_default(),
            lines: class.clone(),
        });
        let section_key = |l: &FunctionLine| {
            prefix(l, 5).map_or_else(|| l.section.clone().unwrap_or_default(), str::to_owned)
        };
        for section in group_by(&class, section_key) {
            let name = section.iter().find_map(|l| l.section.clone());
            if let Some(name) = name {
                out.push(Node {
                    level: "section",
                    code: group_code(&section, 5),
                    name,
                    lines: section.clone(),
                });
            }
            for line in section.iter().filter(|l| l.item.is_some()) {
                out.push(Node {
                    level: "item",
                    code: line.code.clone().unwrap_or_default(),
                    name: line.item.clone().unwrap_or_default(),
                    lines: vec![line],
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::score::accounts::fixture::final_accounts;

    #[test]
    fn lines_nest_under_their_section_and_class_in_first_mention_order() {
        let fa = final_accounts(
            r#"
lines:
  - {code: "2010301", class: 一般公共服务支出, section: 政府办公厅（室）及相关机构事务, item: 行政运行, actual: 10}
  - {code: "2080501", class: 社会保障和就业支出, section: 行政事业单位养老支出, item: 行政单位离退休, actual: 5}
  - {code: "2010350", class: 一般公共服务支出, section: 政府办公厅（室）及相关机构事务, item: 事业运行, actual: 2.5}
"#,
        );
        let nodes = tree(&of_funds(&fa, &[Fund::GeneralBudget]));
        let rows: Vec<(&str, &str)> = nodes.iter().map(|n| (n.level, n.code.as_str())).collect();
        assert_eq!(
            rows,
            [
                ("class", "201"),
                ("section", "20103"),
                ("item", "2010301"),
                ("item", "2010350"),
                ("class", "208"),
                ("section", "20805"),
                ("item", "2080501"),
            ]
        );
        assert_eq!(nodes[0].actual(), Dec::parse("12.5").ok());
    }

    #[test]
    fn one_stated_part_gives_the_other_as_the_remainder() {
        let fa = final_accounts(
            r#"
lines:
  - {code: "2010301", class: 一般公共服务支出, section: 办公厅, item: 行政运行, actual: 10, basic: 8}
"#,
        );
        let lines = of_funds(&fa, &[Fund::GeneralBudget]);
        assert_eq!(split(&lines), (Dec::parse("8").ok(), Dec::parse("2").ok()));
    }
}
