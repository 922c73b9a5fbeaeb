//! Requests the app shares: an in-memory cache of successful answers, one download per URL
//! however many views (and prefetches) wait for it, and the one cancellation rule — a
//! shared request is aborted when its last waiter leaves. A view's load (and a [`preload`]
//! on its behalf) leaves when its reactive owner is cleaned up or its future is dropped (a
//! resource that gave the load up); a [`prefetch`] waits until its request ends. So a view
//! joining a prefetch never sees it aborted under it, and a page the reader left stops
//! downloading unless someone else still wants it. HTTP itself is `transport`.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use futures::future::{FutureExt, LocalBoxFuture, Shared};
use leptos::prelude::on_cleanup;
use send_wrapper::SendWrapper;
use web_sys::AbortController;

use super::cache::Cache;
use super::transport::{self, SAVED};
use super::ApiError;

pub use super::transport::{get, Body, Limits};

/// How long a successful response is reused without asking the backend again.
const CACHE_TTL_MS: f64 = 5.0 * 60.0 * 1000.0;

/// How long a prefetch's definite refusal waits for the view that will ask for it.
const UNSEEN_TTL_MS: f64 = 10.0 * 1000.0;

type Pending = Shared<LocalBoxFuture<'static, Result<Body, ApiError>>>;

/// A request under way and who waits for it.
#[derive(Clone)]
struct InFlight {
    request: Pending,
    waiters: Rc<Waiters>,
}

/// The waiters of one request under way.
struct Waiters {
    url: String,
    /// How many wait now.
    count: Cell<usize>,
    /// Whether more than one has ever waited (a prefetch someone else joined).
    joined: Cell<bool>,
    /// The request has ended: leaving no longer aborts it.
    done: Cell<bool>,
    controller: AbortController,
}

thread_local! {
    static CACHE: RefCell<Cache<Body>> = RefCell::new(Cache::new(96, 8 * 1024 * 1024, CACHE_TTL_MS));
    /// Requests under way, so a prefetch and the view that then needs the same URL share
    /// one download instead of making two.
    static PENDING: RefCell<HashMap<String, InFlight>> = RefCell::new(HashMap::new());
    /// A prefetch's definite refusal (404/410, too large) that no view has seen yet: the
    /// first to ask for that URL gets it, instead of asking the backend again at once.
    static UNSEEN: RefCell<HashMap<String, (ApiError, f64)>> = RefCell::new(HashMap::new());
}

/// `url`'s body: from the in-memory cache when it can, else from the request under way for
/// it (joined) or a new one; successes are kept.
pub async fn get_cached(url: &str, limits: Limits) -> Result<Body, ApiError> {
    load(url, limits, false).await
}

/// Like [`get_cached`], then `decode`: a body that does not decode is forgotten, so the
/// next attempt (the reader's "Повторить") asks the backend again instead of failing on
/// the same bytes.
pub async fn decoded<T>(
    url: &str,
    limits: Limits,
    decode: impl FnOnce(&Body) -> Result<T, ApiError>,
) -> Result<T, ApiError> {
    let body = get_cached(url, limits).await?;
    // Each answer is decoded and drawn in a task of its own: answers that arrive together
    // (preloaded, or cached) do not add up to one long task.
    crate::tasks::yield_task().await;
    let result = decode(&body);
    if result.is_err() {
        CACHE.with(|c| c.borrow_mut().remove(url));
    }
    result
}

/// Warms the cache for `url` in the background (a page the reader may open next); it waits
/// for its request to the end. Failures are ignored (the real request will report them).
pub fn prefetch(url: String, limits: Limits) {
    leptos::task::spawn_local(async move {
        let _ = load(&url, limits, true).await;
    });
}

/// Starts loading `url` for the view being drawn, before that view can ask itself (its code
/// is still arriving); it leaves when that view's owner is cleaned up, like the view's own
/// load would.
pub fn preload(url: String, limits: Limits) {
    leptos::task::spawn_local_scoped_with_cancellation(async move {
        let _ = load(&url, limits, true).await;
    });
}

/// Forgets the answers kept in memory for `urls`.
pub fn forget(urls: &[String]) {
    CACHE.with(|c| {
        let mut cache = c.borrow_mut();
        for url in urls {
            cache.remove(url);
        }
    });
}

async fn load(url: &str, limits: Limits, prefetch: bool) -> Result<Body, ApiError> {
    let now = js_sys::Date::now();
    if let Some(body) = CACHE.with(|c| c.borrow_mut().get(url, now)) {
        return Ok(body);
    }
    let unseen = UNSEEN.with(|u| u.borrow_mut().remove(url));
    if let Some((error, _)) = unseen.filter(|(_, at)| now - at < UNSEEN_TTL_MS) {
        return Err(error);
    }
    let flight = match PENDING.with(|p| p.borrow().get(url).cloned()) {
        Some(flight) => flight,
        None => start(url, limits)?,
    };
    let place = Place::take(&flight.waiters, !prefetch);
    let result = flight.request.await;
    drop(place);
    if let Err(error @ (ApiError::NotFound | ApiError::TooLarge)) = &result {
        if prefetch && !flight.waiters.joined.get() {
            let at = js_sys::Date::now();
            UNSEEN.with(|u| u.borrow_mut().insert(url.to_owned(), (error.clone(), at)));
        }
    }
    result
}

/// Starts the request for `url`, shared through `PENDING` until it ends or is aborted.
fn start(url: &str, limits: Limits) -> Result<InFlight, ApiError> {
    let controller = AbortController::new().map_err(|_| ApiError::Network)?;
    let waiters = Rc::new(Waiters {
        url: url.to_owned(),
        count: Cell::new(0),
        joined: Cell::new(false),
        done: Cell::new(false),
        controller: controller.clone(),
    });
    let request: Pending = {
        let waiters = Rc::clone(&waiters);
        async move {
            let result = transport::fetch(&waiters.url, limits, controller).await;
            waiters.done.set(true);
            if let Some(body) = result.as_ref().ok().filter(|b| b.header(SAVED).is_none()) {
                CACHE.with(|c| {
                    c.borrow_mut()
                        .put(&waiters.url, body.clone(), js_sys::Date::now())
                });
            }
            forget_flight(&waiters);
            result
        }
        .boxed_local()
        .shared()
    };
    let flight = InFlight { request, waiters };
    PENDING.with(|p| p.borrow_mut().insert(url.to_owned(), flight.clone()));
    Ok(flight)
}

/// Takes `waiters`' request out of `PENDING` (not a newer one for the same URL).
fn forget_flight(waiters: &Rc<Waiters>) {
    PENDING.with(|p| {
        let mut pending = p.borrow_mut();
        if pending
            .get(&waiters.url)
            .is_some_and(|f| Rc::ptr_eq(&f.waiters, waiters))
        {
            pending.remove(&waiters.url);
        }
    });
}

/// One waiter's place in a request's queue. Leaving counts once, whichever comes first:
/// the place dropped (the load finished or was given up) or, for a view's load, its
/// reactive owner cleaned up (the view is gone, while its task may still run).
struct Place {
    waiters: Rc<Waiters>,
    left: Rc<Cell<bool>>,
}

impl Place {
    fn take(waiters: &Rc<Waiters>, owned: bool) -> Self {
        let count = waiters.count.get() + 1;
        waiters.count.set(count);
        if count > 1 {
            waiters.joined.set(true);
        }
        let place = Self {
            waiters: Rc::clone(waiters),
            left: Rc::new(Cell::new(false)),
        };
        if owned {
            let on_leave = SendWrapper::new((Rc::clone(waiters), Rc::clone(&place.left)));
            on_cleanup(move || leave(&on_leave.0, &on_leave.1));
        }
        place
    }
}

impl Drop for Place {
    fn drop(&mut self) {
        leave(&self.waiters, &self.left);
    }
}

/// A waiter leaves; the last one to leave a request still under way aborts it.
fn leave(waiters: &Rc<Waiters>, left: &Cell<bool>) {
    if left.replace(true) {
        return;
    }
    let count = waiters.count.get().saturating_sub(1);
    waiters.count.set(count);
    if count == 0 && !waiters.done.get() {
        waiters.controller.abort();
        forget_flight(waiters);
    }
}
