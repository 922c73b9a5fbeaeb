//! Work cut into tasks, so the page answers the reader in between.
//!
//! A task that runs long keeps a click or a key waiting (and Lighthouse counts it as
//! blocking time). The app's start-up, the sidebar and footer (`components::later`) and
//! each backend answer (`api::client`) each get a task of their own. A message the page
//! posts to itself starts the next task, not a timer: no 4 ms clamp, and a paused clock
//! (a test's) does not hold the app back.

use wasm_bindgen::prelude::*;

/// Runs `f` in a task of its own, once the page has handled whatever is waiting.
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

/// Resolves in a new task (see [`next_task`]): what follows the `await` runs there.
pub async fn yield_task() {
    let (done, wait) = futures::channel::oneshot::channel::<()>();
    next_task(move || {
        let _ = done.send(());
    });
    let _ = wait.await;
}
