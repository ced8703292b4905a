//! Golden tests of what the build understands of the seed corpus, and of its rules on
//! small articles in each header style.

mod common;

use common::{seeds, titled};

use std::fs;
use std::path::{Path, PathBuf};

use takeaways::builder;
use takeaways::model::{ArticleIx, Bundle};

/// A corpus folder holding the seed metadata files and the given articles.
fn corpus_with(articles: &[(&str, &str)]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    fs::create_dir_all(&corpus).unwrap();
    for file in ["events.toml", "themes.toml", "projects.toml"] {
        fs::copy(Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus").join(file), corpus.join(file)).unwrap();
    }
    for (name, text) in articles {
        fs::write(corpus.join(name), text).unwrap();
    }
    (dir, corpus)
}

fn titles(bundle: &Bundle) -> Vec<&str> {
    bundle.titles.iter().map(|t| t.title.as_str()).collect()
}

fn theme_ids<'a>(bundle: &'a Bundle, title_start: &str) -> Vec<&'a str> {
    let t = &bundle.takeaways[titled(bundle, title_start)];
    t.themes.iter().map(|&theme| bundle.theme(theme).id.as_str()).collect()
}

#[test]
fn seed_takeaways_match_the_golden_file() {
    let bundle = seeds();
    let actual: String = bundle
        .takeaways
        .iter()
        .zip(&bundle.titles)
        .map(|(t, titled)| {
            let alt = titled.alt_title.as_deref().map(|a| format!(" [heading: {a}]")).unwrap_or_default();
            let detail = if t.has_body() { "" } else { " (title only)" };
            format!("{}\t{}{alt}{detail}\n", titled.id, titled.title)
        })
        .collect();
    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/takeaways.txt");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        fs::write(&golden, &actual).unwrap();
    }
    let expected = fs::read_to_string(&golden).unwrap();
    assert!(
        actual == expected,
        "takeaways differ from tests/golden/takeaways.txt (rerun with UPDATE_GOLDEN=1 to accept):\n{actual}"
    );
}

#[test]
fn seed_articles_have_the_expected_takeaway_counts() {
    let bundle = seeds();
    let count = |id: &str| {
        let index = ArticleIx::at(bundle.articles.iter().position(|a| a.id == id).unwrap());
        let with_body = bundle.takeaways_of(index).iter().filter(|t| t.has_body()).count();
        (bundle.takeaways_of(index).len(), with_body)
    };
    assert_eq!(count("2023-na-chicago-daniel-bryant"), (10, 10));
    assert_eq!(count("2023-na-chicago-yurh-keynotes"), (5, 5));
    assert_eq!(count("2024-eu-paris-jason-bloomberg"), (6, 6));
    assert_eq!(count("2019-eu-barcelona-daniel-bryant"), (10, 3));
    assert_eq!(count("2024-eu-paris-the-new-stack"), (8, 8));
    assert_eq!(bundle.takeaways.len(), 39);
}

#[test]
fn list_items_keep_both_wordings() {
    let bundle = seeds();
    let t = bundle.titles.iter().find(|t| t.title == "增加对应用程序开发和集成的关注").unwrap();
    assert_eq!(t.alt_title.as_deref(), Some("加大对应用开发和集成的关注"));
    let t = bundle.title(titled(&bundle, "云原生通信"));
    assert_eq!(t.alt_title.as_deref(), Some("云原生通信：捆绑是否王道？"));
    // Punctuation alone is not another wording.
    assert!(bundle.title(titled(&bundle, "DevOps")).alt_title.is_none());
}

#[test]
fn mis_levelled_headings_join_the_theme_they_continue() {
    let bundle = seeds();
    let body = |start: &str| bundle.body(titled(&bundle, start)).as_str();
    assert!(body("Kubernetes 中的机器学习").contains("<h3>Ray：分布式计算框架</h3>"));
    assert!(body("Kubernetes 中的机器学习").contains("<h3>Anyscale：Ray 的商业版本</h3>"));
    assert!(body("使用 eBPF 和 Cilium").contains("<h3>eBPF 和 Cilium：Kubernetes 的网络、可观测性和安全解决方案</h3>"));
    assert!(body("可观测性和性能工程").contains("<h3>通过 Grafana Cloud 和 OpenTelemetry 实现端到端的可观测性</h3>"));
    // The overview that repeats the title's count, and the conclusion, are context.
    let article = bundle.articles.iter().position(|a| a.id == "2024-eu-paris-the-new-stack").unwrap();
    let contexts = &bundle.texts.contexts[article];
    let context =
        |after: u32| contexts.iter().filter(|c| c.after == after).map(|c| c.html.as_str()).collect::<String>();
    assert!(context(0).contains("60 场会议"));
    assert!(context(8).contains("结语"));
}

#[test]
fn obvious_themes_are_assigned() {
    let bundle = seeds();
    assert_eq!(theme_ids(&bundle, "DevOps 已经过时")[0], "platform-engineering");
    assert!(theme_ids(&bundle, "安全是大生意").contains(&"security"));
    assert!(theme_ids(&bundle, "由社区支持的 Kubernetes LTS").contains(&"kubernetes-lifecycle"));
    assert!(theme_ids(&bundle, "服务网格接口").contains(&"networking"));
    assert!(theme_ids(&bundle, "更加关注可持续性").contains(&"sustainability-finops"));
    assert!(theme_ids(&bundle, "更加关注可持续性").contains(&"observability"));
    for ((t, titled), terms) in bundle.takeaways.iter().zip(&bundle.titles).zip(&bundle.texts.theme_terms) {
        let title = &titled.title;
        assert!(!t.themes.is_empty(), "takeaway `{title}` has no theme");
        assert_eq!(t.themes.len(), terms.len(), "themes and their reasons differ on `{title}`");
        assert!(terms.iter().all(|words| !words.is_empty()), "theme without a reason on `{title}`");
    }
}

#[test]
fn projects_are_found_with_word_boundaries() {
    let bundle = seeds();
    let projects = |start: &str| -> Vec<&str> {
        let t = &bundle.takeaways[titled(&bundle, start)];
        t.projects.iter().map(|&p| bundle.project(p).id.as_str()).collect()
    };
    assert!(projects("使用 eBPF 和 Cilium").contains(&"cilium"));
    assert!(projects("使用 eBPF 和 Cilium").contains(&"falco"));
    assert!(projects("Kubernetes 中的机器学习").contains(&"ray"));
    assert!(projects("服务网格接口").contains(&"smi"));
}

#[test]
fn articles_say_where_their_fields_came_from() {
    let checked = builder::check(&common::corpus_dir()).unwrap();
    let bundle = &checked.dataset.bundle;
    let at = |id: &str| bundle.articles.iter().position(|a| a.id == id).unwrap();
    let article = |id: &str| (&bundle.articles[at(id)], &checked.sources[at(id)]);
    let (a, sources) = article("2023-na-chicago-daniel-bryant");
    assert_eq!(a.date.as_deref(), Some("2023-11-13"));
    assert_eq!(sources["title"], "front matter");
    assert_eq!(sources["event"], "file name");
    assert!(a.original_url.as_deref().unwrap().contains("medium.com"));
    let (_, sources) = article("2024-eu-paris-jason-bloomberg");
    assert_eq!(sources["title"], "heading");
    assert_eq!(sources["authors"], "metadata");
    let (a, _) = article("2019-eu-barcelona-daniel-bryant");
    assert_eq!(a.date.as_deref(), Some("2019-05-31"));
    assert_eq!(a.tags, ["SMI", "Service Mesh"]);
}

#[test]
fn ids_are_stable_when_other_articles_come_and_go() {
    let bundle = seeds();
    let one = "# Only\n\n## DevOps 已经过时：平台工程万物！\n\nbody\n";
    let (_dir, corpus) = corpus_with(&[
        (
            "2023-na-chicago-daniel-bryant.md",
            &fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/2023-na-chicago-daniel-bryant.md"))
                .unwrap(),
        ),
        ("2024-eu-paris-other.md", one),
    ]);
    let alone = builder::check(&corpus).unwrap().dataset;
    let ids = |b: &Bundle| {
        b.titles
            .iter()
            .filter(|t| t.id.starts_with("2023-na-chicago-daniel-bryant"))
            .map(|t| t.id.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&alone), ids(&bundle));
}

#[test]
fn an_id_names_its_own_takeaway_where_an_article_id_starts_another() {
    // `2024-eu-paris-x-2-3` could be the second takeaway of `2024-eu-paris-x` (slug `3`) or the
    // third of `2024-eu-paris-x-2`: the longer article id names it.
    let x = "# X\n\n## 平台工程\n\nx\n\n## things 3\n\ny\n";
    let x2 = "# X2\n\n## 安全\n\na\n\n## 社区\n\nb\n\n## 网络\n\nc\n";
    let (_dir, corpus) = corpus_with(&[("2024-eu-paris-x.md", x), ("2024-eu-paris-x-2.md", x2)]);
    let bundle = builder::check(&corpus).unwrap().dataset.bundle;
    let id = |index: usize| bundle.title(index).id.as_str();
    let third = bundle.titles.iter().position(|t| t.title == "网络").unwrap();
    assert_eq!(id(third), "2024-eu-paris-x-2-3");
    assert_eq!(bundle.takeaway_index("2024-eu-paris-x-2-3"), Some(third));
    let things = bundle.titles.iter().position(|t| t.title == "things 3").unwrap();
    assert_eq!(bundle.takeaway_index(id(things)), Some(things));
    // A title whose slug starts with a number makes an id that names another takeaway: refused.
    let (_dir, corpus) =
        corpus_with(&[("2024-eu-paris-x.md", &x.replace("things 3", "3 things")), ("2024-eu-paris-x-2.md", x2)]);
    let message = format!("{:#}", builder::check(&corpus).err().expect("an id naming another takeaway fails"));
    assert!(message.contains("`2024-eu-paris-x-2-3-things` names a takeaway of another article"), "{message}");
    assert!(message.contains("2024-eu-paris-x.md"), "{message}");
}

#[test]
fn old_ids_resolve() {
    let bundle = seeds();
    let devops = titled(&bundle, "DevOps");
    // A changed readable slug still finds the takeaway by article and ordinal.
    assert_eq!(bundle.takeaway_index("2023-na-chicago-daniel-bryant-2-old-slug"), Some(devops));
    assert_eq!(bundle.takeaway_index(&bundle.title(devops).id), Some(devops));
    assert!(bundle.takeaway_index("2023-na-chicago-daniel-bryant-99").is_none());
    assert!(bundle.takeaway_index("no-such-id").is_none());
    // An alias kept in articles.toml.
    let (_dir, corpus) = corpus_with(&[("2024-eu-paris-a.md", "# A\n\n## 平台工程\n\nx\n\n## 安全\n\ny\n")]);
    fs::write(
        corpus.join("articles.toml"),
        "[2024-eu-paris-a]\ntakeaway_aliases = { \"2024-eu-paris-a-renamed\" = 2 }\n",
    )
    .unwrap();
    let b = builder::check(&corpus).unwrap().dataset;
    assert_eq!(b.title(b.takeaway_index("2024-eu-paris-a-renamed").unwrap()).title, "安全");
}

#[test]
fn each_header_style_is_read() {
    let yaml =
        "---\ntitle: \"YAML 标题\"\ndate: 2024-03-20\nauthors: [\"A\"]\n---\n\n## 平台工程正在兴起\n\n平台工程。\n";
    let toml = "+++\ntitle = \"TOML 标题\"\ndate = 2024-03-21\n+++\n\n## 安全是大生意\n\n供应链安全。\n";
    let none = "# 无头标题\n\n> 作者 B\n\n## 可观测性\n\nOpenTelemetry。\n";
    let (_dir, corpus) = corpus_with(&[
        ("2024-eu-paris-yaml.md", yaml),
        ("2024-eu-paris-toml.md", toml),
        ("2024-eu-paris-none.md", none),
    ]);
    let bundle = builder::check(&corpus).unwrap().dataset;
    let mut article_titles: Vec<&str> = bundle.article_titles.iter().map(|a| a.title.as_str()).collect();
    article_titles.sort();
    assert_eq!(article_titles, ["TOML 标题", "YAML 标题", "无头标题"]);
    assert!(bundle.articles.iter().all(|a| bundle.event_of(a).unwrap().id == "2024-eu-paris"));
    assert_eq!(titles(&bundle).len(), 3);
}

#[test]
fn metadata_overrides_what_no_rule_can_know() {
    let text = "# 文章\n\n## 第一个要点\n\n平台工程。\n\n## 补充说明\n\n更多平台工程。\n\n## 第二个要点\n\n安全。\n\n## 附录\n\n链接。\n";
    let (_dir, corpus) = corpus_with(&[("2024-eu-paris-x.md", text)]);
    assert_eq!(titles(&builder::check(&corpus).unwrap().dataset), ["第一个要点", "补充说明", "第二个要点", "附录"]);
    fs::write(corpus.join("articles.toml"), "[2024-eu-paris-x]\ncontinues = [\"补充\"]\ncontext = [\"附录\"]\n")
        .unwrap();
    let bundle = builder::check(&corpus).unwrap().dataset;
    assert_eq!(titles(&bundle), ["第一个要点", "第二个要点"]);
    assert!(bundle.body(0).as_str().contains("更多平台工程"));
    let last = bundle.texts.contexts[0].last();
    assert_eq!(last.map(|c| (c.after, c.html.as_str().contains("附录"))), Some((2, true)));
}

#[test]
fn broken_corpora_fail_with_file_line_and_hint() {
    let cases: &[(&str, &str, &str)] = &[
        ("2024-eu-paris-yaml.md", "---\ntitle: [\n---\n\n## A\n", "2024-eu-paris-yaml.md:3"),
        ("2024-eu-paris-toml.md", "+++\ntitle = \n+++\n\n## A\n", "2024-eu-paris-toml.md:2"),
        ("2024-eu-paris-empty.md", "", "2024-eu-paris-empty.md:1: error: the file is empty"),
        ("2024-eu-paris-flat.md", "# Title\n\nno headings here\n", "yields no takeaway"),
        ("2024-eu-paris-event.md", "---\ntitle: t\nevent: 2031-mars\n---\n\n## A\n", "unknown event `2031-mars`"),
    ];
    for (file, text, expected) in cases {
        let (_dir, corpus) = corpus_with(&[(file, text)]);
        let message = format!("{:#}", builder::check(&corpus).err().unwrap_or_else(|| panic!("{file} should fail")));
        assert!(message.contains(expected), "{file}: {message}");
        assert!(message.contains("hint:"), "{file}: {message}");
    }
    // An unknown event named in articles.toml: its line there.
    let (_dir, corpus) = corpus_with(&[("2024-eu-paris-x.md", "## A\n\n平台工程。\n")]);
    fs::write(corpus.join("articles.toml"), "[2024-eu-paris-x]\ntitle = \"t\"\nevent = \"2031-mars\"\n").unwrap();
    let message = format!("{:#}", builder::check(&corpus).err().expect("an unknown event fails"));
    assert!(message.contains("articles.toml:3: error: unknown event `2031-mars`"), "{message}");
}

/// english.toml gives an article and each of its takeaways an English title; an article it does
/// not name stays Chinese only; what it gets wrong names the file, the line and the fix.
#[test]
fn english_titles_are_checked_against_the_articles() {
    let articles = [
        ("2024-eu-paris-two.md", "# 两条\n\n## 平台工程\n\n正文。\n\n## 安全\n\n正文。\n"),
        ("2024-eu-paris-plain.md", "# 中文\n\n## 社区\n\n正文。\n"),
    ];
    let (_dir, corpus) = corpus_with(&articles);
    let write = |text: &str| fs::write(corpus.join("english.toml"), text).unwrap();
    write("# English titles\n[2024-eu-paris-two]\ntitle = \"Two\"\ntakeaways = [\"Platform engineering\", \"Security\"]\n");
    let bundle = builder::check(&corpus).unwrap().dataset.bundle;
    let english: Vec<(&str, Option<&str>)> =
        bundle.titles.iter().map(|t| (t.title.as_str(), t.title_en.as_deref())).collect();
    assert_eq!(english, [("社区", None), ("平台工程", Some("Platform engineering")), ("安全", Some("Security"))]);
    let two = bundle.articles.iter().position(|a| a.id == "2024-eu-paris-two").unwrap();
    assert_eq!(bundle.article_titles[two].title_en.as_deref(), Some("Two"));
    // The ids do not change with English titles.
    assert!(bundle.titles.iter().all(|t| !t.id.contains("platform") && !t.id.contains("security")));

    let cases = [
        (
            "[2024-eu-paris-two]\ntitle = \"Two\"\n\ntakeaways = [\n  \"Platform engineering\",\n]\n",
            "english.toml:4: error: `2024-eu-paris-two` has 2 takeaways, and english.toml lists 1 English titles",
        ),
        (
            "[2024-eu-paris-tow]\ntitle = \"Typo\"\ntakeaways = [\"A\"]\n",
            "english.toml:3: error: english.toml has titles for `2024-eu-paris-tow`, which is no article",
        ),
        (
            "[2024-eu-paris-two]\ntitle = \"Two\"\ntakeaways = \"Platform engineering\"\n",
            "english.toml:3: error: invalid type",
        ),
        (
            "[2024-eu-paris-two]\ntitle = \"Two\"\ntakeaways = [\"A\", \" \"]\n",
            "english.toml:3: error: `2024-eu-paris-two` has an empty English title",
        ),
        (
            "[2024-eu-paris-two]\ntitel = \"Two\"\ntakeaways = [\"A\", \"B\"]\n",
            "english.toml:2: error: unknown field `titel`",
        ),
    ];
    for (text, expected) in cases {
        write(text);
        let message = format!("{:#}", builder::check(&corpus).err().unwrap_or_else(|| panic!("should fail:\n{text}")));
        assert!(message.contains(expected), "{text}\n{message}");
        assert!(message.contains("hint:"), "{message}");
    }
}
