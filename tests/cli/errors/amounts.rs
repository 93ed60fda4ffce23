//! Amounts written with their unit in the cell (issue 16): what is refused, at its place.

use crate::support::{assert_text, load_invalid};

#[test]
fn units_that_are_not_converted_and_unreadable_figures_are_located_errors() {
    assert_text(
        &load_invalid("amount_with_unit"),
        "错误：content/mabu/2020.yaml:7:15: self_evaluation.goals[0].weight (分值): 应为普通小数，如 11092.59（不用科学计数法、十六进制、下划线 `_` 或特殊值），实际为 `80万元`
  |
7 |       weight: 80万元
  |               ^
错误：content/mabu/2021.yaml:7:15: report.statements[0].amount (金额): 应为金额，如 11092.59，或在单元格印有单位时写作 10000万元，实际为 `1e3万元`：单位前的数字不是普通小数
  |
7 |       amount: 1e3万元
  |               ^
错误：content/mabu/2022.yaml:5:24: self_evaluation.project_expenditure (项目支出总额): 应为金额，如 11092.59，或在单元格印有单位时写作 10000万元，实际为 `0.00 万`：单位请写全（万元）；原文未印“元”字时，只填数字
  |
5 |   project_expenditure: 0.00 万
  |                        ^
错误：content/mabu/2023.yaml:5:22: self_evaluation.basic_expenditure (基本支出总额): 应为金额，如 11092.59，或在单元格印有单位时写作 10000万元（元、万元或亿元），实际为 `1500千元`：gongkai 不换算单位“千元”，请按本记录的 amount_unit（金额单位）填写数字
  |
5 |   basic_expenditure: 1500千元
  |                      ^
内容中共有 4 处错误",
    );
}
