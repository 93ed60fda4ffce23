//! Errors in the 决算 tables typed cell by cell (issue 17).

use crate::support::{assert_text, load_invalid};

#[test]
fn issue17_table_rows_hold_their_own_columns_codes_and_names_all_reported_together() {
    assert_text(
        &load_invalid("juesuan_tables"),
        r#"错误：content/qingling/2023.yaml:4:10: edition (公开格式): 公开格式名应由小写字母、数字和 `-` 组成（如 `national` 或 `shanghai`），实际为 `Shanghai`
  |
4 | edition: Shanghai
  |          ^
错误：content/qingling/2023.yaml:8:19: final_accounts.expenditure.by_class.一、一般公共服务支出: 类名称不带序号（应为 `一般公共服务支出`），实际为 `一、一般公共服务支出`
  |
8 |       一、一般公共服务支出: 2,106.66
  |                             ^
错误：content/qingling/2023.yaml:10:5: final_accounts.income_table.total (合计): 合计行只填数字（不填科目编码和名称），实际填了编码或名称
   |
10 |     total: {code: "201", total: 2946.25}
   |     ^
错误：content/qingling/2023.yaml:12:62: final_accounts.income_table.rows[0].basic (基本支出): 应为收入决算表的某一列（`total`、`fiscal`、`superior_subsidy`、`business`、`operating`、`affiliated`、`other`），实际为 `basic`，该表没有这一列
   |
12 | …de: "201", name: 一般公共服务支出, total: 2112.86, basic: 2106.66}
   |                                                            ^
错误：content/qingling/2023.yaml:13:9: final_accounts.income_table.rows[1] (科目行): 本行应填科目编码（`code`，3、5 或 7 位数字），实际没有（财政事务）
   |
13 |       - {name: 财政事务, total: 2112.86}
   |         ^
错误：content/qingling/2023.yaml:14:9: final_accounts.income_table.rows[2] (科目行): 本行应填科目名称（`name`），实际没有（2010601）
   |
14 |       - {code: "2010601", total: 1511.90}
   |         ^
错误：content/qingling/2023.yaml:16:16: final_accounts.gov_fund_table.statement (无数据说明): 应照原文填写表中印的说明，如 本单位无政府性基金预算财政拨款支出，故本表无数据。实际为空
   |
16 |     statement: ""
   |                ^
内容中共有 7 处错误"#,
    );
}

#[test]
fn issue17_a_thousands_separator_inside_braces_is_named_as_such() {
    assert_text(
        &load_invalid("thousands_in_braces"),
        r#"错误：content/qingling/2023.yaml:6:22: final_accounts.expenditure_table.total.946.25: 未知字段 `946.25`，应为以下之一：`code`、`name`、`total`、`fiscal`、`superior_subsidy`、`business`、`operating`、`affiliated`、`other`、`basic`、`project`、`to_superior`、`to_affiliated`、`opening`、`income`、`closing`；在 `{…}` 中逗号用来分隔各项，金额里的千位分隔符把一个以 `,946.25` 结尾的金额拆成了两项：金额请不写千位分隔符，或加引号
  |
6 |     total: {total: 2,946.25, basic: 2336.91}
  |                      ^
内容中共有 1 处错误"#,
    );
}
