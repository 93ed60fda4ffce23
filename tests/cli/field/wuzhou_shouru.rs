//! 梧州 unnamed unit, 2023 决算 情况说明, the 收入 part (field document 18): the figures the
//! excerpt prints, typed into `final_accounts`, and the few things computed from them.

use gongkai::model::{Corpus, Dec, Record};

use crate::support::load_site;

fn record(corpus: &Corpus) -> &Record {
    corpus
        .units
        .iter()
        .find(|u| u.id.as_str() == "wuzhou-shouru")
        .and_then(|u| u.records.first())
        .expect("the 梧州 record")
}

fn d(s: &str) -> Option<Dec> {
    Some(Dec::parse(s).expect("decimal"))
}

#[test]
fn the_printed_income_figures_are_held_and_the_cut_ones_are_left_out() {
    let corpus = load_site("field");
    let fa = record(&corpus).final_accounts.as_ref().expect("a 决算");
    let income = fa.income.as_ref().expect("收入");
    // "经营收入 0.00 万" (printed without 元), 其他收入 0.00, 使用非财政拨款结余 0.00,
    // 上年结转和结余 8.02.
    assert_eq!(income.operating, d("0.00"));
    assert_eq!(income.other, d("0.00"));
    assert_eq!(income.non_fiscal_balance_used, d("0.00"));
    assert_eq!(income.opening_balance, d("8.02"));
    // Items 1–4 are cut off: not typed, never 0.
    assert_eq!(income.general_budget, None);
    assert_eq!(income.total, None);
    let e = fa.expenditure.as_ref().expect("支出");
    assert_eq!((e.total, e.grand_total), (d("116.12"), d("125.08")));
}

#[test]
fn no_finding_for_the_visible_part() {
    // 总支出 125.08 = 本年支出 116.12 + 结余分配 + 年末结转和结余: the latter two are cut off,
    // so no identity can be checked; the 情况说明's 变动额 19.68 implies a 2022 本年支出 of
    // 116.12 − 19.68 = 96.44, which nothing else states. No finding is right.
    let corpus = load_site("field");
    let report = gongkai::check(&corpus, &gongkai::score_corpus(&corpus));
    let mine: Vec<&str> = report
        .findings
        .iter()
        .filter(|f| f.unit.as_str() == "wuzhou-shouru")
        .map(|f| f.code)
        .collect();
    assert!(mine.is_empty(), "{mine:?}");
}

#[test]
fn issue16_each_stated_change_of_an_income_part_is_checked() {
    // 上年结转和结余 8.02, 增加 0.78: 2022 = 8.02 − 0.78 = 7.24, 0.78 ÷ 7.24 = 10.77% → 10.8%
    // at the printed place, as printed. Printed 10.9% would be a finding; so would a value that
    // is not the income block's 8.02.
    let rate = super::findings_with(
        "wuzhou-shouru",
        2023,
        "change_rate: 10.8%",
        "change_rate: 10.9%",
    );
    assert_eq!(
        super::codes(&rate),
        [(
            "accounts.change",
            "final_accounts.narrative.income_parts.opening_balance.change_rate".to_owned()
        )]
    );
    let value = super::findings_with(
        "wuzhou-shouru",
        2023,
        "      opening_balance:\n        value: 8.02",
        "      opening_balance:\n        value: 8.03",
    );
    assert!(
        super::codes(&value)
            .iter()
            .any(|(_, f)| f == "final_accounts.narrative.income_parts.opening_balance.value"),
        "{:?}",
        super::codes(&value)
    );
}
