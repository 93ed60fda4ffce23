//! Field 01: 金寨县茶谷和美丽乡村建设服务中心 2023, 部门整体支出绩效自评表 in the national
//! layout, truncated at 成本指标. Figures worked out by hand from the document.

use super::{d, field_checked};

#[test]
fn jinzhai_chagu_2023_funds_block_recomputes_by_hand() {
    let (_, scores, findings) = field_checked("jinzhai-chagu", 2023);
    let card = scores.self_evaluation.as_ref().expect("部门整体");
    let e = card.execution.as_ref().expect("funds block");
    // 执行率 = 338.31 ÷ 329.77 = 1.025897… → 102.59% (printed 102.59%).
    assert_eq!(e.rate.map(|r| r.to_string()).as_deref(), Some("102.59%"));
    // Score = 10 × min(102.59%, 1) = 10, capped; the 得分 cell is printed empty.
    assert_eq!(e.rule, Some(d("10")));
    assert_eq!(e.reported, None);
    assert!(e.over_budget);
    // 其中：当年财政拨款 338.31 ÷ 329.77 = 102.59% (printed 102.59%); 上年结转资金 and 其他资金
    // print only "—" (分值, 得分): no rate.
    assert_eq!(
        e.parts[0].rate.map(|r| r.to_string()).as_deref(),
        Some("102.59%")
    );
    assert_eq!((e.parts[1].rate, e.parts[2].rate), (None, None));
    let checks: Vec<String> = e.sums.iter().map(|s| format!("{:?}", s.check)).collect();
    assert_eq!(checks, ["Partial", "Partial", "Partial"]);
    // Indicators visible: 4 数量 rows × 10 + 2 质量 × 5 + 2 时效 × 5 = 60, all at full marks
    // (≤4 with 4: negative, 10 × min(4 ÷ 4, 1) = 10; ≥200/202, ≥2000/3061, ≥10/10, ≥95%/100%:
    // positive, capped; 9月前/7月 and 11月前/10月 met).
    let g = &card.goals[0];
    assert_eq!(g.indicators.len(), 8);
    assert_eq!(g.rule_total, Some(d("60")));
    assert_eq!(g.reported_total, Some(d("60")));
    // Visible total: 10 + 60 = 70; the reported sum is not known (得分 printed empty).
    assert_eq!(card.rule_total, Some(d("70")));
    assert_eq!(card.reported_sum, None);
    assert_eq!((card.completion.indicators, card.completion.met), (8, 8));

    let codes: Vec<(&str, &str)> = findings
        .iter()
        .map(|f| (f.code, f.field.as_str()))
        .collect();
    // True: 全年执行数 338.31 exceeds 全年预算数 329.77 (102.59%). Flagged once, on the total
    // row; the 当年财政拨款 row says the same and is not flagged twice.
    assert_eq!(
        codes,
        [("execution.over_budget", "self_evaluation.execution.actual")]
    );
}
