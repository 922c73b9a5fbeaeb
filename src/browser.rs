//! Small doors to the browser shared by the shell's parts: APIs that web-sys leaves out or
//! that may be missing (service workers, Cache Storage, the storage manager) reached by
//! name, `None` rather than a panic when they are not there; localStorage where the page
//! may use it.

use leptos::prelude::window;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// `target[name]`, if it is there.
pub fn get(target: &JsValue, name: &str) -> Option<JsValue> {
    js_sys::Reflect::get(target, &name.into())
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

/// `target[name](...args)` when it returns a promise (or anything), catching exceptions.
pub fn call(target: &JsValue, name: &str, args: &[JsValue]) -> Option<js_sys::Promise> {
    let function = get(target, name)?.dyn_into::<js_sys::Function>().ok()?;
    let args: js_sys::Array = args.iter().collect();
    let result = function.apply(target, &args).ok()?;
    Some(
        result
            .dyn_into::<js_sys::Promise>()
            .unwrap_or_else(|v| js_sys::Promise::resolve(&v)),
    )
}

/// The browser's localStorage, if this page may use it (not in some private modes).
pub fn local_storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// What the whole site stores on this device (the app, saved news and photos), in bytes;
/// `None` where the browser does not say.
pub async fn storage_used() -> Option<f64> {
    let storage = get(&window().navigator().into(), "storage")?;
    let estimate = JsFuture::from(call(&storage, "estimate", &[])?)
        .await
        .ok()?;
    get(&estimate, "usage")?.as_f64()
}
