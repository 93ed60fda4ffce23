//! The only caller of the YAML library (serde-saphyr).
//!
//! In: a file's path (for messages) and its text, already decoded by `load::text`. Out: the
//! deserialized `Raw*` value and the file's [`Locator`], or one [`Diagnostic`] naming
//! `file:line:col`, the field path, and what was expected and found, with our own snippet.
//! Budgets bound depth, nodes and alias expansion, so an alias bomb or a deeply nested file
//! fails fast. Duplicate keys are errors. Never panics on any input.

use std::sync::Arc;

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_saphyr::{Error as YamlError, MessageFormatter};

use super::locate::{Found, Index, Pos};
use super::text::clean;
use crate::error::{Diagnostic, Locator};
use crate::lang::pick;

/// Parses `text` (read from `path`) into `T`. The locator is returned whatever happens, so a
/// caller can locate further problems.
///
/// Errors: the library's one error, or every number written quoted (see `quoted`).
pub(crate) fn parse<T: DeserializeOwned + Serialize>(
    path: &str,
    text: &Arc<str>,
) -> (Locator, Result<T, Vec<Diagnostic>>) {
    parse_masked(path, text, text)
}

/// [`parse`] of `text`, whose messages and locator show `shown`: the file as written, where
/// `text` has each 待填 replaced by a null of the same width (`super::pending`).
pub(crate) fn parse_masked<T: DeserializeOwned + Serialize>(
    path: &str,
    text: &Arc<str>,
    shown: &Arc<str>,
) -> (Locator, Result<T, Vec<Diagnostic>>) {
    match parse_stage(path, text, shown) {
        (locator, Stage::Library(d, _)) => (locator, Err(vec![d])),
        (locator, Stage::Read(result)) => (locator, result),
    }
}

/// How far a parse got: the library's one error (it stops there), or the value read and the
/// problems found in it.
pub(crate) enum Stage<T> {
    /// The error, and whether reading the file again without a part may find more: not after
    /// a budget or alias limit (the file is hostile or huge, and reading it again costs again).
    Library(Diagnostic, bool),
    Read(Result<T, Vec<Diagnostic>>),
}

/// [`parse_masked`], saying whether an error is the library's (after which nothing of the
/// file was read: `super::recover` tries again without the part that holds it).
pub(crate) fn parse_stage<T: DeserializeOwned + Serialize>(
    path: &str,
    text: &Arc<str>,
    shown: &Arc<str>,
) -> (Locator, Stage<T>) {
    let lazy = Locator::lazy(path.to_owned(), Arc::clone(shown), |t| {
        Index::build(t).fields()
    });
    let value = match serde_saphyr::from_str_with_options::<T>(text, options()) {
        Ok(value) => value,
        Err(e) => {
            let d = diagnostic(&e, &Index::build(text), &lazy);
            let limit = matches!(
                innermost(&e),
                YamlError::Budget { .. }
                    | YamlError::AliasReplayLimitExceeded { .. }
                    | YamlError::AliasExpansionLimitExceeded { .. }
                    | YamlError::AliasReplayStackDepthExceeded { .. }
                    | YamlError::AliasReplayCounterOverflow { .. }
            ) || e.to_string().contains("alias");
            return (lazy, Stage::Library(d, !limit));
        }
    };
    // Most files hold no quoted number and no escape, and need no index now (most are never
    // asked for a location). A control character can only come from an escape in a
    // double-quoted scalar (`"\u0007"`, `"\e"`): YAML refuses them raw.
    let numbers = super::quoted::may_hold(&value, text);
    let escapes = text.contains('\\');
    if !numbers && !escapes {
        return (lazy, Stage::Read(Ok(value)));
    }
    let index = Index::build(text);
    // A masked 待填 is absent from `text`; the locator finds it in the file as written.
    let fields = if Arc::ptr_eq(text, shown) {
        index.fields()
    } else {
        Index::build(shown).fields()
    };
    let locator = Locator::new(path.to_owned(), Arc::clone(shown), fields);
    let mut problems = if numbers {
        super::quoted::check(&value, &index, &locator)
    } else {
        Vec::new()
    };
    if escapes {
        problems.extend(controls(&index, &locator));
    }
    let result = if problems.is_empty() {
        Ok(value)
    } else {
        problems.sort_by_key(|d| (d.location.line, d.location.col));
        Err(problems)
    };
    (locator, Stage::Read(result))
}

/// Every scalar holding a control character (C0 but tab and line feed, DEL, C1): such a
/// character is never part of a form's text, breaks the HTML it lands in and can act on a
/// terminal, so it is refused where it is written rather than carried into pages (issue 15).
fn controls(index: &Index, locator: &Locator) -> Vec<Diagnostic> {
    let forbidden = |c: char| c.is_control() && c != '\t' && c != '\n';
    index
        .quoted()
        .filter_map(|n| {
            let Found::Scalar(text) = &n.found else {
                return None;
            };
            let c = text.chars().find(|&c| forbidden(c))?;
            let location = locator.at(n.start.0, n.start.1);
            Some(Diagnostic {
                snippet: locator.snippet(location.line, location.col),
                location,
                field: Some(n.path.clone()).filter(|p| !p.is_empty()),
                message: pick(
                    format!(
                        "应为不含控制字符的文字，实际在引号中用转义写了 U+{:04X}；请删去",
                        u32::from(c)
                    ),
                    format!(
                        "expected text without control characters, found U+{:04X} written as an \
                         escape in quotes; remove it",
                        u32::from(c)
                    ),
                ),
            })
        })
        .collect()
}

/// Limits far above any real record (records nest about 6 deep and hold a few thousand nodes)
/// and far below what would cost time or memory.
fn options() -> serde_saphyr::Options {
    serde_saphyr::options! {
        budget: serde_saphyr::budget! {
            max_depth: 32,
            flow_nesting_limit: 32,
            max_nodes: 200_000,
            max_events: 400_000,
            max_aliases: 1_000,
            max_anchors: 1_000,
            max_documents: 2,
        },
        alias_limits: serde_saphyr::alias_limits! {
            max_total_replayed_events: 100_000,
            max_replay_stack_depth: 16,
            max_alias_expansions_per_anchor: 1_000,
        },
        with_snippet: false,
    }
}

/// The error the library reports, without its snippet or alias wrapper.
fn innermost(err: &YamlError) -> &YamlError {
    let mut e = err.without_snippet();
    while let YamlError::AliasError { error, .. } = e {
        e = error.without_snippet();
    }
    e
}

/// A key of digits (`946.25`) is what a thousands separator inside `{…}` leaves: the comma
/// ends the entry, so `{total: 2,946.25}` reads as `total: 2` and a key `946.25`.
fn separator_hint(key: &str) -> String {
    let digits = !key.is_empty()
        && key.chars().all(|c| c.is_ascii_digit() || c == '.')
        && key.starts_with(|c: char| c.is_ascii_digit());
    if digits {
        pick(
            format!(
                "；在 `{{…}}` 中逗号用来分隔各项，金额里的千位分隔符把一个以 `,{key}` 结尾的金额拆成了两项：金额请不写千位分隔符，或加引号"
            ),
            format!(
                "; inside `{{…}}` a comma separates entries, so a thousands separator split an amount ending in `,{key}` in two: write the amount without the separator, or quote it"
            ),
        )
    } else {
        String::new()
    }
}

/// Maps a library error to our diagnostic: position, field path, our wording, our snippet.
fn diagnostic(err: &YamlError, index: &Index, locator: &Locator) -> Diagnostic {
    let inner = innermost(err);
    let mut at: Pos = err
        .location()
        .or_else(|| inner.location())
        .map(|l| {
            let clamp = |v: u64| u32::try_from(v).unwrap_or(u32::MAX);
            (clamp(l.line()), clamp(l.column()))
        })
        .filter(|&(line, _)| line >= 1)
        .map_or((1, 1), |(line, col)| (line, col.max(1)));
    let found = || {
        index.value_at(at).map_or_else(
            || pick("其他内容", "something else"),
            |n| n.found.describe(),
        )
    };
    let value_field = || index.value_at(at).map(|n| n.path.clone());
    let key_field = || {
        index
            .key_at(at)
            .or_else(|| index.value_at(at))
            .map(|n| n.path.clone())
    };
    let (field, message) = match inner {
        YamlError::Message { msg, .. } => (value_field(), serde_words(&clean(msg))),
        YamlError::SerdeUnknownField {
            field, expected, ..
        } => {
            let list: Vec<String> = expected.iter().map(|f| format!("`{f}`")).collect();
            let field_name = clean(field);
            let message = if list.is_empty() {
                pick(
                    format!("未知字段 `{field_name}`：这里不能填写字段"),
                    format!("unknown field `{field_name}`: this mapping takes no fields"),
                )
            } else {
                pick(
                    format!("未知字段 `{field_name}`，应为以下之一：{}", list.join("、")),
                    format!(
                        "unknown field `{field_name}`, expected one of {}",
                        list.join(", ")
                    ),
                )
            };
            (key_field(), message + &separator_hint(field))
        }
        YamlError::SerdeMissingField { field, .. } => {
            let parent = index
                .value_at(at)
                .map(|n| n.path.clone())
                .unwrap_or_default();
            // The library points at the mapping's last key; the mapping's start reads better.
            let path = if parent.is_empty() {
                at = (1, 1);
                (*field).to_owned()
            } else {
                let l = locator.locate(&parent);
                at = (l.line, l.col);
                format!("{parent}.{field}")
            };
            (Some(path), missing_field(field))
        }
        YamlError::DuplicateMappingKey { key, .. } => {
            let name = key.as_deref().map_or_else(|| "?".to_owned(), clean);
            (
                key_field(),
                pick(
                    format!("字段 `{name}` 重复：同一层里每个字段只能写一次"),
                    format!("duplicate key `{name}`: a key may appear only once in a mapping"),
                ),
            )
        }
        YamlError::Unexpected { expected, .. } => (
            value_field(),
            crate::lang::expected(expected_words(expected), found()),
        ),
        YamlError::InvalidScalar { ty, .. } => (
            value_field(),
            crate::lang::expected(type_words(ty), found()),
        ),
        YamlError::NullIntoString { .. } => (
            value_field(),
            pick(
                "应为文字，实际为空值",
                "expected a text value, found an empty value",
            ),
        ),
        YamlError::SerdeInvalidType {
            unexpected,
            expected,
            ..
        }
        | YamlError::SerdeInvalidValue {
            unexpected,
            expected,
            ..
        } => (
            value_field(),
            crate::lang::expected(
                serde_words(&clean(expected)),
                serde_words(&clean(unexpected)),
            ),
        ),
        YamlError::Eof { .. } if index.is_empty() => (
            None,
            pick(
                "应为若干“字段: 值”，实际文件是空的",
                "expected a mapping, found an empty file",
            ),
        ),
        YamlError::Eof { .. } => (
            value_field(),
            pick("文件意外结束", "unexpected end of file"),
        ),
        YamlError::MultipleDocuments { .. } => (
            None,
            pick(
                "一个文件只能有一份记录，实际在 `---` 之后还有第二份",
                "expected one YAML document, found a second one (after `---`)",
            ),
        ),
        YamlError::Budget { .. }
        | YamlError::AliasReplayLimitExceeded { .. }
        | YamlError::AliasExpansionLimitExceeded { .. }
        | YamlError::AliasReplayStackDepthExceeded { .. }
        | YamlError::AliasReplayCounterOverflow { .. } => (
            None,
            pick(
                format!(
                    "文件太大、嵌套太深或别名展开太多，不像一份记录（{}）",
                    library_words(inner)
                ),
                format!(
                    "the file is too large, too deeply nested or expands too many aliases for a record ({})",
                    library_words(inner)
                ),
            ),
        ),
        YamlError::ExternalMessage { .. } => {
            let words = library_words(inner);
            let tab = words.contains("tab");
            (
                value_field(),
                pick(
                    format!(
                        "文件格式有误：{words}{}",
                        if tab { "；请用空格缩进" } else { "" }
                    ),
                    format!(
                        "invalid YAML: {words}{}",
                        if tab { "; indent with spaces" } else { "" }
                    ),
                ),
            )
        }
        other => (value_field(), library_words(other)),
    };
    // Issue 18: what the library calls a wrong node is most often a slip of the keyboard on
    // that line; said in plain words, the caret on the slip.
    let (message, at) = match line_slip(locator.line_text(at.0).as_deref().unwrap_or(""), at) {
        Some((words, col)) => (words, (at.0, col)),
        None => (message, at),
    };
    let location = locator.at(at.0, at.1);
    Diagnostic {
        snippet: locator.snippet(location.line, location.col),
        location,
        field: field.filter(|f| !f.is_empty()),
        message,
    }
}

/// A slip on the line an error points at, in words, and the column to point at: a key
/// followed by a full-width colon (`score：9.7`) or by a colon without a space (`score:9.7`),
/// a tab where the line is indented, a colon and a space inside an unquoted text.
fn line_slip(line: &str, at: Pos) -> Option<(String, u32)> {
    let chars: Vec<char> = line.chars().collect();
    let col = |i: usize| u32::try_from(i + 1).unwrap_or(u32::MAX);
    let indent = chars
        .iter()
        .take_while(|c| **c == ' ' || **c == '\t')
        .count();
    if chars[..indent].contains(&'\t') {
        let tab = chars.iter().position(|c| *c == '\t').unwrap_or(0);
        return Some((
            pick(
                "本行用制表符（Tab）缩进：只能用空格缩进（每级两个空格），请把制表符换成空格",
                "a tab is used to indent this line: YAML indents with spaces only (two per level); replace the tab with spaces",
            ),
            col(tab),
        ));
    }
    let mut start = indent;
    if chars.get(start) == Some(&'-') && chars.get(start + 1) == Some(&' ') {
        start += 2;
    }
    let key_char = |c: char| c.is_alphanumeric() || c == '_' || !c.is_ascii() && c != '：';
    let key_end = (start..chars.len())
        .find(|&i| !key_char(chars[i]))
        .unwrap_or(chars.len());
    let key: String = chars[start..key_end].iter().collect();
    if key.is_empty() {
        return None;
    }
    let rest: String = chars[key_end..].iter().collect();
    let value = rest.get(1..).map(str::trim_start).unwrap_or("").to_owned();
    match chars.get(key_end) {
        Some('：') => {
            let value = rest.trim_start_matches('：').trim_start();
            Some((
                pick(
                    format!(
                        "`{key}` 后的冒号是全角“：”，字段名和值之间应为半角冒号加一个空格：`{key}: {value}`"
                    ),
                    format!(
                        "the colon after `{key}` is a full-width `：`; YAML separates a key from its value with a half-width `:` and a space: `{key}: {value}`"
                    ),
                ),
                col(key_end),
            ))
        }
        Some(':') if chars.get(key_end + 1).is_some_and(|c| !c.is_whitespace()) => Some((
            pick(
                format!("`{key}` 的冒号后缺一个空格：应写作 `{key}: {value}`"),
                format!("a space is missing after the `:` of `{key}`: write `{key}: {value}`"),
            ),
            col(key_end),
        )),
        Some(':') if value.starts_with(['"', '\'', '{', '[', '|', '>']) => None,
        Some(':') => {
            // `name: 目标: 完成任务`: a second `: ` inside an unquoted value.
            let after: Vec<char> = chars[key_end + 1..].to_vec();
            let inner = after
                .windows(2)
                .position(|w| w[0] == ':' && w[1] == ' ')
                .map(|i| key_end + 1 + i)?;
            let first_value = after.iter().collect::<String>();
            let first_value = first_value.trim();
            (col(inner) == at.1 || at.1 > col(key_end)).then(|| {
                (
                    pick(
                        format!(
                            "`{key}:` 后的文字里有“冒号加空格”（`: `），会被当成另一个字段的开始；请给这段文字加引号：`{key}: \"{first_value}\"`"
                        ),
                        format!(
                            "the text after `{key}:` holds a colon and a space (`: `), which YAML reads as the start of another key; put the text in quotes: `{key}: \"{first_value}\"`"
                        ),
                    ),
                    col(inner),
                )
            })
        }
        _ => None,
    }
}

/// The library's own wording, without location or snippet.
fn library_words(err: &YamlError) -> String {
    clean(&serde_saphyr::DefaultMessageFormatter.format_message(err))
}

/// "missing required field `name`", in the run's language.
pub(crate) fn missing_field(name: &str) -> String {
    pick(
        format!("缺少必填字段 `{name}`"),
        format!("missing required field `{name}`"),
    )
}

/// What the library's `expected` token means, in words.
fn expected_words(expected: &str) -> String {
    match expected {
        "mapping start" | "empty mapping start" => pick("若干“字段: 值”", "a mapping"),
        "sequence start" => pick("列表（每项以 `- ` 开头）", "a list"),
        "string scalar" | "scalar" | "str expected" | "missing string" => {
            pick("单个值（文字或数字）", "a single value (text or number)")
        }
        other => serde_words(&clean(other)),
    }
}

/// A Rust type name in words.
fn type_words(ty: &str) -> String {
    match ty {
        "i8" | "i16" | "i32" | "i64" | "i128" | "isize" => pick("整数", "a whole number"),
        "u8" | "u16" | "u32" | "u64" | "u128" | "usize" => {
            pick("不小于 0 的整数", "a whole number of at least 0")
        }
        "bool" => pick("`true` 或 `false`", "`true` or `false`"),
        other => pick(
            format!("{other} 类型的值"),
            format!("a value of type {other}"),
        ),
    }
}

/// The words serde itself uses (derived `expecting` texts, what it found, its own messages),
/// in Chinese when the run is (issue 18); other text is returned as it is.
fn serde_words(words: &str) -> String {
    if crate::lang::current() == crate::lang::Lang::En {
        return words.to_owned();
    }
    if let Some(rest) = words.strip_prefix("unknown variant ")
        && let Some((found, expected)) = rest.split_once(", expected ")
    {
        let expected = expected
            .strip_prefix("one of ")
            .unwrap_or(expected)
            .replace(", ", "、")
            .replace(" or ", " 或 ");
        return format!("应为 {expected} 之一，实际为 {found}");
    }
    if let Some(name) = words
        .strip_prefix("missing field `")
        .and_then(|r| r.strip_suffix('`'))
    {
        return missing_field(name);
    }
    if words.starts_with("struct ") || words == "a map" || words == "map" {
        return "若干“字段: 值”".to_owned();
    }
    let simple = match words {
        "a sequence" | "sequence" => "列表",
        "a string" => "文字",
        "a boolean" => "`true` 或 `false`",
        "unit value" => "空值",
        _ => "",
    };
    if !simple.is_empty() {
        return simple.to_owned();
    }
    if let Some(v) = words.strip_prefix("string ") {
        return format!("文字 {v}");
    }
    if let Some(v) = words.strip_prefix("integer ") {
        return format!("整数 {v}");
    }
    if let Some(v) = words.strip_prefix("floating point ") {
        return format!("小数 {v}");
    }
    if let Some(v) = words.strip_prefix("boolean ") {
        return format!("布尔值 {v}");
    }
    words.to_owned()
}
