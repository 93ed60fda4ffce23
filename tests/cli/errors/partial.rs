//! Issue 16 (task PARTIAL): what a document does not print is said explicitly, and the 原文不全
//! marker is well formed. Each case asserts the whole message.

use crate::support::{assert_text, load_invalid};

#[test]
fn issue16_a_unit_without_name_or_label_is_an_error() {
    assert_text(
        &load_invalid("unit_name_neither"),
        r#"错误：content/qingling/_unit.yaml:1:1: name (名称): 应填写 `name`（单位名称，照原文），原文未印出名称时填 `label`（称呼）；实际两者都没有
  |
1 | id: qingling
  | ^
内容中共有 1 处错误"#,
    );
}

#[test]
fn issue16_a_unit_with_both_name_and_label_is_an_error() {
    assert_text(
        &load_invalid("unit_name_and_label"),
        r#"错误：content/qingling/_unit.yaml:3:8: label (称呼): 只有原文未印出单位名称时才填 `label`（称呼），此时不填 `name`；实际两者都填了
  |
3 | label: 某街道
  |        ^
内容中共有 1 处错误"#,
    );
}

#[test]
fn issue16_a_source_without_title_must_say_it_is_not_printed() {
    assert_text(
        &load_invalid("source_title_neither"),
        r#"错误：content/qingling/2023.yaml:4:1: source.title: 应照原文填写文件标题；原文未印标题时，在 `not_printed`（原文未印出）里写 `title`；实际两者都没有
  |
4 | source:
  | ^
内容中共有 1 处错误"#,
    );
}

#[test]
fn issue16_a_title_cannot_be_both_typed_and_not_printed() {
    assert_text(
        &load_invalid("source_title_not_printed_both"),
        r#"错误：content/qingling/2023.yaml:6:3: source.not_printed (原文未印出): 只有记录没有 `source.title`（文件标题）时，才在 `not_printed` 里写 `title`；实际两者都有
  |
6 |   not_printed: [title]
  |   ^
内容中共有 1 处错误"#,
    );
}

#[test]
fn issue16_an_incomplete_marker_needs_level1_with_level2() {
    assert_text(
        &load_invalid("incomplete_level2_alone"),
        r#"错误：content/qingling/2023.yaml:7:13: self_evaluation.incomplete.level2 (二级指标): 填了 `level2`（二级指标）就要同时填 `level1`（中断处所在的一级指标），实际只有 `level2`
  |
7 |     level2: 经济成本指标
  |             ^
内容中共有 1 处错误"#,
    );
}

#[test]
fn issue16_an_incomplete_marker_says_where_and_names_a_block() {
    assert_text(
        &load_invalid("incomplete_at_empty"),
        r#"错误：content/qingling/2023.yaml:6:9: final_accounts.incomplete.at (中断处): 应写明原文在哪里中断，如 原文在“其他收入”处中断，实际为空
  |
6 |     at: ""
  |         ^
错误：content/qingling/2023.yaml:7:12: final_accounts.incomplete.block (中断所在部分): 应为 final_accounts（部门决算）下某一部分的字段名，如 `income`、`lines` 或 `income_table`（完整列表见 docs/format.zh.md §2.11），实际为 `incomes`
  |
7 |     block: incomes
  |            ^
内容中共有 2 处错误"#,
    );
}
