//! What `texts.json` holds: the takeaways' bodies and the articles' context, as HTML the build
//! has sanitized.

use serde::{Deserialize, Serialize};

use super::{Bundle, BUNDLE_FILE, TEXTS_FILE};

/// HTML the build has sanitized (ammonia: no scripts, no handlers, only safe links), the one
/// kind of markup that is inserted as it is; every other text is escaped where it is rendered.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SanitizedHtml(String);

impl SanitizedHtml {
    /// Wraps HTML that has been through the build's sanitizer: the only way in besides reading
    /// the build's own `texts.json`.
    pub fn from_sanitizer(html: String) -> SanitizedHtml {
        SanitizedHtml(html)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// What [`TEXTS_FILE`] holds: the long texts of a [`Bundle`], in its orders.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Texts {
    pub schema: u32,
    /// Per takeaway, in [`Bundle::takeaways`] order: its body; empty when it has none.
    pub bodies: Vec<SanitizedHtml>,
    /// Per article, in [`Bundle::articles`] order: what frames its takeaways.
    pub contexts: Vec<Vec<Context>>,
    /// Per article, in [`Bundle::articles`] order: its summary (plain text), which its page's
    /// link preview shows; empty when it has none. Nothing in the list needs it, so it stays out
    /// of the bundle.
    pub summaries: Vec<String>,
}

/// A part of an article that frames its takeaways (intro, background, conclusion).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Context {
    /// How many of the article's takeaways come before it (0: before the first).
    pub after: u32,
    pub html: SanitizedHtml,
}

impl Texts {
    /// Whether these texts belong to `bundle`: same schema, one body per takeaway, one context
    /// and one summary per article.
    pub fn check(&self, bundle: &Bundle) -> Result<(), String> {
        if self.schema != bundle.schema
            || self.bodies.len() != bundle.takeaways.len()
            || self.contexts.len() != bundle.articles.len()
            || self.summaries.len() != bundle.articles.len()
        {
            return Err(format!("{TEXTS_FILE} belongs to another build than {BUNDLE_FILE}; reload the page"));
        }
        Ok(())
    }
}
