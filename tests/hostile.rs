//! The command line on corpora nobody checked: broken headers, empty and binary files, clashing
//! ids, unknown events, articles without headings, deep nesting, hostile HTML, CRLF with a BOM
//! and a 10 MB article. Each either fails with file, line and hint, keeping the previous bundle
//! byte for byte, or builds with a warning and sanitized output. The small fixtures are in
//! `tests/fixtures/hostile/`; the large and binary ones are generated here.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use takeaways::model::{ArticleIx, Dataset, BUNDLE_FILE, SEARCH_FILE, TEXTS_FILE};

/// An article that always builds: the corpus every case is added to.
fn good() -> Vec<(String, Vec<u8>)> {
    vec![("2024-eu-paris-good.md".into(), "# 好文章\n\n## 平台工程正在兴起\n\n平台工程。\n".into())]
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn fixture(name: &str) -> (String, Vec<u8>) {
    (name.to_owned(), fs::read(root().join("tests/fixtures/hostile").join(name)).unwrap())
}

fn seed(name: &str) -> (String, Vec<u8>) {
    (name.to_owned(), fs::read(root().join("corpus").join(name)).unwrap())
}

/// A work folder: `corpus/` with the seed metadata files, and `out/` for the bundle.
struct Workspace {
    dir: tempfile::TempDir,
}

/// What a run of `takeaways build` did.
struct Run {
    code: Option<i32>,
    stderr: String,
}

impl Workspace {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join("corpus")).unwrap();
        for file in ["events.toml", "themes.toml", "projects.toml", "synonyms.toml"] {
            fs::copy(root().join("corpus").join(file), dir.path().join("corpus").join(file)).unwrap();
        }
        Workspace { dir }
    }

    fn corpus(&self) -> PathBuf {
        self.dir.path().join("corpus")
    }

    fn bundle_path(&self) -> PathBuf {
        self.dir.path().join("out").join(BUNDLE_FILE)
    }

    fn search_path(&self) -> PathBuf {
        self.dir.path().join("out").join(SEARCH_FILE)
    }

    fn texts_path(&self) -> PathBuf {
        self.dir.path().join("out").join(TEXTS_FILE)
    }

    fn add(&self, files: &[(String, Vec<u8>)]) {
        for (name, bytes) in files {
            fs::write(self.corpus().join(name), bytes).unwrap();
        }
    }

    fn build(&self) -> Run {
        let started = Instant::now();
        let output = Command::new(env!("CARGO_BIN_EXE_takeaways"))
            .args(["build", "--corpus"])
            .arg(self.corpus())
            .arg("--out")
            .arg(self.dir.path().join("out"))
            .output()
            .expect("the CLI runs");
        eprintln!("takeaways build: {:.2} s", started.elapsed().as_secs_f64());
        Run { code: output.status.code(), stderr: String::from_utf8_lossy(&output.stderr).into_owned() }
    }

    fn bundle(&self) -> Dataset {
        takeaways::builder::read(&self.bundle_path()).unwrap()
    }
}

/// Builds the good corpus, adds `files`, and checks that the build then fails with exit code 1,
/// prints every `expected` text and a hint, and leaves the first bundle byte for byte.
fn fails_keeping_the_previous_bundle(files: &[(String, Vec<u8>)], expected: &[&str]) {
    let work = Workspace::new();
    work.add(&good());
    let first = work.build();
    assert_eq!(first.code, Some(0), "{}", first.stderr);
    let previous = fs::read(work.bundle_path()).unwrap();
    let previous_search = fs::read(work.search_path()).unwrap();
    let previous_texts = fs::read(work.texts_path()).unwrap();

    work.add(files);
    let run = work.build();
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    for text in expected {
        assert!(run.stderr.contains(text), "expected `{text}` in:\n{}", run.stderr);
    }
    assert!(run.stderr.contains("\n  hint: "), "no hint in:\n{}", run.stderr);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    assert_eq!(fs::read(work.bundle_path()).unwrap(), previous, "the previous bundle changed");
    assert_eq!(fs::read(work.search_path()).unwrap(), previous_search, "the previous search index changed");
    assert_eq!(fs::read(work.texts_path()).unwrap(), previous_texts, "the previous texts changed");
    let left: Vec<_> = fs::read_dir(work.bundle_path().parent().unwrap()).unwrap().collect();
    assert_eq!(left.len(), 3, "the failed build left files in out/");
}

/// Builds `files` with the good article, checks that it succeeds and prints every `expected`
/// warning, and returns the bundle.
fn builds_with_warnings(files: &[(String, Vec<u8>)], expected: &[&str]) -> Dataset {
    let work = Workspace::new();
    work.add(&good());
    work.add(files);
    let run = work.build();
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    for text in expected {
        assert!(run.stderr.contains(text), "expected `{text}` in:\n{}", run.stderr);
    }
    work.bundle()
}

#[test]
fn a_broken_yaml_header_names_its_line() {
    fails_keeping_the_previous_bundle(
        &[fixture("2024-eu-paris-bad-yaml.md")],
        &[
            // The parser notices on line 5; the list it complains about opened on line 4.
            "2024-eu-paris-bad-yaml.md:5: error: YAML front matter",
            "while parsing a flow sequence at line 4 column 10",
            "1 article(s) could not be read",
        ],
    );
}

#[test]
fn a_broken_toml_header_names_its_line() {
    fails_keeping_the_previous_bundle(
        &[fixture("2024-eu-paris-bad-toml.md")],
        &["2024-eu-paris-bad-toml.md:4: error: TOML front matter"],
    );
}

#[test]
fn an_empty_file_is_an_error() {
    fails_keeping_the_previous_bundle(
        &[fixture("2024-eu-paris-empty.md"), ("2024-eu-paris-blank.md".into(), b"\xef\xbb\xbf \r\n\n\t\n".to_vec())],
        &["2024-eu-paris-empty.md:1: error: the file is empty", "2024-eu-paris-blank.md:1: error: the file is empty"],
    );
}

#[test]
fn binary_and_non_utf8_files_are_errors_naming_the_line() {
    // A PNG header, then bytes of every value: what an image saved as `.md` looks like.
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    png.extend((0..=255u8).cycle().take(4096));
    // Chinese saved as GBK instead of UTF-8, on line 5.
    let mut gbk = b"# Title\n\n## One\n\n".to_vec();
    gbk.extend(b"\xc6\xbd\xcc\xa8\xb9\xa4\xb3\xcc\n");
    fails_keeping_the_previous_bundle(
        &[("2024-eu-paris-image.md".into(), png), ("2024-eu-paris-gbk.md".into(), gbk)],
        &[
            "2024-eu-paris-image.md:1: error: the file holds binary data, not Markdown text",
            "2024-eu-paris-gbk.md:5: error: the file is not UTF-8 text",
            // Both are reported at once, not only the first.
            "2 article(s) could not be read",
        ],
    );
}

#[test]
fn two_articles_with_the_same_id_are_an_error() {
    let text = "# 双胞胎\n\n## 平台工程正在兴起\n\n平台工程。\n".as_bytes().to_vec();
    fails_keeping_the_previous_bundle(
        &[("2024-eu-paris-twin.md".into(), text.clone()), ("2024-eu-paris-twin.markdown".into(), text.clone())],
        &["2024-eu-paris-twin.md: error: the article id `2024-eu-paris-twin` is also the id of 2024-eu-paris-twin.markdown"],
    );
    // Ids that differ only in case would overwrite each other's pages on macOS and Windows.
    fails_keeping_the_previous_bundle(
        &[("2024-eu-paris-twin.md".into(), text.clone()), ("2024-eu-paris-Twin.md".into(), text)],
        &["2024-eu-paris-twin.md: error: the article id `2024-eu-paris-twin` is also the id of 2024-eu-paris-Twin.md"],
    );
}

#[test]
fn file_names_that_are_not_url_safe_give_url_safe_ids() {
    let text = "# 名字\n\n## 平台工程正在兴起\n\n平台工程。\n".as_bytes().to_vec();
    let bundle = builds_with_warnings(
        &[("2024-eu-paris-Jane Doe#2.md".into(), text.clone())],
        &["2024-eu-paris-Jane Doe#2.md:1: warning: the file name is not URL-safe: the article's id, in its links, is `2024-eu-paris-jane-doe-2`"],
    );
    let article = bundle.articles.iter().find(|a| a.file == "2024-eu-paris-Jane Doe#2.md").unwrap();
    assert_eq!(article.id, "2024-eu-paris-jane-doe-2");
    assert_eq!(bundle.event_of(article).unwrap().id, "2024-eu-paris");
    for t in &bundle.titles {
        assert!(t.id.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '_'), "{}", t.id);
    }
    // Chinese names stay Chinese (links percent-encode them).
    let bundle = builds_with_warnings(&[("2024-eu-paris-张三.md".into(), text.clone())], &[]);
    assert!(bundle.articles.iter().any(|a| a.id == "2024-eu-paris-张三"));
    // Two files that map to one id.
    fails_keeping_the_previous_bundle(
        &[("2024-eu-paris-a b.md".into(), text.clone()), ("2024-eu-paris-a-b.md".into(), text.clone())],
        &["error: the article id `2024-eu-paris-a-b` is also the id of 2024-eu-paris-a"],
    );
    // articles.toml chooses another id; one that is not URL-safe is an error at its line.
    let chosen = "[\"2024-eu-paris-Jane Doe#2\"]\nid = \"2024-eu-paris-jane\"\n".as_bytes().to_vec();
    let bundle = builds_with_warnings(
        &[("2024-eu-paris-Jane Doe#2.md".into(), text.clone()), ("articles.toml".into(), chosen)],
        &[],
    );
    assert!(bundle.articles.iter().any(|a| a.id == "2024-eu-paris-jane"));
    let unsafe_id = "\n[\"2024-eu-paris-x\"]\nid = \"x y\"\n".as_bytes().to_vec();
    fails_keeping_the_previous_bundle(
        &[("2024-eu-paris-x.md".into(), text), ("articles.toml".into(), unsafe_id)],
        &["articles.toml:3: error: the id `x y` is not URL-safe"],
    );
}

#[test]
fn an_unknown_event_in_the_header_names_its_line() {
    fails_keeping_the_previous_bundle(
        &[fixture("2024-eu-paris-unknown-event.md")],
        &["2024-eu-paris-unknown-event.md:4: error: unknown event `2031-mars-olympus`", "2024-eu-paris"],
    );
}

#[test]
fn an_article_without_headings_is_an_error() {
    fails_keeping_the_previous_bundle(
        &[fixture("2024-eu-paris-no-headings.md")],
        &["2024-eu-paris-no-headings.md:1: error: the article yields no takeaway"],
    );
}

#[test]
fn a_file_name_without_a_known_event_is_a_warning() {
    let bundle = builds_with_warnings(
        &[fixture("2031-mars-colony.md")],
        &["2031-mars-colony.md:1: warning: the article belongs to no event"],
    );
    let article = ArticleIx::at(bundle.articles.iter().position(|a| a.id == "2031-mars-colony").unwrap());
    assert_eq!(bundle.article(article).event, None);
    assert_eq!(bundle.titles_of(article).iter().map(|t| t.title.as_str()).collect::<Vec<_>>(), ["平台工程正在兴起"]);
}

#[test]
fn hostile_html_is_removed_with_a_warning_and_the_text_is_kept() {
    let file = "2024-eu-paris-raw-html.md";
    let bundle = builds_with_warnings(
        &[fixture(file)],
        &[
            &format!("{file}:3: warning: raw HTML: <script> removed"),
            &format!("{file}:11: warning: raw HTML: <iframe> removed"),
            &format!("{file}:13: warning: raw HTML: the `onerror` attribute removed"),
            &format!("{file}:15: warning: link to a `javascript:` URL removed"),
            &format!("{file}:15: warning: link to a `data:` URL removed"),
            &format!("{file}:17: warning: raw HTML: a `javascript:` URL removed"),
            &format!("{file}:17: warning: raw HTML: a `data:` URL removed"),
            &format!("{file}:21: warning: raw HTML: the `onclick` attribute removed"),
        ],
    );
    let article = bundle.articles.iter().position(|a| a.id == "2024-eu-paris-raw-html").unwrap();
    let context = bundle.texts.contexts[article].iter().map(|c| c.html.as_str());
    let bodies = bundle.takeaways.iter().zip(&bundle.texts.bodies).filter(|(t, _)| t.article.get() == article);
    let html: String = bodies.map(|(_, body)| body.as_str()).chain(context).collect();
    let lower = html.to_lowercase();
    for bad in ["<script", "<iframe", "onerror", "onclick", "javascript:", "data:", "alert("] {
        assert!(!lower.contains(bad), "`{bad}` survived in:\n{html}");
    }
    for kept in
        ["开头的文字", "平台工程的正文", "危险链接", "数据链接", "原始危险链接", "供应链安全", "https://ok.example/"]
    {
        assert!(html.contains(kept), "`{kept}` was lost from:\n{html}");
    }
}

#[test]
fn deeply_nested_lists_and_quotes_build() {
    const DEPTH: usize = 1000;
    let mut text = String::from("# 深层嵌套\n\n## 嵌套列表\n\n");
    for level in 0..DEPTH {
        text += &format!("{}- 第 {level} 层\n", "  ".repeat(level));
    }
    text += &format!("\n## 嵌套引用\n\n{}最深的引用\n\n## 嵌套编号\n\n", ">".repeat(DEPTH));
    for level in 0..DEPTH {
        text += &format!("{}1. 编号 {level}\n", "   ".repeat(level));
    }
    let flattened = format!("2024-eu-paris-nested.md:{}: warning: lists or quotes nest deeper than 32", 5 + 32);
    let bundle = builds_with_warnings(&[("2024-eu-paris-nested.md".into(), text.into_bytes())], &[&flattened]);
    let html: String = bundle.texts.bodies.iter().map(|body| body.as_str()).collect();
    for level in 0..DEPTH {
        for kept in [format!("第 {level} 层"), format!("编号 {level}")] {
            assert!(html.contains(&kept), "`{kept}` was lost");
        }
    }
    assert!(html.contains("最深的引用"));
    // At most as deep as the limit, so the sanitizer's time stays linear in the text.
    assert_eq!(html.matches("<ul>").count(), 32);
    assert_eq!(html.matches("<blockquote>").count(), 32);
}

#[test]
fn a_long_unbroken_word_builds_and_is_found() {
    // A kubeconfig's certificate in a code block: one word of 2,000 characters.
    let blob: String = "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t+/".chars().cycle().take(2000).collect();
    let text = format!("# 集群配置\n\n## kubeconfig\n\n```yaml\ncertificate-authority-data: {blob}\n```\n");
    let bundle = builds_with_warnings(&[("2024-eu-paris-kubeconfig.md".into(), text.into_bytes())], &[]);
    let hits = bundle.engine().search(&blob, &Default::default(), 10);
    assert_eq!(hits.iter().map(|h| bundle.title(h.doc).title.as_str()).collect::<Vec<_>>(), ["kubeconfig"]);
}

#[test]
fn crlf_and_a_bom_read_as_lf() {
    let seeds: Vec<(String, Vec<u8>)> = fs::read_dir(root().join("corpus"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|f| f.ends_with(".md"))
        .map(|f| seed(&f))
        .collect();
    let bundle_of = |files: &[(String, Vec<u8>)]| {
        let work = Workspace::new();
        fs::copy(root().join("corpus/articles.toml"), work.corpus().join("articles.toml")).unwrap();
        work.add(files);
        let run = work.build();
        assert_eq!(run.code, Some(0), "{}", run.stderr);
        // Warnings name the file by its path in this temporary folder.
        (fs::read(work.bundle_path()).unwrap(), run.stderr.replace(work.corpus().to_str().unwrap(), "corpus"))
    };
    let crlf: Vec<(String, Vec<u8>)> = seeds
        .iter()
        .map(|(name, bytes)| {
            let text = String::from_utf8(bytes.clone()).unwrap();
            assert!(!text.contains('\r'), "{name} is already CRLF");
            (name.clone(), format!("\u{feff}{}", text.replace('\n', "\r\n")).into_bytes())
        })
        .collect();
    let (lf_bundle, lf_warnings) = bundle_of(&seeds);
    let (crlf_bundle, crlf_warnings) = bundle_of(&crlf);
    assert!(crlf_bundle == lf_bundle, "CRLF with a BOM builds another bundle");
    let lines = |warnings: &str| warnings.lines().filter(|l| l.contains(": warning: ")).map(str::to_owned).collect();
    let (lf_lines, crlf_lines): (Vec<String>, Vec<String>) = (lines(&lf_warnings), lines(&crlf_warnings));
    assert!(!lf_lines.is_empty());
    assert_eq!(crlf_lines, lf_lines, "warnings name other lines");
}

#[test]
fn a_10_mb_article_builds_and_names_lines_near_its_end() {
    let mut text = String::from("---\ntitle: \"一篇十兆字节的文章\"\ndate: 2024-03-20\n---\n\n导言。\n\n");
    let mut sections = 0;
    while text.len() < 10 << 20 {
        sections += 1;
        text += &format!(
            "## 第 {sections} 个要点：Kubernetes 平台工程与可观测性\n\n{}\n\n- OpenTelemetry 与 eBPF\n- 服务网格 `istio`\n  - 嵌套 [链接](https://example.org/{sections})\n\n```yaml\nkind: Deployment\n```\n\n",
            "平台工程团队用 Kubernetes 和 GitOps 构建内部开发者平台，降低认知负担。".repeat(40)
        );
    }
    // The last takeaway matches no theme: its warning must name its heading's line.
    text += "## 最后的话\n\n无。\n";
    let last_line = text.lines().count() - 2;
    let name = "2024-eu-paris-huge.md";
    let work = Workspace::new();
    work.add(&[(name.into(), text.clone().into_bytes())]);
    let run = work.build();
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let bundle = work.bundle();
    assert_eq!(bundle.takeaways.len(), sections + 1);
    let warning = format!("{name}:{last_line}: warning: takeaway {} `最后的话` has no theme", sections + 1);
    assert!(run.stderr.contains(&warning), "expected `{warning}` in:\n{}", run.stderr);
    eprintln!(
        "{} bytes, {sections} sections -> {} bytes of bundle",
        text.len(),
        fs::metadata(work.bundle_path()).unwrap().len()
    );
}
