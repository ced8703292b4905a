//! The pages about one theme, one project or one event: the pages people link to ("everything
//! said about platform engineering at KubeCon"). Each shows what it is, how it spread across
//! events as a small chart, what it travels with, and its takeaways, newest event first.

use maud::{html, Markup};

use super::graphs::{contrast, figure, trend};
use super::list::cards;
use super::{takeaways_count, Cx};
use crate::explore::facets::Facet;
use crate::explore::subject::{theme_shares, Subject};
use crate::model::ids::{article_path, encode_query_value, event_path, project_path, theme_path};
use crate::model::{EventIx, ProjectIx, ThemeIx};
use crate::render::graphs::kind_name;
use crate::render::lang::Lang;

/// Takeaways a subject's page lists; the rest are a link to the list away.
pub const LISTED: usize = 50;
/// Related themes and projects a subject's page names.
const RELATED: usize = 12;

/// The path of a subject's Atom feed, under the site's root (themes and events have one).
pub fn feed_path(page: &str) -> String {
    format!("{page}/feed.xml")
}

/// The page of `theme`, whose takeaways are `subject`.
pub fn theme_page(cx: &Cx, theme: ThemeIx, subject: &Subject) -> Markup {
    let t = cx.bundle.theme(theme);
    let name = cx.name(&t.name);
    let other = cx.lang.other().name(&t.name);
    html! {
        article.subject-page {
            p.crumbs { a href=(cx.href("")) { (cx.pick("全部要点", "All takeaways")) } " › " (cx.pick("主题", "Theme")) }
            h1 { (name) @if other != name { " " span.other-name lang=(cx.lang.other().tag()) { (other) } } }
            p.lede { (cx.name(&t.description)) }
            (counts(cx, subject, Facet::Theme, &t.id, Some(&theme_path(&t.id))))
            @if subject.per_event.len() > 1 { (figure(cx, &trend(cx, &name, &subject.per_event))) }
            (related_themes(cx, cx.pick("常一起出现的主题", "Themes it travels with"), &subject.themes))
            (related_projects(cx, cx.pick("相关项目", "Its projects"), &subject.projects))
            (takeaways(cx, subject, Facet::Theme, &t.id))
        }
    }
}

/// The page of `project`, whose takeaways are `subject`.
pub fn project_page(cx: &Cx, project: ProjectIx, subject: &Subject) -> Markup {
    let p = cx.bundle.project(project);
    html! {
        article.subject-page {
            p.crumbs { a href=(cx.href("")) { (cx.pick("全部要点", "All takeaways")) } " › " (kind_name(cx.lang, p.kind)) }
            h1 { (p.name) }
            @if !p.aliases.is_empty() {
                p.lede { (cx.pick("又名：", "Also: ")) (p.aliases.join(cx.pick("、", ", "))) }
            }
            (counts(cx, subject, Facet::Project, &p.id, None))
            @if subject.per_event.len() > 1 { (figure(cx, &trend(cx, &p.name, &subject.per_event))) }
            (related_themes(cx, cx.pick("相关主题", "Its themes"), &subject.themes))
            (related_projects(cx, cx.pick("一起提到的项目", "Named with it"), &subject.projects))
            (takeaways(cx, subject, Facet::Project, &p.id))
        }
    }
}

/// The page of `event`, whose takeaways are `subject`.
pub fn event_page(cx: &Cx, event: EventIx, subject: &Subject) -> Markup {
    let e = cx.bundle.event(event);
    let name = cx.name(&e.name);
    let shares: Vec<_> = theme_shares(cx.bundle, event).into_iter().filter(|s| s.1 > 0.0).take(RELATED).collect();
    html! {
        article.subject-page {
            p.crumbs { a href=(cx.href("")) { (cx.pick("全部要点", "All takeaways")) } " › " (cx.pick("大会", "Event")) }
            h1 { (name) }
            p.lede { (cx.name(&e.city)) ", " (cx.name(&e.country)) " · " (e.start) " – " (e.end) }
            (counts(cx, subject, Facet::Event, &e.id, Some(&event_path(&e.id))))
            @if !subject.articles.is_empty() {
                section.subject-section aria-labelledby="articles-title" {
                    h2 #articles-title { (cx.pick("文章", "Articles")) }
                    ul.article-list {
                        @for &a in &subject.articles {
                            @let article = cx.bundle.article(a);
                            li {
                                a href=(cx.href(&article_path(&article.id))) { (cx.article_title(a)) }
                                @if !article.authors.is_empty() { span.card-source { " · " (article.authors.join(", ")) } }
                            }
                        }
                    }
                }
            }
            @if cx.bundle.events.len() > 1 && !shares.is_empty() {
                (figure(cx, &contrast(cx, &cx.name(&e.short_name()), &shares)))
            }
            (takeaways(cx, subject, Facet::Event, &e.id))
        }
    }
}

/// How many takeaways, at how many events, a link to them in the list, and the feed.
fn counts(cx: &Cx, subject: &Subject, facet: Facet, value: &str, feed: Option<&str>) -> Markup {
    let events = subject.per_event.iter().filter(|s| s.count > 0).count();
    html! {
        p.result-count {
            strong { (takeaways_count(cx.lang, subject.takeaways.len())) }
            @if facet != Facet::Event {
                " · " @match cx.lang { Lang::Zh => { (events) " 场大会" } Lang::En => { (events) " event" @if events != 1 { "s" } } }
            }
            " · " a href=(list_href(cx, facet, value)) { (cx.pick("在列表中筛选", "Filter the list")) }
            @if let Some(page) = feed {
                " · " a href=(cx.href(&feed_path(page))) type="application/atom+xml" { (cx.pick("订阅（Atom）", "Subscribe (Atom)")) }
            }
        }
    }
}

fn list_href(cx: &Cx, facet: Facet, value: &str) -> String {
    cx.href(&format!("?{}={}", facet.key(), encode_query_value(value)))
}

fn related_themes(cx: &Cx, title: &str, themes: &[(ThemeIx, usize)]) -> Markup {
    html! {
        @if !themes.is_empty() {
            section.subject-section {
                h2 { (title) }
                ul.chips {
                    @for &(t, count) in themes.iter().take(RELATED) {
                        @let theme = cx.bundle.theme(t);
                        li { a.chip.theme href=(cx.href(&theme_path(&theme.id))) { (cx.name(&theme.name)) " " span.count { (count) } } }
                    }
                }
            }
        }
    }
}

fn related_projects(cx: &Cx, title: &str, projects: &[(ProjectIx, usize)]) -> Markup {
    html! {
        @if !projects.is_empty() {
            section.subject-section {
                h2 { (title) }
                ul.chips {
                    @for &(p, count) in projects.iter().take(RELATED) {
                        @let project = cx.bundle.project(p);
                        li {
                            a class={ "chip project " (project.kind.as_str()) } href=(cx.href(&project_path(&project.id))) {
                                (project.name) " " span.count { (count) }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The newest [`LISTED`] takeaways as cards, and a link to all of them in the list.
fn takeaways(cx: &Cx, subject: &Subject, facet: Facet, value: &str) -> Markup {
    let total = subject.takeaways.len();
    html! {
        section.subject-section aria-labelledby="takeaways-title" {
            h2 #takeaways-title { (cx.pick("要点", "Takeaways")) }
            ol.cards { (cards(cx, subject.newest(LISTED), &[])) }
            @if total > LISTED {
                a.more href=(list_href(cx, facet, value)) {
                    @match cx.lang { Lang::Zh => { "在列表中查看全部 " (total) " 条" } Lang::En => { "All " (total) " in the list" } }
                }
            }
        }
    }
}
