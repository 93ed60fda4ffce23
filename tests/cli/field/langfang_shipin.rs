//! Field 05: 廊坊市食品工程学校 2019, 办公宿舍楼、食堂及餐厅暖通改造经费 项目支出绩效自评表
//! (national layout), truncated after the 满意度 row. Figures worked out by hand from the
//! document.

use super::{d, field_checked};

#[test]
fn langfang_shipin_2019_funds_block_recomputes_by_hand() {
    let (corpus, scores, findings) = field_checked("langfang-shipin", 2019);
    let card = &scores.projects[0];
    let e = card.execution.as_ref().expect("funds block");
    // 执行率 = 37.24 ÷ 43.2 = 0.862037… → 86.20% (printed 86%, the same at 0 places).
    assert_eq!(e.rate.map(|r| r.to_string()).as_deref(), Some("86.20%"));
    // Score = 分值 10 × min(86.20%, 1) = 8.62 (printed 9).
    assert_eq!(e.weight, d("10"));
    assert!(e.weight_printed);
    assert_eq!(e.rule, Some(d("8.62")));
    assert_eq!(e.reported, Some(d("9")));
    // 其中：当年财政拨款 37.24 ÷ 43.2 = 86.20%; 上年结转资金 and 其他资金 are blank: no rate.
    assert_eq!(e.parts.len(), 3);
    assert_eq!(
        e.parts[0].rate.map(|r| r.to_string()).as_deref(),
        Some("86.20%")
    );
    assert_eq!(e.parts[1].rate, None);
    assert!(
        e.parts[1]
            .rate_note
            .as_deref()
            .is_some_and(|n| n.contains("原文空白"))
    );
    // Each amount column: typed part 43.2 / 43.2 / 37.24 against the total, two parts blank:
    // not fully checkable, never "consistent" by reading the blanks as 0.
    let checks: Vec<String> = e.sums.iter().map(|s| format!("{:?}", s.check)).collect();
    assert_eq!(checks, ["Partial", "Partial", "Partial"]);
    // 年度总体目标 prints 43.2 / 37.24 and no weight: kept as printed, not scored.
    let record = &corpus.units[0].records[0];
    let og = record.projects[0]
        .overall_goal
        .as_ref()
        .expect("年度总体目标");
    assert_eq!(
        (og.target.as_str(), og.actual.as_deref()),
        ("43.2", Some("37.24"))
    );
    assert_eq!(og.weight, None);
    // Indicators: 工程资金金额 10 × min(37.24 ÷ 43.2, 1) = 8.62 (printed 9); the eight others
    // print 100 against 100 → 10 each = 80. Goal: 8.62 + 80 = 88.62 (printed scores 9 + 80 = 89).
    let g = &card.goals[0];
    assert_eq!(g.indicators.len(), 9);
    assert_eq!(g.indicators[0].rule, Some(d("8.62")));
    assert!(g.indicators[1..].iter().all(|i| i.rule == Some(d("10"))));
    assert_eq!(g.rule_total, Some(d("88.62")));
    assert_eq!(g.reported_total, Some(d("89")));
    // Total (visible part): funds 8.62 + indicators 88.62 = 97.24; no 总分 visible.
    assert_eq!(card.rule_total, Some(d("97.24")));
    assert_eq!(card.reported_total, None);
    // Completion: 工程资金金额 37.24 falls short of 43.2 (not met); the 8 others meet 100: 8 of 9.
    assert_eq!((card.completion.indicators, card.completion.met), (9, 8));

    let codes: Vec<(&str, &str)> = findings
        .iter()
        .map(|f| (f.code, f.field.as_str()))
        .collect();
    // No finding. The table prints whole scores (10, 9): the funds score 9 and 工程资金金额's 9
    // are 8.62 by the rule, which is 9 at whole points (domain.md §1.5: compared at the
    // precision the document prints its scores in); the page shows 8.62 beside each. The
    // printed 86% is 86.20% at the printed precision (no execution.rate), and the blank 其中
    // rows are not a parts_sum contradiction.
    assert_eq!(codes, []);
}
