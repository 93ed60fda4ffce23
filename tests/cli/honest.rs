//! Issue 16, "never state what was not printed": a block the record leaves out produces no
//! sentence on the public site; "本单位无…", "未发生…", "本年度无…" only where the record states a
//! 0 (or the sentence itself); every figure of the generated 情况说明 is in the record or in the
//! computed figures gongkai publishes beside it (`data/<unit>/<year>.json`).
//!
//! The removals are derived from the YAML text of `content/qingling/2023.yaml`: every mapping key
//! at any depth (inside a list, those of its first item), taken out one at a time with its
//! value. A removal the loader refuses is skipped (the key is required); the others are built in
//! memory (public profile) and compared with the unchanged build.

use std::collections::BTreeMap;
use std::path::Path;

use gongkai::model::Profile;

use crate::support::root;

mod figures;
mod keys;
mod totals;

use keys::{Key, removals, without};

/// The record whose blocks are removed.
const RECORD: &str = "qingling/2023";

/// The 决算 page of `RECORD` and its data file.
const JUESUAN: &str = "units/qingling/2023/juesuan.html";
const DATA: &str = "data/qingling/2023.json";

/// Words of a sentence that says something is absent, 0 or not done. Taken from the 情况说明
/// template and the 决算 tables (`grep -n '无\|未\|没有'`): each is printed only from a stated 0 or
/// a stated sentence.
const ABSENCE: [&str; 17] = [
    "本单位无",
    "当年无",
    "本年度无",
    "未发生",
    "未购置",
    "未编制",
    "未开展",
    "未申请",
    "无相关经费",
    "没有",
    "：无",
    "为0",
    "为 0",
    "0.00万元",
    "0.00 万元",
    " 0 台",
    " 0 辆",
];

/// Copies the unit of `RECORD` into `content` with the record's text replaced by `text`.
fn write_content(content: &Path, text: &str) {
    let src = root().join("content");
    let (unit, _) = RECORD.split_once('/').expect("unit/year");
    for (rel, bytes) in crate::support::files(&src.join(unit)) {
        let to = content.join(unit).join(rel);
        std::fs::create_dir_all(to.parent().expect("parent")).expect("mkdir");
        std::fs::write(to, bytes).expect("copy");
    }
    std::fs::copy(src.join("_site.yaml"), content.join("_site.yaml")).expect("copy");
    std::fs::write(content.join(format!("{RECORD}.yaml")), text).expect("write");
}

/// The site of `text` as `path → text`, or the load error.
pub(crate) fn site(text: &str, profile: Profile) -> Result<BTreeMap<String, String>, String> {
    let dir = tempfile::tempdir().expect("temp dir");
    let content = dir.path().join("content");
    write_content(&content, text);
    let opts = gongkai::BuildOptions {
        content,
        output: dir.path().join("output"),
        theme: None,
        profile: Some(profile),
        strict: false,
        epoch: Some(gongkai::epoch::Epoch(0)),
    };
    let built = gongkai::build_site_files(&opts).map_err(|e| e.to_string())?;
    let built = built.expect("not strict");
    Ok(built
        .files
        .into_iter()
        .filter(|f| f.path.ends_with(".html") || f.path.ends_with(".json"))
        .map(|f| (f.path, String::from_utf8_lossy(&f.bytes).into_owned()))
        .collect())
}

/// The sentences of an HTML page's text (tags dropped, split at 。, ；, and line ends).
pub(crate) fn sentences(html: &str) -> Vec<String> {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                text.push('\n');
            }
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.split(['。', '；', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The clauses of `html` (sentences split at ，too) that claim an absence, with how often each
/// occurs; clauses `sources` holds word for word (a 绩效 report's "未发生" in the unit's own
/// files) are the record's sentences, not gongkai's, and are left out, and so are the words a
/// clause quotes from the record (a rule's explanation `实际“未发生”`: the record's 实际完成值).
fn absences(html: &str, sources: &str) -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    for s in sentences(html) {
        for clause in s.split('，').map(str::trim) {
            let own = unquoted(clause);
            if ABSENCE.iter().any(|w| own.contains(w)) && !sources.contains(clause) {
                *out.entry(clause.to_owned()).or_insert(0) += 1;
            }
        }
    }
    out
}

/// `clause` without what it quotes, `“…”` (the record's own words, as a rule's explanation
/// quotes a 实际完成值).
fn unquoted(clause: &str) -> String {
    let mut out = String::new();
    let mut rest = clause;
    while let Some((before, after)) = rest.split_once('“') {
        out.push_str(before);
        rest = after.split_once('”').map_or("", |(_, r)| r);
    }
    out.push_str(rest);
    out
}

/// What an absence clause claims absent, one entry per thing named, so that a list that loses
/// a name ("本年度无上级补助收入、事业收入" → "本年度无事业收入") claims nothing new. A numbered
/// part of 九 ("1. 本年未发生因公出国(境)业务" or, with one of its two zeros taken out, "1. 因公出国
/// (境)费支出决算为 0.00 万元") is named by its number.
fn atoms(clause: &str) -> Vec<String> {
    let numbered = clause
        .split_once(' ')
        .map(|(n, _)| n)
        .filter(|n| n.ends_with('.') || n.ends_with(')'))
        .filter(|n| n.chars().any(|c| c.is_ascii_digit()));
    if let Some(n) = numbered {
        return vec![n.to_owned()];
    }
    const LEADS: [&str; 3] = ["本年度无", "本单位当年无", "本单位无"];
    // "其中：" leads whichever clause comes first in 二: it names nothing.
    clause
        .trim_start_matches("其中：")
        .split('、')
        .map(|a| {
            LEADS
                .iter()
                .find_map(|l| a.strip_prefix(l))
                .unwrap_or(a)
                .to_owned()
        })
        .collect()
}

/// The clauses of `absences` by what they claim absent: atom → (count, a clause naming it).
fn claims(absences: &BTreeMap<String, usize>) -> BTreeMap<String, (usize, String)> {
    let mut out: BTreeMap<String, (usize, String)> = BTreeMap::new();
    for (clause, n) in absences {
        for atom in atoms(clause) {
            let e = out.entry(atom).or_insert((0, clause.clone()));
            e.0 += n;
        }
    }
    out
}

/// The text of every file of the unit (the record, its narratives, `_unit.yaml`), YAML comments
/// left out (they are the transcriber's notes, not the record).
fn unit_sources() -> String {
    let (unit, _) = RECORD.split_once('/').expect("unit/year");
    let mut out = String::new();
    for (path, bytes) in crate::support::files(&root().join("content").join(unit)) {
        let text = String::from_utf8_lossy(&bytes);
        for line in text.lines() {
            let line = match path.ends_with(".yaml") {
                true if line.trim_start().starts_with('#') => "",
                true => line.split(" # ").next().unwrap_or_default(),
                false => line,
            };
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// Sentences about the corpus, not about the record: true of the example by construction.
const CORPUS_FACTS: [&str; 1] = [
    // compare.html when the unit has no record of the prior year (a fact of content/).
    "本单位没有可供比较的以前年度记录",
];

fn record_text() -> String {
    std::fs::read_to_string(root().join("content").join(format!("{RECORD}.yaml")))
        .expect("the example record")
}

#[test]
fn the_removals_are_derived_from_the_yaml_and_reach_every_level() {
    let paths: Vec<String> = removals(&record_text())
        .into_iter()
        .map(|k| k.name)
        .collect();
    for expected in [
        "final_accounts",
        "final_accounts.income",
        "final_accounts.income.gov_fund",
        "final_accounts.lines",
        "final_accounts.lines[0].budget",
        "final_accounts.three_public.outbound.actual",
        "final_accounts.operating_costs",
        "final_accounts.procurement.goods",
        "final_accounts.assets.large_equipment",
        "final_accounts.narrative.income.change",
        // 十四's "本单位当年无…" stands on this key alone (issue 16).
        "final_accounts.narrative.special_funds_nil",
        "self_evaluation.goals",
        "every final_accounts …gov_fund",
        "projects",
    ] {
        assert!(
            paths.iter().any(|p| p == expected),
            "{expected} is not among the removals: {paths:#?}"
        );
    }
    assert!(!paths.iter().any(|p| p.contains("[1]")), "first items only");
}

/// Issue 16: no removal of a block makes a page claim the block's absence or print a figure
/// found neither in the record left nor in its data file; the table of block →
/// pages changed is printed for review (`cargo test honest -- --nocapture`).
#[test]
fn removing_a_block_never_makes_a_page_claim_its_absence() {
    let text = record_text();
    let sources = unit_sources();
    let html = |pages: BTreeMap<String, String>| -> BTreeMap<String, String> {
        pages
            .into_iter()
            .filter(|(p, _)| p.ends_with(".html"))
            .collect()
    };
    let base = html(site(&text, Profile::Public).expect("the example record builds"));
    let mut table = String::new();
    let mut failures = Vec::new();
    // Every absence the unchanged site states, until a removal shows which key it stands on.
    let mut unfounded: BTreeMap<(String, String), ()> = base
        .iter()
        .flat_map(|(path, page)| {
            absences(page, &sources)
                .into_keys()
                .filter(|s| !CORPUS_FACTS.iter().any(|f| s.contains(f)))
                .map(|s| ((path.clone(), s), ()))
        })
        .collect();
    let removals = removals(&text);
    // Built four at a time (each build is a fraction of a second; the whole is the test's time).
    let built: Vec<Result<BTreeMap<String, String>, String>> = std::thread::scope(|scope| {
        let chunks: Vec<_> = removals
            .chunks(removals.len().div_ceil(4).max(1))
            .map(|chunk| {
                let text = &text;
                scope.spawn(move || {
                    chunk
                        .iter()
                        .map(|r| site(&without(text, &r.keys), Profile::Public))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        chunks
            .into_iter()
            .flat_map(|h| h.join().expect("a build thread panicked"))
            .collect()
    });
    for (removal, pages) in removals.iter().zip(built) {
        let Ok(pages) = pages else {
            table.push_str(&format!("{:<58} required (refused)\n", removal.name));
            continue;
        };
        // Every figure of the 情况说明 is still in the record left or in its data file: no
        // total of incomplete parts, no share of an unknown whole (issue 16).
        if let (Some(page), Some(json)) = (pages.get(JUESUAN), pages.get(DATA)) {
            let (unknown, _) = figures::unknown_figures(page, &without(&text, &removal.keys), json);
            failures.extend(
                unknown
                    .into_iter()
                    .map(|u| format!("without {}: {JUESUAN}: {u}", removal.name)),
            );
        }
        let pages = html(pages);
        let mut changed = Vec::new();
        for (path, page) in &pages {
            let before = base.get(path);
            if before == Some(page) {
                continue;
            }
            changed.push(path.rsplit_once('/').map_or(path.as_str(), |p| p.1));
            let had = before.map(|b| absences(b, "")).unwrap_or_default();
            let now = absences(page, "");
            for s in had.keys().filter(|s| !now.contains_key(*s)) {
                unfounded.remove(&(path.clone(), s.clone()));
            }
            let had_claims = claims(&had);
            for (atom, (n, s)) in claims(&now) {
                if had_claims.get(&atom).map_or(0, |c| c.0) < n {
                    failures.push(format!("without {}: {path}: \"{s}\"", removal.name));
                }
            }
        }
        changed.sort_unstable();
        changed.dedup();
        table.push_str(&format!("{:<58} {}\n", removal.name, changed.join(" ")));
    }
    println!("block removed → pages changed\n{table}");
    // A sentence no removal takes away comes from no key: the template says it of every record.
    failures.extend(
        unfounded
            .into_keys()
            .map(|(path, s)| format!("{path}: \"{s}\" stands on no key of the record")),
    );
    assert!(
        failures.is_empty(),
        "{} sentence(s) claim an absence the record does not state, or print a figure it does not hold:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Issue 16: the internal profile marks what the public one leaves out: a block the record
/// leaves out (here "三公" and 政府采购) is "未填报" beside its heading on the internal page, and
/// neither its heading nor its table is on the public page.
#[test]
fn a_block_left_out_is_not_filed_internally_and_absent_from_the_public_page() {
    let text = record_text();
    let keys: Vec<Key> = removals(&text)
        .into_iter()
        .filter(|r| {
            r.name == "final_accounts.three_public" || r.name == "final_accounts.procurement"
        })
        .flat_map(|r| r.keys)
        .collect();
    assert_eq!(keys.len(), 2);
    let text = without(&text, &keys);
    let page = "units/qingling/2023/juesuan.html";
    let public = site(&text, Profile::Public).expect("builds");
    let public = &public[page];
    for absent in [
        "“三公”经费支出决算情况说明",
        "十一、政府采购支出说明",
        "公开09表",
        "未填报",
    ] {
        assert!(!public.contains(absent), "`{absent}` on the public page");
    }
    let internal = site(&text, Profile::Internal).expect("builds");
    let internal = &internal[page];
    for note in [
        "<h3>十一、政府采购支出说明</h3>\n<p class=\"not-filed\">未填报</p>",
        "<h3>九、财政拨款“三公”经费支出决算情况说明</h3>\n<p class=\"not-filed\">未填报</p>",
        "<p class=\"juesuan-empty not-filed\">未填报</p>",
    ] {
        assert!(
            internal.contains(note),
            "missing `{note}` on the internal page"
        );
    }
}

/// Issue 16: seed 003 prints 收入合计 11902.59 where its parts give 11092.59 (a finding), and a
/// 变动额 of −3505.64: the 2022 figure they imply (15408.23) is drawn nowhere, the one implied by
/// a consistent figure (支出合计 → 14598.23) is marked 推算 with its basis, and a 项目支出 derived
/// as 决算 − 基本 or a 政府采购 total summed from its kinds says so.
#[test]
fn a_figure_derived_from_a_figure_with_a_finding_is_not_published_as_fact() {
    let pages = site(&record_text(), Profile::Public).expect("builds");
    let page = &pages["units/qingling/2023/juesuan.html"];
    for implied in ["15408.23", "15,408.23"] {
        assert!(
            !page.contains(implied),
            "the implied 2022 收入合计 {implied} is drawn"
        );
    }
    for note in [
        "本年收入合计原文数与按分项计算数不一致，由原文变动额推算的上年数无法确定，未列示。",
        "本年支出合计上年数 14,598.23 为推算数：按本年数减原文所列变动额计算。",
        "合计行项目支出原文未列示，按支出合计减基本支出推算。",
        "政府采购支出总额 1798.11 万元（推算数：按政府采购货物、工程、服务支出之和计算，原文所列总额为 1788.11 万元",
    ] {
        assert!(page.contains(note), "missing `{note}`");
    }
}
