//! The funds block's cells and rows (issue 16): a cell is a figure or a printed mark, a weight
//! has no sign, a 其中 row has its printed name.

use crate::support::{assert_text, load_invalid};

#[test]
fn issue16_a_funds_cell_is_a_figure_or_a_printed_mark() {
    assert_text(
        &load_invalid("funds_cell"),
        "错误：content/qingling/2023.yaml:11:19: projects[0].execution.parts[0].budget (预算数): 应为普通小数，如 11092.59（不用科学计数法、十六进制、下划线 `_` 或特殊值），或原文印的符号（`—`、`/`、`\"\"`（空单元格）、`unreadable` 或 `merged`），实际为 `n/a`
   |
11 |           budget: n/a
   |                   ^
内容中共有 1 处错误",
    );
}

#[test]
fn issue16_a_funds_weight_has_no_sign_and_a_part_has_its_name() {
    assert_text(
        &load_invalid("funds_rows"),
        "错误：content/qingling/2023.yaml:9:15: projects[0].execution.weight (分值): 分值应不小于 0，且不带正负号，实际为 -10
  |
9 |       weight: -10
  |               ^
错误：content/qingling/2023.yaml:11:17: projects[0].execution.parts[0].name (名称): 应照原文填写本行名称，如 其中：当年财政拨款，实际为空
   |
11 |         - name: \"\"
   |                 ^
内容中共有 2 处错误",
    );
}
