//! Tests across every chart kind: snapshots of typical charts, well-formed XML for hostile
//! labels, placeholders for empty, zero, negative, missing and single-year data, no `NaN`.

mod fixtures;
mod multiples_layout;
mod robust;
mod snapshots;

use self::fixtures::{
    edge_bars, edge_ranking, edge_trend, execution_trend, goal_bars, goal_completion, score_trend,
    spark, spending_composition, unit_ranking, year_pairs,
};
use super::{
    Axis, Datum, Point, Series, Trend, completion, composition, grouped_bars, ranking, sparkline,
    trend,
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

/// Checks every sample chart, and writes each to `$GK_CHART_DUMP/<name>.svg` when that
/// variable is set, for looking at them in a browser (`chromium --headless --screenshot`).
#[test]
fn every_sample_is_well_formed_and_can_be_dumped_for_review() {
    let charts = [
        ("trend", trend(&execution_trend())),
        ("trend2", trend(&score_trend())),
        ("bars", grouped_bars(&goal_bars())),
        ("pairs", grouped_bars(&year_pairs())),
        ("ranking", ranking(&unit_ranking())),
        ("composition", composition(&spending_composition())),
        ("completion", completion(&goal_completion())),
        ("spark", sparkline(&spark())),
        ("edge_trend", trend(&edge_trend())),
        ("edge_bars", grouped_bars(&edge_bars())),
        ("edge_ranking", ranking(&edge_ranking())),
        (
            "edge_one_year",
            trend(&Trend {
                series: vec![series("执行率", &[(2021, pct("99.89"))])],
                ..execution_trend()
            }),
        ),
    ];
    let dir = std::env::var("GK_CHART_DUMP").ok();
    for (name, svg) in charts {
        assert_well_formed(&svg);
        assert!(!svg.contains("NaN") && !svg.contains("inf"), "{name}");
        if let Some(dir) = &dir {
            std::fs::write(format!("{dir}/{name}.svg"), svg).unwrap_or_else(|e| panic!("{e}"));
        }
    }
}

/// Parses `svg` as XML and checks what every chart must have: an `<svg role="img">` root with a
/// `viewBox`, `<title>` and `<desc>` first and not empty, and finite numbers in every
/// geometry attribute, and no control character anywhere.
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
