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
    /// `[comparator] number [unit] [以上|以下|以内|及以上|及以下]`, with the comparator one of
    /// `≥ ≤ ≧ ≦ > < = ＞ ＜ ＝ ═ ﹦ >= <= ＞＝ ＜＝` or the words `不低于 不少于 不高于 不超过`.
    /// Full-width digits, `．` and `％` read as their ASCII forms; spaces (ASCII or U+3000) may
    /// stand around the number and between groups of three digits (`1 000`), as may `,` or `，`
    /// (`1,000`). The text is kept as printed; only the comparator, number and unit are
    /// normalised (issue 16: the variants the field documents print).
    pub fn parse(text: &str) -> Measure {
        let folded = fold(text);
        let raw = folded.trim();
        let mut comparator = None;
        let mut rest = raw;
        // Longest first, so `>=` is not read as `>` followed by `=`.
        const PREFIXES: [(&str, Comparator); 11] = [
            (">=", Comparator::Ge),
            ("<=", Comparator::Le),
            ("≥", Comparator::Ge),
            ("≤", Comparator::Le),
            (">", Comparator::Gt),
            ("<", Comparator::Lt),
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
        // Suffix words that act as comparators: "85分以上", "5%以内", "90%及以上".
        let mut suffix_cmp = None;
        for (s, c) in [
            ("及以上", Comparator::Ge),
            ("及以下", Comparator::Le),
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
        let number = read_number(rest).and_then(|(digits, unit)| {
            let unit = unit.trim();
            let unit_ok = !unit.chars().any(|c| {
                c.is_ascii_digit()
                    || matches!(
                        c,
                        '，' | ',' | '；' | ';' | '≥' | '≤' | '。' | '<' | '>' | '='
                    )
            }) && unit.chars().count() <= 6;
            let n = Dec::parse(&digits).ok().filter(|_| unit_ok)?;
            Some((n, unit))
        });
        match number {
            Some((n, unit)) => Measure {
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

/// The text with the variants the documents print for the same sign folded to one form:
/// full-width digits, `．`, `％`, `－` and `＞ ＜ ＝` to ASCII; `≧ ≦` to `≥ ≤`; `═ ﹦` to `=`;
/// the ideographic space to a space. Everything else (`，`, `（`) is left as printed.
fn fold(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '０'..='９' | '．' | '％' | '－' | '＞' | '＜' | '＝' => {
                char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
            }
            '≧' => '≥',
            '≦' => '≤',
            '═' | '﹦' => '=',
            '\u{3000}' => ' ',
            _ => c,
        })
        .collect()
}

/// Splits a leading number off `text`: its digits without separators (`-1000.5`), and the rest.
/// Digits may be grouped by threes with one kind of separator (`,`, `，` or a space); a first
/// group of more than three digits takes no separators. `None` when `text` does not start with
/// a number, or a `.` is not followed by a digit.
fn read_number(text: &str) -> Option<(String, &str)> {
    let mut digits = String::new();
    let mut rest = text;
    if let Some(r) = rest.strip_prefix('-') {
        digits.push('-');
        rest = r;
    }
    let run = |s: &str| s.bytes().take_while(u8::is_ascii_digit).count();
    let first = run(rest);
    if first == 0 {
        return None;
    }
    digits.push_str(&rest[..first]);
    rest = &rest[first..];
    if first <= 3 {
        let mut sep: Option<char> = None;
        while let Some(c) = rest
            .chars()
            .next()
            .filter(|c| matches!(c, ',' | '，' | ' '))
        {
            let after = &rest[c.len_utf8()..];
            let grouped = run(after) == 3 && sep.is_none_or(|s| s == c);
            if !grouped {
                break;
            }
            sep = Some(c);
            digits.push_str(&after[..3]);
            rest = &after[3..];
        }
    }
    if let Some(after) = rest.strip_prefix('.') {
        let frac = run(after);
        if frac == 0 {
            return None;
        }
        digits.push('.');
        digits.push_str(&after[..frac]);
        rest = &after[frac..];
    }
    Some((digits, rest))
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
#[path = "measure_tests.rs"]
mod tests;
