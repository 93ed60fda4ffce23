//! 15 and 16: the 梧州市 军休 unit (name not printed), 2021 and 2024 情况说明 excerpts, both cut
//! off in their 支出 by 类. Every figure below is worked out by hand from the documents.

use super::{codes, findings, findings_with};
use crate::support::load_site;

#[test]
fn issue16_junxiu_has_no_printed_name_and_every_list_says_so() {
    let corpus = load_site("field");
    let unit = corpus
        .units
        .iter()
        .find(|u| u.id.as_str() == "wuzhou-junxiu")
        .expect("unit");
    assert!(!unit.name_printed);
    assert_eq!(unit.name, "梧州市军休服务单位（原文未印出单位名称）");
    assert_eq!(unit.short_name, "梧州市军休服务单位（原文未印出单位名称）");
    let years: Vec<u16> = unit.records.iter().map(|r| r.year.get()).collect();
    assert_eq!(years, [2021, 2024]);
}

#[test]
fn issue16_junxiu_2021_changes_are_consistent_at_the_printed_precision() {
    // 本年收入 390.55, 减少 175.26: 上年 565.81; 175.26 ÷ 565.81 = 30.975% → 31% (printed 0 dp).
    // 一般公共预算 382.17, 减少 157.86: 上年 540.03; 157.86 ÷ 540.03 = 29.232% → 29.2%.
    // 上级补助 8.38, 减少 17.40: 上年 25.78; 17.40 ÷ 25.78 = 67.494% → 67.5%.
    // 上年结转和结余 190.89, 减少 7.63: 上年 198.52; 7.63 ÷ 198.52 = 3.843% → 3.8% ("3.8 %").
    // 本年支出 480.71, 减少 90.49: 上年 571.20; 90.49 ÷ 571.20 = 15.842% → 15.8%.
    // 社会保障和就业 467.99, 减少 91.91: 上年 559.90; 91.91 ÷ 559.90 = 16.415% → 16.4%.
    // 382.17 + 8.38 = 390.55 = 本年收入, but 政府性基金 … 其他收入 are not stated, so the
    // identity of 本年收入合计 is not checked (not printed is not 0).
    // 总收入 581.45 vs 390.55 + 190.89 = 581.44: the 0.01 gap is not reported, because
    // 使用非财政拨款结余 (a part of 收入总计) is not stated; see the report of issue 16.
    assert_eq!(codes(&findings("wuzhou-junxiu", 2021)), []);
}

#[test]
fn issue16_junxiu_2021_each_rate_is_checked() {
    let cases = [
        (
            "change_rate: -31%",
            "change_rate: -30%",
            "narrative.income.change_rate",
        ),
        (
            "change_rate: -29.2%",
            "change_rate: -29.3%",
            "narrative.general_budget.change_rate",
        ),
        (
            "change_rate: -67.5%",
            "change_rate: -67.4%",
            "narrative.income_parts.superior_subsidy.change_rate",
        ),
        (
            "change_rate: -3.8%",
            "change_rate: -3.9%",
            "narrative.income_parts.opening_balance.change_rate",
        ),
        (
            "change_rate: -15.8%",
            "change_rate: -15.9%",
            "narrative.expenditure.change_rate",
        ),
        (
            "change_rate: -16.4%",
            "change_rate: -16.5%",
            "classes[0].change_rate",
        ),
    ];
    for (from, to, field) in cases {
        let f = findings_with("wuzhou-junxiu", 2021, from, to);
        assert_eq!(
            codes(&f),
            [("accounts.change", format!("final_accounts.{field}"))],
            "{from} → {to}"
        );
    }
}

#[test]
fn issue16_junxiu_2024_changes_are_consistent() {
    // 上年结转和结余 1.75, 减少 109.93: 上年 111.68; 109.93 ÷ 111.68 = 98.433% → 98.43%.
    // 本年支出 568.5, "较2023年度决算数38.31万元,下降6.31%" (减少 omitted, sign from 下降):
    //   上年 606.81; 38.31 ÷ 606.81 = 6.313% → 6.31%.
    // 社会保障和就业 553.27, 减少 39.36: 上年 592.63; 39.36 ÷ 592.63 = 6.642% → 6.64%.
    // 卫生健康 5.81, 增加 0.12: 上年 5.69; 0.12 ÷ 5.69 = 2.109% → 2.11%.
    // 使用非财政拨款结余 0, 增加 0, 增长 0%: 0 ÷ 0 has no rate, nothing to check.
    assert_eq!(codes(&findings("wuzhou-junxiu", 2024)), []);
    let f = findings_with(
        "wuzhou-junxiu",
        2024,
        "change_rate: 2.11%",
        "change_rate: 2.12%",
    );
    assert_eq!(
        codes(&f),
        [(
            "accounts.change",
            "final_accounts.classes[1].change_rate".to_owned()
        )]
    );
}

#[test]
fn issue16_junxiu_2024_the_cut_in_classes_leaves_their_shares_unchecked() {
    // The cut falls in the 类 list: a share over the visible 类 (553.27 + 5.81 + 9.42) is not
    // the share of the whole and is not checked. Without the marker it would be.
    let share = (
        "      note: 为本单位",
        "      share: 50%\n      note: 为本单位",
    );
    let cut = super::findings_with_all("wuzhou-junxiu", 2024, &[share]);
    assert_eq!(codes(&cut), []);
    let uncut = super::findings_with_all(
        "wuzhou-junxiu",
        2024,
        &[share, ("    block: classes\n", "    block: income\n")],
    );
    assert_eq!(
        codes(&uncut),
        [(
            "accounts.share",
            "final_accounts.classes[1].share".to_owned()
        )]
    );
}
