//! The reader's preferences: UI language (中文 / English) and colour theme (light / dark),
//! each defaulting to what the browser says and remembered once chosen.
//!
//! Corpus text stays as written; only UI strings and the names of events, themes, regions and
//! facets switch language.

use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;

use crate::render::lang::Lang;

const LANG_KEY: &str = "takeaways.lang";
const THEME_KEY: &str = "takeaways.theme";

/// The colour theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scheme {
    Light,
    Dark,
}

/// The preferences, shared by every component through the context.
#[derive(Clone, Copy)]
pub struct Prefs {
    pub lang: RwSignal<Lang>,
    pub scheme: RwSignal<Scheme>,
}

/// Reads the remembered (or the browser's) preferences, provides them, and keeps `<html>`'s
/// `lang` and `data-theme` attributes in step with them.
pub fn provide_prefs() -> Prefs {
    let prefs = Prefs { lang: RwSignal::new(initial_lang()), scheme: RwSignal::new(initial_scheme()) };
    provide_context(prefs);
    Effect::new(move |_| set_root_attribute("lang", prefs.lang.get().tag()));
    Effect::new(move |_| {
        set_root_attribute(
            "data-theme",
            match prefs.scheme.get() {
                Scheme::Light => "light",
                Scheme::Dark => "dark",
            },
        )
    });
    prefs
}

/// The preferences, to read inside closures.
pub fn use_prefs() -> Prefs {
    expect_context::<Prefs>()
}

fn initial_lang() -> Lang {
    match LocalStorage::get::<String>(LANG_KEY).ok().as_deref() {
        Some("zh") => return Lang::Zh,
        Some("en") => return Lang::En,
        _ => {}
    }
    let browser = web_sys::window().and_then(|w| w.navigator().language()).unwrap_or_default();
    if browser.to_ascii_lowercase().starts_with("zh") {
        Lang::Zh
    } else {
        Lang::En
    }
}

fn initial_scheme() -> Scheme {
    match LocalStorage::get::<String>(THEME_KEY).ok().as_deref() {
        Some("dark") => return Scheme::Dark,
        Some("light") => return Scheme::Light,
        _ => {}
    }
    let dark = web_sys::window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .is_some_and(|m| m.matches());
    if dark {
        Scheme::Dark
    } else {
        Scheme::Light
    }
}

fn set_root_attribute(name: &str, value: &str) {
    if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = root.set_attribute(name, value);
    }
}

/// Switches the UI to the other language, and remembers it.
pub fn switch_lang() {
    let prefs = use_prefs();
    let lang = prefs.lang.get_untracked().other();
    let _ = LocalStorage::set(LANG_KEY, lang.pick("zh", "en"));
    prefs.lang.set(lang);
}

/// Switches to the other colour theme, and remembers it.
pub fn switch_scheme() {
    let prefs = use_prefs();
    let scheme = match prefs.scheme.get_untracked() {
        Scheme::Light => Scheme::Dark,
        Scheme::Dark => Scheme::Light,
    };
    let _ = LocalStorage::set(THEME_KEY, if scheme == Scheme::Dark { "dark" } else { "light" });
    prefs.scheme.set(scheme);
}
