//! The three files together, as the build holds them and the command line, the tests and the
//! benchmarks read them back.

use super::{ArticleIx, ArticleTexts, Bundle, CompactIndex, SanitizedHtml, SearchFile, Texts};

/// A bundle with its texts and its search index, checked to belong together.
#[derive(Debug, Clone, PartialEq)]
pub struct Dataset {
    pub bundle: Bundle,
    pub texts: Texts,
    pub search: CompactIndex,
}

impl Dataset {
    /// The three files' contents, or why they do not belong together.
    pub fn new(bundle: Bundle, texts: Texts, search: SearchFile) -> Result<Dataset, String> {
        bundle.check_positions()?;
        texts.check(&bundle)?;
        if search.schema != bundle.schema {
            return Err(format!("{} belongs to another build than {}", super::SEARCH_FILE, super::BUNDLE_FILE));
        }
        Ok(Dataset { bundle, texts, search: search.search })
    }

    /// The body of the takeaway at `index` (empty when it has none).
    pub fn body(&self, index: usize) -> &SanitizedHtml {
        &self.texts.bodies[index]
    }

    /// The texts of the article at `at`, as its pages read them.
    pub fn article_texts(&self, at: ArticleIx) -> ArticleTexts {
        self.texts.of_article(&self.bundle, at)
    }

    /// The summary of the takeaway at `index` (empty when it has none).
    pub fn takeaway_summary(&self, index: usize) -> &str {
        &self.texts.takeaway_summaries[index]
    }

    /// The summary of the article at `at` (empty when it has none).
    pub fn article_summary(&self, at: ArticleIx) -> &str {
        &self.texts.summaries[at.get()]
    }
}

impl std::ops::Deref for Dataset {
    type Target = Bundle;

    fn deref(&self) -> &Bundle {
        &self.bundle
    }
}
