//! The benchmarks' synthetic corpus (`takeaways synth`): the same bytes from the same seeds,
//! articles that build without a warning, text that compresses about as the seeds' does, both
//! over gzip's short window and over a whole corpus, and takeaways that name about as many
//! projects as the seeds' do, as many of them titles only.

mod common;

use std::collections::HashSet;
use std::fs;
use std::io::Write;
use std::path::Path;

use flate2::write::GzEncoder;
use flate2::Compression;
use tempfile::TempDir;

use takeaways::builder;
use takeaways::builder::synth::generate;
use takeaways::model::{Bundle, Takeaway};

/// How far a synthetic corpus's ratio may be from the seeds', as a share of theirs.
const BAND: f64 = 0.15;

fn synth(articles: usize) -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    generate(&common::corpus_dir(), articles, dir.path()).unwrap();
    dir
}

/// The folder's files, by name.
fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|path| (path.file_name().unwrap().to_string_lossy().into_owned(), fs::read(&path).unwrap()))
        .collect();
    files.sort();
    files
}

/// The folder's Markdown articles, one after another in name order.
fn markdown(dir: &Path) -> String {
    let texts = files(dir).into_iter().filter(|(name, _)| name.ends_with(".md"));
    texts.map(|(_, bytes)| String::from_utf8(bytes).unwrap()).collect()
}

fn gzip_ratio(text: &str) -> f64 {
    let mut gzip = GzEncoder::new(Vec::new(), Compression::best());
    gzip.write_all(text.as_bytes()).unwrap();
    gzip.finish().unwrap().len() as f64 / text.len() as f64
}

/// The share of the text's 8-character windows not seen anywhere before them: what a
/// compressor with an unbounded window (brotli's is megabytes) cannot take from earlier text.
fn novel_share(text: &str) -> f64 {
    const WINDOW: usize = 8;
    let starts: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
    let mut seen = HashSet::new();
    let windows = starts.windows(WINDOW + 1).map(|w| &text[w[0]..w[WINDOW]]);
    let (novel, all) = windows.fold((0, 0), |(novel, all), window| (novel + usize::from(seen.insert(window)), all + 1));
    novel as f64 / all as f64
}

fn assert_near(what: &str, synthetic: f64, seeds: f64) {
    assert!(
        (synthetic - seeds).abs() <= BAND * seeds,
        "{what}: the synthetic corpus's {synthetic:.3} is more than {:.0} % away from the seeds' {seeds:.3}",
        BAND * 100.0
    );
}

#[test]
fn the_same_seeds_give_the_same_bytes() {
    let (first, second) = (synth(30), synth(30));
    let files = files(first.path());
    assert_eq!(files.iter().filter(|(name, _)| name.ends_with(".md")).count(), 30);
    assert_eq!(files, self::files(second.path()));
}

#[test]
fn it_compresses_as_the_seeds_do() {
    let seeds = markdown(&common::corpus_dir());
    let synthetic = markdown(synth(200).path());
    assert_near("gzip's ratio", gzip_ratio(&synthetic), gzip_ratio(&seeds));
    assert_near("the novel share of 8-character windows", novel_share(&synthetic), novel_share(&seeds));
}

/// The share of `bundle`'s takeaways with `property`, or how many of a thing they hold on average.
fn per_takeaway(bundle: &Bundle, property: impl Fn(&Takeaway) -> usize) -> f64 {
    bundle.takeaways.iter().map(property).sum::<usize>() as f64 / bundle.takeaways.len() as f64
}

/// Projects per takeaway, what the facets' largest column is made of; and the share of takeaways
/// that are titles only, which the build tags from their titles alone (with fewer themes and
/// projects).
#[test]
fn its_takeaways_name_as_many_projects_and_are_as_often_titles_only_as_the_seeds() {
    let dir = synth(200);
    // Each corpus built once, both measures read from it.
    let bundle = |corpus: &Path| builder::check(corpus).unwrap().dataset.bundle;
    let (synthetic, seeds) = (bundle(dir.path()), bundle(&common::corpus_dir()));
    let share = |bundle: &Bundle| per_takeaway(bundle, |t| usize::from(!t.has_body()));
    let projects = |bundle: &Bundle| per_takeaway(bundle, |t| t.projects.len());
    assert_near("projects per takeaway", projects(&synthetic), projects(&seeds));
    assert_near("the share of titles only", share(&synthetic), share(&seeds));
}

#[test]
fn every_article_builds_without_a_warning_over_every_event() {
    let dir = synth(40);
    let checked = builder::check(dir.path()).unwrap();
    // A title-only takeaway is warned of, as the seeds' are: nothing else is.
    let warnings: Vec<String> = checked.warnings.iter().map(ToString::to_string).collect();
    let others: Vec<&String> = warnings.iter().filter(|w| !w.contains("has no section: title only")).collect();
    assert!(others.is_empty(), "{others:#?}");
    assert!(others.len() < warnings.len(), "no takeaway is a title only");
    let bundle = &checked.dataset.bundle;
    assert_eq!(bundle.articles.len(), 40);
    let per_article = bundle.takeaways.len() as f64 / 40.0;
    assert!((7.0..=9.0).contains(&per_article), "{per_article} takeaways per article");
    for (index, event) in bundle.events.iter().enumerate() {
        let dates: Vec<&str> = bundle
            .articles
            .iter()
            .filter(|a| a.event.is_some_and(|e| e.0 as usize == index))
            .filter_map(|a| a.date.as_deref())
            .collect();
        assert!(!dates.is_empty(), "no article of {}", event.id);
        for date in dates {
            let days = day_number(date) - day_number(&event.start);
            assert!((0..=31).contains(&days), "{date} is not within a month of {}'s start", event.id);
        }
    }
}

/// A number that grows by at least one a day (months counted as 31 days), for `YYYY-MM-DD`.
fn day_number(date: &str) -> i64 {
    let parts: Vec<i64> = date.split('-').map(|p| p.parse().unwrap()).collect();
    (parts[0] * 12 + parts[1]) * 31 + parts[2]
}

#[cfg(feature = "bench")]
#[test]
fn every_benchmark_query_finds_takeaways() {
    let dataset = builder::check(synth(40).path()).unwrap().dataset;
    for query in takeaways::bench::search::BENCH_QUERIES {
        assert!(!builder::report::search(&dataset, query, 10, false).hits.is_empty(), "nothing found for {query}");
    }
}
