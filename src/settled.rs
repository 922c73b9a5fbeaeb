//! "The page has settled": its screen is complete — a page heading, or the error panel that
//! stands for one — and nothing on it is loading (no skeleton, no boot placeholder, no
//! region marked `aria-busy`). This is the one place that says so. The app marks its
//! `#main` with `data-settled` while it holds and takes the mark off while it does not. A
//! `MutationObserver` on the app's root asks again at the next animation frame after the
//! page changed (no polling): what counts is the page a frame shows, not the steps a
//! render passes through (a list briefly not busy between two answers).
//!
//! Who reads it: the focus after a navigation (`focus.rs`) and the snapshot's hand-over
//! (`snapshot.rs`) through [`when_settled`]; outside the app, `scripts/snapshot.mjs`
//! (before it captures a page), the end-to-end tests (`settled()` in
//! `tests/e2e/fixtures.mjs`) and `bench/run.mjs` wait for `#main[data-settled]`.

use std::cell::{Cell, RefCell};

use leptos::prelude::request_animation_frame;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, MutationObserver, MutationObserverInit};

/// The mark on `#main`.
pub const ATTRIBUTE: &str = "data-settled";
/// A complete screen: a page heading, or the error that stands for one (an article that
/// failed to load has no heading of its own).
const COMPLETE: &str = "#main h1, #main .error-panel";
/// Still loading: the shapes the app draws while waiting.
const LOADING: &str = ".skeleton, .site-header--placeholder, [aria-busy=\"true\"]";

type Waiter = Box<dyn FnOnce()>;
/// The observer and the callback it calls (kept alive as long as it watches).
type Watching = (MutationObserver, Closure<dyn FnMut()>);

thread_local! {
    static ROOT: RefCell<Option<Element>> = const { RefCell::new(None) };
    static OBSERVER: RefCell<Option<Watching>> = const { RefCell::new(None) };
    static SETTLED: Cell<bool> = const { Cell::new(false) };
    /// A look at the page is asked for at the next animation frame.
    static SCHEDULED: Cell<bool> = const { Cell::new(false) };
    static WAITERS: RefCell<Vec<Waiter>> = const { RefCell::new(Vec::new()) };
}

/// Watches the element the app is mounted in (the start-up calls this once; a second call
/// watches the new root instead and drops the old root's waiters).
pub fn watch(root: &Element) {
    if let Some((old, _)) = OBSERVER.with(|o| o.borrow_mut().take()) {
        old.disconnect();
    }
    WAITERS.with(|w| w.borrow_mut().clear());
    SETTLED.with(|s| s.set(false));
    ROOT.with(|r| *r.borrow_mut() = Some(root.clone()));
    let on_change = Closure::<dyn FnMut()>::new(schedule);
    if let Ok(observer) = MutationObserver::new(on_change.as_ref().unchecked_ref()) {
        let options = MutationObserverInit::new();
        options.set_child_list(true);
        options.set_subtree(true);
        options.set_attribute_filter(&js_sys::Array::of2(&"aria-busy".into(), &"class".into()));
        if observer.observe_with_options(root, &options).is_ok() {
            OBSERVER.with(|o| *o.borrow_mut() = Some((observer, on_change)));
        }
    }
    check();
}

/// Whether the page has settled now.
pub fn is_settled() -> bool {
    SETTLED.with(Cell::get)
}

/// Runs `f` once the page has settled: at once if it has.
pub fn when_settled(f: impl FnOnce() + 'static) {
    if is_settled() {
        f();
    } else {
        WAITERS.with(|w| w.borrow_mut().push(Box::new(f)));
    }
}

/// The reader went to another address: the page counts as unsettled until the new one
/// has rendered (a frame later) and settled; then `f` runs.
pub fn after_navigation(f: impl FnOnce() + 'static) {
    set(false);
    WAITERS.with(|w| w.borrow_mut().push(Box::new(f)));
    schedule();
}

fn schedule() {
    if !SCHEDULED.with(|s| s.replace(true)) {
        request_animation_frame(|| {
            SCHEDULED.with(|s| s.set(false));
            check();
        });
    }
}

fn check() {
    let Some(root) = ROOT.with(|r| r.borrow().clone()) else {
        return;
    };
    let has = |selector: &str| root.query_selector(selector).ok().flatten().is_some();
    set(has(COMPLETE) && !has(LOADING));
    if is_settled() {
        let waiters = WAITERS.with(|w| std::mem::take(&mut *w.borrow_mut()));
        for waiter in waiters {
            waiter();
        }
    }
}

fn set(settled: bool) {
    SETTLED.with(|s| s.set(settled));
    let main = ROOT.with(|r| {
        r.borrow()
            .as_ref()
            .and_then(|root| root.query_selector("#main").ok().flatten())
    });
    if let Some(main) = main {
        let _ = if settled {
            main.set_attribute(ATTRIBUTE, "")
        } else {
            main.remove_attribute(ATTRIBUTE)
        };
    }
}
