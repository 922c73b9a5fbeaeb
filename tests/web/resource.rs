//! `resource::latest`: a load the reader has left never holds up the newest one.

use std::cell::RefCell;
use std::rc::Rc;

use futures::channel::oneshot;
use leptos::prelude::*;
use vestnik::resource;
use wasm_bindgen_test::wasm_bindgen_test;

use super::{container, one};

async fn settle() {
    gloo_timers::future::TimeoutFuture::new(50).await;
}

#[wasm_bindgen_test]
async fn a_newer_key_does_not_wait_for_the_load_it_replaces() {
    let root = container();
    let page = RwSignal::new(1u32);
    let loads = Rc::new(RefCell::new(Vec::new()));
    // Page 1 answers only when told; every other page at once.
    let (answer_1, wait_1) = oneshot::channel::<()>();
    let wait_1 = Rc::new(RefCell::new(Some(wait_1)));
    let _h = leptos::mount::mount_to(root.clone(), {
        let loads = Rc::clone(&loads);
        move || {
            let loads = Rc::clone(&loads);
            let wait_1 = Rc::clone(&wait_1);
            let shown = resource::latest(Memo::new(move |_| page.get()), move |p: u32| {
                loads.borrow_mut().push(p);
                let wait = (p == 1).then(|| wait_1.borrow_mut().take()).flatten();
                async move {
                    if let Some(wait) = wait {
                        let _ = wait.await;
                    }
                    format!("page {p}")
                }
            });
            view! { <p class="shown">{move || shown.get().unwrap_or_default()}</p> }
        }
    });
    settle().await;
    let text = || one(&root, ".shown").text_content().unwrap_or_default();
    assert_eq!(text(), "", "page 1 is still loading");
    page.set(2);
    settle().await;
    assert_eq!(text(), "page 2", "page 2 did not wait for page 1");
    assert_eq!(
        loads.borrow().as_slice(),
        [1, 2],
        "page 2 loaded once: the run Leptos starts for it answers with what was loaded"
    );
    // Page 1's answer comes after all: it changes nothing.
    let _ = answer_1.send(());
    settle().await;
    assert_eq!(text(), "page 2");
    page.set(3);
    settle().await;
    assert_eq!(text(), "page 3");
    assert_eq!(loads.borrow().as_slice(), [1, 2, 3]);
}
