//! The sanitizer's policy: which elements and attributes of an article body survive.
//!
//! The backend's HTML is parsed by the browser into an inert document and walked by
//! `components::article_body`, which builds *new* elements from this allowlist — it never
//! re-serialises markup, so there is no string for mutation XSS to hide in. Everything
//! here is a pure decision, tested natively; see `docs/sanitizer.md` for the reasoning.

use super::links::{self, Use};

/// Nesting deeper than this is flattened to text: no legitimate article needs it, and it
/// keeps a hostile 10 000-deep document from exhausting the stack.
pub const MAX_DEPTH: usize = 48;

/// What to do with an element of the source document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Recreate it under this (possibly different) tag name, with its children.
    Keep(&'static str),
    /// Drop the element but keep its children (unknown or presentational wrappers).
    Unwrap,
    /// Drop the element and everything inside it.
    Drop,
}

const KEPT: &[&str] = &[
    "p",
    "br",
    "hr",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "b",
    "strong",
    "i",
    "em",
    "u",
    "s",
    "del",
    "ins",
    "sub",
    "sup",
    "small",
    "mark",
    "blockquote",
    "q",
    "cite",
    "abbr",
    "dfn",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "a",
    "img",
    "figure",
    "figcaption",
    "table",
    "caption",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "th",
    "td",
    "pre",
    "code",
    "kbd",
    "samp",
    "var",
    "span",
    "div",
    "time",
    "address",
];

/// Elements whose content is code, chrome or a foreign namespace: never any of it.
const DROPPED: &[&str] = &[
    "script",
    "style",
    "template",
    "noscript",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "param",
    "svg",
    "math",
    "head",
    "title",
    "meta",
    "link",
    "base",
    "input",
    "button",
    "select",
    "option",
    "optgroup",
    "textarea",
    "datalist",
    "output",
    "audio",
    "video",
    "source",
    "track",
    "canvas",
    "map",
    "area",
    "portal",
    "dialog",
    "xmp",
    "plaintext",
    "noembed",
    "noframes",
    "slot",
    "picture",
    "marquee",
    "form",
    "fieldset",
    "legend",
    "label",
    "meter",
    "progress",
    "search",
];

/// Decides the fate of an element by its lower-case local name.
///
/// Only elements in the HTML namespace may be kept: the walker drops SVG and MathML
/// elements before asking (their names overlap HTML's, e.g. `a`, `title`, `style`).
pub fn element_action(tag: &str) -> Action {
    if tag == "h1" {
        // The page already has its one h1: the article title.
        return Action::Keep("h2");
    }
    if let Some(kept) = KEPT.iter().find(|t| **t == tag) {
        return Action::Keep(kept);
    }
    if DROPPED.contains(&tag) {
        Action::Drop
    } else {
        Action::Unwrap
    }
}

/// Returns the value to set for attribute `name` on an output element `tag`, or `None`
/// to leave it off. URLs are checked and resolved against `base` (the backend's base URL).
pub fn clean_attribute(tag: &str, name: &str, value: &str, base: &str) -> Option<String> {
    let value = value.trim();
    match (tag, name) {
        ("a", "href") => {
            links::safe_url(value, Use::Link).map(|url| links::resolve_if_relative(base, url))
        }
        ("img", "src") => {
            links::safe_url(value, Use::Image).map(|url| links::resolve_if_relative(base, url))
        }
        ("img", "alt") => Some(value.to_owned()),
        ("img", "width" | "height") | ("ol", "start") | ("td" | "th", "colspan" | "rowspan") => {
            number(value)
        }
        ("ol", "reversed") => Some(String::new()),
        ("ol", "type") => ["1", "a", "A", "i", "I"]
            .contains(&value)
            .then(|| value.to_owned()),
        ("th", "scope") => ["row", "col", "rowgroup", "colgroup"]
            .contains(&value)
            .then(|| value.to_owned()),
        ("time", "datetime") => plain(value, 64),
        (_, "title") => plain(value, 512),
        (_, "lang") => (!value.is_empty()
            && value.len() <= 20
            && value
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-'))
        .then(|| value.to_owned()),
        (_, "dir") => ["ltr", "rtl", "auto"]
            .contains(&value)
            .then(|| value.to_owned()),
        _ => None,
    }
}

/// Attributes the sanitizer adds itself: links to other sites open without handing
/// them our window or our address, and body images load lazily.
pub fn added_attributes(
    tag: &str,
    href_or_src: Option<&str>,
) -> &'static [(&'static str, &'static str)] {
    match (tag, href_or_src) {
        ("a", Some(href)) if links::is_external(href) => &[("rel", "noopener noreferrer")],
        ("img", _) => &[("loading", "lazy"), ("decoding", "async")],
        _ => &[],
    }
}

fn number(value: &str) -> Option<String> {
    (!value.is_empty() && value.len() <= 5 && value.bytes().all(|b| b.is_ascii_digit()))
        .then(|| value.to_owned())
}

fn plain(value: &str, max: usize) -> Option<String> {
    (value.len() <= max && !value.chars().any(char::is_control)).then(|| value.to_owned())
}
