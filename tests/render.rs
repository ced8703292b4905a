//! The renderer against hostile corpus strings: every page and fragment kind rendered natively
//! from a bundle whose titles, names, authors and links come from a hostile corpus, and checked
//! for escaping (no tag, attribute or `javascript:` link of theirs survives).

mod common;

use common::seeds;
use takeaways::explore::facets::{Facet, Facets};
use takeaways::explore::listing::{listing, Listing, Search, Spelling};
use takeaways::explore::subject::{of_event, of_project, of_theme};
use takeaways::explore::url::{GraphView, ListState, Query, ThemesState};
use takeaways::model::{ArticleIx, DataFiles, Dataset, EventIx, ProjectIx, ThemeIx};
use takeaways::render::card::{self, CardLines};
use takeaways::render::facets::Panel;
use takeaways::render::feed::{atom, Entry, Feed};
use takeaways::render::lang::Lang;
use takeaways::render::list::{Home, IndexStatus};
use takeaways::render::page::{document, Document};
use takeaways::render::share::{meta, Image, Preview};
use takeaways::render::shell::{self, HeaderState, Nav};
use takeaways::render::{article, list, not_found, subject, takeaway, themes, Cx};

/// Each an attack on a different context: element text, a double-quoted attribute, a link.
const HOSTILE: [&str; 3] =
    ["<script>window.pwned=1</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)"];

/// The seeds with every corpus string a page shows replaced by hostile ones.
fn hostile_seeds() -> Dataset {
    let mut dataset = seeds();
    let b = &mut dataset.bundle;
    let text = |i: usize| format!("{} {}", HOSTILE[i % 2], HOSTILE[(i + 1) % 2]);
    for (i, t) in b.titles.iter_mut().enumerate() {
        t.title = text(i);
        t.alt_title = Some(text(i + 1));
        t.title_en = Some(text(i));
    }
    for (i, summary) in dataset.texts.takeaway_summaries.iter_mut().enumerate() {
        *summary = text(i);
    }
    for (i, a) in b.article_titles.iter_mut().enumerate() {
        a.title = text(i);
        a.title_en = Some(text(i + 1));
    }
    for (i, a) in b.articles.iter_mut().enumerate() {
        a.authors = vec![text(i + 1)];
        a.url = Some(HOSTILE[2].to_owned());
        a.original_url = Some(format!(" JavaScript:{}", HOSTILE[0]));
        a.date = Some(text(i));
    }
    for (i, theme) in b.themes.iter_mut().enumerate() {
        theme.name.zh = text(i);
        theme.name.en = text(i + 1);
    }
    for (i, p) in b.projects.iter_mut().enumerate() {
        p.name = text(i);
    }
    for (i, e) in b.events.iter_mut().enumerate() {
        (e.name.zh, e.name.en, e.city.zh, e.city.en, e.region.zh, e.region.en) =
            (text(i), text(i + 1), text(i), text(i + 1), text(i), text(i + 1));
    }
    for terms in dataset.texts.theme_terms.iter_mut().flatten() {
        *terms = vec![text(0)];
    }
    dataset
}

/// `markup` holds none of the hostile strings as markup: no script or image tag, no handler, no
/// script link among its real tags (escaped, the same text is harmless words).
fn assert_escaped(what: &str, markup: &str) {
    for tag in markup.split('<').skip(1).map(|t| t.split('>').next().unwrap_or_default().to_lowercase()) {
        let name = tag.split([' ', '/']).next().unwrap_or_default();
        assert!(!["script", "img", "iframe"].contains(&name), "{what}: a <{tag}> tag");
        for (attribute, value) in attributes(&tag[name.len()..]) {
            assert!(!attribute.starts_with("on"), "{what}: <{tag}> has a handler");
            assert!(!value.trim_start().starts_with("javascript:"), "{what}: <{tag}> links to a script");
        }
    }
    assert!(markup.contains("&lt;script&gt;"), "{what}: the hostile text is not shown escaped");
}

/// The attributes of a tag after its name, as (name, value); values are double-quoted, as the
/// renderer writes them.
fn attributes(mut rest: &str) -> Vec<(&str, &str)> {
    let mut found = Vec::new();
    loop {
        rest = rest.trim_start();
        let end = rest.find(['=', ' ']).unwrap_or(rest.len());
        if end == 0 {
            return found;
        }
        let (name, after) = rest.split_at(end);
        match after.strip_prefix("=\"") {
            Some(quoted) => {
                let close = quoted.find('"').expect("a closing quote");
                found.push((name, &quoted[..close]));
                rest = &quoted[close + 1..];
            }
            None => {
                found.push((name, ""));
                rest = after;
            }
        }
    }
}

#[test]
fn every_page_and_fragment_escapes_hostile_corpus_strings() {
    let dataset = hostile_seeds();
    let facets = Facets::new(&dataset);
    let order: Vec<usize> = (0..dataset.takeaways.len()).collect();
    let engine = dataset.engine();
    for lang in [Lang::Zh, Lang::En] {
        let cx = Cx::new(&dataset, &dataset.bundle, lang, "/base", &dataset.texts);
        let state = ListState::from_params(&facets, &Query::parse(&format!("q={}&n=100", HOSTILE[0])));
        let search = Search { engine: &engine, query: "script", literal: false };
        let searched = listing(&facets, &order, Some(search), &state.selection, 100);
        let plain = listing(&facets, &order, None, &state.selection, 100);
        // The query as corrected is the reader's own text.
        let corrected = Listing { spelling: Some(Spelling::Corrected(HOSTILE[0].into())), ..searched.clone() };
        let suggested = Listing { spelling: Some(Spelling::Suggested(HOSTILE[1].into())), ..searched.clone() };
        let listings =
            [("search results", &searched), ("list", &plain), ("corrected", &corrected), ("suggested", &suggested)];
        for (what, listing) in listings {
            let home = Home {
                facets: &facets,
                state: &state,
                listing,
                cards: state.shown,
                index: IndexStatus::Failed(HOSTILE[1]),
                panel: Panel { open: true, unfolded: &Facet::ALL },
            };
            assert_escaped(what, &list::page(&cx, &home).0);
        }
        for index in 0..dataset.takeaways.len() {
            let texts = dataset.article_texts(dataset.takeaways[index].article);
            let page = takeaway::page(&cx, index, &texts, &[0, 1, 2]);
            assert_escaped("takeaway page", &page.0);
        }
        for at in 0..dataset.articles.len() {
            let page = article::page(&cx, ArticleIx::at(at), &dataset.article_texts(ArticleIx::at(at)));
            assert_escaped("article page", &page.0);
        }
        assert_escaped("not found", &not_found::page(&cx, &[0, 1, 2]).0);
        for at in 0..dataset.themes.len() {
            let theme = ThemeIx::at(at);
            assert_escaped("theme page", &subject::theme_page(&cx, theme, &of_theme(&dataset, &order, theme)).0);
        }
        for at in 0..dataset.projects.len() {
            let project = ProjectIx::at(at);
            let page = subject::project_page(&cx, project, &of_project(&dataset, &order, project));
            assert_escaped("project page", &page.0);
        }
        for at in 0..dataset.events.len() {
            let event = EventIx::at(at);
            assert_escaped("event page", &subject::event_page(&cx, event, &of_event(&dataset, &order, event)).0);
        }
        for view in GraphView::ALL {
            let state = ThemesState::from_params(&dataset, &facets, view, &Query::default());
            assert_escaped(view.key(), &themes::page(&cx, &facets, &state, &order, &order).0);
        }
        let header =
            shell::header(lang, "/base", Nav::List, HeaderState { query: HOSTILE[1], dark: false, offline: true });
        assert!(!header.0.contains("<img"), "{}", header.0);
        for what in [shell::Unloaded::Data, shell::Unloaded::SomeTexts] {
            assert_escaped("load failure", &shell::load_failed(lang, what, HOSTILE[0], "retry").0);
        }
    }
    assert_escaped("app failure", &shell::failure(HOSTILE[0]).0);
    // URLs are the build's own (its site URL and a path); the texts are the corpus's.
    let image = Image { url: "https://x.example/cards/a.png", width: 1200, height: 630, alt: HOSTILE[0] };
    let preview = Preview {
        title: HOSTILE[0],
        description: HOSTILE[1],
        url: "https://x.example/t/a",
        kind: "article",
        image: Some(image),
    };
    let tags = meta(&preview).0;
    assert!(!tags.contains("<script") && !tags.contains("<img") && tags.contains("&quot;&gt;&lt;img"), "{tags}");
    let cx = Cx::new(&dataset, &dataset.bundle, Lang::Zh, "", &dataset.texts);
    let page = document(&Document {
        lang: Lang::Zh,
        title: HOSTILE[0],
        policy: "default-src 'self'",
        assets: "<meta charset=\"utf-8\">",
        data: &DataFiles {
            bundle: "bundle.a/".into(),
            article_texts: "texts.b/".into(),
            search: "search.c/".into(),
            takeaway_bodies: false,
            titles_by_article: false,
            first_page: false,
        },
        preload: &[HOSTILE[1].to_owned()],
        manifest: "manifest.d.webmanifest",
        themes: ("#fff", "#000"),
        preview: &preview,
        feed: Some((HOSTILE[0], "/feed.xml")),
        header: shell::header(Lang::Zh, "", Nav::Other, HeaderState { query: HOSTILE[0], dark: true, offline: false }),
        main: takeaway::page(&cx, 0, &dataset.article_texts(ArticleIx::at(0)), &[]),
        footer: shell::footer(Lang::Zh),
    });
    assert_escaped("document", &page.0);
    let entry = Entry {
        title: HOSTILE[0],
        url: "https://x.example/t/a".to_owned(),
        date: "2024-01-01",
        authors: &dataset.articles[0].authors,
        categories: vec![("x", HOSTILE[1].to_owned())],
        summary: HOSTILE[0],
    };
    let feed = Feed {
        title: HOSTILE[0],
        subtitle: HOSTILE[1],
        url: "https://x.example/feed.xml",
        page: "https://x.example/",
        entries: vec![entry],
    };
    assert_escaped("feed", &atom(&feed, HOSTILE[0]).0);
    let lines = CardLines {
        family: HOSTILE[1].to_owned(),
        top: 0.0,
        kicker: Some(HOSTILE[0].to_owned()),
        title: vec![HOSTILE[1].to_owned()],
        title_size: 60.0,
        subtitle: vec![HOSTILE[0].to_owned()],
        chips: vec![(HOSTILE[1].to_owned(), 10.0)],
        footer: Some(HOSTILE[0].to_owned()),
    };
    assert_escaped("card", &card::svg(&lines).0);
}

/// Typing puts in the first screenful of cards, then the rest: the page is the same but for the
/// cards after the first screenful, which the rest adds at the end of the list.
#[test]
fn the_first_screenful_of_cards_is_the_page_without_the_rest() {
    let dataset = seeds();
    let facets = Facets::new(&dataset);
    let order: Vec<usize> = (0..dataset.takeaways.len()).collect();
    let cx = Cx::new(&dataset, &dataset.bundle, Lang::Zh, "/base", &dataset.texts);
    let state = ListState::from_params(&facets, &Query::default());
    let plain = listing(&facets, &order, None, &state.selection, state.shown);
    let page = |cards| {
        let home = Home {
            facets: &facets,
            state: &state,
            listing: &plain,
            cards,
            index: IndexStatus::Ready,
            panel: Panel::default(),
        };
        list::page(&cx, &home).0
    };
    let (whole, first) = (page(state.shown), page(8));
    let card = r#"<li class="card">"#;
    assert_eq!((whole.matches(card).count(), first.matches(card).count()), (state.shown, 8));
    let rest = whole.match_indices(card).nth(8).unwrap().0;
    let end = rest + whole[rest..].find("</ol>").unwrap();
    assert_eq!(first, format!("{}{}", &whole[..rest], &whole[end..]));
}

#[test]
fn only_web_links_from_metadata_become_links() {
    let dataset = hostile_seeds();
    let cx = Cx::new(&dataset, &dataset.bundle, Lang::Zh, "", &dataset.texts);
    let page = article::page(&cx, ArticleIx::at(0), &dataset.article_texts(ArticleIx::at(0))).0;
    assert!(!page.contains(">译文</a>") && !page.contains(">原文</a>"), "script links are left out:\n{page}");
    let seeds = seeds();
    let cx = Cx::new(&seeds, &seeds.bundle, Lang::Zh, "", &seeds.texts);
    let page = article::page(&cx, ArticleIx::at(0), &seeds.article_texts(ArticleIx::at(0))).0;
    assert!(page.contains("rel=\"noopener noreferrer\" target=\"_blank\">原文</a>"), "{page}");
}
