//! Focus after a client-side navigation: the new page's heading, as after a full page load.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::router::use_location;

/// After a client-side navigation, moves focus to the new page's `h1` (once it has
/// rendered), so screen readers announce the new page and keyboard users start from its
/// top, as they would after a full page load.
pub fn focus_heading_on_navigation(timeout_ms: u32) {
    let location = use_location();
    Effect::new(move |previous: Option<(String, String)>| {
        let now = (location.pathname.get(), location.search.get());
        if previous.is_some_and(|p| p != now) {
            let deadline = js_sys::Date::now() + f64::from(timeout_ms) + RENDER_MARGIN_MS;
            focus_heading(deadline, document().active_element());
        }
        now
    });
}

/// How long after a request's deadline (config.json's `timeout_ms`) the new page's heading
/// is still waited for: time to render.
const RENDER_MARGIN_MS: f64 = 2_000.0;

/// Tries on each animation frame until the new page's heading is there (not the one of a
/// page still shown while the next loads, inside a region marked busy), until `deadline`
/// (ms since the epoch), and only while focus is where the navigation left it (`from`, or
/// nowhere once that has gone): a reader who has moved on meanwhile is not pulled back.
fn focus_heading(deadline: f64, from: Option<web_sys::Element>) {
    request_animation_frame(move || {
        let now = document().active_element();
        if now != from && now.as_ref() != document().body().as_deref() {
            return;
        }
        let heading = document()
            .query_selector("#main h1:not([aria-busy=\"true\"] h1)")
            .ok()
            .flatten()
            .and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok());
        match heading {
            Some(h1) => {
                let _ = h1.set_attribute("tabindex", "-1");
                let _ = h1.focus();
            }
            None if js_sys::Date::now() < deadline => focus_heading(deadline, from),
            None => {}
        }
    });
}
