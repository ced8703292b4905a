//! Keyboard shortcuts, for the whole app: `/` search, `j`/`k` next and previous takeaway,
//! `Enter` open (the focused link does it), `Esc` clear or back, `?` this list.
//!
//! `j`/`k` move the focus through the takeaway links on screen (the list's cards), or follow
//! the next/previous links on a takeaway's page, so they work wherever takeaways are shown.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use super::browser::focus;
use super::route::use_router;
use super::Ui;
use crate::explore::url::Page;

/// Installs the shortcuts; `?` opens the dialog the app renders from [`Ui::shortcuts`].
pub fn listen() {
    let help = expect_context::<Ui>().shortcuts;
    let router = use_router();
    // The app lives as long as the page: the listener is never removed.
    let _ = window_event_listener(ev::keydown, move |event| {
        if event.ctrl_key() || event.meta_key() || event.alt_key() || typing_in(&event) {
            return;
        }
        let document = match web_sys::window().and_then(|w| w.document()) {
            Some(d) => d,
            None => return,
        };
        match event.key().as_str() {
            "?" => help.update(|h| *h = !*h),
            "Escape" if help.get_untracked() => help.set(false),
            "Escape" => {
                // Back to the list from a page; on the list, clear the query and the filters.
                if router.page().get_untracked() == Page::List {
                    router.navigate("/", false);
                } else if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
                    let _ = history.back();
                }
            }
            "/" => {
                if let Some(input) = document.query_selector(".search input").ok().flatten() {
                    event.prevent_default();
                    focus(&input);
                }
            }
            key @ ("j" | "k") => step(&document, key == "j"),
            _ => (),
        }
    });
}

/// Whether the key was typed into a field (then it is text, not a shortcut).
fn typing_in(event: &web_sys::KeyboardEvent) -> bool {
    event
        .target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .is_some_and(|e| matches!(e.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
}

/// Moves to the next (or previous) takeaway: the focus through the cards' links, or on a
/// takeaway's page to its next/previous sibling.
fn step(document: &web_sys::Document, forward: bool) {
    let links = document.query_selector_all("a.card-title").ok();
    let links: Vec<Element> = links
        .map(|list| (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<Element>().ok()).collect())
        .unwrap_or_default();
    if links.is_empty() {
        let rel = if forward { "a[rel=next]" } else { "a[rel=prev]" };
        if let Some(link) = document.query_selector(rel).ok().flatten().and_then(|l| l.dyn_into::<HtmlElement>().ok()) {
            link.click();
        }
        return;
    }
    let active = document.active_element();
    let at = links.iter().position(|l| Some(l) == active.as_ref());
    let next = match (at, forward) {
        (None, true) => 0,
        (None, false) => links.len() - 1,
        (Some(i), true) => (i + 1).min(links.len() - 1),
        (Some(i), false) => i.saturating_sub(1),
    };
    focus(&links[next]);
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Nearest);
    links[next].scroll_into_view_with_scroll_into_view_options(&options);
}
