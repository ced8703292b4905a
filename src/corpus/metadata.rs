//! The metadata files: `events.toml` (the conferences) and `articles.toml` (what an article
//! does not say about itself). Both are optional for a new article: its event is found from
//! its file name, which starts with the event id.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use serde::Deserialize;

use super::{line_of, CorpusError};
use crate::bundle::Event;

pub const EVENTS_FILE: &str = "events.toml";
pub const ARTICLES_FILE: &str = "articles.toml";

#[derive(Debug, Default)]
pub struct Metadata {
    pub events: Vec<Event>,
    /// Keyed by article id (file name without `.md`).
    pub articles: BTreeMap<String, ArticleMetadata>,
}

/// Fields that fill or override what an article's own header says.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArticleMetadata {
    pub title: Option<String>,
    pub event: Option<String>,
    pub date: Option<String>,
    pub authors: Option<Vec<String>>,
    pub original_url: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EventsFile {
    #[serde(default)]
    event: Vec<Event>,
}

impl Metadata {
    pub fn load(dir: &Path) -> Result<Metadata, CorpusError> {
        let events: EventsFile =
            read_toml(&dir.join(EVENTS_FILE))?.unwrap_or(EventsFile { event: vec![] });
        let articles = read_toml(&dir.join(ARTICLES_FILE))?.unwrap_or_default();
        Ok(Metadata {
            events: events.event,
            articles,
        })
    }

    /// The event an article belongs to: named in the metadata, or the longest event id its
    /// file name starts with.
    pub fn event_for(&self, article_id: &str, named: Option<&str>) -> Option<&Event> {
        match named {
            Some(id) => self.events.iter().find(|e| e.id == id),
            None => self
                .events
                .iter()
                .filter(|e| article_id.starts_with(&format!("{}-", e.id)))
                .max_by_key(|e| e.id.len()),
        }
    }
}

/// Parses a TOML file, or `None` if it does not exist.
fn read_toml<T: for<'de> Deserialize<'de>>(path: &Path) -> Result<Option<T>, CorpusError> {
    let text = match fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => {
            return Err(CorpusError::new(
                path,
                None,
                format!("cannot read the file: {e}"),
            ))
        }
    };
    toml::from_str(&text).map(Some).map_err(|e| {
        let line = e.span().map(|s| line_of(&text, s.start));
        CorpusError::new(path, line, e.message().to_owned())
            .hint("fix the TOML syntax or the field name")
    })
}
