//! Where the data on screen came from: the network, or a copy the service worker saved
//! (it marks those with `X-Vestnik-Cached: <when it was saved>`), or nowhere (no network).
//! The app listens to show "Нет соединения — показана сохранённая версия от …".

use std::cell::RefCell;

/// What the last backend request told us about the connection.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Freshness {
    /// A fresh answer from the backend.
    Fresh,
    /// The service worker answered with a copy saved at this moment (RFC 3339, may be empty).
    Saved(String),
    /// No answer: the network is down or unreachable.
    Unreachable,
}

type Listener = Box<dyn Fn(Freshness)>;

thread_local! {
    static LISTENER: RefCell<Option<Listener>> = const { RefCell::new(None) };
}

/// Registers the one listener (the app shell's connectivity state).
pub fn listen(listener: impl Fn(Freshness) + 'static) {
    LISTENER.with(|l| *l.borrow_mut() = Some(Box::new(listener)));
}

pub(super) fn report(freshness: Freshness) {
    LISTENER.with(|l| {
        if let Some(listener) = l.borrow().as_ref() {
            listener(freshness);
        }
    });
}
