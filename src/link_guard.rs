//! A guard in front of the router's handling of link clicks.
//!
//! leptos_router takes a click on a same-origin link itself: it decodes the link's path
//! (`decodeURI`) and hands the result to `history.pushState`, unwrapping the result. A path
//! that decodes into another site's address — `/%5Cevil.example/` is `/\evil.example/`,
//! which a browser reads as `//evil.example/` — makes `pushState` throw, and the unwrap
//! aborts the whole app. `core::links::safe_url` keeps such links out of what the backend
//! sends; this guard catches whatever still gets through (an absolute link naming this
//! site, `https://this.site//evil.example/`): it looks at the click first, in the capture
//! phase, and for such a link stops the event before the router sees it, so the browser
//! follows the link itself — to a page of this site, as it always was.

use leptos::prelude::window;
use wasm_bindgen::{closure::Closure, JsCast};
use web_sys::{HtmlAnchorElement, MouseEvent, Url};

/// Installs the guard (once, before the app mounts).
pub fn install() {
    let on_click = Closure::<dyn Fn(MouseEvent)>::new(|ev: MouseEvent| {
        if router_would_leave_the_site(&ev) {
            ev.stop_immediate_propagation();
        }
    });
    let _ = window().add_event_listener_with_callback_and_bool(
        "click",
        on_click.as_ref().unchecked_ref(),
        true,
    );
    on_click.forget();
}

/// Whether the router would take this click and push an address of another site.
fn router_would_leave_the_site(ev: &MouseEvent) -> bool {
    // The router follows the outermost link on the event's path.
    let path = ev.composed_path();
    let Some(link) = (0..path.length())
        .rev()
        .find_map(|i| path.get(i).dyn_into::<HtmlAnchorElement>().ok())
    else {
        return false;
    };
    let location = window().location();
    let (Ok(origin), Ok(here)) = (location.origin(), location.href()) else {
        return false;
    };
    let Ok(url) = Url::new(&link.href()) else {
        return false;
    };
    if url.origin() != origin {
        return false;
    }
    let pathname = url.pathname();
    let decoded = js_sys::decode_uri(&pathname).map_or(pathname, String::from);
    Url::new_with_base(&decoded, &here).map_or(true, |pushed| pushed.origin() != origin)
}
