//! The one place Vestnik talks HTTP: GET with a timeout, a size limit, cancellation and
//! retries.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::{Rc, Weak};

use futures::future::{FutureExt, LocalBoxFuture, OptionFuture, Shared};

use gloo_net::http::Request;
use gloo_timers::callback::Timeout;
use leptos::prelude::on_cleanup;
use send_wrapper::SendWrapper;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::AbortController;

use super::cache::{Cache, Weight};
use super::freshness::{self, Freshness};
use super::retry::{self, Failure};
use super::ApiError;
use crate::browser;

/// How long a successful response is reused without asking the backend again.
const CACHE_TTL_MS: f64 = 5.0 * 60.0 * 1000.0;

/// The only headers kept with a body: those backends use for paging (WordPress's totals,
/// RFC 8288 links), and the service worker's mark on a copy it saved.
const KEPT_HEADERS: &[&str] = &["x-wp-total", "x-wp-totalpages", "link", SAVED];

/// The service worker's mark on a copy it saved (the network was down or slow): shown,
/// but not kept in memory as if it were the backend's answer of now.
const SAVED: &str = "x-vestnik-cached";

/// A successful response: its body and the headers in [`KEPT_HEADERS`].
#[derive(Clone, Debug)]
pub struct Body {
    pub bytes: Rc<[u8]>,
    headers: Rc<[(&'static str, String)]>,
}

impl Body {
    /// A kept header's value (`name` in lower case, one of [`KEPT_HEADERS`]).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }
}

impl Weight for Body {
    fn weight(&self) -> usize {
        self.bytes.len()
    }
}

type Pending = Shared<LocalBoxFuture<'static, Result<Body, ApiError>>>;

/// A request under way, and whether anyone but its starter is waiting for it.
#[derive(Clone)]
struct InFlight {
    request: Pending,
    joined: Rc<Cell<bool>>,
}

/// How long a prefetch's definite refusal waits for the view that will ask for it.
const UNSEEN_TTL_MS: f64 = 10.0 * 1000.0;

thread_local! {
    static CACHE: RefCell<Cache<Body>> = RefCell::new(Cache::new(96, 8 * 1024 * 1024, CACHE_TTL_MS));
    /// Requests under way, so a prefetch and the view that then needs the same URL share
    /// one download instead of making two.
    static PENDING: RefCell<HashMap<String, InFlight>> = RefCell::new(HashMap::new());
    /// A prefetch's definite refusal (404/410, too large) that no view has seen yet: the
    /// first to ask for that URL gets it, instead of asking the backend again at once.
    static UNSEEN: RefCell<HashMap<String, (ApiError, f64)>> = RefCell::new(HashMap::new());
    /// Bodies already decoded by [`decoded_once`], while the cache holds them.
    static DECODED: RefCell<Vec<Decoded>> = const { RefCell::new(Vec::new()) };
}

/// A value decoded from a cached body.
#[cfg_attr(not(feature = "jsonfeed"), allow(dead_code))]
struct Decoded {
    url: String,
    /// The body it came from: the same body (not just the same URL) means the same value.
    body: Weak<[u8]>,
    value: Rc<dyn Any>,
}

/// Like [`get`], but answers from the in-memory cache when it can and stores successes.
pub async fn get_cached(url: &str, limits: Limits) -> Result<Body, ApiError> {
    load(url, limits, false).await
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
    if let Some(flight) = PENDING.with(|p| p.borrow().get(url).cloned()) {
        flight.joined.set(true);
        match flight.request.await {
            // The view that started it went away and cancelled it: fetch for ourselves.
            Err(ApiError::Network) => {}
            other => return other,
        }
    }
    let owned = url.to_owned();
    let request: Pending = async move {
        let result = fetch(&owned, limits).await;
        if let Some(body) = result.as_ref().ok().filter(|b| b.header(SAVED).is_none()) {
            CACHE.with(|c| {
                c.borrow_mut()
                    .put(&owned, body.clone(), js_sys::Date::now())
            });
        }
        PENDING.with(|p| p.borrow_mut().remove(&owned));
        result
    }
    .boxed_local()
    .shared();
    let joined = Rc::new(Cell::new(false));
    PENDING.with(|p| {
        p.borrow_mut().insert(
            url.to_owned(),
            InFlight {
                request: request.clone(),
                joined: joined.clone(),
            },
        )
    });
    let result = request.await;
    if let Err(error @ (ApiError::NotFound | ApiError::TooLarge)) = &result {
        if prefetch && !joined.get() {
            let at = js_sys::Date::now();
            UNSEEN.with(|u| u.borrow_mut().insert(url.to_owned(), (error.clone(), at)));
        }
    }
    result
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

/// Like [`decoded`], but a body decoded before (and still cached) is not decoded again:
/// for views that read the same cached pages on every change (a feed's calendar, archive
/// and search go over every page loaded so far).
#[cfg_attr(not(feature = "jsonfeed"), allow(dead_code))]
pub async fn decoded_once<T: 'static>(
    url: &str,
    limits: Limits,
    decode: impl FnOnce(&Body) -> Result<T, ApiError>,
) -> Result<Rc<T>, ApiError> {
    decoded(url, limits, |body| {
        let same = |d: &Decoded| {
            d.url == url
                && d.body
                    .upgrade()
                    .is_some_and(|b| Rc::ptr_eq(&b, &body.bytes))
        };
        let known = DECODED.with(|d| {
            let decoded = d.borrow();
            let value = decoded.iter().find(|d| same(d))?.value.clone();
            value.downcast::<T>().ok()
        });
        if let Some(value) = known {
            return Ok(value);
        }
        let value = Rc::new(decode(body)?);
        DECODED.with(|d| {
            let mut decoded = d.borrow_mut();
            // Values whose body the cache has dropped or replaced go too: no more are kept
            // than the cache holds.
            decoded.retain(|d| d.url != url && d.body.strong_count() > 0);
            decoded.push(Decoded {
                url: url.to_owned(),
                body: Rc::downgrade(&body.bytes),
                value: value.clone(),
            });
        });
        Ok(value)
    })
    .await
}

/// Warms the cache for `url` in the background; failures are ignored (the real request
/// will report them).
pub fn prefetch(url: String, limits: Limits) {
    leptos::task::spawn_local(async move {
        let _ = load(&url, limits, true).await;
    });
}

/// Limits for one request, taken from the runtime config.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    pub timeout_ms: u32,
    pub max_bytes: u32,
}

/// Fetches `url` and returns its body (not cached: `config.json`, the site).
pub async fn get(url: &str, limits: Limits) -> Result<Rc<[u8]>, ApiError> {
    fetch(url, limits).await.map(|body| body.bytes)
}

/// Fetches `url` and returns its body and paging headers, retrying failures that may pass
/// (see `retry`).
///
/// The request is aborted when it takes longer than `limits.timeout_ms` (the body
/// included) and when the reactive owner that started it is cleaned up — a reader who
/// navigates away does not keep downloading the page they left.
async fn fetch(url: &str, limits: Limits) -> Result<Body, ApiError> {
    let controller = AbortController::new().map_err(|_| ApiError::Network)?;
    let signal = controller.signal();
    let timed_out = Rc::new(Cell::new(false));
    let started = js_sys::Date::now();
    // One deadline for every attempt and the pauses between them.
    let _timer = {
        let (controller, timed_out) = (controller.clone(), Rc::clone(&timed_out));
        Timeout::new(limits.timeout_ms, move || {
            timed_out.set(true);
            controller.abort();
        })
    };
    let on_leave = SendWrapper::new(controller);
    on_cleanup(move || on_leave.abort());
    let stopped = || {
        if timed_out.get() {
            ApiError::Timeout
        } else {
            ApiError::Network
        }
    };

    let mut retry = 0;
    loop {
        let (failure, retry_after) = match attempt(url, &signal, limits).await {
            Ok(body) => return Ok(body),
            Err(Attempt::Stopped) => return Err(stopped()),
            Err(Attempt::Final(error)) => return Err(error),
            Err(Attempt::Transient(failure, retry_after)) => (failure, retry_after),
        };
        let now = js_sys::Date::now();
        let left = f64::from(limits.timeout_ms) - (now - started);
        let Some(wait) = retry::delay(failure, retry, retry_after.as_deref(), now, left) else {
            return Err(failure.into());
        };
        gloo_timers::future::TimeoutFuture::new(wait).await;
        if signal.aborted() {
            return Err(stopped());
        }
        retry += 1;
    }
}

/// How one attempt failed.
enum Attempt {
    /// Aborted: the deadline passed or the view went away.
    Stopped,
    /// A failure that may pass, and the backend's `Retry-After`.
    Transient(Failure, Option<String>),
    /// A failure that will not pass by asking again.
    Final(ApiError),
}

async fn attempt(
    url: &str,
    signal: &web_sys::AbortSignal,
    limits: Limits,
) -> Result<Body, Attempt> {
    let response = match Request::get(url).abort_signal(Some(signal)).send().await {
        Ok(response) => response,
        Err(_) if signal.aborted() => return Err(Attempt::Stopped),
        Err(_) => {
            freshness::report(Freshness::Unreachable);
            return Err(Attempt::Transient(Failure::Network, None));
        }
    };
    freshness::report(match response.headers().get(SAVED) {
        Some(saved_at) => Freshness::Saved(saved_at),
        None => Freshness::Fresh,
    });
    match response.status() {
        200..=299 => {}
        404 | 410 => return Err(Attempt::Final(ApiError::NotFound)),
        status => {
            return Err(Attempt::Transient(
                Failure::Status(status),
                response.headers().get("retry-after"),
            ))
        }
    }
    let declared = response
        .headers()
        .get("content-length")
        .and_then(|v| v.trim().parse::<u64>().ok());
    if declared.is_some_and(|len| len > u64::from(limits.max_bytes)) {
        return Err(Attempt::Final(ApiError::TooLarge));
    }
    let body = read_up_to(&response, limits.max_bytes as usize, signal).await?;
    let headers = KEPT_HEADERS
        .iter()
        .filter_map(|name| Some((*name, response.headers().get(name)?)))
        .collect();
    Ok(Body {
        bytes: body.into(),
        headers,
    })
}

/// The body of `response`, read as it streams in and given up past `max` bytes: an answer
/// that is longer than it said, or a small compressed one that inflates, is never read in
/// full (nor kept in memory).
async fn read_up_to(
    response: &gloo_net::http::Response,
    max: usize,
    signal: &web_sys::AbortSignal,
) -> Result<Vec<u8>, Attempt> {
    let lost = || {
        if signal.aborted() {
            Attempt::Stopped
        } else {
            Attempt::Transient(Failure::Network, None)
        }
    };
    let Some(stream) = response.body() else {
        return Ok(Vec::new());
    };
    let reader: web_sys::ReadableStreamDefaultReader = stream.get_reader().unchecked_into();
    let mut bytes = Vec::new();
    loop {
        let chunk = wasm_bindgen_futures::JsFuture::from(reader.read())
            .await
            .map_err(|_| lost())?;
        let field = |name: &str| js_sys::Reflect::get(&chunk, &name.into()).map_err(|_| lost());
        if field("done")?.as_bool().unwrap_or(true) {
            return Ok(bytes);
        }
        let part: js_sys::Uint8Array = field("value")?.dyn_into().map_err(|_| lost())?;
        let start = bytes.len();
        let end = start + part.length() as usize;
        if end > max {
            // Stops the download too (the promise only says when).
            let _ = reader.cancel();
            return Err(Attempt::Final(ApiError::TooLarge));
        }
        bytes.resize(end, 0);
        part.copy_to(&mut bytes[start..]);
    }
}

/// Deletes the service worker's saved copies of `urls` and every photo it saved (its
/// `vestnik-data-*` and `vestnik-images-*` caches, public/sw.js), and forgets them here.
pub async fn forget_saved(urls: &[String]) {
    CACHE.with(|c| {
        let mut cache = c.borrow_mut();
        for url in urls {
            cache.remove(url);
        }
    });
    let Some(caches) = browser::get(&leptos::prelude::window(), "caches") else {
        return;
    };
    let Some(Ok(names)) =
        OptionFuture::from(browser::call(&caches, "keys", &[]).map(JsFuture::from)).await
    else {
        return;
    };
    for name in js_sys::Array::from(&names)
        .iter()
        .filter_map(|n| n.as_string())
    {
        if name.starts_with("vestnik-images-") {
            if let Some(deleted) = browser::call(&caches, "delete", &[name.into()]) {
                let _ = JsFuture::from(deleted).await;
            }
        } else if name.starts_with("vestnik-data-") {
            let opened = browser::call(&caches, "open", &[name.into()]).map(JsFuture::from);
            let Some(Ok(cache)) = OptionFuture::from(opened).await else {
                continue;
            };
            for url in urls {
                if let Some(deleted) = browser::call(&cache, "delete", &[url.into()]) {
                    let _ = JsFuture::from(deleted).await;
                }
            }
        }
    }
}

/// Whether the service worker has a saved copy of `url` (`None`: no Cache API here).
pub async fn saved_offline(url: &str) -> Option<bool> {
    Some(cached(url).await?.is_some())
}

/// Where the service worker keeps its last storage problems (public/sw.js), relative to
/// the document's base.
const STORAGE_PROBLEMS: &str = "vestnik-storage-problems.json";

/// A copy the service worker could not keep: when (RFC 3339) and the browser's error name.
#[derive(Clone, Debug, serde::Deserialize)]
pub struct StorageProblem {
    pub at: String,
    pub error: String,
}

/// The service worker's latest storage problem, if it has had one (and says so readably).
pub async fn storage_problem() -> Option<StorageProblem> {
    let base = leptos::prelude::document().base_uri().ok()??;
    let url = web_sys::Url::new_with_base(STORAGE_PROBLEMS, &base)
        .ok()?
        .href();
    let response = cached(&url).await??;
    let text = wasm_bindgen_futures::JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()?;
    serde_json::from_str::<Vec<StorageProblem>>(&text)
        .ok()?
        .into_iter()
        .next()
}

/// The service worker's saved answer for `url` in any cache: `None` without a Cache API,
/// `Some(None)` when there is none.
async fn cached(url: &str) -> Option<Option<web_sys::Response>> {
    let caches = browser::get(&leptos::prelude::window(), "caches")?;
    let found = JsFuture::from(browser::call(&caches, "match", &[url.into()])?)
        .await
        .ok()?;
    Some(found.dyn_into::<web_sys::Response>().ok())
}
