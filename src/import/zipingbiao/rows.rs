//! The funds block and the indicator rows of a 自评表.

use super::cells::{amount_at, decimal_at, explained, rate_at, weight_suffix};
use super::{BLOCKS, Cols, Funds, Goal, Indicator, Scorecard};
use crate::import::sheet::{Grid, V, norm};

/// The funds block from its header in row `header` (the label in column `label`): the first
/// row below it is the total, each further row one of its `parts`, up to the next block. The
/// row after the block.
pub(super) fn funds(
    grid: &Grid,
    header: usize,
    label: usize,
    at: &str,
    s: &mut Scorecard,
    problems: &mut Vec<String>,
) -> usize {
    #[derive(Clone, Copy, PartialEq)]
    enum F {
        Initial,
        Budget,
        Actual,
        Weight,
        Rate,
        Score,
    }
    let mut columns: Vec<(usize, F, String)> = Vec::new();
    for c in label + 1..grid.width() {
        let t = norm(&grid.get(header, c).text());
        // `得分(20分*执行率)` is the score, `执行率(B/A)` the rate.
        let f = if t.starts_with("得分") {
            F::Score
        } else if t.starts_with("年初预算") {
            F::Initial
        } else if t.contains("执行率") {
            F::Rate
        } else if t.starts_with("分值") || t.starts_with("权重") {
            F::Weight
        } else if t.contains("执行数") {
            F::Actual
        } else if t.contains("预算数") || t.starts_with("调整后预算") {
            F::Budget
        } else {
            continue;
        };
        if !columns.iter().any(|(_, g, _)| *g == f) {
            columns.push((c, f, t));
        }
    }
    let first = columns
        .iter()
        .map(|(c, _, _)| *c)
        .min()
        .unwrap_or(grid.width());
    let mut rows: Vec<Funds> = Vec::new();
    let mut r = header + 1;
    while r < grid.rows.len() {
        let name = (0..first)
            .map(|c| grid.get(r, c).text())
            .find(|t| !t.is_empty());
        let n = name.as_deref().map(norm).unwrap_or_default();
        let empty = name.is_none() && columns.iter().all(|(c, _, _)| grid.get(r, *c) == &V::Empty);
        if (!n.is_empty() && BLOCKS.iter().any(|b| n.starts_with(b)))
            || n.starts_with("预算执行情况")
            || empty && !rows.is_empty()
        {
            break;
        }
        if empty {
            r += 1;
            continue;
        }
        let what = name.clone().unwrap_or_default();
        let mut row = Funds {
            name: name.filter(|_| !rows.is_empty()),
            ..Funds::default()
        };
        for (c, f, head) in &columns {
            let what = format!("{what} {head}");
            match f {
                F::Initial => row.initial_budget = amount_at(grid, r, *c, &what, at, problems),
                F::Budget => row.budget = amount_at(grid, r, *c, &what, at, problems),
                F::Actual => row.actual = amount_at(grid, r, *c, &what, at, problems),
                F::Weight => row.weight = decimal_at(grid, r, *c, &what, at, problems),
                F::Score => row.score = decimal_at(grid, r, *c, &what, at, problems),
                F::Rate => row.rate = rate_at(grid, r, *c, &what, at, problems),
            }
        }
        rows.push(row);
        r += 1;
    }
    let mut rows = rows.into_iter();
    if let Some(total) = rows.next() {
        s.execution = Some((total, rows.collect()));
    }
    r
}

/// One indicator row, added to `goal` unless it prints neither a figure nor a target (a row the
/// form leaves for another indicator).
pub(super) fn indicator(
    grid: &Grid,
    r: usize,
    h: &Cols,
    goal: &mut Goal,
    carry: &mut (Option<String>, Option<String>),
    at: &str,
    problems: &mut Vec<String>,
) {
    let text = |c: Option<usize>| c.map(|c| grid.get(r, c).text()).filter(|t| !t.is_empty());
    for (level, col) in [(1, h.level1), (2, h.level2)] {
        if let Some(t) = text(col) {
            let (name, weight) = weight_suffix(&t);
            if let Some(w) = weight {
                let level2 = (level == 2).then(|| name.clone());
                let level1 = if level == 1 {
                    name.clone()
                } else {
                    carry.0.clone().unwrap_or_default()
                };
                goal.subtotals.push((level1, level2, w));
            }
            if level == 1 {
                carry.0 = Some(name);
            } else {
                carry.1 = Some(name);
            }
        }
    }
    let Some(printed) =
        text(Some(h.name)).filter(|t| !t.chars().all(|c| matches!(c, '…' | '.' | '—')))
    else {
        return;
    };
    let (name, suffix) = weight_suffix(&printed);
    let what = |head: &str| format!("{name} {head}");
    let weight = match h.weight {
        Some(c) => decimal_at(grid, r, c, &what("分值"), at, problems).or(suffix),
        None => suffix,
    };
    let score = h
        .score
        .and_then(|c| decimal_at(grid, r, c, &what("得分"), at, problems));
    let target = text(h.target);
    let value = text(h.value);
    let printed_actual = text(h.actual);
    if weight.is_none()
        && score.is_none()
        && target.is_none()
        && value.is_none()
        && printed_actual.is_none()
    {
        return;
    }
    let (actual, note) = match printed_actual.as_deref().and_then(explained) {
        Some(figure) => (Some(figure), printed_actual),
        None => (printed_actual, None),
    };
    goal.indicators.push(Indicator {
        level1: carry.0.clone(),
        level2: carry.1.clone(),
        name,
        weight,
        target,
        actual,
        score,
        deviation: text(h.deviation),
        nature: text(h.nature),
        value,
        unit: text(h.unit),
        note,
    });
}
