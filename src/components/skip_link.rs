//! "Перейти к основному содержанию": the first thing a keyboard user reaches.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::lang::use_lang;

/// Moves focus to `#main`. The click is handled here (not by the router and not by the
/// browser), because with `<base href>` a bare `#main` would resolve to the site root.
#[component]
pub fn SkipLink() -> impl IntoView {
    let jump = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        let main = document()
            .get_element_by_id("main")
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(main) = main {
            let _ = main.focus();
            main.scroll_into_view();
        }
    };
    view! {
        <a class="skip-link" href="#main" rel="external" on:click=jump>
            {use_lang().texts().skip_link}
        </a>
    }
}
