//! Rows and counts: `score.mismatch`, `indicator.direction`, `qualitative.band`,
//! `completion.count`, `indicator.duplicate`, `title.year`.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use super::{Ctx, Found, differ_at, percent_at, show};
use crate::model::{Dec, Direction, Indicator, Kind, Status};
use crate::score::IndicatorScore;
use crate::score::bands::{Band, band_floors, band_rule};
use crate::score::performance::{numbers, quantitative_score};
use crate::score::text::{name_looks_negative, normalize, years_in};

/// Every row of every goal: its score against the rule, its direction and its band.
pub(super) fn rows(ctx: &mut Ctx<'_>) {
    for (gi, g) in ctx.card.goals.iter().enumerate() {
        for (ii, ind) in g.indicators.iter().enumerate() {
            let Some(s) = ctx.score.goals.get(gi).and_then(|gs| gs.indicators.get(ii)) else {
                continue;
            };
            let at = format!("goals[{gi}].indicators[{ii}]");
            mismatch(ctx, &at, ind, s);
            direction(ctx, &at, ind);
            band(ctx, &at, ind, s);
        }
    }
}

fn mismatch(ctx: &mut Ctx<'_>, at: &str, ind: &Indicator, s: &IndicatorScore) {
    let (true, Some(reported), Some(rule)) = (s.differs, s.reported, s.rule) else {
        return;
    };
    let p = ctx.score.precision;
    ctx.push(Found {
        code: "score.mismatch",
        field: format!("{at}.score"),
        stated: Some(reported.to_string()),
        computed: Some(show(rule)),
        rule: format!("{}（按文件所印精度 {p} 位小数比较）", s.explanation),
        message: format!(
            "“{}”自评得分 {reported}，按规则应为 {}（目标值 {}，实际完成值 {}）",
            ind.name,
            show(rule),
            ind.target.as_ref().map_or("", |m| m.text.as_str()),
            ind.actual.as_ref().map_or("", |m| m.text.as_str()),
        ),
    });
}

/// A negative indicator (by name) whose reported score is the positive rule's, not the
/// negative rule's.
fn direction(ctx: &mut Ctx<'_>, at: &str, ind: &Indicator) {
    if ind.kind != Kind::Quantitative || !name_looks_negative(&ind.name) {
        return;
    }
    let (Some(w), Some(reported), Some((a, b))) = (ind.weight, ind.score, numbers(ind)) else {
        return;
    };
    let pos = quantitative_score(w, a, b, Direction::Positive);
    let neg = quantitative_score(w, a, b, Direction::Negative);
    let (Some((pos, _)), Some((neg, _))) = (pos, neg) else {
        return;
    };
    let p = ctx.score.precision;
    if !differ_at(reported, pos, p) && differ_at(reported, neg, p) {
        ctx.push(Found {
            code: "indicator.direction",
            field: format!("{at}.score"),
            stated: Some(reported.to_string()),
            computed: Some(show(neg)),
            rule: format!(
                "反向指标得分 = 分值 × min(目标值 ÷ 实际值, 1) = {} × min({a} ÷ {b}, 1)",
                show(w)
            ),
            message: format!(
                "“{}”是反向指标，自评得分 {reported} 按正向公式计算，按反向公式应为 {}",
                ind.name,
                show(neg)
            ),
        });
    }
}

fn band(ctx: &mut Ctx<'_>, at: &str, ind: &Indicator, s: &IndicatorScore) {
    let (Some(false), Some(b), Some(reported), Some(w)) = (s.band_ok, s.band, s.reported, s.weight)
    else {
        return;
    };
    let share = percent_at(reported, w, 2).unwrap_or(Dec::ZERO);
    let status = match ind.status {
        Some(st) => format!("完成情况为“{}”", status_label(st)),
        None => "报告将其列为未完成的绩效目标".to_owned(),
    };
    let expected = expected_band(ctx, ind);
    ctx.push(Found {
        code: "qualitative.band",
        field: format!("{at}.score"),
        stated: Some(format!(
            "{reported}（{} ÷ {} = {share}%，{}档）",
            reported,
            w,
            b.label()
        )),
        computed: Some(expected.clone()),
        rule: band_rule(ctx.template()).to_owned(),
        message: format!(
            "“{}”得分 {reported}/{w}（{share}%）落在{}档，但{status}，应在{expected}",
            ind.name,
            b.label()
        ),
    });
}

fn status_label(s: Status) -> &'static str {
    match s {
        Status::Met => "达成",
        Status::Partial => "部分达成",
        Status::Unmet => "未达成",
    }
}

/// The band a status calls for, in words.
fn expected_band(ctx: &Ctx<'_>, ind: &Indicator) -> String {
    let (met, partial) = band_floors(ctx.template());
    match ind.status.map(|s| match s {
        Status::Met => Band::Met,
        Status::Partial => Band::Partial,
        Status::Unmet => Band::Unmet,
    }) {
        Some(Band::Met) => format!("达成档（≥{met}%）"),
        Some(Band::Partial) => format!("部分达成档（≥{partial}%，<{met}%）"),
        Some(Band::Unmet) => format!("未达成档（<{partial}%）"),
        None => format!("部分达成或未达成档（<{met}%）"),
    }
}

/// Stated counts and rate against the rows.
pub(super) fn completion(ctx: &mut Ctx<'_>) {
    let c = ctx.score.completion;
    let st = &ctx.card.stated;
    let (n, m) = (
        Dec::from_int(i64::from(c.indicators)),
        Dec::from_int(i64::from(c.met)),
    );
    let rule = "完成率 = 完成指标数 ÷ 指标总数；定量指标按目标值比较，定性指标按完成情况、未完成清单、目标与实际文字是否一致判断".to_owned();
    let mut found = Vec::new();
    // Issue 16: a table cut off (原文不全) has rows after the cut; counts and rates over its
    // visible rows are not compared with what the report states of the whole table. The
    // report's own rate against its own counts still is.
    let whole = ctx.card.incomplete.is_none();
    if let Some(sn) = st.indicator_count
        && whole
        && sn != n
    {
        found.push((
            "indicator_count",
            sn.to_string(),
            n.to_string(),
            format!("报告称共设置 {sn} 个三级指标，表中有 {n} 个"),
        ));
    }
    if let Some(sm) = st.completed_count
        && whole
        && sm != m
    {
        found.push((
            "completed_count",
            sm.to_string(),
            m.to_string(),
            format!("报告称完成 {sm} 个指标，按表中数值判断完成 {m} 个"),
        ));
    }
    if let Some(sr) = st.completion_rate {
        let dp = sr.percent().scale();
        if let Some(r) = percent_at(m, n, dp)
            && whole
            && r != sr.percent()
        {
            let full = percent_at(m, n, 2).unwrap_or(r);
            found.push((
                "completion_rate",
                sr.to_string(),
                format!("{full}%"),
                format!("报告称完成指标占比 {sr}，按表中数值为 {m} ÷ {n} = {full}%"),
            ));
        }
        if let (Some(sn), Some(sm)) = (st.indicator_count, st.completed_count)
            && let Some(r) = percent_at(sm, sn, dp)
            && r != sr.percent()
        {
            let full = percent_at(sm, sn, 2).unwrap_or(r);
            found.push((
                "completion_rate",
                sr.to_string(),
                format!("{full}%"),
                format!("报告称完成指标占比 {sr}，但其所述 {sm} ÷ {sn} = {full}%"),
            ));
        }
    }
    for (sub, stated, computed, message) in found {
        ctx.push(Found {
            code: "completion.count",
            field: format!("stated.{sub}"),
            stated: Some(stated),
            computed: Some(computed),
            rule: rule.clone(),
            message,
        });
    }
}

/// The same indicator twice in one table with different actual values.
pub(super) fn duplicates(ctx: &mut Ctx<'_>) {
    // Linear in the number of indicators: the first row of each normalised name is found by
    // hashing (a list scanned per row took 10 s on 60,000 indicators; issue 15).
    let mut seen: HashMap<String, (usize, usize)> = HashMap::new();
    let mut found = Vec::new();
    let actual = |i: &Indicator| i.actual.as_ref().map(|m| normalize(&m.text));
    for (gi, g) in ctx.card.goals.iter().enumerate() {
        for (ii, ind) in g.indicators.iter().enumerate() {
            match seen.entry(normalize(&ind.name)) {
                Entry::Occupied(first) => {
                    let (g0, i0) = *first.get();
                    if actual(&ctx.card.goals[g0].indicators[i0]) != actual(ind) {
                        found.push((gi, ii, g0, i0));
                    }
                }
                Entry::Vacant(slot) => {
                    slot.insert((gi, ii));
                }
            }
        }
    }
    for (gi, ii, g0, i0) in found {
        let goals = &ctx.card.goals;
        let (first, dup) = (&goals[g0].indicators[i0], &goals[gi].indicators[ii]);
        let text = |i: &Indicator| i.actual.as_ref().map_or(String::new(), |m| m.text.clone());
        ctx.push(Found {
            code: "indicator.duplicate",
            field: format!("goals[{gi}].indicators[{ii}].actual"),
            stated: Some(text(dup)),
            computed: Some(format!("{}：{}", goals[g0].name, text(first))),
            rule: "同一指标在一张表中只应有一个实际完成值".to_owned(),
            message: format!(
                "“{}”在{}和{}中重复出现，实际完成值分别为 {} 和 {}",
                dup.name,
                goals[g0].name,
                goals[gi].name,
                text(first),
                text(dup)
            ),
        });
    }
}

/// A heading naming another year.
pub(super) fn title_year(ctx: &mut Ctx<'_>) {
    let Some(title) = ctx.card.title.clone() else {
        return;
    };
    let year = ctx.record.year.get();
    if let Some(other) = years_in(&title).into_iter().find(|y| *y != year) {
        ctx.push(Found {
            code: "title.year",
            field: "title".to_owned(),
            stated: Some(title.clone()),
            computed: Some(year.to_string()),
            rule: "表题中的年度应与记录年度一致".to_owned(),
            message: format!("表题“{title}”写的是 {other} 年度，记录年度为 {year}"),
        });
    }
}
