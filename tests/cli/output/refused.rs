//! Refused outputs and rejected paths: each names the problem exactly and changes nothing.

use std::path::Path;

use gongkai::Fault;

use super::{MARKER, Sandbox, V1, usage};

/// Asserts that writing to `output` is refused with exactly `message` and changes nothing.
fn assert_refused(s: &Sandbox, output: &str, message: &str) {
    let before = s.tree("");
    assert_eq!(usage(s.try_write(output, V1, Fault::None)), message);
    assert_eq!(s.tree(""), before, "something changed");
}

fn refusal(output: &str, resolved: &Path, why: &str) -> String {
    format!(
        "refusing to write the site to `{output}` (`{}`): {why}; nothing was changed",
        resolved.display()
    )
}

#[test]
fn the_current_folder_is_refused() {
    let s = Sandbox::new();
    let why = "it is the current folder";
    assert_refused(&s, ".", &refusal(".", &s.path("project"), why));
}

#[test]
fn a_parent_of_the_current_folder_is_refused() {
    let s = Sandbox::new();
    let why = "it contains the current folder";
    assert_refused(&s, "..", &refusal("..", &s.root, why));
}

#[test]
fn the_file_system_root_is_refused() {
    let s = Sandbox::new();
    let message = "refusing to write the site to `/`: it is the root of the file system; \
                   nothing was changed";
    assert_refused(&s, "/", message);
}

#[test]
fn the_home_folder_and_its_parents_are_refused() {
    let mut s = Sandbox::new();
    let home = s.path("home");
    assert_refused(
        &s,
        "../home",
        &refusal("../home", &home, "it is your home folder"),
    );
    s.env.home = Some(s.path("users/me"));
    s.file("users/me/.profile", "");
    let why = "it contains your home folder";
    assert_refused(&s, "../users", &refusal("../users", &s.path("users"), why));
}

#[test]
fn the_content_folder_and_its_parents_are_refused() {
    let mut s = Sandbox::new();
    let content = s.path("project/content");
    assert_refused(
        &s,
        "content",
        &refusal("content", &content, "it is the content folder"),
    );
    s.env.content_dir = s.path("data/content");
    s.file("data/content/a.yaml", "");
    let why = "it contains the content folder";
    assert_refused(&s, "../data", &refusal("../data", &s.path("data"), why));
}

/// Issue 15: `--output content/site` was accepted, after which the content was invalid (a
/// stray folder) until the site was deleted by hand.
#[test]
fn a_folder_inside_the_content_folder_is_refused() {
    let s = Sandbox::new();
    let why = "it is inside the content folder";
    for output in ["content/site", "content/qingling/2023"] {
        let resolved = s.path("project").join(output);
        assert_refused(&s, output, &refusal(output, &resolved, why));
    }
}

#[test]
fn a_non_empty_folder_gongkai_did_not_build_is_refused() {
    let s = Sandbox::new();
    s.file("project/docs/notes.md", "mine");
    let why = "it is a folder with files that gongkai did not put there (no `.gongkai-output` \
               marker); empty it or choose another output folder";
    assert_refused(&s, "docs", &refusal("docs", &s.path("project/docs"), why));
}

#[test]
fn a_file_at_the_output_path_is_refused() {
    let s = Sandbox::new();
    s.file("project/output", "not a folder");
    let why = "it is a file, not a folder";
    assert_refused(
        &s,
        "output",
        &refusal("output", &s.path("project/output"), why),
    );
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_to_nothing_is_refused() {
    let s = Sandbox::new();
    std::os::unix::fs::symlink("nowhere", s.path("project/output")).expect("a link");
    let why = "it is a symbolic link to nothing";
    assert_refused(
        &s,
        "output",
        &refusal("output", &s.path("project/output"), why),
    );
}

/// Asserts that the given files are rejected with exactly these lines and nothing changes.
fn assert_rejected(files: &[(&str, &str)], lines: &[&str]) {
    let s = Sandbox::new();
    s.write("output", V1);
    let before = s.tree("");
    let message = usage(s.try_write("output", files, Fault::None));
    let mut want = String::from("invalid output paths; nothing was written:");
    for line in lines {
        want.push_str("\n  ");
        want.push_str(line);
    }
    assert_eq!(message, want);
    assert_eq!(s.tree(""), before, "something changed");
}

#[test]
fn each_unsafe_path_is_rejected_by_name_and_nothing_is_written() {
    let cases = [
        ("../x", "`../x` has a `..` segment"),
        ("/abs", "`/abs` is absolute"),
        ("a\\b", "`a\\\\b` contains a backslash (use `/`)"),
        (
            "a//b",
            "`a//b` has an empty segment (`//` or a trailing `/`)",
        ),
        ("./a", "`./a` has a `.` segment"),
        ("a/./b", "`a/./b` has a `.` segment"),
        ("a\u{7}b", "`a\\u{7}b` contains a control character"),
        ("a\u{0}b", "`a\\0b` contains a control character"),
        ("C:/x", "`C:/x` has a Windows drive prefix"),
        ("", "`` is empty"),
    ];
    for (path, line) in cases {
        assert_rejected(&[("ok.html", "ok"), (path, "x")], &[line]);
    }
}

#[test]
fn a_duplicate_path_is_rejected() {
    let files = [("a.html", "1"), ("b.html", "2"), ("a.html", "3")];
    assert_rejected(&files, &["`a.html` is given more than once"]);
}

#[test]
fn a_path_that_is_both_a_file_and_a_folder_is_rejected() {
    let files = [("units", "1"), ("units.html", "2"), ("units/a.html", "3")];
    assert_rejected(
        &files,
        &["`units` is a file but other paths need it as a folder"],
    );
}

#[test]
fn the_marker_name_is_reserved() {
    let files = [(MARKER, "mine")];
    assert_rejected(
        &files,
        &["`.gongkai-output` is reserved for gongkai's marker file"],
    );
}

#[test]
fn every_bad_path_is_listed_at_once_in_sorted_order() {
    let files = [("z/../a", "1"), ("/b", "2"), ("ok", "3"), ("ok", "4")];
    let lines = [
        "`/b` is absolute",
        "`ok` is given more than once",
        "`z/../a` has a `..` segment",
    ];
    assert_rejected(&files, &lines);
}
