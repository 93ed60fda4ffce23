//! The field-path index of one YAML file, built from the parser's events.
//!
//! In: the file's text. Out: an [`Index`] of every node with its field path
//! (`self_evaluation.goals[1].indicators[0].weight`), the position of its key and of its value,
//! and a short description of what it holds. `yaml` uses it to name the field of an error the
//! YAML library reports by position only, and hands its `fields()` to the record's
//! [`crate::error::Locator`]. Never fails: on a syntax error it keeps what was indexed so far.
//! Never expands aliases (an alias is one node), so an alias bomb costs nothing here.

use std::collections::BTreeMap;

use granit_parser::{Event, Parser};

/// A position: line and character column, both from 1.
pub(crate) type Pos = (u32, u32);

/// The most events indexed; past this the file is far beyond any record (the YAML budget
/// rejects it on its own).
const MAX_EVENTS: usize = 500_000;

/// The deepest nesting the parser accepts while indexing (records nest about 6 deep).
const MAX_NESTING: usize = 64;

/// What a node holds, for "found …" in messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Found {
    /// A scalar, with its text (`~`/empty are shown as an empty value).
    Scalar(String),
    /// A sequence.
    List,
    /// A mapping.
    Mapping,
    /// An alias (`*name`).
    Alias,
}

impl Found {
    /// As words: `` `1e3` ``, `an empty value`, `a list`, `a mapping`, `an alias`.
    pub(crate) fn describe(&self) -> String {
        use crate::lang::pick;
        match self {
            Found::Scalar(s) if s.is_empty() || s == "~" || s == "null" => {
                pick("空值", "an empty value")
            }
            Found::Scalar(s) => format!("`{}`", shorten(s)),
            Found::List => pick("列表", "a list"),
            Found::Mapping => pick("若干“字段: 值”", "a mapping"),
            Found::Alias => pick("别名（`*`）", "an alias"),
        }
    }
}

/// One node of the file.
#[derive(Debug, Clone)]
pub(crate) struct Node {
    /// Field path; empty for the document's root.
    pub(crate) path: String,
    /// Where its key starts, for mapping values.
    pub(crate) key: Option<Pos>,
    /// Where the value starts.
    pub(crate) start: Pos,
    /// Where the value ends (exclusive); for an unfinished container, where indexing stopped.
    pub(crate) end: Pos,
    /// What it holds.
    pub(crate) found: Found,
    /// A scalar written quoted or as a block (`"12"`, `'12'`, `|`), not plain.
    pub(crate) quoted: bool,
}

/// Every node of one file, in document order.
#[derive(Debug, Default)]
pub(crate) struct Index {
    nodes: Vec<Node>,
}

impl Index {
    /// Indexes `text`.
    pub(crate) fn build(text: &str) -> Index {
        let mut options = granit_parser::Options::default();
        options.emit_comments = false;
        options.flow_nesting_limit = MAX_NESTING;
        options.block_nesting_limit = MAX_NESTING;
        let mut parser = Parser::new_from_str_with_options(text, options);
        let mut walk = Walk::default();
        for _ in 0..MAX_EVENTS {
            match parser.next_event() {
                Some(Ok((event, span))) => {
                    let start = pos(span.start.line(), span.start.col());
                    let end = pos(span.end.line(), span.end.col());
                    if !walk.event(event, start, end) {
                        break;
                    }
                }
                Some(Err(_)) | None => break,
            }
        }
        walk.finish()
    }

    /// Field path → position: the value's for scalars and list items, the key's for mappings and
    /// lists under a key (their values start on later lines). The first of duplicate keys wins.
    pub(crate) fn fields(&self) -> BTreeMap<String, Pos> {
        let mut map = BTreeMap::new();
        for n in self.nodes.iter().filter(|n| !n.path.is_empty()) {
            let at = match (&n.found, n.key) {
                (Found::List | Found::Mapping, Some(k)) => k,
                _ => n.start,
            };
            map.entry(n.path.clone()).or_insert(at);
        }
        map
    }

    /// The scalars written quoted or as blocks, in document order.
    pub(crate) fn quoted(&self) -> impl Iterator<Item = &Node> {
        self.nodes.iter().filter(|n| n.quoted)
    }

    /// Every node, in document order.
    pub(crate) fn nodes(&self) -> impl Iterator<Item = &Node> {
        self.nodes.iter()
    }

    /// The plain (unquoted) scalars whose text is `text`, in document order.
    pub(crate) fn plain(&self, text: &str) -> impl Iterator<Item = &Node> {
        self.nodes
            .iter()
            .filter(move |n| !n.quoted && matches!(&n.found, Found::Scalar(t) if t == text))
    }

    /// Every scalar node, in document order.
    pub(crate) fn scalars(&self) -> impl Iterator<Item = (&str, &str)> {
        self.nodes.iter().filter_map(|n| match &n.found {
            Found::Scalar(t) => Some((n.path.as_str(), t.as_str())),
            _ => None,
        })
    }

    /// True when the document has no node at all (empty, blank or only comments).
    pub(crate) fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// The node whose key starts at `at` (errors about a key: unknown or duplicate field).
    pub(crate) fn key_at(&self, at: Pos) -> Option<&Node> {
        self.nodes.iter().rev().find(|n| n.key == Some(at))
    }

    /// The node whose value starts at `at`, the deepest when several do; else the innermost node
    /// that contains `at`.
    pub(crate) fn value_at(&self, at: Pos) -> Option<&Node> {
        let deepest = |a: &&Node, b: &&Node| (a.start, a.path.len()).cmp(&(b.start, b.path.len()));
        self.nodes
            .iter()
            .filter(|n| n.start == at)
            .max_by(deepest)
            .or_else(|| {
                self.nodes
                    .iter()
                    .filter(|n| n.start <= at && at < n.end)
                    .max_by(deepest)
            })
    }
}

/// 0-based character column from the parser → 1-based line and column.
fn pos(line: usize, col: usize) -> Pos {
    let clamp = |v: usize| u32::try_from(v).unwrap_or(u32::MAX);
    (clamp(line).max(1), clamp(col.saturating_add(1)))
}

/// At most 40 characters, control characters shown as spaces.
pub(crate) fn shorten(s: &str) -> String {
    let mut out: String = s
        .chars()
        .take(40)
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if s.chars().nth(40).is_some() {
        out.push('…');
    }
    out
}

/// An open container while walking the events.
#[derive(Debug)]
struct Frame {
    /// Index into `nodes`, or `None` for a complex key (a mapping or list used as a key).
    node: Option<usize>,
    path: String,
    kind: FrameKind,
}

#[derive(Debug)]
enum FrameKind {
    /// A mapping: waiting for a key, or holding the key whose value comes next.
    Map { key: Option<(String, Pos)> },
    /// A sequence and the index of its next item.
    Seq { next: usize },
}

#[derive(Debug, Default)]
struct Walk {
    nodes: Vec<Node>,
    stack: Vec<Frame>,
    /// Set once the root node has been seen: a second document is not indexed.
    done: bool,
    last: Pos,
}

impl Walk {
    /// Handles one event; false to stop.
    fn event(&mut self, event: Event<'_>, start: Pos, end: Pos) -> bool {
        self.last = end;
        match event {
            Event::Scalar(text, style, ..) => {
                let quoted = style != granit_parser::ScalarStyle::Plain;
                self.node(Found::Scalar(text.into_owned()), quoted, start, end)
            }
            Event::Alias(_) => self.node(Found::Alias, false, start, end),
            Event::SequenceStart(..) => self.open(Found::List, start),
            Event::MappingStart(..) => self.open(Found::Mapping, start),
            Event::SequenceEnd | Event::MappingEnd => self.close(end),
            Event::DocumentEnd => {
                self.done |= !self.nodes.is_empty();
                true
            }
            _ => true,
        }
    }

    /// Where the next node goes: `Some(path, key)` for a value, `None` when it is a key.
    fn slot(&mut self) -> Option<(String, Option<Pos>)> {
        let Some(top) = self.stack.last_mut() else {
            return Some((String::new(), None));
        };
        match &mut top.kind {
            FrameKind::Seq { next } => {
                let path = format!("{}[{next}]", top.path);
                *next += 1;
                Some((path, None))
            }
            FrameKind::Map { key } => key.take().map(|(name, at)| {
                let path = if top.path.is_empty() {
                    name
                } else {
                    format!("{}.{name}", top.path)
                };
                (path, Some(at))
            }),
        }
    }

    fn node(&mut self, found: Found, quoted: bool, start: Pos, end: Pos) -> bool {
        if self.done {
            return false;
        }
        match self.slot() {
            Some((path, key)) => self.nodes.push(Node {
                path,
                key,
                start,
                end,
                found,
                quoted,
            }),
            None => self.set_key(&found, start),
        }
        true
    }

    fn set_key(&mut self, found: &Found, at: Pos) {
        let name = match found {
            Found::Scalar(s) => shorten(s),
            _ => "?".to_owned(),
        };
        if let Some(Frame {
            kind: FrameKind::Map { key },
            ..
        }) = self.stack.last_mut()
        {
            *key = Some((name, at));
        }
    }

    fn open(&mut self, found: Found, start: Pos) -> bool {
        if self.done {
            return false;
        }
        let kind = match found {
            Found::List => FrameKind::Seq { next: 0 },
            _ => FrameKind::Map { key: None },
        };
        match self.slot() {
            Some((path, key)) => {
                self.nodes.push(Node {
                    path: path.clone(),
                    key,
                    start,
                    end: start,
                    found,
                    quoted: false,
                });
                self.stack.push(Frame {
                    node: Some(self.nodes.len() - 1),
                    path,
                    kind,
                });
            }
            // A complex key: walk it without indexing, then name the key `?`.
            None => self.stack.push(Frame {
                node: None,
                path: "?".to_owned(),
                kind,
            }),
        }
        true
    }

    fn close(&mut self, end: Pos) -> bool {
        if let Some(frame) = self.stack.pop() {
            match frame.node.and_then(|i| self.nodes.get_mut(i)) {
                Some(node) => node.end = end,
                None => self.set_key(&Found::Mapping, end),
            }
        }
        true
    }

    fn finish(mut self) -> Index {
        // Containers left open by a syntax error extend to where indexing stopped.
        let last = self.last;
        for frame in self.stack.drain(..) {
            if let Some(node) = frame.node.and_then(|i| self.nodes.get_mut(i)) {
                node.end = last.max(node.end);
            }
        }
        Index { nodes: self.nodes }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SRC: &str = "year: 2023\ngoals:\n  - name: 青菱\n    sub: {a: 1, b: [x, 青y]}\n    indicators:\n      - name: 青菱 x\n        weight: 1e3\n";

    #[test]
    fn indexes_every_field_path_with_its_position() {
        let f = Index::build(SRC).fields();
        assert_eq!(f.get("year"), Some(&(1, 7)));
        assert_eq!(f.get("goals"), Some(&(2, 1)));
        assert_eq!(f.get("goals[0]"), Some(&(3, 5)));
        assert_eq!(f.get("goals[0].name"), Some(&(3, 11)));
        assert_eq!(f.get("goals[0].sub"), Some(&(4, 5)));
        assert_eq!(f.get("goals[0].sub.b[1]"), Some(&(4, 24)));
        assert_eq!(f.get("goals[0].indicators[0].weight"), Some(&(7, 17)));
    }

    #[test]
    fn finds_nodes_by_key_and_by_value_position() {
        let idx = Index::build(SRC);
        assert_eq!(
            idx.key_at((7, 9)).map(|n| n.path.as_str()),
            Some("goals[0].indicators[0].weight")
        );
        let v = idx.value_at((7, 17));
        assert_eq!(v.map(|n| n.found.describe()), Some("`1e3`".to_owned()));
        assert_eq!(
            idx.value_at((6, 9)).map(|n| n.path.as_str()),
            Some("goals[0].indicators[0]")
        );
        assert_eq!(
            idx.value_at((4, 16)).map(|n| n.path.as_str()),
            Some("goals[0].sub")
        );
    }

    #[test]
    fn survives_broken_and_hostile_input() {
        assert!(Index::build("").is_empty());
        assert!(Index::build("# only a comment\n").is_empty());
        let deep = "[".repeat(10_000);
        let _ = Index::build(&deep).fields();
        let idx = Index::build("a: [1, 2]\nb: {c: [");
        assert_eq!(idx.fields().get("a[1]"), Some(&(1, 8)));
    }
}
