//! Search, shared by the build and the app: one tokenizer, one compact index format, one
//! query engine. The build indexes with elasticlunr-rs (see `crate::builder::indexing`) and ships
//! the compact encoding derived from it (the title's and the body's, and the article's, which it
//! derives; the engine derives the theme and project fields itself, see [`fields`]); the app and
//! `takeaways search` query it with [`Engine`].

pub mod engine;
pub mod fields;
pub mod index;
pub mod pieces;
pub mod text;
pub mod tokenize;

pub use engine::{Bool, Config, Engine, FieldConfig, Found, Hit, Needs};
pub use index::SearchIndex;
pub use tokenize::Synonyms;

use std::ops::ControlFlow;

use engine::Assembly;
use tokenize::document_terms;

use crate::model::{
    Bundle, CompactField, CompactIndex, Dataset, OutlinedBundle, SanitizedHtml, SearchHead, TakeawayTitle,
};

/// The first of the two steps that build an engine over a bundle: its index, with the fields the
/// engine derives from the bundle and the articles' authors' terms made. Apart so that the app
/// can run the steps in tasks of their own: over thousands of takeaways, each takes the main
/// thread for several frames (each itself in steps, see [`EngineInSteps`]).
pub struct EngineIndex {
    index: SearchIndex,
    /// Each article's authors' terms.
    authors: Vec<Vec<String>>,
    synonyms: Synonyms,
    /// Where the shipped fields' index comes in pieces, the initials of its words.
    in_pieces: Option<Vec<char>>,
}

impl EngineIndex {
    /// The index over `bundle`'s takeaways with `search`, the shipped fields' index.
    pub fn over(bundle: &OutlinedBundle, search: &CompactIndex) -> EngineIndex {
        IndexInSteps::new(bundle, search, None).finish(bundle)
    }

    /// The index over `bundle`'s takeaways with the shipped fields' index in pieces, of which
    /// none has arrived yet: `head` says which there are (see [`pieces`]).
    pub fn over_pieces(bundle: &OutlinedBundle, head: &SearchHead) -> EngineIndex {
        IndexInSteps::over_pieces(bundle, head).finish(bundle)
    }
}

/// An [`EngineIndex`] being made a step at a time: the articles' authors' terms, then the
/// derived fields' steps (see [`fields::FieldsInSteps`]).
pub struct IndexInSteps {
    fields: fields::FieldsInSteps,
    authors: Option<Vec<Vec<String>>>,
    synonyms: Synonyms,
    in_pieces: Option<Vec<char>>,
}

impl IndexInSteps {
    fn new(bundle: &OutlinedBundle, search: &CompactIndex, in_pieces: Option<Vec<char>>) -> IndexInSteps {
        let synonyms = Synonyms::new(&bundle.synonyms);
        IndexInSteps { fields: fields::FieldsInSteps::new(bundle, search), authors: None, synonyms, in_pieces }
    }

    /// See [`EngineIndex::over_pieces`].
    fn over_pieces(bundle: &OutlinedBundle, head: &SearchHead) -> IndexInSteps {
        let fields = index::SHIPPED_FIELDS.iter().zip(&head.lengths);
        let fields = fields.map(|(name, lengths)| CompactField {
            name: (*name).to_owned(),
            lengths: lengths.clone(),
            ..CompactField::default()
        });
        IndexInSteps::new(bundle, &CompactIndex { fields: fields.collect() }, Some(head.initials.clone()))
    }

    /// Makes the authors' terms, or once they are made takes the derived fields' next step;
    /// whether any step is left.
    fn step(&mut self, bundle: &OutlinedBundle) -> bool {
        match self.authors {
            None => {
                self.authors = Some(author_terms(bundle, &self.synonyms));
                true
            }
            Some(_) => self.fields.step(bundle, &self.synonyms),
        }
    }

    /// The index, what is left made now.
    fn finish(self, bundle: &OutlinedBundle) -> EngineIndex {
        let IndexInSteps { fields, authors, synonyms, in_pieces } = self;
        let authors = authors.unwrap_or_else(|| author_terms(bundle, &synonyms));
        EngineIndex { index: fields.finish(bundle, &synonyms), authors, synonyms, in_pieces }
    }
}

/// An engine made a step at a time, a task each in the app: its index's steps (see
/// [`IndexInSteps`]), then its assembly's (see [`Assembly`]).
pub enum EngineInSteps {
    Index(IndexInSteps),
    Assembly(Assembly),
}

impl EngineInSteps {
    /// See [`EngineIndex::over_pieces`].
    pub fn over_pieces(bundle: &OutlinedBundle, head: &SearchHead) -> EngineInSteps {
        EngineInSteps::Index(IndexInSteps::over_pieces(bundle, head))
    }

    /// Takes the next step: the engine once the last is taken.
    // A call of its own: inlined into the app's engine getter, it cost the wasm more than a call.
    #[inline(never)]
    pub fn step(self, bundle: &OutlinedBundle) -> ControlFlow<Engine, EngineInSteps> {
        match self {
            EngineInSteps::Index(mut index) => ControlFlow::Continue(match index.step(bundle) {
                true => EngineInSteps::Index(index),
                false => EngineInSteps::Assembly(Engine::assembly(bundle, index.finish(bundle))),
            }),
            EngineInSteps::Assembly(mut assembly) => match assembly.step() {
                true => ControlFlow::Continue(EngineInSteps::Assembly(assembly)),
                false => ControlFlow::Break(assembly.finish()),
            },
        }
    }
}

/// Each article's authors' terms: a search for an author finds the article's takeaways.
fn author_terms(bundle: &OutlinedBundle, synonyms: &Synonyms) -> Vec<Vec<String>> {
    bundle.articles.iter().map(|a| document_terms(&a.authors.join("\n"), synonyms)).collect()
}

impl Engine {
    /// The engine over `bundle`'s takeaways with `search`, their index, shipped apart from the
    /// bundle, and their titles; without their bodies, which are added as they arrive
    /// ([`Engine::add_body`]).
    pub fn over(bundle: &Bundle, search: &CompactIndex) -> Engine {
        let engine = Engine::of(bundle, EngineIndex::over(bundle, search));
        engine.add_titles(0, &bundle.titles);
        engine
    }

    /// The second step: the engine over `bundle`'s takeaways with their index, `made`; without
    /// their titles, which are added as they arrive ([`Engine::add_titles`]).
    pub fn of(bundle: &OutlinedBundle, made: EngineIndex) -> Engine {
        Engine::assembly(bundle, made).finish()
    }

    /// The second step to take a field at a time (see [`Engine::of`]).
    fn assembly(bundle: &OutlinedBundle, made: EngineIndex) -> Assembly {
        let EngineIndex { index, authors, synonyms, in_pieces } = made;
        let article_of = bundle.takeaways.iter().map(|t| t.article.0).collect();
        Assembly::new(index, synonyms, article_of, &authors, in_pieces)
    }

    /// Adds `titles`, those of the documents from `first` on, in order.
    pub fn add_titles(&self, first: usize, titles: &[TakeawayTitle]) {
        for (doc, titled) in (first..).zip(titles) {
            self.add_title(doc, &titled.title, titled.title_en.as_deref().unwrap_or_default());
        }
    }

    /// Adds `bodies`, the sanitized HTML of the documents from `first` on, in order.
    pub fn add_bodies<'a>(&self, first: usize, bodies: impl IntoIterator<Item = &'a SanitizedHtml>) {
        for (doc, body) in (first..).zip(bodies) {
            self.add_body(doc, body.as_str());
        }
    }
}

impl Dataset {
    /// The search engine over this dataset's takeaways, with all their bodies.
    pub fn engine(&self) -> Engine {
        let engine = Engine::over(&self.bundle, &self.search);
        engine.add_bodies(0, &self.texts.bodies);
        engine
    }
}
