//! 14: 宛平环卫所 2020 部门决算说明 (Beijing), cut off at 其他收入 "3.". Every figure below is
//! worked out by hand from the document.

use super::{codes, findings, findings_with};

#[test]
fn issue16_wanping_2020_states_consistent_changes_and_shares_so_check_finds_nothing() {
    // 收、支总计 6260.90, 比上年增加 474.52: 上年 = 6260.90 − 474.52 = 5786.38;
    //   474.52 ÷ 5786.38 = 8.2006% → 8.20% as printed.
    // 本年收入合计 6023.69, 增加 418.47: 上年 5605.22; 418.47 ÷ 5605.22 = 7.4657% → 7.47%.
    // 财政拨款收入 5505.38 ÷ 6023.69 = 91.3955% → 91.40% as printed.
    // 事业收入 514.89 ÷ 6023.69 = 8.5477% → 8.55% as printed.
    // 上级补助、经营、附属单位上缴收入 0 ÷ 6023.69 = 0% as printed.
    // 其他收入 is cut mid-number ("3."): not typed, so Σ sources (本年收入合计) is not checked
    // (a part after the cut) and no largest-remainder share is computed.
    assert_eq!(codes(&findings("beijing-wanping-huanwei", 2020)), []);
}

#[test]
fn issue16_wanping_2020_each_stated_figure_is_checked() {
    // Each mutation breaks one statement; the check that finds it proves the figure is pinned.
    let cases = [
        (
            "change_rate: 8.20%",
            "change_rate: 8.21%",
            "narrative.grand_total.change_rate",
        ),
        (
            "change_rate: 7.47%",
            "change_rate: 7.46%",
            "narrative.income.change_rate",
        ),
        (
            "share: 91.40%",
            "share: 91.39%",
            "narrative.fiscal_income.share",
        ),
        (
            "share: 8.55%",
            "share: 8.54%",
            "narrative.income_parts.business.share",
        ),
    ];
    for (from, to, field) in cases {
        let f = findings_with("beijing-wanping-huanwei", 2020, from, to);
        assert_eq!(
            codes(&f)
                .iter()
                .map(|(_, f)| f.as_str())
                .collect::<Vec<_>>(),
            [format!("final_accounts.{field}")],
            "{from} → {to}"
        );
    }
}

#[test]
fn issue16_wanping_2020_page_says_the_document_is_cut_off() {
    let (_dir, out) =
        crate::support::build_into_temp(&crate::support::fixture("sites/field/content"));
    let page = std::fs::read_to_string(out.join("units/beijing-wanping-huanwei/2020/juesuan.html"))
        .expect("the 决算 page");
    assert!(
        page.contains("原文不全：原文在“（一）收入决算说明”中“其他收入3.”处中断。"),
        "{page}"
    );
}
