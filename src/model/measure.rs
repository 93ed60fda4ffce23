//! A target or actual as the document prints it, and what can be read from it.
//!
//! In: text like `≥95%`, `0起`, `不发生`, `350亿元`, `1次/日`. Out: a [`Measure`] keeping the
//! text and, where the text holds one number, its comparator, number and unit. Never guesses a
//! number out of a sentence: `二三季度≥90分，一四季度未达到 90分` has no single number.

use serde::Serialize;

use super::money::Dec;

/// A comparator read from a target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Comparator {
    /// ≥, 不低于, 以上.
    Ge,
    /// ≤, 不高于, 以下, 以内.
    Le,
    /// >.
    Gt,
    /// <.
    Lt,
    /// = or none written.
    Eq,
}

/// A target or actual: the document's text, and the number in it if there is exactly one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Measure {
    /// As printed.
    pub text: String,
    /// The comparator, when a number was read.
    pub comparator: Option<Comparator>,
    /// The number, when the text is one number with an optional comparator and unit.
    pub number: Option<Dec>,
    /// The unit after the number (`%`, `个`, `起`, `万美元`, `次/日`).
    pub unit: Option<String>,
}

impl Measure {
    /// Reads `text`. The number is read only when the whole text is
    /// `[comparator] number [unit] [以上|以下|以内]`, with the comparator one of
    /// `≥ ≤ > < = ＞ ＜ ＝ >= <=` or the words `不低于 不少于 不高于 不超过`.
    pub fn parse(text: &str) -> Measure {
        let raw = text.trim();
        let mut comparator = None;
        let mut rest = raw;
        const PREFIXES: [(&str, Comparator); 14] = [
            ("≥", Comparator::Ge),
            (">=", Comparator::Ge),
            ("≤", Comparator::Le),
            ("<=", Comparator::Le),
            ("＞", Comparator::Gt),
            (">", Comparator::Gt),
            ("＜", Comparator::Lt),
            ("<", Comparator::Lt),
            ("＝", Comparator::Eq),
            ("=", Comparator::Eq),
            ("不低于", Comparator::Ge),
            ("不少于", Comparator::Ge),
            ("不高于", Comparator::Le),
            ("不超过", Comparator::Le),
        ];
        for (p, c) in PREFIXES {
            if let Some(r) = rest.strip_prefix(p) {
                comparator = Some(c);
                rest = r.trim_start();
                break;
            }
        }
        // A remark in brackets after the figure: "99.89%(受理阳光信访件272件,已回267件…)".
        rest = strip_remark(rest);
        // Suffix words that act as comparators: "85分以上", "5%以内".
        let mut suffix_cmp = None;
        for (s, c) in [
            ("以上", Comparator::Ge),
            ("以下", Comparator::Le),
            ("以内", Comparator::Le),
        ] {
            if let Some(r) = rest.strip_suffix(s) {
                suffix_cmp = Some(c);
                rest = r.trim_end();
                break;
            }
        }
        let num_end = rest
            .char_indices()
            .find(|&(i, c)| !(c.is_ascii_digit() || (c == '.' && i > 0) || (c == '-' && i == 0)))
            .map_or(rest.len(), |(i, _)| i);
        let (num, unit) = rest.split_at(num_end);
        let unit = unit.trim();
        let unit_ok = !unit
            .chars()
            .any(|c| c.is_ascii_digit() || matches!(c, '，' | ',' | '；' | ';' | '≥' | '≤' | '。'))
            && unit.chars().count() <= 6;
        let number = if unit_ok { Dec::parse(num).ok() } else { None };
        match number {
            Some(n) => Measure {
                text: text.to_owned(),
                comparator: Some(comparator.or(suffix_cmp).unwrap_or(Comparator::Eq)),
                number: Some(n),
                unit: (!unit.is_empty()).then(|| unit.to_owned()),
            },
            None => Measure {
                text: text.to_owned(),
                comparator: None,
                number: None,
                unit: None,
            },
        }
    }

    /// Is the unit a percentage?
    pub fn is_percent(&self) -> bool {
        matches!(self.unit.as_deref(), Some("%" | "％"))
    }
}

/// Drops a trailing bracketed remark that is a sentence or holds figures of its own
/// (`99.52%(共出生人口418人,其中:政策内416人)` → `99.52%`). A bracketed unit alternative such as
/// `台（件）` is kept: it has no digits and no punctuation.
fn strip_remark(text: &str) -> &str {
    let Some(last) = text.chars().last() else {
        return text;
    };
    if !matches!(last, ')' | '）') {
        return text;
    }
    let mut depth = 0u32;
    for (i, c) in text.char_indices().rev() {
        match c {
            ')' | '）' => depth += 1,
            '(' | '（' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    let inner = &text[i + c.len_utf8()..text.len() - last.len_utf8()];
                    let sentence = inner.chars().any(|c| {
                        c.is_ascii_digit()
                            || matches!(c, ',' | '，' | ';' | '；' | ':' | '：' | '、')
                    });
                    return if sentence && i > 0 {
                        text[..i].trim_end()
                    } else {
                        text
                    };
                }
            }
            _ => {}
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(s: &str) -> (Option<Comparator>, Option<String>, Option<String>) {
        let m = Measure::parse(s);
        (m.comparator, m.number.map(|d| d.to_string()), m.unit)
    }

    #[test]
    fn reads_one_number_with_comparator_and_unit() {
        assert_eq!(
            n("≥95%"),
            (Some(Comparator::Ge), Some("95".into()), Some("%".into()))
        );
        assert_eq!(
            n("0起"),
            (Some(Comparator::Eq), Some("0".into()), Some("起".into()))
        );
        assert_eq!(
            n("≤5%"),
            (Some(Comparator::Le), Some("5".into()), Some("%".into()))
        );
        assert_eq!(
            n("254.8万美元"),
            (
                Some(Comparator::Eq),
                Some("254.8".into()),
                Some("万美元".into())
            )
        );
        assert_eq!(
            n("85分以上"),
            (Some(Comparator::Ge), Some("85".into()), Some("分".into()))
        );
        assert_eq!(
            n("5 次"),
            (Some(Comparator::Eq), Some("5".into()), Some("次".into()))
        );
        assert_eq!(
            n("1次/日"),
            (Some(Comparator::Eq), Some("1".into()), Some("次/日".into()))
        );
        assert_eq!(n("100"), (Some(Comparator::Eq), Some("100".into()), None));
    }

    #[test]
    fn a_bracketed_remark_after_the_figure_is_not_part_of_it() {
        assert_eq!(
            n("99.89%(受理阳光信访件272件,已回267件,正在办理5件)"),
            (Some(Comparator::Eq), Some("99.89".into()), Some("%".into()))
        );
        assert_eq!(
            n("99.52%（共出生人口418人，其中：政策内416人）"),
            (Some(Comparator::Eq), Some("99.52".into()), Some("%".into()))
        );
        assert_eq!(
            n("11台（件）"),
            (
                Some(Comparator::Eq),
                Some("11".into()),
                Some("台（件）".into())
            )
        );
        assert_eq!(Measure::parse("(3个)").number, None);
    }

    #[test]
    fn text_without_a_single_number_is_qualitative() {
        for s in [
            "不发生",
            "明显提升",
            "二三季度≥90分，一四季度未达到 90分",
            "截至 23年底未达标",
            "有效保障",
            "",
        ] {
            assert_eq!(Measure::parse(s).number, None, "{s}");
        }
    }
}
