//! Where the reader last was in a list, so "Возврат к списку" and the browser's back
//! button return to the same page of the same list at the same scroll position.

use leptos::prelude::*;

use crate::core::routes;

/// The list the reader left and where they were in it.
#[derive(Clone, Copy, Debug)]
pub struct ListMemory {
    href: RwSignal<String>,
    scroll_y: RwSignal<f64>,
    restore: RwSignal<bool>,
}

impl ListMemory {
    /// Starts a memory (the feed's first page, top) for everything below; the shell calls
    /// this once. The browser's back button counts as returning to the list.
    pub fn provide() -> Self {
        let memory = Self {
            href: RwSignal::new(routes::FEED.to_owned()),
            scroll_y: RwSignal::new(0.0),
            restore: RwSignal::new(false),
        };
        provide_context(memory);
        let back = window_event_listener(leptos::ev::popstate, move |_| memory.returning());
        on_cleanup(move || back.remove());
        memory
    }

    /// The list to return to.
    pub fn href(self) -> String {
        self.href.get_untracked()
    }

    /// Called as the reader leaves list `href` (e.g. clicks an article).
    pub fn remember(self, href: &str) {
        self.href.set(href.to_owned());
        self.scroll_y.set(window().scroll_y().unwrap_or(0.0));
    }

    /// Called when the reader goes back to the list (back link or browser back).
    pub fn returning(self) {
        self.restore.set(true);
    }

    /// Called by a list once it has rendered `href`: scrolls to where the reader was.
    pub fn restore_scroll_if_returning(self, href: &str) {
        if !self.restore.get_untracked() {
            return;
        }
        self.restore.set(false);
        if self.href.get_untracked() == href {
            let y = self.scroll_y.get_untracked();
            request_animation_frame(move || window().scroll_to_with_x_and_y(0.0, y));
        }
    }
}

/// The list position memory (provided by the shell).
pub fn use_list_memory() -> ListMemory {
    expect_context::<ListMemory>()
}
