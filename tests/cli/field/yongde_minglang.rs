//! Field 06: 永德县明朗中学 2022 项目支出绩效自评表 (Yunnan 公开14表, national template,
//! amounts in 元), its target printed in 指标性质 / 指标值 / 度量单位 columns. Indicators only:
//! the funds block is added by the lead (task FUNDS).

use gongkai::model::Dec;

use super::{d, finding_pairs, json, page, scores};

#[test]
fn issue16_yongde_minglang_rows_read_their_target_from_the_three_columns() {
    let s = scores();
    let r = s
        .records
        .iter()
        .find(|r| r.unit.as_str() == "yongde-minglang")
        .expect("record");
    let card = &r.projects[0];
    let rows = &card.goals[0].indicators;
    // Row by row, W × min(B/A, 1) (domain.md §1.3), A read from 指标性质 + 指标值 + 度量单位:
    //   学生受资助人数   ≧735人次, 735:  10 × min(735/735, 1) = 10   (printed 10)
    //   营养改善计划覆盖率 ≧100%, 100%:  10 × 1 = 10                (printed 10)
    //   资金到位及时率   ≧100%, 100%:  10 × 1 = 10                (printed 7: a finding)
    //   生均补助标准达标率 ═100%, 100%:  10 × 1 = 10                (printed 10)
    //   减轻贫困学生家庭经济负担 有效 / 有效: qualitative, the printed 10 is kept
    //   政策知晓率       ═100%, 98%:   10 × min(98/100, 1) = 9.8  (printed 9: a finding)
    //   促进学校教育事业健康发展 ≧100%, 100%: 10                  (printed 10)
    //   学生满意度, 家长满意度 ≧95%, 100%: 10 × min(100/95, 1) = 10 (printed 10, 10)
    let rule: Vec<Option<Dec>> = rows.iter().map(|i| i.rule).collect();
    let want = ["10", "10", "10", "10", "10", "9.8", "10", "10", "10"];
    assert_eq!(rule, want.iter().map(|w| Some(d(w))).collect::<Vec<_>>());
    assert_eq!(json(&rows[4].basis), "qualitative");
    assert!(
        rows[0].explanation.contains("10 × min(735 ÷ 735, 1) = 10"),
        "{}",
        rows[0].explanation
    );
    // Printed: 10+10+7+10+10+9+10+10+10 = 86 of 90; rule: 10×8 + 9.8 = 89.8.
    assert_eq!(card.goals[0].reported_total, Some(d("86")));
    assert_eq!(card.goals[0].rule_total, Some(d("89.8")));
    assert_eq!(card.goals[0].indicator_weights, Some(d("90")));
    // With the funds score 10 the printed 总分 96 follows (10 + 86); by rule the funds score
    // is 10 × min(387664.62 ÷ 387664.62, 1) = 10 and the total 10 + 89.8 = 99.8.
    assert_eq!(card.reported_total, Some(d("96")));
    assert_eq!(card.rule_total, Some(d("99.80")));
    assert_eq!(card.reported_sum, Some(d("96")));
    // 优 ≥ 90: 96 is 优, as printed.
    assert_eq!(
        card.reported_grade.map(|g| json(&g)),
        Some("excellent".to_owned())
    );
    // Completion: all but 政策知晓率 (98% < 100%) met: 8 / 9 = 88.89%.
    assert_eq!((card.completion.indicators, card.completion.met), (9, 8));
    assert_eq!(card.completion.rate.map(|p| p.percent()), Some(d("88.89")));
}

#[test]
fn issue16_yongde_minglang_findings_are_the_documents_own() {
    assert_eq!(
        finding_pairs("yongde-minglang"),
        [
            // True: 完成值 100% meets ≧100, the rule gives 10, printed 7.
            ("score.mismatch", "projects[0].goals[0].indicators[2].score"),
            // True: 98% misses ═100 and the 偏差原因分析及改进措施 column is left blank.
            (
                "indicator.deviation_missing",
                "projects[0].goals[0].indicators[5].actual"
            ),
            // True: 10 × 98% = 9.8, printed 9 (the table prints whole scores; 9 ≠ 9.8).
            ("score.mismatch", "projects[0].goals[0].indicators[5].score"),
            // True: the printed 总分 96 against 99.8 by rule, from the two rows above.
            ("score.total", "projects[0].reported_total"),
        ]
        .map(|(c, f)| (c.to_owned(), f.to_owned()))
    );
    // Not findings, each for its reason: 分值 100 = 10 (funds) + 90 (rows); grade 优 matches
    // 96; 产出 40 / 效益 30 / 满意度 20 differs from the national 50/30/10, which the rule
    // says holds only "原则上" (domain.md §1.1), so it is no inconsistency.
}

#[test]
fn issue16_yongde_minglang_page_shows_the_columns_as_printed() {
    let html = page("yongde-minglang", 2022);
    for cell in [
        "<th scope=\"col\">指标性质</th><th scope=\"col\">指标值</th><th scope=\"col\">度量单位</th>",
        "<td>≧</td><td>735</td><td>人次</td><td>735</td>",
        "<td>═</td><td>100</td><td>%</td><td>98%</td>",
        "<td></td><td>有效</td><td></td><td>有效</td>",
        "<th scope=\"row\">等级（原文）</th><td>优</td>",
        "100（原文）",
    ] {
        assert!(html.contains(cell), "{cell}");
    }
}
