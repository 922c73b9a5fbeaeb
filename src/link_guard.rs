//! A guard in front of the router's handling of link clicks.
//!
//! leptos_router takes a click on a same-origin link itself: it decodes the link's path
//! (`decodeURI`) and hands the result to `history.pushState`, unwrapping the result. A path
//! that decodes into another address — `/%5Cevil.example/` is `/\evil.example/`, which a
//! browser reads as `//evil.example/`; `//x@this.site/` names this site with a user name —
//! makes `pushState` throw, and the unwrap aborts the whole app. `core::links::safe_url`
//! keeps such links out of what the backend sends; this guard catches whatever still gets
//! through (an absolute link naming this site, `https://this.site//evil.example/`). It
//! looks at each click first, in the capture phase, and marks such a link
//! `rel="external"`: the router then leaves it to the browser, which follows it to a page
//! of this site, as it always was, and the app's other click handlers still run.

use leptos::prelude::window;
use wasm_bindgen::{closure::Closure, JsCast};
use web_sys::{HtmlAnchorElement, MouseEvent, Url};

/// Installs the guard (once, before the app mounts).
pub fn install() {
    let on_click = Closure::<dyn Fn(MouseEvent)>::new(|ev: MouseEvent| {
        if let Some(link) = link_the_router_cannot_follow(&ev) {
            let _ = link.rel_list().add_1("external");
        }
    });
    let _ = window().add_event_listener_with_callback_and_bool(
        "click",
        on_click.as_ref().unchecked_ref(),
        true,
    );
    on_click.forget();
}

/// The link of this click, if the router would take it and push an address that
/// `pushState` refuses: one whose scheme, user name, password, host or port differ from
/// this page's.
fn link_the_router_cannot_follow(ev: &MouseEvent) -> Option<HtmlAnchorElement> {
    // The router follows the outermost link on the event's path.
    let path = ev.composed_path();
    let link = (0..path.length())
        .rev()
        .find_map(|i| path.get(i).dyn_into::<HtmlAnchorElement>().ok())?;
    let here = Url::new(&window().location().href().ok()?).ok()?;
    let url = Url::new(&link.href()).ok()?;
    if url.origin() != here.origin() {
        // Not the router's: it leaves links to other sites to the browser.
        return None;
    }
    let pathname = url.pathname();
    let decoded = js_sys::decode_uri(&pathname).map_or(pathname, String::from);
    let same_place = |pushed: &Url| {
        pushed.origin() == here.origin()
            && pushed.username() == here.username()
            && pushed.password() == here.password()
    };
    match Url::new_with_base(&decoded, &here.href()) {
        Ok(pushed) if same_place(&pushed) => None,
        _ => Some(link),
    }
}
