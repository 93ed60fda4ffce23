//! Errors in the 决算 tables typed cell by cell (issue 17).

use crate::support::{assert_text, load_invalid};

#[test]
fn issue17_table_rows_hold_their_own_columns_codes_and_names_all_reported_together() {
    assert_text(
        &load_invalid("juesuan_tables"),
        r#"error: content/qingling/2023.yaml:4:10: edition (公开格式): expected an edition name of lowercase letters, digits and `-` (such as `national` or `shanghai`), found `Shanghai`
  |
4 | edition: Shanghai
  |          ^
error: content/qingling/2023.yaml:8:19: final_accounts.expenditure.by_class.一、一般公共服务支出: expected the 类 name without its number (`一般公共服务支出`), found `一、一般公共服务支出`
  |
8 |       一、一般公共服务支出: 2,106.66
  |                             ^
error: content/qingling/2023.yaml:10:5: final_accounts.income_table.total (合计): expected only the figures of the 合计 row (its 科目编码 and name are not typed), found a code or a name
   |
10 |     total: {code: "201", total: 2946.25}
   |     ^
error: content/qingling/2023.yaml:12:62: final_accounts.income_table.rows[0].basic (基本支出): expected a column of 收入决算表 (`total`, `fiscal`, `superior_subsidy`, `business`, `operating`, `affiliated`, `other`), found `basic`, which that table does not have
   |
12 | …de: "201", name: 一般公共服务支出, total: 2112.86, basic: 2106.66}
   |                                                            ^
error: content/qingling/2023.yaml:13:9: final_accounts.income_table.rows[1] (科目行): expected the row's 科目编码 (`code`, 3, 5 or 7 digits), found a row without one (财政事务)
   |
13 |       - {name: 财政事务, total: 2112.86}
   |         ^
error: content/qingling/2023.yaml:14:9: final_accounts.income_table.rows[2] (科目行): expected the row's 科目名称 (`name`), found none (2010601)
   |
14 |       - {code: "2010601", total: 1511.90}
   |         ^
error: content/qingling/2023.yaml:16:16: final_accounts.gov_fund_table.statement (无数据说明): expected the sentence the table prints, such as 本单位无政府性基金预算财政拨款支出，故本表无数据。, found an empty value
   |
16 |     statement: ""
   |                ^
7 errors in the content"#,
    );
}

#[test]
fn issue17_a_thousands_separator_inside_braces_is_named_as_such() {
    assert_text(
        &load_invalid("thousands_in_braces"),
        r#"error: content/qingling/2023.yaml:6:22: final_accounts.expenditure_table.total.946.25: unknown field `946.25`, expected one of `code`, `name`, `total`, `fiscal`, `superior_subsidy`, `business`, `operating`, `affiliated`, `other`, `basic`, `project`, `to_superior`, `to_affiliated`, `opening`, `income`, `closing`; inside `{…}` a comma separates entries, so a thousands separator split an amount ending in `,946.25` in two: write the amount without the separator, or quote it
  |
6 |     total: {total: 2,946.25, basic: 2336.91}
  |                      ^
1 error in the content"#,
    );
}
