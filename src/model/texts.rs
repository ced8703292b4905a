//! What `texts.json` holds: the takeaways' bodies and the articles' context, as HTML the build
//! has sanitized; and the same texts one article at a time ([`ArticleTexts`]), as a site ships
//! them for its pages.

use serde::{Deserialize, Serialize};

use super::{ArticleIx, Bundle, BUNDLE_FILE, TEXTS_FILE};

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
    /// link preview shows; empty when it has none.
    pub summaries: Vec<String>,
    /// Per takeaway, in [`Bundle::takeaways`] order: the plain-text first sentences of its body,
    /// for the cards and link previews; empty when it has none. The bulk of what the list would
    /// ship for cards it never shows, so it comes with the article's texts.
    pub takeaway_summaries: Vec<String>,
}

/// A part of an article that frames its takeaways (intro, background, conclusion).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Context {
    /// How many of the article's takeaways come before it (0: before the first).
    pub after: u32,
    pub html: SanitizedHtml,
}

impl Texts {
    /// Whether these texts belong to `bundle`: same schema, one body and summary per takeaway,
    /// one context and summary per article.
    pub fn check(&self, bundle: &Bundle) -> Result<(), String> {
        if self.schema != bundle.schema
            || self.bodies.len() != bundle.takeaways.len()
            || self.contexts.len() != bundle.articles.len()
            || self.summaries.len() != bundle.articles.len()
            || self.takeaway_summaries.len() != bundle.takeaways.len()
        {
            return Err(format!("{TEXTS_FILE} belongs to another build than {BUNDLE_FILE}; reload the page"));
        }
        Ok(())
    }
}

/// One article's part of [`Texts`]: what its page and its takeaways' pages show. A site ships
/// one such file per article (see [`DataFiles::article_texts`](super::DataFiles::article_texts)),
/// so opening a takeaway costs its article's texts, not the corpus's.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ArticleTexts {
    pub schema: u32,
    /// The article's id, so that a file of another build or article is told apart.
    pub article: String,
    /// Its takeaways' bodies, in order; empty where one has none.
    pub bodies: Vec<SanitizedHtml>,
    pub contexts: Vec<Context>,
    pub summary: String,
    /// Its takeaways' summaries, in order.
    pub takeaway_summaries: Vec<String>,
}

impl Texts {
    /// The texts of the article at `at` of `bundle`, which these texts belong to.
    pub fn of_article(&self, bundle: &Bundle, at: ArticleIx) -> ArticleTexts {
        ArticleTexts {
            schema: self.schema,
            article: bundle.article(at).id.clone(),
            bodies: self.bodies[bundle.takeaway_range(at)].to_vec(),
            contexts: self.contexts[at.get()].clone(),
            summary: self.summaries[at.get()].clone(),
            takeaway_summaries: self.takeaway_summaries[bundle.takeaway_range(at)].to_vec(),
        }
    }
}

impl ArticleTexts {
    /// Whether these are the texts of the article at `at` of `bundle`: same schema and article,
    /// one body and summary per takeaway.
    pub fn check(&self, bundle: &Bundle, at: ArticleIx) -> Result<(), String> {
        let article = bundle.articles.get(at.get()).map(|a| a.id.as_str());
        let takeaways = bundle.articles.get(at.get()).map_or(0, |_| bundle.takeaway_range(at).len());
        if self.schema != bundle.schema
            || article != Some(self.article.as_str())
            || self.bodies.len() != takeaways
            || self.takeaway_summaries.len() != takeaways
        {
            return Err(format!(
                "the texts of article {} belong to another build than {BUNDLE_FILE}; reload the page",
                at.get()
            ));
        }
        Ok(())
    }

    /// The body of the takeaway at `index` of `bundle`, one of this article's.
    pub fn body(&self, bundle: &Bundle, index: usize) -> Option<&SanitizedHtml> {
        let at = bundle.takeaways.get(index)?.article;
        self.bodies.get(index - bundle.takeaway_range(at).start)
    }
}

/// Where the takeaways' summaries are read from: all texts in the build, the articles' texts that
/// have arrived in the app.
pub trait Summaries {
    /// The summary of the takeaway at `index` in [`Bundle::takeaways`]; empty where it has none,
    /// or where its article's texts are not here.
    fn summary(&self, index: usize) -> &str;
}

impl Summaries for Texts {
    fn summary(&self, index: usize) -> &str {
        self.takeaway_summaries.get(index).map_or("", String::as_str)
    }
}

/// No summaries: for what shows no card.
impl Summaries for () {
    fn summary(&self, _: usize) -> &str {
        ""
    }
}
