//! Where this page is, read from the document: the app's base path (`<base href>`), the
//! page's path within it, and absolute URLs for links. For the code that runs before the
//! router exists (the start-up's chunk preload, the shell's widget check and the first
//! address it hands to the api); views use the router's location.

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

/// The address the reader opened: this page's path within the app and its query.
pub fn first_address() -> (String, String) {
    let search = window().location().search().unwrap_or_default();
    (app_path(&base_path()), search)
}

/// An absolute URL for a path or URL relative to the app (canonical links, Open Graph,
/// links that leave a widget's frame).
pub fn absolute(href: &str) -> String {
    web_sys::Url::new_with_base(href, &base_uri()).map_or_else(|_| href.to_owned(), |u| u.href())
}
