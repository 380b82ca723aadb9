//! Build script: compiles the sentence-vector table into the library when it exists.
//!
//! Sets `cfg(quotecheck_vectors)` when `models/minilm-static.qcv` is present, so
//! `meaning::Model` embeds it with `include_bytes!`; without it the build still succeeds and
//! the tool runs on words only. Re-runs when the file (or the folder, for its creation or
//! removal) changes.

use std::path::Path;

fn main() {
    println!("cargo:rustc-check-cfg=cfg(quotecheck_vectors)");
    println!("cargo:rerun-if-changed=models/minilm-static.qcv");
    println!("cargo:rerun-if-changed=models");
    println!("cargo:rerun-if-changed=build.rs");
    if Path::new("models/minilm-static.qcv").is_file() {
        println!("cargo:rustc-cfg=quotecheck_vectors");
    }
}
