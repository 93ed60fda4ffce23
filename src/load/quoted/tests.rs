//! Which quoted scalars are numbers, and when a file is worth indexing.

use std::sync::Arc;

use super::*;
use crate::load::raw::RawRecord;

fn problems(yaml: &str) -> Vec<String> {
    let text: Arc<str> = Arc::from(yaml);
    let (locator, raw) = crate::load::yaml::parse::<RawRecord>("content/x/2023.yaml", &text);
    assert_eq!(locator.path(), "content/x/2023.yaml");
    match raw {
        Ok(_) => Vec::new(),
        Err(d) => d
            .iter()
            .map(|d| format!("{} {}", d.location, d.field.as_deref().unwrap_or("")))
            .collect(),
    }
}

#[test]
fn text_keys_name_only_text_fields_in_the_file_format() {
    let raw = include_str!("../raw.rs");
    for key in TEXT_KEYS {
        let decls: Vec<&str> = raw
            .lines()
            .filter_map(|l| l.trim().strip_prefix(&format!("pub {key}: ")))
            .collect();
        assert!(!decls.is_empty(), "`{key}` is not a field of raw.rs");
        for ty in decls {
            assert!(
                !["Dec", "Pct", "Whole", "i64", "u32"]
                    .iter()
                    .any(|n| ty.contains(n)),
                "`{key}: {ty}` holds a number: remove it from TEXT_KEYS"
            );
        }
    }
}

#[test]
fn only_a_quote_after_a_number_key_makes_a_file_worth_indexing() {
    let may = |yaml: &str| {
        let text: Arc<str> = Arc::from(yaml);
        let raw = serde_saphyr::from_str::<RawRecord>(&text).expect("parses");
        may_hold(&raw, &text)
    };
    let head = "year: 2023\namount_unit: 元\ntemplate: hubei\n";
    let lines =
        "final_accounts:\n  lines:\n    - {code: \"2010301\", class: \"a: 'b'\", actual: 1}\n";
    assert!(
        !may(&format!("{head}{lines}")),
        "quoted codes and texts only"
    );
    assert!(may(&format!(
        "{head}final_accounts:\n  lines:\n    - {{code: \"201\", class: a, actual: \"1\"}}\n"
    )));
    assert!(may("year: '2023'\namount_unit: 元\ntemplate: hubei\n"));
    assert!(may(&format!(
        "{head}final_accounts:\n  expenditure:\n    total: |\n      12\n"
    )));
}

#[test]
fn issue15_quoted_numbers_are_refused_wherever_they_stand() {
    let yaml = "year: \"2023\"\namount_unit: 元\ntemplate: hubei\nself_evaluation:\n  execution: {budget: '12', actual: \"1,234.50\", rate: \"99%\"}\n  goals:\n    - name: 目标\n      weight: |\n        12\n      indicators:\n        - {name: a, weight: \"4\", target: \"4\", actual: \"≥95%\"}\nfinal_accounts:\n  lines:\n    - {code: \"2010301\", class: a, actual: 1}\n";
    assert_eq!(
        problems(yaml),
        [
            "content/x/2023.yaml:1:7 year",
            "content/x/2023.yaml:5:23 self_evaluation.execution.budget",
            "content/x/2023.yaml:5:55 self_evaluation.execution.rate",
            // A block scalar is located at its text, on the line after `|`.
            "content/x/2023.yaml:9:9 self_evaluation.goals[0].weight",
            "content/x/2023.yaml:11:29 self_evaluation.goals[0].indicators[0].weight",
        ],
        "text fields (target, actual, code) may be quoted; grouped digits may be"
    );
}
