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
use crate::model::Titles;
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

/// Puts the link to the takeaway on screen, or the takeaway as Markdown, on the clipboard, and
/// says whether it worked.
fn copy(markdown: bool) {
    let Page::Takeaway(id) = use_router().page().get_untracked() else { return };
    let Some(Ok(site)) = expect_context::<BundleResource>().get_untracked() else { return };
    let Some(index) = site.takeaway_index(&id) else { return };
    let lang = use_prefs().lang.get_untracked();
    let arrived = arrived(&site);
    let text = if markdown {
        takeaway_markdown(&site.bundle, &arrived, &arrived, index, &site_url(), lang == Lang::En)
    } else {
        // Until its title has come (a click soon after the page loads), the id the address bar
        // shows: the page the reader is on. The bundle alone knows only its article and ordinal.
        let id = arrived.takeaway_title(index).map_or(id, |titled| titled.id.clone());
        format!("{}{}", site_url(), takeaway_path(&id))
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
    Effect::new(move |saving: Option<Saving>| {
        let Some(Ok(site)) = bundle.get().filter(|_| saving != Some(Saving::Saved)) else {
            return saving.unwrap_or(Saving::Whole);
        };
        let Some(listing) = home.listing.get_untracked().filter(|_| !site.is_first_page()) else {
            return Saving::Whole;
        };
        // Asked for once: every file that comes runs this again, and the list may be every takeaway.
        if saving != Some(Saving::Read) {
            request_read(&site, &listing.takeaways, &[]);
        }
        if read_pending(&site, &listing.takeaways, &[]) {
            return Saving::Read;
        }
        let arrived = arrived(&site);
        let text = export(&site.bundle, &arrived, &arrived, &listing.takeaways, format, &site_url(), english_first);
        if let Err(e) = download(&format!("takeaways.{}", format.extension()), format.media_type(), &text) {
            leptos::logging::warn!("export failed: {e}");
        }
        Saving::Saved
    });
}

/// Where saving a list is: waiting for the whole outline, for the texts it reads, or done.
#[derive(Clone, Copy, PartialEq)]
enum Saving {
    Whole,
    Read,
    Saved,
}
