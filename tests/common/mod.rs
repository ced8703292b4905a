//! What the integration tests share: the seed corpus, checked and built as the build does.
//! Each test file is its own crate and uses part of this.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use takeaways::builder;
use takeaways::model::{Bundle, Dataset};

/// The repository's `corpus/` folder.
pub fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

/// The seed corpus as the build writes it: bundle, texts and search index.
pub fn seeds() -> Dataset {
    builder::check(&corpus_dir()).unwrap().dataset
}

/// A synthetic corpus of `articles` articles recombined from the seeds, checked and built.
pub fn synthetic(articles: usize) -> Dataset {
    let folder = tempfile::tempdir().unwrap();
    builder::synth::generate(&corpus_dir(), articles, folder.path()).unwrap();
    builder::check(folder.path()).unwrap().dataset
}

/// The position of the first takeaway of `bundle` whose title starts with `start`.
pub fn titled(bundle: &Bundle, start: &str) -> usize {
    bundle.titles.iter().position(|t| t.title.starts_with(start)).unwrap_or_else(|| panic!("no takeaway `{start}`"))
}
