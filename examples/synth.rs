//! Writes a synthetic content folder for the benchmark (see `bench/run.sh`).
//!
//! Usage: `cargo run --release --example synth -- N DIR [--seed S] [--years Y]`
//!
//! In: N unit-years, a folder that must not exist yet or be empty. Out: `DIR/_site.yaml` and
//! ceil(N / Y) unit folders, the same units, years and table sizes as
//! `shared/bench/gen_peer_sites.py N … --seed S --years Y`. Deterministic for (N, S, Y).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use gongkai::synth::{Options, generate};

fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("synth: {message}");
            eprintln!("usage: synth N DIR [--seed S] [--years Y]");
            ExitCode::from(2)
        }
    }
}

fn run(args: Vec<String>) -> Result<(), String> {
    let mut opts = Options::default();
    let mut positional = Vec::new();
    let mut it = args.into_iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--seed" => opts.seed = number(it.next(), "--seed")?,
            "--years" => opts.years = number(it.next(), "--years")?,
            _ => positional.push(arg),
        }
    }
    let [n, dir] = positional.as_slice() else {
        return Err("expected N and DIR".to_owned());
    };
    opts.records = number(Some(n.clone()), "N")?;
    let dir = PathBuf::from(dir);
    if dir.exists()
        && std::fs::read_dir(&dir)
            .map_err(|e| format!("{}: {e}", dir.display()))?
            .next()
            .is_some()
    {
        return Err(format!("{} exists and is not empty", dir.display()));
    }
    let summary = generate(opts, |rel, text| write(&dir, &rel, &text))?;
    eprintln!(
        "wrote {} records ({} units x {} years, {} files) to {}",
        summary.records,
        summary.units,
        opts.years,
        summary.files,
        dir.display()
    );
    Ok(())
}

fn number<T: std::str::FromStr>(value: Option<String>, what: &str) -> Result<T, String> {
    value
        .as_deref()
        .and_then(|v| v.parse().ok())
        .ok_or_else(|| format!("{what} needs a whole number"))
}

fn write(dir: &Path, rel: &Path, text: &str) -> Result<(), String> {
    let path = dir.join(rel);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    }
    std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))
}
