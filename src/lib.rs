//! Vestnik: a government press service's news, rendered in the browser from JSON.
//!
//! Data flows one way: route (`pages`) → resource → `api` → `core::model` → view
//! (`components`). `core` is plain Rust with native tests; `api` is the only door to
//! HTTP; `app` wires the shell and the router.

pub mod api;
pub mod app;
pub mod browser;
pub mod components;
pub mod context;
pub mod core;
pub mod focus;
pub mod lang;
pub mod lazy;
pub mod list_memory;
pub mod location;
pub mod pages;
pub mod pwa;
pub mod reading_history;
pub mod resource;
pub mod router;
pub mod settled;
pub mod snapshot;
pub mod tasks;

use wasm_bindgen::JsCast;

/// Mounts the app into `#app` (replacing the static placeholder `index.html` shows
/// while the wasm loads), or into `<body>` if a host page has no `#app`. Where index.html's
/// first-screen snapshot stands in, the app renders out of sight and takes its place when
/// ready (`snapshot`).
pub fn start() {
    console_error_panic_hook::set_once();
    let snapshot = snapshot::standing_in();
    // An article opened from a link: its page's code (a chunk of its own) downloads now,
    // beside the config and the site, not after them.
    if core::routes::is_article(&location::app_path(&location::base_path())) {
        lazy::start(pages::article::preload);
    }
    // Mounted in a task of its own: the module's start-up and the first render do not add
    // up to one long task that keeps the page from answering the reader.
    tasks::next_task(move || mount(snapshot));
}

fn mount(snapshot: Option<web_sys::Element>) {
    let root = leptos::prelude::document()
        .get_element_by_id("app")
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    match root {
        Some(root) => {
            root.set_inner_html("");
            settled::watch(&root);
            leptos::mount::mount_to(root.clone(), app::App).forget();
            if let Some(snapshot) = snapshot {
                snapshot::hand_over(root, snapshot);
            }
        }
        None => {
            if let Some(snapshot) = snapshot {
                snapshot::discard(&snapshot);
            }
            if let Some(body) = leptos::prelude::document().body() {
                settled::watch(&body);
            }
            leptos::mount::mount_to_body(app::App)
        }
    }
}
