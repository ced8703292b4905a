//! The page's events, handled once for the whole document (the markup changes with the state,
//! its elements replaced where theirs change, so nothing is attached to them): clicks on
//! buttons by their `data-action`, on anything with a `data-href` (a router path), a facet's
//! checkbox toggled, select changes that name a page, the search box's typing, and hovering the
//! graphs.
//!
//! Handlers run inside the app's reactive owner, so they reach its contexts like components do.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement, HtmlSelectElement};

use super::route::{closest, use_router};
use super::widgets::{actions, graphs, search_box};

/// Starts handling the document's events for the app that owns the current reactive scope.
pub fn listen() {
    let Some(owner) = Owner::current() else { return };
    let on = |event: &'static str, handle: fn(web_sys::Event)| {
        let owner = owner.clone();
        // The app lives as long as the page: the listeners are never removed.
        let _ = window_event_listener_untyped(event, move |ev| owner.with(|| handle(ev)));
    };
    on("click", clicked);
    on("change", changed);
    on("submit", |ev| {
        if closest(&ev, "form.search").is_some() {
            ev.prevent_default();
        }
    });
    on("input", |ev| {
        if let Some(input) = search_input(&ev) {
            search_box::typed(&ev, &input);
        }
    });
    on("compositionend", |ev| {
        if let Some(input) = search_input(&ev) {
            search_box::composed(&input);
        }
    });
    on("keydown", |ev| {
        if let (Some(input), Some(key)) = (search_input(&ev), ev.dyn_ref::<web_sys::KeyboardEvent>()) {
            search_box::key(key, &input);
        }
    });
    on("focusin", |ev| {
        if search_input(&ev).is_some() {
            search_box::focused();
        }
    });
    on("mouseover", |ev| graphs::hovered(&ev));
}

/// The search box, if the event happened in it.
fn search_input(ev: &web_sys::Event) -> Option<HtmlInputElement> {
    closest(ev, search_box::INPUT)?.dyn_into().ok()
}

fn clicked(ev: web_sys::Event) {
    let Some(mouse) = ev.dyn_ref::<web_sys::MouseEvent>() else { return };
    if ev.default_prevented() || mouse.button() != 0 {
        return;
    }
    if let Some(button) = closest(&ev, "[data-action]") {
        let action = button.get_attribute("data-action").unwrap_or_default();
        // The shortcuts' backdrop closes them only when clicked itself, not the dialog on it.
        if action == "close-shortcuts" && !is_target(&ev, &button) && button.tag_name() != "BUTTON" {
            return;
        }
        actions::run(&action, &button);
    } else if let Some(target) = closest(&ev, "[data-href]:not(input)").and_then(|e| e.get_attribute("data-href")) {
        use_router().navigate(&target, false);
    }
}

fn changed(ev: web_sys::Event) {
    let Some(target) = ev.target().and_then(|t| t.dyn_into::<Element>().ok()) else { return };
    let page = if let Some(select) = target.dyn_ref::<HtmlSelectElement>() {
        select.has_attribute("data-navigate").then(|| select.value())
    } else if let Some(option) = target.dyn_ref::<HtmlInputElement>().filter(|i| i.type_() == "checkbox") {
        actions::toggled_option(&option.name(), &option.value())
    } else {
        target.get_attribute("data-href")
    };
    if let Some(page) = page {
        use_router().navigate(&page, false);
    }
}

fn is_target(ev: &web_sys::Event, element: &Element) -> bool {
    ev.target().and_then(|t| t.dyn_into::<Element>().ok()).is_some_and(|t| t.is_same_node(Some(element)))
}
