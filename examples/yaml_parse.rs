//! The YAML parse alone of a content folder: every `.yaml` file read and parsed by the same
//! YAML library gongkai uses (`serde-saphyr`), into nothing (`IgnoredAny`), on every core.
//! The floor that `bench/run.sh` sets `gongkai check` beside: check reads the same files and
//! also validates, scores and audits them.
//!
//! Usage: `cargo run --release --example yaml_parse -- CONTENT_DIR` (prints the files and bytes
//! parsed; exit 1 when a file does not parse).

use rayon::prelude::*;

fn main() -> std::process::ExitCode {
    let Some(dir) = std::env::args_os().nth(1) else {
        eprintln!("usage: yaml_parse CONTENT_DIR");
        return std::process::ExitCode::from(2);
    };
    let files: Vec<std::path::PathBuf> = walkdir::WalkDir::new(&dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "yaml"))
        .map(walkdir::DirEntry::into_path)
        .collect();
    let parsed: Vec<Result<usize, String>> = files
        .par_iter()
        .map(|path| {
            let text =
                std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
            serde_saphyr::from_str::<serde::de::IgnoredAny>(&text)
                .map(|_| text.len())
                .map_err(|e| format!("{}: {e}", path.display()))
        })
        .collect();
    let mut bytes = 0;
    for p in &parsed {
        match p {
            Ok(n) => bytes += n,
            Err(e) => {
                eprintln!("{e}");
                return std::process::ExitCode::FAILURE;
            }
        }
    }
    println!("{} files, {bytes} bytes parsed", parsed.len());
    std::process::ExitCode::SUCCESS
}
