//! Issue 16 (task PARTIAL): what a document does not print is said explicitly, and the 原文不全
//! marker is well formed. Each case asserts the whole message.

use crate::support::{assert_text, load_invalid};

#[test]
fn issue16_a_unit_without_name_or_label_is_an_error() {
    assert_text(
        &load_invalid("unit_name_neither"),
        r#"error: content/qingling/_unit.yaml:1:1: name (名称): expected `name` (单位名称, as printed), or `label` (称呼) when the documents print no name, found neither
  |
1 | id: qingling
  | ^
1 error in the content"#,
    );
}

#[test]
fn issue16_a_unit_with_both_name_and_label_is_an_error() {
    assert_text(
        &load_invalid("unit_name_and_label"),
        r#"error: content/qingling/_unit.yaml:3:8: label (称呼): expected `label` only when the documents print no name (leave out `name`), found both `name` and `label`
  |
3 | label: 某街道
  |        ^
1 error in the content"#,
    );
}

#[test]
fn issue16_a_source_without_title_must_say_it_is_not_printed() {
    assert_text(
        &load_invalid("source_title_neither"),
        r#"error: content/qingling/2023.yaml:4:1: source.title: expected the document's title as printed, or `title` in `not_printed` when the document prints none, found neither
  |
4 | source:
  | ^
1 error in the content"#,
    );
}

#[test]
fn issue16_a_title_cannot_be_both_typed_and_not_printed() {
    assert_text(
        &load_invalid("source_title_not_printed_both"),
        r#"error: content/qingling/2023.yaml:6:3: source.not_printed (原文未印出): expected `title` in `not_printed` only when the record has no `source.title`, found both
  |
6 |   not_printed: [title]
  |   ^
1 error in the content"#,
    );
}

#[test]
fn issue16_an_incomplete_marker_needs_level1_with_level2() {
    assert_text(
        &load_invalid("incomplete_level2_alone"),
        r#"error: content/qingling/2023.yaml:7:13: self_evaluation.incomplete.level2 (二级指标): expected `level1` with `level2` (the 一级指标 of the group the cut falls in), found `level2` alone
  |
7 |     level2: 经济成本指标
  |             ^
1 error in the content"#,
    );
}

#[test]
fn issue16_an_incomplete_marker_says_where_and_names_a_block() {
    assert_text(
        &load_invalid("incomplete_at_empty"),
        r#"error: content/qingling/2023.yaml:6:9: final_accounts.incomplete.at (中断处): expected where the visible part stops, such as 原文在“其他收入”处中断, found an empty value
  |
6 |     at: ""
  |         ^
error: content/qingling/2023.yaml:7:12: final_accounts.incomplete.block (中断所在部分): expected the key of a block under final_accounts, such as `income`, `lines` or `income_table` (the list: docs/format.md §2.11), found `incomes`
  |
7 |     block: incomes
  |            ^
2 errors in the content"#,
    );
}
