//! The calendar grid's keyboard focus, the WAI-ARIA grid pattern: one tab stop that roves
//! with the reader's arrows, focus that follows a move into another month once that month
//! is drawn, and a reader's place kept when the grid is redrawn under them (its month's
//! news arriving). The moves themselves are `core::calendar::step`.

use chrono::NaiveDate;
use leptos::html::Table;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::CalendarState;
use crate::core::calendar::{self, Move};
use crate::core::dates;
use crate::core::model::YearMonth;

/// The focus bookkeeping of one calendar grid (see [`use_grid_focus`]).
#[derive(Clone, Copy)]
pub struct GridFocus {
    /// The day focused last in the grid.
    pub focused: RwSignal<Option<NaiveDate>>,
    /// The grid's one tab stop: the focused day while it is on screen, else the anchor.
    pub stop: Memo<Option<NaiveDate>>,
    /// The grid element.
    pub grid: NodeRef<Table>,
    /// A keyboard move into another month, waiting for that month to be drawn.
    pending: StoredValue<Option<NaiveDate>>,
    /// The day the route selects, as last drawn: a new one means the reader followed a day
    /// link, and the new page's heading takes focus, not the grid.
    drawn_selection: StoredValue<Option<NaiveDate>>,
    state: Signal<CalendarState>,
    on_month: Callback<YearMonth>,
}

/// Focus for the grid showing `state`; `on_month` is asked for another month when the
/// reader arrows past the month's edge (never for one outside the span).
pub fn use_grid_focus(state: Signal<CalendarState>, on_month: Callback<YearMonth>) -> GridFocus {
    let focused = RwSignal::new(None::<NaiveDate>);
    let stop = Memo::new(move |_| {
        let s = state.get();
        let weeks = calendar::grid(s.month).unwrap_or_default();
        let on_screen = |d: NaiveDate| {
            weeks.first().is_some_and(|w| w[0].date <= d)
                && weeks.last().is_some_and(|w| d <= w[6].date)
        };
        focused
            .get()
            .filter(|d| on_screen(*d))
            .or_else(|| s.anchor())
    });
    let focus = GridFocus {
        focused,
        stop,
        grid: NodeRef::new(),
        pending: StoredValue::new(None),
        drawn_selection: StoredValue::new(None),
        state,
        on_month,
    };

    // Another month is shown: focus follows a keyboard move into it; otherwise (« », a
    // route change) the tab stop goes to the month's anchor day and focus stays put.
    Effect::new(move |previous: Option<YearMonth>| {
        let s = state.get();
        if previous != Some(s.month) {
            match focus.pending.get_value() {
                Some(date) if calendar::month_of(date) == s.month => {
                    focus.pending.set_value(None);
                    focused.set(Some(date));
                    request_animation_frame(move || focus.refocus());
                }
                _ => focused.set(s.anchor()),
            }
        }
        s.month
    });

    // The tab stop moves by setting attributes, not through a reactive `tabindex` on every
    // cell: those per-cell effects were never freed when a month was redrawn (~10 KB leaked
    // per month switch, found by `make bench`'s memory check).
    Effect::new(move |_| {
        let stop = stop.get();
        let Some(grid) = focus.grid.get() else {
            return;
        };
        if let Ok(cells) = grid.query_selector_all("[tabindex=\"0\"]") {
            for i in 0..cells.length() {
                if let Some(el) = cells
                    .item(i)
                    .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
                {
                    let _ = el.set_attribute("tabindex", "-1");
                }
            }
        }
        if let Some(date) = stop {
            if let Ok(Some(el)) = grid.query_selector(&day_selector(date)) {
                let _ = el.set_attribute("tabindex", "0");
            }
        }
    });
    focus
}

impl GridFocus {
    /// Arrows, Home/End, PageUp/PageDown on the grid.
    pub fn on_keydown(self, ev: &leptos::ev::KeyboardEvent) {
        let Some(mv) = Move::from_key(&ev.key()) else {
            return;
        };
        ev.prevent_default();
        let s = self.state.get_untracked();
        let Some(from) = self.focused.get_untracked().or_else(|| s.anchor()) else {
            return;
        };
        let Some(to) = calendar::step(from, mv) else {
            return;
        };
        let month = calendar::month_of(to);
        if month != s.span.clamp(month) {
            return;
        }
        if month == s.month {
            self.focused.set(Some(to));
            self.focus_day(to);
        } else {
            self.pending.set_value(Some(to));
            self.on_month.run(month);
        }
    }

    /// Called as the grid's days are drawn for `selected`: when they are redrawn under a
    /// reader moving through them with the keyboard (the month's news arrived), that reader
    /// keeps their place instead of dropping to the page's top.
    pub fn redrawing(self, selected: Option<NaiveDate>) {
        let navigated = self.drawn_selection.try_get_value().flatten() != selected;
        self.drawn_selection.try_set_value(selected);
        let inside = self
            .grid
            .get_untracked()
            .is_some_and(|grid| grid.contains(document().active_element().as_deref()));
        if !navigated && inside {
            request_animation_frame(move || self.refocus());
        }
    }

    /// Focuses a day's cell. Also called from an animation frame, when the calendar may
    /// already be gone.
    fn focus_day(self, date: NaiveDate) {
        let Some(grid) = self.grid.try_get_untracked().flatten() else {
            return;
        };
        if let Ok(Some(el)) = grid.query_selector(&day_selector(date)) {
            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
    }

    /// Once the grid is drawn: focuses the focused day, if the redraw dropped focus (and
    /// nothing else has taken it since).
    fn refocus(self) {
        let dropped = document().active_element().as_ref() == document().body().as_deref();
        if let Some(date) = self
            .focused
            .try_get_untracked()
            .flatten()
            .filter(|_| dropped)
        {
            self.focus_day(date);
        }
    }
}

fn day_selector(date: NaiveDate) -> String {
    format!("[data-date=\"{}\"]", dates::iso_day(date))
}
