//! Bytes of a content file → text, and diagnostics not tied to a field.
//!
//! In: a file's bytes and its path (for messages). Out: its text without a leading BOM, or a
//! located [`Diagnostic`]: a file over [`MAX_FILE_BYTES`] is refused before anything else, and
//! invalid UTF-8 is reported at the line and column of the first bad byte. Never panics.

use std::sync::Arc;

use crate::error::{Diagnostic, Location, render_snippet};

/// The largest content file read: a year's record is a few hundred kilobytes at most.
pub(crate) const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// Text that may hold pieces of the input, made safe to print: control characters become
/// spaces, and it is cut at 300 characters.
pub(crate) fn clean(s: &str) -> String {
    let mut out: String = s
        .chars()
        .take(300)
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if s.chars().nth(300).is_some() {
        out.push('…');
    }
    out
}

/// A diagnostic about a whole file or folder (no line to show): line and column 0 print as the
/// bare path.
pub(crate) fn path_diagnostic(path: &str, message: String) -> Diagnostic {
    Diagnostic {
        location: Location {
            path: clean(path),
            line: 0,
            col: 0,
        },
        field: None,
        message: clean(&message),
        snippet: String::new(),
    }
}

/// A diagnostic at a position of `source`, with its snippet.
pub(crate) fn at(path: &str, source: &str, line: u32, col: u32, message: String) -> Diagnostic {
    Diagnostic {
        location: Location {
            path: path.to_owned(),
            line,
            col,
        },
        field: None,
        message,
        snippet: render_snippet(source, line, col),
    }
}

/// The message for a file that is too large.
pub(crate) fn too_large(len: u64) -> String {
    crate::lang::pick(
        format!("文件应不超过 8 MiB，实际有 {len} 字节（一份记录远比这小；是不是选错了文件？）"),
        format!(
            "expected a file of at most 8 MiB, found {len} bytes (a record is far smaller; is this the right file?)"
        ),
    )
}

/// Decodes a content file: size limit, UTF-8, BOM.
pub(crate) fn decode(path: &str, bytes: &[u8]) -> Result<Arc<str>, Diagnostic> {
    let len = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if len > MAX_FILE_BYTES {
        return Err(at(path, "", 1, 1, too_large(len)));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Arc::from(text)),
        Err(e) => {
            let good = bytes.get(..e.valid_up_to()).unwrap_or_default();
            // The prefix is valid by construction; lossy conversion never changes it.
            let prefix = String::from_utf8_lossy(good);
            let line = prefix.matches('\n').count() + 1;
            let col = prefix.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            let clamp = |v: usize| u32::try_from(v).unwrap_or(u32::MAX);
            let shown = String::from_utf8_lossy(bytes);
            let bad = bytes
                .get(e.valid_up_to()..)
                .and_then(|rest| rest.first())
                .map_or_else(String::new, |b| {
                    crate::lang::pick(format!("（字节 0x{b:02X}）"), format!(" (byte 0x{b:02X})"))
                });
            Err(at(
                path,
                &shown,
                clamp(line),
                clamp(col),
                crate::lang::pick(
                    format!(
                        "应为 UTF-8 编码的文字，实际有无法识别的字节{bad}；请把文件另存为 UTF-8 编码"
                    ),
                    format!(
                        "expected UTF-8 text, found an invalid byte sequence{bad}; save the file as UTF-8"
                    ),
                ),
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_a_bom_and_reads_utf8() {
        let t = decode("x.yaml", b"\xEF\xBB\xBFyear: 2023\n");
        assert_eq!(t.as_deref(), Ok("year: 2023\n"));
    }

    #[test]
    fn locates_the_first_invalid_byte() {
        let bytes = ["a: 1\nname: 青".as_bytes(), b"\xFF"].concat();
        let d = decode("x.yaml", &bytes).err();
        let d = d.map(|d| (d.location.line, d.location.col));
        assert_eq!(d, Some((2, 8)));
    }

    #[test]
    fn refuses_a_huge_file_at_once() {
        let big = vec![b'a'; 9 * 1024 * 1024];
        let d = decode("x.yaml", &big).err();
        assert!(d.is_some_and(|d| d.message.contains("8 MiB")));
    }
}
