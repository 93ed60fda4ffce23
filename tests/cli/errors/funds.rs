//! The funds block's cells and rows (issue 16): a cell is a figure or a printed mark, a weight
//! has no sign, a 其中 row has its printed name.

use crate::support::{assert_text, load_invalid};

#[test]
fn issue16_a_funds_cell_is_a_figure_or_a_printed_mark() {
    assert_text(
        &load_invalid("funds_cell"),
        "error: content/qingling/2023.yaml:11:19: projects[0].execution.parts[0].budget (预算数): expected a plain decimal such as 11092.59 (no exponent, hex, `_` or special values) or a printed mark (`—`, `/`, `\"\"` (an empty cell), `unreadable` or `merged`), found `n/a`
   |
11 |           budget: n/a
   |                   ^
1 error in the content",
    );
}

#[test]
fn issue16_a_funds_weight_has_no_sign_and_a_part_has_its_name() {
    assert_text(
        &load_invalid("funds_rows"),
        "error: content/qingling/2023.yaml:9:15: projects[0].execution.weight (分值): expected a weight of 0 or more, written without a sign, found -10
  |
9 |       weight: -10
  |               ^
error: content/qingling/2023.yaml:11:17: projects[0].execution.parts[0].name (名称): expected the row's name as printed, such as 其中：当年财政拨款, found an empty name
   |
11 |         - name: \"\"
   |                 ^
2 errors in the content",
    );
}
