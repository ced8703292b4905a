//! Indexing for search at build time (native only): elasticlunr-rs builds the reference index
//! with our tokenizer, and the bundle gets the compact encoding derived from it (see
//! [`crate::search::index`]), with the article's field, which the build derives as the engine
//! derives a field.

use std::collections::BTreeMap;

use anyhow::{Context, Result};
use elasticlunr::{Index, IndexBuilder, Language, Pipeline};
use serde::de::{DeserializeSeed, Deserializer, Error as _, IgnoredAny, MapAccess, Visitor};
use serde::Deserialize;

use crate::model::{Bundle, CompactIndex, Texts};
use crate::search::fields::{documents, shipped_article_field};
use crate::search::index::{encode, kept_length, FieldIndex, SearchIndex, ELASTICLUNR_FIELDS, FIELDS};
use crate::search::tokenize::{document_terms, Synonyms};

/// Our tokenizer, with the bundle's synonyms, as an elasticlunr language.
struct Takeaways(Synonyms);

impl Language for Takeaways {
    fn name(&self) -> String {
        "Takeaways".into()
    }

    fn code(&self) -> String {
        "tk".into()
    }

    fn tokenize(&self, text: &str) -> Vec<String> {
        document_terms(text, &self.0)
    }

    /// No stemming or stop words: the tokenizer has done all there is to do.
    fn make_pipeline(&self) -> Pipeline {
        Pipeline { queue: Vec::new() }
    }
}

/// elasticlunr's index of `fields` (of [`FIELDS`], in that order) of the bundle's takeaways
/// (their bodies in `texts`), referenced by their number. The build indexes the title and the
/// body ([`ELASTICLUNR_FIELDS`]): each field's index is its own, and the others, which are
/// derived from the bundle, took most of the build's memory.
pub fn reference_index(bundle: &Bundle, texts: &Texts, fields: &[&str]) -> Index {
    let language = Takeaways(Synonyms::new(&bundle.synonyms));
    let mut index = IndexBuilder::with_language(Box::new(language)).save_docs(false).add_fields(fields).build();
    let columns: Vec<usize> = FIELDS.iter().enumerate().filter(|(_, f)| fields.contains(f)).map(|(at, _)| at).collect();
    for (number, texts) in documents(bundle, texts).enumerate() {
        let values: Vec<&str> = columns.iter().map(|&at| texts[at].as_str()).collect();
        index.add_doc(&number.to_string(), &values);
    }
    index
}

/// The index that ships ([`SHIPPED_FIELDS`](crate::search::index::SHIPPED_FIELDS)), compact:
/// elasticlunr's of the title and the body, and the article's field.
pub fn shipped(bundle: &Bundle, texts: &Texts) -> Result<CompactIndex> {
    // elasticlunr's index is dropped once written as JSON, before that JSON is parsed again: held
    // together they raised the peak memory by a tenth.
    let reference = reference_index(bundle, texts, &ELASTICLUNR_FIELDS).to_json();
    let mut index = read(&reference)?;
    drop(reference);
    index.fields.push(shipped_article_field(bundle, &Synonyms::new(&bundle.synonyms)));
    Ok(encode(&index))
}

/// What elasticlunr's index (its JSON, as elasticlunr.js would load it) holds, in our format.
/// The JSON is read straight into postings, never into a generic JSON tree: that tree, a map per
/// posting, took over 80 % of the build's peak memory on large corpora.
pub fn read(reference_json: &str) -> Result<SearchIndex> {
    let reference: Reference = serde_json::from_str(reference_json).context("elasticlunr's index is malformed")?;
    let docs = reference.document_store.length;
    let mut index = reference.index;
    let fields: Vec<FieldIndex> = FIELDS
        .iter()
        .filter_map(|&name| {
            let postings = index.remove(name)?;
            let lengths = (0..docs)
                .map(|d| {
                    let info = reference.document_store.doc_info.get(&d.to_string());
                    kept_length(info.and_then(|i| i.get(name)).copied().unwrap_or(0))
                })
                .collect();
            Some(FieldIndex::from_terms(name, postings.0, lengths))
        })
        .collect();
    anyhow::ensure!(!fields.is_empty(), "elasticlunr's index has none of the fields {FIELDS:?}");
    Ok(SearchIndex { docs, fields })
}

/// The parts of elasticlunr's index JSON that the bundle needs.
#[derive(Deserialize)]
struct Reference {
    /// Per field, its term trie, read as postings per term.
    index: BTreeMap<String, FieldTrie>,
    #[serde(rename = "documentStore")]
    document_store: DocumentStore,
}

#[derive(Deserialize)]
struct DocumentStore {
    length: u32,
    /// Per document, per field: its length in terms.
    #[serde(rename = "docInfo")]
    doc_info: BTreeMap<String, BTreeMap<String, u32>>,
}

/// A field's term trie (`{"root": node}`), read as term → (document, count), sorted.
struct FieldTrie(BTreeMap<String, Vec<(u32, u32)>>);

impl<'de> Deserialize<'de> for FieldTrie {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        struct Root;
        impl<'de> Visitor<'de> for Root {
            type Value = FieldTrie;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a field index with a root")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> std::result::Result<FieldTrie, A::Error> {
                let mut postings = BTreeMap::new();
                while let Some(key) = map.next_key::<String>()? {
                    if key == "root" {
                        map.next_value_seed(Node { prefix: &mut String::new(), out: &mut postings })?;
                    } else {
                        map.next_value::<IgnoredAny>()?;
                    }
                }
                Ok(FieldTrie(postings))
            }
        }
        deserializer.deserialize_map(Root)
    }
}

/// One node of the trie, under the term `prefix`: its `docs` map a document to `{"tf": √count}`,
/// its other keys (but `df`) are the next characters.
struct Node<'a> {
    prefix: &'a mut String,
    out: &'a mut BTreeMap<String, Vec<(u32, u32)>>,
}

impl<'de> DeserializeSeed<'de> for Node<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> std::result::Result<(), D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for Node<'_> {
    type Value = ();
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a node of elasticlunr's term trie")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> std::result::Result<(), A::Error> {
        #[derive(Deserialize)]
        struct Tf {
            tf: f64,
        }
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "docs" => {
                    let docs: BTreeMap<String, Tf> = map.next_value()?;
                    if docs.is_empty() {
                        continue;
                    }
                    let mut list = docs
                        .into_iter()
                        .map(|(doc, Tf { tf })| {
                            let doc =
                                doc.parse::<u32>().map_err(|_| A::Error::custom("a document ref is not a number"))?;
                            Ok((doc, (tf * tf).round() as u32))
                        })
                        .collect::<std::result::Result<Vec<_>, A::Error>>()?;
                    list.sort_unstable();
                    self.out.insert(self.prefix.clone(), list);
                }
                "df" => {
                    map.next_value::<IgnoredAny>()?;
                }
                _ => {
                    self.prefix.push_str(&key);
                    map.next_value_seed(Node { prefix: &mut *self.prefix, out: &mut *self.out })?;
                    self.prefix.truncate(self.prefix.len() - key.len());
                }
            }
        }
        Ok(())
    }
}
