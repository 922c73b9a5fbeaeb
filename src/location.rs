//! Where this page is, read from the document: the app's base path (`<base href>`) and the
//! page's path within it. For the code that runs before the router exists — the shell's
//! widget check and the API's first-screen prefetch; views use the router's location.

use leptos::prelude::{document, window};

use crate::core::routes;

/// The document's base URL (`<base href>`, absolute).
pub fn base_uri() -> String {
    document().base_uri().ok().flatten().unwrap_or_default()
}

/// The app's base path: "" at the site root, "/press" under a sub-path.
pub fn base_path() -> String {
    routes::base_path(&base_uri())
}

/// This page's path within the app (`news/123`, `embed/feed`, "" for the home page).
pub fn app_path(base: &str) -> String {
    let pathname = window().location().pathname().unwrap_or_default();
    routes::app_path(&pathname, base).to_owned()
}
