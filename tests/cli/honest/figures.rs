//! Issue 16, every figure of the generated 情况说明 comes from the record or from gongkai's
//! computed figures: each number with two places and each percentage of `section#shuoming` of
//! every `juesuan.html` of the example site is found among the numbers of the record's YAML text
//! or of its `data/<unit>/<year>.json` (which publishes the derived figures beside the record).

use std::collections::{BTreeMap, BTreeSet};

use gongkai::model::Profile;
use rust_decimal::Decimal;

use crate::support::root;

/// The numbers of `text` (runs of digits with at most one point), as values without sign or
/// trailing zeros (`-3505.64` and `3505.640` are `3505.64`: the text prints |Δ|).
pub(super) fn numbers(text: &str) -> BTreeSet<Decimal> {
    let mut out = BTreeSet::new();
    let mut run = String::new();
    for c in text.chars().chain(std::iter::once(' ')) {
        if c.is_ascii_digit() || (c == '.' && !run.is_empty() && !run.contains('.')) {
            run.push(c);
            continue;
        }
        if let Ok(d) = run.trim_end_matches('.').parse::<Decimal>() {
            out.insert(d.normalize());
        }
        run.clear();
    }
    out
}

/// The figures a sentence prints: numbers with two places (`11092.59`, `0.50`) and
/// percentages (`24.01%`, `100%`), with the text they stand in.
pub(super) fn figures(sentence: &str) -> Vec<(String, Decimal)> {
    let chars: Vec<char> = sentence.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit()
            || (i > 0 && (chars[i - 1].is_ascii_digit() || chars[i - 1] == '.'))
        {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == '.') {
            i += 1;
        }
        let token: String = chars[start..i].iter().collect();
        let percent = chars.get(i) == Some(&'%');
        let two_places = token.split_once('.').is_some_and(|(_, f)| f.len() == 2);
        if let (true, Ok(d)) = (percent || two_places, token.parse::<Decimal>()) {
            out.push((
                format!("{token}{}", if percent { "%" } else { "" }),
                d.normalize(),
            ));
        }
    }
    out
}

/// The 情况说明 of a `juesuan.html`: the text of `<section id="shuoming">`.
pub(super) fn shuoming(html: &str) -> Option<&str> {
    let start = html.find("<section id=\"shuoming\"")?;
    let end = html[start..].find("</section>")? + start;
    Some(&html[start..end])
}

/// The figures of the 情况说明 of `html` found neither in `yaml` (the record's text) nor in
/// `json` (its data file), each as "printed in \"sentence\"", and how many were checked.
pub(super) fn unknown_figures(html: &str, yaml: &str, json: &str) -> (Vec<String>, usize) {
    let known: BTreeSet<Decimal> = numbers(yaml).into_iter().chain(numbers(json)).collect();
    let (mut unknown, mut checked) = (Vec::new(), 0);
    for sentence in shuoming(html).map(super::sentences).unwrap_or_default() {
        for (printed, value) in figures(&sentence) {
            checked += 1;
            if !known.contains(&value) {
                unknown.push(format!("{printed} in \"{sentence}\""));
            }
        }
    }
    (unknown, checked)
}

#[test]
fn every_figure_of_every_generated_shuoming_is_in_the_record_or_its_computed_figures() {
    let dir = tempfile::tempdir().expect("temp dir");
    let opts = gongkai::BuildOptions {
        content: root().join("content"),
        output: dir.path().join("output"),
        theme: None,
        profile: Some(Profile::Public),
        strict: false,
        epoch: Some(gongkai::epoch::Epoch(0)),
    };
    let site = gongkai::build_site_files(&opts)
        .expect("builds")
        .expect("not strict");
    let files: BTreeMap<&str, String> = site
        .files
        .iter()
        .map(|f| {
            (
                f.path.as_str(),
                String::from_utf8_lossy(&f.bytes).into_owned(),
            )
        })
        .collect();
    let mut checked = 0;
    let mut pages = 0;
    let mut failures = Vec::new();
    for (path, html) in &files {
        let Some(rest) = path.strip_prefix("units/") else {
            continue;
        };
        let Some(unit_year) = rest.strip_suffix("/juesuan.html") else {
            continue;
        };
        let Some(text) = shuoming(html) else { continue };
        pages += 1;
        let yaml =
            std::fs::read_to_string(root().join("content").join(format!("{unit_year}.yaml")))
                .expect("the record");
        let json = files
            .get(format!("data/{unit_year}.json").as_str())
            .expect("the record's data file");
        let known: BTreeSet<Decimal> = numbers(&yaml).into_iter().chain(numbers(json)).collect();
        for sentence in super::sentences(text) {
            for (printed, value) in figures(&sentence) {
                checked += 1;
                if !known.contains(&value) {
                    failures.push(format!("{path}: {printed} in \"{sentence}\""));
                }
            }
        }
    }
    println!("{checked} figure(s) in {pages} 情况说明 checked");
    assert!(
        pages >= 1 && checked >= 100,
        "{pages} page(s), {checked} figure(s): too few to mean anything"
    );
    assert!(
        failures.is_empty(),
        "{} figure(s) found neither in the record nor in its computed figures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
