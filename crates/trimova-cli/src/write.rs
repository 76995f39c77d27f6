//! Every file the command line writes is written whole: into a temporary file in the same folder,
//! flushed, then renamed over the old one. A crash, a kill or a full disk leaves either the old
//! file or the new one, never a cut one.

use crate::failure::Failure;
use crate::io_workers::on_io_workers;
use std::collections::BTreeSet;
use std::fs::{self, File};
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

/// How soon the new file must survive a power cut.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Durability {
    /// An editor's data (articles, the manifest): on disk before the rename.
    Now,
    /// Derived files (pages, lists, sitemaps), of which a build writes hundreds of thousands:
    /// flushed together (`Unflushed`) before the manifest records them.
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

/// The files a run wrote (or removed) with [`Durability::Batched`], flushed together before what
/// records them is written. A run that wrote a few (a republish: a few hundred files) flushes
/// each of them and the folders they are in; one that wrote many (a build) flushes the whole
/// file system at once. Flushing the file system for a few files would also wait for whatever
/// else the machine has written and not yet flushed: right after Hugo and Pagefind had written
/// theirs, a republish at 100,000 articles took 1.25 s this way, 0.77 s with nothing to wait for.
pub struct Unflushed {
    /// What to flush one by one: files, then folders; `None` past [`Unflushed::MOST`].
    paths: Mutex<Option<(BTreeSet<PathBuf>, BTreeSet<PathBuf>)>>,
    /// The folder the files are in (whose file system is flushed when they are many).
    root: PathBuf,
}

impl Unflushed {
    /// Past this many files, the file system is flushed whole.
    const MOST: usize = 4096;

    pub fn new(root: &Path) -> Unflushed {
        Unflushed {
            paths: Mutex::new(Some(Default::default())),
            root: root.to_path_buf(),
        }
    }

    /// `path` was written: it and the folders it is in (up to the root) are to be flushed.
    pub fn wrote(&self, path: &Path) {
        self.note(Some(path), path.parent());
    }

    /// `path` was removed (and maybe its folders): the folders it was in are to be flushed.
    pub fn removed(&self, path: &Path) {
        self.note(None, path.parent());
    }

    fn note(&self, file: Option<&Path>, mut folder: Option<&Path>) {
        let mut paths = self.paths.lock().unwrap_or_else(|e| e.into_inner());
        let Some((files, folders)) = paths.as_mut() else {
            return;
        };
        if files.len() + folders.len() >= Self::MOST {
            *paths = None;
            return;
        }
        files.extend(file.map(Path::to_path_buf));
        while let Some(dir) = folder.filter(|d| d.starts_with(&self.root)) {
            if !folders.insert(dir.to_path_buf()) {
                break;
            }
            folder = dir.parent();
        }
    }

    /// Flushes what was written: on disk when this returns.
    pub fn flush(self) -> Result<(), Failure> {
        let paths = self.paths.into_inner().unwrap_or_else(|e| e.into_inner());
        let Some((files, folders)) = paths else {
            return sync_folder(&self.root);
        };
        // Many at once: the file system's journal commits the flushes that wait together.
        let flush_all = |paths: Vec<PathBuf>| -> Result<(), Failure> {
            on_io_workers(&paths, |path| {
                match File::open(path).and_then(|f| f.sync_all()) {
                    Ok(()) => Ok(()),
                    // Removed since (a folder left empty), or written again and removed: nothing
                    // of it to keep.
                    Err(e) if e.kind() == ErrorKind::NotFound => Ok(()),
                    Err(e) => Err(describe(path, &e)),
                }
            })?;
            Ok(())
        };
        flush_all(files.into_iter().collect())?;
        flush_all(folders.into_iter().collect())
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

    #[test]
    fn a_few_files_are_flushed_with_their_folders_and_many_with_the_file_system() {
        let root = std::env::temp_dir().join(format!("trimova-flush-{}", std::process::id()));
        let unflushed = Unflushed::new(&root);
        let page = root.join("uk").join("a-1").join("index.html");
        write_whole(&page, b"page", Durability::Batched).unwrap();
        unflushed.wrote(&page);
        let gone = root.join("en").join("b-2").join("index.html");
        write_whole(&gone, b"old", Durability::Batched).unwrap();
        fs::remove_dir_all(root.join("en").join("b-2")).unwrap();
        unflushed.removed(&gone);
        {
            let paths = unflushed.paths.lock().unwrap();
            let (files, folders) = paths.as_ref().expect("a few: one by one");
            assert_eq!(files.iter().collect::<Vec<_>>(), [&page]);
            let folders: Vec<_> = folders
                .iter()
                .map(|f| f.strip_prefix(&root).unwrap())
                .collect();
            let expected = ["", "en", "en/b-2", "uk", "uk/a-1"];
            assert_eq!(
                folders,
                expected.map(Path::new),
                "up to the root, not above"
            );
        }
        // A folder removed since it was noted is not an error.
        unflushed.flush().unwrap();

        let many = Unflushed::new(&root);
        for n in 0..Unflushed::MOST {
            many.wrote(&root.join(format!("{n}.json")));
        }
        assert!(
            many.paths.lock().unwrap().is_none(),
            "many: the file system"
        );
        many.flush().unwrap();
        fs::remove_dir_all(&root).unwrap();
    }
}
