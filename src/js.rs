//! Reaching browser APIs that web-sys leaves out or that may be missing (service workers,
//! Cache Storage, the storage manager): by name, and `None` rather than a panic when they
//! are not there.

use wasm_bindgen::{JsCast, JsValue};

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
