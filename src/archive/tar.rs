//! `archive --tar`: one deterministic `.tar.gz` per snapshot.
//!
//! In: the snapshot's name and files (relative path → bytes). Out: the bytes of a POSIX ustar
//! archive, gzip-wrapped, with every folder and file under `<name>/` in sorted order, mtime 0,
//! uid/gid 0, no user or group names, modes 0755/0644. The same files give the same bytes.
//!
//! The tar is compressed with `flate2` (its pure-Rust backend) at the default level: a site is
//! mostly text and shrinks about tenfold. Pure: no IO.

use std::collections::BTreeSet;
use std::io::Write;

use crate::error::{Error, Result};

const BLOCK: usize = 512;

/// The `.tar.gz` bytes of a snapshot.
pub(super) fn tar_gz(name: &str, files: &[(String, &[u8])]) -> Result<Vec<u8>> {
    gzip(&tar(name, files)?).map_err(|source| Error::Io {
        action: "compress",
        path: format!("{name}.tar.gz").into(),
        source,
    })
}

/// A ustar archive of `files` under the folder `name`.
fn tar(name: &str, files: &[(String, &[u8])]) -> Result<Vec<u8>> {
    let mut folders: BTreeSet<String> = BTreeSet::from([format!("{name}/")]);
    for (path, _) in files {
        for (i, _) in path.match_indices('/') {
            folders.insert(format!("{name}/{}/", &path[..i]));
        }
    }
    // One sorted list of folders (ending in `/`) and files, so a folder precedes its contents.
    let mut entries: Vec<(String, Option<&[u8]>)> =
        folders.into_iter().map(|f| (f, None)).collect();
    entries.extend(files.iter().map(|(p, b)| (format!("{name}/{p}"), Some(*b))));
    entries.sort_by(|a, b| a.0.cmp(&b.0));

    let mut out = Vec::new();
    for (path, bytes) in entries {
        out.extend_from_slice(&header(&path, bytes.map(<[u8]>::len))?);
        if let Some(bytes) = bytes {
            out.extend_from_slice(bytes);
            out.resize(out.len().div_ceil(BLOCK) * BLOCK, 0);
        }
    }
    out.resize(out.len() + 2 * BLOCK, 0);
    Ok(out)
}

/// One ustar header; `size` is `None` for a folder.
fn header(path: &str, size: Option<usize>) -> Result<[u8; BLOCK]> {
    let mut h = [0u8; BLOCK];
    let (prefix, name) = split_name(path).ok_or_else(|| {
        Error::Usage(crate::lang::pick(
            format!("路径 `{path}` 太长，放不进 tar 归档包（ustar）"),
            format!("path `{path}` is too long for a tar archive (ustar)"),
        ))
    })?;
    h[..name.len()].copy_from_slice(name.as_bytes());
    octal(&mut h[100..108], if size.is_some() { 0o644 } else { 0o755 });
    octal(&mut h[108..116], 0); // uid
    octal(&mut h[116..124], 0); // gid
    octal(&mut h[124..136], size.unwrap_or(0) as u64);
    octal(&mut h[136..148], 0); // mtime
    h[156] = if size.is_some() { b'0' } else { b'5' };
    h[257..263].copy_from_slice(b"ustar\0");
    h[263..265].copy_from_slice(b"00");
    h[345..345 + prefix.len()].copy_from_slice(prefix.as_bytes());
    h[148..156].copy_from_slice(b"        ");
    let sum: u64 = h.iter().map(|&b| u64::from(b)).sum();
    octal(&mut h[148..155], sum);
    h[155] = b' ';
    Ok(h)
}

/// Splits a path into ustar's prefix (≤ 155 bytes) and name (≤ 100 bytes) at a `/`.
fn split_name(path: &str) -> Option<(&str, &str)> {
    if path.len() <= 100 {
        return Some(("", path));
    }
    path.match_indices('/')
        .map(|(i, _)| (&path[..i], &path[i + 1..]))
        .find(|(p, n)| p.len() <= 155 && n.len() <= 100 && !n.is_empty())
}

/// Writes `value` as zero-padded octal filling the field but its last byte (a NUL).
fn octal(field: &mut [u8], value: u64) {
    let digits = field.len() - 1;
    let text = format!("{value:0digits$o}");
    let text = &text.as_bytes()[text.len().saturating_sub(digits)..];
    field[..digits].copy_from_slice(text);
    field[digits] = 0;
}

/// A gzip member of `data` compressed at deflate's default level, with no name, mtime 0 and
/// operating system "unknown" (255). `miniz_oxide` (pinned by Cargo.lock) is pure Rust and
/// deterministic, so equal data gives equal bytes on every machine.
fn gzip(data: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut encoder = flate2::GzBuilder::new()
        .mtime(0)
        .operating_system(255)
        .write(
            Vec::with_capacity(data.len() / 4),
            flate2::Compression::default(),
        );
    encoder.write_all(data)?;
    encoder.finish()
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use super::*;

    #[test]
    fn entries_are_sorted_with_folders_first_and_fixed_metadata() {
        let files = [
            ("site/b.html".to_owned(), &b"b"[..]),
            ("a.json".to_owned(), &b"{}"[..]),
        ];
        let tar = tar("snap", &files).expect("tar");
        let names: Vec<String> = tar
            .chunks(BLOCK)
            .filter(|h| &h[257..262] == b"ustar")
            .map(|h| {
                String::from_utf8_lossy(&h[..100])
                    .trim_end_matches('\0')
                    .to_owned()
            })
            .collect();
        assert_eq!(
            names,
            ["snap/", "snap/a.json", "snap/site/", "snap/site/b.html"]
        );
        assert_eq!(tar.len() % BLOCK, 0);
        assert_eq!(&tar[136..148], b"00000000000\0", "mtime 0");
    }

    #[test]
    fn long_paths_are_split_and_impossible_ones_refused() {
        let long = format!("{}/{}", "a".repeat(120), "b".repeat(90));
        assert_eq!(split_name(&long).map(|(p, _)| p.len()), Some(120));
        assert!(header(&"c".repeat(101), Some(0)).is_err());
    }

    #[test]
    fn the_gzip_is_compressed_deterministic_and_decodes_to_the_tar() {
        let page = "<tr><td>一般公共服务支出</td><td>1,234.56</td></tr>\n".repeat(2_000);
        let files = [
            ("site/index.html".to_owned(), page.as_bytes()),
            ("site/empty.csv".to_owned(), &b""[..]),
        ];
        let tar = tar("snap", &files).expect("tar");
        let gz = tar_gz("snap", &files).expect("tar.gz");
        assert!(
            gz.len() * 10 < tar.len(),
            "{} of {} bytes",
            gz.len(),
            tar.len()
        );
        assert_eq!(
            gz,
            tar_gz("snap", &files).expect("tar.gz"),
            "same bytes again"
        );
        assert_eq!(
            &gz[..10],
            &[0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff],
            "no name, mtime 0"
        );
        let mut decoded = Vec::new();
        flate2::read::GzDecoder::new(&gz[..])
            .read_to_end(&mut decoded)
            .expect("decodes");
        assert!(decoded == tar, "decodes to the tar");
    }
}
