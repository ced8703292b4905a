//! Search, shared by the build and the app: one tokenizer, one compact index format, one
//! query engine. The build indexes with elasticlunr-rs (see `crate::builder::indexing`) and ships
//! the compact encoding derived from it (the body's; the engine indexes the short fields itself,
//! see [`fields`]); the app and `takeaways search` query it with [`Engine`].

pub mod engine;
pub mod fields;
pub mod index;
pub mod text;
pub mod tokenize;

pub use engine::{Bool, Config, Engine, FieldConfig, Hit};
pub use index::SearchIndex;
pub use tokenize::Synonyms;

use crate::model::{Bundle, CompactIndex, Dataset, SanitizedHtml};

impl Engine {
    /// The engine over `bundle`'s takeaways with `search`, their index, and `bodies`, their
    /// HTML in order: both shipped apart from the bundle.
    pub fn over<'a>(
        bundle: &'a Bundle,
        search: &CompactIndex,
        bodies: impl Iterator<Item = &'a SanitizedHtml>,
    ) -> Engine {
        let synonyms = Synonyms::new(&bundle.synonyms);
        let index = fields::search_index(bundle, search, &synonyms);
        let titles = bundle.takeaways.iter().map(|t| t.title.as_str());
        Engine::new(index, synonyms, titles.zip(bodies.map(SanitizedHtml::as_str)))
    }
}

impl Dataset {
    /// The search engine over this dataset's takeaways.
    pub fn engine(&self) -> Engine {
        Engine::over(&self.bundle, &self.search, self.texts.bodies.iter())
    }
}
