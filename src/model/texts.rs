//! What `texts.json` holds: the takeaways' bodies and the articles' context, as HTML the build
//! has sanitized, and their summaries; and the same texts one article at a time, as a site ships
//! them: what its pages read ([`ArticleTexts`]) apart from what its cards read
//! ([`ArticleSummaries`]).

use serde::{Deserialize, Serialize};

use super::{ids, ArticleIx, ArticleTitle, Bundle, OutlinedBundle, TakeawayTitle, BUNDLE_FILE, TEXTS_FILE};

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
    /// Per takeaway, in [`OutlinedBundle::takeaways`] order: its body; empty when it has none.
    pub bodies: Vec<SanitizedHtml>,
    /// Per article, in [`OutlinedBundle::articles`] order: what frames its takeaways.
    pub contexts: Vec<Vec<Context>>,
    /// Per article, in [`OutlinedBundle::articles`] order: its summary (plain text), which its
    /// page's link preview shows; empty when it has none.
    pub summaries: Vec<String>,
    /// Per takeaway, in [`OutlinedBundle::takeaways`] order: the plain-text first sentences of its
    /// body, for the cards and link previews; empty when it has none. The bulk of what the list
    /// would ship for cards it never shows, so it comes with the article's texts.
    pub takeaway_summaries: Vec<String>,
    /// Per takeaway, in [`OutlinedBundle::takeaways`] order, per theme of its
    /// [`themes`](super::Takeaway::themes): the keywords that gave it, as written in themes.toml.
    pub theme_terms: Vec<Vec<Vec<String>>>,
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
    pub fn check(&self, bundle: &OutlinedBundle) -> Result<(), String> {
        if self.schema != bundle.schema
            || self.bodies.len() != bundle.takeaways.len()
            || self.contexts.len() != bundle.articles.len()
            || self.summaries.len() != bundle.articles.len()
            || self.takeaway_summaries.len() != bundle.takeaways.len()
            || self.theme_terms.len() != bundle.takeaways.len()
        {
            return Err(format!("{TEXTS_FILE} belongs to another build than {BUNDLE_FILE}; reload the page"));
        }
        Ok(())
    }
}

/// One article's texts that its page and its takeaways' pages show. A site ships one such file
/// per article (see [`DataFiles::article_texts`](super::DataFiles::article_texts)), so opening a
/// takeaway costs its article's texts, not the corpus's.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ArticleTexts {
    pub schema: u32,
    /// The article's id, so that a file of another build or article is told apart.
    pub article: String,
    /// Its takeaways' bodies, in order; empty where one has none.
    pub bodies: Vec<SanitizedHtml>,
    pub contexts: Vec<Context>,
    /// Its takeaways' [`Texts::theme_terms`], in order.
    pub theme_terms: Vec<Vec<Vec<String>>>,
}

/// One article's titles and its takeaways' summaries and titles: what their cards show beyond the
/// bundle's outline, shipped apart from the bodies, so that a list of cards costs a few lines of
/// text per card and waits for neither every title nor their bodies.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ArticleSummaries {
    pub schema: u32,
    /// The article's id, so that a file of another build or article is told apart.
    pub article: String,
    /// The article's titles.
    pub article_title: ArticleTitle,
    /// Its takeaways' summaries, in order.
    pub takeaways: Vec<String>,
    /// Its takeaways' titles and ids, in order.
    pub titles: Vec<TakeawayTitle>,
}

impl Texts {
    /// The texts of the article at `at` of `bundle`, which these texts belong to.
    pub fn of_article(&self, bundle: &OutlinedBundle, at: ArticleIx) -> ArticleTexts {
        let takeaways = bundle.takeaway_range(at);
        ArticleTexts {
            schema: self.schema,
            article: bundle.article(at).id.clone(),
            bodies: self.bodies[takeaways.clone()].to_vec(),
            contexts: self.contexts[at.get()].clone(),
            theme_terms: self.theme_terms[takeaways].to_vec(),
        }
    }

    /// The body of the takeaway at `index` of `bundle`, alone, with its summary and titles.
    pub fn body_of(&self, bundle: &Bundle, index: usize) -> TakeawayBody {
        TakeawayBody {
            schema: self.schema,
            title: bundle.title(index).clone(),
            article_title: bundle.article_title(bundle.takeaways[index].article).clone(),
            summary: self.takeaway_summaries[index].clone(),
            body: self.bodies[index].clone(),
        }
    }

    /// The summaries of the takeaways of the article at `at` of `bundle`.
    pub fn summaries_of_article(&self, bundle: &Bundle, at: ArticleIx) -> ArticleSummaries {
        ArticleSummaries {
            schema: self.schema,
            article: bundle.article(at).id.clone(),
            article_title: bundle.article_title(at).clone(),
            takeaways: self.takeaway_summaries[bundle.takeaway_range(at)].to_vec(),
            titles: bundle.titles_of(at).to_vec(),
        }
    }
}

/// One takeaway's body alone, as a site whose texts are too large to keep offline ships it too
/// (see [`DataFiles::takeaway_bodies`](super::DataFiles::takeaway_bodies)): what a search reads
/// of its results, a fifth of their articles' texts; with what their cards show, its summary,
/// its titles and its article's, so that a search's results read no article's summaries.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TakeawayBody {
    pub schema: u32,
    /// Its titles, and its id, so that a file of another build is told apart.
    pub title: TakeawayTitle,
    pub article_title: ArticleTitle,
    pub summary: String,
    /// Empty where it has none.
    pub body: SanitizedHtml,
}

/// A file shipped apart from the bundle for the item at position `n` of one of its lists (an
/// article, a takeaway), which must belong to that item of the bundle's build.
pub trait PartOf {
    fn check(&self, bundle: &OutlinedBundle, n: usize) -> Result<(), String>;
}

/// A file of one article's texts ([`ArticleTexts`], [`ArticleSummaries`]).
pub trait OfArticle {
    /// Its schema version, its article's id, and how many takeaways it has texts for (none if
    /// its lists disagree).
    fn identity(&self) -> (u32, &str, Option<usize>);
}

/// Whether it belongs to the article at `n` of `bundle`: same schema and article, texts for each
/// of its takeaways.
impl<T: OfArticle> PartOf for T {
    fn check(&self, bundle: &OutlinedBundle, n: usize) -> Result<(), String> {
        let at = ArticleIx::at(n);
        let article = bundle.articles.get(n).map(|a| a.id.as_str());
        let takeaways = bundle.articles.get(n).map_or(0, |_| bundle.takeaway_range(at).len());
        match self.identity() {
            (schema, id, count) if schema == bundle.schema && article == Some(id) && count == Some(takeaways) => Ok(()),
            _ => Err(format!("the texts of article {n} belong to another build than {BUNDLE_FILE}; reload the page")),
        }
    }
}

/// Whether it belongs to the takeaway at `n` of `bundle`: same schema, article and ordinal (what
/// its id says of them: the titles it is made of need not be here).
impl PartOf for TakeawayBody {
    fn check(&self, bundle: &OutlinedBundle, n: usize) -> Result<(), String> {
        let article = |t: &super::Takeaway| bundle.articles.get(t.article.get()).map(|a| a.id.as_str());
        let named =
            |t: &super::Takeaway| article(t).and_then(|a| ids::ordinal_in(&self.title.id, a)) == Some(t.ordinal);
        match bundle.takeaways.get(n) {
            Some(t) if self.schema == bundle.schema && named(t) => Ok(()),
            _ => Err(format!("the body of takeaway {n} belongs to another build than {BUNDLE_FILE}; reload the page")),
        }
    }
}

impl OfArticle for ArticleTexts {
    fn identity(&self) -> (u32, &str, Option<usize>) {
        let count = (self.theme_terms.len() == self.bodies.len()).then_some(self.bodies.len());
        (self.schema, &self.article, count)
    }
}

impl OfArticle for ArticleSummaries {
    fn identity(&self) -> (u32, &str, Option<usize>) {
        let count = (self.titles.len() == self.takeaways.len()).then_some(self.takeaways.len());
        (self.schema, &self.article, count)
    }
}

impl ArticleTexts {
    /// The position among this article's takeaways of the takeaway at `index` of `bundle`, one of
    /// its own.
    fn own(bundle: &OutlinedBundle, index: usize) -> Option<usize> {
        let at = bundle.takeaways.get(index)?.article;
        Some(index - bundle.takeaway_range(at).start)
    }

    /// The body of the takeaway at `index` of `bundle`, one of this article's.
    pub fn body(&self, bundle: &OutlinedBundle, index: usize) -> Option<&SanitizedHtml> {
        self.bodies.get(Self::own(bundle, index)?)
    }

    /// The words that gave each of the themes of the takeaway at `index` of `bundle`, one of this
    /// article's.
    pub fn theme_terms(&self, bundle: &OutlinedBundle, index: usize) -> &[Vec<String>] {
        Self::own(bundle, index).and_then(|own| self.theme_terms.get(own)).map_or(&[], Vec::as_slice)
    }
}

/// Where the takeaways' summaries are read from: all texts in the build, the articles' texts that
/// have arrived in the app.
pub trait Summaries {
    /// The summary of the takeaway at `index` in [`OutlinedBundle::takeaways`]; empty where it has
    /// none, or where its article's texts are not here.
    fn summary(&self, index: usize) -> &str;
}

impl Summaries for Texts {
    fn summary(&self, index: usize) -> &str {
        self.takeaway_summaries.get(index).map_or("", String::as_str)
    }
}

/// Where the takeaways' and articles' titles are read from: the bundle's in the build; in the
/// app, every title once they have come, else those of their articles' summaries that have.
pub trait Titles {
    /// The titles of the takeaway at `index` in [`OutlinedBundle::takeaways`]; none where they
    /// are not here.
    fn takeaway_title(&self, index: usize) -> Option<&TakeawayTitle>;

    /// The titles of the article at `at`; none where they are not here.
    fn article_title(&self, at: ArticleIx) -> Option<&ArticleTitle>;
}

impl Titles for Bundle {
    fn takeaway_title(&self, index: usize) -> Option<&TakeawayTitle> {
        self.titles.get(index)
    }

    fn article_title(&self, at: ArticleIx) -> Option<&ArticleTitle> {
        self.article_titles.get(at.get())
    }
}

/// No summaries: for what shows no card.
impl Summaries for () {
    fn summary(&self, _: usize) -> &str {
        ""
    }
}
