//! One run at a time on a site folder: a lock file that says who holds it.

use crate::failure::Failure;
use crate::write::describe;
use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, Write};
use std::path::Path;

/// Held for as long as it lives; the operating system lets go if the process dies.
pub struct SiteLock {
    _file: File,
}

/// What to do when another run holds the lock.
#[derive(Clone, Copy)]
pub enum WhenBusy {
    Wait,
    Stop,
}

/// Takes `dir/.trimova.lock` for `command`. Busy, it says who holds it, then waits or stops.
pub fn lock(dir: &Path, command: &str, when_busy: WhenBusy) -> Result<SiteLock, Failure> {
    let io = |e: &std::io::Error, path: &Path| Failure::Input(describe(path, e));
    let path = dir.join(".trimova.lock");
    let mut file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)
        .map_err(|e| io(&e, &path))?;
    match file.try_lock() {
        Ok(()) => {}
        Err(TryLockError::WouldBlock) => {
            let mut holder = String::new();
            let _ = file.read_to_string(&mut holder);
            let holder = holder.trim();
            let holder = if holder.is_empty() {
                "another run"
            } else {
                holder
            };
            match when_busy {
                WhenBusy::Stop => {
                    return Err(Failure::Busy(format!(
                        "{} is held by {holder}; try again when it has finished",
                        path.display()
                    )))
                }
                WhenBusy::Wait => {
                    eprintln!("trimova: waiting for {holder} ({})", path.display());
                    file.lock().map_err(|e| io(&e, &path))?;
                }
            }
        }
        Err(TryLockError::Error(e)) => return Err(io(&e, &path)),
    }
    // Who holds it, for the next one to be told.
    let _ = file.set_len(0);
    let _ = file.rewind();
    let _ = writeln!(file, "trimova {command} (process {})", std::process::id());
    Ok(SiteLock { _file: file })
}
