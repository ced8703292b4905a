//! The site `takeaways finish-site` writes around the data, natively: every file but the pages,
//! feeds, sitemap, robots.txt and the worker is named by its content, the names are the same
//! when nothing changed, and the service worker names the files of its own build.

mod common;

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use takeaways::explore::facets::{Facet, Facets};
use takeaways::explore::listing::list_order;
use takeaways::explore::url::PAGE;
use takeaways::model::{PartOf, StoredBundle, TakeawayBody};

use common::corpus_dir;

/// The files of a site built from the seeds (with a page like trunk's) by `finish-site` with
/// `options`, relative to its root.
fn build_site(dir: &Path, options: &[&str]) -> BTreeSet<String> {
    build_site_of(dir, &corpus_dir(), options)
}

/// [`build_site`] from the corpus in `corpus`.
fn build_site_of(dir: &Path, corpus: &Path, options: &[&str]) -> BTreeSet<String> {
    let site = dir.join("site");
    fs::create_dir_all(&site).unwrap();
    let head = "<meta charset=\"utf-8\" /><base href=\"/\" /><script type=\"module\">import init from '/app.js'; await init();</script>";
    fs::write(site.join("index.html"), format!("<!doctype html><html><head>{head}</head><body></body></html>"))
        .unwrap();
    fs::copy(Path::new(env!("CARGO_MANIFEST_DIR")).join("public/favicon.svg"), site.join("favicon-0123.svg")).unwrap();
    let run = |args: &[&str]| {
        let output = Command::new(env!("CARGO_BIN_EXE_takeaways")).args(args).output().unwrap();
        assert!(output.status.success(), "{args:?}: {}", String::from_utf8_lossy(&output.stderr));
    };
    run(&["build", "--corpus", corpus.to_str().unwrap(), "--out", site.to_str().unwrap()]);
    run(&[&["finish-site", "--site", site.to_str().unwrap()], options].concat());
    files(&site, &site)
}

fn files(root: &Path, dir: &Path) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path: PathBuf = entry.unwrap().path();
        if path.is_dir() {
            found.extend(files(root, &path));
        } else {
            found.insert(path.strip_prefix(root).unwrap().to_string_lossy().into_owned());
        }
    }
    found
}

#[test]
fn a_site_built_twice_has_the_same_file_names_each_named_by_its_content() {
    let (first, second, cache) =
        (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let options = ["--card-cache", cache.path().to_str().unwrap()];
    let names = build_site(first.path(), &options);
    assert_eq!(names, build_site(second.path(), &options), "a second build names its files alike");
    let worker = |dir: &Path| fs::read_to_string(dir.join("site/sw.js")).unwrap();
    assert_eq!(worker(first.path()), worker(second.path()));

    let fixed =
        |name: &str| name.ends_with(".html") || name.ends_with(".xml") || ["robots.txt", "sw.js"].contains(&name);
    for name in names.iter().filter(|n| !fixed(n)) {
        // The file's name or its folder's (`texts.<hash>/0.json`).
        let hashed =
            name.split(['/', '.', '-']).any(|part| part.len() >= 4 && part.bytes().all(|b| b.is_ascii_hexdigit()));
        assert!(hashed, "{name} is not named by its content");
    }
    for kind in ["bundle", "texts", "search"] {
        assert!(!names.contains(&format!("{kind}.json")), "{kind}.json keeps its plain name");
        let named = |n: &&String| n.starts_with(&format!("{kind}.")) && n.ends_with(".json") && !n.contains('/');
        assert_eq!(names.iter().filter(named).count(), 1);
    }
    // The worker precaches this build's files and nothing else.
    let sw = worker(first.path());
    let list = sw.lines().find_map(|l| l.strip_prefix("const PRECACHE = ")).unwrap().trim_end_matches(';');
    let precached: Vec<String> = serde_json::from_str(list).unwrap();
    for file in precached.iter().filter(|f| f.as_str() != "./") {
        assert!(names.contains(file), "{file} is precached but not in the site");
    }
    let bundle = names.iter().find(|n| n.starts_with("bundle.") && n.ends_with(".json") && !n.contains('/')).unwrap();
    let parts = format!("{}/", bundle.trim_end_matches(".json"));
    for file in ["outline.json", "titles.json", "articles.json"].map(|part| format!("{parts}{part}")) {
        assert!(precached.contains(&file), "{file} is not precached");
    }
    assert!(!precached.contains(bundle), "the whole bundle, which pages never fetch, is precached");
    for kind in ["manifest.", "icon-512-maskable."] {
        assert!(precached.iter().any(|f| f.starts_with(kind)), "{kind} is not precached");
    }
    // Every page names the manifest and its build's data files.
    let home = fs::read_to_string(first.path().join("site/index.html")).unwrap();
    assert!(home.contains(&format!("data-bundle=\"{parts}\"")), "{home}");
    assert!(!home.contains("data-titles-by-article"), "the seeds' search reads titles by article: {home}");
    assert!(home.contains("rel=\"manifest\" href=\"manifest."));
}

#[test]
fn each_articles_texts_its_summaries_and_the_index_in_pieces_ship_apart_named_by_the_pages() {
    let dir = tempfile::tempdir().unwrap();
    let names = build_site(dir.path(), &["--no-cards"]);
    let site = dir.path().join("site");
    let seeds = common::seeds();
    // The bundle in three files, its outline, its takeaways' titles and its articles', which make
    // it again.
    let whole = |kind: &str| names.iter().find(|n| n.starts_with(kind) && n.ends_with(".json") && !n.contains('/'));
    let parts = whole("bundle.").unwrap().trim_end_matches(".json").to_owned();
    let read = |part: &str| fs::read(site.join(&parts).join(part)).unwrap();
    let outlined = || {
        let outline: takeaways::model::StoredBundle = serde_json::from_slice(&read("outline.json")).unwrap();
        outline.outlined().unwrap()
    };
    let titles = || serde_json::from_slice(&read("titles.json")).unwrap();
    let article_titles = || serde_json::from_slice(&read("articles.json")).unwrap();
    assert_eq!(outlined().with_titles(titles(), article_titles()).unwrap(), seeds.bundle);
    // The seeds' themes and projects weigh too little for the first page's outline to ship.
    assert!(!names.contains(&format!("{parts}/first-page.json")), "{names:?}");
    let others = format!(r#"{{"schema": {}, "title": ["x"], "alt_title": [null]}}"#, seeds.schema);
    let refused = outlined().with_titles(serde_json::from_str(&others).unwrap(), article_titles()).err().unwrap();
    assert!(refused.contains("another build"), "{refused}");
    let others = format!(r#"{{"schema": {}, "title": ["x"]}}"#, seeds.schema);
    let refused = outlined().with_titles(titles(), serde_json::from_str(&others).unwrap()).err().unwrap();
    assert!(refused.contains("another build"), "{refused}");
    // A whole bundle is no outline: it holds its titles.
    let stored: takeaways::model::StoredBundle =
        serde_json::from_slice(&fs::read(site.join(whole("bundle.").unwrap())).unwrap()).unwrap();
    assert!(stored.outlined().err().unwrap().contains("another build"));
    let outline = String::from_utf8(read("outline.json")).unwrap();
    assert!(!outline.contains(&seeds.title(0).title), "the outline holds a takeaway's title");
    assert!(!outline.contains(&seeds.article_titles[0].title), "the outline holds an article's title");
    let texts = whole("texts.").unwrap();
    let folder = format!("{}/", texts.trim_end_matches(".json"));
    assert_eq!(names.iter().filter(|n| n.starts_with(&folder)).count(), 2 * seeds.articles.len());
    for at in (0..seeds.articles.len()).map(takeaways::model::ArticleIx::at) {
        let file = fs::read_to_string(site.join(format!("{folder}{}.json", at.get()))).unwrap();
        let shipped: takeaways::model::ArticleTexts = serde_json::from_str(&file).unwrap();
        shipped.check(&seeds.bundle, at.get()).unwrap();
        assert_eq!(shipped, seeds.texts.of_article(&seeds.bundle, at));
        let file = fs::read_to_string(site.join(format!("{folder}{}-summaries.json", at.get()))).unwrap();
        let shipped: takeaways::model::ArticleSummaries = serde_json::from_str(&file).unwrap();
        shipped.check(&seeds.bundle, at.get()).unwrap();
        assert_eq!(shipped.takeaways, seeds.texts.takeaway_summaries[seeds.takeaway_range(at)]);
        assert_eq!(shipped.titles, seeds.titles_of(at), "a card's titles come with its summary");
    }
    let page = site.join(takeaways::model::ids::takeaway_path(&seeds.title(0).id)).join("index.html");
    let page = fs::read_to_string(page).unwrap();
    assert!(page.contains(&format!("data-article-texts=\"{folder}\"")), "{page}");
    assert!(!page.contains("data-takeaway-bodies"), "the seeds' texts fit the precache: {page}");
    // Its article's texts and summaries download beside the app.
    let article = seeds.takeaways[0].article.get();
    for file in [format!("{article}.json"), format!("{article}-summaries.json")] {
        assert!(page.contains(&format!("<link rel=\"preload\" href=\"{folder}{file}\"")), "{page}");
    }
    // And its related takeaways' summaries, which hold their titles.
    use takeaways::explore::related::{related, SHOWN};
    let shown = related(&seeds.bundle, 0, SHOWN);
    assert!(!shown.is_empty());
    for t in shown {
        let file = format!("{folder}{}-summaries.json", seeds.takeaways[t].article.get());
        assert!(page.contains(&format!("<link rel=\"preload\" href=\"{file}\"")), "{file}: {page}");
    }
    // The title's and the body's index in pieces: the head's first terms are the pieces' (of
    // one field or the other), and the pieces together are the index.
    let search = names.iter().find(|n| n.starts_with("search.") && n.ends_with(".json") && !n.contains('/')).unwrap();
    let folder = format!("{}/", search.trim_end_matches(".json"));
    let read = |file: &str| fs::read_to_string(site.join(format!("{folder}{file}"))).unwrap();
    let head: takeaways::model::SearchHead = serde_json::from_str(&read("head.json")).unwrap();
    // The words by runs of initials, a file each.
    for (n, &first) in head.initials.iter().enumerate() {
        let words: takeaways::model::IndexWords = serde_json::from_str(&read(&format!("words-{n}.json"))).unwrap();
        assert!(!words.words.is_empty() && words.words.iter().all(|word| word.starts_with(|c| c >= first)), "{first}");
    }
    let files = head.firsts.len() + head.initials.len() + 1;
    assert_eq!(names.iter().filter(|n| n.starts_with(&folder)).count(), files);
    let mut terms = vec![Vec::new(); seeds.search.fields.len()];
    for (n, first) in head.firsts.iter().enumerate() {
        let piece: takeaways::model::SearchShard = serde_json::from_str(&read(&format!("{n}.json"))).unwrap();
        let firsts: Vec<&String> = piece.fields.iter().filter_map(|f| f.terms.first()).collect();
        assert_eq!(firsts.iter().min(), Some(&first), "piece {n}");
        for (all, field) in terms.iter_mut().zip(piece.fields) {
            all.extend(field.terms);
        }
    }
    let shipped: Vec<_> = seeds.search.fields.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(shipped, takeaways::search::index::SHIPPED_FIELDS);
    for (field, terms) in seeds.search.fields.iter().zip(terms) {
        assert_eq!(terms, field.terms, "{}", field.name);
    }
    assert_eq!(head.lengths, seeds.search.fields.iter().map(|f| f.lengths.clone()).collect::<Vec<_>>());
    assert!(page.contains(&format!("data-search=\"{folder}\"")), "{page}");
    // Another article's texts are refused.
    let other = seeds.texts.of_article(&seeds.bundle, takeaways::model::ArticleIx::at(1));
    assert!(other.check(&seeds.bundle, 0).is_err());
}

/// The texts' folder of a site whose files are `names`, and the files its worker precaches.
fn texts_and_precache(site: &Path, names: &BTreeSet<String>) -> (String, Vec<String>) {
    let texts = names.iter().find(|n| n.starts_with("texts.") && n.ends_with(".json") && !n.contains('/')).unwrap();
    let sw = fs::read_to_string(site.join("sw.js")).unwrap();
    let list = sw.lines().find_map(|l| l.strip_prefix("const PRECACHE = ")).unwrap().trim_end_matches(';');
    (format!("{}/", texts.trim_end_matches(".json")), serde_json::from_str(list).unwrap())
}

#[test]
fn the_first_pages_outline_ships_where_asked_with_that_pages_themes_and_projects_and_the_facets_totals() {
    let dir = tempfile::tempdir().unwrap();
    let names = build_site(dir.path(), &["--no-cards", "--first-page"]);
    let site = dir.path().join("site");
    let seeds = common::seeds();
    let bundle = names.iter().find(|n| n.starts_with("bundle.") && n.ends_with(".json") && !n.contains('/')).unwrap();
    let parts = bundle.trim_end_matches(".json");
    let read = |part: &str| fs::read(site.join(parts).join(part)).unwrap();
    let outlined = |part: &str| serde_json::from_slice::<StoredBundle>(&read(part)).unwrap().outlined().unwrap();
    let (first_page, whole) = (outlined("first-page.json"), outlined("outline.json"));
    assert_eq!(whole, seeds.bundle.outline);
    assert!(first_page.first_page_totals.is_some() && whole.first_page_totals.is_none());
    // The first page's takeaways have theirs; the others none.
    let order = list_order(&seeds.bundle);
    let mut left_out = 0;
    for (index, (first, whole)) in first_page.takeaways.iter().zip(&whole.takeaways).enumerate() {
        match order[..PAGE].contains(&index) {
            true => assert_eq!(first, whole, "takeaway {index}"),
            false if first != whole => {
                assert!(first.themes.is_empty() && first.projects.is_empty(), "takeaway {index}: {first:?}");
                left_out += 1;
            }
            false => {}
        }
    }
    assert!(left_out > 0, "no takeaway's themes and projects were left out");
    // Its facets show what the whole outline's do, totals included.
    let (first, whole) = (Facets::new(&first_page), Facets::new(&whole));
    for facet in Facet::ALL {
        assert_eq!(first.options(facet), whole.options(facet), "{facet:?}");
    }
    // It is no whole bundle.
    let stored: StoredBundle = serde_json::from_slice(&read("first-page.json")).unwrap();
    assert!(takeaways::model::Bundle::try_from(stored).is_err());
    // The pages name it, and it is kept offline with the rest of the bundle.
    // The home preloads neither outline (its app picks by its URL); another page the whole one.
    let home = fs::read_to_string(site.join("index.html")).unwrap();
    assert!(home.contains("data-first-page"), "{home}");
    let preloads = |page: &str| page.contains(&format!("<link rel=\"preload\" href=\"{parts}/outline.json\""));
    assert!(!preloads(&home) && !home.contains("first-page.json"), "{home}");
    let takeaway = names.iter().find(|n| n.starts_with("t/") && n.ends_with("index.html")).unwrap();
    assert!(preloads(&fs::read_to_string(site.join(takeaway)).unwrap()), "{takeaway}");
    let (_, precached) = texts_and_precache(&site, &names);
    assert!(precached.contains(&format!("{parts}/first-page.json")), "{precached:?}");
}

#[test]
fn takeaways_bodies_ship_alone_where_asked_or_where_the_texts_are_too_large_to_keep_offline() {
    // Asked for, at the seeds: each takeaway's body, named by the pages, kept offline with the
    // rest of the texts, which fit; and a search's titles read by article, asked for too.
    let dir = tempfile::tempdir().unwrap();
    let names = build_site(dir.path(), &["--no-cards", "--takeaway-bodies", "--titles-by-article"]);
    let site = dir.path().join("site");
    let seeds = common::seeds();
    let (folder, precached) = texts_and_precache(&site, &names);
    for index in 0..seeds.takeaways.len() {
        let file = format!("{folder}takeaway-{index}.json");
        let shipped: TakeawayBody = serde_json::from_str(&fs::read_to_string(site.join(&file)).unwrap()).unwrap();
        shipped.check(&seeds.bundle, index).unwrap();
        assert_eq!(shipped.body, seeds.texts.bodies[index]);
        // With what its card shows, so that a search's results read no article's summaries.
        assert_eq!(shipped.title, *seeds.bundle.title(index));
        assert_eq!(shipped.summary, seeds.texts.takeaway_summaries[index]);
        assert_eq!(shipped.article_title, *seeds.bundle.article_title(seeds.takeaways[index].article));
        assert!(precached.contains(&file), "{file} is not precached");
    }
    assert!(seeds.texts.body_of(&seeds.bundle, 1).check(&seeds.bundle, 0).is_err(), "another takeaway's body");
    let home = fs::read_to_string(site.join("index.html")).unwrap();
    assert!(home.contains("data-takeaway-bodies") && home.contains("data-titles-by-article"), "{home}");

    // Not asked for, where the texts outgrow the precache: they ship, and no texts are precached;
    // the bundle is too small for a search to read its titles by article.
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    let synth = Command::new(env!("CARGO_BIN_EXE_takeaways"))
        .args(["synth", "--articles", "200", "--corpus", corpus_dir().to_str().unwrap(), "--out"])
        .arg(&corpus)
        .output()
        .unwrap();
    assert!(synth.status.success(), "{}", String::from_utf8_lossy(&synth.stderr));
    let names = build_site_of(dir.path(), &corpus, &["--no-cards"]);
    let site = dir.path().join("site");
    let (folder, precached) = texts_and_precache(&site, &names);
    // (Its first takeaway may be a title only, with no body to ship.)
    assert!(names.iter().any(|n| n.starts_with(&format!("{folder}takeaway-"))), "no body ships alone");
    assert!(!precached.iter().any(|f| f.starts_with(&folder)), "texts are precached: {precached:?}");
    let home = fs::read_to_string(site.join("index.html")).unwrap();
    assert!(home.contains("data-takeaway-bodies") && !home.contains("data-titles-by-article"), "{home}");
}

#[test]
fn without_cards_the_pages_name_no_image() {
    let dir = tempfile::tempdir().unwrap();
    let names = build_site(dir.path(), &["--no-cards"]);
    assert!(!names.iter().any(|n| n.starts_with("cards/")), "cards were drawn");
    let home = fs::read_to_string(dir.path().join("site/index.html")).unwrap();
    assert!(home.contains("og:title") && !home.contains("og:image"), "{home}");
}

#[test]
fn an_articles_page_previews_its_summary_from_the_texts() {
    let dir = tempfile::tempdir().unwrap();
    build_site(dir.path(), &["--no-cards"]);
    let seeds = common::seeds();
    let plain = |s: &str| !s.is_empty() && !s.contains(['&', '<', '>', '"', '\'']);
    let (at, article) = (seeds.articles.iter().enumerate())
        .find(|&(at, _)| plain(&seeds.texts.summaries[at]))
        .expect("a seed article with a summary");
    let page = fs::read_to_string(
        dir.path().join("site").join(takeaways::model::ids::article_path(&article.id)).join("index.html"),
    )
    .unwrap();
    let description = format!("<meta property=\"og:description\" content=\"{}\"", seeds.texts.summaries[at]);
    assert!(page.contains(&description), "{} has no {description}", article.id);
}
