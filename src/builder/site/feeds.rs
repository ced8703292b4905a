//! Atom feeds (`feed.xml`, `theme/<id>/feed.xml`, `event/<id>/feed.xml`): the newest takeaways,
//! each linking to its page, so readers can follow the site, a theme or a KubeCon.

use std::path::Path;

use anyhow::Result;

use super::pages::SITE_FEED;
use super::write;
use crate::explore::listing::list_order;
use crate::model::ids::{encode_path, event_path, takeaway_path, theme_path};
use crate::model::{Dataset, EventIx, ThemeIx};
use crate::render::feed::{atom, Entry, Feed};
use crate::render::share::{SITE_DESCRIPTION, SITE_NAME};
use crate::render::subject::feed_path;

/// Entries a feed holds: the newest; readers have seen the others.
pub const ENTRIES: usize = 100;

/// Writes every feed; returns how many.
pub fn write_feeds(dataset: &Dataset, site: &Path, site_url: &str) -> Result<usize> {
    let newest = newest_first(dataset);
    let url = |path: &str| format!("{site_url}/{}", encode_path(path));
    let one = |path: String, page: String, title: String, subtitle: &str, about: &dyn Fn(usize) -> bool| {
        let entries =
            newest.iter().copied().filter(|&t| about(t)).take(ENTRIES).map(|t| entry(dataset, t, &url)).collect();
        let feed = Feed { title: &title, subtitle, url: &url(&path), page: &url(&page), entries };
        write(&site.join(&path), atom(&feed, SITE_NAME).into_string().as_bytes())
    };
    one(SITE_FEED.to_owned(), String::new(), SITE_NAME.to_owned(), SITE_DESCRIPTION, &|_| true)?;
    for (at, theme) in dataset.themes.iter().enumerate() {
        let page = theme_path(&theme.id);
        let title = format!("{} · {SITE_NAME}", theme.name.zh);
        let has = |t: usize| dataset.takeaways[t].themes.contains(&ThemeIx::at(at));
        one(feed_path(&page), page, title, &theme.description.zh, &has)?;
    }
    for (at, event) in dataset.events.iter().enumerate() {
        let page = event_path(&event.id);
        let title = format!("{} · {SITE_NAME}", event.name.zh);
        let at_event = |t: usize| dataset.article_of(&dataset.takeaways[t]).event == Some(EventIx::at(at));
        one(feed_path(&page), page, title, &event.name.en, &at_event)?;
    }
    Ok(1 + dataset.themes.len() + dataset.events.len())
}

/// Every takeaway, newest article first (by its date, else its event's), then in list order.
fn newest_first(dataset: &Dataset) -> Vec<usize> {
    let mut order = list_order(dataset);
    crate::model::order::sort_by_key(&mut order, |&t| std::cmp::Reverse(date(dataset, t)));
    order
}

/// The takeaway's date for feeds: its article's, else its event's last day, else none known.
fn date(dataset: &Dataset, takeaway: usize) -> &str {
    let article = dataset.article_of(&dataset.takeaways[takeaway]);
    let date = article.date.as_deref().or_else(|| dataset.event_of(article).map(|e| e.end.as_str()));
    date.filter(|d| d.len() == 10).unwrap_or("1970-01-01")
}

fn entry<'a>(dataset: &'a Dataset, t: usize, url: &dyn Fn(&str) -> String) -> Entry<'a> {
    let (takeaway, titled) = (&dataset.takeaways[t], dataset.title(t));
    let article = dataset.article_of(takeaway);
    Entry {
        title: &titled.title,
        url: url(&takeaway_path(&titled.id)),
        date: date(dataset, t),
        authors: &article.authors,
        categories: takeaway
            .themes
            .iter()
            .map(|&m| {
                let theme = dataset.theme(m);
                (theme.id.as_str(), theme.name.zh.clone())
            })
            .collect(),
        summary: dataset.takeaway_summary(t),
    }
}
