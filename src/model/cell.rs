//! A printed table cell: a figure, or the mark a form prints in its place (issue 16).
//!
//! In: the text of a YAML scalar. Out: a [`Cell`], either a figure ([`Dec`] or [`Pct`], read
//! exactly as those are) or a [`Mark`]: `—`, `/`, an empty cell (`""`), `unreadable`, or
//! `merged` (printed once across this and the neighbouring column). A mark is never a zero:
//! [`Cell::figure`] is `None` for it, and a rule that needs the figure says why it could not
//! use it ([`Mark::reason`]). Serializes as the figure (a number, like [`Dec`]) or as the mark's
//! text, so the record's JSON and the quoted-number check see the cell as it was typed.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::money::{Dec, DecError, Pct};

/// A cell of a printed table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell<T> {
    /// A figure.
    Figure(T),
    /// A mark printed instead of a figure.
    Mark(Mark),
}

/// What a form prints in a cell instead of a figure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mark {
    /// A dash, with the glyph as printed: `—`, `——`, `－`, `-`, `–`.
    Dash(String),
    /// A slash, as printed: `/` or `／`.
    Slash(String),
    /// An empty cell where the form has a column (typed `""`).
    Blank,
    /// Printed but not legible in the source (typed `unreadable`).
    Unreadable,
    /// Printed once across this column and its neighbour: the figure stands in the other
    /// column's field (typed `merged`).
    Merged,
}

/// What a mark is typed as, for messages and docs.
pub const MARKS: &str = "`—`, `/`, `\"\"` (an empty cell), `unreadable` or `merged`";

/// [`MARKS`] in Chinese, for messages.
pub const MARKS_ZH: &str = "`—`、`/`、`\"\"`（空单元格）、`unreadable` 或 `merged`";

impl Mark {
    /// Reads a mark; `None` when `text` is not one.
    pub fn parse(text: &str) -> Option<Mark> {
        let t = text.trim();
        match t {
            "" => Some(Mark::Blank),
            "unreadable" => Some(Mark::Unreadable),
            "merged" => Some(Mark::Merged),
            "/" | "／" => Some(Mark::Slash(t.to_owned())),
            _ if t.chars().all(|c| matches!(c, '—' | '－' | '-' | '–' | '―'))
                && t.chars().count() <= 2 =>
            {
                Some(Mark::Dash(t.to_owned()))
            }
            _ => None,
        }
    }

    /// The mark as the page shows it: the printed glyph, empty for a blank cell.
    pub fn printed(&self) -> &str {
        match self {
            Mark::Dash(t) | Mark::Slash(t) => t,
            Mark::Blank => "",
            Mark::Unreadable => "（无法辨认）",
            Mark::Merged => "（合并单元格）",
        }
    }

    /// How the mark is typed in a record.
    fn typed(&self) -> &str {
        match self {
            Mark::Dash(t) | Mark::Slash(t) => t,
            Mark::Blank => "",
            Mark::Unreadable => "unreadable",
            Mark::Merged => "merged",
        }
    }

    /// Why a rule cannot use the cell, in Chinese: `原文印“—”`, `原文空白`.
    pub fn reason(&self) -> String {
        match self {
            Mark::Dash(t) | Mark::Slash(t) => format!("原文印“{t}”"),
            Mark::Blank => "原文空白".to_owned(),
            Mark::Unreadable => "原文无法辨认".to_owned(),
            Mark::Merged => "原文与相邻栏合并印出".to_owned(),
        }
    }
}

/// A figure type a [`Cell`] can hold.
pub trait CellFigure: Sized + Copy + fmt::Display + Serialize {
    /// Parses the figure as a content file writes it.
    fn parse_field(text: &str) -> Result<Self, DecError>;
    /// The schema `format` of the figure (`decimal`, `percentage`).
    const FORMAT: &'static str;
    /// An example for the schema.
    const EXAMPLE: &'static str;
}

impl CellFigure for Dec {
    fn parse_field(text: &str) -> Result<Self, DecError> {
        Dec::parse_field(text)
    }
    const FORMAT: &'static str = "decimal";
    const EXAMPLE: &'static str = "43.2";
}

impl CellFigure for Pct {
    fn parse_field(text: &str) -> Result<Self, DecError> {
        Pct::parse_field(text)
    }
    const FORMAT: &'static str = "percentage";
    const EXAMPLE: &'static str = "86%";
}

impl<T: CellFigure> Cell<T> {
    /// Reads a figure or a mark.
    pub fn parse(text: &str) -> Result<Cell<T>, String> {
        if let Some(m) = Mark::parse(text) {
            return Ok(Cell::Mark(m));
        }
        T::parse_field(text).map(Cell::Figure).map_err(|e| {
            crate::lang::pick(
                format!("应为{e}，或原文印的符号（{MARKS_ZH}），实际为 `{text}`"),
                format!("expected {e} or a printed mark ({MARKS}), found `{text}`"),
            )
        })
    }

    /// The figure; `None` for a mark.
    pub fn figure(&self) -> Option<T> {
        match self {
            Cell::Figure(f) => Some(*f),
            Cell::Mark(_) => None,
        }
    }

    /// The mark; `None` for a figure.
    pub fn mark(&self) -> Option<&Mark> {
        match self {
            Cell::Figure(_) => None,
            Cell::Mark(m) => Some(m),
        }
    }
}

/// The figure of an optional cell.
pub fn figure<T: CellFigure>(cell: Option<&Cell<T>>) -> Option<T> {
    cell.and_then(Cell::figure)
}

/// Why the figure of an optional cell is missing, in Chinese: the mark's reason, or
/// `原文未列` when the record has no such cell; `None` when it holds a figure.
pub fn missing_reason<T: CellFigure>(cell: Option<&Cell<T>>) -> Option<String> {
    match cell {
        Some(Cell::Figure(_)) => None,
        Some(Cell::Mark(m)) => Some(m.reason()),
        None => Some("原文未列".to_owned()),
    }
}

impl<T: CellFigure> Serialize for Cell<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Cell::Figure(f) => f.serialize(s),
            Cell::Mark(m) => s.serialize_str(m.typed()),
        }
    }
}

impl<'de, T: CellFigure> Deserialize<'de> for Cell<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T>(std::marker::PhantomData<T>);
        impl<T: CellFigure> serde::de::Visitor<'_> for V<T> {
            type Value = Cell<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&crate::lang::pick(
                    format!("数字（如 {}）或原文印的符号", T::EXAMPLE),
                    format!("a figure such as {} or a printed mark", T::EXAMPLE),
                ))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Cell<T>, E> {
                Cell::parse(v).map_err(E::custom)
            }
        }
        d.deserialize_str(V(std::marker::PhantomData))
    }
}

// A parsed value (format `decimal`/`percentage`) for the schema and the XSS sweep, which feeds
// it the example figure; the description lists the marks.
impl<T: CellFigure> schemars::JsonSchema for Cell<T> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        format!("Cell_{}", T::FORMAT).into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": format!(
                "A printed cell: a figure such as {} or a mark as printed: {MARKS}.",
                T::EXAMPLE
            ),
            "type": ["string", "number"],
            "format": T::FORMAT,
            "examples": [T::EXAMPLE]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(s: &str) -> Result<Cell<Dec>, String> {
        Cell::parse(s)
    }

    #[test]
    fn figures_are_read_exactly_and_marks_as_printed() {
        assert_eq!(
            dec("43.20")
                .expect("a cell")
                .figure()
                .map(|d| d.to_string()),
            Some("43.20".into())
        );
        assert_eq!(
            dec("—").expect("a cell"),
            Cell::Mark(Mark::Dash("—".into()))
        );
        assert_eq!(
            dec("——").expect("a cell"),
            Cell::Mark(Mark::Dash("——".into()))
        );
        assert_eq!(
            dec("－").expect("a cell"),
            Cell::Mark(Mark::Dash("－".into()))
        );
        assert_eq!(
            dec("／").expect("a cell"),
            Cell::Mark(Mark::Slash("／".into()))
        );
        assert_eq!(dec("").expect("a cell"), Cell::Mark(Mark::Blank));
        assert_eq!(
            dec("unreadable").expect("a cell"),
            Cell::Mark(Mark::Unreadable)
        );
        assert_eq!(dec("merged").expect("a cell"), Cell::Mark(Mark::Merged));
        let p: Cell<Pct> = Cell::parse("100.00%").expect("a cell");
        assert_eq!(p.figure().map(|p| p.to_string()), Some("100.00%".into()));
    }

    #[test]
    fn a_mark_is_never_a_zero() {
        for s in ["—", "/", "", "unreadable", "merged"] {
            let c = dec(s).expect("a cell");
            assert_eq!(c.figure(), None, "{s}");
            assert!(c.mark().is_some());
        }
        assert_eq!(missing_reason::<Dec>(None).as_deref(), Some("原文未列"));
        assert_eq!(
            missing_reason(Some(&dec("—").expect("a cell"))).as_deref(),
            Some("原文印“—”")
        );
        assert_eq!(missing_reason(Some(&dec("1").expect("a cell"))), None);
    }

    #[test]
    fn anything_else_is_an_error_naming_the_marks() {
        let e = dec("n/a").expect_err("an error");
        assert!(e.contains("或原文印的符号"), "{e}");
        assert!(e.ends_with("实际为 `n/a`"), "{e}");
        assert!(dec("———").is_err());
        assert!(Cell::<Pct>::parse("86").is_err());
    }
}
