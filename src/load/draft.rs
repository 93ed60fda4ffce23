//! A draft of next year's record from this year's (`gongkai new`, issue 18): the same blocks,
//! goals, indicators, weights, targets, 科目 and table rows, every figure of the year written
//! `待填` for the user to fill (`super::pending`), and the year's own prose (reasons, notes, the
//! source document) left out.
//!
//! In: a record's text and the new year. Out: the draft's text, deterministic for the same
//! input: keys in the order of the record, each scalar kept as it was written (quoted or not),
//! each `待填` followed by a comment naming the field on the form. Works on the YAML tree, not on
//! the typed record, so that the draft holds exactly the shape the user typed.

use serde_json::Value;

use super::locate::{Found, Index};
use super::pending::MARK;

/// Keys whose value is the plan or the form's structure: carried over as written.
const KEEP: [&str; 26] = [
    "amount_unit",
    "template",
    "edition",
    "contact",
    "code",
    "name",
    "class",
    "section",
    "item",
    "fund",
    "kind",
    "level1",
    "level2",
    "target",
    "weight",
    "total_weight",
    "direction",
    "nature",
    "unit",
    "measure",
    "definition",
    "criteria",
    "id",
    "department",
    "implementer",
    "attribute",
];

/// Keys whose value belongs to the year's document (its source, its prose, what its text
/// states in passing): left out of the draft.
const DROP: [&str; 24] = [
    "source",
    "report",
    "reason",
    "purpose",
    "note",
    "deviation",
    "deviation_analysis",
    "improvement",
    "summary",
    "statement",
    "systems",
    "personnel_note",
    "public_note",
    "filled_on",
    "incomplete",
    "not_printed",
    "unmet",
    "prior",
    "prior_years",
    "period",
    "special_funds_nil",
    "functions",
    "tasks",
    "stated_full_year_completion",
];

/// The draft of `year`'s record from `text` (a record that parses as YAML); the error says
/// why the text could not be read.
pub(crate) fn draft(text: &str, year: u16, from: &str) -> Result<String, String> {
    let value: Value = serde_saphyr::from_str(text).map_err(|e| e.to_string())?;
    let Value::Object(root) = value else {
        return Err(crate::lang::pick(
            "记录的最外层应为若干“字段: 值”",
            "expected a mapping of fields at the top of the record",
        ));
    };
    let index = Index::build(text);
    let mut out = String::new();
    out.push_str("# yaml-language-server: $schema=../../docs/schema/record.schema.json\n");
    out.push_str(&format!(
        "# {year} 年度记录草稿，由 gongkai new 依 {from} 生成：表格、目标、指标、分值、目标值和科目沿用上年，\n\
         # 本年的每个数字写作“待填”。请按本年公开的文件逐项填写（未公开的项删去），原因、说明等文字照原文补入；\n\
         # gongkai check 逐项列出尚未填写的“待填”。\n"
    ));
    let scalars: std::collections::HashMap<&str, (&str, bool)> = index
        .nodes()
        .filter_map(|n| match &n.found {
            Found::Scalar(t) => Some((n.path.as_str(), (t.as_str(), n.quoted))),
            _ => None,
        })
        .collect();
    let draft = Draft { scalars };
    for (key, v) in &root {
        if key == "year" {
            out.push_str(&format!("year: {year}\n"));
            continue;
        }
        if DROP.contains(&key.as_str()) {
            continue;
        }
        draft.entry(&mut out, 0, key, key, v, false);
    }
    Ok(out)
}

struct Draft<'a> {
    /// Field path → each scalar's text as written and whether it was quoted.
    scalars: std::collections::HashMap<&'a str, (&'a str, bool)>,
}

impl Draft<'_> {
    /// Writes `key: value` at `indent` (after `- ` when `item`), `path` the value's field path;
    /// nothing when the value is left out.
    fn entry(&self, out: &mut String, indent: usize, key: &str, path: &str, v: &Value, item: bool) {
        let Some(v) = self.transform(key, path, v) else {
            return;
        };
        let pad = if item {
            format!("{}- ", " ".repeat(indent.saturating_sub(2)))
        } else {
            " ".repeat(indent)
        };
        let k = scalar_key(key);
        match &v {
            Value::Object(m) => {
                out.push_str(&format!("{pad}{k}:\n"));
                self.mapping(out, indent + 2, path, m);
            }
            Value::Array(items) => {
                out.push_str(&format!("{pad}{k}:\n"));
                self.list(out, indent + 2, path, items);
            }
            scalar => {
                let (text, pending) = self.scalar(path, scalar);
                out.push_str(&format!("{pad}{k}: {text}"));
                if pending && let Some(zh) = crate::glossary::field_label(path) {
                    out.push_str(&format!(" # {zh}"));
                }
                out.push('\n');
            }
        }
    }

    fn mapping(
        &self,
        out: &mut String,
        indent: usize,
        path: &str,
        m: &serde_json::Map<String, Value>,
    ) {
        for (k, v) in m {
            self.entry(out, indent, k, &format!("{path}.{k}"), v, false);
        }
    }

    fn list(&self, out: &mut String, indent: usize, path: &str, items: &[Value]) {
        for (i, v) in items.iter().enumerate() {
            let p = format!("{path}[{i}]");
            match v {
                Value::Object(m) => {
                    let mut first = true;
                    for (k, x) in m {
                        let before = out.len();
                        self.entry(out, indent + 2, k, &format!("{p}.{k}"), x, first);
                        if out.len() > before {
                            first = false;
                        }
                    }
                    if first {
                        out.push_str(&format!("{}- {{}}\n", " ".repeat(indent)));
                    }
                }
                other => {
                    let (text, _) = self.scalar(&p, other);
                    out.push_str(&format!("{}- {text}\n", " ".repeat(indent)));
                }
            }
        }
    }

    /// The value as the draft holds it: kept, `待填`, or left out (`None`). A mapping or list
    /// left with nothing in it is left out too.
    fn transform(&self, key: &str, path: &str, v: &Value) -> Option<Value> {
        if DROP.contains(&key) {
            return None;
        }
        // A block's or a table's title names the year ("…2024年度部门决算"); a goal's title
        // is its text.
        if key == "title" && !path.contains("goals[") {
            return None;
        }
        match v {
            Value::Object(m) => {
                let kept: serde_json::Map<String, Value> = m
                    .iter()
                    .filter_map(|(k, x)| {
                        self.transform(k, &format!("{path}.{k}"), x)
                            .map(|x| (k.clone(), x))
                    })
                    .collect();
                (!kept.is_empty()).then_some(Value::Object(kept))
            }
            Value::Array(items) => (!items.is_empty()).then(|| v.clone()),
            Value::Null => None,
            _ if KEEP.contains(&key) || key == "title" => Some(v.clone()),
            _ => Some(Value::String(MARK.to_owned())),
        }
    }

    /// A scalar as written in the source (quoted or not), or `待填`; and whether it is `待填`.
    fn scalar(&self, path: &str, v: &Value) -> (String, bool) {
        if v.as_str() == Some(MARK) {
            return (MARK.to_owned(), true);
        }
        if let Some((text, quoted)) = self.scalars.get(path) {
            return (
                if *quoted {
                    quote(text)
                } else {
                    (*text).to_owned()
                },
                false,
            );
        }
        match v {
            Value::String(s) => (quote(s), false),
            other => (other.to_string(), false),
        }
    }
}

/// A key as YAML writes it: plain when it is a plain word, else quoted.
fn scalar_key(key: &str) -> String {
    let plain = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '-' || !c.is_ascii())
        && !key.starts_with(|c: char| c.is_ascii_digit() || c == '-');
    if plain { key.to_owned() } else { quote(key) }
}

/// A double-quoted YAML scalar (JSON's escapes are YAML's).
fn quote(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_owned())
}
