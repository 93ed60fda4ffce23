//! Integration tests: output (atomic, guarded writing of a built site).
//!
//! Each test works in its own sandbox: `<tmp>/project` is the current folder, holding
//! `content/`; `<tmp>/home` is the home folder. Nothing reads or changes the process's real
//! current folder or `HOME`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use gongkai::{Error, Fault, OutputEnv, RenderedFile, WriteSummary, write_site_in};
use tempfile::TempDir;

mod build;
mod killed;
mod recovery;
mod refused;

const MARKER: &str = ".gongkai-output";
const MARKER_TEXT: &str = "This folder was built by gongkai (公开), a static site generator.\n\
gongkai replaces it completely on every build: do not keep other files here.\n";

/// A file tree: relative path → contents (`None` for a folder).
type Tree = BTreeMap<String, Option<Vec<u8>>>;

struct Sandbox {
    _dir: TempDir,
    root: PathBuf,
    env: OutputEnv,
}

impl Sandbox {
    fn new() -> Sandbox {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let root = std::fs::canonicalize(dir.path()).expect("the sandbox resolves");
        let env = OutputEnv {
            cwd: root.join("project"),
            home: Some(root.join("home")),
            content_dir: PathBuf::from("content"),
        };
        let sandbox = Sandbox {
            _dir: dir,
            root,
            env,
        };
        sandbox.file("project/content/qingling/2023.yaml", "unit: qingling\n");
        sandbox.file("home/.profile", "export A=1\n");
        sandbox
    }

    /// Absolute path of `rel` inside the sandbox.
    fn path(&self, rel: &str) -> PathBuf {
        self.root.join(rel)
    }

    fn file(&self, rel: &str, text: &str) -> &Sandbox {
        let path = self.path(rel);
        let parent = path.parent().expect("a path inside the sandbox");
        std::fs::create_dir_all(parent).expect("sandbox folders are writable");
        std::fs::write(&path, text).expect("sandbox files are writable");
        self
    }

    /// Writes a site that must succeed.
    fn write(&self, output: &str, files: &[(&str, &str)]) -> WriteSummary {
        self.try_write(output, files, Fault::None)
            .unwrap_or_else(|e| panic!("writing to `{output}` failed: {e}"))
    }

    fn try_write(
        &self,
        output: &str,
        files: &[(&str, &str)],
        fault: Fault,
    ) -> Result<WriteSummary, Error> {
        write_site_in(Path::new(output), &site(files), &self.env, fault)
    }

    /// Everything under `rel`.
    fn tree(&self, rel: &str) -> Tree {
        tree(&self.path(rel))
    }

    /// The `.gongkai-*` folders beside `project/output`.
    fn siblings(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(self.path("project"))
            .expect("the project folder lists")
            .map(|e| {
                e.expect("an entry")
                    .file_name()
                    .to_string_lossy()
                    .into_owned()
            })
            .filter(|n| n.starts_with(".gongkai-"))
            .collect();
        names.sort();
        names
    }
}

fn site(files: &[(&str, &str)]) -> Vec<RenderedFile> {
    files
        .iter()
        .map(|(path, text)| RenderedFile {
            path: (*path).to_owned(),
            bytes: text.as_bytes().to_vec(),
        })
        .collect()
}

fn tree(dir: &Path) -> Tree {
    walkdir::WalkDir::new(dir)
        .min_depth(1)
        .sort_by_file_name()
        .into_iter()
        .map(|e| {
            let e = e.expect("the tree walks");
            let rel = e.path().strip_prefix(dir).expect("a path under the root");
            let rel = rel.to_string_lossy().replace('\\', "/");
            let bytes = e
                .file_type()
                .is_file()
                .then(|| std::fs::read(e.path()).expect("the file reads"));
            (rel, bytes)
        })
        .collect()
}

/// The tree a written site must have: its files, their folders, and the marker.
fn expected(files: &[(&str, &str)]) -> Tree {
    let mut t = Tree::new();
    for (path, text) in files {
        for (i, _) in path.match_indices('/') {
            t.insert(path[..i].to_owned(), None);
        }
        t.insert((*path).to_owned(), Some(text.as_bytes().to_vec()));
    }
    t.insert(MARKER.to_owned(), Some(MARKER_TEXT.as_bytes().to_vec()));
    t
}

fn usage(result: Result<WriteSummary, Error>) -> String {
    match result {
        Err(Error::Usage(message)) => message,
        other => panic!("expected a usage error, got {other:?}"),
    }
}

const V1: &[(&str, &str)] = &[
    ("index.html", "<h1>v1</h1>"),
    ("units/qingling/2023/index.html", "青菱 2023"),
    ("units/qingling/old.html", "stale"),
];
const V2: &[(&str, &str)] = &[
    ("index.html", "<h1>v2</h1>"),
    ("units/honghua/2022/index.html", "荣华 2022"),
    ("units/qingling/2023/index.html", "青菱 2023 v2"),
];

#[test]
fn rewriting_replaces_the_previous_site_completely() {
    let s = Sandbox::new();
    s.write("output", V1);
    let summary = s.write("output", V2);
    assert_eq!(s.tree("project/output"), expected(V2));
    let bytes = V2.iter().map(|(_, t)| t.len() as u64).sum();
    assert_eq!(
        summary,
        WriteSummary {
            files: 3,
            bytes,
            warnings: Vec::new()
        }
    );
    assert!(s.siblings().is_empty());
}

#[test]
fn the_first_write_creates_missing_parent_folders_and_the_marker() {
    let s = Sandbox::new();
    s.write("build/site", V1);
    assert_eq!(s.tree("project/build/site"), expected(V1));
}

#[test]
fn an_empty_existing_folder_is_accepted() {
    let s = Sandbox::new();
    std::fs::create_dir(s.path("project/output")).expect("an empty folder");
    s.write("output", V1);
    assert_eq!(s.tree("project/output"), expected(V1));
}

#[test]
fn files_are_written_in_sorted_path_order() {
    let s = Sandbox::new();
    let reversed: Vec<(&str, &str)> = V2.iter().rev().copied().collect();
    let _ = s.try_write("output", &reversed, Fault::KillAfterFiles(1));
    let [tmp] = s.siblings().try_into().expect("folders beside the output");
    assert_eq!(s.tree(&format!("project/{tmp}")), expected(&V2[..1]));
}

#[test]
fn a_failure_mid_write_leaves_the_previous_site_byte_identical_and_no_temp_folder() {
    let s = Sandbox::new();
    s.write("output", V1);
    let before = s.tree("project");
    let err = s
        .try_write("output", V2, Fault::FailAfterFiles(2))
        .expect_err("the injected failure");
    assert!(
        err.to_string().ends_with("failed by the test hook"),
        "{err}"
    );
    assert_eq!(s.tree("project"), before);
}

#[test]
fn a_failure_on_the_first_write_leaves_nothing_behind() {
    let s = Sandbox::new();
    let before = s.tree("project");
    assert!(s.try_write("output", V1, Fault::FailAfterFiles(3)).is_err());
    assert_eq!(s.tree("project"), before);
}

#[test]
fn a_kill_mid_write_keeps_the_previous_site_and_the_next_run_removes_the_temp_folder() {
    let s = Sandbox::new();
    s.write("output", V1);
    assert!(s.try_write("output", V2, Fault::KillAfterFiles(2)).is_err());
    assert_eq!(s.tree("project/output"), expected(V1));
    assert_eq!(s.siblings().len(), 1);
    s.write("output", V2);
    assert_eq!(s.tree("project/output"), expected(V2));
    assert!(s.siblings().is_empty());
}

#[test]
fn a_kill_between_the_renames_leaves_the_old_site_complete_and_the_next_run_restores_it() {
    let s = Sandbox::new();
    s.write("output", V1);
    assert!(
        s.try_write("output", V2, Fault::KillBetweenRenames)
            .is_err()
    );
    assert!(!s.path("project/output").exists());
    let [old, tmp] = s.siblings().try_into().expect("folders beside the output");
    assert!(old.starts_with(".gongkai-old-output-"), "{old}");
    assert_eq!(s.tree(&format!("project/{old}")), expected(V1));
    assert!(tmp.starts_with(".gongkai-tmp-output-"), "{tmp}");

    // A run that fails before its own swap still restores the previous site first.
    assert!(s.try_write("output", V2, Fault::FailAfterFiles(0)).is_err());
    assert_eq!(s.tree("project/output"), expected(V1));
    assert!(s.siblings().is_empty());
}

#[test]
fn an_interrupted_swap_is_recovered_from_a_lone_old_folder() {
    let s = Sandbox::new();
    s.file(
        "project/.gongkai-old-output-4242-0/.gongkai-output",
        "gongkai",
    )
    .file("project/.gongkai-old-output-4242-0/index.html", "old");
    let old = s.tree("project/.gongkai-old-output-4242-0");
    s.write("output", V2);
    assert_eq!(s.tree("project/output"), expected(V2));
    assert!(s.siblings().is_empty());

    s.file(
        "project/.gongkai-old-output-4242-0/.gongkai-output",
        "gongkai",
    )
    .file("project/.gongkai-old-output-4242-0/index.html", "old");
    std::fs::remove_dir_all(s.path("project/output")).expect("the output is removable");
    assert!(s.try_write("output", V2, Fault::FailAfterFiles(0)).is_err());
    assert_eq!(s.tree("project/output"), old);
    assert!(s.siblings().is_empty());
}

#[test]
fn several_old_folders_and_no_output_are_refused_and_both_kept() {
    let s = Sandbox::new();
    s.file("project/.gongkai-old-output-1-0/a", "a")
        .file("project/.gongkai-old-output-2-0/b", "b");
    let before = s.tree("project");
    let message = usage(s.try_write("output", V1, Fault::None));
    let p = s.path("project");
    assert_eq!(
        message,
        format!(
            "不能把网站写到 `output`（`{out}`）：它不存在，而旁边有几个以前生成的网站\
             （`{one}`, `{two}`）；请把正确的那个留作输出文件夹，删掉其余的；什么也没有改动",
            out = p.join("output").display(),
            one = p.join(".gongkai-old-output-1-0").display(),
            two = p.join(".gongkai-old-output-2-0").display(),
        )
    );
    assert_eq!(s.tree("project"), before);
}

#[test]
fn stale_folders_of_this_output_are_removed_and_those_of_other_outputs_kept() {
    let s = Sandbox::new();
    s.write("output", V1);
    s.file("project/.gongkai-tmp-output-1-0/x", "x")
        .file("project/.gongkai-old-output-2-5/y", "y")
        .file("project/.gongkai-tmp-output-2-1-0/z", "of output-2")
        .file("project/.gongkai-tmp-outputs-1-0/z", "of outputs");
    s.write("output", V2);
    assert_eq!(
        s.siblings(),
        [".gongkai-tmp-output-2-1-0", ".gongkai-tmp-outputs-1-0"]
    );
    assert_eq!(s.tree("project/output"), expected(V2));
}
