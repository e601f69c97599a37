//! Files on disk: atomic replacement of a checkpoint, and reading a whole regular file.
//!
//! A save writes a temporary file in the target's directory, named `.<target name>.tmp` followed
//! by [`TEMP_RANDOM`] random letters and digits. It is created with `O_EXCL` under an
//! unpredictable name (the `tempfile` crate), so a file or symlink planted there beforehand is
//! never opened, let alone followed. The bytes are written, flushed to disk (`fsync`), and the
//! file is renamed over the target; the directory is then flushed too (best effort). A save that
//! fails removes its temporary file; the target keeps its previous content.
//!
//! A save that is killed (a crash, `SIGKILL`, a power cut) cannot remove its temporary file. The
//! next save of the same target removes the ones that look like its own (the exact name pattern
//! above, a regular file, not a symlink) and were last modified more than [`STALE_AFTER`] ago;
//! younger ones may belong to a save still running and are left alone. Loading never looks at
//! temporary files.

use crate::error::{Error, Result};
use std::ffi::{OsStr, OsString};
use std::io::{Read, Write};
use std::path::Path;
use std::time::Duration;

/// How many random characters follow a temporary file's prefix.
pub const TEMP_RANDOM: usize = 12;

/// A temporary file of a target untouched for this long is a leftover of a save that was killed;
/// the next save of that target removes it.
pub const STALE_AFTER: Duration = Duration::from_secs(60);

/// The prefix of `target`'s temporary files: `.<name>.tmp`.
pub fn temp_prefix(name: &OsStr) -> OsString {
    let mut p = OsString::from(".");
    p.push(name);
    p.push(".tmp");
    p
}

/// Whether `entry` is a temporary file name of the target whose prefix is `prefix`.
fn is_temp_of(entry: &OsStr, prefix: &OsStr) -> bool {
    let (e, p) = (entry.as_encoded_bytes(), prefix.as_encoded_bytes());
    e.len() == p.len() + TEMP_RANDOM
        && e.starts_with(p)
        && e[p.len()..].iter().all(u8::is_ascii_alphanumeric)
}

/// Removes the temporary files of the target with this `prefix` in `dir` that were left by a
/// killed save (see the module doc). Errors are ignored: this is housekeeping, and a file that
/// cannot be removed is harmless.
fn remove_stale(dir: &Path, prefix: &OsStr) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        if !is_temp_of(&entry.file_name(), prefix) {
            continue;
        }
        // `DirEntry::metadata` does not follow symlinks: only regular files are ours.
        let Ok(meta) = entry.metadata() else {
            continue;
        };
        let old = meta
            .modified()
            .ok()
            .and_then(|m| m.elapsed().ok())
            .is_some_and(|age| age > STALE_AFTER);
        if meta.is_file() && old {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Writes `bytes` to `path` atomically: a temporary file beside it, flushed, then renamed over
/// it (see the module doc). The new file's permissions are the usual ones of a new file (`0666`
/// less the umask), as if `path` had been created directly.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let fail = |what: &str, e: std::io::Error| {
        Error::invalid(
            "save_checkpoint",
            format!("{}: cannot {what}: {e}", path.display()),
        )
    };
    let name = path.file_name().ok_or_else(|| {
        Error::invalid(
            "save_checkpoint",
            format!("{} is not a file path", path.display()),
        )
    })?;
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let prefix = temp_prefix(name);
    remove_stale(dir, &prefix);
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).rand_bytes(TEMP_RANDOM);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    // From here on, dropping `tmp` (on any error) removes the temporary file.
    let mut tmp = builder
        .tempfile_in(dir)
        .map_err(|e| fail("create a temporary file", e))?;
    tmp.write_all(bytes).map_err(|e| fail("write", e))?;
    tmp.as_file()
        .sync_all()
        .map_err(|e| fail("flush to disk", e))?;
    tmp.persist(path)
        .map_err(|e| fail("rename the temporary file", e.error))?;
    // Make the rename itself durable. Best effort: the new file is in place either way.
    #[cfg(unix)]
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// The whole content of the regular file at `path` (a symlink to one is followed). Anything else
/// (a directory, a FIFO, a device such as `/dev/zero` that would never end) is refused before
/// reading.
pub fn read_regular(path: &Path) -> std::io::Result<Vec<u8>> {
    let mut f = std::fs::File::open(path)?;
    let meta = f.metadata()?;
    if !meta.is_file() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "not a regular file",
        ));
    }
    // A file larger than memory is an error here, not an abort in the allocator.
    let mut out = Vec::new();
    out.try_reserve_exact(usize::try_from(meta.len()).unwrap_or(usize::MAX))
        .map_err(|e| std::io::Error::new(std::io::ErrorKind::OutOfMemory, e))?;
    f.read_to_end(&mut out)?;
    Ok(out)
}
