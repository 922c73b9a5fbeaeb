//! The service worker's saved copies (public/sw.js), seen from the app: whether an article
//! can be read offline, deleting copies («Очистить»), the worker's last storage problem.

use futures::future::OptionFuture;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::browser;

/// Deletes the service worker's saved copies of `urls` and every photo it saved (its
/// `vestnik-data-*` and `vestnik-images-*` caches, public/sw.js).
pub async fn forget_saved(urls: &[String]) {
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
