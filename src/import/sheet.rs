//! One sheet: which table it holds (by its name or title), where its header and body are, and
//! its rows read by their 科目编码 and its columns by their header text.

use std::collections::BTreeMap;

use calamine::{Data, Range};

use crate::lang::pick;
use crate::model::Dec;
use crate::model::tables::{LineCells, LineCol, LineRow, LineTable, LineTableKind};

/// A cell as the sheet holds it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum V {
    Empty,
    Text(String),
    Num(f64),
}

impl V {
    pub(super) fn text(&self) -> String {
        match self {
            V::Empty => String::new(),
            V::Text(t) => t.trim().to_owned(),
            V::Num(n) => format!("{n}"),
        }
    }
}

/// The sheet's cells, row by row, with the address of its first cell.
pub(crate) struct Grid {
    pub(super) rows: Vec<Vec<V>>,
    /// Row and column of `rows[0][0]` in the sheet (from 0).
    origin: (u32, u32),
}

impl Grid {
    pub(crate) fn of(range: &Range<Data>) -> Grid {
        let rows = range
            .rows()
            .map(|r| {
                r.iter()
                    .map(|d| match d {
                        Data::Int(i) => V::Num(*i as f64),
                        Data::Float(f) => V::Num(*f),
                        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => {
                            if s.trim().is_empty() {
                                V::Empty
                            } else {
                                V::Text(s.clone())
                            }
                        }
                        Data::Bool(b) => V::Text(b.to_string()),
                        Data::Empty => V::Empty,
                        other => V::Text(other.to_string()),
                    })
                    .collect()
            })
            .collect();
        Grid {
            rows,
            origin: range.start().unwrap_or((0, 0)),
        }
    }

    pub(super) fn get(&self, r: usize, c: usize) -> &V {
        self.rows
            .get(r)
            .and_then(|row| row.get(c))
            .unwrap_or(&V::Empty)
    }

    pub(super) fn width(&self) -> usize {
        self.rows.iter().map(Vec::len).max().unwrap_or(0)
    }

    /// `C12` for `rows[r][c]`.
    pub(super) fn address(&self, r: usize, c: usize) -> String {
        let row = self.origin.0 as usize + r + 1;
        let mut col = self.origin.1 as usize + c + 1;
        let mut letters = Vec::new();
        while col > 0 {
            let rem = (col - 1) % 26;
            letters.push(char::from(b'A' + u8::try_from(rem).unwrap_or(0)));
            col = (col - 1) / 26;
        }
        letters.reverse();
        format!("{}{row}", letters.into_iter().collect::<String>())
    }
}

/// Without spaces (full-width too), and with full-width parentheses as half-width.
pub(super) fn norm(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{3000}')
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            c => c,
        })
        .collect()
}

/// A table's title without the number the software or the edition puts around it:
/// `公开03表`, `GK03`, `Z03`, `附表3`, `(财决03表)`, `表三` ….
pub(super) fn bare_title(s: &str) -> String {
    let mut t: String = norm(s)
        .chars()
        .filter(|c| !matches!(c, '“' | '”' | '"' | '＂' | '‘' | '’' | '\''))
        .collect();
    for prefix in ["公开", "GK", "gk", "Z", "附表", "表"] {
        if let Some(rest) = t.strip_prefix(prefix) {
            let digits = rest.chars().take_while(|c| c.is_ascii_digit()).count();
            if digits > 0 {
                let rest = &rest[digits..];
                t = rest.strip_prefix('表').unwrap_or(rest).to_owned();
                break;
            }
        }
    }
    if let Some(i) = t.find("(财决") {
        t.truncate(i);
    }
    for mark in ["(续表)", "(续)", "续表", "续"] {
        if let Some(rest) = t.strip_suffix(mark) {
            t = rest.to_owned();
            break;
        }
    }
    t.trim_start_matches(['-', '_', '.', '、']).to_owned()
}

/// A sheet name or title marking a table continued from the sheet before: `支出决算表(续)`,
/// `支出决算表（续表）`, `支出决算表续`.
pub(super) fn is_continued(s: &str) -> bool {
    let t = norm(s);
    t.ends_with("(续)") || t.ends_with("(续表)") || t.ends_with("续表") || t.ends_with('续')
}

/// The texts of the first rows' first cells, where a sheet prints its title.
pub(super) fn first_texts(grid: &Grid) -> Vec<String> {
    let mut out = Vec::new();
    for r in 0..grid.rows.len().min(4) {
        for c in 0..grid.width().min(4) {
            if let V::Text(t) = grid.get(r, c) {
                out.push(t.clone());
            }
        }
    }
    out
}

/// The number of `公开03表`, `GK03`, `附表3`, `表3` (`03`, `3` as `03`); empty when none.
pub(super) fn number_of(s: &str) -> String {
    let t = norm(s);
    for prefix in ["公开", "GK", "gk", "附表", "表"] {
        if let Some(rest) = t.strip_prefix(prefix) {
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            if !digits.is_empty() {
                return format!("{:0>2}", digits.trim_start_matches('0'));
            }
        }
    }
    String::new()
}

/// The amount unit a sheet states above its table (`单位：万元`, `金额单位：元`).
pub(super) fn unit_of(grid: &Grid) -> Option<String> {
    (0..grid.rows.len().min(8)).find_map(|r| {
        (0..grid.width()).find_map(|c| {
            let t = norm(&grid.get(r, c).text());
            ["万元", "元"]
                .into_iter()
                .find(|u| t.ends_with(&format!("单位:{u}")) || t.ends_with(&format!("单位：{u}")))
                .map(str::to_owned)
        })
    })
}

/// The header words that name each column.
fn aliases(col: LineCol) -> &'static [&'static str] {
    match col {
        LineCol::Total => &[
            "合计",
            "本年收入合计",
            "本年支出合计",
            "小计",
            "本年支出小计",
            "支出合计",
        ],
        LineCol::Fiscal => &["财政拨款收入", "财政拨款"],
        LineCol::SuperiorSubsidy => &["上级补助收入"],
        LineCol::Business => &["事业收入"],
        LineCol::Operating => &["经营收入", "经营支出"],
        LineCol::Affiliated => &["附属单位上缴收入"],
        LineCol::Other => &["其他收入"],
        LineCol::Basic => &["基本支出"],
        LineCol::Project => &["项目支出"],
        LineCol::ToSuperior => &["上缴上级支出"],
        LineCol::ToAffiliated => &["对附属单位补助支出"],
        LineCol::Opening => &["年初结转和结余", "年初财政拨款结转和结余"],
        LineCol::Income => &["本年收入"],
        LineCol::Closing => &["年末结转和结余", "年末财政拨款结转和结余"],
    }
}

/// Reads the table of `kind` from the sheet; `at` is `book.xlsx!Sheet`.
pub(crate) fn table(kind: LineTableKind, grid: &Grid, at: &str) -> Result<LineTable, Vec<String>> {
    let mut problems = Vec::new();
    // The header starts at the row naming the 科目 columns.
    let header = (0..grid.rows.len()).find(|&r| {
        (0..grid.width()).any(|c| {
            let t = norm(&grid.get(r, c).text());
            t.contains("科目编码") || t.contains("科目名称") || t == "项目"
        })
    });
    let Some(header) = header else {
        return Err(vec![pick(
            format!(
                "{at}：{}应有含“科目编码”“科目名称”的表头，未找到",
                kind.title()
            ),
            format!(
                "{at}: expected a header naming 科目编码 and 科目名称 above the {}, found none",
                kind.title()
            ),
        )]);
    };
    // The body starts at the first row with a 科目编码 or 合计 below the header.
    let is_code = |t: &str| matches!(t.len(), 3 | 5 | 7) && t.bytes().all(|b| b.is_ascii_digit());
    let body = (header + 1..grid.rows.len()).find(|&r| {
        (0..grid.width()).any(|c| {
            let t = norm(&grid.get(r, c).text());
            is_code(&t) || t == "合计" || t.contains("本表无数据")
        })
    });
    let body = body.unwrap_or(grid.rows.len());
    let width = grid.width();
    let words = header_words(grid, header, body);
    let leaf = |c: usize| words[c].last().cloned().unwrap_or_default();
    let code_cols: Vec<usize> = (0..width)
        .filter(|&c| {
            let l = leaf(c);
            l.contains("编码") || l == "类" || l == "款" || l == "项"
        })
        .collect();
    let name_col = (0..width).find(|&c| leaf(c).contains("科目名称") || leaf(c) == "名称");
    if code_cols.is_empty() || name_col.is_none() {
        let found = (0..width)
            .map(leaf)
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join("、");
        problems.push(pick(
            format!(
                "{at}!{}：表头应有“科目编码”和“科目名称”两列，实际为 {found}",
                grid.address(header, 0)
            ),
            format!(
                "{at}!{}: expected the columns 科目编码 and 科目名称 in the header, found {found}",
                grid.address(header, 0)
            ),
        ));
        return Err(problems);
    }
    let name_col = name_col.unwrap_or(0);
    let mut columns: Vec<(usize, LineCol)> = Vec::new();
    for &col in kind.columns() {
        let hit = (0..width).find(|&c| {
            !code_cols.contains(&c)
                && c != name_col
                && aliases(col).contains(&leaf(c).as_str())
                && !columns.iter().any(|(cc, _)| *cc == c)
                // 本年收入 is the fund tables' income, never their 合计.
                && !(col == LineCol::Total && leaf(c) == "本年收入")
        });
        if let Some(c) = hit {
            columns.push((c, col));
        }
    }
    if columns.is_empty() {
        let expected = kind
            .columns()
            .iter()
            .map(|c| aliases(*c)[0])
            .collect::<Vec<_>>()
            .join("、");
        problems.push(pick(
            format!(
                "{at}!{}：{}应有 {expected} 等金额列，一列也未找到",
                grid.address(header, 0),
                kind.title()
            ),
            format!(
                "{at}!{}: expected the {} columns ({expected}), found none of them",
                grid.address(header, 0),
                kind.title()
            ),
        ));
        return Err(problems);
    }
    let mut table = LineTable {
        kind,
        total: None,
        rows: Vec::new(),
        statement: None,
    };
    for r in body..grid.rows.len() {
        let first = norm(&grid.get(r, 0).text());
        if first.starts_with("注") {
            break;
        }
        let row_text: String = (0..width).map(|c| grid.get(r, c).text()).collect();
        if row_text.contains("本表无数据") {
            table.statement = Some(row_text.trim().to_owned());
            continue;
        }
        let code: String = code_cols
            .iter()
            .map(|&c| norm(&grid.get(r, c).text()))
            .collect();
        let code = code.trim_end_matches(".0").to_owned();
        let name = grid.get(r, name_col).text();
        let mut cells: LineCells = BTreeMap::new();
        for &(c, col) in &columns {
            match amount(grid.get(r, c)) {
                Ok(Some(v)) => {
                    cells.insert(col, v);
                }
                Ok(None) => {}
                Err(found) => problems.push(bad_amount(
                    at,
                    &grid.address(r, c),
                    &format!(
                        "{} {}",
                        if name.is_empty() {
                            "合计"
                        } else {
                            name.as_str()
                        },
                        leaf(c)
                    ),
                    &found,
                )),
            }
        }
        if norm(&name) == "合计" && code.is_empty() {
            table.total = Some(cells);
        } else if is_code(&code) {
            table.rows.push(LineRow { code, name, cells });
        } else if !cells.is_empty() || code.chars().any(|c| c.is_ascii_digit()) {
            // A row with figures (or a code) that is neither 合计 nor a 科目 row; a row of text
            // only is a note below the table (本表反映…) and is not part of it.
            problems.push(pick(
                format!(
                    "{at}!{}：有金额的行应有 3、5 或 7 位科目编码（类、款或项），或为“合计”，实际为 `{code}` `{name}`",
                    grid.address(r, code_cols[0])
                ),
                format!(
                    "{at}!{}: expected a 科目编码 of 3, 5 or 7 digits (类, 款 or 项) or 合计, found `{code}` `{name}`",
                    grid.address(r, code_cols[0])
                ),
            ));
        }
    }
    if problems.is_empty() {
        Ok(table)
    } else {
        Err(problems)
    }
}

/// Each column's words from the header rows `header..body`, top to bottom; a group heading
/// (merged over several columns) stands in its first column and is carried to the right over
/// the columns below it. The 栏次 row under a header (栏次, 1, 2, 3 …) numbers the columns and
/// is not their names.
pub(super) fn header_words(grid: &Grid, header: usize, body: usize) -> Vec<Vec<String>> {
    let width = grid.width();
    let mut words: Vec<Vec<String>> = vec![Vec::new(); width];
    let numbering = |r: usize| {
        let texts: Vec<String> = (0..width)
            .map(|c| norm(&grid.get(r, c).text()))
            .filter(|t| !t.is_empty())
            .collect();
        !texts.is_empty()
            && texts.iter().all(|t| {
                matches!(t.as_str(), "栏次" | "行次" | "甲" | "乙" | "丙")
                    || (t.len() <= 3 && t.bytes().all(|b| b.is_ascii_digit()))
            })
    };
    for r in (header..body).filter(|&r| !numbering(r)) {
        let mut carry: Option<String> = None;
        for (c, col_words) in words.iter_mut().enumerate() {
            let t = norm(&grid.get(r, c).text());
            let below =
                (r + 1..body).any(|rr| !numbering(rr) && !grid.get(rr, c).text().is_empty());
            if !t.is_empty() {
                carry = below.then(|| t.clone());
                col_words.push(t);
            } else if let Some(g) = &carry {
                if below {
                    col_words.push(g.clone());
                } else {
                    carry = None;
                }
            }
        }
    }
    words
}

/// An amount cell that is not one: `what` names the row and column.
pub(super) fn bad_amount(at: &str, cell: &str, what: &str, found: &str) -> String {
    bad_cell(
        at,
        cell,
        what,
        ("金额（如 2940.05）", "an amount such as 2940.05"),
        found,
    )
}

/// A cell holding neither what its column takes nor a blank or `—`: `expected` is what the
/// column takes, in Chinese and in English (`金额（如 2940.05）`, `an amount such as 2940.05`).
pub(crate) fn bad_cell(
    at: &str,
    cell: &str,
    what: &str,
    expected: (&str, &str),
    found: &str,
) -> String {
    let (zh, en) = expected;
    pick(
        format!("{at}!{cell}：{what}：应为{zh}、空白或 —，实际为 `{found}`"),
        format!("{at}!{cell}: {what}: expected {en}, a blank or —, found `{found}`"),
    )
}

/// An amount cell: a number (rounded 四舍五入 to two places), a text of digits with thousands
/// separators, or blank / `—` (not printed). The text found otherwise.
pub(super) fn amount(v: &V) -> Result<Option<Dec>, String> {
    let text = match v {
        V::Empty => return Ok(None),
        V::Num(n) => format!("{n}"),
        V::Text(t) => t.trim().to_owned(),
    };
    // A dash is not printed; so is a figure gongkai's own workbook marks as derived by a rule
    // (`0.00（推算）`): the document did not print it.
    if text.is_empty()
        || text
            .chars()
            .all(|c| matches!(c, '—' | '－' | '-' | '–' | '―'))
        || text.ends_with("（推算）")
    {
        return Ok(None);
    }
    Dec::parse(&text.replace(',', ""))
        .or_else(|_| Dec::parse(&text))
        .map(|d| Some(d.round(2)))
        .map_err(|_| text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_is_found_whatever_number_the_software_puts_around_it() {
        for t in [
            "支出决算表",
            "公开03表",
            "公开03表 支出决算表",
            "GK03 支出决算表",
            "Z03 支出决算表(财决03表)",
            "Z03 支出决算表（财决03表）",
            "支 出 决 算 表",
        ] {
            let b = bare_title(t);
            assert!(b == "支出决算表" || b.is_empty(), "{t} → {b}");
        }
        assert_eq!(bare_title("Z03 支出决算表(财决03表)"), "支出决算表");
    }

    #[test]
    fn money_is_rounded_half_away_from_zero_and_a_dash_is_not_printed() {
        assert_eq!(
            amount(&V::Num(2.345)).expect("ok").map(|d| d.to_string()),
            Some("2.35".into())
        );
        assert_eq!(
            amount(&V::Text("1,238.58".into()))
                .expect("ok")
                .map(|d| d.to_string()),
            Some("1238.58".into())
        );
        assert_eq!(amount(&V::Text("—".into())), Ok(None));
        assert_eq!(amount(&V::Empty), Ok(None));
        assert_eq!(amount(&V::Text("很多".into())), Err("很多".into()));
    }

    #[test]
    fn addresses_are_as_a_spreadsheet_names_them() {
        let g = Grid {
            rows: Vec::new(),
            origin: (0, 0),
        };
        assert_eq!(g.address(11, 2), "C12");
        assert_eq!(g.address(0, 26), "AA1");
    }
}
