//! JSON Schemas of the file format, generated from the serde types in [`super::raw`] (never
//! written by hand, so they cannot drift from what the loader accepts).
//!
//! In: nothing. Out: one JSON Schema (draft 2020-12) per file kind, as a `serde_json::Value`.
//! Free text is `"type": "string"` with nothing more; every string the loader parses or checks
//! carries an `enum`, a `pattern` or a `format`, and an example. `tests/cli/xss.rs` builds its
//! hostile documents from these (issue 15), so a new text field is swept without touching the
//! test; issue 18 will publish them. Never reads or writes a file.

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

fn schema<T: JsonSchema>() -> serde_json::Value {
    schemars::schema_for!(T).to_value()
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
            serde_json::json!(["quantitative", "qualitative", null])
        );
        let note = &defs["RawIndicator"]["properties"]["note"];
        assert!(note.get("enum").is_none() && note.get("pattern").is_none());
        assert_eq!(unit_schema()["properties"]["id"]["examples"][0], "qingling");
        assert_eq!(site_schema()["properties"]["base_url"]["format"], "uri");
    }
}
