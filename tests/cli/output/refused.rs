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
        "不能把网站写到 `{output}`（`{}`）：{why}；什么也没有改动",
        resolved.display()
    )
}

#[test]
fn the_current_folder_is_refused() {
    let s = Sandbox::new();
    let why = "它就是当前文件夹";
    assert_refused(&s, ".", &refusal(".", &s.path("project"), why));
}

#[test]
fn a_parent_of_the_current_folder_is_refused() {
    let s = Sandbox::new();
    let why = "它包含了当前文件夹";
    assert_refused(&s, "..", &refusal("..", &s.root, why));
}

#[test]
fn the_file_system_root_is_refused() {
    let s = Sandbox::new();
    let message = "不能把网站写到 `/`：它是文件系统的根目录；什么也没有改动";
    assert_refused(&s, "/", message);
}

#[test]
fn the_home_folder_and_its_parents_are_refused() {
    let mut s = Sandbox::new();
    let home = s.path("home");
    assert_refused(
        &s,
        "../home",
        &refusal("../home", &home, "它就是你的主文件夹"),
    );
    s.env.home = Some(s.path("users/me"));
    s.file("users/me/.profile", "");
    let why = "它包含了你的主文件夹";
    assert_refused(&s, "../users", &refusal("../users", &s.path("users"), why));
}

#[test]
fn the_content_folder_and_its_parents_are_refused() {
    let mut s = Sandbox::new();
    let content = s.path("project/content");
    assert_refused(
        &s,
        "content",
        &refusal("content", &content, "它就是内容文件夹"),
    );
    s.env.content_dir = s.path("data/content");
    s.file("data/content/a.yaml", "");
    let why = "它包含了内容文件夹";
    assert_refused(&s, "../data", &refusal("../data", &s.path("data"), why));
}

/// Issue 15: `--output content/site` was accepted, after which the content was invalid (a
/// stray folder) until the site was deleted by hand.
#[test]
fn a_folder_inside_the_content_folder_is_refused() {
    let s = Sandbox::new();
    let why = "它在内容文件夹里面";
    for output in ["content/site", "content/qingling/2023"] {
        let resolved = s.path("project").join(output);
        assert_refused(&s, output, &refusal(output, &resolved, why));
    }
}

#[test]
fn a_non_empty_folder_gongkai_did_not_build_is_refused() {
    let s = Sandbox::new();
    s.file("project/docs/notes.md", "mine");
    let why = "这个文件夹里有不是 gongkai 放进去的文件（没有 `.gongkai-output` 标记）；\
               请清空它，或另选一个输出文件夹";
    assert_refused(&s, "docs", &refusal("docs", &s.path("project/docs"), why));
}

#[test]
fn a_file_at_the_output_path_is_refused() {
    let s = Sandbox::new();
    s.file("project/output", "not a folder");
    let why = "它是文件，不是文件夹";
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
    let why = "它是一个指向不存在位置的符号链接";
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
    let mut want = String::from("输出路径不能用，什么也没有写入：");
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
        ("../x", "`../x` 有一段是 `..`"),
        ("/abs", "`/abs` 是绝对路径"),
        ("a\\b", "`a\\\\b` 含有反斜杠（请用 `/`）"),
        ("a//b", "`a//b` 有空的一段（`//` 或结尾的 `/`）"),
        ("./a", "`./a` 有一段是 `.`"),
        ("a/./b", "`a/./b` 有一段是 `.`"),
        ("a\u{7}b", "`a\\u{7}b` 含有控制字符"),
        ("a\u{0}b", "`a\\0b` 含有控制字符"),
        ("C:/x", "`C:/x` 带有 Windows 盘符"),
        ("", "`` 是空的"),
    ];
    for (path, line) in cases {
        assert_rejected(&[("ok.html", "ok"), (path, "x")], &[line]);
    }
}

#[test]
fn a_duplicate_path_is_rejected() {
    let files = [("a.html", "1"), ("b.html", "2"), ("a.html", "3")];
    assert_rejected(&files, &["`a.html` 出现了不止一次"]);
}

#[test]
fn a_path_that_is_both_a_file_and_a_folder_is_rejected() {
    let files = [("units", "1"), ("units.html", "2"), ("units/a.html", "3")];
    assert_rejected(&files, &["`units` 是文件，但别的路径要把它当文件夹用"]);
}

#[test]
fn the_marker_name_is_reserved() {
    let files = [(MARKER, "mine")];
    assert_rejected(&files, &["`.gongkai-output` 是留给 gongkai 标记文件的名字"]);
}

#[test]
fn every_bad_path_is_listed_at_once_in_sorted_order() {
    let files = [("z/../a", "1"), ("/b", "2"), ("ok", "3"), ("ok", "4")];
    let lines = [
        "`/b` 是绝对路径",
        "`ok` 出现了不止一次",
        "`z/../a` 有一段是 `..`",
    ];
    assert_rejected(&files, &lines);
}
