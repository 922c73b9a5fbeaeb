//! Which URLs from the backend may become links or images, and how relative ones resolve.
//!
//! The backend is untrusted: a `javascript:` link in a menu, a `data:` image or a
//! protocol-relative surprise must never reach the DOM as a live URL.

/// What a URL will be used for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Use {
    /// `<a href>`: http(s), mailto:, tel:, relative paths and fragments.
    Link,
    /// `<img src>` and `srcset`: http(s) and relative paths only.
    Image,
}

/// Returns the URL trimmed if it is safe for `usage`, or `None`.
///
/// Browsers ignore ASCII whitespace and control characters inside a scheme
/// (`java\tscript:`), so any of those make the URL unsafe outright. A link's path may not
/// hide a backslash or a control character behind a percent-escape either (see
/// [`hides_a_separator`]).
pub fn safe_url(raw: &str, usage: Use) -> Option<&str> {
    let url = raw.trim_matches(|c: char| c.is_ascii_whitespace() || c.is_ascii_control());
    if url.is_empty() || url.len() > 4096 || url.chars().any(|c| c.is_control()) {
        return None;
    }
    if usage == Use::Link && hides_a_separator(url) {
        return None;
    }
    match scheme(url) {
        None => {
            // Relative (or protocol-relative: `//other.example/`). Browsers read a backslash
            // as `/`, so `\\evil.example` is `//evil.example`. An empty segment (`//`) in a
            // path to this site can come first once dot-segments go (`/.//evil.example/`),
            // and the router cannot follow such a link (see `hides_a_separator`).
            let path = path_part(url);
            let empty_segment = !path.starts_with("//") && path.contains("//");
            (!path.contains('\\') && !empty_segment).then_some(url)
        }
        Some(s) => {
            let allowed = match usage {
                Use::Link => ["http", "https", "mailto", "tel"].contains(&s.as_str()),
                Use::Image => ["http", "https"].contains(&s.as_str()),
            };
            allowed.then_some(url)
        }
    }
}

/// True when the part of `url` before any `?` or `#` has a percent-escape that decodes to
/// a backslash or an ASCII control character (`/%5Cevil.example/`, `/%09/x`).
///
/// Decoded, such a path names another site (`/\evil.example/` is `//evil.example/` to a
/// browser, and tabs are dropped): a trap for anything that decodes links before following
/// them (leptos_router did, and aborted the app on it; `crate::router` pushes the address
/// as the browser resolved it). No real link needs either in its path.
pub fn hides_a_separator(url: &str) -> bool {
    path_part(url).as_bytes().windows(3).any(|w| {
        let hex = |b: u8| char::from(b).to_digit(16);
        match (w[0], hex(w[1]), hex(w[2])) {
            (b'%', Some(high), Some(low)) => {
                let byte = high * 16 + low;
                byte == u32::from(b'\\') || byte < 0x20 || byte == 0x7f
            }
            _ => false,
        }
    })
}

/// The part of `url` before any `?` or `#`.
fn path_part(url: &str) -> &str {
    url.split(['?', '#']).next().unwrap_or_default()
}

/// The lower-cased scheme of `url`, if it has one (text before the first `:` that
/// comes before any `/`, `?` or `#`).
pub fn scheme(url: &str) -> Option<String> {
    let end = url.find([':', '/', '?', '#'])?;
    if url.as_bytes()[end] != b':' || end == 0 {
        return None;
    }
    Some(url[..end].to_ascii_lowercase())
}

/// True when the URL leaves the site: an absolute http(s) URL or a protocol-relative one.
pub fn is_external(url: &str) -> bool {
    url.starts_with("//") || matches!(scheme(url).as_deref(), Some("http" | "https"))
}

/// Resolves a reference from a backend response against the backend's base URL.
///
/// `base` is the API base from the runtime config: absolute (`https://api.example/v1/`)
/// or relative to the app (`api/`). Absolute and protocol-relative references pass as
/// they are; root-relative ones (`/media/a.jpg`) take the base's origin; the rest are
/// appended to the base's directory. The browser normalises any `..` left over.
pub fn resolve(base: &str, reference: &str) -> String {
    if scheme(reference).is_some() || reference.starts_with("//") {
        return reference.to_owned();
    }
    if reference.starts_with('/') {
        return format!("{}{reference}", origin(base));
    }
    let dir_end = base.rfind('/').map_or(0, |i| i + 1);
    let dir = &base[..dir_end];
    // Keep the origin's slashes when the base is only an origin ("https://a.example").
    if dir.ends_with("//") {
        return format!("{base}/{reference}");
    }
    format!("{dir}{reference}")
}

/// `https://host:port` of an absolute URL; empty for a relative one.
fn origin(base: &str) -> &str {
    let Some(after) = base.find("://").map(|i| i + 3) else {
        return "";
    };
    let end = base[after..]
        .find(['/', '?', '#'])
        .map_or(base.len(), |i| after + i);
    &base[..end]
}

/// Resolves `url` against `base` only when it is relative to the backend, leaving
/// fragments (`#note-1`) and queries alone so in-page links keep working.
pub fn resolve_if_relative(base: &str, url: &str) -> String {
    if url.starts_with('#') || base.is_empty() {
        url.to_owned()
    } else {
        resolve(base, url)
    }
}
