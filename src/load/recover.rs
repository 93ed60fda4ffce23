//! One slip does not hide the others (issue 18): after the YAML library stops at an error, the
//! file is read again without the list item or top-level section that holds it, and so on, so
//! that every independent mistake of a file is reported in one run.
//!
//! In: a record's text (masked, `super::pending`) and the file as written. Out: every error the
//! successive reads found, located in the file as written (a part left out is replaced by
//! blank lines, so every other line keeps its number, and list indices after a left-out item
//! are given as in the file), the value of the last read when it succeeded, and the lines left
//! out (a check of that value must not report what their absence causes). Stops after
//! [`MAX_READS`] reads, when an error stands next to a part already left out (it may be caused
//! by its absence), when the error is in a field the record cannot do without, or after a
//! budget or alias limit (a hostile or huge file is not read twice).

use std::sync::Arc;

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::locate::{Found, Index};
use super::yaml::{Stage, parse_stage};
use crate::error::{Diagnostic, Locator};

/// Reads of one file at most: the first and seven without a part.
const MAX_READS: usize = 8;

/// What the reads of one file gave.
pub(crate) struct Recovered<T> {
    pub(crate) locator: Locator,
    /// The last read's value, when it succeeded (without the parts left out).
    pub(crate) value: Option<T>,
    /// Every error, in the order found.
    pub(crate) errors: Vec<Diagnostic>,
    /// List items left out, as [`restore`] takes them.
    pub(crate) removed: Vec<(String, usize)>,
    /// The lines left out, first and last (from 1), the first widened to the key line above
    /// when the part was the first entry under it (its absence may leave that key empty).
    pub(crate) left_out: Vec<(u32, u32)>,
}

/// Whether line `line` was left out, or is the key whose first entry was (see
/// [`Recovered::left_out`]).
pub(crate) fn near(left_out: &[(u32, u32)], line: u32) -> bool {
    left_out.iter().any(|&(a, b)| (a..=b).contains(&line))
}

/// Reads `text` (shown as `shown`) into `T`, and again without the part holding each library
/// error, as the module says.
pub(crate) fn parse<T: DeserializeOwned + Serialize>(
    path: &str,
    text: &Arc<str>,
    shown: &Arc<str>,
) -> Recovered<T> {
    let (locator, stage) = parse_stage::<T>(path, text, shown);
    let mut out = Recovered {
        locator,
        value: None,
        errors: Vec::new(),
        removed: Vec::new(),
        left_out: Vec::new(),
    };
    let mut error = match stage {
        Stage::Read(Ok(v)) => {
            out.value = Some(v);
            return out;
        }
        Stage::Read(Err(problems)) => {
            out.errors = problems;
            return out;
        }
        Stage::Library(d, false) => {
            out.errors.push(d);
            return out;
        }
        Stage::Library(d, true) => d,
    };
    let mut lines: Vec<String> = text.split_inclusive('\n').map(str::to_owned).collect();
    // Each list item left out, in the coordinates of the text it was left out of: later
    // items' indices are one less in every later read.
    let mut removed: Vec<(String, usize)> = Vec::new();
    for _ in 1..MAX_READS {
        out.errors.push(error.clone());
        let Some(part) = part_at(&lines, error.location.line) else {
            return out;
        };
        if let Some(item) = &part.item {
            removed.push(item.clone());
        }
        for line in &mut lines[part.first as usize - 1..part.last as usize] {
            *line = if line.ends_with('\n') {
                "\n".to_owned()
            } else {
                String::new()
            };
        }
        out.left_out.push((part.guard, part.last));
        let work: Arc<str> = Arc::from(lines.concat());
        let (_, stage) = parse_stage::<T>(path, &work, shown);
        out.removed.clone_from(&removed);
        match stage {
            Stage::Library(mut d, recoverable) => {
                if near(&out.left_out, d.location.line) {
                    return out;
                }
                if !recoverable {
                    d.field = d.field.map(|f| restore(&f, &removed));
                    out.errors.push(d);
                    return out;
                }
                d.field = d.field.map(|f| restore(&f, &removed));
                error = d;
            }
            Stage::Read(Ok(v)) => {
                // The value's paths are the last read's: its locator finds them (every line
                // is where it is in the file), and `restore` names them as in the file.
                out.locator = Locator::new(
                    path.to_owned(),
                    Arc::clone(shown),
                    Index::build(&work).fields(),
                );
                out.value = Some(v);
                return out;
            }
            Stage::Read(Err(problems)) => {
                out.errors.extend(
                    problems
                        .into_iter()
                        .filter(|d| !near(&out.left_out, d.location.line))
                        .map(|mut d| {
                            d.field = d.field.map(|f| restore(&f, &removed));
                            d
                        }),
                );
                return out;
            }
        }
    }
    out.errors.push(error);
    out
}

/// A part of the file to leave out: lines `first..=last`, and when it is a list item, the
/// list's path and the item's index in the text it is left out of.
struct Part {
    first: u32,
    last: u32,
    /// `first`, or the line above when it is the key the part is the first entry of.
    guard: u32,
    item: Option<(String, usize)>,
}

/// Top-level fields a record cannot be read without: an error there ends the reads.
const REQUIRED: [&str; 4] = ["year", "amount_unit", "template", "edition"];

/// The innermost block list item holding line `line`, else its top-level section.
fn part_at(lines: &[String], line: u32) -> Option<Part> {
    let at = line.checked_sub(1)? as usize;
    let indent = |l: &str| l.chars().take_while(|c| *c == ' ').count();
    let blank = |l: &str| {
        let t = l.trim();
        t.is_empty() || t.starts_with('#')
    };
    let is_item = |l: &str| l.trim_start_matches(' ').starts_with("- ") || l.trim() == "-";
    let here = lines.get(at)?;
    // The item: the nearest `- ` line at or above whose every line down to `line` is deeper.
    let mut floor = if blank(here) {
        usize::MAX
    } else {
        indent(here) + 1
    };
    let mut item_line = None;
    for i in (0..=at).rev() {
        let l = &lines[i];
        if blank(l) {
            continue;
        }
        let ind = indent(l);
        if is_item(l) && ind < floor {
            item_line = Some(i);
            break;
        }
        floor = floor.min(ind);
        if ind == 0 {
            break;
        }
    }
    let (start, depth) = match item_line {
        Some(i) if indent(&lines[i]) > 0 => (i, indent(&lines[i])),
        _ => {
            // The top-level section: its key line at indent 0 and what is deeper below it.
            let i = (0..=at)
                .rev()
                .find(|&i| !blank(&lines[i]) && indent(&lines[i]) == 0)?;
            let key = lines[i].split(':').next().unwrap_or("").trim();
            if REQUIRED.contains(&key) {
                return None;
            }
            (i, 0)
        }
    };
    let mut end = start;
    for (i, l) in lines.iter().enumerate().skip(start + 1) {
        if blank(l) {
            continue;
        }
        let ind = indent(l);
        if ind > depth {
            end = i;
        } else {
            break;
        }
    }
    let item = (depth > 0).then(|| item_path(lines, start)).flatten();
    let to_u32 = |i: usize| u32::try_from(i + 1).unwrap_or(u32::MAX);
    let above = (0..start).rev().find(|&i| !blank(&lines[i]));
    let key_above = above.is_some_and(|i| {
        let l = lines[i].split(" #").next().unwrap_or("").trim_end();
        indent(&lines[i]) < depth.max(1) && l.ends_with(':')
    });
    let guard = match above {
        Some(i) if key_above && depth > 0 => i,
        _ => start,
    };
    Some(Part {
        first: to_u32(start),
        last: to_u32(end),
        guard: to_u32(guard),
        item,
    })
}

/// The list path and index of the item starting on line `start` (from 0), from the index of
/// the text up to there.
fn item_path(lines: &[String], start: usize) -> Option<(String, usize)> {
    let upto: String = lines[..=start].concat();
    let index = Index::build(&upto);
    let line = u32::try_from(start + 1).ok()?;
    let node = index
        .nodes()
        .filter(|n| n.start.0 == line && matches!(n.found, Found::Mapping | Found::Scalar(_)))
        .filter(|n| n.path.ends_with(']'))
        .min_by_key(|n| n.path.len())?;
    let open = node.path.rfind('[')?;
    let i = node.path[open + 1..node.path.len() - 1].parse().ok()?;
    Some((node.path[..open].to_owned(), i))
}

/// A field path of a later read given as in the file: each item index after a left-out item
/// of the same list is one more.
pub(crate) fn restore(path: &str, removed: &[(String, usize)]) -> String {
    let mut p = path.to_owned();
    for (list, index) in removed.iter().rev() {
        let prefix = format!("{list}[");
        if let Some(rest) = p.strip_prefix(&prefix)
            && let Some(close) = rest.find(']')
            && let Ok(i) = rest[..close].parse::<usize>()
            && i >= *index
        {
            p = format!("{prefix}{}{}", i + 1, &rest[close..]);
        }
    }
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(t: &str) -> Vec<String> {
        t.split_inclusive('\n').map(str::to_owned).collect()
    }

    #[test]
    fn the_part_of_a_line_is_its_innermost_list_item_else_its_section() {
        let t = lines(
            "year: 2023\nself_evaluation:\n  goals:\n    - name: a\n      indicators:\n        - name: x\n          weight: 1\n        - name: y\n    - name: b\ntargets:\n  x: 1\n",
        );
        let p = part_at(&t, 7).expect("a part");
        assert_eq!((p.first, p.last), (6, 7));
        assert_eq!(
            p.item,
            Some(("self_evaluation.goals[0].indicators".to_owned(), 0))
        );
        let p = part_at(&t, 4).expect("a part");
        assert_eq!((p.first, p.last), (4, 8));
        let p = part_at(&t, 11).expect("a part");
        assert_eq!((p.first, p.last, p.item), (10, 11, None));
        assert!(part_at(&t, 1).is_none(), "year cannot be left out");
    }

    #[test]
    fn later_items_keep_their_index_in_the_file() {
        let removed = vec![("a.goals".to_owned(), 1), ("a.goals".to_owned(), 1)];
        assert_eq!(restore("a.goals[1].weight", &removed), "a.goals[3].weight");
        assert_eq!(restore("a.goals[0].weight", &removed), "a.goals[0].weight");
    }
}
