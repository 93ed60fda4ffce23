//! Field 03: 寿县 2023 部门整体支出绩效评价自评表 (Anhui 评分表), truncated in row 6. Rows are
//! scored by a prose 评分标准: none is recomputed, but the points each 评分标准 lists, the
//! stated 一级/二级 weights and each score against its weight are checked.

use super::{d, finding_pairs, json, page, scores};

#[test]
fn issue16_shouxian_rows_are_scored_by_their_criteria_and_not_recomputed() {
    let s = scores();
    let r = s
        .records
        .iter()
        .find(|r| r.unit.as_str() == "shouxian-pingfen")
        .expect("record");
    let card = r.self_evaluation.as_ref().expect("部门整体");
    let rows = &card.goals[0].indicators;
    assert_eq!(rows.len(), 6);
    for row in rows {
        assert_eq!(row.rule, None);
        assert_eq!(json(&row.basis), "by_criteria");
    }
    // Printed 自评得分 3, 3, 3, 4, 2 (row 6's is beyond the cut): each equals its 指标分值.
    let reported: Vec<_> = rows.iter().map(|i| i.reported).collect();
    let want = [Some("3"), Some("3"), Some("3"), Some("4"), Some("2"), None];
    assert_eq!(reported, want.map(|w| w.map(d)));
    assert_eq!(card.rule_total, None);
    // 规划 rows weigh 3 + 3 + 3 + 4 + 2 = 15, as 规划 (15分) states; 基础信息 3 = 3;
    // 工作计划 3 + 3 = 6; 绩效目标 4 + 2 = 6. No completion is judged on a scoring sheet.
    assert_eq!(card.completion.unknown, 6);
    assert_eq!(card.completion.rate, None);
}

#[test]
fn issue16_shouxian_has_no_finding_and_none_from_the_cut() {
    // 执行 (35分) and 预算执行 (18分) have one row of 5 visible: the record marks the cut
    // (`incomplete`, level1 执行, level2 预算执行), so neither subtotal is checked against
    // the visible rows; without the marker both were `weights.subtotal` findings.
    assert_eq!(finding_pairs("shouxian-pingfen"), []);
    // No criteria.points: row 1 (1+1+1 = 3), 2 (3), 3 (3), 4 (2+1+1 = 4, the 1分 inside
    // "(2分,其中…1分…)" split the 2), 5 (2) all add up; row 6 stops inside "(1" and is not
    // added. No score.over_weight: every printed score equals its weight.
}

#[test]
fn issue16_shouxian_page_shows_the_definition_and_criteria_columns() {
    let html = page("shouxian-pingfen", 2023);
    assert!(html.contains("<th scope=\"col\">指标解释</th><th scope=\"col\">评分标准</th>"));
    assert!(html.contains("<td>年度工作计划是否完整可行(3分)</td>"));
    assert!(!html.contains("<th scope=\"col\">实际完成值</th>"));
}
