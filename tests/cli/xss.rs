//! Issue 15, the XSS sweep: a site whose every text field holds a hostile payload, built with
//! the real binary in both profiles, then every output file is checked for a payload that
//! escaped its context (see `xss/scan.rs`).
//!
//! The documents are generated from the format's JSON Schemas (`xss/generate.rs`), themselves
//! generated from `src/load/raw.rs`: a new text field is swept without touching this test. Each
//! field carries a unique marker, so the test also proves the payloads reached the pages (it
//! cannot pass by publishing nothing).

use std::path::{Path, PathBuf};

use serde_json::Value;
use tempfile::TempDir;

use crate::support::files;

mod generate;
mod scan;

use generate::Sweep;

/// The two years of the hostile unit: two records, so the comparison pages and trend files
/// are built too.
const YEARS: [u16; 2] = [2022, 2023];

/// A project whose `content/` holds one unit with hostile `_site.yaml`, `_unit.yaml`, two
/// records and a narrative.
struct Hostile {
    _dir: TempDir,
    path: PathBuf,
    sweep: Sweep,
}

impl Hostile {
    fn new() -> Hostile {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = std::fs::canonicalize(dir.path()).expect("resolves");
        let mut sweep = Sweep::default();
        let content = path.join("content");
        let site = sweep.instance("_site.yaml", &gongkai::site_schema());
        write_yaml(&content.join("_site.yaml"), &site);
        let unit = sweep.instance("_unit.yaml", &gongkai::unit_schema());
        let id = unit["id"].as_str().expect("the unit id").to_owned();
        write_yaml(&content.join(&id).join("_unit.yaml"), &unit);
        for year in YEARS {
            let file = format!("{year}.yaml");
            let mut record = sweep.instance(&file, &gongkai::record_schema());
            record["year"] = Value::from(year);
            let yaml = write_yaml(&content.join(&id).join(&file), &record);
            // The document is valid: the sweep tests escaping, not the loader's messages.
            if let Err(e) = gongkai::parse_record(&format!("content/{id}/{file}"), yaml.as_bytes())
            {
                panic!("the generated {file} should parse, but:\n{e}");
            }
        }
        let md = format!("{}/01-payload.md", YEARS[1]);
        let text = generate::narrative(&mut sweep, &md);
        let md_path = content.join(&id).join(&md);
        std::fs::create_dir_all(md_path.parent().expect("parent")).expect("mkdir");
        std::fs::write(md_path, text).expect("write");
        Hostile {
            _dir: dir,
            path,
            sweep,
        }
    }

    /// Builds the site in `profile` into `out-<profile>` with the real binary.
    fn build(&self, profile: &str) -> PathBuf {
        let out = self.path.join(format!("out-{profile}"));
        crate::support::gongkai()
            .expect("binary builds")
            .current_dir(&self.path)
            .env("HOME", &self.path)
            .env("SOURCE_DATE_EPOCH", "1719705600")
            .args(["build", "--quiet", "--profile", profile, "--output"])
            .arg(&out)
            .assert()
            .success();
        out
    }
}

/// Writes `value` as YAML (JSON is YAML: every payload survives in a double-quoted scalar with
/// its escapes) and returns the text. JSON leaves DEL, NEL and U+2028/U+2029 raw, which YAML
/// does not take raw (or reads as line breaks): they are written as escapes.
fn write_yaml(path: &Path, value: &Value) -> String {
    let mut text = serde_json::to_string_pretty(value).expect("serializes");
    // Figures marked by the generator: `"\u0001-3.34%"` → `-3.34%` (a plain scalar).
    while let Some(at) = text.find("\"\\u0001") {
        let rest = &text[at + 7..];
        let end = rest.find('"').expect("the figure's closing quote");
        let figure = rest[..end].to_owned();
        text.replace_range(at..at + 7 + end + 1, &figure);
    }
    for c in ['\u{7f}', '\u{85}', '\u{2028}', '\u{2029}'] {
        text = text.replace(c, &format!("\\u{:04x}", u32::from(c)));
    }
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    std::fs::write(path, &text).expect("write");
    text
}

/// Builds in `profile`, scans every file and asserts nothing escaped and at least `floor`
/// distinct fields were published. Returns the fields that never appeared.
fn sweep(profile: &str, floor: usize) -> Vec<String> {
    let site = Hostile::new();
    let out = site.build(profile);
    let mut found = scan::Findings::default();
    let all = files(&out);
    // Every scanner has files to read, or the sweep would pass without looking.
    for kind in ["sitemap.xml", ".html", ".csv", ".json", ".js"] {
        assert!(
            all.keys().any(|p| p.ends_with(kind)),
            "no {kind} file in the {profile} site"
        );
    }
    for (path, bytes) in &all {
        scan::scan(path, bytes, &mut found);
    }
    let fields = &site.sweep.fields;
    assert!(
        found.problems.is_empty(),
        "{} problem(s) in the {profile} site ({} files); the first ones:\n{}",
        found.problems.len(),
        all.len(),
        found.problems[..found.problems.len().min(40)].join("\n")
    );
    let in_pages = (0..fields.len())
        .filter(|n| found.in_pages.contains(n))
        .count();
    let missing: Vec<String> = (0..fields.len())
        .filter(|n| !found.landed.contains(n))
        .map(|n| format!("{} {}", Sweep::marker(n), fields[n]))
        .collect();
    eprintln!(
        "{profile}: {in_pages} of {} fields shown in the pages, {} in some file of {}; in none: \
         {missing:?}",
        fields.len(),
        fields.len() - missing.len(),
        all.len()
    );
    assert!(
        in_pages >= floor,
        "only {in_pages} of {} fields reached the {profile} site's pages (at least {floor} should)",
        fields.len()
    );
    missing
}

// The floors: 143 (public) and 147 (internal) of 254 fields showed in the pages when this was
// written (most of the rest reach only `data/*.json` and the search index); 120 leaves room
// for a template to drop a field while still proving the payloads were published.
#[test]
fn every_text_field_is_escaped_wherever_it_lands_in_the_public_site() {
    let missing = sweep("public", 120);
    // Personal data is never published (issue 15 checks the public profile keeps it out).
    for field in ["2023.yaml:contact.name", "2023.yaml:contact.phone"] {
        assert!(
            missing.iter().any(|m| m.ends_with(field)),
            "{field} reached the public site"
        );
    }
}

#[test]
fn every_text_field_is_escaped_wherever_it_lands_in_the_internal_site() {
    sweep("internal", 120);
}

#[test]
fn the_sweep_fills_every_text_field_of_the_schemas() {
    let site = Hostile::new();
    let fields = &site.sweep.fields;
    // A field the schema gained is swept at once; one that lost its text type (or a generator
    // that stopped descending) shows here.
    for field in [
        "_site.yaml:title",
        "_unit.yaml:aliases[0]",
        "2023.yaml:projects[0].goals[0].indicators[0].target",
        "2023.yaml:final_accounts.narrative.procurement.reason",
        "2023.yaml:targets.funds.income[0].name",
        "2023/01-payload.md:link",
    ] {
        assert!(fields.iter().any(|f| f == field), "{field} is not swept");
    }
    assert!(fields.len() > 200, "{} fields", fields.len());
}
