//! Robustness: hostile labels, zero, negative, missing and single-point data, extreme values,
//! and random input, for every chart kind. Each output must parse as XML, keep every printed
//! line inside the canvas, and never contain `NaN` or `inf`.

use proptest::prelude::*;
use rust_decimal::Decimal;

use super::super::text;
use super::super::{
    Axis, BarGroup, Completion, Composition, Datum, GoalCompletion, GroupedBars, Multiples, Part,
    Point, RankItem, Ranking, Reference, Series, Sparkline, Trend, completion, composition,
    grouped_bars, multiples, ranking, sparkline, trend,
};
use super::{assert_well_formed, d, datum, execution_trend, pct, series, year};
use crate::model::Dec;

/// A label that tries to break the XML, the layout or the reader.
fn hostile_labels() -> Vec<String> {
    let long: String = "黄鹤楼公园管理处".chars().cycle().take(200).collect();
    vec![
        r#"<script>alert("x")</script>"#.to_owned(),
        r#"A & B < C > D " ' ]]> <!-- --> &amp; &#0;"#.to_owned(),
        "\u{0}\u{1}\u{7}\u{8}\u{b}\u{c}\u{1b}[31m\u{7f}\u{85}\u{9f}控制字符".to_owned(),
        "\u{202E}exe.txt\u{202C} \u{FFFE}\u{FFFF}".to_owned(),
        String::new(),
        " \n\t\r ".to_owned(),
        long,
        "👍🏽 é 𠀀 ｗｉｄｅ".to_owned(),
    ]
}

/// Every chart kind with `label` in every text slot the caller fills.
fn every_kind(label: &str, value: Option<Datum>) -> Vec<String> {
    let l = || label.to_owned();
    let axis = Axis {
        caption: l(),
        suffix: l(),
    };
    let with_text = |v: &str| Some(Datum::new(d(v), label));
    let points = |vals: &[&str]| -> Vec<Point> {
        vals.iter()
            .enumerate()
            .map(|(i, v)| Point {
                year: year(2019 + i as i64),
                value: with_text(v),
            })
            .collect()
    };
    vec![
        trend(&Trend {
            title: l(),
            axis: axis.clone(),
            series: vec![
                Series {
                    name: l(),
                    points: points(&["98.5", "99.89", "100"]),
                },
                Series {
                    name: l(),
                    points: points(&["97", "-3", "0"]),
                },
            ],
            reference: Some(Reference {
                value: d("100"),
                label: l(),
            }),
            from_zero: true,
        }),
        grouped_bars(&GroupedBars {
            title: l(),
            axis: axis.clone(),
            names: [l(), l()],
            groups: vec![
                BarGroup {
                    label: l(),
                    values: [with_text("50"), value.clone()],
                },
                BarGroup {
                    label: l(),
                    values: [with_text("-12.5"), None],
                },
            ],
        }),
        ranking(&Ranking {
            title: l(),
            axis,
            items: vec![
                RankItem {
                    label: l(),
                    value: value.clone(),
                    highlight: true,
                },
                RankItem {
                    label: l(),
                    value: with_text("-4"),
                    highlight: false,
                },
                RankItem {
                    label: l(),
                    value: None,
                    highlight: false,
                },
            ],
            reference: Some(Reference {
                value: d("100"),
                label: l(),
            }),
        }),
        composition(&Composition {
            title: l(),
            parts: vec![
                Part {
                    label: l(),
                    value: Datum::new(d("3"), label),
                    share: Some(l()),
                },
                Part {
                    label: l(),
                    value: Datum::new(d("1"), label),
                    share: None,
                },
                Part {
                    label: l(),
                    value: Datum::new(d("-1"), label),
                    share: None,
                },
            ],
        }),
        completion(&Completion {
            title: l(),
            goals: vec![
                GoalCompletion {
                    label: l(),
                    met: 3,
                    not_met: 1,
                },
                GoalCompletion {
                    label: l(),
                    met: 0,
                    not_met: 0,
                },
            ],
        }),
        sparkline(&Sparkline {
            title: l(),
            points: points(&["1", "2", "1.5"]),
        }),
        multiples(&Multiples {
            title: l(),
            axis: Axis {
                caption: l(),
                suffix: l(),
            },
            panels: vec![
                Series {
                    name: l(),
                    points: points(&["98.5", "-3", "0"]),
                },
                Series {
                    name: l(),
                    points: vec![],
                },
                Series {
                    name: l(),
                    points: vec![Point {
                        year: year(2020),
                        value: value.clone(),
                    }],
                },
            ],
        }),
    ]
}

/// Every `<text>` line fits inside the canvas by the width estimate used for layout.
fn assert_text_fits(svg: &str) {
    let doc = roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("{e}"));
    let view: Vec<f64> = doc
        .root_element()
        .attribute("viewBox")
        .unwrap_or_default()
        .split(' ')
        .filter_map(|v| v.parse().ok())
        .collect();
    let width = view.get(2).copied().unwrap_or(0.0);
    for node in doc.descendants().filter(|n| n.has_tag_name("text")) {
        let size: f64 = node
            .attribute("font-size")
            .and_then(|s| s.parse().ok())
            .unwrap_or(0.0);
        let content = node.text().unwrap_or_default();
        assert!(
            text::width(content, size) <= width,
            "too wide for {width}: {content}"
        );
    }
}

#[test]
fn hostile_labels_give_well_formed_svg_with_the_text_escaped() {
    for label in hostile_labels() {
        for svg in every_kind(&label, Some(datum("45.5", "45.5"))) {
            assert_well_formed(&svg);
            assert_text_fits(&svg);
            assert!(!svg.contains("<script"), "unescaped markup: {svg}");
            assert!(!svg.contains('\u{202E}'), "bidi override kept");
        }
    }
}

#[test]
fn a_long_name_is_cut_on_screen_but_kept_whole_in_a_tooltip() {
    let long: String = "黄鹤楼公园管理处".chars().cycle().take(200).collect();
    for svg in every_kind(&long, None).iter().take(5) {
        let doc = roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("{e}"));
        let titles = doc.descendants().filter(|n| n.has_tag_name("title"));
        assert!(
            titles.count() >= 2,
            "no tooltip besides the chart's title: {svg}"
        );
        assert!(svg.contains('…'));
        assert!(
            doc.descendants()
                .any(|n| n.has_tag_name("title") && n.text() == Some(&long))
        );
    }
}

#[test]
fn escaped_text_reads_back_as_the_cleaned_label() {
    let label = r#"A&B <合> "本" '上'"#;
    let svg = trend(&Trend {
        title: label.to_owned(),
        series: vec![series(label, &[(2020, pct("1")), (2021, pct("2"))])],
        ..execution_trend()
    });
    let doc = roxmltree::Document::parse(&svg).unwrap_or_else(|e| panic!("{e}"));
    let title = doc
        .root_element()
        .first_element_child()
        .and_then(|t| t.text());
    assert_eq!(title, Some(label));
    assert!(
        doc.descendants()
            .any(|n| n.has_tag_name("text") && n.text() == Some(label))
    );
}

#[test]
fn zero_negative_missing_and_single_values_never_print_nan_or_inf() {
    let cases: Vec<Option<Datum>> = vec![
        None,
        Some(datum("0", "0")),
        Some(datum("-24.01", "-24.01%")),
        Some(datum("0.0000000000000000000000000001", "极小")),
        Some(datum("9999999999999999999999999999", "极大")),
        Some(datum("-9999999999999999999999999999", "极小负数")),
    ];
    for value in cases {
        for svg in every_kind("单位", value.clone()) {
            assert_well_formed(&svg);
            assert!(!svg.contains("NaN") && !svg.contains("inf"), "{svg}");
        }
    }
}

#[test]
fn a_single_point_or_only_missing_values_give_the_notes_not_a_broken_chart() {
    let one = sparkline(&Sparkline {
        title: "执行率".to_owned(),
        points: vec![Point {
            year: year(2021),
            value: pct("99"),
        }],
    });
    assert!(one.contains("仅一年数据"));
    let missing = Trend {
        series: vec![series("执行率", &[(2020, None), (2021, None)])],
        ..execution_trend()
    };
    assert!(trend(&missing).contains("暂无数据"));
    let zero = composition(&Composition {
        title: "构成".to_owned(),
        parts: vec![Part {
            label: "基本支出".to_owned(),
            value: datum("0", "0.00"),
            share: None,
        }],
    });
    assert!(zero.contains("暂无数据"));
    let no_indicators = completion(&Completion {
        title: "完成情况".to_owned(),
        goals: vec![GoalCompletion {
            label: "目标".to_owned(),
            met: 0,
            not_met: 0,
        }],
    });
    assert!(no_indicators.contains("暂无数据"));
}

#[test]
fn the_same_input_gives_the_same_bytes() {
    for label in hostile_labels() {
        assert_eq!(every_kind(&label, None), every_kind(&label, None));
    }
}

#[test]
fn printed_ticks_come_from_exact_decimals() {
    // 0.1 + 0.2 in f64 is 0.30000000000000004; the tick must print 0.3.
    let svg = trend(&Trend {
        series: vec![series(
            "值",
            &[
                (2020, Some(datum("0.1", "0.1"))),
                (2021, Some(datum("0.3", "0.3"))),
            ],
        )],
        from_zero: true,
        reference: None,
        ..execution_trend()
    });
    assert!(svg.contains(">0.3%<") || svg.contains(">0.30%<"), "{svg}");
    assert!(!svg.contains("0000000"), "{svg}");
}

fn arb_dec() -> impl Strategy<Value = Dec> {
    (any::<i64>(), 0u32..8).prop_map(|(m, s)| Dec::from_decimal(Decimal::new(m, s)))
}

fn arb_datum() -> impl Strategy<Value = Option<Datum>> {
    proptest::option::of((arb_dec(), any::<String>()).prop_map(|(v, t)| Datum::new(v, t)))
}

fn arb_points() -> impl Strategy<Value = Vec<Point>> {
    proptest::collection::vec((1949i64..=2199, arb_datum()), 0..8).prop_map(|ps| {
        ps.into_iter()
            .map(|(y, value)| Point {
                year: year(y),
                value,
            })
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn random_trends_and_sparklines_are_well_formed(
        title in any::<String>(),
        a in arb_points(),
        b in arb_points(),
        reference in proptest::option::of(arb_dec()),
        from_zero in any::<bool>(),
    ) {
        let chart = Trend {
            title: title.clone(),
            axis: Axis { caption: title.clone(), suffix: "%".to_owned() },
            series: vec![Series { name: title.clone(), points: a.clone() }, Series { name: "规则".to_owned(), points: b }],
            reference: reference.map(|value| Reference { value, label: title.clone() }),
            from_zero,
        };
        assert_well_formed(&trend(&chart));
        assert_well_formed(&sparkline(&Sparkline { title, points: a }));
    }

    #[test]
    fn random_bars_rankings_and_compositions_are_well_formed(
        label in any::<String>(),
        values in proptest::collection::vec((arb_datum(), arb_datum()), 0..7),
        counts in proptest::collection::vec((0u32..200, 0u32..200), 0..6),
    ) {
        let groups = values.iter().map(|(a, b)| BarGroup { label: label.clone(), values: [a.clone(), b.clone()] }).collect();
        let bars = GroupedBars { title: label.clone(), axis: Axis::default(), names: [label.clone(), "本年".to_owned()], groups };
        assert_well_formed(&grouped_bars(&bars));
        let items = values.iter().map(|(a, _)| RankItem { label: label.clone(), value: a.clone(), highlight: false }).collect();
        assert_well_formed(&ranking(&Ranking { title: label.clone(), axis: Axis::default(), items, reference: None }));
        let parts = values
            .iter()
            .filter_map(|(a, _)| a.clone())
            .map(|value| Part { label: label.clone(), value, share: None })
            .collect();
        assert_well_formed(&composition(&Composition { title: label.clone(), parts }));
        let goals = counts.iter().map(|(met, not_met)| GoalCompletion { label: label.clone(), met: *met, not_met: *not_met }).collect();
        assert_well_formed(&completion(&Completion { title: label, goals }));
    }
}
