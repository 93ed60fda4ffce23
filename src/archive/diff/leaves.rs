//! The figures of one published record JSON, leaf by leaf, each with a Chinese label.
//!
//! In: a record JSON (`data/<unit>/<year>.json`: `record`, `scores`, `accounts`). Out: every
//! scalar by its field path, with a label for people: the names of the elements it lies in
//! (a goal, an indicator, a 决算 line), then the field's Chinese name, `（计算）` after a figure
//! gongkai worked out (`scores`, `accounts`). A label never holds the field path (issue 19:
//! `总分(计算) scores.self_evaluation.reported_total`); the report shows the path beside it.

use std::collections::BTreeMap;

use serde_json::Value;

/// A sort key that puts `[10]` after `[9]`.
pub(super) fn natural(field: &str) -> Vec<(String, u64)> {
    field
        .split('[')
        .map(|seg| match seg.split_once(']') {
            Some((n, rest)) => (rest.to_owned(), n.parse().unwrap_or(0)),
            None => (seg.to_owned(), 0),
        })
        .collect()
}

/// One leaf of a record JSON.
pub(super) struct Leaf {
    pub(super) value: String,
    pub(super) label: String,
}

/// Every scalar of the JSON by field path, with its label.
pub(super) fn leaves(value: &Value) -> BTreeMap<String, Leaf> {
    let mut out = BTreeMap::new();
    walk(value, String::new(), Vec::new(), &mut out);
    out
}

fn walk(value: &Value, path: String, names: Vec<String>, out: &mut BTreeMap<String, Leaf>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                walk(v, p, names.clone(), out);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                let mut names = names.clone();
                // An element with a name (a goal, an indicator, a line) or a Chinese label (a
                // share of the 决算 analysis) is named in the label.
                if let Some(n) = ["name", "label"]
                    .iter()
                    .find_map(|k| v.get(k).and_then(Value::as_str))
                {
                    names.push(n.to_owned());
                }
                walk(v, format!("{path}[{i}]"), names, out);
            }
        }
        leaf => {
            let value = match leaf {
                Value::Null => "—".to_owned(),
                Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            let mut label = names.join(" › ");
            if !label.is_empty() {
                label.push(' ');
            }
            label.push_str(&field_label(&path));
            out.insert(path, Leaf { value, label });
        }
    }
}

/// The Chinese name of a field: the 决算 totals and the 自评 total by their printed names, else
/// the glossary's name of the last segment, else that segment as it is (never the whole path);
/// `（计算）` follows the name of a figure gongkai worked out.
pub(super) fn field_label(path: &str) -> String {
    let (short, computed) = match path.split_once('.') {
        Some(("record", rest)) => (rest, false),
        Some(("scores" | "accounts", rest)) => (rest, true),
        _ => (path, false),
    };
    let name = printed_name(short)
        .or_else(|| crate::glossary::field_label(short))
        .map_or_else(|| last_segment(short).to_owned(), str::to_owned);
    if computed {
        format!("{name}（计算）")
    } else {
        name
    }
}

/// The names printed in the documents for the figures a reader looks for first.
fn printed_name(short: &str) -> Option<&'static str> {
    Some(match short {
        "final_accounts.income.total" => "收入合计",
        "final_accounts.income.grand_total" => "收入总计",
        "final_accounts.expenditure.total" => "支出合计",
        "final_accounts.expenditure.grand_total" => "支出总计",
        "final_accounts.expenditure.basic" => "基本支出",
        "final_accounts.expenditure.project" => "项目支出",
        "final_accounts.income.general_budget" => "一般公共预算财政拨款收入",
        "final_accounts.fiscal.grand_total" => "财政拨款收支总计",
        "final_accounts.general_budget.budget" => "一般公共预算财政拨款年初预算",
        "final_accounts.general_budget.actual" => "一般公共预算财政拨款支出决算",
        "self_evaluation.reported_total" => "自评总分",
        "totals.income_total" => "收入合计",
        "totals.expenditure_total" => "支出合计",
        "totals.basic_total" => "基本支出",
        "totals.three_public_actual" => "“三公”经费决算数",
        "totals.three_public_budget" => "“三公”经费预算数",
        "totals.procurement_total" => "政府采购支出",
        _ => return None,
    })
}

/// `goals[0].indicators[3].score` → `score`.
fn last_segment(path: &str) -> &str {
    path.rsplit('.')
        .map(|seg| seg.split('[').next().unwrap_or(seg))
        .find(|seg| !seg.is_empty())
        .unwrap_or(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn named_elements_carry_their_names_into_the_label() {
        let json: Value = serde_json::from_str(
            r#"{"record":{"goals":[{"name":"目标1","indicators":[{"name":"办结率","score":"5"}]}]},
                "accounts":{"fund_shares":[{"key":"general_budget","label":"一般公共预算财政拨款支出","amount":"1"}]}}"#,
        )
        .expect("JSON");
        let leaves = leaves(&json);
        let label = |path: &str| leaves.get(path).map(|l| l.label.as_str());
        assert_eq!(
            label("record.goals[0].indicators[0].score"),
            Some("目标1 › 办结率 得分")
        );
        assert_eq!(
            label("accounts.fund_shares[0].amount"),
            Some("一般公共预算财政拨款支出 金额（计算）")
        );
    }

    #[test]
    fn issue19_a_label_never_holds_a_field_path() {
        assert_eq!(
            field_label("scores.self_evaluation.reported_total"),
            "自评总分（计算）"
        );
        assert_eq!(
            field_label("record.self_evaluation.reported_total"),
            "自评总分"
        );
        assert_eq!(
            field_label("scores.self_evaluation.goals[0].reported_total"),
            "总分（计算）"
        );
        assert_eq!(
            field_label("record.final_accounts.expenditure.total"),
            "支出合计"
        );
        // No name known: the last key alone, not the path.
        assert_eq!(field_label("accounts.changes[2].wobble"), "wobble（计算）");
        assert_eq!(field_label("record.x.y_z"), "y_z");
    }

    #[test]
    fn natural_order_puts_ten_after_nine() {
        assert!(natural("a[9].b") < natural("a[10].b"));
    }
}
