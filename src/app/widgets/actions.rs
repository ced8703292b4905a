//! What the buttons of the rendered pages do, by their `data-action`.

use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::Element;

use super::graphs::download_svg;
use crate::app::browser::{copy_text, download, site_url};
use crate::app::data::{arrived, read_pending, request_read, request_whole, retry_search, retry_texts, BundleResource};
use crate::app::pages::home::HomeState;
use crate::app::prefs::{switch_lang, switch_scheme, use_prefs};
use crate::app::route::use_router;
use crate::app::Ui;
use crate::explore::export::{export, takeaway_markdown, Format};
use crate::explore::facets::Facet;
use crate::explore::url::{toggled_target, Page};
use crate::model::ids::takeaway_path;
use crate::render::lang::Lang;

/// Does what the button `button`, whose `data-action` is `action`, is for.
pub fn run(action: &str, button: &Element) {
    let ui = expect_context::<Ui>();
    let data = |name: &str| button.get_attribute(name).unwrap_or_default();
    match action {
        "retry" => expect_context::<BundleResource>().refetch(),
        "retry-texts" => retry_texts(),
        "retry-search" => retry_search(),
        "toggle-lang" => switch_lang(),
        "toggle-scheme" => switch_scheme(),
        "toggle-facets" => ui.facets_open.update(|open| *open = !*open),
        "more-options" => {
            let Some(facet) = Facet::ALL.into_iter().find(|f| f.key() == data("data-facet")) else { return };
            ui.unfolded.update(|unfolded| match unfolded.iter().position(|&f| f == facet) {
                Some(at) => {
                    unfolded.remove(at);
                }
                None => unfolded.push(facet),
            });
        }
        "close-shortcuts" => ui.shortcuts.set(false),
        "update" => crate::app::offline::accept_update(),
        "copy-link" | "copy-markdown" => copy(action == "copy-markdown"),
        "export" => {
            if let Some(format) = Format::ALL.into_iter().find(|f| f.extension() == data("data-format")) {
                save_list(format);
            }
        }
        "download-svg" => {
            if let Err(e) = download_svg(&data("data-graph")) {
                leptos::logging::warn!("SVG download failed: {e}");
            }
        }
        _ => {}
    }
}

/// Puts the link to the takeaway on screen, or the takeaway as Markdown, on the clipboard, once
/// its title and summary have come (or failed), and says whether it worked.
fn copy(markdown: bool) {
    let Page::Takeaway(id) = use_router().page().get_untracked() else { return };
    let bundle = expect_context::<BundleResource>();
    let lang = use_prefs().lang.get_untracked();
    until_done(Box::new(move |_| {
        let Some(Ok(site)) = bundle.get() else { return Errand::Whole };
        let Some(index) = site.takeaway_index(&id) else { return Errand::Done };
        request_read(&site, &[index], &[]);
        if read_pending(&site, &[index], &[]) {
            return Errand::Read;
        }
        let arrived = arrived(&site);
        let text = if markdown {
            takeaway_markdown(&site.bundle, &arrived, &arrived, index, &site_url(), lang == Lang::En)
        } else {
            format!("{}{}", site_url(), takeaway_path(&site.bundle.titled(&arrived, index).id))
        };
        spawn_local(async move {
            let said = match copy_text(&text).await {
                true => lang.pick("已复制", "Copied"),
                false => lang.pick("浏览器不允许复制", "The browser did not allow copying"),
            };
            if let Some(status) = document().query_selector(".copy-status").ok().flatten() {
                status.set_text_content(Some(said));
            }
        });
        Errand::Done
    }));
}

/// The list the facet option named by a checkbox leads to (its `name` the facet's key, its
/// `value` the option's): the list's state with that option toggled; until the app has its
/// data, the URL with that value toggled.
pub fn toggled_option(facet: &str, value: &str) -> Option<String> {
    let facet = Facet::ALL.into_iter().find(|f| f.key() == facet)?;
    let state = expect_context::<HomeState>().state.get_untracked();
    let (Some(Ok(site)), Some(state)) = (expect_context::<BundleResource>().get_untracked(), state) else {
        return Some(use_router().query().with_untracked(|params| toggled_target(params, facet, value)));
    };
    let facets = site.facets();
    let option = facets.options(facet).iter().position(|o| o.value == value)?;
    Some(state.with_selection(state.selection.toggled(facet, option as u32)).target(facets))
}

/// Saves every takeaway the list holds (not only those shown) in `format`, once their summaries
/// and titles have come (or failed: then without those summaries, and those titles but the ids
/// of their articles and ordinals). The first page's outline lacks most takeaways' themes and
/// projects: the whole one is waited for.
fn save_list(format: Format) {
    let (bundle, home) = (expect_context::<BundleResource>(), expect_context::<HomeState>());
    let english_first = use_prefs().lang.get_untracked() == Lang::En;
    request_whole();
    until_done(Box::new(move |saving| {
        let Some(Ok(site)) = bundle.get() else { return Errand::Whole };
        let Some(listing) = home.listing.get_untracked().filter(|_| !site.is_first_page()) else {
            return Errand::Whole;
        };
        // Asked for once: every file that comes runs this again, and the list may be every takeaway.
        if saving != Some(Errand::Read) {
            request_read(&site, &listing.takeaways, &[]);
        }
        if read_pending(&site, &listing.takeaways, &[]) {
            return Errand::Read;
        }
        let arrived = arrived(&site);
        let text = export(&site.bundle, &arrived, &arrived, &listing.takeaways, format, &site_url(), english_first);
        if let Err(e) = download(&format!("takeaways.{}", format.extension()), format.media_type(), &text) {
            leptos::logging::warn!("export failed: {e}");
        }
        Errand::Done
    }));
}

/// Where a button's errand that waits for data is: waiting for the outline, for the texts it
/// reads, or done (then it reads no signal, and runs no more).
#[derive(Clone, Copy, PartialEq)]
enum Errand {
    Whole,
    Read,
    Done,
}

/// Runs `errand` now and again whenever what it read changes, until it is done; it is given where
/// it was, never done. One boxed type for every errand: each closure type would compile leptos's
/// effect anew.
fn until_done(mut errand: Box<dyn FnMut(Option<Errand>) -> Errand>) {
    Effect::new(move |was: Option<Errand>| match was {
        Some(Errand::Done) => Errand::Done,
        was => errand(was),
    });
}
