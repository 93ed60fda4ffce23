//! A 自评表's cells: weights and scores as printed decimals, percentages as printed, amounts
//! per [`amount`], a weight printed after a name, an actual printed with its explanation.

use crate::import::sheet::{Grid, V, amount, bad_amount, bad_cell, norm};
use crate::model::Dec;
use crate::model::money::Pct;

/// The figure of a 完成值 printed with its explanation in brackets (`99.89%(受理…)` → `99.89%`).
pub(super) fn explained(text: &str) -> Option<String> {
    let open = text.find(['(', '（'])?;
    let head = text[..open].trim();
    if !text.ends_with([')', '）']) || head.is_empty() {
        return None;
    }
    crate::model::measure::Measure::parse(head)
        .number
        .map(|_| head.to_owned())
}

/// A name printed with its weight (`信访件办结率(5分)`, `年度绩效目标1 (8分)`): the name without it
/// and the weight.
pub(super) fn weight_suffix(text: &str) -> (String, Option<Dec>) {
    let t = text.trim_end();
    let Some(inner) = t.strip_suffix(')').or_else(|| t.strip_suffix('）')) else {
        return (t.to_owned(), None);
    };
    let Some(open) = inner.rfind(['(', '（']) else {
        return (t.to_owned(), None);
    };
    let w = norm(&inner[open..]);
    let w = w.trim_start_matches('(');
    match w.strip_suffix('分').map(Dec::parse) {
        Some(Ok(d)) => (inner[..open].trim_end().to_owned(), Some(d)),
        _ => (t.to_owned(), None),
    }
}

pub(super) fn amount_at(
    grid: &Grid,
    r: usize,
    c: usize,
    what: &str,
    at: &str,
    problems: &mut Vec<String>,
) -> Option<Dec> {
    amount(grid.get(r, c)).unwrap_or_else(|found| {
        problems.push(bad_amount(at, &grid.address(r, c), what, &found));
        None
    })
}

/// A weight or score as printed (`4.5`, `20分`); blank or `—`: not printed.
pub(super) fn decimal_at(
    grid: &Grid,
    r: usize,
    c: usize,
    what: &str,
    at: &str,
    problems: &mut Vec<String>,
) -> Option<Dec> {
    let text = match grid.get(r, c) {
        V::Empty => return None,
        v => v.text(),
    };
    if is_dash(&text) {
        return None;
    }
    let figure = text.strip_suffix('分').unwrap_or(&text).trim_end();
    match Dec::parse(figure) {
        Ok(d) => Some(d),
        Err(_) => {
            problems.push(bad_cell(
                at,
                &grid.address(r, c),
                what,
                ("分值或得分（如 4.5）", "a weight or score such as 4.5"),
                &text,
            ));
            None
        }
    }
}

/// A percentage as printed (`86%`), or a number a spreadsheet formats as one (0.86 → `86%`).
pub(super) fn rate_at(
    grid: &Grid,
    r: usize,
    c: usize,
    what: &str,
    at: &str,
    problems: &mut Vec<String>,
) -> Option<String> {
    let text = match grid.get(r, c) {
        V::Empty => return None,
        V::Num(n) => {
            return Dec::parse(&format!("{n}"))
                .ok()
                .and_then(Pct::from_ratio)
                .map(|p| format!("{}%", p.percent().normalize()));
        }
        v => v.text(),
    };
    if is_dash(&text) {
        return None;
    }
    if Pct::parse(&text).is_ok() {
        return Some(text);
    }
    problems.push(bad_cell(
        at,
        &grid.address(r, c),
        what,
        ("百分数（如 98.5%）", "a percentage such as 98.5%"),
        &text,
    ));
    None
}

fn is_dash(text: &str) -> bool {
    text.chars()
        .all(|c| matches!(c, '—' | '－' | '-' | '–' | '―'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_weight_printed_after_a_name_is_read_off_it() {
        let d = |s: &str| Dec::parse(s).ok();
        assert_eq!(
            weight_suffix("信访件办结率(5分)"),
            ("信访件办结率".to_owned(), d("5"))
        );
        assert_eq!(
            weight_suffix("年度绩效目标1 （8.5分）"),
            ("年度绩效目标1".to_owned(), d("8.5"))
        );
        assert_eq!(
            weight_suffix("文明城市(区)建设"),
            ("文明城市(区)建设".to_owned(), None)
        );
    }

    #[test]
    fn an_actual_with_its_explanation_keeps_the_figure() {
        assert_eq!(
            explained("99.89%(受理阳光信访件272件,已回267件)").as_deref(),
            Some("99.89%")
        );
        assert_eq!(explained("有所提高（见报告）"), None);
        assert_eq!(explained("100%"), None);
    }
}
