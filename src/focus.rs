//! Focus after a client-side navigation: the new page's heading, as after a full page load,
//! so screen readers announce the new page and keyboard users start from its top.

use std::cell::Cell;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::router::use_location;
use crate::settled;

thread_local! {
    /// The latest navigation: an earlier one's focus never lands after a later one.
    static NAVIGATION: Cell<u64> = const { Cell::new(0) };
}

/// On every change of address, once the new page has settled, focuses its `h1` — only if
/// focus is still where the navigation left it (or nowhere, once that element has gone): a
/// reader who has moved on meanwhile is not pulled back.
pub fn focus_heading_on_navigation() {
    let location = use_location();
    Effect::new(move |previous: Option<(String, String)>| {
        let now = (location.pathname.get(), location.search.get());
        if previous.is_some_and(|p| p != now) {
            let from = document().active_element();
            let navigation = NAVIGATION.with(|n| n.get() + 1);
            NAVIGATION.with(|n| n.set(navigation));
            settled::after_navigation(move || {
                if NAVIGATION.with(Cell::get) == navigation {
                    focus_heading(from.as_ref());
                }
            });
        }
        now
    });
}

fn focus_heading(from: Option<&web_sys::Element>) {
    let now = document().active_element();
    if now.as_ref() != from && now.as_ref() != document().body().as_deref() {
        return;
    }
    let heading = document()
        .query_selector("#main h1")
        .ok()
        .flatten()
        .and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(h1) = heading {
        let _ = h1.set_attribute("tabindex", "-1");
        // Where the page is scrolled stays: the router has scrolled a new page to its top,
        // and a list the reader returns to has been scrolled back to where they were.
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = h1.focus_with_options(&options);
    }
}
