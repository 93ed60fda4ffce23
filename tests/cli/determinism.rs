//! Issue 15, the determinism matrix: the same content gives the same bytes whatever the thread
//! count, time zone (an invalid one too), locale (Turkish included, whose dotless ı breaks
//! naive case mapping) or the order the content files were created in, in both profiles, on
//! the example site and a synthetic one. `SOURCE_DATE_EPOCH` changes the output (the date
//! shown) and is stable itself.
//!
//! `output/build.rs` and `site.rs` pin two or three of these combinations each; this module
//! runs the whole matrix.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::support::{example_project, files, project_with};

/// One build environment: `RAYON_NUM_THREADS`, `TZ`, `LANG` and `LC_ALL`, and whether the
/// content was written in reverse order.
struct Env {
    threads: &'static str,
    tz: &'static str,
    locale: &'static str,
    reversed: bool,
}

/// The first is the reference; every other must give the same bytes.
const MATRIX: [Env; 5] = [
    Env {
        threads: "1",
        tz: "UTC",
        locale: "C",
        reversed: false,
    },
    Env {
        threads: "4",
        tz: "Asia/Shanghai",
        locale: "zh_CN.UTF-8",
        reversed: true,
    },
    Env {
        threads: "4",
        tz: "America/New_York",
        locale: "tr_TR.UTF-8",
        reversed: false,
    },
    Env {
        threads: "1",
        tz: "Invalid/Nowhere",
        locale: "tr_TR.UTF-8",
        reversed: true,
    },
    Env {
        threads: "3",
        tz: "",
        locale: "",
        reversed: false,
    },
];

const EPOCH: &str = "1719705600";

/// Builds `project`'s content into `<project>/<name>` under `env` and returns the tree.
fn build(
    project: &Path,
    name: &str,
    env: &Env,
    profile: &str,
    epoch: Option<&str>,
) -> BTreeMap<String, Vec<u8>> {
    let out = project.join(name);
    let mut cmd = crate::support::gongkai().expect("binary builds");
    cmd.current_dir(project)
        .env("HOME", project.join("home"))
        .env("RAYON_NUM_THREADS", env.threads)
        .env("TZ", env.tz)
        .env("LANG", env.locale)
        .env("LC_ALL", env.locale)
        .env_remove("SOURCE_DATE_EPOCH")
        .args(["build", "--quiet", "--profile", profile, "--output"])
        .arg(&out);
    if let Some(epoch) = epoch {
        cmd.env("SOURCE_DATE_EPOCH", epoch);
    }
    cmd.assert().success();
    let tree = files(&out);
    std::fs::remove_dir_all(&out).expect("remove the build");
    tree
}

/// The paths where two trees differ (missing on either side or other bytes).
fn differing(a: &BTreeMap<String, Vec<u8>>, b: &BTreeMap<String, Vec<u8>>) -> Vec<String> {
    let mut paths: Vec<String> = a
        .iter()
        .filter(|(p, bytes)| b.get(*p) != Some(*bytes))
        .map(|(p, _)| p.clone())
        .collect();
    paths.extend(b.keys().filter(|p| !a.contains_key(*p)).cloned());
    paths
}

/// Builds the content of `sorted` (or its copy `reversed`, per [`Env::reversed`]) in `profile`
/// under each of `envs` (the first is the reference), with and without `SOURCE_DATE_EPOCH`.
fn matrix(label: &str, sorted: &Path, reversed: &Path, profile: &str, envs: &[&Env]) {
    let mut per_epoch = Vec::new();
    for epoch in [None, Some(EPOCH)] {
        let at = |env: &Env| if env.reversed { reversed } else { sorted };
        let reference = build(at(envs[0]), "site", envs[0], profile, epoch);
        for env in &envs[1..] {
            let tree = build(at(env), "site", env, profile, epoch);
            let diff = differing(&reference, &tree);
            assert!(
                diff.is_empty(),
                "{label}, {profile}, epoch {epoch:?}: RAYON_NUM_THREADS={} TZ={:?} LANG={:?} \
                 reversed={} differs from the reference in {diff:?}",
                env.threads,
                env.tz,
                env.locale,
                env.reversed
            );
        }
        per_epoch.push(reference);
    }
    assert!(
        !differing(&per_epoch[0], &per_epoch[1]).is_empty(),
        "{label}, {profile}: SOURCE_DATE_EPOCH changed nothing, so the matrix could not tell a \
         date that leaked in"
    );
}

#[test]
fn the_example_site_is_byte_identical_across_the_matrix_in_both_profiles() {
    let (_a, sorted) = example_project(false);
    let (_b, reversed) = example_project(true);
    let all: Vec<&Env> = MATRIX.iter().collect();
    matrix("example", &sorted, &reversed, "public", &all);
    // The internal profile renders findings too: the reference against the farthest setting.
    matrix(
        "example",
        &sorted,
        &reversed,
        "internal",
        &[&MATRIX[0], &MATRIX[3]],
    );
}

/// A project holding a synthetic corpus of `records` records, written in sorted or reverse
/// order.
fn synthetic(records: usize, reverse: bool) -> (tempfile::TempDir, PathBuf) {
    let mut sources = BTreeMap::new();
    let opts = gongkai::synth::Options {
        records,
        seed: 15,
        years: 4,
    };
    gongkai::synth::generate(opts, |rel, text| {
        sources.insert(rel, text);
        Ok::<(), std::convert::Infallible>(())
    })
    .unwrap_or_else(|never| match never {});
    project_with(sources, reverse)
}

#[test]
fn a_synthetic_site_is_byte_identical_across_the_matrix() {
    let (_a, sorted) = synthetic(8, false);
    let (_b, reversed) = synthetic(8, true);
    matrix(
        "synthetic",
        &sorted,
        &reversed,
        "public",
        &[&MATRIX[0], &MATRIX[1], &MATRIX[2]],
    );
}
