//! Text for a terminal: every line gongkai prints goes through here.
//!
//! In: text that may carry pieces of the content (titles, names, paths, figures as written).
//! Out: the same text with every character that a terminal would act on, or that could hide
//! text from a reader, shown visibly as `\u{1b}`: C0 controls except the newline gongkai writes
//! between lines, DEL, C1 controls (U+0080–U+009F, among them CSI U+009B) and the bidirectional
//! embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069). Chinese and every other
//! printable character are left as they are.
//!
//! Issue 15: a record holding ESC or BEL could retitle the terminal, clear the screen and so
//! hide findings. Escaping happens once, where text is written ([`print_out`], [`print_err`]),
//! not field by field, so no line can be forgotten. JSON output gets [`for_json`]: serde_json
//! already escapes C0 but passes DEL, C1 and bidi controls through raw, and a JSON line shown
//! in a terminal can carry CSI U+009B as well; they become `\u009b`, which is still the same
//! JSON string.

use std::borrow::Cow;
use std::io::Write;

/// Whether `c` must not reach a terminal raw. `\n` is not: gongkai writes it between lines.
pub(crate) fn is_unsafe(c: char) -> bool {
    matches!(u32::from(c),
        0x00..=0x09 | 0x0B..=0x1F | 0x7F..=0x9F | 0x202A..=0x202E | 0x2066..=0x2069)
}

/// How an [`is_unsafe`] character is shown in a terminal: `\u{1b}`.
pub(crate) fn escaped(c: char) -> String {
    format!("\\u{{{:x}}}", u32::from(c))
}

/// `text` with every unsafe character (C0 but `\n`, DEL, C1, bidi controls) shown as `\u{1b}`;
/// borrowed when there is none.
pub fn for_terminal(text: &str) -> Cow<'_, str> {
    escape_with(text, |c, out| out.push_str(&escaped(c)))
}

/// JSON text with DEL, C1 and bidi controls written as `\u009b`. Valid only for the output of
/// serde_json, whose strings hold no raw C0 control and where these characters can stand only
/// inside strings.
pub fn for_json(text: &str) -> Cow<'_, str> {
    escape_with(text, |c, out| {
        out.push_str(&format!("\\u{:04x}", u32::from(c)));
    })
}

fn escape_with(text: &str, escape: impl Fn(char, &mut String)) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if is_unsafe(c) {
            escape(c, &mut out);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Writes `text` to stdout through [`for_terminal`]. A closed pipe (`| head`) is not an error
/// worth a panic, so write errors are ignored.
pub fn print_out(text: &str) {
    let _ = std::io::stdout()
        .lock()
        .write_all(for_terminal(text).as_bytes());
}

/// Writes `text` to stderr through [`for_terminal`]; write errors are ignored.
pub fn print_err(text: &str) {
    let _ = std::io::stderr()
        .lock()
        .write_all(for_terminal(text).as_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issue15_controls_and_bidi_overrides_are_shown_not_sent() {
        let hostile = "a\u{1b}]0;owned\u{7}b\u{1b}[2Jc\u{9b}31md\u{7f}e\u{202e}f\u{2066}g\r\th\0";
        let shown = for_terminal(hostile);
        assert_eq!(
            shown,
            "a\\u{1b}]0;owned\\u{7}b\\u{1b}[2Jc\\u{9b}31md\\u{7f}e\\u{202e}f\\u{2066}g\\u{d}\\u{9}h\\u{0}"
        );
        assert!(!shown.chars().any(is_unsafe), "{shown:?}");
    }

    #[test]
    fn chinese_text_and_newlines_are_left_alone_and_not_copied() {
        let text = "青菱街道 2023：执行率 99.89%（预算数 A）\n第二行 ¥ € — “引号” \u{a0}\u{200b}\n";
        assert!(matches!(for_terminal(text), Cow::Borrowed(t) if t == text));
        assert!(matches!(for_json(text), Cow::Borrowed(t) if t == text));
    }

    #[test]
    fn issue15_a_snippet_shows_controls_escaped_with_the_caret_still_under_the_spot() {
        let snippet = crate::error::render_snippet("name: a\u{1b}[2J\u{202e}\u{7}青b: x", 1, 15);
        let lines: Vec<&str> = snippet.lines().collect();
        assert_eq!(lines[1], "1 | name: a\\u{1b}[2J\\u{202e}\\u{7}青b: x");
        assert!(!snippet.chars().any(is_unsafe), "{snippet:?}");
        // Column 15 is `b`. Terminal columns before it on the shown line: its characters, plus
        // one because 青 takes two.
        let before_b = lines[1]
            .find("b:")
            .map(|i| lines[1][..i].chars().count() + 1);
        let caret = lines[2].find('^').map(|i| lines[2][..i].chars().count());
        assert_eq!(caret, before_b, "{snippet}");
    }

    #[test]
    fn json_keeps_its_meaning_with_c1_del_and_bidi_escaped() {
        let value = serde_json::json!({"name": "x\u{9b}2J\u{7f}\u{202e}\u{1b}y"});
        let raw = serde_json::to_string(&value).expect("serializes");
        assert!(
            raw.contains('\u{9b}'),
            "serde_json passes C1 through: {raw:?}"
        );
        let safe = for_json(&raw);
        assert!(!safe.chars().any(is_unsafe), "{safe:?}");
        assert!(
            safe.contains("\\u009b") && safe.contains("\\u202e"),
            "{safe}"
        );
        let back: serde_json::Value = serde_json::from_str(&safe).expect("still JSON");
        assert_eq!(back, value);
    }
}
