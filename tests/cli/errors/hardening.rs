//! Issue 15 regressions: `_site.yaml` validated once for `check` and `build` (theme folder,
//! `base_url`), strict years and numbers, terminal-safe output. Each case asserts the whole
//! message, as `gongkai check --content content` prints it inside the case folder.

use assert_cmd::Command;

use crate::support::{assert_text, fixture, load_invalid};

/// The message of a run with exactly one error.
fn one(diagnostic: &str) -> String {
    format!("error: {diagnostic}\n1 error in the content")
}

/// Runs `gongkai <args>` inside `tests/fixtures/invalid/<case>`: (exit code, stdout, stderr).
fn run_in(case: &str, args: &[&str]) -> (Option<i32>, String, String) {
    let out = Command::cargo_bin("gongkai")
        .expect("binary built")
        .current_dir(fixture(&format!("invalid/{case}")))
        .args(args)
        .output()
        .expect("gongkai runs");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

const UNKNOWN_THEME: &str = "content/_site.yaml:2:8: theme: expected `default` or the name of a folder in `themes/`, found `nosuch` (the folder `themes/nosuch` is missing)
  |
2 | theme: nosuch
  |        ^";

#[test]
fn issue15_a_missing_theme_folder_is_a_located_site_error() {
    assert_text(&load_invalid("unknown_theme"), &one(UNKNOWN_THEME));
}

#[test]
fn issue15_check_and_build_refuse_a_missing_theme_alike() {
    let expected = format!("{}\n", one(UNKNOWN_THEME));
    let (code, _, stderr) = run_in("unknown_theme", &["check", "--content", "content"]);
    assert_eq!(code, Some(2), "check: {stderr}");
    assert_text(&stderr, &expected);
    let out = tempfile::tempdir().expect("temp dir");
    let output = out.path().join("site");
    let output = output.to_str().expect("UTF-8 temp path");
    let (code, _, stderr) = run_in(
        "unknown_theme",
        &["build", "--content", "content", "--output", output],
    );
    assert_eq!(code, Some(2), "build: {stderr}");
    assert_text(&stderr, &expected);
}

#[test]
fn issue15_a_base_url_with_a_control_character_is_a_located_error() {
    assert_text(
        &load_invalid("base_url_control"),
        &one(r#"content/_site.yaml:2:11: base_url: expected a URL without spaces, control characters or non-characters, found U+0001 at character 21 of `https://example.org/ gongkai`
  |
2 | base_url: "https://example.org/\u0001gongkai"
  |           ^"#),
    );
}

#[test]
fn issue15_a_base_url_with_a_non_character_stops_the_build_before_the_sitemap() {
    let expected = one(
        "content/_site.yaml:2:11: base_url: expected a URL without spaces, control characters or non-characters, found U+FFFE at character 28 of `https://example.org/gongkai\u{FFFE}`
  |
2 | base_url: \"https://example.org/gongkai\\uFFFE\"
  |           ^",
    );
    assert_text(&load_invalid("base_url_noncharacter"), &expected);
    let out = tempfile::tempdir().expect("temp dir");
    let output = out.path().join("site");
    let (code, _, stderr) = run_in(
        "base_url_noncharacter",
        &["build", "--content", "content", "--output"]
            .into_iter()
            .chain(output.to_str())
            .collect::<Vec<_>>(),
    );
    assert_eq!(code, Some(2), "{stderr}");
    assert_text(&stderr, &format!("{expected}\n"));
    assert!(!output.join("sitemap.xml").exists(), "nothing is written");
}
