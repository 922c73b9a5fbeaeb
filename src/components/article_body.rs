//! The article body: the backend's HTML, rebuilt element by element from an allowlist.
//!
//! The HTML is parsed by the browser's `DOMParser` into an inert document (no scripts
//! run, nothing loads). The walk below then creates *new* elements in the page for the
//! tags and attributes `core::sanitize` allows, copying only text and checked attribute
//! values. No markup string is ever assigned to `innerHTML`, so there is nothing for
//! mutation XSS to work with. Costs no extra crate: the parser is the browser's own.

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, DomParser, Element, Node, SupportedType};

use crate::core::sanitize::{self, Action};

const HTML_NS: &str = "http://www.w3.org/1999/xhtml";

/// Renders `html` sanitized. Relative URLs inside resolve against `base` (the backend);
/// in-page links (`#note-1`) are anchored to `page_path` so `<base href>` cannot redirect them.
#[component]
pub fn ArticleBody(
    #[prop(into)] html: String,
    #[prop(into)] base: String,
    #[prop(into)] page_path: String,
    /// The content's language, when it differs from the interface's.
    #[prop(optional_no_strip)]
    lang: Option<String>,
) -> impl IntoView {
    let node_ref = NodeRef::<Div>::new();
    node_ref.on_load(move |div| sanitize_into(&div, &html, &base, &page_path));
    view! { <div class="article-body" lang=lang node_ref=node_ref></div> }
}

/// Replaces the children of `target` with the sanitized content of `html`.
pub fn sanitize_into(target: &Element, html: &str, base: &str, page_path: &str) {
    target.set_text_content(None);
    let (Ok(parser), Some(out)) = (DomParser::new(), target.owner_document()) else {
        return;
    };
    let Ok(source) = parser.parse_from_string(html, SupportedType::TextHtml) else {
        return;
    };
    if let Some(body) = source.body() {
        let walk = Walk {
            out,
            base,
            page_path,
        };
        walk.children(&body, target, 0);
    }
}

struct Walk<'a> {
    out: Document,
    base: &'a str,
    page_path: &'a str,
}

impl Walk<'_> {
    fn children(&self, from: &Node, into: &Node, depth: usize) {
        let mut child = from.first_child();
        while let Some(node) = child {
            child = node.next_sibling();
            match node.node_type() {
                Node::TEXT_NODE | Node::CDATA_SECTION_NODE => self.text(&node, into),
                Node::ELEMENT_NODE => {
                    if let Ok(element) = node.dyn_into::<Element>() {
                        self.element(&element, into, depth);
                    }
                }
                _ => {}
            }
        }
    }

    fn text(&self, node: &Node, into: &Node) {
        if let Some(text) = node.text_content() {
            let _ = into.append_child(&self.out.create_text_node(&text));
        }
    }

    fn element(&self, element: &Element, into: &Node, depth: usize) {
        if element.namespace_uri().as_deref() != Some(HTML_NS) {
            return;
        }
        let tag = element.local_name();
        let action = sanitize::element_action(&tag);
        if action == Action::Drop {
            return;
        }
        if depth >= sanitize::MAX_DEPTH {
            // Too deep to be an article: keep the words, lose the structure.
            self.text(element, into);
            return;
        }
        let Action::Keep(tag) = action else {
            self.children(element, into, depth + 1);
            return;
        };
        let Ok(copy) = self.out.create_element(tag) else {
            return;
        };
        let mut url = None;
        for name in element
            .get_attribute_names()
            .iter()
            .filter_map(|n| n.as_string())
        {
            let name = name.to_ascii_lowercase();
            let Some(mut value) = element.get_attribute(&name) else {
                continue;
            };
            // An in-page link (`#note`) is anchored to this page's path (the document's base
            // is the app's root), and one already anchored (sanitized output read again)
            // stays in-page. Only links: an `alt` or `title` may start with `#` too.
            let link = name == "href";
            if let Some(fragment) = value
                .strip_prefix(self.page_path)
                .filter(|f| link && f.starts_with('#'))
            {
                value = fragment.to_owned();
            }
            let Some(mut clean) = sanitize::clean_attribute(tag, &name, &value, self.base) else {
                continue;
            };
            if link && clean.starts_with('#') {
                clean = format!("{}{clean}", self.page_path);
            }
            if matches!(name.as_str(), "href" | "src") {
                url = Some(clean.clone());
            }
            let _ = copy.set_attribute(&name, &clean);
        }
        for (name, value) in sanitize::added_attributes(tag, url.as_deref()) {
            let _ = copy.set_attribute(name, value);
        }
        self.children(element, &copy, depth + 1);
        let _ = into.append_child(&copy);
    }
}
