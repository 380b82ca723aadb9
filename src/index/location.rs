//! Where a corpus's default index lives: inside the corpus folder (`CORPUS/.quotecheck.idx`)
//! when that folder may be written, else in a per-user cache folder, under a name made from a
//! hash of the corpus's canonical absolute path, so that a read-only corpus (a shared mount,
//! a package's data) still gets its index, and two spellings of one corpus share it.
//!
//! The cache folder is `$QUOTECHECK_CACHE` when set, else `$XDG_CACHE_HOME/quotecheck`, else
//! `$HOME/.cache/quotecheck`.

use super::{default_path, format::checksum, Index, Rebuilt, DEFAULT_NAME};
use crate::error::{Error, Result};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

/// The environment variable that sets the cache folder (tests point it at a temp dir).
pub const CACHE_ENV: &str = "QUOTECHECK_CACHE";

/// The per-user cache folder for indexes of read-only corpora, when one can be named.
pub fn cache_dir() -> Option<PathBuf> {
    let var = |k: &str| {
        std::env::var_os(k)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    var(CACHE_ENV)
        .or_else(|| var("XDG_CACHE_HOME").map(|d| d.join("quotecheck")))
        .or_else(|| var("HOME").map(|d| d.join(".cache").join("quotecheck")))
}

/// The index of the corpus in `dir` inside the cache folder `cache`:
/// `NAME-HASH.idx`, NAME the corpus folder's name, HASH a hash of its canonical path.
pub fn cache_path(cache: &Path, dir: &Path) -> Result<PathBuf> {
    let abs = dir.canonicalize().map_err(|e| Error::io(dir, e))?;
    let name: String = abs
        .file_name()
        .map_or_else(|| "root".into(), |n| n.to_string_lossy().into_owned())
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || "-_".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    let hash = checksum(abs.as_os_str().as_encoded_bytes());
    Ok(cache.join(format!("{name}-{hash:016x}.idx")))
}

/// Whether the index may be written inside the corpus folder `dir`. A folder whose permission
/// bits grant write access to nobody counts as read-only even to a user who could write it
/// anyway (root): it was made read-only on purpose. Otherwise a folder is tried by creating
/// (and removing) a directory in it, which finds read-only mounts and folders of other users.
pub fn writable(dir: &Path) -> bool {
    let Ok(meta) = std::fs::metadata(dir) else {
        return false;
    };
    if meta.permissions().mode() & 0o222 == 0 {
        return false;
    }
    let probe = dir.join(format!("{DEFAULT_NAME}.probe{}", std::process::id()));
    let made = std::fs::create_dir(&probe).is_ok();
    let _ = std::fs::remove_dir(&probe);
    made
}

/// Where [`open_default`] put or found the index, for the messages on standard error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// Inside the corpus folder.
    Corpus,
    /// In the cache folder: the corpus folder is read-only.
    Cache,
}

/// Where the default index of the corpus in `dir` is built: inside the corpus folder when it
/// may be written, else in the cache folder (created); `None` when the folder is read-only
/// and no cache folder can be named.
pub fn default_location(dir: &Path) -> Result<Option<(PathBuf, Place)>> {
    if writable(dir) {
        return Ok(Some((default_path(dir), Place::Corpus)));
    }
    let Some(cache) = cache_dir() else {
        return Ok(None);
    };
    std::fs::create_dir_all(&cache).map_err(|e| Error::io(&cache, e))?;
    Ok(Some((cache_path(&cache, dir)?, Place::Cache)))
}

/// Opens the default index of the corpus in `dir`, building it when missing, stale or
/// damaged: the one inside the corpus folder when it is fresh (a read-only corpus may ship
/// one), else inside the corpus folder when the folder may be written, else in the cache
/// folder. `before` is called with the path and the reason just before a build starts.
/// `Ok(None)` when the corpus folder is read-only and no cache folder can be named (no
/// `HOME`): the caller then scans the corpus.
pub fn open_default(
    dir: &Path,
    before: &mut dyn FnMut(&Path, Place, &Rebuilt),
) -> Result<Option<(Index, PathBuf, Place, Rebuilt)>> {
    let local = default_path(dir);
    if local.is_dir() {
        if let Some(index) = Index::open_fresh(dir, &local)? {
            return Ok(Some((index, local, Place::Corpus, Rebuilt::No)));
        }
    }
    let Some((path, place)) = default_location(dir)? else {
        return Ok(None);
    };
    let (index, why) =
        Index::open_or_build_with(dir, &path, &mut |p, why| before(p, place.clone(), why))?;
    Ok(Some((index, path, place, why)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::test_corpus;

    #[test]
    fn cache_names_differ_by_corpus_and_agree_across_spellings() {
        let a = test_corpus(&[("a.txt", "one")]);
        let b = test_corpus(&[("a.txt", "one")]);
        let cache = Path::new("/cache");
        let pa = cache_path(cache, a.path()).unwrap();
        let dotted = a
            .path()
            .join(".")
            .join("..")
            .join(a.path().file_name().unwrap());
        assert_eq!(cache_path(cache, &dotted).unwrap(), pa);
        assert_ne!(cache_path(cache, b.path()).unwrap(), pa);
        assert!(
            pa.starts_with(cache) && pa.extension().unwrap() == "idx",
            "{pa:?}"
        );
    }

    #[test]
    fn a_folder_without_write_bits_is_read_only_even_to_root() {
        let dir = test_corpus(&[("a.txt", "one")]);
        assert!(writable(dir.path()));
        let set = |mode| {
            std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(mode)).unwrap()
        };
        set(0o555);
        let ro = writable(dir.path());
        set(0o755);
        assert!(!ro);
        let left: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .filter_map(|e| {
                let n = e.unwrap().file_name().to_string_lossy().into_owned();
                n.contains("probe").then_some(n)
            })
            .collect();
        assert!(left.is_empty(), "{left:?}");
    }
}
