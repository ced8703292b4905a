//! The build (native only): the corpus folder in, the site's data out. `takeaways build` and
//! `check` run [`check`] then [`write`]: one linear sequence of named steps, nothing written
//! unless every step succeeds. `takeaways finish-site` then writes the pages ([`site`]).

pub mod corpus;
pub mod indexing;
pub mod report;
pub mod site;
pub mod synth;

use std::collections::{BTreeMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

use corpus::article::{self, ParsedArticle};
use corpus::metadata::{Metadata, ARTICLES_FILE};
use corpus::tagging::Tagger;
use corpus::{assign_ids, read_sources, CorpusError, CorpusWarning, SourceFile, Sources};

use crate::model::{
    Article, ArticleIx, ArticleTitle, Bundle, Dataset, EventIx, OutlinedBundle, SearchFile, Takeaway, TakeawayTitle,
    Texts, Theme, BUNDLE_FILE, SCHEMA_VERSION, SEARCH_FILE, TEXTS_FILE,
};

/// A checked corpus, ready to be written.
pub struct Checked {
    pub dataset: Dataset,
    pub warnings: Vec<CorpusWarning>,
    /// Per article, in the bundle's order: where each of its fields came from (field name →
    /// `front matter`, `metadata`, `heading`…). The build's own knowledge: it does not ship.
    pub sources: Vec<BTreeMap<String, String>>,
}

/// What a build wrote.
pub struct BuildReport {
    pub bundle_path: PathBuf,
    pub bundle_bytes: usize,
}

/// Reads and checks the corpus and assembles the bundle, without writing anything.
pub fn check(corpus: &Path) -> Result<Checked> {
    let metadata = Metadata::load(corpus)?;
    let mut sources = read_sources(corpus)?;
    let id_warnings = assign_ids(&mut sources, &metadata, corpus);
    if sources.files.is_empty() && sources.errors.is_empty() {
        bail!(
            "{}: error: no `.md` article found\n  hint: add articles to this folder or pass --corpus DIR",
            corpus.display()
        );
    }
    metadata.check_english_articles(corpus, sources.files.iter().map(|f| f.id.as_str()))?;
    let tagger = Tagger::new(&metadata.themes, &metadata.projects);
    let parsed = parse_articles(sources, &metadata, &tagger, corpus)?;
    let warnings = id_warnings.into_iter().chain(parsed.iter().flat_map(|p| p.warnings.clone())).collect();
    let (bundle, texts, sources) = assemble(metadata, parsed);
    check_ids(&bundle, corpus)?;
    let search = indexing::shipped(&bundle, &texts)?;
    Ok(Checked { dataset: Dataset { bundle, texts, search }, warnings, sources })
}

/// Writes a checked dataset into `out`: the bundle, and apart its texts and its search index. A
/// failed write leaves a previous bundle as it was.
pub fn write(dataset: &Dataset, out: &Path) -> Result<BuildReport> {
    fs::create_dir_all(out).with_context(|| format!("cannot create the output folder {}", out.display()))?;
    let search = SearchFile { schema: SCHEMA_VERSION, search: dataset.search.clone() };
    let search_json = serde_json::to_vec(&search).context("cannot serialise the search index")?;
    let texts_json = serde_json::to_vec(&dataset.texts).context("cannot serialise the texts")?;
    let json = serde_json::to_vec(&dataset.bundle).context("cannot serialise the bundle")?;
    // Each is written next to its final name and renamed, so readers never see half a file.
    let partials =
        [(SEARCH_FILE, &search_json), (TEXTS_FILE, &texts_json), (BUNDLE_FILE, &json)].map(|(name, bytes)| {
            let partial = out.join(format!("{name}.partial"));
            fs::write(&partial, bytes).with_context(|| format!("cannot write {}", partial.display()))?;
            Ok::<_, anyhow::Error>((partial, out.join(name)))
        });
    for partial in partials {
        let (partial, path) = partial?;
        fs::rename(&partial, &path).with_context(|| format!("cannot move {} into place", path.display()))?;
    }
    Ok(BuildReport {
        bundle_path: out.join(BUNDLE_FILE),
        bundle_bytes: json.len() + texts_json.len() + search_json.len(),
    })
}

/// Reads a built bundle with the texts and search index next to it: `bundle.json` as `build`
/// writes it, or a site's `bundle.<hash>.json` (its texts and index are the folder's only
/// `texts.<hash>.json` and `search.<hash>.json`).
pub fn read(bundle_path: &Path) -> Result<Dataset> {
    let stale = |path: &Path| format!("{} is not a bundle of this version; rebuild it", path.display());
    let read = |path: &Path| fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()));
    let bundle: Bundle = serde_json::from_str(&read(bundle_path)?).with_context(|| stale(bundle_path))?;
    let texts_path = beside(bundle_path, TEXTS_FILE)?;
    let texts: Texts = serde_json::from_str(&read(&texts_path)?).with_context(|| stale(&texts_path))?;
    let search_path = beside(bundle_path, SEARCH_FILE)?;
    let search: SearchFile = serde_json::from_str(&read(&search_path)?).with_context(|| stale(&search_path))?;
    Dataset::new(bundle, texts, search).map_err(|why| anyhow::anyhow!("{}: {why}; rebuild", bundle_path.display()))
}

/// The data file `file` (`texts.json`…) of the bundle at `bundle_path`: by its plain name beside
/// a plain `bundle.json`, else the one `texts.<hash>.json` in its folder.
fn beside(bundle_path: &Path, file: &str) -> Result<PathBuf> {
    if bundle_path.file_name().is_some_and(|name| name == BUNDLE_FILE) {
        return Ok(bundle_path.with_file_name(file));
    }
    let dir = bundle_path.parent().unwrap_or(Path::new("."));
    let (stem, extension) = file.rsplit_once('.').unwrap_or((file, ""));
    let found: Vec<PathBuf> = fs::read_dir(dir)
        .with_context(|| format!("cannot read {}", dir.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| {
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            name.strip_prefix(stem)
                .and_then(|rest| rest.strip_prefix('.'))
                .is_some_and(|rest| rest.ends_with(extension))
        })
        .collect();
    match found.as_slice() {
        [one] => Ok(one.clone()),
        [] => bail!("{}: no {stem}.<hash>.{extension} beside it", bundle_path.display()),
        _ => bail!(
            "{}: more than one {stem}.<hash>.{extension} beside it; keep one build's files",
            bundle_path.display()
        ),
    }
}

/// Parses every article, reporting all broken ones at once rather than the first.
fn parse_articles(sources: Sources, metadata: &Metadata, tagger: &Tagger, corpus: &Path) -> Result<Vec<ParsedArticle>> {
    let mut errors: Vec<CorpusError> = sources.errors;
    let mut parsed = Vec::with_capacity(sources.files.len());
    // The cores share the articles, a run of them each, in order: thousands of articles, their
    // text segmented and tagged, are a large share of a large corpus's build.
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
    let per_core = sources.files.len().div_ceil(workers).max(1);
    let results: Vec<Vec<Result<ParsedArticle, CorpusError>>> = std::thread::scope(|scope| {
        let parse_run =
            |run: &[SourceFile]| run.iter().map(|source| article::parse(source, metadata, tagger, corpus)).collect();
        let threads: Vec<_> = sources.files.chunks(per_core).map(|run| scope.spawn(move || parse_run(run))).collect();
        threads.into_iter().map(|t| t.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))).collect()
    });
    for result in results.into_iter().flatten() {
        match result {
            Ok(article) => parsed.push(article),
            Err(e) => errors.push(e),
        }
    }
    if !errors.is_empty() {
        errors.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
        let list = errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n");
        bail!("{list}\n{} article(s) could not be read; nothing was written", errors.len());
    }
    Ok(parsed)
}

/// Orders events and articles by date and links articles, events and takeaways by position;
/// the long texts and where the articles' fields came from go apart, in the same orders.
fn assemble(metadata: Metadata, mut parsed: Vec<ParsedArticle>) -> (Bundle, Texts, Vec<BTreeMap<String, String>>) {
    let mut events = metadata.events;
    events.sort_by(|a, b| a.start.cmp(&b.start));
    let event_index =
        |id: &Option<String>| id.as_ref().and_then(|id| events.iter().position(|e| &e.id == id)).map(EventIx::at);
    parsed.sort_by_key(|p| (event_index(&p.event).map_or(u32::MAX, |e| e.0), p.date.clone(), p.id.clone()));

    let mut articles = Vec::with_capacity(parsed.len());
    let mut takeaways = Vec::new();
    let mut titles = Vec::new();
    let mut article_titles = Vec::with_capacity(parsed.len());
    let mut texts = Texts { schema: SCHEMA_VERSION, ..Texts::default() };
    let mut aliases = BTreeMap::new();
    let mut sources = Vec::with_capacity(parsed.len());
    for (index, p) in parsed.into_iter().enumerate() {
        articles.push(Article {
            event: event_index(&p.event),
            id: p.id,
            file: p.file,
            date: p.date,
            authors: p.authors,
            url: p.url,
            original_url: p.original_url,
            tags: p.tags,
        });
        article_titles.push(ArticleTitle { title: p.title, title_en: p.title_en });
        sources.push(p.sources);
        texts.contexts.push(p.context);
        texts.summaries.push(p.summary);
        for t in p.takeaways {
            titles.push(TakeawayTitle { id: t.id, title: t.title, alt_title: t.alt_title, title_en: t.title_en });
            takeaways.push(Takeaway {
                article: ArticleIx::at(index),
                ordinal: t.ordinal,
                title_only: t.body.is_empty(),
                themes: t.themes.iter().map(|m| m.theme).collect(),
                projects: t.projects,
            });
            texts.bodies.push(t.body);
            texts.takeaway_summaries.push(t.summary);
            texts.theme_terms.push(t.themes.into_iter().map(|m| m.terms).collect());
        }
        aliases.extend(p.aliases);
    }
    let themes = metadata
        .themes
        .iter()
        .map(|t| Theme { id: t.id.clone(), name: t.names(), description: t.descriptions() })
        .collect();
    let outline = OutlinedBundle {
        schema: SCHEMA_VERSION,
        events,
        themes,
        projects: metadata.projects,
        articles,
        takeaways,
        synonyms: metadata.synonyms,
        aliases,
        first_page_totals: None,
    };
    let bundle = Bundle { outline, titles, article_titles };
    (bundle, texts, sources)
}

/// Deep links must name one takeaway: ids and aliases are unique.
fn check_ids(bundle: &Bundle, corpus: &Path) -> Result<()> {
    let mut seen = HashSet::new();
    for id in bundle.titles.iter().map(|t| &t.id).chain(bundle.aliases.keys()) {
        if !seen.insert(id) {
            let file = bundle
                .titles
                .iter()
                .position(|t| &t.id == id)
                .map_or(ARTICLES_FILE, |n| bundle.article_of(&bundle.takeaways[n]).file.as_str());
            return Err(CorpusError::new(&corpus.join(file), None, format!("the takeaway id `{id}` is used twice"))
                .hint("rename one of the articles, or remove the alias in articles.toml that repeats a current id")
                .into());
        }
    }
    // A deep link is looked up by the article and ordinal its id starts with: where the ids of
    // two articles both start an id, it must still name its own takeaway.
    let articles: HashSet<&str> = bundle.articles.iter().map(|a| a.id.as_str()).collect();
    for (n, titled) in bundle.titles.iter().enumerate() {
        let id = &titled.id;
        let starts = id.match_indices('-').filter(|&(at, _)| articles.contains(&id[..at])).count();
        if starts > 1 && bundle.takeaway_index(id) != Some(n) {
            let file = &bundle.article_of(&bundle.takeaways[n]).file;
            return Err(CorpusError::new(
                &corpus.join(file),
                None,
                format!("the takeaway id `{id}` names a takeaway of another article, whose id starts it"),
            )
            .hint("rename one of the two articles")
            .into());
        }
    }
    Ok(())
}
