//! Vestnik as an installed, offline-capable app: the service worker (registration and
//! safe updates), the install prompt, and what the reader should know about the connection.
//!
//! Everything here degrades quietly: without service workers (old browsers, private
//! modes, a host that blocks them) the app works exactly as before, online only.

use std::cell::{Cell, RefCell};

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::api::freshness::{self, Freshness};
use crate::browser::{call, get};

/// The app-wide state the header and banners show.
#[derive(Clone, Copy, Debug)]
pub struct AppStatus {
    /// A new version is installed and waiting: offer "Обновить".
    pub update_ready: RwSignal<bool>,
    /// The browser offered installation (`beforeinstallprompt`).
    pub can_install: RwSignal<bool>,
    /// No connection: the browser says so, or the last request could not reach the backend.
    pub offline: RwSignal<bool>,
    /// The data on screen is a copy saved at this moment (RFC 3339), not a fresh answer.
    pub saved_at: RwSignal<Option<String>>,
}

thread_local! {
    static INSTALL_PROMPT: RefCell<Option<JsValue>> = const { RefCell::new(None) };
    static RELOAD_ON_CONTROLLER_CHANGE: Cell<bool> = const { Cell::new(false) };
}

/// Starts listening and registers the service worker. Call once, from the shell.
pub fn start() -> AppStatus {
    let status = AppStatus {
        update_ready: RwSignal::new(false),
        can_install: RwSignal::new(false),
        offline: RwSignal::new(!navigator_online()),
        saved_at: RwSignal::new(None),
    };
    freshness::listen(move |f| match f {
        Freshness::Fresh => {
            status.saved_at.try_set(None);
            status.offline.try_set(!navigator_online());
        }
        Freshness::Saved(at) => {
            status.saved_at.try_set(Some(at));
            status.offline.try_set(true);
        }
        Freshness::Unreachable => {
            status.offline.try_set(true);
        }
    });
    on_window("online", move |_| {
        status.offline.try_set(false);
    });
    on_window("offline", move |_| {
        status.offline.try_set(true);
    });
    on_window("beforeinstallprompt", move |ev: web_sys::Event| {
        // Keep the browser's own mini-infobar quiet; the header button offers it instead.
        ev.prevent_default();
        INSTALL_PROMPT.with(|p| *p.borrow_mut() = Some(ev.into()));
        status.can_install.try_set(true);
    });
    on_window("appinstalled", move |_| {
        INSTALL_PROMPT.with(|p| *p.borrow_mut() = None);
        status.can_install.try_set(false);
    });
    leptos::task::spawn_local(register(status));
    status
}

/// Shows the browser's install dialog (after the reader clicked "Установить приложение").
pub fn install(status: AppStatus) {
    let Some(prompt) = INSTALL_PROMPT.with(|p| p.borrow_mut().take()) else {
        return;
    };
    let _ = call(&prompt, "prompt", &[]);
    status.can_install.set(false);
}

/// Activates the waiting version; the page reloads once when it takes over.
pub fn apply_update() {
    leptos::task::spawn_local(async {
        let Some(registration) = registration().await else {
            return;
        };
        let Some(waiting) = get(&registration, "waiting") else {
            return;
        };
        RELOAD_ON_CONTROLLER_CHANGE.with(|r| r.set(true));
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &"SKIP_WAITING".into());
        let _ = call(&waiting, "postMessage", &[message.into()]);
    });
}

/// This build's stamp (`<meta name="vestnik-build">`, written by scripts/precache.mjs).
pub fn build_stamp() -> Option<String> {
    document()
        .query_selector("meta[name=\"vestnik-build\"]")
        .ok()
        .flatten()
        .and_then(|m| m.get_attribute("content"))
        .filter(|s| !s.is_empty())
}

async fn register(status: AppStatus) {
    let Some(container) = get(&window().navigator(), "serviceWorker") else {
        return;
    };
    let Some(promise) = call(&container, "register", &["sw.js".into()]) else {
        return;
    };
    let Ok(registration) = JsFuture::from(promise).await else {
        return;
    };
    let has_controller = {
        let container = container.clone();
        move || get(&container, "controller").is_some()
    };
    // A version installed earlier may already be waiting.
    if get(&registration, "waiting").is_some() && has_controller() {
        status.update_ready.try_set(true);
    }
    let on_update_found = {
        let registration = registration.clone();
        let has_controller = has_controller.clone();
        Closure::<dyn FnMut()>::new(move || {
            let Some(installing) = get(&registration, "installing") else {
                return;
            };
            let worker = installing.clone();
            let has_controller = has_controller.clone();
            let on_state = Closure::<dyn FnMut()>::new(move || {
                let state = get(&worker, "state").and_then(|s| s.as_string());
                // "installed" with a controller present: an update, not the first install.
                if state.as_deref() == Some("installed") && has_controller() {
                    status.update_ready.try_set(true);
                }
            });
            let _ = js_sys::Reflect::set(&installing, &"onstatechange".into(), on_state.as_ref());
            on_state.forget();
        })
    };
    let _ = js_sys::Reflect::set(
        &registration,
        &"onupdatefound".into(),
        on_update_found.as_ref(),
    );
    on_update_found.forget();
    let on_controller = Closure::<dyn FnMut()>::new(move || {
        if RELOAD_ON_CONTROLLER_CHANGE.with(|r| r.replace(false)) {
            let _ = window().location().reload();
        }
    });
    let _ = js_sys::Reflect::set(
        &container,
        &"oncontrollerchange".into(),
        on_controller.as_ref(),
    );
    on_controller.forget();
}

async fn registration() -> Option<JsValue> {
    let container = get(&window().navigator(), "serviceWorker")?;
    let promise = call(&container, "getRegistration", &[])?;
    JsFuture::from(promise)
        .await
        .ok()
        .filter(|r| !r.is_undefined())
}

fn navigator_online() -> bool {
    window().navigator().on_line()
}

fn on_window(event: &str, handler: impl FnMut(web_sys::Event) + 'static) {
    let closure = Closure::<dyn FnMut(web_sys::Event)>::new(handler);
    let _ = window().add_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
    closure.forget();
}
