//! Snapshots of every chart kind with realistic data, and of the placeholders. Review a changed
//! snapshot by rendering it (see `every_sample_is_well_formed_and_can_be_dumped_for_review`), then accept it with
//! `INSTA_UPDATE=always cargo test --lib chart::`.

use insta::assert_snapshot;

use super::super::{
    Completion, Composition, GroupedBars, Multiples, Ranking, Sparkline, Trend, completion,
    composition, grouped_bars, multiples, ranking, sparkline, trend,
};
use super::{
    assert_well_formed, axis, edge_bars, edge_ranking, edge_trend, execution_trend, goal_bars,
    goal_completion, pct, score_trend, series, spark, spending_composition, unit_ranking,
    year_pairs,
};

fn checked(svg: String) -> String {
    assert_well_formed(&svg);
    svg
}

#[test]
fn execution_rate_trend_with_a_reference_line_and_a_missing_year() {
    assert_snapshot!("trend_execution", checked(trend(&execution_trend())));
}

#[test]
fn reported_and_rule_scores_as_solid_and_dashed_lines() {
    assert_snapshot!("trend_scores", checked(trend(&score_trend())));
}

#[test]
fn goal_weights_and_scores_as_hollow_and_solid_bars() {
    assert_snapshot!("bars_goals", checked(grouped_bars(&goal_bars())));
}

#[test]
fn this_year_against_last_year_with_grouped_amounts() {
    assert_snapshot!("bars_years", checked(grouped_bars(&year_pairs())));
}

#[test]
fn units_ranked_with_ties_a_highlight_and_a_missing_value() {
    assert_snapshot!("ranking_units", checked(ranking(&unit_ranking())));
}

#[test]
fn spending_by_class_as_a_stacked_bar_with_a_legend() {
    assert_snapshot!(
        "composition_classes",
        checked(composition(&spending_composition()))
    );
}

#[test]
fn indicators_met_and_not_met_per_goal() {
    assert_snapshot!("completion_goals", checked(completion(&goal_completion())));
}

#[test]
fn sparkline_of_four_years() {
    assert_snapshot!("spark_four_years", checked(sparkline(&spark())));
}

#[test]
fn a_trend_without_data_is_a_placeholder_saying_so() {
    let chart = Trend {
        series: vec![],
        ..execution_trend()
    };
    assert_snapshot!("trend_empty", checked(trend(&chart)));
}

#[test]
fn a_trend_of_one_year_says_it_cannot_show_a_trend_and_gives_the_value() {
    let chart = Trend {
        series: vec![series("执行率", &[(2021, pct("99.89"))])],
        ..execution_trend()
    };
    assert_snapshot!("trend_one_year", checked(trend(&chart)));
}

#[test]
fn every_other_kind_has_a_placeholder_when_empty() {
    let bars = grouped_bars(&GroupedBars {
        groups: vec![],
        ..goal_bars()
    });
    let rank = ranking(&Ranking {
        items: vec![],
        ..unit_ranking()
    });
    let comp = composition(&Composition {
        parts: vec![],
        ..spending_composition()
    });
    let done = completion(&Completion {
        goals: vec![],
        ..goal_completion()
    });
    let spark = sparkline(&Sparkline {
        points: vec![],
        ..spark()
    });
    for svg in [&bars, &rank, &comp, &done, &spark] {
        assert_well_formed(svg);
        assert!(svg.contains("暂无数据"), "{svg}");
    }
    assert_snapshot!("bars_empty", bars);
    assert_snapshot!("spark_empty", spark);
}

#[test]
fn all_values_equal_still_draw_a_line_without_a_placeholder() {
    let chart = Trend {
        series: vec![series(
            "执行率",
            &[(2021, pct("100")), (2022, pct("100")), (2023, pct("100"))],
        )],
        axis: axis("执行率（%）", "%"),
        from_zero: false,
        ..execution_trend()
    };
    let svg = checked(trend(&chart));
    assert!(svg.contains("<polyline"), "{svg}");
    assert!(!svg.contains("暂无数据") && !svg.contains("仅有一年"));
    assert_snapshot!("trend_all_equal", svg);
}

#[test]
fn negative_values_a_zero_reference_gaps_and_a_long_series_name() {
    assert_snapshot!("trend_negative", checked(trend(&edge_trend())));
}

#[test]
fn many_groups_with_negative_zero_and_missing_bars_widen_the_canvas() {
    let svg = checked(grouped_bars(&edge_bars()));
    assert!(svg.contains(r#"viewBox="0 0 "#) && !svg.contains(r#"viewBox="0 0 640 "#));
    assert_snapshot!("bars_edge", svg);
}

#[test]
fn negative_rankings_label_right_of_zero_and_long_names_are_cut() {
    assert_snapshot!("ranking_negative", checked(ranking(&edge_ranking())));
}

#[test]
fn small_multiples_share_one_scale_and_show_a_missing_year_as_a_gap() {
    let chart = Multiples {
        title: "预算执行率：各单位历年比较（同一尺度）".to_owned(),
        axis: axis("预算执行率（%）", "%"),
        panels: vec![
            series(
                "甲街道",
                &[
                    (2020, pct("95")),
                    (2021, pct("88")),
                    (2022, pct("102")),
                    (2023, pct("99")),
                ],
            ),
            series(
                "乙街道",
                &[
                    (2020, pct("98")),
                    (2021, None),
                    (2022, pct("90")),
                    (2023, pct("98")),
                ],
            ),
            series("丙街道", &[(2023, pct("100"))]),
        ],
    };
    let svg = checked(multiples(&chart));
    assert!(
        svg.contains("甲街道：2020年 95%"),
        "every value is in the desc"
    );
    assert_snapshot!("multiples_execution", svg);
}

#[test]
fn small_multiples_without_any_value_say_so() {
    let svg = checked(multiples(&Multiples {
        title: "三公经费".to_owned(),
        axis: axis("金额（万元）", ""),
        panels: vec![series("甲街道", &[(2020, None)])],
    }));
    assert!(svg.contains("暂无数据"), "{svg}");
}
