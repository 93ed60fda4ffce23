//! Issue 19: the layout of the small multiples, measured. Every text of a panel (its name, its
//! years, its latest value) lies inside that panel's width, estimated with [`text::width`];
//! the years are marked one by one when they fit, else every k-th with the first and the last;
//! no text is smaller than 12 px.

use super::super::text;
use super::super::{Multiples, multiples};
use super::{axis, pct, series};

/// One `<text>` of the SVG: its estimated x-extent, baseline, size and content.
#[derive(Debug)]
struct Placed {
    left: f64,
    right: f64,
    y: f64,
    size: f64,
    content: String,
}

fn number(node: roxmltree::Node<'_, '_>, name: &str) -> f64 {
    node.attribute(name)
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("{name} of {node:?}"))
}

/// Every `<text>` but the white halo copies, placed by its anchor.
fn texts(svg: &str) -> Vec<Placed> {
    let doc = roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("{e}"));
    doc.descendants()
        .filter(|n| n.has_tag_name("text") && n.attribute("stroke").is_none())
        .map(|n| {
            let (x, size) = (number(n, "x"), number(n, "font-size"));
            let content = n.text().unwrap_or_default().to_owned();
            let w = text::width(&content, size);
            let left = match n.attribute("text-anchor") {
                Some("end") => x - w,
                Some("middle") => x - w / 2.0,
                _ => x,
            };
            Placed {
                left,
                right: left + w,
                y: number(n, "y"),
                size,
                content,
            }
        })
        .collect()
}

/// The x-range and the baseline of each panel, from its axis line (drawn in `#666666`; the
/// short vertical year ticks share the colour).
fn panels(svg: &str) -> Vec<(f64, f64, f64)> {
    let doc = roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("{e}"));
    doc.descendants()
        .filter(|n| n.has_tag_name("polyline") && n.attribute("stroke") == Some("#666666"))
        .map(|n| {
            let pts: Vec<f64> = n
                .attribute("points")
                .unwrap_or_default()
                .split([' ', ','])
                .filter_map(|s| s.parse().ok())
                .collect();
            (pts[0], pts[2], pts[1], pts[3])
        })
        .filter(|(_, _, y0, y1)| y0 == y1)
        .map(|(a, b, y, _)| (a, b, y))
        .collect()
}

fn chart(years: std::ops::RangeInclusive<i64>) -> Multiples {
    let all: Vec<(i64, _)> = years.clone().map(|y| (y, pct("99.5"))).collect();
    let first_only = [(*years.start(), pct("100.00")), (*years.end(), None)];
    Multiples {
        title: "预算执行率：各单位历年比较（同一尺度）".to_owned(),
        axis: axis("预算执行率（%）", "%"),
        panels: vec![
            series("武汉市武昌区人民政府黄鹤楼街道办事处（Huanghelou）", &all),
            series("武汉东湖新技术开发区花山街道办事处", &first_only),
            series("荣华街道", &all),
            series("青菱街道", &all),
            series("武汉市洪山区人民政府青菱街道办事处第二分处", &first_only),
        ],
    }
}

/// Checks that every text below the caption lies in one panel (or, for the value ticks, left
/// of the first) and is at least 12 px; returns the year labels of each panel, left to right.
fn check(svg: &str) -> Vec<Vec<Placed>> {
    let panels = panels(svg);
    assert_eq!(panels.len(), 5, "{svg}");
    let first_left = panels.iter().map(|p| p.0).fold(f64::INFINITY, f64::min);
    let mut years: Vec<Vec<Placed>> = panels.iter().map(|_| Vec::new()).collect();
    for t in texts(svg) {
        assert!(t.size >= 12.0, "{t:?} is smaller than 12 px");
        if t.y < 22.0 {
            continue; // the axis caption, above every panel
        }
        if t.right <= first_left {
            continue; // a value tick in the left margin
        }
        // The panel of a text: the first, in row order, whose axis line is not above its
        // years' baseline (15 px under the axis), and whose width holds the whole text.
        let row = panels
            .iter()
            .map(|p| p.2)
            .filter(|y| t.y <= y + 15.05)
            .fold(f64::INFINITY, f64::min);
        let inside = panels
            .iter()
            .position(|(a, b, y)| *y == row && t.left >= a - 0.05 && t.right <= b + 0.05);
        let Some(i) = inside else {
            panic!("{t:?} is not inside one panel {panels:?}\n{svg}");
        };
        if t.content.len() == 4 && t.content.bytes().all(|b| b.is_ascii_digit()) {
            years[i].push(t);
        }
    }
    for labels in &mut years {
        labels.sort_by(|a, b| a.left.total_cmp(&b.left));
        for pair in labels.windows(2) {
            assert!(pair[0].right < pair[1].left, "{pair:?} overlap");
        }
    }
    years
}

#[test]
fn issue19_every_label_stays_inside_its_own_panel() {
    let svg = multiples(&chart(2020..=2023));
    super::assert_well_formed(&svg);
    check(&svg);
    assert!(
        svg.contains("<title>武汉市武昌区人民政府黄鹤楼街道办事处（Huanghelou）</title>"),
        "a shortened name keeps its full text in a tooltip"
    );
}

#[test]
fn issue19_four_years_are_each_marked() {
    let svg = multiples(&chart(2020..=2023));
    for labels in check(&svg) {
        let shown: Vec<&str> = labels.iter().map(|l| l.content.as_str()).collect();
        assert_eq!(shown, ["2020", "2021", "2022", "2023"]);
    }
}

#[test]
fn issue19_too_many_years_are_marked_every_kth_with_the_first_and_last() {
    let svg = multiples(&chart(2010..=2023));
    for labels in check(&svg) {
        let shown: Vec<u16> = labels
            .iter()
            .filter_map(|l| l.content.parse().ok())
            .collect();
        assert_eq!(shown.first(), Some(&2010), "{shown:?}");
        assert_eq!(shown.last(), Some(&2023), "{shown:?}");
        assert!(shown.len() > 2 && shown.len() < 14, "{shown:?}");
        let steps: Vec<u16> = shown.windows(2).map(|w| w[1] - w[0]).collect();
        let k = steps[0];
        assert!(
            steps[..steps.len() - 1].iter().all(|s| *s == k) && steps[steps.len() - 1] <= k * 2,
            "every k-th year: {shown:?}"
        );
    }
}
