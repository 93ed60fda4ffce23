//! Issue 16, provincial layouts: the errors of the fields that hold them.

use crate::support::{assert_text, load_invalid};

#[test]
fn issue16_a_target_typed_twice_and_a_grade_that_is_not_one_are_errors_at_their_lines() {
    assert_text(
        &load_invalid("layout_fields"),
        "error: content/yongde/2022.yaml:6:21: projects[0].reported_grade (评价等级): expected one of `优`, `良`, `中`, `差`, found `甲`
  |
6 |     reported_grade: 甲
  |                     ^
error: content/yongde/2022.yaml:11:21: projects[0].goals[0].indicators[0].target (年初目标值): expected either `target` or the columns `nature`/`value`/`unit` (指标性质/指标值/度量单位), not both; found target `≥735人次` beside `≧735人次`
   |
11 |             target: ≥735人次
   |                     ^
2 errors in the content",
    );
}
