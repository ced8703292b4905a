//! Indexing for search at build time (native only): elasticlunr-rs builds the reference index
//! with our tokenizer, and the bundle gets the compact encoding derived from it (see
//! [`crate::search::index`]).

use std::collections::BTreeMap;

use anyhow::{bail, Context, Result};
use elasticlunr::{Index, IndexBuilder, Language, Pipeline};
use serde_json::Value;

use crate::bundle::Bundle;
use crate::search::index::{CompactIndex, FieldIndex, SearchIndex, FIELDS};
use crate::search::text::html_to_text;
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

/// The text of each of [`FIELDS`] for each takeaway, in bundle order: its title (both
/// wordings), theme names (zh and en), project names and aliases, body text, and its article's
/// title, authors and event.
pub fn documents(bundle: &Bundle) -> Vec<[String; 5]> {
    bundle
        .takeaways
        .iter()
        .map(|t| {
            let article = &bundle.articles[t.article];
            let title =
                [Some(t.title.as_str()), t.alt_title.as_deref()].into_iter().flatten().collect::<Vec<_>>().join("\n");
            let themes = t.themes.iter().map(|m| &bundle.themes[m.theme].name).map(|n| format!("{}\n{}", n.zh, n.en));
            let projects = t
                .projects
                .iter()
                .map(|&p| &bundle.projects[p])
                .map(|p| std::iter::once(&p.name).chain(&p.aliases).cloned().collect::<Vec<_>>().join("\n"));
            let event =
                bundle.event_of(article).map(|e| format!("{}\n{}\n{}\n{}", e.name.zh, e.name.en, e.city.zh, e.city.en));
            let about = [Some(article.title.clone()), Some(article.authors.join("\n")), event].into_iter().flatten();
            [
                title,
                themes.collect::<Vec<_>>().join("\n"),
                projects.collect::<Vec<_>>().join("\n"),
                html_to_text(&t.body_html),
                about.collect::<Vec<_>>().join("\n"),
            ]
        })
        .collect()
}

/// elasticlunr's index of the bundle's takeaways, referenced by their number.
pub fn reference_index(bundle: &Bundle) -> Index {
    let language = Takeaways(Synonyms::new(&bundle.synonyms));
    let mut index = IndexBuilder::with_language(Box::new(language)).save_docs(false).add_fields(&FIELDS).build();
    for (number, fields) in documents(bundle).iter().enumerate() {
        index.add_doc(&number.to_string(), fields);
    }
    index
}

/// What the bundle ships: the compact encoding of elasticlunr's index (its JSON).
pub fn compact(reference_json: &str) -> Result<CompactIndex> {
    Ok(CompactIndex::encode(&read(reference_json)?))
}

/// What elasticlunr's index (its JSON, as elasticlunr.js would load it) holds, in our format.
pub fn read(reference_json: &str) -> Result<SearchIndex> {
    let json: Value = serde_json::from_str(reference_json).context("elasticlunr's index is not JSON")?;
    let docs = json["documentStore"]["length"].as_u64().context("elasticlunr's index has no document count")? as u32;
    let doc_info = &json["documentStore"]["docInfo"];
    let fields = FIELDS
        .iter()
        .map(|&name| {
            let mut postings: BTreeMap<String, Vec<(u32, u32)>> = BTreeMap::new();
            collect_terms(&json["index"][name]["root"], &mut String::new(), &mut postings)?;
            let lengths = (0..docs).map(|d| doc_info[d.to_string()][name].as_u64().unwrap_or(0) as u32).collect();
            Ok(FieldIndex::from_terms(name, postings, lengths))
        })
        .collect::<Result<_>>()?;
    Ok(SearchIndex { docs, fields })
}

/// Walks elasticlunr's term trie: each node's `docs` maps a document to `{"tf": √count}`.
fn collect_terms(node: &Value, prefix: &mut String, out: &mut BTreeMap<String, Vec<(u32, u32)>>) -> Result<()> {
    let Some(node) = node.as_object() else { bail!("elasticlunr's term trie is malformed at `{prefix}`") };
    for (key, child) in node {
        match key.as_str() {
            "docs" => {
                let docs = child.as_object().context("elasticlunr's postings are malformed")?;
                if !docs.is_empty() {
                    let mut list = docs
                        .iter()
                        .map(|(doc, tf)| {
                            let tf = tf["tf"].as_f64().context("a posting has no tf")?;
                            Ok((
                                doc.parse::<u32>().context("a document ref is not a number")?,
                                (tf * tf).round() as u32,
                            ))
                        })
                        .collect::<Result<Vec<_>>>()?;
                    list.sort();
                    out.insert(prefix.clone(), list);
                }
            }
            "df" => {}
            _ => {
                prefix.push_str(key);
                collect_terms(child, prefix, out)?;
                prefix.truncate(prefix.len() - key.len());
            }
        }
    }
    Ok(())
}
