//! Components mounted into a real DOM in headless Chromium (wasm-bindgen-test).
//! Run with `cargo test --target wasm32-unknown-unknown --test web` (part of `make test`).
#![cfg(target_arch = "wasm32")]

mod article_body;
mod calendar;
mod components;
mod resource;
mod snapshot;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test_configure;

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh container in the page's body for one test.
pub fn container() -> web_sys::HtmlElement {
    let doc = document();
    let el = doc
        .create_element("div")
        .unwrap()
        .unchecked_into::<web_sys::HtmlElement>();
    doc.body().unwrap().append_child(&el).unwrap();
    el
}

/// All elements matching `selector` inside `root`.
pub fn all(root: &web_sys::Element, selector: &str) -> Vec<web_sys::Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into().ok())
        .collect()
}

/// The first element matching `selector`, or a failed test.
pub fn one(root: &web_sys::Element, selector: &str) -> web_sys::Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector} in {}", root.inner_html()))
}
