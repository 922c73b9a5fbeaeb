//! Resources: [`archive`], the one several views share, and [`latest`], for resources that
//! follow the reader when they move on before a load has finished.
//!
//! Leptos runs a resource's loads one after another: when its source changes while a load
//! is under way, the next load starts only once that one has finished. A reader who asks
//! for page 15, then page 16 before page 15 has arrived, would wait for page 15 (up to its
//! timeout, on a backend that hangs) before page 16 is even requested. [`latest`] gives
//! up the load under way as soon as its key changes and loads the newest key instead, in
//! the same run, so the resource settles on what the reader asked for last. Each load runs
//! under an owner of its own; giving it up cleans that owner and drops the load, so it
//! leaves its request (`api::client` aborts a request when its last waiter leaves; one a
//! prefetch still waits for runs on). At such a switch the value is published
//! twice, by the run that switched and by the run Leptos then starts for the newest key
//! (answered from what the first loaded), so views render it twice.

use std::cell::RefCell;
use std::future::Future;
use std::rc::Rc;

use futures::channel::oneshot;
use futures::future::{select, Either};
use leptos::prelude::*;
use leptos::reactive::computed::ScopedFuture;

use crate::api::ApiError;
use crate::context::use_api;
use crate::core::model::Archive;

/// The archive's month counts, or `None` when the backend has none. The api caches the
/// answer, so the sidebar's calendar, the archive page and a year's page share one request.
pub fn archive() -> LocalResource<Result<Option<Archive>, ApiError>> {
    let api = use_api();
    LocalResource::new(move || {
        let api = api.clone();
        async move { api.archive().await }
    })
}

/// A resource loading `load(key)`, which never waits for a load the reader has left.
pub fn latest<K, T, Fut>(key: Memo<K>, load: impl Fn(K) -> Fut + 'static) -> LocalResource<T>
where
    K: Clone + PartialEq + Send + Sync + 'static,
    T: Clone + 'static,
    Fut: Future<Output = T> + 'static,
{
    let load = Rc::new(load);
    let changed = on_change(Box::new(move || key.track()));
    // The value a given-up run already loaded for the newer key: the run Leptos then
    // starts for that key answers with it instead of loading it twice.
    let settled = Rc::new(RefCell::new(None::<(K, T)>));
    LocalResource::new(move || {
        let first = key.try_get();
        let ready = settled
            .borrow_mut()
            .take()
            .filter(|(k, _)| Some(k) == first.as_ref());
        let (load, changed, settled) = (Rc::clone(&load), Rc::clone(&changed), Rc::clone(&settled));
        async move {
            // A key already disposed of: its view is gone, and with it any use for a value.
            let Some(first) = first else {
                return std::future::pending::<T>().await;
            };
            if let Some((_, value)) = ready {
                return value;
            }
            // Each load runs under an owner of its own, the one its request is tied to.
            let start = |k: K| {
                let owner = Owner::new();
                let pending = Box::pin(owner.with(|| ScopedFuture::new(load(k))));
                (owner, pending)
            };
            let mut k = first;
            let mut switched = false;
            let (mut owner, mut pending) = start(k.clone());
            loop {
                let (tx, rx) = oneshot::channel();
                *changed.borrow_mut() = Some(tx);
                // Looked at before each wait: the key may have changed before the load
                // listened.
                if let Some(newer) = key.try_get_untracked().filter(|newer| *newer != k) {
                    // Given up: it leaves its request now (the api aborts a request
                    // when its last waiter leaves), not once the newer one has arrived.
                    owner.cleanup();
                    drop(pending);
                    (k, switched) = (newer, true);
                    (owner, pending) = start(k.clone());
                    continue;
                }
                match select(pending, rx).await {
                    Either::Left((value, _)) => {
                        if switched {
                            *settled.borrow_mut() = Some((k, value.clone()));
                        }
                        return value;
                    }
                    Either::Right((_, unfinished)) => pending = unfinished,
                }
            }
        }
    })
}

/// Where the load under way waits to hear that the key changed.
type Changed = Rc<RefCell<Option<oneshot::Sender<()>>>>;

/// Tells the load under way (if any) each time something `track` reads changes. Not
/// generic, so the wasm carries one copy for every resource.
fn on_change(track: Box<dyn Fn()>) -> Changed {
    let changed = Changed::default();
    Effect::new({
        let changed = Rc::clone(&changed);
        move |_| {
            track();
            // A wake-up when nothing has changed (the first run) is harmless: the load
            // under way looks at the key and goes on.
            let waiting = changed.borrow_mut().take();
            if let Some(tx) = waiting {
                let _ = tx.send(());
            }
        }
    });
    changed
}
