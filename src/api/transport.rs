//! HTTP itself: one GET with a deadline, a size limit read as the body streams, retries of
//! the failures that may pass, and an abort from whoever waits. Sharing, caching and who
//! may abort a shared request are `client`'s.

use std::cell::Cell;
use std::rc::Rc;

use gloo_net::http::Request;
use gloo_timers::callback::Timeout;
use leptos::prelude::on_cleanup;
use send_wrapper::SendWrapper;
use wasm_bindgen::JsCast;
use web_sys::AbortController;

use super::cache::Weight;
use super::freshness::{self, Freshness};
use super::retry::{self, Failure};
use super::ApiError;

/// The only headers kept with a body: those backends use for paging (WordPress's totals,
/// RFC 8288 links), and the service worker's mark on a copy it saved.
pub(super) const KEPT_HEADERS: &[&str] = &["x-wp-total", "x-wp-totalpages", "link", SAVED];

/// The service worker's mark on a copy it saved (the network was down or slow): shown,
/// but not kept in memory as if it were the backend's answer of now.
pub(super) const SAVED: &str = "x-vestnik-cached";

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

/// Limits for one request, taken from the runtime config.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    pub timeout_ms: u32,
    pub max_bytes: u32,
}

/// Fetches `url` on its own (not shared, not cached: `config.json`, the site); aborted
/// when the reactive owner that asked is cleaned up.
pub async fn get(url: &str, limits: Limits) -> Result<Rc<[u8]>, ApiError> {
    let controller = AbortController::new().map_err(|_| ApiError::Network)?;
    let on_leave = SendWrapper::new(controller.clone());
    on_cleanup(move || on_leave.abort());
    fetch(url, limits, controller).await.map(|body| body.bytes)
}

/// Fetches `url` and returns its body and paging headers, retrying failures that may pass
/// (see `retry`). The request is aborted when it takes longer than `limits.timeout_ms`
/// (the body included) and when `controller` aborts it (whoever waits for it has gone).
pub(super) async fn fetch(
    url: &str,
    limits: Limits,
    controller: AbortController,
) -> Result<Body, ApiError> {
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
