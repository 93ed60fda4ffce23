//! Field 11: 青神县发展和改革局 2023 部门预算项目支出绩效自评表 (`template: sichuan`), scored
//! by the table's own printed 权重, with every 完成值 and 得分 printed empty. The funds block
//! is added by the lead (task FUNDS).

use super::{d, finding_pairs, json, page, scores};

#[test]
fn issue16_qingshen_fagaiju_weights_add_up_and_empty_cells_stay_empty() {
    let s = scores();
    let r = s
        .records
        .iter()
        .find(|r| r.unit.as_str() == "qingshen-fagaiju")
        .expect("record");
    assert_eq!(json(&r.template), "sichuan");
    let card = &r.projects[0];
    let g = &card.goals[0];
    // 绩效指标(90分): 权重 60 + 30 = 90; 合计 100 = 预算执行情况(10分) + 90.
    assert_eq!(g.weight, Some(d("90")));
    assert_eq!(g.indicator_weights, Some(d("90")));
    assert_eq!(card.weight_total, Some(d("100")));
    // 完成值 empty: no rule score (not 0, not 60 × 0), and the reason is said.
    for row in &g.indicators {
        assert_eq!(row.rule, None);
        assert_eq!(row.reported, None);
        assert_eq!(json(&row.basis), "no_actual");
        assert!(
            row.explanation.contains("未填完成值"),
            "{}",
            row.explanation
        );
    }
    // Hence no total either, and no completion rate: 0 met, 2 not judged, none "not met".
    assert_eq!(card.rule_total, None);
    assert_eq!(card.reported_total, None);
    assert_eq!(
        (
            card.completion.indicators,
            card.completion.met,
            card.completion.unknown
        ),
        (2, 0, 2)
    );
    assert_eq!(card.completion.rate, None);
}

#[test]
fn issue16_qingshen_fagaiju_findings_say_the_rule_needs_the_missing_figures() {
    assert_eq!(
        finding_pairs("qingshen-fagaiju"),
        [
            // Not recomputable, said so: 财政专户管理资金 and 单位资金 print 执行率 0.00% for
            // 0.00 ÷ 0.00, which has no value.
            ("execution.unchecked", "projects[0].execution.parts[1].rate"),
            ("execution.unchecked", "projects[0].execution.parts[2].rate"),
            // True: the rule needs a 完成值 the table leaves empty (rows 1 and 2).
            (
                "indicator.actual_missing",
                "projects[0].goals[0].indicators[0].actual"
            ),
            (
                "indicator.actual_missing",
                "projects[0].goals[0].indicators[1].actual"
            ),
        ]
        .map(|(c, f)| (c.to_owned(), f.to_owned()))
    );
    // No weights.goal (60 + 30 = 90) and no weights.total_stated (10 + 90 = 合计 100).
}

#[test]
fn issue16_qingshen_fagaiju_page_reads_not_recomputed() {
    let html = page("qingshen-fagaiju", 2023);
    assert!(html.contains("<td>=</td><td>100</td><td>%</td><td></td>"));
    assert!(html.contains("原文未填完成值，无法按规则重算"));
    assert!(html.contains("0 / 2（2 项未填完成值或无目标值，无法判定，不计完成率）"));
}
