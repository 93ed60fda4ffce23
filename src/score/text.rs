//! Reading the document's words: name normalisation, the "did not happen" family, unit
//! compatibility and the names of negative indicators.
//!
//! In: text as printed. Out: booleans and normalised strings. Never reads a number out of a
//! sentence (that is [`Measure::parse`]'s job) and never decides a score.

use crate::model::{Comparator, Dec, Measure};

/// A name as compared across tables and lists: trimmed, without any whitespace, full-width
/// ASCII forms turned into half-width (`（３分）` → `(3分)`).
pub(crate) fn normalize(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(half_width)
        .collect()
}

/// Full-width ASCII variants (U+FF01–U+FF5E) to their ASCII forms; the ideographic space to a
/// space; everything else unchanged.
fn half_width(c: char) -> char {
    match c as u32 {
        0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        0x3000 => ' ',
        _ => c,
    }
}

/// Texts that say an event did not happen, after normalisation.
const NOTHING_HAPPENED: [&str; 10] = [
    "不发生",
    "未发生",
    "无发生",
    "没有发生",
    "零发生",
    "无",
    "没有",
    "零",
    "杜绝",
    "未出现",
];

/// Is `text` one of the "did not happen" family: `不发生`, `未发生`, `无`, `0起`, a short
/// `无…发生` / `不发生…` phrase? A sentence that goes on after the event (`无重大安全事件发生,
/// 妥善处置投诉`) is not: it states more than one thing.
pub(crate) fn is_nothing_happened(text: &str) -> bool {
    let t = normalize(text);
    let t = t.trim_end_matches(['。', '.', ';', '；']);
    if NOTHING_HAPPENED.contains(&t) {
        return true;
    }
    let punctuated = t
        .chars()
        .any(|c| matches!(c, ',' | '，' | '、' | ';' | '；' | '。'));
    let short = t.chars().count() <= 16;
    if !punctuated && short {
        let phrase = (t.starts_with('无') || t.starts_with("未") || t.starts_with("没有"))
            && t.ends_with("发生");
        let leading = t.starts_with("不发生") || t.starts_with("未发生");
        if phrase || leading {
            return true;
        }
    }
    let m = Measure::parse(t);
    m.number.is_some_and(|n| n.is_zero()) && is_count_unit(m.unit.as_deref())
}

/// Units that count events (`起`, `次`, `件`, `例`, `宗`) or none at all.
fn is_count_unit(unit: Option<&str>) -> bool {
    matches!(
        unit,
        None | Some("起" | "次" | "件" | "例" | "宗" | "个" | "处")
    )
}

/// A unit as compared: normalised, without a parenthesised remark (`台（件）` → `台`).
fn base_unit(unit: &str) -> String {
    let n = normalize(unit);
    let mut out = String::with_capacity(n.len());
    let mut depth = 0u32;
    for c in n.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// Can a target in `a` be compared with an actual in `b`? Equal units are; so is a rate per
/// period against its count (`次/年` against `次`), a unit against none (`100` against `100%`,
/// where the document leaves the unit implied), and `台（件）` against `台`. `%` against `个`
/// is not.
pub(crate) fn units_compatible(a: Option<&str>, b: Option<&str>) -> bool {
    let (Some(a), Some(b)) = (a, b) else {
        return true;
    };
    let (a, b) = (base_unit(a), base_unit(b));
    if a == b || a.is_empty() || b.is_empty() {
        return true;
    }
    let per = |long: &str, short: &str| {
        long.strip_prefix(short)
            .is_some_and(|rest| rest.starts_with('/'))
    };
    per(&a, &b) || per(&b, &a)
}

/// A deadline in months against the month it was done: `9月前` / `9月底前` / `9月以前` / `9月底`
/// against `7月` / `7月底` (issue 16: 时效指标 of field 01). `Some(true)` when the actual month
/// clearly meets the deadline (before the month for `前`, within it for `底前` / `底`),
/// `Some(false)` when it clearly misses it, `None` when either is not a month of the year or the
/// month is the deadline's own for `前` (whether "9月前" admits September is not printed).
pub(crate) fn deadline_met(target: &Measure, actual: &Measure) -> Option<bool> {
    let month = |m: &Measure| {
        m.number
            .filter(|n| n.scale() == 0 && *n >= Dec::from_int(1) && *n <= Dec::from_int(12))
    };
    let (t, b) = (month(target)?, month(actual)?);
    let (t_unit, b_unit) = (target.unit.as_deref()?, actual.unit.as_deref()?);
    let plain = |m: &Measure| matches!(m.comparator, None | Some(Comparator::Eq));
    if !matches!(b_unit, "月" | "月底" | "月份") || !plain(target) || !plain(actual) {
        return None;
    }
    match t_unit {
        "月前" | "月以前" | "月份前" if b < t => Some(true),
        "月前" | "月以前" | "月份前" if b > t => Some(false),
        "月底前" | "月底" | "月末前" | "月末" => Some(b <= t),
        _ => None,
    }
}

/// Is `actual` a bare number read as a percentage because its target is a rate? `98` against
/// `≥95%` is 98%: tables print the unit once, in the target or a 度量单位 column, and leave it
/// off the actual (issue 16). Only this case: a bare number is never turned into `%` against a
/// target without `%`, and `0.98` is read as 0.98%, not guessed to be a ratio.
pub(crate) fn reads_as_percent(target: &Measure, actual: &Measure) -> bool {
    target.is_percent()
        && target.number.is_some()
        && actual.number.is_some()
        && actual.unit.is_none()
}

/// Words in an indicator's name that mark it as negative (less is better).
const NEGATIVE_MARKS: [&str; 24] = [
    "发生率",
    "发生数",
    "发生起数",
    "发生次数",
    "事故",
    "返贫率",
    "暴露率",
    "投诉率",
    "投诉量",
    "投诉数",
    "差错率",
    "失误率",
    "误差率",
    "死亡率",
    "发病率",
    "违规",
    "违纪",
    "超支",
    "损失",
    "空置率",
    "流失率",
    "不合格率",
    "重访率",
    "案发",
];

/// Does the indicator's name mark it as negative (事故数, 发生率, 返贫率 …)?
pub(crate) fn name_looks_negative(name: &str) -> bool {
    let n = normalize(name);
    NEGATIVE_MARKS.iter().any(|m| n.contains(m))
}

/// Four-digit years written in `text` as `YYYY年` or `YYYY 年度` (1949–2199).
pub(crate) fn years_in(text: &str) -> Vec<u16> {
    let chars: Vec<char> = normalize(text).chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i + 4 < chars.len() + 1 {
        let window = &chars[i..(i + 4).min(chars.len())];
        let digits = window.len() == 4 && window.iter().all(char::is_ascii_digit);
        let before_ok = i == 0 || !chars[i - 1].is_ascii_digit();
        let after = chars.get(i + 4);
        if digits && before_ok && after == Some(&'年') {
            let s: String = window.iter().collect();
            if let Ok(y) = s.parse::<u16>()
                && (1949..=2199).contains(&y)
            {
                out.push(y);
            }
            i += 4;
        } else {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_compared_without_spaces_and_full_width_forms() {
        assert_eq!(
            normalize(" 党风带动 民风好转（３分）"),
            "党风带动民风好转(3分)"
        );
        assert_eq!(
            normalize("消防隐患整治率99%"),
            normalize("消防隐患整治率 ９９％")
        );
    }

    #[test]
    fn the_did_not_happen_family_is_recognised() {
        for t in [
            "不发生",
            "未发生",
            "无",
            "0起",
            "0 次",
            "无重大安全事故发生",
            "不发生规模性疫情",
        ] {
            assert!(is_nothing_happened(t), "{t}");
        }
        for t in [
            "3起",
            "有所提升",
            "无重大安全事件发生,妥善处置投诉、信访等案件",
            "0%",
            "发生",
        ] {
            assert!(!is_nothing_happened(t), "{t}");
        }
    }

    #[test]
    fn units_that_name_the_same_thing_are_compatible() {
        assert!(units_compatible(Some("%"), Some("％")));
        assert!(units_compatible(Some("次/年"), Some("次")));
        assert!(units_compatible(Some("台（件）"), Some("台")));
        assert!(units_compatible(None, Some("%")));
        assert!(!units_compatible(Some("%"), Some("个")));
        assert!(!units_compatible(Some("万元"), Some("亿元")));
        // Issue 16: the units the field documents print.
        assert!(units_compatible(Some("万美元"), Some("万美元")));
        assert!(units_compatible(Some("人/年"), Some("人")));
        assert!(units_compatible(Some("台（件）"), Some("台(件)")));
        assert!(!units_compatible(Some("人次"), Some("人")));
        assert!(!units_compatible(Some("万美元"), Some("美元")));
    }

    #[test]
    fn issue16_a_bare_actual_reads_as_percent_only_against_a_rate() {
        let m = Measure::parse;
        assert!(reads_as_percent(&m("≥95%"), &m("98")));
        assert!(reads_as_percent(&m("≧ 95 ％"), &m("９８")));
        assert!(!reads_as_percent(&m("≥95%"), &m("98%")));
        assert!(!reads_as_percent(&m("≥95"), &m("98")));
        assert!(!reads_as_percent(&m("10个"), &m("10")));
        assert!(!reads_as_percent(&m("≥95%"), &m("基本完成")));
    }

    #[test]
    fn negative_indicators_are_recognised_by_name() {
        assert!(name_looks_negative("安全生产及消防事故发生起数"));
        assert!(name_looks_negative("返贫率"));
        assert!(name_looks_negative("河湖垃圾暴露率"));
        assert!(!name_looks_negative("信访接待起数"));
        assert!(!name_looks_negative("矛盾纠纷化解率"));
    }

    #[test]
    fn years_are_read_from_headings() {
        assert_eq!(years_in("2022 年度大城管项目自评结果"), vec![2022]);
        assert_eq!(years_in("2023年度城市管理项目自评表"), vec![2023]);
        assert_eq!(years_in("填报日期：2024年 1月 31日"), vec![2024]);
        assert!(years_in("城市管理项目自评表 12345年").is_empty());
    }
}
