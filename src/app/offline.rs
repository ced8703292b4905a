//! Offline and updates, from the app's side: the service worker is registered once the page has
//! loaded (nothing of it is on the first load's way), a new build waiting to take over is offered
//! to the reader ("new version — reload"), and whether the network is there shows in the header.

use std::cell::RefCell;

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorkerRegistration, ServiceWorkerState};

use super::Ui;

/// The worker's script, at the site's root (see `crate::builder::site::worker`).
const WORKER: &str = "sw.js";

thread_local! {
    static REGISTRATION: RefCell<Option<ServiceWorkerRegistration>> = const { RefCell::new(None) };
}

/// Follows the network, and registers the worker after the page's `load`.
pub fn start(ui: Ui) {
    let Some(window) = web_sys::window() else { return };
    ui.offline.set(!window.navigator().on_line());
    let _ = window_event_listener_untyped("offline", move |_| ui.offline.set(true));
    // Back online: a new build may have been deployed meanwhile.
    let _ = window_event_listener_untyped("online", move |_| {
        ui.offline.set(false);
        check_for_update();
    });
    let register = move || leptos::task::spawn_local(register(ui));
    if window.document().is_some_and(|d| d.ready_state() == "complete") {
        register();
    } else {
        let once = Closure::once_into_js(register);
        let _ = window.add_event_listener_with_callback("load", once.unchecked_ref());
    }
}

async fn register(ui: Ui) {
    let Some(window) = web_sys::window() else { return };
    let container = window.navigator().service_worker();
    // No service workers where the page is no secure context (plain http to another host), or
    // where they are blocked: the site works as it does before the worker is installed.
    if container.is_undefined() {
        return;
    }
    let Ok(registration) = JsFuture::from(container.register(WORKER)).await else { return };
    if !registration.is_object() {
        return;
    }
    let registration: ServiceWorkerRegistration = registration.unchecked_into();
    let offer = move || ui.update.set(true);
    // A build installed while the page was closed, or one that finishes installing now, waits
    // for the reader; a first install (no worker controls the page yet) needs no asking.
    let controlled = container.controller().is_some();
    if registration.waiting().is_some() && controlled {
        offer();
    }
    let watched = registration.clone();
    let found = Closure::<dyn Fn()>::new(move || {
        let Some(installing) = watched.installing() else { return };
        let worker = installing.clone();
        let installed = Closure::<dyn Fn()>::new(move || {
            let controlled = web_sys::window().is_some_and(|w| w.navigator().service_worker().controller().is_some());
            if worker.state() == ServiceWorkerState::Installed && controlled {
                offer();
            }
        });
        installing.set_onstatechange(Some(installed.as_ref().unchecked_ref()));
        installed.forget();
    });
    registration.set_onupdatefound(Some(found.as_ref().unchecked_ref()));
    found.forget();
    REGISTRATION.with(|r| r.replace(Some(registration)));
}

/// Asks the browser to look for a new worker (a new build) now.
fn check_for_update() {
    REGISTRATION.with(|r| {
        if let Some(registration) = r.borrow().as_ref() {
            let _ = registration.update();
        }
    });
}

/// The reader accepted the new build: the waiting worker takes over, then the page reloads into
/// it (never a page of one build running with another's files).
pub fn accept_update() {
    let Some(window) = web_sys::window() else { return };
    let waiting = REGISTRATION.with(|r| r.borrow().as_ref().and_then(ServiceWorkerRegistration::waiting));
    let Some(waiting) = waiting else {
        let _ = window.location().reload();
        return;
    };
    let reload = Closure::<dyn Fn()>::new(|| {
        if let Some(window) = web_sys::window() {
            let _ = window.location().reload();
        }
    });
    window.navigator().service_worker().set_oncontrollerchange(Some(reload.as_ref().unchecked_ref()));
    reload.forget();
    let _ = waiting.post_message(&"skip-waiting".into());
}
