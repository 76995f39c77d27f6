//! Every file the command line writes is written whole: into a temporary file in the same folder,
//! flushed, then renamed over the old one. A crash, a kill or a full disk leaves either the old
//! file or the new one, never a cut one.

use crate::failure::Failure;
use std::fs::{self, File};
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// How soon the new file must survive a power cut.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Durability {
    /// An editor's data (articles, the manifest): on disk before the rename.
    Now,
    /// Derived files (pages, lists, sitemaps), of which a build writes hundreds of thousands:
    /// flushed together by `sync_folder` before the manifest records them.
    Batched,
}

/// Writes `data` to `path` whole, creating its folder. The message names the file and says when
/// the disk is full.
pub fn write_whole(path: &Path, data: &[u8], durability: Durability) -> Result<(), Failure> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    make_folder(dir).map_err(|e| describe(dir, &e))?;
    let temporary = temporary_name(path);
    let written = (|| {
        let mut file = File::create(&temporary)?;
        file.write_all(data)?;
        file.flush()?;
        if durability == Durability::Now {
            file.sync_all()?;
        }
        fs::rename(&temporary, path)
    })();
    written.map_err(|e| {
        let _ = fs::remove_file(&temporary);
        describe(path, &e).into()
    })
}

/// Makes `dir` unless it is there. One system call for a folder that is there or new (a build
/// writes 300,000 files, most in a folder of their own): `create_dir_all` would also look at
/// a folder that is there, and a file where a folder should be is refused when it is written.
fn make_folder(dir: &Path) -> std::io::Result<()> {
    match fs::create_dir(dir) {
        Err(e) if e.kind() == ErrorKind::NotFound => fs::create_dir_all(dir),
        Err(e) if e.kind() != ErrorKind::AlreadyExists => Err(e),
        _ => Ok(()),
    }
}

/// `.<name>.<pid>.<n>.tmp` in the same folder, so the rename never crosses file systems (nor
/// folders, which would take the file system's one rename lock) and two processes never share
/// one.
fn temporary_name(path: &Path) -> PathBuf {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    static PID: std::sync::OnceLock<u32> = std::sync::OnceLock::new();
    let pid = PID.get_or_init(std::process::id);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    path.with_file_name(format!(".{name}.{pid}.{n}.tmp"))
}

/// Whether `path` is named as `write_whole` names its temporary files.
pub fn is_temporary(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    let Some(inner) = name.strip_prefix('.').and_then(|n| n.strip_suffix(".tmp")) else {
        return false;
    };
    let mut parts = inner.rsplitn(3, '.');
    let numeric =
        |p: Option<&str>| p.is_some_and(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    numeric(parts.next()) && numeric(parts.next()) && parts.next().is_some_and(|n| !n.is_empty())
}

/// An I/O error as the editor is told it: which file, and what to do about a full disk.
pub fn describe(path: &Path, error: &std::io::Error) -> String {
    if error.kind() == ErrorKind::StorageFull || error.raw_os_error() == Some(28) {
        format!(
            "{}: the disk is full; the file was left as it was. Free some space and run the command again",
            path.display()
        )
    } else {
        format!("{}: {error}", path.display())
    }
}

/// Flushes everything written on the file system holding `dir` (one call for a whole build).
pub fn sync_folder(dir: &Path) -> Result<(), Failure> {
    let folder = File::open(dir).map_err(|e| describe(dir, &e))?;
    #[cfg(target_os = "linux")]
    {
        use std::os::fd::AsRawFd;
        // SAFETY: syncfs only reads the descriptor, which `folder` keeps open for the call.
        if unsafe { libc::syncfs(folder.as_raw_fd()) } != 0 {
            return Err(describe(dir, &std::io::Error::last_os_error()).into());
        }
    }
    #[cfg(not(target_os = "linux"))]
    folder.sync_all().map_err(|e| describe(dir, &e))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_file_and_leaves_no_temporary() {
        let dir = std::env::temp_dir().join(format!("trimova-write-{}", std::process::id()));
        let path = dir.join("a").join("file.json");
        write_whole(&path, b"one", Durability::Now).unwrap();
        write_whole(&path, b"two", Durability::Batched).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "two");
        let names: Vec<_> = fs::read_dir(path.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["file.json"]);
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn temporaries_are_known_by_their_name() {
        let temporary = temporary_name(Path::new("/site/uk/a-1/index.html"));
        assert!(is_temporary(&temporary), "{}", temporary.display());
        for other in [
            "index.html",
            ".index.html",
            ".x.1.tmp",
            "a.1.2.tmp",
            ".index.html.a.2.tmp",
        ] {
            assert!(!is_temporary(Path::new(other)), "{other}");
        }
    }
}
