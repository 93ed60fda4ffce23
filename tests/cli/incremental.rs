//! Incremental builds through the binary: after a change, a build over the previous output
//! equals, byte for byte, a clean build of the changed content into an empty folder; and an
//! unchanged rebuild renders nothing.

use std::path::PathBuf;

use tempfile::TempDir;

use crate::support::{age, example_project, files, root};

/// A project folder holding a copy of the example content.
struct Project {
    _dir: TempDir,
    path: PathBuf,
}

impl Project {
    /// The example content, every file last modified an hour ago (see [`age`]).
    fn new() -> Project {
        let (dir, path) = example_project(false);
        age(&path.join("content"));
        Project { _dir: dir, path }
    }

    /// How many units the last build took over without loading them (from its stderr).
    fn taken_over(stderr: &str) -> usize {
        let line = stderr
            .lines()
            .find(|l| l.starts_with("units: "))
            .unwrap_or_else(|| panic!("no units line in:\n{stderr}"));
        line.split_once(" (")
            .and_then(|(_, rest)| rest.split(' ').next())
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("no count in {line}"))
    }

    /// `gongkai build --verbose --output <output>`; returns stderr.
    fn build(&self, output: &str) -> String {
        self.build_with(output, &[])
    }

    /// `gongkai build --verbose --output <output> <extra…>`; returns stderr.
    fn build_with(&self, output: &str, extra: &[&str]) -> String {
        let out = crate::support::gongkai()
            .expect("binary builds")
            .current_dir(&self.path)
            .env("HOME", self.path.join("home"))
            .env_remove("SOURCE_DATE_EPOCH")
            .args(["--lang", "en", "build", "--verbose", "--output", output])
            .args(extra)
            .assert()
            .success()
            .get_output()
            .clone();
        String::from_utf8(out.stderr).expect("utf-8")
    }

    fn file(&self, rel: &str) -> PathBuf {
        self.path.join(rel)
    }

    /// Builds into `site`, applies `change`, builds into `site` again and into a fresh folder,
    /// asserts both trees are equal and returns the stderr of the incremental build.
    fn rebuild_after(&self, change: impl FnOnce(&Project)) -> String {
        self.rebuild_with(&[], change)
    }

    /// [`Project::rebuild_after`] with extra build arguments.
    fn rebuild_with(&self, extra: &[&str], change: impl FnOnce(&Project)) -> String {
        self.build_with("site", extra);
        change(self);
        let incremental = self.build_with("site", extra);
        self.build_with("clean", extra);
        let (a, b) = (files(&self.file("site")), files(&self.file("clean")));
        assert_eq!(
            a.keys().collect::<Vec<_>>(),
            b.keys().collect::<Vec<_>>(),
            "the incremental build has other files than the clean one"
        );
        let differing: Vec<&String> = a
            .iter()
            .filter(|(p, v)| b[*p] != **v)
            .map(|(p, _)| p)
            .collect();
        assert!(differing.is_empty(), "files differ: {differing:?}");
        incremental
    }
}

/// `(rendered, unchanged)` from the `write:` line of a verbose build.
fn counts(stderr: &str) -> (usize, usize) {
    let line = stderr
        .lines()
        .find(|l| l.starts_with("write: "))
        .unwrap_or_else(|| panic!("no write line in:\n{stderr}"));
    let inner = line
        .split_once(" (")
        .map(|(_, rest)| rest)
        .and_then(|s| s.split(')').next())
        .unwrap_or_else(|| panic!("no counts in {line}"));
    let numbers: Vec<usize> = inner
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .map(|s| s.parse().expect("number"))
        .collect();
    match numbers.as_slice() {
        [rendered, unchanged] => (*rendered, *unchanged),
        _ => panic!("unexpected counts in {line}"),
    }
}

/// Replaces `from` by `to` in a content file, asserting it was there.
fn edit(project: &Project, rel: &str, from: &str, to: &str) {
    let path = project.file(rel);
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(text.contains(from), "`{from}` not in {rel}");
    std::fs::write(&path, text.replacen(from, to, 1)).expect("write");
}

#[test]
fn an_unchanged_rebuild_renders_nothing_and_takes_every_file_over() {
    let project = Project::new();
    let first = project.build("site");
    let before = files(&project.file("site"));
    let (rendered, unchanged) = counts(&first);
    assert!(rendered > 40 && unchanged == 0, "{first}");
    let again = project.build("site");
    assert_eq!(counts(&again), (0, rendered), "{again}");
    assert_eq!(Project::taken_over(&again), 4, "no unit loaded: {again}");
    assert_eq!(files(&project.file("site")), before);
}

#[test]
fn editing_a_record_rerenders_only_its_unit_and_equals_a_clean_build() {
    let project = Project::new();
    let stderr = project.rebuild_after(|p| {
        edit(
            p,
            "content/huashan/2020.yaml",
            "year: 2020",
            "year: 2020 # edited",
        );
        edit(
            p,
            "content/qingling/2023/01-gaikuang.md",
            "\n",
            "\n\n增补一段说明。\n\n",
        );
    });
    let (rendered, unchanged) = counts(&stderr);
    assert!(rendered > 0 && unchanged > 0, "{stderr}");
    assert_eq!(
        Project::taken_over(&stderr),
        2,
        "huanghelou and ronghua are not loaded: {stderr}"
    );
    // The other two units' pages are taken over.
    let site = files(&project.file("site"));
    let ronghua = site.keys().filter(|p| p.contains("ronghua")).count();
    assert!(unchanged >= ronghua, "{stderr}");
}

/// Issue 20: a unit whose files change (a comment added) but whose pages do not is rendered
/// again, and each page that comes out the same bytes is linked to the previous one, not
/// written: nothing is written but what changed.
#[test]
fn pages_rendered_to_the_bytes_they_had_are_linked_not_written() {
    let project = Project::new();
    let stderr = project.rebuild_after(|p| {
        edit(
            p,
            "content/huashan/2020.yaml",
            "year: 2020",
            "year: 2020 # a comment: no page changes",
        );
    });
    assert_eq!(
        Project::taken_over(&stderr),
        3,
        "huashan is loaded: {stderr}"
    );
    let (rendered, unchanged) = counts(&stderr);
    assert_eq!(rendered, 0, "every page came out as it was: {stderr}");
    assert!(unchanged > 40, "{stderr}");
    // A figure that shows: its pages are written, the other units' are not.
    let stderr = project.rebuild_after(|p| {
        edit(
            p,
            "content/qingling/2023.yaml",
            "    basic: 5197.65",
            "    basic: 5297.65",
        );
    });
    let (rendered, unchanged) = counts(&stderr);
    assert!(rendered > 0 && unchanged > rendered, "{stderr}");
}

/// Issue 19: the review desk and the index's finding counts of units taken over come from the
/// cache; after an edit that removes a finding they equal a clean build's.
#[test]
fn an_internal_rebuild_after_an_edit_keeps_the_review_desk_equal_to_a_clean_build() {
    let project = Project::new();
    let stderr = project.rebuild_with(&["--profile", "internal"], |p| {
        // huashan's 信访件办结率 score 4.5 becomes the rule's 4.99: its mismatch goes, and the
        // indicators no longer add up to the reported total (score.sum) instead.
        edit(p, "content/huashan/2020.yaml", "score: 4.5", "score: 4.99");
    });
    assert_eq!(Project::taken_over(&stderr), 3, "{stderr}");
    let review = std::fs::read_to_string(project.file("site/review.html")).expect("review");
    assert!(review.contains("data-code=\"score.sum\""), "{review}");
    assert!(!review.contains("goals[1].indicators[1].score"), "{review}");
}

#[test]
fn adding_a_record_equals_a_clean_build() {
    let project = Project::new();
    let stderr = project.rebuild_after(|p| {
        let text = std::fs::read_to_string(p.file("content/huanghelou/2021.yaml")).expect("read");
        assert!(text.contains("year: 2021"));
        let added = text.replacen("year: 2021", "year: 2022", 1);
        std::fs::write(p.file("content/huanghelou/2022.yaml"), added).expect("write");
    });
    assert!(counts(&stderr).1 > 0, "{stderr}");
    assert!(
        project
            .file("site/units/huanghelou/2022/index.html")
            .is_file()
    );
}

#[test]
fn deleting_a_record_equals_a_clean_build() {
    let project = Project::new();
    let stderr = project.rebuild_after(|p| {
        std::fs::remove_file(p.file("content/qingling/2020.yaml")).expect("remove");
    });
    // qingling comes last: the three units before it keep their search pages' numbers.
    assert_eq!(Project::taken_over(&stderr), 3, "{stderr}");
    assert!(!project.file("site/units/qingling/2020/index.html").exists());
    assert!(!project.file("site/data/qingling/2020").exists());
}

#[test]
fn issue19_a_record_gaining_a_juesuan_keeps_every_other_units_search_pages() {
    let project = Project::new();
    let stderr = project.rebuild_after(|p| {
        // qingling 2023's 决算 block, copied into the first unit's record.
        let qingling = std::fs::read_to_string(p.file("content/qingling/2023.yaml")).expect("read");
        let start = qingling.find("\nfinal_accounts:\n").expect("a 决算 block") + 1;
        let len = qingling[start..].find("\n\n#").expect("the block ends");
        let path = p.file("content/huanghelou/2021.yaml");
        let mut text = std::fs::read_to_string(&path).expect("read");
        assert!(!text.contains("final_accounts:"));
        text.push_str(&qingling[start..start + len + 1]);
        std::fs::write(&path, text).expect("write");
    });
    assert!(
        project
            .file("site/units/huanghelou/2021/juesuan.html")
            .is_file()
    );
    assert!(
        project.file("site/search/d/1.js").is_file(),
        "its 决算 search page"
    );
    // Two search pages per record whatever the record holds: the units after it keep their
    // numbers, so they are taken over without loading.
    assert_eq!(Project::taken_over(&stderr), 3, "{stderr}");
}

#[test]
fn editing_a_template_rerenders_everything_and_equals_a_clean_build() {
    let project = Project::new();
    let stderr = project.rebuild_after(|p| {
        let template = root().join("themes/default/templates/unit_year.html");
        let text = std::fs::read_to_string(template).expect("read");
        let to = p.file("themes/default/templates/unit_year.html");
        std::fs::create_dir_all(to.parent().expect("parent")).expect("mkdir");
        let end = "{% endblock content %}";
        assert!(text.contains(end));
        let edited = text.replacen(end, &format!("<!-- edited -->\n{end}"), 1);
        std::fs::write(to, edited).expect("write");
    });
    assert_eq!(counts(&stderr).1, 0, "{stderr}");
    let page = std::fs::read_to_string(project.file("site/units/qingling/2023/index.html"));
    assert!(page.expect("page").contains("<!-- edited -->"));
}

#[test]
fn a_corrupt_cache_or_a_tampered_file_falls_back_to_rendering() {
    let project = Project::new();
    project.rebuild_after(|p| {
        // The seal line kept, the manifest after it corrupt.
        let cache = p.file(".gongkai-cache-site.json");
        let text = std::fs::read_to_string(&cache).expect("the cache is beside the output");
        let seal = text.lines().next().expect("a seal line");
        std::fs::write(&cache, format!("{seal}\n{{not json")).expect("write");
    });
    let stderr = project.rebuild_after(|p| {
        // Files are shared between builds by hard links: replace, never modify in place.
        let page = p.file("site/units/ronghua/2022/index.html");
        std::fs::remove_file(&page).expect("remove");
        std::fs::write(&page, "tampered").expect("write");
    });
    assert_eq!(counts(&stderr).0, 1, "{stderr}");
}

#[test]
fn a_page_edited_in_place_keeping_its_length_is_rendered_again() {
    let project = Project::new();
    let stderr = project.rebuild_after(|p| {
        // Later than the previous build's manifest by more than the file system's clock step.
        std::thread::sleep(std::time::Duration::from_millis(50));
        let page = p.file("site/units/ronghua/2022/index.html");
        let text = std::fs::read_to_string(&page).expect("read");
        let at = text.find("</html>").expect("a page");
        let tampered = format!("{}</HTML>{}", &text[..at], &text[at + 7..]);
        assert_eq!(tampered.len(), text.len());
        std::fs::write(&page, tampered).expect("write in place");
    });
    assert_eq!(counts(&stderr).0, 1, "{stderr}");
}

#[test]
fn the_spare_is_reused_whatever_was_put_in_it_and_the_site_equals_a_clean_build() {
    let project = Project::new();
    project.build("site");
    project.build("site");
    // The previous site, which shares most of its files with the new one, waits beside the
    // output as the next build's spare.
    let spare = project.file(".gongkai-spare-site");
    assert!(spare.join("units/qingling/2023/index.html").is_file());
    // Whatever stands in it is never trusted: a stray file, a folder where a page goes, a file
    // where a folder goes, a page edited in place, an unknown file at the top.
    std::fs::write(spare.join("units/stray.html"), "stray").expect("write");
    std::fs::remove_file(spare.join("404.html")).expect("remove");
    std::fs::create_dir_all(spare.join("404.html/inside")).expect("mkdir");
    std::fs::remove_dir_all(spare.join("units/ronghua")).expect("remove");
    std::fs::write(spare.join("units/ronghua"), "a file").expect("write");
    // Replaced, not edited in place: the file may be the live site's too (a hard link).
    std::fs::remove_file(spare.join("units/huashan/index.html")).expect("remove");
    std::fs::write(spare.join("units/huashan/index.html"), "edited").expect("write");
    std::fs::write(spare.join("unknown.txt"), "unknown").expect("write");
    edit(
        &project,
        "content/qingling/2023.yaml",
        "    basic: 5197.65",
        "    basic: 5297.65",
    );
    let stderr = project.build("site");
    assert_eq!(Project::taken_over(&stderr), 3, "{stderr}");
    project.build("clean");
    assert!(
        files(&project.file("site")) == files(&project.file("clean")),
        "the site built in the spare equals a clean build"
    );
    // Most files were taken over or rendered to the bytes they had (linked, not written): the
    // previous site is kept as the spare again, and it is that site, not what was put in the
    // spare before.
    assert!(
        spare.is_dir(),
        "a spare after a build that wrote few files: {stderr}"
    );
    assert!(
        !spare.join("unknown.txt").exists() && !spare.join("units/stray.html").exists(),
        "the spare is the previous site"
    );
    // The next build is written into it and still equals a clean build.
    project.build("site");
    assert!(
        files(&project.file("site")) == files(&project.file("clean")),
        "the site built in the spare again equals a clean build"
    );
}

/// SplitMix64, so a failing run can be replayed from its seed.
fn next(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

#[cfg(unix)]
#[test]
fn an_incremental_build_killed_at_12_random_moments_leaves_the_old_or_the_new_site_complete() {
    const NARRATIVE: &str = "content/qingling/2023/01-gaikuang.md";
    let project = Project::new();
    let original = std::fs::read_to_string(project.file(NARRATIVE)).expect("read");
    let edited = format!("{original}\n\n增补一段说明。\n");
    project.build("site");
    let old = files(&project.file("site"));
    std::fs::write(project.file(NARRATIVE), &edited).expect("edit");
    let start = std::time::Instant::now();
    project.build("reference");
    let span = start.elapsed().as_micros().max(1000) as u64 * 6 / 5;
    let new = files(&project.file("reference"));
    assert_ne!(old, new, "the edit must change the site");

    let seed = 0x1AC2_0008_u64;
    let mut state = seed;
    for run in 0..12 {
        let delay = std::time::Duration::from_micros(next(&mut state) % span);
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("gongkai"))
            .current_dir(&project.path)
            .env("HOME", project.file("home"))
            .env_remove("SOURCE_DATE_EPOCH")
            .args(["build", "--quiet", "--output", "site"])
            .spawn()
            .expect("the build starts");
        std::thread::sleep(delay);
        let _ = child.kill(); // SIGKILL; it may have finished already.
        let _ = child.wait();
        let why = format!("run {run} (seed {seed:#x}, kill after {delay:?})");
        // A missing output (killed between two renames) is put back by the next build.
        if project.file("site").exists() {
            let now = files(&project.file("site"));
            assert!(
                now == old || now == new,
                "{why}: neither the old nor the new site"
            );
        }
        // Back to the old site, through an incremental build too.
        std::fs::write(project.file(NARRATIVE), &original).expect("revert");
        project.build("site");
        assert_eq!(
            files(&project.file("site")),
            old,
            "{why}: the old site rebuilt"
        );
        std::fs::write(project.file(NARRATIVE), &edited).expect("edit");
    }
    project.build("site");
    assert_eq!(files(&project.file("site")), new);
}

#[test]
fn files_modified_just_before_the_previous_build_are_loaded_again() {
    // Stamps that recent cannot be trusted (an edit within the clock's resolution would not
    // change them): every unit is loaded, and its unchanged files are still taken over.
    let (_dir, path) = example_project(false);
    let project = Project { _dir, path };
    project.build("site");
    let again = project.build("site");
    assert_eq!(Project::taken_over(&again), 0, "{again}");
    assert_eq!(counts(&again).0, 0, "nothing rendered: {again}");
}

#[test]
fn without_the_stamps_beside_the_output_every_unit_is_loaded_and_the_site_is_the_same() {
    let project = Project::new();
    project.build("site");
    let before = files(&project.file("site"));
    let stamps = project.file(".gongkai-stamps-site.json");
    assert!(stamps.is_file(), "the stamps are kept beside the output");
    std::fs::remove_file(&stamps).expect("remove");
    let again = project.build("site");
    assert_eq!(Project::taken_over(&again), 0, "{again}");
    assert_eq!(files(&project.file("site")), before);
    // Stamps that belong to another manifest are ignored too.
    let third = project.build("site");
    assert_eq!(Project::taken_over(&third), 4, "{third}");
    let mut file: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&stamps).expect("read")).expect("json");
    file["manifest"] = serde_json::Value::String("0".repeat(64));
    std::fs::write(&stamps, file.to_string()).expect("write");
    let fourth = project.build("site");
    assert_eq!(Project::taken_over(&fourth), 0, "{fourth}");
    assert_eq!(files(&project.file("site")), before);
}

/// Issue 15: the build cache holds what only the internal profile shows (finding counts per
/// unit); it lives beside the output, never in it, so a web server publishing the output
/// publishes nothing of it.
#[test]
fn the_build_cache_is_beside_the_output_and_never_in_it() {
    let project = Project::new();
    project.build("site");
    assert!(project.file(".gongkai-cache-site.json").is_file());
    assert!(project.file(".gongkai-stamps-site.json").is_file());
    let own: Vec<String> = files(&project.file("site"))
        .into_keys()
        .filter(|p| p.starts_with(".gongkai"))
        .collect();
    assert_eq!(own, [".gongkai-output"], "only the marker is gongkai's own");
    let again = project.build("site");
    assert_eq!(counts(&again).0, 0, "the cache beside is used: {again}");
}

/// A cache beside the output that describes another site than the live one (a build killed
/// after its swap, before placing its cache; an older output copied back) is not trusted: it
/// is tied to the live site's marker file.
#[test]
fn a_cache_of_another_site_is_not_trusted() {
    let project = Project::new();
    project.build("site");
    let old_cache = std::fs::read(project.file(".gongkai-cache-site.json")).expect("cache");
    let old_stamps = std::fs::read(project.file(".gongkai-stamps-site.json")).expect("stamps");
    edit(
        &project,
        "content/qingling/2023.yaml",
        "11092.59",
        "11093.59",
    );
    age(&project.file("content"));
    project.build("site");
    // The content as the first build saw it, and that build's cache and stamps put back
    // beside the second build's site: taken at its word, the cache would take the second
    // build's qingling pages (same lengths) over for the first build's content.
    edit(
        &project,
        "content/qingling/2023.yaml",
        "11093.59",
        "11092.59",
    );
    age(&project.file("content"));
    std::fs::write(project.file(".gongkai-cache-site.json"), old_cache).expect("write");
    std::fs::write(project.file(".gongkai-stamps-site.json"), old_stamps).expect("write");
    let stderr = project.build("site");
    assert_eq!(Project::taken_over(&stderr), 0, "{stderr}");
    assert_eq!(counts(&stderr).1, 0, "nothing taken over: {stderr}");
    project.build("clean");
    assert_eq!(files(&project.file("site")), files(&project.file("clean")));
}
