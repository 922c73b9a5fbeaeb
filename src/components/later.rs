//! `<Later>`: what it wraps is drawn in a task of its own, after the rest of the view.
//!
//! Drawing the whole first screen at once is one long task, during which the page cannot
//! answer the reader (and which Lighthouse counts as blocking time). The shell draws the
//! main column first and the sidebar and footer next. Until then a placeholder marked busy
//! stands in, so a first-screen snapshot hands over only once they are there too
//! (`crate::snapshot`).

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

#[component]
pub fn Later(children: ChildrenFn) -> impl IntoView {
    let ready = RwSignal::new(false);
    next_task(move || {
        let _ = ready.try_set(true);
    });
    move || {
        if ready.get() {
            children().into_any()
        } else {
            view! { <div class="later" aria-busy="true"></div> }.into_any()
        }
    }
}

/// Runs `f` in a task of its own, as soon as the page has answered whatever is waiting.
/// A message the page posts to itself, not a timer: no 4 ms clamp in nested timers, and a
/// paused clock (a test's) does not hold the app's start-up back.
pub fn next_task(f: impl FnOnce() + 'static) {
    let Ok(channel) = web_sys::MessageChannel::new() else {
        return f();
    };
    let port = channel.port1();
    // The handler holds the port until it has run (then both go), so neither is collected
    // before the message arrives.
    let kept = port.clone();
    let handler = Closure::once_into_js(move || {
        kept.set_onmessage(None);
        f();
    });
    port.set_onmessage(Some(handler.unchecked_ref()));
    let _ = channel.port2().post_message(&JsValue::NULL);
}
