use super::*;
use crate::score::accounts::fixture::final_accounts;

fn example() -> FinalAccounts {
    let text = crate::score::accounts::fixture::read("content/qingling/2023.yaml");
    crate::score::accounts::fixture::record("qingling", &text)
        .final_accounts
        .expect("qingling 2023 has a 决算")
}

/// The tables in the `national` edition of the embedded theme.
fn national_tables(fa: &FinalAccounts) -> Vec<Table> {
    let r = crate::render::Renderer::from_theme(
        crate::render::Theme::embedded().expect("embedded theme"),
    )
    .expect("renderer");
    tables(fa, 2023, r.edition("national").expect("national edition"))
}

fn cell_texts(t: &Table) -> Vec<String> {
    t.rows
        .iter()
        .flat_map(|r| r.cells.iter().map(|c| c.text.clone()))
        .collect()
}

#[test]
fn the_nine_tables_come_in_the_official_order() {
    let tables = national_tables(&example());
    let titles: Vec<&str> = tables.iter().map(|t| t.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "收入支出决算总表",
            "收入决算表",
            "支出决算表",
            "财政拨款收入支出决算总表",
            "一般公共预算财政拨款支出决算表",
            "一般公共预算财政拨款基本支出决算表",
            "政府性基金预算财政拨款收入支出决算表",
            "国有资本经营预算财政拨款支出决算表",
            "财政拨款“三公”经费支出决算表",
        ]
    );
}

#[test]
fn a_stated_total_that_differs_from_its_parts_is_printed_as_stated_with_a_note() {
    let t = &national_tables(&example())[0];
    assert!(cell_texts(t).contains(&"11,902.59".to_owned()));
    assert!(
        t.notes
            .iter()
            .any(|n| n.contains("11,902.59") && n.contains("11,092.59")),
        "{:?}",
        t.notes
    );
}

#[test]
fn the_general_budget_table_derives_the_project_part_from_the_basic_table() {
    let t = &national_tables(&example())[4];
    let total = &t.rows[0].cells;
    let texts: Vec<&str> = total.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(texts, ["", "合计", "11,082.80", "5,197.65", "5,885.15"]);
}

#[test]
fn a_single_missing_three_public_part_is_the_total_less_the_others() {
    let t = &national_tables(&example())[8];
    let texts: Vec<&str> = t.rows[0].cells.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "12.44", "0.00", "12.44", "0.00", "12.44", "0.00", "12.44", "0.00", "12.44", "0.00",
            "12.44", "0.00"
        ]
    );
}

#[test]
fn a_record_with_only_totals_prints_the_official_sentences_for_its_stated_zeros() {
    let fa = final_accounts(
        r#"
income: {general_budget: 100, gov_fund: 0, state_capital: 0, total: 100, grand_total: 100}
expenditure: {basic: 60, project: 40, total: 100, grand_total: 100}
three_public: {total: {budget: 0, actual: 0}}
"#,
    );
    let t = national_tables(&fa);
    let empty: Vec<Option<&str>> = t.iter().map(|t| t.empty.as_deref()).collect();
    assert_eq!(empty[6], Some("本单位无政府性基金预算财政拨款收入支出。"));
    assert_eq!(empty[7], Some("本单位无国有资本经营预算财政拨款支出。"));
    assert_eq!(empty[8], Some("本单位无财政拨款“三公”经费支出。"));
    assert!(
        t.iter()
            .filter(|t| t.empty.is_some())
            .all(|t| t.rows.is_empty())
    );
    assert_eq!(
        empty[5], None,
        "基本支出 60 is spent, only its split is unknown"
    );
    assert_eq!(t[5].rows.len(), 1);
}

#[test]
fn no_basic_spending_at_all_prints_the_basic_sentence() {
    let fa = final_accounts("expenditure: {basic: 0, project: 40, total: 40}\n");
    assert_eq!(
        national_tables(&fa)[5].empty.as_deref(),
        Some("本单位无一般公共预算财政拨款基本支出。")
    );
}

/// Issue 16: a table the record states nothing for is not filed, never "本单位无…".
#[test]
fn a_table_the_record_leaves_out_is_not_filed_never_none() {
    let fa = final_accounts(
        r#"
income: {general_budget: 100, total: 100, grand_total: 100}
expenditure: {project: 40, total: 40}
"#,
    );
    let t = national_tables(&fa);
    for n in [5, 6, 7, 8] {
        assert_eq!(t[n].empty, None, "公开{:02}表 says none", n + 1);
        assert!(t[n].not_filed && t[n].rows.is_empty(), "公开{:02}表", n + 1);
    }
    let fa = final_accounts("expenditure: {project: 40, total: 40}\n");
    let t = national_tables(&fa);
    assert!(!t[0].not_filed && t[1].not_filed && t[3].not_filed);
}

#[test]
fn lines_that_cover_only_part_of_the_spending_never_stand_for_the_whole() {
    let fa = final_accounts(
        r#"
income: {general_budget: 60, gov_fund: 0, state_capital: 0, superior_subsidy: 0, business: 40, operating: 0, affiliated: 0, other: 0}
expenditure: {basic: 70, project: 30, to_superior: 0, operating: 0, to_affiliated: 0}
lines:
  - {code: "2010301", class: 一般公共服务支出, section: 办公厅, item: 行政运行, actual: 60}
"#,
    );
    let t = national_tables(&fa);
    let first_right = &t[0].rows[0].cells;
    assert_eq!(first_right[3].text, "一、一般公共服务支出");
    assert_eq!(
        first_right[5].text, "",
        "the 类 amount of 01表 is left empty"
    );
    assert!(t[0].notes.iter().any(|n| n.contains("仅为财政拨款支出")));
    assert_eq!(t[2].rows.len(), 1, "03表 keeps only its 合计 row");
    assert_eq!(t[2].rows[0].cells[2].text, "100.00");
}

#[test]
fn a_total_with_a_part_left_out_stays_empty() {
    // Issue 16: without 项目支出 the 合计 of 03表 is unknown, not 基本支出 alone.
    let fa = final_accounts(
        "expenditure: {basic: 70, to_superior: 0, operating: 0, to_affiliated: 0}\n",
    );
    let t = national_tables(&fa);
    assert_eq!(t[2].rows[0].cells[2].text, "", "03表 合计 is left empty");
    assert!(
        t[2].notes
            .iter()
            .any(|n| n.contains("空白单元格表示原文未列示")),
        "{:?}",
        t[2].notes
    );
}

#[test]
fn issue17_a_class_line_and_its_section_lines_are_counted_once_in_the_basic_table() {
    let fa = final_accounts(
        "basic:\n  personnel: 10\n  public: 3\n  items:\n    - {code: \"301\", name: 工资福利支出, kind: personnel, amount: 10}\n    - {code: \"30101\", name: 基本工资, kind: personnel, amount: 6}\n    - {code: \"30102\", name: 津贴补贴, kind: personnel, amount: 4}\n    - {code: \"30201\", name: 办公费, kind: public, amount: 3}\n",
    );
    let t = &national_tables(&fa)[5];
    assert!(
        t.notes.iter().all(|n| !n.contains("不一致")),
        "301 = 30101 + 30102 is no disagreement: {:?}",
        t.notes
    );
    assert!(
        t.notes.iter().all(|n| !n.contains("空白单元格")),
        "the shorter side's padding is not a missing figure: {:?}",
        t.notes
    );
    // 公用经费 10 would disagree with its line: the rule still reports a real gap.
    let fa = final_accounts(
        "basic:\n  personnel: 10\n  public: 4\n  items:\n    - {code: \"301\", name: 工资福利支出, kind: personnel, amount: 10}\n    - {code: \"30201\", name: 办公费, kind: public, amount: 3}\n",
    );
    let t = &national_tables(&fa)[5];
    assert!(
        t.notes
            .iter()
            .any(|n| n.contains("公用经费合计按原文列示为 4.00")),
        "{:?}",
        t.notes
    );
}
