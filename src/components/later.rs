//! `<Later>`: what it wraps is drawn in a task of its own, after the rest of the view.
//!
//! Drawing the whole first screen at once is one long task, during which the page cannot
//! answer the reader (and which Lighthouse counts as blocking time). The shell draws the
//! main column first and the sidebar and footer next. Until then a placeholder marked busy
//! stands in, so a first-screen snapshot hands over only once they are there too
//! (`crate::snapshot`).

use leptos::prelude::*;

use crate::tasks::next_task;

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
