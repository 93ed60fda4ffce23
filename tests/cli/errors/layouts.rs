//! Issue 16, provincial layouts: the errors of the fields that hold them.

use crate::support::{assert_text, load_invalid};

#[test]
fn issue16_a_target_typed_twice_and_a_grade_that_is_not_one_are_errors_at_their_lines() {
    assert_text(
        &load_invalid("layout_fields"),
        "错误：content/yongde/2022.yaml:6:21: projects[0].reported_grade (评价等级): 应为 `优`、`良`、`中`、`差` 之一，实际为 `甲`
  |
6 |     reported_grade: 甲
  |                     ^
错误：content/yongde/2022.yaml:11:21: projects[0].goals[0].indicators[0].target (年初目标值): `target`（年初目标值）与 `nature`/`value`/`unit`（指标性质/指标值/度量单位）三列只能填一种；实际 target 填了 `≥735人次`，三列又填了 `≧735人次`
   |
11 |             target: ≥735人次
   |                     ^
内容中共有 2 处错误",
    );
}
