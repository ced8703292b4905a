//! `takeaways build`: the corpus folder in, the bundle out, as one linear sequence of steps.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

use crate::bundle::{Bundle, BUNDLE_FILE, SCHEMA_VERSION};
use crate::corpus::article::{self, ParsedArticle};
use crate::corpus::metadata::Metadata;
use crate::corpus::{read_sources, CorpusError};

/// What a build did, for the command line to report.
pub struct BuildReport {
    pub bundle_path: PathBuf,
    pub bundle_bytes: usize,
    pub articles: usize,
    pub takeaways: usize,
}

/// Reads and checks the corpus and assembles the bundle, without writing anything.
pub fn bundle(corpus: &Path) -> Result<Bundle> {
    let metadata = Metadata::load(corpus)?;
    let sources = read_sources(corpus)?;
    if sources.is_empty() {
        bail!("{}: error: no `.md` article found\n  hint: add articles to this folder or pass --corpus DIR", corpus.display());
    }
    let parsed = parse_articles(&sources, &metadata, corpus)?;
    Ok(assemble(metadata, parsed))
}

/// Builds the bundle and writes it into `out`. A failed build leaves a previous bundle as it was.
pub fn build(corpus: &Path, out: &Path) -> Result<BuildReport> {
    let bundle = bundle(corpus)?;
    let (bundle_path, bundle_bytes) = write_bundle(&bundle, out)?;
    Ok(BuildReport {
        bundle_path,
        bundle_bytes,
        articles: bundle.articles.len(),
        takeaways: bundle.takeaways.len(),
    })
}

/// Parses every article, reporting all broken ones at once rather than the first.
fn parse_articles(
    sources: &[crate::corpus::SourceFile],
    metadata: &Metadata,
    corpus: &Path,
) -> Result<Vec<ParsedArticle>> {
    let (parsed, errors): (Vec<_>, Vec<_>) = sources
        .iter()
        .map(|s| article::parse(s, metadata, corpus))
        .partition(Result::is_ok);
    let errors: Vec<CorpusError> = errors.into_iter().filter_map(Result::err).collect();
    if !errors.is_empty() {
        let list = errors
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n");
        bail!(
            "{list}\n{} article(s) could not be read; nothing was written",
            errors.len()
        );
    }
    Ok(parsed.into_iter().filter_map(Result::ok).collect())
}

/// Orders articles by event date, then date and id, and links articles, events and takeaways by index.
fn assemble(metadata: Metadata, mut parsed: Vec<ParsedArticle>) -> Bundle {
    let mut events = metadata.events;
    events.sort_by(|a, b| a.start.cmp(&b.start));
    let event_index = |id: &Option<String>| {
        id.as_ref()
            .and_then(|id| events.iter().position(|e| &e.id == id))
    };
    parsed.sort_by_key(|p| {
        (
            event_index(&p.event).unwrap_or(usize::MAX),
            p.article.date.clone(),
            p.article.id.clone(),
        )
    });

    let mut articles = Vec::with_capacity(parsed.len());
    let mut takeaways = Vec::new();
    for (index, p) in parsed.into_iter().enumerate() {
        articles.push(crate::bundle::Article {
            event: event_index(&p.event),
            ..p.article
        });
        takeaways.extend(p.takeaways.into_iter().map(|t| crate::bundle::Takeaway {
            article: index,
            ..t
        }));
    }
    Bundle {
        schema: SCHEMA_VERSION,
        events,
        articles,
        takeaways,
    }
}

/// Writes the bundle next to its final name and renames it, so readers never see half a file.
fn write_bundle(bundle: &Bundle, out: &Path) -> Result<(PathBuf, usize)> {
    fs::create_dir_all(out)
        .with_context(|| format!("cannot create the output folder {}", out.display()))?;
    let json = serde_json::to_vec(bundle).context("cannot serialise the bundle")?;
    let path = out.join(BUNDLE_FILE);
    let partial = out.join(format!("{BUNDLE_FILE}.partial"));
    fs::write(&partial, &json).with_context(|| format!("cannot write {}", partial.display()))?;
    fs::rename(&partial, &path)
        .with_context(|| format!("cannot move the bundle into place at {}", path.display()))?;
    Ok((path, json.len()))
}
