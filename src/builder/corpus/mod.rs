//! Reading `corpus/`: the Markdown articles and the metadata files beside them (native only).
//!
//! An article is any `*.md` (or `*.markdown`) file directly in the corpus folder; its id, which
//! its pages' paths are made of, is its file name without the extension made URL-safe (see
//! [`assign_ids`]). Everything else the build needs is in `events.toml` and `articles.toml`.

pub mod article;
pub mod error;
pub mod front_matter;
pub mod markdown;
pub mod metadata;
pub mod tagging;
pub mod takeaways;

use std::collections::HashMap;
use std::fs;
use std::path::Path;

pub use error::{CorpusError, CorpusWarning};
use metadata::{Metadata, ARTICLES_FILE};

use crate::model::ids;

/// A Markdown file as read from disk.
pub struct SourceFile {
    /// File name without its extension: what `articles.toml` names it by.
    pub stem: String,
    /// Its id in URLs: the stem, URL-safe, or what `articles.toml` sets (see [`assign_ids`]).
    pub id: String,
    /// File name inside the corpus folder.
    pub file: String,
    pub text: String,
}

/// The Markdown files of a corpus folder: those that could be read, and why the others could
/// not, so that a build reports every broken file at once.
pub struct Sources {
    /// Sorted by name.
    pub files: Vec<SourceFile>,
    pub errors: Vec<CorpusError>,
}

/// Every `*.md` or `*.markdown` file in `dir` (any case): the only error is an unreadable folder.
pub fn read_sources(dir: &Path) -> Result<Sources, CorpusError> {
    let entries = fs::read_dir(dir).map_err(|e| {
        CorpusError::new(dir, None, format!("cannot read the corpus folder: {e}"))
            .hint("pass the folder that holds the articles with --corpus DIR")
    })?;
    let mut paths = Vec::new();
    for entry in entries {
        let path = entry.map_err(|e| CorpusError::new(dir, None, format!("cannot list the folder: {e}")))?.path();
        let markdown = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"));
        if markdown {
            paths.push(path);
        }
    }
    paths.sort();
    let mut sources = Sources { files: Vec::new(), errors: Vec::new() };
    for path in paths {
        let file = path.file_name().unwrap_or_default().to_string_lossy().into_owned();
        let stem = path.file_stem().unwrap_or_default().to_string_lossy().into_owned();
        match fs::read(&path).map_err(|e| CorpusError::new(&path, None, format!("cannot read the file: {e}"))) {
            Ok(bytes) => match decode(&path, bytes) {
                Ok(text) => sources.files.push(SourceFile { id: stem.clone(), stem, file, text }),
                Err(e) => sources.errors.push(e),
            },
            Err(e) => sources.errors.push(e),
        }
    }
    Ok(sources)
}

/// Gives every article its id: the `id` its table in `articles.toml` sets (which must be
/// URL-safe), or else its file name made URL-safe ([`ids::url_safe`]), with a warning when that
/// changed it. Two articles with one id are an error naming both: their pages would overwrite
/// each other (ids are lower case, so this holds on case-insensitive file systems too).
pub fn assign_ids(sources: &mut Sources, metadata: &Metadata, dir: &Path) -> Vec<CorpusWarning> {
    let mut warnings = Vec::new();
    let mut taken: HashMap<String, String> = HashMap::new();
    let mut kept = Vec::with_capacity(sources.files.len());
    for mut source in std::mem::take(&mut sources.files) {
        let path = dir.join(&source.file);
        let chosen = metadata.articles.get(&source.stem).and_then(|a| a.id.as_ref());
        source.id = match chosen {
            Some(id) if ids::is_url_safe(id.get_ref()) => id.get_ref().clone(),
            Some(id) => {
                let line = Some(metadata.articles_lines.line(id.span().start));
                sources.errors.push(
                    CorpusError::new(
                        &dir.join(ARTICLES_FILE),
                        line,
                        format!("the id `{}` is not URL-safe", id.get_ref()),
                    )
                    .hint(format!(
                        "use lower-case letters, digits, `-` and `_`, e.g. `{}`",
                        ids::url_safe(id.get_ref())
                    )),
                );
                continue;
            }
            None => {
                let id = ids::url_safe(&source.stem);
                if id.is_empty() {
                    sources.errors.push(
                        CorpusError::new(&path, None, "the file name has no letter or digit to make an id of")
                            .hint(format!("rename the file, or set `id` in its table in {ARTICLES_FILE}")),
                    );
                    continue;
                }
                if id != source.stem {
                    warnings.push(CorpusWarning::new(
                        &path,
                        1,
                        format!("the file name is not URL-safe: the article's id, in its links, is `{id}`"),
                    ));
                }
                id
            }
        };
        if let Some(other) = taken.insert(source.id.clone(), source.file.clone()) {
            sources.errors.push(
                CorpusError::new(&path, None, format!("the article id `{}` is also the id of {other}", source.id))
                    .hint(format!("rename one of the two files, or set another `id` in its table in {ARTICLES_FILE}")),
            );
            continue;
        }
        kept.push(source);
    }
    sources.files = kept;
    warnings
}

/// The text of a file, or an error naming the line of its first byte that is not text.
fn decode(path: &Path, bytes: Vec<u8>) -> Result<String, CorpusError> {
    if bytes.starts_with(b"\xff\xfe") || bytes.starts_with(b"\xfe\xff") {
        return Err(CorpusError::new(path, Some(1), "the file is UTF-16 text").hint("save it as UTF-8"));
    }
    let (bytes, invalid) = match String::from_utf8(bytes) {
        Ok(text) if !text.contains('\0') => return Ok(text),
        Ok(text) => (text.into_bytes(), None),
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            (e.into_bytes(), Some(valid))
        }
    };
    let nul = bytes.iter().position(|&b| b == 0);
    let at = nul.into_iter().chain(invalid).min().unwrap_or_default();
    let line = Some(bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1);
    Err(match nul {
        Some(_) => CorpusError::new(path, line, "the file holds binary data, not Markdown text")
            .hint("remove it from the corpus folder, or give it another extension if it is not an article"),
        None => CorpusError::new(path, line, "the file is not UTF-8 text").hint(format!(
            "save it as UTF-8 (GBK or Big5 text can be converted with `iconv -f GBK -t UTF-8`); the first bad byte is at offset {at}"
        )),
    })
}

/// 1-based line numbers of byte offsets in one text, by binary search over its line ends: a
/// long article asks for many.
#[derive(Debug, Default)]
pub struct Lines(Vec<usize>);

impl Lines {
    pub fn new(text: &str) -> Self {
        Lines(text.match_indices('\n').map(|(at, _)| at).collect())
    }

    pub fn line(&self, offset: usize) -> usize {
        self.0.partition_point(|&end| end < offset) + 1
    }
}
