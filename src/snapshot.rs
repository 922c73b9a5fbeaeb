//! The first-screen snapshot's hand-over. `index.html` (and `news/<id>/index.html`) may
//! carry the page's first screen as plain HTML (`#snapshot`, written by
//! `scripts/snapshot.mjs` when a site publishes); `public/prefs.js` decides before the
//! first paint whether it applies to this page and marks `<html data-snapshot="on">`,
//! which hides the app's root (style/snapshot.css). The app then renders into its hidden
//! root as always; once it has settled (`settled`: a page heading or an error, nothing
//! loading) the two are swapped in one step, keeping the reader's scroll position
//! and keyboard focus. Nothing else in the app knows about it.

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::{document, set_timeout};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use crate::settled;

const ATTRIBUTE: &str = "data-snapshot";
/// The longest the snapshot stands in: after 20 s the app shows whatever it has (its own
/// loading state or error), so a page that never settles is never hidden for good.
const MAX_WAIT: Duration = Duration::from_secs(20);

/// The snapshot standing in for the app on this page, if there is one. A snapshot that
/// does not apply here (another route, too old, English…) is removed at once, and so are
/// the snapshot's tags in `<head>` (description, canonical, Open Graph, for link previews
/// that never run the app): the app renders its own.
pub fn standing_in() -> Option<Element> {
    let doc = document();
    if let Ok(tags) = doc.query_selector_all("head [data-snapshot]") {
        for i in 0..tags.length() {
            if let Some(tag) = tags.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                tag.remove();
            }
        }
    }
    let snapshot = doc.get_element_by_id("snapshot")?;
    let on = doc
        .document_element()
        .and_then(|html| html.get_attribute(ATTRIBUTE))
        .is_some_and(|value| value == "on");
    if on {
        Some(snapshot)
    } else {
        discard(&snapshot);
        None
    }
}

/// Swaps `snapshot` for the app in `root` as soon as the app has settled (`settled`, which
/// watches the root the app is mounted in).
pub fn hand_over(root: HtmlElement, snapshot: Element) {
    hand_over_within(root, snapshot, MAX_WAIT);
}

/// [`hand_over`], giving up waiting after `wait`.
pub fn hand_over_within(root: HtmlElement, snapshot: Element, wait: Duration) {
    let pair = Rc::new(RefCell::new(Some((root, snapshot))));
    let swap_once = move || {
        if let Some((root, snapshot)) = pair.borrow_mut().take() {
            swap(&root, &snapshot);
        }
    };
    set_timeout(swap_once.clone(), wait);
    settled::when_settled(swap_once);
}

/// Removes the snapshot and shows the app's root.
pub fn discard(snapshot: &Element) {
    if let Some(html) = document().document_element() {
        let _ = html.remove_attribute(ATTRIBUTE);
    }
    snapshot.remove();
}

fn swap(root: &HtmlElement, snapshot: &Element) {
    let focused = document()
        .active_element()
        .filter(|el| snapshot.contains(Some(el)));
    let target = focused.and_then(|el| counterpart(root, snapshot, &el));
    carry_values(snapshot);
    // One style change shows the app and hides the snapshot, so the page keeps its height
    // and the reader's scroll position; only then does the snapshot leave the document.
    discard(snapshot);
    if let Some(target) = target.and_then(|el| el.dyn_into::<HtmlElement>().ok()) {
        let _ = target.focus();
    }
}

/// What the reader typed or chose in the snapshot's fields (its search form works before
/// the app) goes over to the app's same fields: the same id without the `s-` prefix.
fn carry_values(snapshot: &Element) {
    let Ok(fields) = snapshot.query_selector_all("input[id], select[id]") else {
        return;
    };
    let value = wasm_bindgen::JsValue::from_str("value");
    for i in 0..fields.length() {
        let Some(field) = fields.item(i) else {
            continue;
        };
        let id = field.unchecked_ref::<Element>().id();
        let mine = id
            .strip_prefix("s-")
            .and_then(|id| document().get_element_by_id(id));
        if let (Some(mine), Ok(typed)) = (mine, js_sys::Reflect::get(&field, &value)) {
            let _ = js_sys::Reflect::set(&mine, &value, &typed);
        }
    }
}

const FOCUSABLE: &str = "a[href], button, input, select, textarea, [tabindex]";

/// The app's element for one the reader focused in the snapshot: the link to the same
/// address, else the element with the same id (the snapshot's carry an `s-` prefix), else
/// the focusable element in the same position.
fn counterpart(root: &HtmlElement, snapshot: &Element, el: &Element) -> Option<Element> {
    let all = |within: &Element| -> Vec<Element> {
        within
            .query_selector_all(FOCUSABLE)
            .map(|list| {
                (0..list.length())
                    .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
                    .collect()
            })
            .unwrap_or_default()
    };
    let mine = all(root);
    // Not a link within the page (`#s-main`, `news/1#s-main`): the app's spell it otherwise.
    if let Some(href) = el.get_attribute("href").filter(|h| !h.contains('#')) {
        if let Some(same) = mine
            .iter()
            .find(|a| a.get_attribute("href").as_deref() == Some(href.as_str()))
        {
            return Some(same.clone());
        }
    }
    if let Some(id) = el.id().strip_prefix("s-") {
        if let Some(same) = document().get_element_by_id(id) {
            return Some(same);
        }
    }
    let position = all(snapshot).iter().position(|other| other == el)?;
    mine.get(position).cloned()
}
