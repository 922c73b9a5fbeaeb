//! The app's own addresses (not the backend's): one place builds every internal link.
//!
//! Links are relative to the document's `<base href>` ("news/10564", not "/news/10564"),
//! so the same build works at the site root and under any sub-path (`/press/`): the
//! browser resolves them, and the router is told the base once (see `base_path`).

use super::template::{decode_component, encode_component};

/// The home page: the first page of the feed.
pub const HOME: &str = "./";
/// The feed.
pub const FEED: &str = "news";
/// The articles this reader opened, readable offline.
pub const SAVED: &str = "saved";
/// The archive: `news/archive/:year[/:month[/:day]]`.
pub const ARCHIVE: &str = "news/archive";

/// An article's page. The id is percent-encoded, so any backend id makes a valid path.
pub fn article(id: &str) -> String {
    format!("{FEED}/{}", encode_component(id))
}

/// Which page an app path (`news/archive/2020`, "" for the home page) shows. The query
/// does not choose the page: it narrows what the page shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    /// The feed: the home page, `news`, `news/archive/:year[/:month[/:day]]`.
    Feed,
    /// `news/archive`: every month with news.
    Archive,
    /// `news/:id`.
    Article,
    /// `saved`.
    Saved,
    /// Anything else.
    NotFound,
}

impl Page {
    pub fn of(path: &str) -> Self {
        let path = path.strip_suffix('/').unwrap_or(path);
        let segments: Vec<&str> = if path.is_empty() {
            Vec::new()
        } else {
            path.split('/').collect()
        };
        match segments.as_slice() {
            [] | ["news"] => Self::Feed,
            ["news", "archive"] => Self::Archive,
            ["news", "archive", rest @ ..]
                if (1..=3).contains(&rest.len()) && rest.iter().all(|s| !s.is_empty()) =>
            {
                Self::Feed
            }
            ["news", id] if !id.is_empty() => Self::Article,
            ["saved"] => Self::Saved,
            _ => Self::NotFound,
        }
    }
}

/// Whether an app path is an article's page (`news/10564`; not `news/archive`).
pub fn is_article(path: &str) -> bool {
    Page::of(path) == Page::Article
}

/// What the first screen of an address opened from outside (app path, query) needs first:
/// `None` for a widget (whose own first request differs), else whether it is the feed's
/// first page, unfiltered.
pub fn first_screen_is_feed(path: &str, search: &str) -> Option<bool> {
    let path = path.trim_matches('/');
    if path.starts_with("embed/") {
        return None;
    }
    Some((path.is_empty() || path == "news") && search.is_empty())
}

/// The article an app path names (`news/%D0%B0` → `а`), if it is an article's page.
pub fn article_id(path: &str) -> Option<String> {
    if !is_article(path) {
        return None;
    }
    let path = path.strip_suffix('/').unwrap_or(path);
    decode_component(path.strip_prefix("news/")?)
}

/// The router's base path from the document's base URI: `https://a.example/press/` →
/// `/press`, `https://a.example/` → `` (the site root).
pub fn base_path(base_uri: &str) -> String {
    let after_scheme = base_uri.find("://").map_or(0, |i| i + 3);
    let path_start = base_uri[after_scheme..]
        .find('/')
        .map_or(base_uri.len(), |i| after_scheme + i);
    let path = &base_uri[path_start..];
    let path = path.split(['?', '#']).next().unwrap_or_default();
    // The base is a directory: drop a trailing file name ("/press/index.html").
    let dir = path.rfind('/').map_or("", |i| &path[..i]);
    dir.to_owned()
}

/// The app's path of a location: `/press/news/1` under base `/press` → `news/1`.
pub fn app_path<'a>(pathname: &'a str, base: &str) -> &'a str {
    pathname
        .strip_prefix(base)
        .unwrap_or(pathname)
        .trim_start_matches('/')
}

/// An app link as the router's path, for programmatic navigation: `news?q=x` → `/news?q=x`,
/// `./` → `/`. The router adds its base (`/press`) itself.
pub fn router_path(href: &str) -> String {
    format!("/{}", href.trim_start_matches("./"))
}

/// A page of the feed: `news` for the first, `news?page=N` for the rest.
pub fn feed_page(page: u32) -> String {
    if page <= 1 {
        FEED.to_owned()
    } else {
        format!("{FEED}?page={page}")
    }
}

/// The URL fragment that opens photo `index` (0-based) of an article's gallery: `#photo-1`…
pub fn photo_hash(index: usize) -> String {
    format!("#photo-{}", index + 1)
}

/// The photo (0-based) a fragment such as `#photo-3` opens, if it names one of `count`.
/// A first-screen snapshot's spelling, `#s-photo-3` (its ids carry an `s-` prefix), opens it
/// too: a reader who opened a photo before the app started keeps it open after.
pub fn photo_from_hash(hash: &str, count: usize) -> Option<usize> {
    let name = hash.strip_prefix('#')?;
    let name = name.strip_prefix("s-").unwrap_or(name);
    let n: usize = name.strip_prefix("photo-")?.parse().ok()?;
    (1..=count).contains(&n).then(|| n - 1)
}
