//! Ranking rules and the index of the example site.

use std::path::Path;

use super::*;
use crate::model::Year;

fn field(weight: Weight, text: &str) -> Field {
    Field {
        weight,
        anchor: String::new(),
        text: text.to_owned(),
    }
}

fn doc(year: i64, title: &str, fields: Vec<Field>) -> Doc {
    Doc {
        unit: 0,
        year: Year::new(year).expect("year"),
        title: title.to_owned(),
        href: String::new(),
        fields,
    }
}

fn order(docs: &[Doc], q: &str) -> Vec<String> {
    rank(docs, q)
        .iter()
        .map(|h| docs[h.doc].title.clone())
        .collect()
}

#[test]
fn a_bigram_match_ranks_above_pages_holding_only_its_characters() {
    let docs = vec![
        doc(2023, "散字", vec![field(Weight::Title, "办公室 结余 比率")]),
        doc(2023, "信访", vec![field(Weight::Body, "信访件办结率 100%")]),
    ];
    assert_eq!(order(&docs, "办结率"), ["信访", "散字"]);
}

#[test]
fn a_title_match_ranks_above_the_same_text_in_the_body() {
    let docs = vec![
        doc(2023, "正文", vec![field(Weight::Body, "信访件办结率")]),
        doc(2023, "标题", vec![field(Weight::Title, "信访件办结率")]),
    ];
    assert_eq!(order(&docs, "办结率"), ["标题", "正文"]);
}

#[test]
fn characters_split_by_punctuation_are_not_a_bigram() {
    let docs = vec![doc(2023, "断开", vec![field(Weight::Body, "办，结")])];
    assert_eq!(rank(&docs, "办结")[0].score, 2);
}

#[test]
fn equal_scores_list_the_later_year_first() {
    let docs = vec![
        doc(2020, "旧", vec![field(Weight::Title, "花山街道")]),
        doc(2023, "新", vec![field(Weight::Title, "花山街道")]),
    ];
    assert_eq!(order(&docs, "花山"), ["新", "旧"]);
}

#[test]
fn a_word_matches_at_the_start_of_a_word_only() {
    let docs = vec![
        doc(2023, "前缀", vec![field(Weight::Body, "2023年")]),
        doc(2023, "中间", vec![field(Weight::Body, "12023")]),
    ];
    assert_eq!(order(&docs, "202"), ["前缀"]);
}

#[test]
fn the_best_field_is_the_one_that_matched_most() {
    let mut d = doc(2023, "页", vec![field(Weight::Title, "单位名称")]);
    d.fields.push(Field {
        weight: Weight::Title,
        anchor: "projects-0".into(),
        text: "信访件办结率".into(),
    });
    let hit = &rank(&[d], "办结率")[0];
    assert_eq!(hit.field, 1);
}

#[test]
fn a_query_without_tokens_finds_nothing() {
    let docs = vec![doc(2023, "页", vec![field(Weight::Title, "单位")])];
    assert!(rank(&docs, "，。 ").is_empty());
}

fn example() -> (Corpus, CorpusScores) {
    let corpus = crate::load::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("content"))
        .expect("the example content loads");
    let scores = crate::score::score_corpus(&corpus);
    (corpus, scores)
}

#[test]
fn on_the_example_site_the_indicator_name_finds_its_page_first() {
    let (corpus, scores) = example();
    let docs = docs(&corpus, &scores);
    let hits = rank(&docs, "信访件办结率");
    let first = &docs[hits[0].doc];
    assert_eq!(first.href, "units/huashan/2020/index.html");
    assert_eq!(first.fields[hits[0].field].weight, Weight::Title);
}

#[test]
fn the_index_never_holds_contact_details() {
    let (corpus, scores) = example();
    let all: String = index_files(&corpus, &scores)
        .into_iter()
        .map(|(_, text)| text)
        .collect();
    assert!(all.contains("青菱"), "the index holds the example");
    assert!(!all.contains("马兰萍") && !all.contains("88938605"));
}

#[test]
fn index_files_are_one_meta_file_and_one_file_per_year() {
    let (corpus, scores) = example();
    let paths: Vec<String> = index_files(&corpus, &scores)
        .into_iter()
        .map(|(p, _)| p)
        .collect();
    assert_eq!(
        paths,
        [
            "search/index-2020.js",
            "search/index-2021.js",
            "search/index-2022.js",
            "search/index-2023.js",
            "search/meta.js"
        ]
    );
}

#[test]
fn index_text_cannot_end_its_script() {
    let (mut corpus, scores) = example();
    corpus.units[0].name = "</script><script>alert(1)</script>\u{2028}".to_owned();
    let all: String = index_files(&corpus, &scores)
        .into_iter()
        .map(|(_, text)| text)
        .collect();
    assert!(!all.contains("</script") && !all.contains('\u{2028}'));
    assert!(all.contains("\\u003c/script\\u003e"));
}

#[test]
fn a_year_file_built_alone_equals_the_one_cut_from_all_documents() {
    let (corpus, scores) = example();
    let all = docs(&corpus, &scores);
    for year in crate::plan::years(&corpus) {
        let alone = numbered_docs(&corpus, &scores, Some(year));
        assert_eq!(
            numbered_year_js(alone.iter().map(|(n, d)| (*n, d)), year),
            year_js(&all, year),
            "{year}"
        );
    }
}

#[test]
fn index_files_are_the_same_bytes_on_every_build() {
    let (corpus, scores) = example();
    assert_eq!(index_files(&corpus, &scores), index_files(&corpus, &scores));
}
