//! The router: the address says which page shows, and links within the app are followed
//! without loading the page again.
//!
//! Vestnik's own, not leptos_router, for three measured reasons:
//! - memory: leptos_router 0.8 keeps every forward address it ever saw (`path_stack`) and a
//!   dead reactive owner per route change; a reader's tab grew by ~0.3 KB a navigation, and
//!   no release fixes it (docs/upstream/router-memory.md, with a reproduction);
//! - size: it was 10 % of the first load's wasm (29 KB brotli); the app has five pages;
//! - safety: it decodes a link's path before `history.pushState` and unwraps the result,
//!   so a link whose path decodes into another site (`/%5Cevil.example/`) aborted the app.
//!
//! What it does: [`Router`] provides the [`Location`] (path and query, reactive) and takes
//! over a click on a link to a page of the app, as a browser would follow it (the same
//! rules: not with a modifier key, not `target`, `download` or `rel="external"`, not to
//! another origin, not leaving the app's base, not a jump within the page); back and
//! forward update the location; [`navigate`] goes somewhere from code. Which page an
//! address shows is `core::routes::Page`, a pure function.

use leptos::prelude::*;
use leptos::reactive::graph::{Subscriber, ToAnySubscriber};
use wasm_bindgen::JsCast;
use web_sys::{HtmlAnchorElement, MouseEvent, Url};

/// Where the reader is: the path (with the app's base, `/press/news/1`) and the query
/// (without `?`). Reactive; each changes only when it changes.
#[derive(Clone, Copy, Debug)]
pub struct Location {
    pub pathname: Memo<String>,
    pub search: Memo<String>,
}

/// The browser's address as the router last read it: path and query together, so a
/// navigation that changes both is one change.
#[derive(Clone, Copy, Debug)]
struct Here(RwSignal<(String, String)>);

impl Here {
    fn new() -> Self {
        Self(RwSignal::new(read_address()))
    }

    /// Reads the browser's address again (after a navigation of either kind).
    fn update(self) {
        let now = read_address();
        // A jump within the page (#photo-2) changes neither: nothing re-renders.
        if self.0.with_untracked(|was| *was != now) {
            self.0.set(now);
        }
    }

    fn location(self) -> Location {
        let Self(address) = self;
        Location {
            pathname: Memo::new(move |_| address.with(|(path, _)| path.clone())),
            search: Memo::new(move |_| address.with(|(_, search)| search.clone())),
        }
    }
}

fn read_address() -> (String, String) {
    let location = window().location();
    let search = location.search().unwrap_or_default();
    (
        location.pathname().unwrap_or_default(),
        search.trim_start_matches('?').to_owned(),
    )
}

/// The app's router; everything that reads the location goes inside it.
#[component]
pub fn Router(
    /// The app's base path: "" at the site root, "/press" under a sub-path.
    #[prop(into)]
    base: String,
    children: Children,
) -> impl IntoView {
    let here = Here::new();
    provide_context(here);
    provide_context(here.location());
    let clicks = window_event_listener(leptos::ev::click, move |ev| {
        if let Some(url) = followed_here(&ev, &base) {
            ev.prevent_default();
            go(here, &url.href());
        }
    });
    let history = window_event_listener(leptos::ev::popstate, move |_| here.update());
    on_cleanup(move || {
        clicks.remove();
        history.remove();
    });
    children()
}

/// The location (inside [`Router`]; elsewhere, a reading of the address that stays), as
/// memos that belong to the caller: each leaves the router's when the caller (a page) is
/// cleaned up. reactive_graph 0.2 never removes a subscriber dropped without running
/// again from a longer-lived source's list (`graph/sets.rs`, fixed in 0.3), so a page
/// subscribing to the router's own memos left ~130 B behind on every navigation.
pub fn use_location() -> Location {
    let shared = use_context::<Location>().unwrap_or_else(|| Here::new().location());
    Location {
        pathname: owned(shared.pathname),
        search: owned(shared.search),
    }
}

/// A copy of `source` that unsubscribes from it when the current owner is cleaned up.
fn owned(source: Memo<String>) -> Memo<String> {
    let copy = ArcMemo::new(move |_| source.try_get().unwrap_or_default());
    let subscriber = copy.to_any_subscriber();
    on_cleanup(move || subscriber.clear_sources(&subscriber));
    Memo::from(copy)
}

/// Goes to `href` (relative to the document's base, as the app's links are: `news?q=x`)
/// as a followed link would: a new history entry, the top of the new page.
pub fn navigate(href: &str) {
    let Ok(url) = Url::new_with_base(href, &crate::location::base_uri()) else {
        return;
    };
    match use_context::<Here>() {
        Some(here) => go(here, &url.href()),
        None => {
            let _ = window().location().assign(&url.href());
        }
    }
}

fn go(here: Here, href: &str) {
    let pushed = window().history().and_then(|history| {
        history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(href))
    });
    if pushed.is_err() {
        // An address the history refuses: the browser goes there itself.
        let _ = window().location().assign(href);
        return;
    }
    here.update();
    window().scroll_to_with_x_and_y(0.0, 0.0);
}

/// The address a click on a link leads to, if it is a page of this app the router shows
/// in place; `None` leaves the click to the browser.
fn followed_here(ev: &MouseEvent, base: &str) -> Option<Url> {
    if ev.default_prevented()
        || ev.button() != 0
        || ev.meta_key()
        || ev.alt_key()
        || ev.ctrl_key()
        || ev.shift_key()
    {
        return None;
    }
    // The outermost link on the event's path, as a browser follows it.
    let path = ev.composed_path();
    let link = (0..path.length())
        .rev()
        .find_map(|i| path.get(i).dyn_into::<HtmlAnchorElement>().ok())?;
    let rel = link.rel();
    if !link.target().is_empty()
        || link.has_attribute("download")
        || rel.split_ascii_whitespace().any(|r| r == "external")
        || link.get_attribute("href").is_none()
    {
        return None;
    }
    let here = Url::new(&window().location().href().ok()?).ok()?;
    let url = Url::new(&link.href()).ok()?;
    let same_site = url.origin() == here.origin()
        && url.username() == here.username()
        && url.password() == here.password();
    let in_app = url.pathname() == base || url.pathname().starts_with(&format!("{base}/"));
    // A jump within this page (`#main`, `#photo-2`) is the browser's.
    let jump = url.pathname() == here.pathname()
        && url.search() == here.search()
        && !url.hash().is_empty();
    (same_site && in_app && !jump).then_some(url)
}
