//! The build on the real corpus, and the command line's behaviour on a broken one.

mod common;

use std::collections::HashSet;
use std::fs;
use std::path::Path;
use std::process::Command;

use takeaways::model::{ArticleIx, BUNDLE_FILE, SCHEMA_VERSION};

use common::{corpus_dir as corpus, seeds};

fn cli(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_takeaways")).args(args).output().expect("the CLI runs")
}

#[test]
fn every_seed_article_becomes_an_article_with_takeaways() {
    let bundle = seeds();
    assert_eq!(bundle.schema, SCHEMA_VERSION);
    let files: HashSet<String> = fs::read_dir(corpus())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|f| f.ends_with(".md"))
        .collect();
    assert_eq!(files.len(), 5);
    assert_eq!(bundle.articles.iter().map(|a| a.file.clone()).collect::<HashSet<_>>(), files);
    for (index, article) in bundle.articles.iter().enumerate() {
        assert!(bundle.takeaways_of(ArticleIx::at(index)).len() >= 3, "{} has too few takeaways", article.id);
        assert!(bundle.event_of(article).is_some(), "{} has no event", article.id);
        assert!(!article.authors.is_empty(), "{} has no author", article.id);
    }
    let ids: HashSet<&str> = bundle.titles.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids.len(), bundle.takeaways.len(), "takeaway ids are unique");
    assert!(bundle.titles.iter().all(|t| t.id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')));
}

#[test]
fn each_articles_takeaways_are_found_where_they_are_grouped() {
    let mut bundle = seeds().bundle;
    for (index, article) in bundle.articles.iter().enumerate() {
        let at = ArticleIx::at(index);
        let scanned: Vec<usize> = (0..bundle.takeaways.len()).filter(|&t| bundle.takeaways[t].article == at).collect();
        assert_eq!(bundle.takeaway_range(at).collect::<Vec<_>>(), scanned, "{}", article.id);
    }
    assert_eq!(bundle.check_positions(), Ok(()));
    let last = bundle.takeaways.len() - 1;
    bundle.takeaways.swap(0, last);
    let err = bundle.check_positions().unwrap_err();
    assert!(err.contains("not grouped by article"), "{err}");
}

#[test]
fn articles_come_in_event_order() {
    let bundle = seeds();
    let starts: Vec<&str> = bundle.articles.iter().map(|a| bundle.event_of(a).unwrap().start.as_str()).collect();
    assert!(starts.windows(2).all(|w| w[0] <= w[1]), "{starts:?}");
    assert_eq!(bundle.event(bundle.articles[0].event.unwrap()).id, "2019-eu-barcelona");
}

#[test]
fn the_cli_writes_a_bundle_that_reads_back() {
    let out = tempfile::tempdir().unwrap();
    let run = cli(&["build", "--corpus", corpus().to_str().unwrap(), "--out", out.path().to_str().unwrap()]);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    // The bundle alone has no index (it is in search.json, fetched when search is first needed);
    // read together, they are the whole bundle.
    let text = fs::read_to_string(out.path().join(BUNDLE_FILE)).unwrap();
    let shipped: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert!(shipped.get("search").is_none(), "bundle.json holds an index");
    // Nor the takeaways' ids, which are made again from their article, ordinal and title, nor
    // their articles and ordinals, made again from how many each article has.
    let columns = &shipped["takeaways"];
    assert!(columns.get("id").is_none() && columns.get("title").is_some());
    assert!(columns.get("article").is_none() && columns.get("ordinal").is_none());
    assert!(shipped["articles"].get("file").is_none(), "every seed's file is its id and .md");
    let dataset = takeaways::builder::read(&out.path().join(BUNDLE_FILE)).unwrap();
    assert!(!dataset.search.fields.is_empty());
    assert_eq!(dataset, seeds());
    // The app reads it to the same bundle.
    assert_eq!(takeaways::app::parse_bundle(text.as_bytes()), Ok(dataset.bundle));
}

#[test]
fn a_stored_bundle_keeps_a_file_that_is_not_its_articles_id_and_refuses_counts_that_do_not_add_up() {
    let mut bundle = seeds().bundle;
    bundle.articles[1].file = "Another Name.md".to_owned();
    let written = serde_json::to_string(&bundle).unwrap();
    assert_eq!(takeaways::app::parse_bundle(written.as_bytes()), Ok(bundle.clone()));
    let shipped: serde_json::Value = serde_json::from_str(&written).unwrap();
    assert_eq!(shipped["articles"]["file"][0], serde_json::Value::Null);
    let counts = shipped["takeaways"]["per_article"].to_string();
    for (damaged, why) in [
        (counts.replacen(|c: char| c.is_ascii_digit(), "9", 1), "differ in length"),
        (counts.replacen('[', "[1,", 1), "differ in length"),
        (counts.replacen('[', "[4294967295,", 1), "differ in length"),
    ] {
        let refused = takeaways::app::parse_bundle(written.replacen(&counts, &damaged, 1).as_bytes()).unwrap_err();
        assert!(refused.contains(why), "{damaged}: {refused}");
    }
    // A title more or less than there are takeaways: damaged, not of another build.
    let mut titles = shipped.clone();
    titles["takeaways"]["title"].as_array_mut().unwrap().pop();
    let refused = takeaways::app::parse_bundle(titles.to_string().as_bytes()).unwrap_err();
    assert!(refused.contains("differ in length"), "{refused}");
    let themes = shipped["takeaways"]["themes"].as_str().unwrap();
    let damaged = written.replacen(themes, &themes.replacen(',', ";", 1), 1);
    let refused = takeaways::app::parse_bundle(damaged.as_bytes()).unwrap_err();
    assert!(refused.contains("damaged") && refused.contains("not a list of numbers"), "{refused}");
    // The writer drops no numbering: a takeaway not numbered from 1 in its article is refused.
    bundle.takeaways[0].ordinal = 2;
    assert!(bundle.check_positions().unwrap_err().contains("not numbered from 1"));
}

#[test]
fn a_broken_article_names_file_and_line_and_keeps_the_previous_bundle() {
    let dir = tempfile::tempdir().unwrap();
    let (corpus_dir, out) = (dir.path().join("corpus"), dir.path().join("out"));
    fs::create_dir_all(&corpus_dir).unwrap();
    fs::create_dir_all(&out).unwrap();
    fs::write(out.join(BUNDLE_FILE), "previous good bundle").unwrap();
    fs::write(corpus_dir.join("good.md"), "# Good\n\n## One\n\ntext\n").unwrap();
    fs::write(corpus_dir.join("broken.md"), "---\ntitle: ok\ndate: [never closed\n---\n\n## One\n").unwrap();

    let run = cli(&["build", "--corpus", corpus_dir.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(!run.status.success());
    assert!(stderr.contains("broken.md:"), "{stderr}");
    assert!(stderr.contains("hint:"), "{stderr}");
    assert_eq!(fs::read_to_string(out.join(BUNDLE_FILE)).unwrap(), "previous good bundle");
}

#[test]
fn trunk_uses_the_wasm_bindgen_version_of_the_lockfile() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let lock = fs::read_to_string(root.join("Cargo.lock")).unwrap();
    let locked = lock.split("[[package]]").find(|p| p.contains("name = \"wasm-bindgen\"\n")).unwrap();
    let trunk = fs::read_to_string(root.join("Trunk.toml")).unwrap();
    let version = locked.lines().find_map(|l| l.strip_prefix("version = ")).unwrap();
    assert!(trunk.contains(&format!("wasm_bindgen = {version}")), "Trunk.toml must pin wasm-bindgen {version}");
}

#[test]
fn list_json_carries_the_stable_fields() {
    let run = cli(&["list", "--json", "--corpus", corpus().to_str().unwrap()]);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let listed: Vec<serde_json::Value> = serde_json::from_slice(&run.stdout).unwrap();
    assert_eq!(listed.len(), 39);
    let devops = listed.iter().find(|t| t["title"].as_str().unwrap().starts_with("DevOps")).unwrap();
    assert_eq!(devops["path"], format!("t/{}", devops["id"].as_str().unwrap()));
    assert_eq!(devops["ordinal"], 2);
    assert_eq!(devops["title_en"], "DevOps is so passé: Platform Engineering all the things!");
    assert_eq!(devops["article"]["file"], "2023-na-chicago-daniel-bryant.md");
    // Read from the corpus, it says where the article's fields came from.
    assert_eq!(devops["article"]["sources"]["title"], "front matter");
    assert_eq!(devops["article"]["sources"]["event"], "file name");
    assert_eq!(devops["event"]["id"], "2023-na-chicago");
    assert_eq!(devops["event"]["name"], "KubeCon + CloudNativeCon North America 2023");
    assert_eq!(devops["themes"][0], "platform-engineering");
    assert_eq!(devops["has_body"], true);
    assert!(devops["projects"].is_array());
    assert!(listed.iter().any(|t| t["has_body"] == false));
}

#[test]
fn check_passes_on_the_seeds_with_warnings_and_stats_counts() {
    let run = cli(&["check", "--corpus", corpus().to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "{stderr}");
    assert!(stderr.contains("2019-eu-barcelona-daniel-bryant.md:31: warning: takeaway 4"), "{stderr}");
    let run = cli(&["stats", "--corpus", corpus().to_str().unwrap()]);
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(stdout.contains("10  2019-eu-barcelona"), "{stdout}");
    assert!(stdout.contains("platform-engineering"), "{stdout}");
}

#[test]
fn search_reads_a_misspelt_word_as_its_correction_and_says_so() {
    let corpus = corpus();
    let search = |args: &[&str]| {
        let run = cli(&[&["search", "--corpus", corpus.to_str().unwrap()], args].concat());
        assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
        String::from_utf8(run.stdout).unwrap()
    };
    let json = |args: &[&str]| serde_json::from_str::<serde_json::Value>(&search(args)).unwrap();
    let ids = |found: &serde_json::Value| -> Vec<String> {
        found["hits"].as_array().unwrap().iter().map(|h| h["id"].as_str().unwrap().to_owned()).collect()
    };
    let misspelt = json(&["--json", "kubernets"]);
    assert_eq!(misspelt["query"], "kubernets");
    assert_eq!(misspelt["corrected"], "kubernetes");
    let right = json(&["--json", "kubernetes"]);
    assert_eq!(right["corrected"], serde_json::Value::Null);
    assert!(!ids(&right).is_empty());
    assert_eq!(ids(&misspelt), ids(&right));
    assert!(right["hits"][0]["title_en"].is_string(), "{right}");
    // As typed, it finds nothing; the plain text says what it searched for.
    let literal = json(&["--json", "--literal", "kubernets"]);
    assert_eq!(literal["corrected"], serde_json::Value::Null);
    assert!(ids(&literal).is_empty());
    let text = search(&["kubernets"]);
    assert!(
        text.starts_with("showing results for “kubernetes” · search for “kubernets” instead with --literal\n"),
        "{text}"
    );
    assert_eq!(text.lines().count(), 2 + ids(&right).len());
    // The count is of the takeaways that match; the others follow, marked.
    let lts = json(&["--json", "--limit", "20", "LTS"]);
    assert_eq!(lts["matches"], 2);
    let matching: Vec<bool> =
        lts["hits"].as_array().unwrap().iter().map(|h| h["matching"].as_bool().unwrap()).collect();
    assert!(matching.len() > 2 && matching[..2] == [true, true] && matching[2..].iter().all(|m| !m), "{matching:?}");
}
