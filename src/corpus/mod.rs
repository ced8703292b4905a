//! Reading `corpus/`: the Markdown articles and the metadata files beside them (native only).
//!
//! An article is any `*.md` file directly in the corpus folder; its file name (without `.md`)
//! is its id. Everything else the build needs is in `events.toml` and `articles.toml`.

pub mod article;
pub mod error;
pub mod front_matter;
pub mod markdown;
pub mod metadata;
pub mod tagging;
pub mod takeaways;

use std::fs;
use std::path::Path;

pub use error::{CorpusError, CorpusWarning};

/// A Markdown file as read from disk.
pub struct SourceFile {
    /// File name without `.md`.
    pub id: String,
    /// File name inside the corpus folder.
    pub file: String,
    pub text: String,
}

/// Every `*.md` file in `dir`, sorted by name.
pub fn read_sources(dir: &Path) -> Result<Vec<SourceFile>, CorpusError> {
    let entries = fs::read_dir(dir).map_err(|e| {
        CorpusError::new(dir, None, format!("cannot read the corpus folder: {e}"))
            .hint("pass the folder that holds the articles with --corpus DIR")
    })?;
    let mut sources = Vec::new();
    for entry in entries {
        let path = entry.map_err(|e| CorpusError::new(dir, None, format!("cannot list the folder: {e}")))?.path();
        if path.extension().is_none_or(|ext| ext != "md") {
            continue;
        }
        let file = path.file_name().unwrap_or_default().to_string_lossy().into_owned();
        let id = file.trim_end_matches(".md").to_owned();
        let bytes = fs::read(&path).map_err(|e| CorpusError::new(&path, None, format!("cannot read the file: {e}")))?;
        let text = String::from_utf8(bytes).map_err(|e| {
            CorpusError::new(&path, None, "the file is not UTF-8 text")
                .hint(format!("save it as UTF-8; the first bad byte is at offset {}", e.utf8_error().valid_up_to()))
        })?;
        sources.push(SourceFile { id, file, text });
    }
    sources.sort_by(|a, b| a.file.cmp(&b.file));
    Ok(sources)
}

/// 1-based line number of byte `offset` in `text`.
pub fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}
