//! The bundle: the one JSON document the build writes and the explorer loads.
//!
//! This schema is the contract between build and app. Bump [`SCHEMA_VERSION`] on any change
//! that an older app could misread.

use serde::{Deserialize, Serialize};

/// Version of this schema; the app refuses bundles of another version.
pub const SCHEMA_VERSION: u32 = 1;

/// File name of the bundle inside the site root.
pub const BUNDLE_FILE: &str = "bundle.json";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Bundle {
    pub schema: u32,
    pub events: Vec<Event>,
    /// Ordered by event date, then article id.
    pub articles: Vec<Article>,
    /// Grouped by article (in article order), then by ordinal.
    pub takeaways: Vec<Takeaway>,
}

/// One KubeCon + CloudNativeCon edition.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// `YEAR-REGION-CITY`, e.g. `2023-na-chicago`; article file names start with it.
    pub id: String,
    pub name: String,
    pub city: String,
    /// First day, `YYYY-MM-DD`.
    pub start: String,
}

/// One write-up, from one Markdown file in `corpus/`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// The file name without `.md`.
    pub id: String,
    pub title: String,
    /// File name inside `corpus/`.
    pub file: String,
    /// Index into [`Bundle::events`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<String>,
    /// Where the original (often English) article was published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub original_url: Option<String>,
}

/// One takeaway: the unit the explorer is about, with its own deep link.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Takeaway {
    /// Stable id, see [`crate::ids`].
    pub id: String,
    /// Index into [`Bundle::articles`].
    pub article: usize,
    /// 1-based position in its article.
    pub ordinal: u32,
    pub title: String,
    /// Sanitized HTML, rendered at build time.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub body_html: String,
}

impl Bundle {
    /// The takeaway a deep link names, if any.
    pub fn takeaway(&self, id: &str) -> Option<&Takeaway> {
        self.takeaways.iter().find(|t| t.id == id)
    }

    /// The takeaways of one article, in order.
    pub fn takeaways_of(&self, article: usize) -> impl Iterator<Item = &Takeaway> {
        self.takeaways.iter().filter(move |t| t.article == article)
    }

    /// The event an article was written about, if known.
    pub fn event_of(&self, article: &Article) -> Option<&Event> {
        article.event.and_then(|e| self.events.get(e))
    }
}
