//! The first-screen snapshot's hand-over (src/snapshot.rs) and the settled mark it waits
//! for (src/settled.rs) in a real DOM: when it swaps, that it gives up waiting, where
//! keyboard focus lands.

use std::time::Duration;

use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;
use vestnik::{settled, snapshot};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;

use super::{container, one};

/// A snapshot and an app root side by side, `<html data-snapshot="on">` as prefs.js sets it.
fn pair(snapshot_html: &str, app_html: &str) -> (web_sys::HtmlElement, web_sys::HtmlElement) {
    let _ = document()
        .document_element()
        .unwrap()
        .set_attribute("data-snapshot", "on");
    let shot = container();
    shot.set_inner_html(snapshot_html);
    let app = container();
    app.set_inner_html(app_html);
    settled::watch(&app);
    (app, shot)
}

fn marked() -> bool {
    document()
        .document_element()
        .unwrap()
        .has_attribute("data-snapshot")
}

fn focused_text() -> String {
    document()
        .active_element()
        .and_then(|el| el.text_content())
        .unwrap_or_default()
}

const SECOND: Duration = Duration::from_secs(1);

/// An app whose first screen is complete: two news links and a month button.
const SETTLED: &str = r#"<main id="main"><h1>Новости</h1>
    <a href="news/2">вторая</a><a href="news/1">первая (приложение)</a><button>«</button></main>"#;

/// The reader focuses `selector` in the snapshot, then the settled app takes over.
fn focus_and_hand_over(
    snapshot_html: &str,
    selector: &str,
) -> (web_sys::HtmlElement, web_sys::HtmlElement) {
    let (app, shot) = pair(snapshot_html, SETTLED);
    one(&shot, selector)
        .unchecked_into::<web_sys::HtmlElement>()
        .focus()
        .unwrap();
    snapshot::hand_over_within(app.clone(), shot.clone().into(), SECOND);
    (app, shot)
}

#[wasm_bindgen_test]
async fn a_settled_app_takes_over_at_once_and_keeps_focus_on_the_same_link() {
    let (app, shot) = focus_and_hand_over(
        r#"<a href="news/1">первая (снимок)</a><a href="news/2">вторая</a>"#,
        "a",
    );
    assert!(!shot.is_connected(), "the snapshot left the document");
    assert!(!marked(), "<html> no longer hides the app");
    // The same address, not the same position: the app's list may have changed.
    assert_eq!(focused_text(), "первая (приложение)");
    app.remove();
}

#[wasm_bindgen_test]
async fn a_control_without_an_address_gets_focus_by_position() {
    let (app, _) = focus_and_hand_over(
        r#"<a href="news/2">вторая</a><a href="news/1">первая</a><button>« (снимок)</button>"#,
        "button",
    );
    assert_eq!(focused_text(), "«");
    app.remove();
}

#[wasm_bindgen_test]
async fn the_snapshot_stays_while_the_app_is_loading_and_goes_when_it_is_ready() {
    let (app, shot) = pair(
        "<p>снимок</p>",
        r#"<main id="main"><h1>Новости</h1><div class="skeleton"></div></main>"#,
    );
    snapshot::hand_over_within(app.clone(), shot.clone().into(), SECOND * 5);
    TimeoutFuture::new(120).await;
    assert!(shot.is_connected(), "still loading: the snapshot stays");
    assert!(marked());
    one(&app, ".skeleton").remove();
    frame().await;
    assert!(!shot.is_connected(), "ready: swapped at the next frame");
    assert!(!marked());
    app.remove();
}

#[wasm_bindgen_test]
async fn an_error_in_place_of_the_page_is_shown_at_once() {
    // An article that failed to load: no heading of its own, an error panel instead.
    let (app, shot) = pair(
        "<h1>снимок</h1>",
        r#"<main id="main"><section class="error-panel" role="alert"><h2>Ошибка</h2></section></main>"#,
    );
    snapshot::hand_over_within(app.clone(), shot.clone().into(), SECOND * 5);
    assert!(!shot.is_connected(), "the error shows, not the old copy");
    assert!(!marked());
    app.remove();
}

#[wasm_bindgen_test]
async fn an_app_that_never_settles_is_shown_after_the_wait() {
    let (app, shot) = pair("<p>снимок</p>", r#"<div class="skeleton"></div>"#);
    snapshot::hand_over_within(app.clone(), shot.clone().into(), Duration::from_millis(150));
    TimeoutFuture::new(60).await;
    assert!(shot.is_connected());
    TimeoutFuture::new(200).await;
    assert!(
        !shot.is_connected(),
        "gave up waiting: the app's own loading state shows"
    );
    assert!(!marked());
    app.remove();
}

/// Waits until the next animation frame has run (and a task after it).
async fn frame() {
    let (tx, rx) = futures::channel::oneshot::channel::<()>();
    request_animation_frame(move || {
        let _ = tx.send(());
    });
    let _ = rx.await;
    TimeoutFuture::new(0).await;
}

fn mark_on(app: &web_sys::HtmlElement) -> bool {
    one(app, "#main").has_attribute(settled::ATTRIBUTE)
}

#[wasm_bindgen_test]
async fn main_carries_the_settled_mark_only_while_nothing_loads() {
    let app = container();
    app.set_inner_html(r#"<main id="main"><div class="skeleton"></div></main>"#);
    settled::watch(&app);
    assert!(
        !mark_on(&app) && !settled::is_settled(),
        "loading, no heading"
    );
    one(&app, "#main").set_inner_html("<h1>Новости</h1>");
    frame().await;
    assert!(
        mark_on(&app) && settled::is_settled(),
        "a heading, nothing loading"
    );
    let _ = one(&app, "h1").set_attribute("aria-busy", "true");
    frame().await;
    assert!(!mark_on(&app), "a busy region takes the mark off");
    // Busy and back within one frame: the frame never showed it, nothing changes.
    let _ = one(&app, "h1").remove_attribute("aria-busy");
    frame().await;
    let ran = std::rc::Rc::new(std::cell::Cell::new(0));
    let seen = ran.clone();
    settled::after_navigation(move || seen.set(seen.get() + 1));
    let _ = one(&app, "h1").set_attribute("aria-busy", "true");
    let _ = one(&app, "h1").remove_attribute("aria-busy");
    frame().await;
    assert_eq!(ran.get(), 1, "one look a frame");
    app.remove();
}

#[wasm_bindgen_test]
async fn after_a_navigation_the_old_page_does_not_count_as_settled() {
    let app = container();
    app.set_inner_html(r#"<main id="main"><h1>Старая страница</h1></main>"#);
    settled::watch(&app);
    assert!(settled::is_settled());
    let ran = std::rc::Rc::new(std::cell::Cell::new(false));
    let seen = ran.clone();
    settled::after_navigation(move || seen.set(true));
    assert!(!mark_on(&app), "unsettled until the new page has rendered");
    // The new page loads: a frame later it still shows a skeleton.
    one(&app, "#main").set_inner_html(r#"<div class="skeleton"></div>"#);
    TimeoutFuture::new(50).await;
    assert!(!ran.get() && !mark_on(&app));
    one(&app, "#main").set_inner_html("<h1>Новая страница</h1>");
    frame().await;
    assert!(ran.get() && mark_on(&app), "settled on the new page");
    app.remove();
}
