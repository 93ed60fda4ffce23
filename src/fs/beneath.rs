//! Reading a file below a root folder without following a symbolic link at any depth.
//!
//! In: a [`Root`] (a folder opened once: `content/`, a theme folder) and the names below it that
//! a walk found. Out: the file's bytes, or why it was refused ([`Refused`]). Never follows a
//! link, never reads anything but a regular file on the root's device, never reads more than
//! the limit it is given.
//!
//! Issue 15: the walk checks each entry with `lstat`, but a file read later by path was opened
//! with `std::fs::read`, which follows links: a narrative replaced by a link to `/etc/passwd`
//! between the walk and the read was published. On Linux the file is opened with `openat2`
//! below the root's handle with `RESOLVE_NO_SYMLINKS` (a link at any component, a unit folder
//! as much as the file, is refused), or where `openat2` is missing (kernels before 5.6, some
//! sandboxes) one `openat(O_NOFOLLOW)` per component; the opened handle is then checked with
//! `fstat` and read. Elsewhere each component is checked with `symlink_metadata` before the
//! file is opened: a best effort, since a link swapped in between the check and the open is
//! followed.
//!
//! A hard link cannot be told from a file: `content/a.md` hard-linked to a file elsewhere on the
//! same file system *is* that file. Refusing every file with more than one link would refuse
//! files that backup and deduplication tools link on purpose, so hard links are read; whoever
//! can create one in `content/` can already write the content.

use std::io::Read as _;
use std::path::Path;
#[cfg(not(target_os = "linux"))]
use std::path::PathBuf;

use crate::error::{Error, Result};

/// Why a file below a [`Root`] was not read.
#[derive(Debug)]
pub(crate) enum Refused {
    /// A symbolic link stands at the file or at one of the folders on its way.
    Link,
    /// The file is a folder, device, FIFO or socket, not a regular file.
    NotFile,
    /// The file is on another file system than the root (a mount point inside it).
    OtherDevice,
    /// The file holds more bytes than the limit (its length, or what was read before stopping).
    TooLarge(u64),
    /// The system could not open or read it.
    Io(std::io::Error),
}

/// A folder opened once, below which files are read by name.
#[derive(Debug)]
pub(crate) struct Root {
    /// The path opened (the checks by path start from it).
    #[cfg(not(target_os = "linux"))]
    path: PathBuf,
    #[cfg(target_os = "linux")]
    fd: rustix::fd::OwnedFd,
    /// The device the root is on; `None` where the system does not tell.
    dev: Option<u64>,
}

impl Root {
    /// Opens the folder at `path` (a link at `path` itself is followed: the user named it).
    ///
    /// Errors: [`Error::Io`] naming `path` when it cannot be opened as a folder.
    pub(crate) fn open(path: &Path) -> Result<Root> {
        let io = |source: std::io::Error| Error::Io {
            action: "open",
            path: path.to_owned(),
            source,
        };
        #[cfg(target_os = "linux")]
        {
            use rustix::fs::{Mode, OFlags};
            let flags = OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC;
            let fd = rustix::fs::open(path, flags, Mode::empty()).map_err(|e| io(e.into()))?;
            let dir = std::fs::File::from(fd);
            let dev = device(&dir.metadata().map_err(io)?);
            Ok(Root {
                fd: dir.into(),
                dev,
            })
        }
        #[cfg(not(target_os = "linux"))]
        {
            let meta = std::fs::metadata(path).map_err(io)?;
            if !meta.is_dir() {
                return Err(io(std::io::Error::new(
                    std::io::ErrorKind::NotADirectory,
                    "not a folder",
                )));
            }
            Ok(Root {
                path: path.to_owned(),
                dev: device(&meta),
            })
        }
    }

    /// Reads the regular file at `names` below the root (`["qingling", "2023.yaml"]`), of at
    /// most `limit` bytes.
    pub(crate) fn read<S: AsRef<str>>(
        &self,
        names: &[S],
        limit: u64,
    ) -> std::result::Result<Vec<u8>, Refused> {
        let names: Vec<&str> = names.iter().map(AsRef::as_ref).collect();
        // The names come from a walk; one that could climb out or name two levels is refused
        // rather than trusted (the component-by-component paths would follow it).
        if names.is_empty()
            || names
                .iter()
                .any(|n| n.is_empty() || *n == "." || *n == ".." || n.contains(['/', '\\']))
        {
            return Err(Refused::Io(std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                format!("not a plain relative path: {}", names.join("/")),
            )));
        }
        #[cfg(target_os = "linux")]
        let file = linux::open(&self.fd, &names)?;
        #[cfg(not(target_os = "linux"))]
        let file = self.open_file(&names)?;
        self.read_opened(file, limit)
    }

    /// Reads a file opened below the root once `fstat` on its handle says it is a regular file
    /// on the root's device.
    fn read_opened(
        &self,
        file: impl Into<std::fs::File>,
        limit: u64,
    ) -> std::result::Result<Vec<u8>, Refused> {
        let file: std::fs::File = file.into();
        let meta = file.metadata().map_err(Refused::Io)?;
        if !meta.file_type().is_file() {
            return Err(Refused::NotFile);
        }
        if self.dev.is_some() && device(&meta) != self.dev {
            return Err(Refused::OtherDevice);
        }
        read_limited(file, meta.len(), limit)
    }

    /// Checks each component with `symlink_metadata`, then opens the file: a best effort.
    #[cfg(not(target_os = "linux"))]
    fn open_file(&self, names: &[&str]) -> std::result::Result<std::fs::File, Refused> {
        let mut path = self.path.clone();
        let mut is_file = false;
        for name in names {
            path.push(name);
            let meta = std::fs::symlink_metadata(&path).map_err(Refused::Io)?;
            if meta.file_type().is_symlink() {
                return Err(Refused::Link);
            }
            is_file = meta.is_file();
        }
        // Checked before the open too: opening a FIFO for reading would wait for a writer.
        if !is_file {
            return Err(Refused::NotFile);
        }
        std::fs::File::open(&path).map_err(Refused::Io)
    }
}

/// The device of a file's metadata, where the system tells.
fn device(meta: &std::fs::Metadata) -> Option<u64> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt as _;
        Some(meta.dev())
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        None
    }
}

/// Reads an opened file of `len` bytes (its handle's length, not the walk's) whole, refusing
/// it once it holds more than `limit` bytes: a file growing while read stops at the limit.
fn read_limited(
    file: std::fs::File,
    len: u64,
    limit: u64,
) -> std::result::Result<Vec<u8>, Refused> {
    if len > limit {
        return Err(Refused::TooLarge(len));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(Refused::Io)?;
    let read = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if read > limit {
        return Err(Refused::TooLarge(read));
    }
    Ok(bytes)
}

#[cfg(target_os = "linux")]
mod linux {
    //! `openat2` below the root, or one `openat(O_NOFOLLOW)` per component where it is missing.

    use std::sync::atomic::{AtomicBool, Ordering};

    use rustix::fd::{AsFd, OwnedFd};
    use rustix::fs::{AtFlags, FileType, Mode, OFlags, ResolveFlags};
    use rustix::io::Errno;

    use super::Refused;

    /// Set once `openat2` answered that it does not exist, so later reads go straight to the
    /// fallback.
    static NO_OPENAT2: AtomicBool = AtomicBool::new(false);

    /// The file's flags: `NONBLOCK` so that a FIFO swapped in does not hang the build at the
    /// open (it is refused by `fstat` next; reading a regular file ignores the flag).
    const FILE: OFlags = OFlags::RDONLY
        .union(OFlags::CLOEXEC)
        .union(OFlags::NOFOLLOW)
        .union(OFlags::NONBLOCK)
        .union(OFlags::NOCTTY);

    /// Opens `names` below `root`, refusing a link at any component.
    pub(super) fn open(root: &OwnedFd, names: &[&str]) -> Result<OwnedFd, Refused> {
        if !NO_OPENAT2.load(Ordering::Relaxed) {
            let rel = names.join("/");
            let resolve =
                ResolveFlags::BENEATH | ResolveFlags::NO_SYMLINKS | ResolveFlags::NO_MAGICLINKS;
            // `EAGAIN`: the kernel saw a rename during the lookup and asks for a retry. `EXDEV`:
            // what was found is no longer below the root (the file or a folder on its way was
            // moved out while it was looked up; the names hold no `..`): look again.
            let mut moved = false;
            for _ in 0..8 {
                match rustix::fs::openat2(root, rel.as_str(), FILE, Mode::empty(), resolve) {
                    Ok(fd) => return Ok(fd),
                    Err(Errno::AGAIN) => continue,
                    Err(Errno::XDEV) => {
                        moved = true;
                        continue;
                    }
                    Err(Errno::LOOP) => return Err(Refused::Link),
                    // Missing (ENOSYS), or blocked by a sandbox's filter (EPERM, which a plain
                    // read-only open never returns otherwise).
                    Err(Errno::NOSYS | Errno::PERM) => {
                        NO_OPENAT2.store(true, Ordering::Relaxed);
                        break;
                    }
                    Err(e) => return Err(Refused::Io(e.into())),
                }
            }
            if moved {
                return Err(Refused::Io(std::io::Error::other(
                    "the file kept moving out of its folder while it was opened; build again",
                )));
            }
        }
        by_components(root, names)
    }

    /// One `openat(O_NOFOLLOW)` per component, each below the folder opened before it.
    pub(super) fn by_components(root: &OwnedFd, names: &[&str]) -> Result<OwnedFd, Refused> {
        let Some((file, dirs)) = names.split_last() else {
            return Err(Refused::NotFile);
        };
        let folder = OFlags::RDONLY | OFlags::DIRECTORY | OFlags::NOFOLLOW | OFlags::CLOEXEC;
        let mut held: Option<OwnedFd> = None;
        for name in dirs {
            let at = held.as_ref().map_or(root.as_fd(), AsFd::as_fd);
            let next = rustix::fs::openat(at, *name, folder, Mode::empty())
                .map_err(|e| refusal(at, name, e))?;
            held = Some(next);
        }
        let at = held.as_ref().map_or(root.as_fd(), AsFd::as_fd);
        rustix::fs::openat(at, *file, FILE, Mode::empty()).map_err(|e| refusal(at, file, e))
    }

    /// What an `openat` error means: `ELOOP` under `O_NOFOLLOW` is a link; `ENOTDIR` may be a
    /// link too (asked again without following, only to word the message).
    fn refusal(at: rustix::fd::BorrowedFd<'_>, name: &str, e: Errno) -> Refused {
        match e {
            Errno::LOOP => Refused::Link,
            Errno::NOTDIR => match rustix::fs::statat(at, name, AtFlags::SYMLINK_NOFOLLOW) {
                Ok(st) if FileType::from_raw_mode(st.st_mode) == FileType::Symlink => Refused::Link,
                _ => Refused::Io(e.into()),
            },
            e => Refused::Io(e.into()),
        }
    }
}

#[cfg(test)]
#[path = "beneath_tests.rs"]
mod tests;
