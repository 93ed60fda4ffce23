//! Tests across every chart kind: snapshots of typical charts, well-formed XML for hostile
//! labels, placeholders for empty, zero, negative, missing and single-year data, no `NaN`.

mod robust;
mod snapshots;

use super::{
    Axis, BarGroup, Completion, Composition, Datum, GoalCompletion, GroupedBars, Part, Point,
    RankItem, Ranking, Reference, Series, Sparkline, Trend, completion, composition, grouped_bars,
    ranking, sparkline, trend,
};
use crate::model::{Dec, Year};

pub(super) fn d(s: &str) -> Dec {
    Dec::parse(s).unwrap_or_else(|e| panic!("{s}: {e}"))
}

pub(super) fn year(y: i64) -> Year {
    Year::new(y).unwrap_or_else(|e| panic!("{e}"))
}

pub(super) fn datum(v: &str, text: &str) -> Datum {
    Datum::new(d(v), text)
}

pub(super) fn pct(v: &str) -> Option<Datum> {
    Some(datum(v, &format!("{v}%")))
}

pub(super) fn num(v: &str) -> Option<Datum> {
    Some(datum(v, v))
}

pub(super) fn series(name: &str, points: &[(i64, Option<Datum>)]) -> Series {
    Series {
        name: name.to_owned(),
        points: points
            .iter()
            .map(|(y, v)| Point {
                year: year(*y),
                value: v.clone(),
            })
            .collect(),
    }
}

pub(super) fn axis(caption: &str, suffix: &str) -> Axis {
    Axis {
        caption: caption.to_owned(),
        suffix: suffix.to_owned(),
    }
}

pub(super) fn execution_trend() -> Trend {
    Trend {
        title: "黄鹤楼公园管理处 预算执行率（2019—2023年）".to_owned(),
        axis: axis("执行率（%）", "%"),
        series: vec![series(
            "执行率",
            &[
                (2019, pct("97.35")),
                (2020, pct("99.89")),
                (2021, pct("100.00")),
                (2022, None),
                (2023, pct("88.12")),
            ],
        )],
        reference: Some(Reference {
            value: d("100"),
            label: "100%".to_owned(),
        }),
        from_zero: true,
    }
}

pub(super) fn score_trend() -> Trend {
    Trend {
        title: "青菱街道 自评得分与规则得分".to_owned(),
        axis: axis("得分（分）", ""),
        series: vec![
            series(
                "报告得分",
                &[
                    (2020, num("92")),
                    (2021, num("94")),
                    (2022, num("98")),
                    (2023, num("100")),
                ],
            ),
            series(
                "规则得分",
                &[
                    (2020, num("91.5")),
                    (2021, num("94.97")),
                    (2022, num("96.19")),
                    (2023, num("99.98")),
                ],
            ),
        ],
        reference: None,
        from_zero: false,
    }
}

pub(super) fn goal_bars() -> GroupedBars {
    GroupedBars {
        title: "2021年各绩效目标分值与得分".to_owned(),
        axis: axis("分", ""),
        names: ["分值".to_owned(), "得分".to_owned()],
        groups: vec![
            BarGroup {
                label: "预算执行率".to_owned(),
                values: [num("10"), num("9.99")],
            },
            BarGroup {
                label: "产出指标".to_owned(),
                values: [num("50"), num("45.5")],
            },
            BarGroup {
                label: "效益指标".to_owned(),
                values: [num("30"), num("28")],
            },
            BarGroup {
                label: "服务对象满意度指标".to_owned(),
                values: [num("10"), num("10")],
            },
        ],
    }
}

pub(super) fn year_pairs() -> GroupedBars {
    GroupedBars {
        title: "2023年与2022年收支对比".to_owned(),
        axis: axis("金额（万元）", ""),
        names: ["2022年".to_owned(), "2023年".to_owned()],
        groups: vec![
            BarGroup {
                label: "收入".to_owned(),
                values: [
                    Some(datum("14598.23", "14,598.23")),
                    Some(datum("11092.59", "11,092.59")),
                ],
            },
            BarGroup {
                label: "支出".to_owned(),
                values: [
                    Some(datum("14598.23", "14,598.23")),
                    Some(datum("11082.8", "11,082.80")),
                ],
            },
            BarGroup {
                label: "\"三公\"经费".to_owned(),
                values: [Some(datum("12.4", "12.40")), Some(datum("5.2", "5.20"))],
            },
            BarGroup {
                label: "机关运行经费".to_owned(),
                values: [
                    Some(datum("1956.76", "1,956.76")),
                    Some(datum("1891.31", "1,891.31")),
                ],
            },
        ],
    }
}

pub(super) fn unit_ranking() -> Ranking {
    let item = |label: &str, v: Option<Datum>, highlight: bool| RankItem {
        label: label.to_owned(),
        value: v,
        highlight,
    };
    Ranking {
        title: "2021年各单位预算执行率排名".to_owned(),
        axis: axis("执行率（%）", "%"),
        items: vec![
            item("花山街道", pct("95.20"), false),
            item("黄鹤楼公园管理处", pct("99.89"), true),
            item("荣华街道", pct("100.00"), false),
            item("青菱街道", pct("95.20"), false),
            item("青菱街道办事处社区网格化服务管理中心", pct("87.06"), false),
            item("洪山区某单位", None, false),
        ],
        reference: Some(Reference {
            value: d("100"),
            label: "100%".to_owned(),
        }),
    }
}

pub(super) fn spending_composition() -> Composition {
    let part = |label: &str, v: &str, text: &str| Part {
        label: label.to_owned(),
        value: datum(v, text),
        share: None,
    };
    Composition {
        title: "2023年支出功能分类构成".to_owned(),
        parts: vec![
            part("一般公共服务支出", "4692.86", "4,692.86"),
            part("公共安全支出", "512.3", "512.30"),
            part("科学技术支出", "0.5", "0.50"),
            part("社会保障和就业支出", "1830.14", "1,830.14"),
            part("卫生健康支出", "402.1", "402.10"),
            part("城乡社区支出", "3012.4", "3,012.40"),
            part("农林水支出", "402.5", "402.50"),
            part("住房保障支出", "230", "230.00"),
        ],
    }
}

pub(super) fn goal_completion() -> Completion {
    let goal = |label: &str, met: u32, not_met: u32| GoalCompletion {
        label: label.to_owned(),
        met,
        not_met,
    };
    Completion {
        title: "2023年各绩效目标指标完成情况".to_owned(),
        goals: vec![
            goal("目标1：保障机构正常运转", 24, 5),
            goal("目标2：提升基层治理能力", 19, 3),
            goal("目标3：改善人居环境，推进老旧小区改造和背街小巷整治", 76, 9),
            goal("目标4：党风廉政建设", 24, 1),
        ],
    }
}

pub(super) fn spark() -> Sparkline {
    Sparkline {
        title: "黄鹤楼 执行率".to_owned(),
        points: vec![
            Point {
                year: year(2019),
                value: pct("97.35"),
            },
            Point {
                year: year(2020),
                value: pct("99.89"),
            },
            Point {
                year: year(2021),
                value: pct("92.10"),
            },
            Point {
                year: year(2022),
                value: pct("100.00"),
            },
        ],
    }
}

/// Writes every sample chart to `$GK_CHART_DUMP/<name>.svg` when that variable is set, for
/// looking at them in a browser; does nothing otherwise.
#[test]
fn dump_samples_for_review_when_asked() {
    let Ok(dir) = std::env::var("GK_CHART_DUMP") else {
        return;
    };
    let charts = [
        ("trend", trend(&execution_trend())),
        ("trend2", trend(&score_trend())),
        ("bars", grouped_bars(&goal_bars())),
        ("pairs", grouped_bars(&year_pairs())),
        ("ranking", ranking(&unit_ranking())),
        ("composition", composition(&spending_composition())),
        ("completion", completion(&goal_completion())),
        ("spark", sparkline(&spark())),
    ];
    for (name, svg) in charts {
        std::fs::write(format!("{dir}/{name}.svg"), svg).unwrap_or_else(|e| panic!("{e}"));
    }
}

/// Parses `svg` as XML and checks what every chart must have: an `<svg role="img">` root with a
/// `viewBox`, `<title>` and `<desc>` first and not empty, and finite numbers in every
/// geometry attribute. Returns the parsed document's text for further checks.
pub(super) fn assert_well_formed(svg: &str) {
    let doc = roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("not XML: {e}\n{svg}"));
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    assert_eq!(root.attribute("role"), Some("img"));
    assert!(
        root.attribute("viewBox")
            .is_some_and(|v| v.starts_with("0 0 ")),
        "{svg}"
    );
    let first: Vec<_> = root.children().filter(|n| n.is_element()).take(2).collect();
    let names: Vec<&str> = first.iter().map(|n| n.tag_name().name()).collect();
    assert_eq!(names, ["title", "desc"]);
    for n in &first {
        assert!(
            n.text().is_some_and(|t| !t.trim().is_empty()),
            "empty {:?}",
            n.tag_name()
        );
    }
    for node in doc.descendants().filter(|n| n.is_element()) {
        for a in node.attributes() {
            let numbers: Vec<&str> = match a.name() {
                "x" | "y" | "cx" | "cy" | "r" | "stroke-width" | "font-size" | "height" => {
                    vec![a.value()]
                }
                "width" if a.value() != "100%" => vec![a.value()],
                "points" => a
                    .value()
                    .split([' ', ','])
                    .filter(|s| !s.is_empty())
                    .collect(),
                _ => continue,
            };
            for v in numbers {
                let parsed: f64 = v
                    .parse()
                    .unwrap_or_else(|_| panic!("{}={v} is not a number", a.name()));
                assert!(parsed.is_finite(), "{}={v}", a.name());
            }
        }
    }
    assert!(
        !svg.chars().any(|c| c.is_control() && c != '\n'),
        "control character in output"
    );
}
