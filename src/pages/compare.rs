//! `units/<id>/<year>/compare.html`: one record against its unit's previous year with data,
//! or against the prior-year figures the record itself states. Indicators are compared table by
//! table (部门整体, then each project): a new or discontinued project is one line.
//!
//! In: the corpus, scores and profile. Out: the page view, and the [`Comparison`] its JSON and
//! CSV downloads share. Flags are internal notes: the public profile leaves them out.

use serde::Serialize;

use super::{Ctx, opt, record_shell, year_label};
use crate::compare::{
    FigureKind, FigureRow, IndicatorPair, MatchStatus, RecordFlag, TableGroup, TableStatus,
    TargetChange, compare_figures, match_tables, prior_record, record_flags,
};
use crate::model::{Dec, Pct, Profile, Record, Unit};
use crate::plan::{CompareTable, compare_csv_path, compare_json_path, unit_year_path};
use crate::render::{Shell, fmt_delta, fmt_delta_pct, fmt_money, fmt_pct, fmt_score};
use crate::score::accounts::PriorSource;

/// A record's comparison with its prior year: what the page, the JSON and the CSVs show.
#[derive(Serialize)]
pub(super) struct Comparison<'a> {
    pub(super) unit: &'a str,
    pub(super) year: u16,
    /// The year compared with; `None` when the prior figures are those the record states.
    pub(super) prior_year: Option<u16>,
    pub(super) amount_unit: &'static str,
    pub(super) figures: Vec<FigureRow>,
    /// One group per table (部门整体, then projects); empty without a prior record.
    pub(super) tables: Vec<TableGroup>,
    /// Empty under the public profile.
    pub(super) flags: Vec<RecordFlag>,
}

/// Compares a record with its prior.
pub(super) fn comparison<'a>(ctx: &Ctx<'a>, unit: &'a Unit, record: &'a Record) -> Comparison<'a> {
    let prior = prior_record(unit, record);
    let score = ctx.score(record);
    let prior_score = prior.and_then(|p| ctx.score(p));
    let figures = compare_figures(
        (record, score),
        prior.map(|p| (p, prior_score)),
        ctx.corpus.site.thresholds.change,
    );
    let tables = prior
        .map(|p| match_tables((record, score), (p, prior_score)))
        .unwrap_or_default();
    let flags = if ctx.profile == Profile::Internal {
        record_flags(score, &ctx.corpus.site.thresholds)
    } else {
        Vec::new()
    };
    Comparison {
        unit: unit.id.as_str(),
        year: record.year.get(),
        prior_year: prior.map(|p| p.year.get()),
        amount_unit: record.amount_unit.label(),
        figures,
        tables,
        flags,
    }
}

#[derive(Serialize)]
pub(super) struct ComparePage {
    title: String,
    prior_label: String,
    stated_prior: bool,
    threshold: String,
    figures: Vec<FigureView>,
    tables: Vec<TableView>,
    flags: Vec<String>,
    record_href: String,
    prior_href: Option<String>,
    json_href: String,
    csv_href: String,
    indicators_csv_href: String,
}

#[derive(Serialize)]
struct FigureView {
    label: String,
    unit: String,
    prior: String,
    current: String,
    delta: String,
    rate: String,
    words: String,
    highlight: bool,
    note: String,
}

/// One table's section: its indicator rows when matched, else one line saying it is new or
/// discontinued.
#[derive(Serialize)]
struct TableView {
    label: String,
    status: &'static str,
    status_key: &'static str,
    /// `新增项目：X（3 个指标）`; empty for a matched table.
    line: String,
    indicators: Vec<IndicatorView>,
}

#[derive(Serialize)]
struct IndicatorView {
    status: &'static str,
    status_key: &'static str,
    name: String,
    level1: String,
    prior_target: String,
    prior_actual: String,
    prior_weight: String,
    prior_score: String,
    target: String,
    actual: String,
    weight: String,
    score: String,
    notes: Vec<String>,
    lowered: bool,
}

/// A value of a figure as printed.
pub(super) fn value(kind: FigureKind, v: Option<Dec>) -> String {
    opt(v, |v| match kind {
        FigureKind::Money => fmt_money(v),
        FigureKind::Score => fmt_score(v),
        FigureKind::Percent => fmt_pct(Pct::from_percent(v)),
    })
}

/// [`value`] as a CSV holds it: an amount without thousands separators (`11092.59`), the unit
/// in its own column (README, Data files).
pub(super) fn csv_value(kind: FigureKind, v: Option<Dec>) -> String {
    value(kind, v).replace(',', "")
}

/// The unit a figure's change is printed in.
pub(super) fn unit_of(kind: FigureKind, amount_unit: &str) -> String {
    match kind {
        FigureKind::Money => amount_unit.to_owned(),
        FigureKind::Score => "分".to_owned(),
        FigureKind::Percent => "个百分点".to_owned(),
    }
}

/// 变动额 as printed (`+144.00`, a score `+2.4`), "—" without a change.
pub(super) fn delta(row: &FigureRow) -> String {
    opt(row.change.as_ref(), |c| match row.kind {
        FigureKind::Score if c.delta.is_negative() => fmt_score(c.delta),
        FigureKind::Score => format!("+{}", fmt_score(c.delta)),
        _ => fmt_delta(c.delta),
    })
}

/// 变动率 as printed (`-24.01%`), "—" without one (a zero or missing prior, a percentage).
pub(super) fn rate(row: &FigureRow) -> String {
    opt(row.change.as_ref().and_then(|c| c.rate), fmt_delta_pct)
}

/// The change in words: `增加 144.00 万元，增长 14.40%`, `提高 14.00 个百分点`.
pub(super) fn words(row: &FigureRow, amount_unit: &str) -> String {
    let Some(c) = &row.change else {
        return String::new();
    };
    if c.delta.is_zero() {
        return "持平".to_owned();
    }
    let unit = unit_of(row.kind, amount_unit);
    let size = match row.kind {
        FigureKind::Score => fmt_score(c.delta.abs()),
        _ => fmt_money(c.delta.abs()),
    };
    if row.kind == FigureKind::Percent {
        let verb = if c.delta.is_negative() {
            "下降"
        } else {
            "提高"
        };
        return format!("{verb} {size} {unit}");
    }
    match c.rate {
        Some(r) => format!(
            "{} {size} {unit}，{} {}%",
            c.words.amount,
            c.words.rate,
            fmt_money(r.percent().abs())
        ),
        None => format!("{} {size} {unit}（上年为 0，无变动率）", c.words.amount),
    }
}

fn figure_view(row: &FigureRow, amount_unit: &str) -> FigureView {
    let note = match row.prior_source {
        Some(PriorSource::Stated) => "上年数为本报告所列上年数",
        Some(PriorSource::Implied) => "上年数由本报告所述变动额推得",
        Some(PriorSource::Record) | None => "",
    };
    FigureView {
        label: row.label.clone(),
        unit: match row.kind {
            FigureKind::Percent => "%".to_owned(),
            k => unit_of(k, amount_unit),
        },
        prior: value(row.kind, row.prior),
        current: value(row.kind, row.current),
        delta: delta(row),
        rate: rate(row),
        words: words(row, amount_unit),
        highlight: row.highlight,
        note: note.to_owned(),
    }
}

/// What changed about an indicator, in words.
pub(super) fn indicator_notes(p: &IndicatorPair) -> Vec<String> {
    let mut notes = Vec::new();
    if p.renamed {
        let before = p
            .prior
            .as_ref()
            .map(|s| s.name.as_str())
            .unwrap_or_default();
        notes.push(format!("更名（按编号匹配，原名“{before}”）"));
    }
    if p.weight_changed {
        let w = |s: &Option<crate::compare::indicators::Side>| {
            opt(s.as_ref().and_then(|s| s.weight), fmt_score)
        };
        notes.push(format!("分值 {} → {}", w(&p.prior), w(&p.current)));
    }
    if let Some(t) = p.target_change {
        notes.push(t.label().to_owned());
    }
    notes
}

fn indicator_view(p: &IndicatorPair) -> IndicatorView {
    let side = |s: &Option<crate::compare::indicators::Side>| {
        let s = s.as_ref();
        let text = |t: Option<&String>| t.cloned().unwrap_or_else(|| "—".to_owned());
        (
            text(s.and_then(|s| s.target.as_ref())),
            text(s.and_then(|s| s.actual.as_ref())),
            opt(s.and_then(|s| s.weight), fmt_score),
            opt(s.and_then(|s| s.score), fmt_score),
        )
    };
    let (prior_target, prior_actual, prior_weight, prior_score) = side(&p.prior);
    let (target, actual, weight, score) = side(&p.current);
    let shown = p.current.as_ref().or(p.prior.as_ref());
    IndicatorView {
        status: p.status.label(),
        status_key: match p.status {
            MatchStatus::Kept => "kept",
            MatchStatus::New => "new",
            MatchStatus::Removed => "removed",
        },
        name: shown.map(|s| s.name.clone()).unwrap_or_default(),
        level1: shown.and_then(|s| s.level1.clone()).unwrap_or_default(),
        prior_target,
        prior_actual,
        prior_weight,
        prior_score,
        target,
        actual,
        weight,
        score,
        notes: indicator_notes(p),
        lowered: p.target_change == Some(TargetChange::Lowered),
    }
}

/// The status key of a table (`matched`, `new`, `removed`).
fn table_status_key(s: TableStatus) -> &'static str {
    match s {
        TableStatus::Matched => "matched",
        TableStatus::New => "new",
        TableStatus::Removed => "removed",
    }
}

/// A new or discontinued table in words: `新增项目：X（3 个指标）`.
fn table_line(t: &TableGroup) -> String {
    match t.status {
        TableStatus::Matched => String::new(),
        TableStatus::New if t.whole => {
            format!("本年新增部门整体绩效自评表（{} 个指标）", t.indicator_count)
        }
        TableStatus::Removed if t.whole => format!(
            "本年无部门整体绩效自评表（上年 {} 个指标）",
            t.indicator_count
        ),
        s => format!("{}：{}（{} 个指标）", s.label(), t.label, t.indicator_count),
    }
}

fn table_view(t: &TableGroup) -> TableView {
    TableView {
        label: t.label.clone(),
        status: t.status.label(),
        status_key: table_status_key(t.status),
        line: table_line(t),
        indicators: t.indicators.iter().map(indicator_view).collect(),
    }
}

pub(super) fn view(
    ctx: &Ctx<'_>,
    path: &str,
    unit: &Unit,
    record: &Record,
    c: &Comparison<'_>,
) -> (Shell, ComparePage) {
    let prior_label = c
        .prior_year
        .map_or_else(|| "上年（本报告所列）".to_owned(), |y| format!("{y}年"));
    let title = format!(
        "{}{}与{}比较",
        unit.short_name,
        year_label(record.year),
        prior_label
    );
    let id = unit.id.as_str();
    let shell = record_shell(ctx, path, &title, unit, record.year, "年度比较");
    let root = shell.root.clone();
    let page = ComparePage {
        title,
        stated_prior: c.prior_year.is_none(),
        threshold: fmt_score(ctx.corpus.site.thresholds.change),
        figures: c
            .figures
            .iter()
            .map(|r| figure_view(r, c.amount_unit))
            .collect(),
        tables: c.tables.iter().map(table_view).collect(),
        flags: c.flags.iter().map(|f| f.text.clone()).collect(),
        record_href: format!("{root}{}", unit_year_path(id, record.year)),
        prior_href: c.prior_year.and_then(|_| {
            prior_record(unit, record).map(|p| format!("{root}{}", unit_year_path(id, p.year)))
        }),
        json_href: format!("{root}{}", compare_json_path(id, record.year)),
        csv_href: format!(
            "{root}{}",
            compare_csv_path(id, record.year, CompareTable::Figures)
        ),
        indicators_csv_href: format!(
            "{root}{}",
            compare_csv_path(id, record.year, CompareTable::Indicators)
        ),
        prior_label,
    };
    (shell, page)
}
