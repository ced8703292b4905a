//! Search, shared by the build and the app: one tokenizer, one compact index format, one
//! query engine. The build indexes with elasticlunr-rs (see `crate::indexing`) and ships the
//! compact encoding derived from it (the body's; the engine indexes the short fields itself, see
//! [`fields`]); the app and `takeaways search` query it with [`Engine`].

pub mod bench;
pub mod engine;
pub mod fields;
pub mod index;
pub mod text;
pub mod tokenize;

pub use engine::{Bool, Config, Engine, FieldConfig, Hit};
pub use index::{CompactIndex, SearchIndex};
pub use tokenize::Synonyms;
