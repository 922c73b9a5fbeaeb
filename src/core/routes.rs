//! The app's own addresses (not the backend's): one place builds every internal link.

use super::template::encode_component;

/// The home page: the first page of the feed.
pub const HOME: &str = "/";
/// The feed.
pub const FEED: &str = "/news";
/// The articles this reader opened, readable offline.
pub const SAVED: &str = "/saved";
/// The archive: `/news/archive/:year[/:month[/:day]]`.
pub const ARCHIVE: &str = "/news/archive";

/// An article's page. The id is percent-encoded, so any backend id makes a valid path.
pub fn article(id: &str) -> String {
    format!("{FEED}/{}", encode_component(id))
}

/// A page of the feed: `/news` for the first, `/news?page=N` for the rest.
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
pub fn photo_from_hash(hash: &str, count: usize) -> Option<usize> {
    let n: usize = hash.strip_prefix("#photo-")?.parse().ok()?;
    (1..=count).contains(&n).then(|| n - 1)
}
