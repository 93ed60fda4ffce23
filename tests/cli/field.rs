//! The field site (issue 16): real documents of other provinces and layouts, transcribed in
//! `tests/fixtures/sites/field/content/` (see its README). Every document builds; each
//! document's figures are pinned by a golden test in `field/<unit>.rs`, worked out by hand from
//! the document with the arithmetic in a comment.

mod beijing_wanping_huanwei;
mod jinzhai_chagu;
mod jinzhai_mabu;
mod langfang_shipin;
mod putuo;
mod putuo_caizhengju;
mod putuo_guihua_ziran;
mod putuo_shehui_gongzuobu;
mod qingshen_fagaiju;
mod shouxian_pingfen;
mod snapshot;
mod wuhan_qingshan_jiaoyu;
mod wuzhou_junxiu;
mod wuzhou_nongchanpin;
mod wuzhou_shouru;
mod yongde_minglang;

use std::path::Path;

use gongkai::model::{Corpus, Dec};
use gongkai::{CorpusScores, Finding, check, score_corpus};

use crate::support::{build_into_temp, files, fixture, load_site};

/// The field documents of `../shared/field/` this site transcribes (01–23 whole; 30–32 their
/// 情况说明 and 绩效 parts). Each must be named by the first line of a record,
/// `# Transcribed from ../shared/field/<file>; …`.
const DOCUMENTS: &[&str] = &[
    "01-jinzhai-chagu-meili-xiangcun-2023-bmzt.txt",
    "03-shouxian-2023-bmzt-zpb-pingfen.txt",
    "05-langfang-shipin-xuexiao-2019-xmzpb-national.txt",
    "06-yongde-minglang-zhongxue-2022-xmzpb-yuan.txt",
    "11-qingshen-fagaiju-2023-xmzpb-sichuan.txt",
    "14-beijing-fengtai-wanping-huanwei-2020-jsgk.txt",
    "15-wuzhou-junxiu-2021-jsgk-p5.txt",
    "16-wuzhou-junxiu-2024-jsgk-lei.txt",
    "17-wuzhou-nongchanpin-jiance-2020-sangong.txt",
    "18-wuzhou-unit-2023-jsgk-shouru.txt",
    "21-wuhan-qingshan-jiaoyu-2020-xmjxmbb.txt",
    "23-jinzhai-mabu-zhen-2023-zyzf-zpbg.txt",
    "30-shanghai-putuo-caizhengju-2024-juesuan.txt",
    "31-shanghai-putuo-guihua-ziran-2024-juesuan.txt",
    "32-shanghai-putuo-shehui-gongzuobu-2024-juesuan.txt",
];

#[test]
fn every_field_document_is_transcribed() {
    let content = fixture("sites/field/content");
    let firsts: Vec<String> = crate::support::files(&content)
        .into_iter()
        .filter(|(path, _)| path.ends_with(".yaml") && !path.contains('_'))
        .map(|(_, bytes)| {
            String::from_utf8(bytes)
                .expect("UTF-8")
                .lines()
                .next()
                .unwrap_or_default()
                .to_owned()
        })
        .collect();
    for doc in DOCUMENTS {
        let header = format!("# Transcribed from ../shared/field/{doc}");
        assert!(
            firsts.iter().any(|line| line.starts_with(&header)),
            "no record of the field site transcribes {doc}"
        );
    }
    assert_eq!(
        firsts.len(),
        DOCUMENTS.len(),
        "one record per document: {firsts:#?}"
    );
}

/// One field unit-year: the corpus of that unit alone, its record's scores and its findings.
fn field_checked(unit: &str, year: u16) -> (Corpus, gongkai::RecordScore, Vec<Finding>) {
    let mut corpus = load_site("field");
    corpus.units.retain(|u| u.id.as_str() == unit);
    let scores = score_corpus(&corpus);
    let findings: Vec<Finding> = check(&corpus, &scores)
        .findings
        .into_iter()
        .filter(|f| f.year.get() == year)
        .collect();
    let record = scores
        .records
        .into_iter()
        .find(|r| r.year.get() == year)
        .expect("the record");
    (corpus, record, findings)
}

#[test]
fn every_field_document_loads_and_builds() {
    let corpus = load_site("field");
    assert!(!corpus.units.is_empty(), "the field site has units");
    let (_dir, out) = build_into_temp(&fixture("sites/field/content"));
    assert!(out.join("index.html").is_file());
}

pub(crate) fn d(s: &str) -> Dec {
    Dec::parse(s).expect("decimal")
}

/// The field site's scores.
pub(crate) fn scores() -> CorpusScores {
    score_corpus(&load_site("field"))
}

/// `gongkai check`'s findings for one unit of the field site, as (code, field) pairs.
pub(crate) fn finding_pairs(unit: &str) -> Vec<(String, String)> {
    let corpus = load_site("field");
    let scores = score_corpus(&corpus);
    check(&corpus, &scores)
        .findings
        .into_iter()
        .filter(|f: &Finding| f.unit.as_str() == unit)
        .map(|f| (f.code.to_owned(), f.field))
        .collect()
}

/// A value's JSON form (`Basis` and friends are not public types).
pub(crate) fn json(v: &impl serde::Serialize) -> String {
    serde_json::to_value(v)
        .expect("serialisable")
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

/// The built page of one unit-year, as text.
pub(crate) fn page(unit: &str, year: u16) -> String {
    let (_dir, out) = build_into_temp(&fixture("sites/field/content"));
    std::fs::read_to_string(out.join(format!("units/{unit}/{year}/index.html"))).expect("page")
}

/// The findings of one record of the field site.
pub(crate) fn findings(unit: &str, year: u16) -> Vec<Finding> {
    findings_in(&fixture("sites/field/content"), unit, year)
}

fn findings_in(content: &Path, unit: &str, year: u16) -> Vec<Finding> {
    gongkai::check_content(content)
        .expect("the field site loads")
        .report
        .findings
        .into_iter()
        .filter(|f| f.unit.as_str() == unit && f.year.get() == year)
        .collect()
}

/// The findings of one record after replacing `from` by `to` in its file (exactly once): shows
/// that a check runs on a figure, since the record as printed passes it.
pub(crate) fn findings_with(unit: &str, year: u16, from: &str, to: &str) -> Vec<Finding> {
    findings_with_all(unit, year, &[(from, to)])
}

/// [`findings_with`] with several replacements.
pub(crate) fn findings_with_all(unit: &str, year: u16, edits: &[(&str, &str)]) -> Vec<Finding> {
    let dir = tempfile::tempdir().expect("temp dir");
    let rel = format!("{unit}/{year}.yaml");
    for (path, bytes) in files(&fixture("sites/field/content")) {
        let dest = dir.path().join(&path);
        std::fs::create_dir_all(dest.parent().expect("parent")).expect("mkdir");
        let mut text = String::from_utf8(bytes).expect("UTF-8");
        if path == rel {
            for (from, to) in edits {
                assert_eq!(text.matches(from).count(), 1, "`{from}` once in {rel}");
                text = text.replace(from, to);
            }
        }
        std::fs::write(dest, text).expect("write");
    }
    findings_in(dir.path(), unit, year)
}

/// The codes and fields of findings, for exact assertions.
pub(crate) fn codes(f: &[Finding]) -> Vec<(&'static str, String)> {
    f.iter().map(|f| (f.code, f.field.clone())).collect()
}
