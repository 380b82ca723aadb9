//! Listing the files under a folder, as loading a corpus and collecting a batch's articles
//! both do: recursively, hidden entries left out, in path order; and a path as written in a
//! report, cleaned (`scratch/../shared/a.txt` -> `shared/a.txt`).

use crate::error::Error;
use std::path::{Path, PathBuf};

/// The files under `dir` that `keep` accepts, recursively (symbolic links to folders
/// followed, entries whose name starts with `.` left out), sorted in `Path` order; and the
/// folders that could not be read, as errors.
pub fn walk(dir: &Path, keep: impl Fn(&Path) -> bool) -> (Vec<PathBuf>, Vec<Error>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    collect(dir, &keep, &mut files, &mut errors);
    files.sort_by_cached_key(|p| path_order_key(p));
    (files, errors)
}

fn collect(
    dir: &Path,
    keep: &dyn Fn(&Path) -> bool,
    out: &mut Vec<PathBuf>,
    errors: &mut Vec<Error>,
) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => return errors.push(Error::io(dir, e)),
    };
    for entry in entries {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                errors.push(Error::io(dir, e));
                continue;
            }
        };
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        // The entry's type comes with the directory listing; only a symlink needs a stat.
        let ft = match entry.file_type() {
            Ok(ft) => ft,
            Err(e) => {
                errors.push(Error::io(&path, e));
                continue;
            }
        };
        if ft.is_dir() || (ft.is_symlink() && path.is_dir()) {
            collect(&path, keep, out, errors);
        } else if keep(&path) {
            out.push(path);
        }
    }
}

/// A key whose byte order is `Path`'s order (component by component): the components joined
/// by NUL, which no component holds. Sorting by it is far cheaper than comparing paths when
/// a corpus has a quarter of a million files.
fn path_order_key(p: &Path) -> Vec<u8> {
    use std::os::unix::ffi::OsStrExt;
    let mut key = Vec::with_capacity(p.as_os_str().len() + 1);
    for c in p.components() {
        key.extend_from_slice(c.as_os_str().as_bytes());
        key.push(0);
    }
    key
}

/// A path as the user gave it, cleaned for a report: `.` components and empty ones
/// dropped, and `name/..` folded lexically (`scratch/../shared/a.txt` -> `shared/a.txt`,
/// `./drafts//x.md` -> `drafts/x.md`); a leading `..` stays, and `-` (standard input) is
/// itself. The file is still read through the path as given.
pub fn clean_path(path: &str) -> String {
    if path == "-" || path.is_empty() {
        return path.to_string();
    }
    let absolute = path.starts_with('/');
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => match parts.last() {
                Some(&last) if last != ".." => {
                    parts.pop();
                }
                _ if absolute => {}
                _ => parts.push(".."),
            },
            p => parts.push(p),
        }
    }
    let joined = parts.join("/");
    match (absolute, joined.is_empty()) {
        (true, _) => format!("/{joined}"),
        (false, true) => ".".to_string(),
        (false, false) => joined,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_path_table() {
        let table = [
            ("scratch/../shared/a.txt", "shared/a.txt"),
            ("./drafts//my draft.md", "drafts/my draft.md"),
            ("../shared/./x/../a.txt", "../shared/a.txt"),
            ("/tmp/../a.txt", "/a.txt"),
            ("a/..", "."),
            ("-", "-"),
            ("plain.txt", "plain.txt"),
        ];
        for (path, want) in table {
            assert_eq!(clean_path(path), want, "{path}");
        }
    }

    #[test]
    fn path_order_key_sorts_as_paths_do() {
        let table: &[&[&str]] = &[
            &["c/a b/x.txt", "c/a/x.txt", "c/a-b/x.txt", "c/a.txt"],
            &["d/10.txt", "d/1.txt", "d/1/2.txt", "d/1 2.txt", "d/2.txt"],
            &["é/x.txt", "e/x.txt", "ez.txt", "e.txt"],
        ];
        for paths in table {
            let mut by_path: Vec<PathBuf> = paths.iter().map(PathBuf::from).collect();
            let mut by_key = by_path.clone();
            by_path.sort();
            by_key.sort_by_cached_key(|p| path_order_key(p));
            assert_eq!(by_key, by_path, "{paths:?}");
        }
    }

    #[test]
    fn walk_skips_hidden_entries_and_keeps_what_is_asked() {
        let dir = tempfile::tempdir().unwrap();
        for f in ["b.txt", "a/c.txt", "a/d.md", ".hidden/e.txt", "a/.f.txt"] {
            let p = dir.path().join(f);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, "x").unwrap();
        }
        let (files, errors) = walk(dir.path(), |p| p.extension().is_some_and(|e| e == "txt"));
        let names: Vec<String> = files
            .iter()
            .map(|p| p.strip_prefix(dir.path()).unwrap().display().to_string())
            .collect();
        assert_eq!(names, ["a/c.txt", "b.txt"]);
        assert!(errors.is_empty());
    }
}
