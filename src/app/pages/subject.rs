//! The pages about one theme, project or event.

use maud::html;

use super::{not_found, when_read, Content};
use crate::app::data::{article_titles_load, request_article_titles, Load, Site};
use crate::app::set_title;
use crate::explore::subject::{of_event, of_project, of_theme};
use crate::model::{EventIx, ProjectIx, ThemeIx};
use crate::render::shell::{load_failed, Unloaded};
use crate::render::subject::LISTED;
use crate::render::{site_name, subject, Cx};

pub fn theme(cx: &Cx, site: &Site, id: &str) -> Content {
    let Some(at) = site.themes.iter().position(|t| t.id == id) else { return not_found::markup(cx, site) };
    set_title(&format!("{} · {}", cx.name(&site.themes[at].name), site_name(cx.lang)));
    let theme = ThemeIx::at(at);
    let listed = of_theme(&site.bundle, site.list_order(), theme);
    when_read(cx.lang, site, listed.newest(LISTED), &[], subject::theme_page(cx, theme, &listed))
}

pub fn project(cx: &Cx, site: &Site, id: &str) -> Content {
    let Some(at) = site.projects.iter().position(|p| p.id == id) else { return not_found::markup(cx, site) };
    set_title(&format!("{} · {}", site.projects[at].name, site_name(cx.lang)));
    let project = ProjectIx::at(at);
    let listed = of_project(&site.bundle, site.list_order(), project);
    when_read(cx.lang, site, listed.newest(LISTED), &[], subject::project_page(cx, project, &listed))
}

pub fn event(cx: &Cx, site: &Site, id: &str) -> Content {
    let Some(at) = site.events.iter().position(|e| e.id == id) else { return not_found::markup(cx, site) };
    set_title(&format!("{} · {}", cx.name(&site.events[at].name), site_name(cx.lang)));
    let event = EventIx::at(at);
    let listed = of_event(&site.bundle, site.list_order(), event);
    // Its list of articles reads every article's titles.
    request_article_titles();
    let content = when_read(cx.lang, site, listed.newest(LISTED), &[], subject::event_page(cx, event, &listed));
    match article_titles_load() {
        Load::Ready(()) => content,
        Load::Failed(why) => {
            let markup = html! { (load_failed(cx.lang, Unloaded::SomeTexts, &why, "retry-texts")) (content.markup) };
            Content { markup, ..content }
        }
        Load::Idle | Load::Loading => Content { ready: false, ..content },
    }
}
