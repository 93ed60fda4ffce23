//! JSON Schemas of the file format, generated from the serde types in [`super::raw`] (never
//! written by hand, so they cannot drift from what the loader accepts).
//!
//! In: nothing. Out: one JSON Schema (draft 2020-12) per file kind, as a `serde_json::Value`.
//! Free text is `"type": "string"` with nothing more; every string the loader parses or checks
//! carries an `enum`, a `pattern` or a `format`, and an example. `tests/cli/xss.rs` builds its
//! hostile documents from these (issue 15), so a new text field is swept without touching the
//! test; `docs/schema/` holds them for editors (issue 18). Never reads or writes a file.

use schemars::JsonSchema;

use super::raw::{RawRecord, RawSite, RawUnit};

/// The schema of `content/_site.yaml`.
pub fn site_schema() -> serde_json::Value {
    schema::<RawSite>()
}

/// The schema of `content/<unit>/_unit.yaml`.
pub fn unit_schema() -> serde_json::Value {
    schema::<RawUnit>()
}

/// The schema of `content/<unit>/<year>.yaml`.
pub fn record_schema() -> serde_json::Value {
    schema::<RawRecord>()
}

/// The three schemas as committed in `docs/schema/` (file name → pretty JSON with a final
/// newline): what `gongkai schema` writes and a test compares with the committed files.
pub(crate) fn files() -> Vec<(&'static str, String)> {
    [
        ("record.schema.json", record_schema()),
        ("unit.schema.json", unit_schema()),
        ("site.schema.json", site_schema()),
    ]
    .into_iter()
    .map(|(name, value)| {
        let mut text = serde_json::to_string_pretty(&value).unwrap_or_default();
        text.push('\n');
        (name, text)
    })
    .collect()
}

fn schema<T: JsonSchema>() -> serde_json::Value {
    let mut value = schemars::schema_for!(T).to_value();
    describe(&mut value, "");
    allow_pending(&mut value);
    value
}

/// A word list that allows the field to be left out (it holds `null`) also takes `待填`: the
/// loader reads a draft's `待填` in any optional field as not stated yet (`super::pending`).
fn allow_pending(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(obj) => {
            if let Some(serde_json::Value::Array(words)) = obj.get_mut("enum")
                && words.contains(&serde_json::Value::Null)
            {
                let mark = serde_json::Value::String(super::pending::MARK.to_owned());
                if !words.contains(&mark) {
                    words.push(mark);
                }
            }
            for v in obj.values_mut() {
                allow_pending(v);
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(allow_pending),
        _ => {}
    }
}

/// Puts each property's Chinese name, as on the form, in front of its description
/// (`执行率：Execution rate …`), so that an editor shows the form's word while one types the
/// key. `def` is the name of the definition being walked (`RawIndicator`): some keys have a
/// name of their own in one table only (an indicator's `value` is its 指标值).
fn describe(value: &mut serde_json::Value, def: &str) {
    let Some(obj) = value.as_object_mut() else {
        return;
    };
    if let Some(serde_json::Value::Object(defs)) = obj.get_mut("$defs") {
        for (name, d) in defs.iter_mut() {
            describe(d, name);
        }
    }
    if let Some(serde_json::Value::Object(props)) = obj.get_mut("properties") {
        for (key, p) in props.iter_mut() {
            let table = def.contains("LineTable") || def.contains("LineRow");
            // One row type serves 收入决算表 and 支出决算表, where `operating` differs.
            let zh = if table && key == "operating" {
                Some("经营收入（收入决算表）/ 经营支出（支出决算表）")
            } else {
                crate::glossary::field_label(&pseudo_path(def, key))
            };
            let Some(zh) = zh else {
                continue;
            };
            if let Some(p) = p.as_object_mut() {
                let text = match p.get("description").and_then(|d| d.as_str()) {
                    Some(en) if en.starts_with(zh) => en.to_owned(),
                    Some(en) if !en.is_empty() => format!("{zh}：{en}"),
                    _ => zh.to_owned(),
                };
                p.insert("description".to_owned(), serde_json::Value::String(text));
            }
        }
    }
}

/// A field path that gives `key` in definition `def` its label in [`crate::glossary`].
fn pseudo_path(def: &str, key: &str) -> String {
    if def.contains("Indicator") {
        format!("indicators[0].{key}")
    } else if def.contains("LineTable") || def.contains("LineRow") {
        format!("x_table.{key}")
    } else {
        key.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parsed_strings_are_marked_and_free_text_is_plain() {
        let record = record_schema();
        let defs = &record["$defs"];
        assert_eq!(defs["Dec"]["format"], "decimal");
        assert_eq!(defs["Pct"]["format"], "percentage");
        let kind = &defs["RawIndicator"]["properties"]["kind"];
        assert_eq!(
            kind["enum"],
            serde_json::json!(["quantitative", "qualitative", null, "待填"])
        );
        let note = &defs["RawIndicator"]["properties"]["note"];
        assert!(note.get("enum").is_none() && note.get("pattern").is_none());
        assert_eq!(unit_schema()["properties"]["id"]["examples"][0], "qingling");
        assert_eq!(site_schema()["properties"]["base_url"]["format"], "uri");
    }

    #[test]
    fn each_property_leads_with_the_forms_chinese_name() {
        let record = record_schema();
        assert_eq!(record["properties"]["year"]["description"], "年度");
        let value = record["$defs"]["RawIndicator"]["properties"]["value"]["description"]
            .as_str()
            .expect("a description");
        assert!(
            value.starts_with("指标值") && !value.starts_with("指标值：指标值"),
            "{value}"
        );
        let rate = record["$defs"]["RawExecution"]["properties"]["rate"]["description"]
            .as_str()
            .expect("a description");
        assert!(rate.starts_with("执行率"), "{rate}");
    }

    /// `docs/schema/` is what editors read: it must be what the loader accepts today.
    #[test]
    fn the_committed_schemas_are_the_generated_ones() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/schema");
        for (name, text) in files() {
            let committed = std::fs::read_to_string(dir.join(name)).unwrap_or_default();
            assert!(
                committed == text,
                "docs/schema/{name} differs from the schema the loader implies: run `cargo run -- schema` and commit the result"
            );
        }
    }

    #[test]
    fn the_blocks_a_cut_may_name_are_the_loaders() {
        let record = record_schema();
        let listed: Vec<String> =
            record["$defs"]["RawAccountsIncomplete"]["properties"]["block"]["enum"]
                .as_array()
                .expect("an enum")
                .iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect();
        assert_eq!(
            listed[..listed.len() - 1],
            super::super::validate::ACCOUNTS_BLOCKS
        );
        assert_eq!(listed.last().map(String::as_str), Some("待填"));
    }
}
