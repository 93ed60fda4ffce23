//! 17: 梧州市农产品质量安全综合检测中心 2020 "三公"经费, cut off inside 公务用车. Every figure
//! below is worked out by hand from the document.

use super::{codes, findings, findings_with};

#[test]
fn issue16_nongchanpin_2020_three_public_adds_up_and_its_changes_are_consistent() {
    // 0 (出国) + 0 (购置) + 3.98 (运行) + 1.5 (接待) = 5.48 = 总额 as printed.
    // 公务用车购置及运行费 3.98 = 0 + 3.98.
    // 总额 增加 1.55: 上年 5.48 − 1.55 = 3.93; 1.55 ÷ 3.93 = 39.440% → 39.4% as printed.
    // 运行费 增加 1.05: 上年 2.93; 1.05 ÷ 2.93 = 35.836% → 35.8%.
    // 接待费 增加 0.5: 上年 1.0; 0.5 ÷ 1.0 = 50% as printed.
    // 比预算增加 0 (each part 无增减变化): no budget is printed, so nothing to compare it with.
    // "团组共计 ,0 个" is kept as printed in the note; it is text, not a figure.
    assert_eq!(codes(&findings("wuzhou-nongchanpin", 2020)), []);
}

#[test]
fn issue16_nongchanpin_2020_each_figure_is_checked() {
    let cases = [
        (
            "change_rate: 39.4%",
            "change_rate: 39.5%",
            "accounts.change",
            "narrative.three_public.change_rate",
        ),
        (
            "change_rate: 35.8%",
            "change_rate: 35.9%",
            "accounts.three_public",
            "three_public.vehicle_operation.change_rate",
        ),
        (
            "change_rate: 50%",
            "change_rate: 51%",
            "accounts.three_public",
            "three_public.reception.change_rate",
        ),
        (
            "    vehicle:\n      actual: 3.98",
            "    vehicle:\n      actual: 3.99",
            "accounts.three_public",
            "three_public.vehicle.actual",
        ),
        (
            "    total:\n      actual: 5.48",
            "    total:\n      actual: 5.49",
            "accounts.three_public",
            "three_public.total.actual",
        ),
    ];
    for (from, to, code, field) in cases {
        let f = findings_with("wuzhou-nongchanpin", 2020, from, to);
        assert!(
            codes(&f).contains(&(code, format!("final_accounts.{field}"))),
            "{from} → {to}: {:?}",
            codes(&f)
        );
    }
}

#[test]
fn issue16_nongchanpin_2020_a_part_after_the_cut_is_not_read_as_empty() {
    // Without 公务接待费 the visible parts give 3.98, not 5.48. In a document cut off in its
    // "三公" block the missing part may lie after the cut: no sum finding. Without the marker
    // a part left out is an empty row, and the sum differs.
    let reception = "    reception:\n      actual: 1.5\n      budget_change: 0\n      change: 0.5\n      change_rate: 50%\n";
    let cut = findings_with("wuzhou-nongchanpin", 2020, reception, "");
    assert_eq!(codes(&cut), []);
    let uncut = super::findings_with_all(
        "wuzhou-nongchanpin",
        2020,
        &[
            (reception, ""),
            ("    block: three_public\n", "    block: narrative\n"),
        ],
    );
    assert!(
        codes(&uncut).contains(&(
            "accounts.three_public",
            "final_accounts.three_public.total.actual".to_owned()
        )),
        "{:?}",
        codes(&uncut)
    );
}
