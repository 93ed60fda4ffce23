//! Sample data for the chart tests: realistic figures in the shape of the seed documents, and
//! edge cases (negative, zero, missing, long names, many groups).

use super::super::{
    BarGroup, Completion, Composition, Datum, GoalCompletion, GroupedBars, Part, Point, RankItem,
    Ranking, Reference, Sparkline, Trend,
};
use super::{axis, d, datum, num, pct, series, year};
use crate::model::Dec;

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

pub(super) fn long_name(n: usize) -> String {
    "黄鹤楼公园管理处绩效目标".chars().cycle().take(n).collect()
}

pub(super) fn edge_trend() -> Trend {
    Trend {
        title: "变动率".to_owned(),
        axis: axis("变动率（%）", "%"),
        series: vec![
            series(
                &long_name(60),
                &[
                    (2016, pct("-24.01")),
                    (2017, pct("-24.01")),
                    (2018, pct("3.5")),
                    (2019, pct("12.25")),
                    (2020, pct("0")),
                    (2021, pct("-3.34")),
                ],
            ),
            series(
                "上年",
                &[
                    (2016, pct("-20")),
                    (2017, pct("-24.01")),
                    (2018, None),
                    (2019, pct("15")),
                    (2021, pct("-5")),
                ],
            ),
        ],
        reference: Some(Reference {
            value: Dec::ZERO,
            label: "0%".to_owned(),
        }),
        from_zero: false,
    }
}

pub(super) fn edge_bars() -> GroupedBars {
    let group = |i: usize, a: &str, b: Option<Datum>| BarGroup {
        label: format!("目标{i}：{}", long_name(i * 4)),
        values: [num(a), b],
    };
    GroupedBars {
        title: "多目标".to_owned(),
        axis: axis("", ""),
        names: ["分值".to_owned(), "得分".to_owned()],
        groups: (1..=9)
            .map(|i| match i {
                3 => group(i, "10", None),
                5 => group(i, "-5", num("-2.5")),
                7 => group(i, "0", num("0")),
                _ => group(i, "12", num("11.25")),
            })
            .collect(),
    }
}

pub(super) fn edge_ranking() -> Ranking {
    Ranking {
        title: "变动率排名".to_owned(),
        axis: axis("", "%"),
        items: (0..14)
            .map(|i| RankItem {
                label: if i == 3 {
                    long_name(40)
                } else {
                    format!("第{i}街道")
                },
                value: pct(&format!("{}", 40 - i * 7)),
                highlight: i == 5,
            })
            .collect(),
        reference: None,
    }
}
