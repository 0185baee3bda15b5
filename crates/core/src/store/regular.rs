//! Opening the files the app reads or locks, refusing anything that is not a
//! regular file before it can block: a FIFO named like a data file, the lock
//! file or an ad would otherwise hang `open(2)` until a writer comes.

use std::fs::{File, Metadata, OpenOptions};
use std::io;
use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
use std::path::Path;

/// What kind of file `m` describes, in words, if it is not a regular file.
pub fn not_regular(m: &Metadata) -> Option<&'static str> {
    let t = m.file_type();
    Some(if t.is_file() {
        return None;
    } else if t.is_dir() {
        "a folder"
    } else if t.is_fifo() {
        "a FIFO"
    } else if t.is_char_device() || t.is_block_device() {
        "a device"
    } else if t.is_socket() {
        "a socket"
    } else {
        "not a file"
    })
}

/// The error for a path that is not a regular file: kind `InvalidInput`,
/// text "not a regular file (a FIFO)".
fn refused(kind: &str) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidInput,
        format!("not a regular file ({kind})"),
    )
}

/// Opens `path` with `opts` only if it is a regular file (symlinks followed)
/// or does not exist yet. The open itself never blocks (`O_NONBLOCK`, which
/// regular files ignore), so a FIFO swapped in after the check cannot hang
/// it either; the opened file is checked once more.
fn open_with(opts: &mut OpenOptions, path: &Path) -> io::Result<File> {
    match std::fs::metadata(path) {
        Ok(m) => {
            if let Some(kind) = not_regular(&m) {
                return Err(refused(kind));
            }
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => return Err(e),
    }
    let file = opts.custom_flags(libc::O_NONBLOCK).open(path)?;
    if let Some(kind) = not_regular(&file.metadata()?) {
        return Err(refused(kind));
    }
    Ok(file)
}

/// Opens the regular file `path` for reading; anything else is refused with
/// "not a regular file (...)" and never waited on.
pub fn open_read(path: &Path) -> io::Result<File> {
    open_with(OpenOptions::new().read(true), path)
}

/// Opens (creating it if needed, never truncating) the regular file `path`
/// for writing, as a lock file is; anything else is refused.
pub fn open_lock(path: &Path) -> io::Result<File> {
    open_with(
        OpenOptions::new().create(true).truncate(false).write(true),
        path,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fifo_is_refused_at_once_and_a_file_opens() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("f");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(made.success());
        let e = open_read(&fifo).unwrap_err();
        assert_eq!(e.to_string(), "not a regular file (a FIFO)");
        assert!(open_lock(&fifo).is_err());
        assert!(open_read(dir.path()).is_err());
        let file = dir.path().join("x");
        std::fs::write(&file, "x").unwrap();
        assert!(open_read(&file).is_ok());
        assert!(open_lock(&dir.path().join("new.lock")).is_ok());
    }
}
