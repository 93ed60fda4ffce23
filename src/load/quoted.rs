//! Numbers written quoted: `weight: "12"` is refused as `weight: 0x0C` is (issue 15).
//!
//! In: a file's deserialized `Raw*` value, its text and its [`Index`]. Out: a [`Diagnostic`]
//! for every number field ([`Dec`](crate::model::Dec), [`Pct`](crate::model::Pct),
//! [`Whole`](crate::model::Whole)) whose scalar is quoted or a block. The YAML library hands a
//! number's text to its type without saying how it was written, so the raw value is walked by
//! its `Serialize` (which marks numbers with [`NUMBER`](crate::model::money::NUMBER)) to learn which field paths hold
//! numbers, and the index says which of those were quoted.
//!
//! Cost: indexing a file is a second parse, so [`may_hold`] first looks, without parsing, for
//! a quote after the key of a number field; most files (quoted codes, quoted targets) have
//! none and are not indexed here.
//!
//! Accepted: a quoted number with thousands separators (`"11,092.59"`), which a flow mapping
//! (`{budget: "11,092.59"}`) needs because a plain comma ends the value there. Never fails on
//! any value: what it cannot walk it skips.

mod paths;
#[cfg(test)]
mod tests;

use std::collections::BTreeSet;

use serde::Serialize;

use self::paths::Paths;
use super::locate::{Found, Index};
use crate::error::{Diagnostic, Locator};
use crate::load::locate::shorten;

/// Keys that name a text field wherever they stand in the file format (checked against
/// `raw.rs` by a test): a quote after one of them needs no closer look.
const TEXT_KEYS: [&str; 35] = [
    "amount_unit",
    "base_url",
    "class",
    "code",
    "date",
    "department",
    "deviation",
    "direction",
    "filled_on",
    "fund",
    "id",
    "implementer",
    "improvement",
    "item",
    "kind",
    "level1",
    "level2",
    "locale",
    "measure",
    "name",
    "note",
    "parent",
    "phone",
    "profile",
    "reason",
    "region",
    "section",
    "short_name",
    "status",
    "subtitle",
    "summary",
    "target",
    "template",
    "theme",
    "title",
];

/// Whether `text` may hold a number field of `raw` written quoted or as a block: a `"`, `'`,
/// `|` or `>` right after `key:` where `key` names a number field, or after `-`, `[` or `,`
/// when a list holds numbers. A cheap over-estimate; [`check`] decides.
pub(crate) fn may_hold<T: Serialize>(raw: &T, text: &str) -> bool {
    let (keys, in_list) = suspects(text);
    if !in_list && keys.iter().all(|k| TEXT_KEYS.contains(k)) {
        return false;
    }
    let mut walk = Paths::default();
    // An error only stops the walk early: what was found so far is used.
    let _ = raw.serialize(&mut walk);
    (in_list && walk.in_lists) || keys.iter().any(|k| walk.keys.contains(k))
}

/// The keys followed by a quote or block indicator (`weight: "12"`), and whether such a
/// scalar stands as a list item (`- "12"`, `[1, "2"]`).
fn suspects(text: &str) -> (BTreeSet<&str>, bool) {
    let bytes = text.as_bytes();
    let mut keys = BTreeSet::new();
    let mut in_list = false;
    for (i, b) in bytes.iter().enumerate() {
        if !matches!(b, b'"' | b'\'' | b'|' | b'>') {
            continue;
        }
        let before = &bytes[..i];
        let Some(end) = before.iter().rposition(|c| *c != b' ') else {
            continue;
        };
        match before[end] {
            b':' => {
                let key_end = before[..end]
                    .iter()
                    .rposition(|c| *c != b' ')
                    .map_or(0, |k| k + 1);
                let key_start = before[..key_end]
                    .iter()
                    .rposition(|c| !(c.is_ascii_alphanumeric() || *c == b'_'))
                    .map_or(0, |k| k + 1);
                if let Ok(key) = std::str::from_utf8(&before[key_start..key_end]) {
                    keys.insert(key);
                }
            }
            b'-' | b'[' | b',' => in_list = true,
            _ => {}
        }
    }
    (keys, in_list)
}

/// The field path of every number field of `raw` (`final_accounts.income.total`).
pub(crate) fn number_paths<T: Serialize>(raw: &T) -> BTreeSet<String> {
    let mut paths = Paths::full();
    let _ = raw.serialize(&mut paths);
    paths.numbers
}

/// The quoted numbers of `raw`, parsed from the file that `index` and `locator` describe.
pub(crate) fn check<T: Serialize>(raw: &T, index: &Index, locator: &Locator) -> Vec<Diagnostic> {
    let quoted: Vec<_> = index
        .quoted()
        .filter(|n| matches!(&n.found, Found::Scalar(t) if !t.contains(',')))
        .collect();
    if quoted.is_empty() {
        return Vec::new();
    }
    let mut paths = Paths::full();
    let _ = raw.serialize(&mut paths);
    quoted
        .into_iter()
        .filter(|n| paths.numbers.contains(&n.path))
        .map(|n| {
            let text = match &n.found {
                Found::Scalar(t) => shorten(t),
                _ => String::new(),
            };
            let location = locator.at(n.start.0, n.start.1);
            Diagnostic {
                snippet: locator.snippet(location.line, location.col),
                location,
                field: Some(n.path.clone()),
                message: crate::lang::pick(
                    format!("应为不加引号的数字，实际为加了引号的 `{text}`（请去掉引号）"),
                    format!(
                        "expected a plain number, found `{text}` in quotes (write it without quotes)"
                    ),
                ),
            }
        })
        .collect()
}
