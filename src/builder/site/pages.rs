//! Every page the app knows, prerendered with the renderer the app uses (so it boots onto the same
//! markup): home, each takeaway and article, the theme graphs' views, each theme, project and
//! event, and the page for unknown paths. Each with what its link preview, card, feed and the
//! sitemap say of it.

use maud::Markup;

use crate::explore::facets::{Facets, Selection};
use crate::explore::listing::{list_order, listing};
use crate::explore::related::{self, Relations};
use crate::explore::subject::{of_event, of_project, of_theme, Subject};
use crate::explore::url::{GraphView, ListState, Page, Query, ThemesState};
use crate::model::ids::{article_path, event_path, project_path, takeaway_path, theme_path};
use crate::model::{ArticleIx, ArticleTexts, Dataset, Event, EventIx, ProjectIx, ThemeIx};
use crate::render::facets::Panel;
use crate::render::lang::Lang;
use crate::render::list::{self, Home, IndexStatus};
use crate::render::share::SITE_DESCRIPTION;
use crate::render::shell::Nav;
use crate::render::subject::{event_page, feed_path, project_page, theme_page, LISTED};
use crate::render::{article, not_found, site_name, takeaway, takeaways_count, themes, Cx};

/// The language pages are written in: the app switches to the reader's once it runs.
pub const LANG: Lang = Lang::Zh;

/// One page to write.
pub struct Prerendered {
    /// Its path under the site's root (`""` for home, `t/<id>`…); none for the page of unknown
    /// paths, `404.html`.
    pub path: Option<String>,
    /// The `<title>`.
    pub title: String,
    /// What its link preview says.
    pub headline: String,
    pub description: String,
    /// Open Graph's type.
    pub kind: &'static str,
    pub card: CardText,
    pub nav: Nav,
    pub main: Markup,
    /// Its Atom feed's path under the site's root, with the feed's title.
    pub feed: Option<(String, String)>,
    /// When its content last changed, `YYYY-MM-DD`, for the sitemap.
    pub updated: Option<String>,
    /// The articles whose texts its app reads first (its own): the page preloads them beside
    /// the app.
    pub texts: Vec<ArticleIx>,
    /// The articles whose takeaways' summaries its app reads first (its cards', or its own
    /// takeaway's, for "copy as Markdown"): preloaded too.
    pub summaries: Vec<ArticleIx>,
    /// Whether its app reads every article's titles first (its list of articles): preloaded too.
    pub article_titles: bool,
}

/// What a page's social card says.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CardText {
    pub kicker: String,
    pub title: String,
    pub subtitle: Option<String>,
    pub chips: Vec<String>,
}

/// The path of the site's Atom feed, of every takeaway.
pub const SITE_FEED: &str = "feed.xml";

/// Chips a card shows at most.
const CARD_CHIPS: usize = 4;

/// Every page of `dataset` for a site served under `base`.
pub fn all(dataset: &Dataset, base: &str) -> Vec<Prerendered> {
    let cx = Cx::new(&dataset.bundle, &dataset.bundle, LANG, base, &dataset.texts);
    let facets = Facets::new(dataset);
    let order = list_order(dataset);
    let dates = Dates::new(dataset);
    let mut relations = Relations::new(dataset);
    let mut pages = vec![home(&cx, &facets, &order, &dates)];
    // Each article's texts are made once for the pages of all its takeaways.
    for at in (0..dataset.articles.len()).map(ArticleIx::at) {
        let texts = dataset.article_texts(at);
        let takeaways = dataset.takeaway_range(at);
        pages.extend(takeaways.map(|index| takeaway_page(&cx, dataset, index, &texts, &mut relations, &dates)));
    }
    pages.extend((0..dataset.articles.len()).map(|at| article_page(&cx, dataset, ArticleIx::at(at), &dates)));
    pages.extend(GraphView::ALL.into_iter().map(|view| graphs_page(&cx, &facets, &order, view, &dates)));
    pages.extend((0..dataset.themes.len()).map(|at| {
        let theme = ThemeIx::at(at);
        theme_subject(&cx, theme, &of_theme(dataset, &order, theme), &dates)
    }));
    pages.extend((0..dataset.projects.len()).filter_map(|at| {
        let project = ProjectIx::at(at);
        let subject = of_project(dataset, &order, project);
        (!subject.takeaways.is_empty()).then(|| project_subject(&cx, project, &subject, &dates))
    }));
    pages.extend((0..dataset.events.len()).map(|at| {
        let event = EventIx::at(at);
        event_subject(&cx, event, &of_event(dataset, &order, event), &dates)
    }));
    pages.push(unknown(&cx));
    pages
}

/// The page `page` names, if it is one the build writes.
pub fn path_of(page: &Page) -> Option<String> {
    match page {
        Page::List => Some(String::new()),
        Page::Takeaway(id) => Some(takeaway_path(id)),
        Page::Article(id) => Some(article_path(id)),
        Page::Themes(view) => Some(view.path().map_or("themes".to_owned(), |v| format!("themes/{v}"))),
        Page::Theme(id) => Some(theme_path(id)),
        Page::Project(id) => Some(project_path(id)),
        Page::Event(id) => Some(event_path(id)),
        Page::NotFound => None,
    }
}

/// When each takeaway's content last changed: its article's date, else its event's last day.
struct Dates(Vec<Option<String>>);

impl Dates {
    fn new(dataset: &Dataset) -> Dates {
        Dates(
            dataset
                .takeaways
                .iter()
                .map(|t| {
                    let article = dataset.article_of(t);
                    let date = article.date.clone().or_else(|| dataset.event_of(article).map(|e| e.end.clone()));
                    date.filter(|d| is_date(d))
                })
                .collect(),
        )
    }

    /// The newest of `takeaways`' dates.
    fn newest(&self, takeaways: impl IntoIterator<Item = usize>) -> Option<String> {
        takeaways.into_iter().filter_map(|t| self.0[t].clone()).max()
    }
}

/// Whether `text` is a `YYYY-MM-DD` date, what sitemaps and feeds take.
fn is_date(text: &str) -> bool {
    text.len() == 10
        && text.bytes().enumerate().all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() })
}

/// A card's kicker for what an event's article says: the event and its city, or the site's name.
fn event_kicker(cx: &Cx, event: Option<&Event>) -> String {
    event.map_or_else(|| site_name(cx.lang).to_owned(), |e| format!("{} · {}", cx.name(&e.name), cx.name(&e.city)))
}

/// The names of the first of `themes`, for a card's chips.
fn chip_names(cx: &Cx, themes: impl Iterator<Item = ThemeIx>) -> Vec<String> {
    themes.take(CARD_CHIPS).map(|t| cx.name(&cx.bundle.theme(t).name)).collect()
}

fn page_title(cx: &Cx, name: &str) -> String {
    format!("{name} · {}", site_name(cx.lang))
}

/// The card of the pages that are about the whole site.
fn site_card(cx: &Cx) -> CardText {
    CardText {
        kicker: "KubeCon + CloudNativeCon".to_owned(),
        title: site_name(cx.lang).to_owned(),
        subtitle: Some("按大会、主题和项目浏览中文会议总结 · Takeaways from KubeCon write-ups".to_owned()),
        chips: cx.bundle.events.iter().rev().take(CARD_CHIPS).map(|e| cx.name(&e.short_name())).collect(),
    }
}

fn home(cx: &Cx, facets: &Facets, order: &[usize], dates: &Dates) -> Prerendered {
    let state = ListState::from_params(facets, &Query::default());
    let listing = listing(facets, order, None, &Selection::default(), state.shown);
    let main = list::page(
        cx,
        &Home {
            facets,
            state: &state,
            listing: &listing,
            cards: state.shown,
            index: IndexStatus::Ready,
            panel: Panel::default(),
        },
    );
    Prerendered {
        path: Some(String::new()),
        title: site_name(cx.lang).to_owned(),
        headline: site_name(cx.lang).to_owned(),
        description: SITE_DESCRIPTION.to_owned(),
        kind: "website",
        card: site_card(cx),
        nav: Nav::List,
        main,
        feed: Some((SITE_FEED.to_owned(), site_name(cx.lang).to_owned())),
        updated: dates.newest(order.iter().copied()),
        texts: Vec::new(),
        summaries: cx.bundle.articles_of(&listing.cards(state.shown)),
        article_titles: false,
    }
}

/// The page of the takeaway at `index`, with its article's `texts`.
fn takeaway_page(
    cx: &Cx,
    dataset: &Dataset,
    index: usize,
    texts: &ArticleTexts,
    relations: &mut Relations,
    dates: &Dates,
) -> Prerendered {
    let related = relations.of(dataset, index, related::SHOWN);
    let (t, titled) = (&dataset.takeaways[index], dataset.title(index));
    let (article, article_title) = (dataset.article_of(t), &dataset.article_title(t.article).title);
    let event = dataset.event_of(article);
    let summary = dataset.takeaway_summary(index);
    let description = if summary.is_empty() {
        event.map_or(article_title.clone(), |e| format!("{} · {}", e.name.zh, article_title))
    } else {
        summary.to_owned()
    };
    Prerendered {
        path: Some(takeaway_path(&titled.id)),
        title: page_title(cx, &titled.title),
        headline: titled.title.clone(),
        description,
        kind: "article",
        card: CardText {
            kicker: event_kicker(cx, event),
            title: titled.title.clone(),
            subtitle: Some(article_title.clone()),
            chips: chip_names(cx, t.themes.iter().copied()),
        },
        nav: Nav::Other,
        main: takeaway::page(cx, index, texts, &related),
        feed: None,
        updated: dates.newest([index]),
        texts: vec![t.article],
        // Its own and its siblings' titles come with its article's summaries, the related
        // takeaways' with theirs.
        summaries: dataset.articles_of(&[&[index], related.as_slice()].concat()),
        article_titles: false,
    }
}

fn article_page(cx: &Cx, dataset: &Dataset, at: ArticleIx, dates: &Dates) -> Prerendered {
    let (article, title) = (dataset.article(at), &dataset.article_title(at).title);
    let event = dataset.event_of(article);
    let takeaways = dataset.takeaway_range(at);
    let mut themes: Vec<(usize, usize)> = Vec::new();
    for m in dataset.takeaways_of(at).iter().flat_map(|t| &t.themes) {
        match themes.iter_mut().find(|(theme, _)| *theme == m.get()) {
            Some(counted) => counted.1 += 1,
            None => themes.push((m.get(), 1)),
        }
    }
    crate::model::order::sort_by(&mut themes, |a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let summary = dataset.article_summary(at);
    let description = if summary.is_empty() { title.clone() } else { summary.to_owned() };
    Prerendered {
        path: Some(article_path(&article.id)),
        title: page_title(cx, title),
        headline: title.clone(),
        description,
        kind: "article",
        card: CardText {
            kicker: event_kicker(cx, event),
            title: title.clone(),
            subtitle: (!article.authors.is_empty()).then(|| article.authors.join(", ")),
            chips: chip_names(cx, themes.iter().map(|&(t, _)| ThemeIx::at(t))),
        },
        nav: Nav::Other,
        main: article::page(cx, at, &dataset.article_texts(at)),
        feed: None,
        updated: dates.newest(takeaways),
        texts: vec![at],
        // Its takeaways' titles come with their summaries.
        summaries: vec![at],
        article_titles: false,
    }
}

fn graphs_page(cx: &Cx, facets: &Facets, order: &[usize], view: GraphView, dates: &Dates) -> Prerendered {
    let state = ThemesState::from_params(cx.bundle, facets, view, &Query::default());
    let name = themes::view_label(view, cx.lang);
    Prerendered {
        path: path_of(&Page::Themes(view)),
        title: themes::title(cx.lang),
        headline: format!("{} · {name}", cx.pick("主题图谱", "Theme graphs")),
        description: cx
            .pick(
                "主题在历届 KubeCon 中如何起落、哪些主题一起出现、哪些项目承载它们，以及两场大会的对比。",
                "How themes rise and fall across KubeCons, which travel together, which projects carry them, and two events side by side.",
            )
            .to_owned(),
        kind: "website",
        card: CardText {
            kicker: cx.pick("主题图谱", "Theme graphs").to_owned(),
            title: name.to_owned(),
            subtitle: Some(format!("{} · {}", takeaways_count(cx.lang, order.len()), site_name(cx.lang))),
            chips: chip_names(cx, (0..cx.bundle.themes.len()).map(ThemeIx::at)),
        },
        nav: Nav::Themes,
        main: themes::page(cx, facets, &state, order, order),
        feed: None,
        updated: dates.newest(order.iter().copied()),
        texts: Vec::new(),
        summaries: Vec::new(),
        article_titles: false,
    }
}

/// "12 条要点 · 3 场大会".
fn spread(cx: &Cx, subject: &Subject) -> String {
    let events = subject.per_event.iter().filter(|s| s.count > 0).count();
    let count = takeaways_count(cx.lang, subject.takeaways.len());
    match cx.lang {
        Lang::Zh => format!("{count} · {events} 场大会"),
        Lang::En => format!("{count} · {events} event{}", if events == 1 { "" } else { "s" }),
    }
}

fn theme_subject(cx: &Cx, at: ThemeIx, subject: &Subject, dates: &Dates) -> Prerendered {
    let theme = cx.bundle.theme(at);
    let name = cx.name(&theme.name);
    let path = theme_path(&theme.id);
    Prerendered {
        title: page_title(cx, &name),
        headline: format!("{name} · {}", theme.name.en),
        description: format!("{}（{}）", cx.name(&theme.description), spread(cx, subject)),
        kind: "website",
        card: CardText {
            kicker: cx.pick("主题 · Theme", "Theme").to_owned(),
            title: format!("{} · {}", theme.name.zh, theme.name.en),
            subtitle: Some(spread(cx, subject)),
            chips: chip_names(cx, subject.themes.iter().map(|&(t, _)| t)),
        },
        nav: Nav::Other,
        main: theme_page(cx, at, subject),
        feed: Some((feed_path(&path), format!("{name} · {}", site_name(cx.lang)))),
        updated: dates.newest(subject.takeaways.iter().copied()),
        path: Some(path),
        texts: Vec::new(),
        summaries: cx.bundle.articles_of(subject.newest(LISTED)),
        article_titles: false,
    }
}

fn project_subject(cx: &Cx, at: ProjectIx, subject: &Subject, dates: &Dates) -> Prerendered {
    let project = cx.bundle.project(at);
    Prerendered {
        path: Some(project_path(&project.id)),
        title: page_title(cx, &project.name),
        headline: project.name.clone(),
        description: format!("{}：{}", project.name, spread(cx, subject)),
        kind: "website",
        card: CardText {
            kicker: crate::render::graphs::kind_name(cx.lang, project.kind).to_owned(),
            title: project.name.clone(),
            subtitle: Some(spread(cx, subject)),
            chips: chip_names(cx, subject.themes.iter().map(|&(t, _)| t)),
        },
        nav: Nav::Other,
        main: project_page(cx, at, subject),
        feed: None,
        updated: dates.newest(subject.takeaways.iter().copied()),
        texts: Vec::new(),
        summaries: cx.bundle.articles_of(subject.newest(LISTED)),
        article_titles: false,
    }
}

fn event_subject(cx: &Cx, at: EventIx, subject: &Subject, dates: &Dates) -> Prerendered {
    let event = cx.bundle.event(at);
    let name = cx.name(&event.name);
    let path = event_path(&event.id);
    let articles = match cx.lang {
        Lang::Zh => format!("{} 篇文章", subject.articles.len()),
        Lang::En => format!("{} articles", subject.articles.len()),
    };
    let count = takeaways_count(cx.lang, subject.takeaways.len());
    Prerendered {
        title: page_title(cx, &name),
        headline: name.clone(),
        description: format!(
            "{name}（{}，{} – {}）：{articles}，{count}",
            cx.name(&event.city),
            event.start,
            event.end
        ),
        kind: "website",
        card: CardText {
            kicker: cx.pick("大会 · Event", "Event").to_owned(),
            title: name.clone(),
            subtitle: Some(format!("{} · {} · {articles} · {count}", cx.name(&event.city), event.start)),
            chips: chip_names(cx, subject.themes.iter().map(|&(t, _)| t)),
        },
        nav: Nav::Other,
        main: event_page(cx, at, subject),
        feed: Some((feed_path(&path), format!("{name} · {}", site_name(cx.lang)))),
        updated: dates.newest(subject.takeaways.iter().copied()),
        path: Some(path),
        texts: Vec::new(),
        summaries: cx.bundle.articles_of(subject.newest(LISTED)),
        article_titles: true,
    }
}

/// `404.html`: what static hosts answer for unknown paths. The app, booting on it, shows the
/// page the path names if it knows it (an old id kept as an alias), or the closest takeaways.
fn unknown(cx: &Cx) -> Prerendered {
    let title = cx.pick("找不到页面 · KubeCon 要点", "Not found · KubeCon takeaways").to_owned();
    Prerendered {
        path: None,
        headline: title.clone(),
        title,
        description: SITE_DESCRIPTION.to_owned(),
        kind: "website",
        card: site_card(cx),
        nav: Nav::Other,
        main: not_found::page(cx, &[]),
        feed: None,
        updated: None,
        texts: Vec::new(),
        summaries: Vec::new(),
        article_titles: false,
    }
}
