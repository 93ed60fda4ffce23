//! Label text for SVG: cleaning, XML escaping, width estimates, wrapping and truncation.
//!
//! In: arbitrary user text (unit names, goal names, legend entries). Out: text that is safe inside
//! an SVG element or attribute, and estimated pixel widths for layout. Never measures real fonts:
//! plotters estimates width by UTF-8 bytes (three per CJK character), so we estimate from
//! [`display_width`] instead: two columns for CJK and full-width characters, one otherwise.

use crate::error::display_width;

/// The font stack every chart uses, set once on the root `<svg>` element.
pub(super) const FONT_FAMILY: &str =
    r#""Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif"#;

/// Width in em of a narrow (one-column) character that is not a digit or thin punctuation: a
/// little over half an em, to stay on the safe side for Latin letters and symbols.
const NARROW_EM: f64 = 0.6;

/// The ellipsis put at the end of a shortened label.
const ELLIPSIS: char = '…';

/// Removes what must not reach the SVG: control characters (XML 1.0 forbids most of them even
/// as references), the non-characters U+FFFE/U+FFFF, and bidirectional overrides that could
/// make a label read differently from its bytes. Tabs and line breaks become spaces; runs of
/// spaces collapse and the ends are trimmed.
pub(super) fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last_space = true;
    for c in text.chars() {
        // Every Unicode space (tab, line end, U+202F, U+3000 …) is one space, so a text of
        // spaces only is empty (proptest found a title of one U+202F drawn as a blank <title>).
        let c = if c.is_whitespace() { ' ' } else { c };
        let bidi = matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
        if c.is_control() || bidi || matches!(c, '\u{FFFE}' | '\u{FFFF}') {
            continue;
        }
        if c == ' ' {
            if last_space {
                continue;
            }
            last_space = true;
        } else {
            last_space = false;
        }
        out.push(c);
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// Cleans `text` and escapes the five XML special characters, for element text and for
/// attribute values in double or single quotes alike.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in clean(text).chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            other => out.push(other),
        }
    }
    out
}

/// Estimated width in pixels of `text` at `font_size` pixels.
pub(super) fn width(text: &str, font_size: f64) -> f64 {
    text.chars().map(|c| char_width(c, font_size)).sum()
}

/// A CJK or full-width character (two display columns) is one em; digits are about 0.56 em and
/// thin punctuation 0.3 em in the fonts of [`FONT_FAMILY`]; anything else gets [`NARROW_EM`].
fn char_width(c: char, font_size: f64) -> f64 {
    let em = if display_width(c) == 2 {
        1.0
    } else if c.is_ascii_digit() {
        0.56
    } else if matches!(c, '.' | ',' | ':' | ';' | '\'' | '!' | '|' | ' ') {
        0.3
    } else {
        NARROW_EM
    };
    em * font_size
}

/// A label laid out for a box: its lines, and whether text was cut (then the full text goes in
/// a `<title>` tooltip).
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Wrapped {
    /// The lines to draw, at least one (possibly empty).
    pub(super) lines: Vec<String>,
    /// True when the lines do not hold the whole text.
    pub(super) cut: bool,
}

/// Breaks cleaned `text` into at most `max_lines` lines no wider than `max_width` pixels,
/// breaking between any two characters (Chinese has no spaces to break at). When the text does
/// not fit, the last line ends in "…". Never returns zero lines.
pub(super) fn wrap(text: &str, max_width: f64, font_size: f64, max_lines: usize) -> Wrapped {
    let text = clean(text);
    let max_lines = max_lines.max(1);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut line_width = 0.0;
    for c in text.chars() {
        let w = char_width(c, font_size);
        if line_width + w > max_width && !line.is_empty() {
            if lines.len() + 1 == max_lines {
                lines.push(with_ellipsis(&line, max_width, font_size));
                return Wrapped { lines, cut: true };
            }
            lines.push(std::mem::take(&mut line).trim_end().to_owned());
            line_width = 0.0;
            if c == ' ' {
                continue;
            }
        }
        line.push(c);
        line_width += w;
    }
    lines.push(line);
    Wrapped { lines, cut: false }
}

/// Shortens `line` so that it plus "…" fits in `max_width`.
fn with_ellipsis(line: &str, max_width: f64, font_size: f64) -> String {
    let budget = max_width - char_width(ELLIPSIS, font_size);
    let mut out = String::new();
    let mut used = 0.0;
    for c in line.chars() {
        let w = char_width(c, font_size);
        if used + w > budget {
            break;
        }
        out.push(c);
        used += w;
    }
    let mut out = out.trim_end().to_owned();
    out.push(ELLIPSIS);
    out
}

/// One line no wider than `max_width`, cut with "…" when needed.
pub(super) fn truncate(text: &str, max_width: f64, font_size: f64) -> Wrapped {
    wrap(text, max_width, font_size, 1)
}

/// Each label cut to one line of `max_width`, and the width of the widest result.
pub(super) fn truncate_all<'a>(
    labels: impl IntoIterator<Item = &'a str>,
    max_width: f64,
    font_size: f64,
) -> (Vec<Wrapped>, f64) {
    let cut: Vec<Wrapped> = labels
        .into_iter()
        .map(|l| truncate(l, max_width, font_size))
        .collect();
    let widest = cut
        .iter()
        .filter_map(|n| n.lines.first())
        .map(|l| width(l, font_size))
        .fold(0.0, f64::max);
    (cut, widest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_covers_the_five_xml_specials() {
        assert_eq!(
            escape(r#"<a href="x">&'"#),
            "&lt;a href=&quot;x&quot;&gt;&amp;&apos;"
        );
    }

    #[test]
    fn clean_drops_control_and_bidi_characters_and_folds_whitespace() {
        assert_eq!(clean("a\u{0}b\u{7}c\u{1b}[31m"), "abc[31m");
        assert_eq!(clean("  一\t二\r\n三  "), "一 二 三");
        assert_eq!(clean("x\u{202E}y\u{85}z\u{FFFF}"), "xy z");
        assert_eq!(clean("\u{202f}"), "");
        assert_eq!(clean("一\u{3000}\u{3000}二"), "一 二");
    }

    #[test]
    fn a_chinese_character_is_one_em_and_latin_text_a_little_over_half() {
        assert_eq!(width("黄鹤楼", 10.0), 30.0);
        assert_eq!(width("abcde", 10.0), 30.0);
        assert!(width("11,092.59", 10.0) < width("abcdefghi", 10.0));
    }

    #[test]
    fn short_text_is_one_uncut_line() {
        let w = wrap("产出指标", 200.0, 12.0, 2);
        assert_eq!(
            w,
            Wrapped {
                lines: vec!["产出指标".to_owned()],
                cut: false
            }
        );
    }

    #[test]
    fn long_text_wraps_then_ends_in_an_ellipsis_that_fits() {
        let long = "年度目标".repeat(50);
        let w = wrap(&long, 100.0, 12.0, 2);
        assert_eq!(w.lines.len(), 2);
        assert!(w.cut);
        assert!(w.lines[1].ends_with('…'));
        for line in &w.lines {
            assert!(width(line, 12.0) <= 100.0, "{line} too wide");
        }
    }

    #[test]
    fn truncate_keeps_one_line() {
        let t = truncate("湖北省武汉市黄鹤楼公园管理处", 60.0, 12.0);
        assert_eq!(t.lines, vec!["湖北省武…".to_owned()]);
        assert!(t.cut);
    }

    #[test]
    fn a_box_narrower_than_one_character_still_gives_a_line() {
        let t = truncate("黄鹤楼", 1.0, 12.0);
        assert_eq!(t.lines.len(), 1);
        assert!(t.cut);
    }
}
