//! The first-screen snapshot's hand-over (src/snapshot.rs) in a real DOM: when it swaps,
//! that it gives up waiting, and where keyboard focus lands.

use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;
use vestnik::snapshot;
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
    snapshot::hand_over_within(app.clone(), shot.clone().into(), 5);
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
    snapshot::hand_over_within(app.clone(), shot.clone().into(), 100);
    TimeoutFuture::new(120).await;
    assert!(shot.is_connected(), "still loading: the snapshot stays");
    assert!(marked());
    one(&app, ".skeleton").remove();
    TimeoutFuture::new(120).await;
    assert!(!shot.is_connected(), "ready: swapped within a poll or two");
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
    snapshot::hand_over_within(app.clone(), shot.clone().into(), 100);
    TimeoutFuture::new(60).await;
    assert!(!shot.is_connected(), "the error shows, not the old copy");
    assert!(!marked());
    app.remove();
}

#[wasm_bindgen_test]
async fn an_app_that_never_settles_is_shown_after_the_wait() {
    let (app, shot) = pair("<p>снимок</p>", r#"<div class="skeleton"></div>"#);
    snapshot::hand_over_within(app.clone(), shot.clone().into(), 3);
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
