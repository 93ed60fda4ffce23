//! Amounts written with their unit in the cell (issue 16): what is refused, at its place.

use crate::support::{assert_text, load_invalid};

#[test]
fn units_that_are_not_converted_and_unreadable_figures_are_located_errors() {
    assert_text(
        &load_invalid("amount_with_unit"),
        "error: content/mabu/2020.yaml:7:15: self_evaluation.goals[0].weight (分值): expected a plain decimal such as 11092.59 (no exponent, hex, `_` or special values), found `80万元`
  |
7 |       weight: 80万元
  |               ^
error: content/mabu/2021.yaml:7:15: report.statements[0].amount (金额): expected an amount such as 11092.59 or, with the unit printed in the cell, 10000万元, found `1e3万元`: the figure before the unit is not a plain decimal
  |
7 |       amount: 1e3万元
  |               ^
error: content/mabu/2022.yaml:5:24: self_evaluation.project_expenditure (项目支出总额): expected an amount such as 11092.59 or, with the unit printed in the cell, 10000万元, found `0.00 万`: write the unit in full (万元), and type the figure plainly when the document prints it without 元
  |
5 |   project_expenditure: 0.00 万
  |                        ^
error: content/mabu/2023.yaml:5:22: self_evaluation.basic_expenditure (基本支出总额): expected an amount such as 11092.59 or, with the unit printed in the cell, 10000万元 (元, 万元 or 亿元), found `1500千元`: `千元` is not a unit gongkai converts; type the figure in the record's amount_unit
  |
5 |   basic_expenditure: 1500千元
  |                      ^
4 errors in the content",
    );
}
