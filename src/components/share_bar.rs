//! "Поделиться:": plain share links (no third-party scripts), "Копировать ссылку" with the
//! Clipboard API and a fallback, and the system share sheet where the browser has one.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::core::share::Service;
use crate::lang::use_lang;

/// Share links for the page at `url` (absolute, canonical) titled `title`.
#[component]
pub fn ShareBar(#[prop(into)] url: String, #[prop(into)] title: String) -> impl IntoView {
    let lang = use_lang();
    let t = lang.texts();
    let status = RwSignal::new(String::new());
    let links = Service::ALL
        .iter()
        .map(|&service| {
            let target = service.opens_new_tab().then_some("_blank");
            view! {
                <li class="share__item">
                    <a
                        class=format!("share__link share__link--{}", service.id())
                        href=service.link(&url, &title)
                        target=target
                        rel="noopener noreferrer"
                        aria-label=service.label(lang)
                        title=service.label(lang)
                    >
                        {icon(service)}
                    </a>
                </li>
            }
        })
        .collect_view();
    let copy = {
        let url = url.clone();
        move |_| {
            let url = url.clone();
            leptos::task::spawn_local(async move {
                let done = copy_text(&url).await;
                status.try_set(if done {
                    t.link_copied.to_owned()
                } else {
                    t.copy_failed.to_owned()
                });
            });
        }
    };
    let native = has_native_share().then(|| {
        let (url, title) = (url.clone(), title.clone());
        view! {
            <li class="share__item">
                <button type="button" class="share__button" on:click=move |_| native_share(&url, &title)>
                    {t.share_system}
                </button>
            </li>
        }
    });
    view! {
        <section class="share" aria-labelledby="share-title">
            <h2 class="share__title" id="share-title">{t.share}</h2>
            <ul class="share__list">
                {links}
                <li class="share__item">
                    <button type="button" class="share__button" on:click=copy>
                        {t.copy_link}
                    </button>
                </li>
                {native}
            </ul>
            <p class="share__status" role="status" aria-live="polite">{move || status.get()}</p>
        </section>
    }
}

/// A small inline icon drawn with strokes (no text: the link's name is the only label).
fn icon(service: Service) -> impl IntoView {
    let (shape, colour) = match service {
        Service::Vk => ("M9 14 L13.5 26 L18 14 M22 14 V26 M31 14 L23 20 L31 26", "#0057b8"),
        Service::Ok => ("M10 20 a5 5 0 1 0 10 0 a5 5 0 1 0 -10 0 M24 14 V26 M32 14 L25 20 L32 26", "#b34d00"),
        Service::Telegram => ("M9 20 L31 11 L27 30 L20 24 Z M20 24 L31 11", "#0a6fa3"),
        Service::WhatsApp => ("M12 29 L13.6 24 A9 9 0 1 1 17.5 27.5 Z", "#11774a"),
        Service::Viber => (
            "M12 11 H28 A3 3 0 0 1 31 14 V23 A3 3 0 0 1 28 26 H19 L14 30 V26 H12 A3 3 0 0 1 9 23 V14 A3 3 0 0 1 12 11 Z",
            "#5b3f9e",
        ),
        Service::Email => ("M9 13 H31 V27 H9 Z M9 13 L20 21 L31 13", "#3d4650"),
    };
    view! {
        <svg class="share__icon" viewBox="0 0 40 40" width="40" height="40" aria-hidden="true" focusable="false">
            <circle cx="20" cy="20" r="20" fill=colour></circle>
            <path d=shape fill="none" stroke="#fff" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round"></path>
        </svg>
    }
}

/// `navigator.<name>` if the browser has it.
fn navigator_member(name: &str) -> Option<JsValue> {
    let navigator = window().navigator();
    js_sys::Reflect::get(&navigator, &JsValue::from_str(name))
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

fn has_native_share() -> bool {
    navigator_member("share").is_some_and(|f| f.is_function())
}

/// Opens the system share sheet; a reader cancelling it is not an error worth showing.
fn native_share(url: &str, title: &str) {
    let Some(share) = navigator_member("share").and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    else {
        return;
    };
    let data = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&data, &"title".into(), &title.into());
    let _ = js_sys::Reflect::set(&data, &"url".into(), &url.into());
    if let Ok(promise) = share.call1(&window().navigator(), &data) {
        if let Ok(promise) = promise.dyn_into::<js_sys::Promise>() {
            leptos::task::spawn_local(async move {
                let _ = JsFuture::from(promise).await;
            });
        }
    }
}

/// Copies `text`: the asynchronous Clipboard API where it is allowed, otherwise a hidden
/// text field and `document.execCommand("copy")`.
async fn copy_text(text: &str) -> bool {
    if let Some(clipboard) = navigator_member("clipboard") {
        let write = js_sys::Reflect::get(&clipboard, &"writeText".into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
        if let Some(write) = write {
            if let Ok(promise) = write.call1(&clipboard, &text.into()) {
                if let Ok(promise) = promise.dyn_into::<js_sys::Promise>() {
                    if JsFuture::from(promise).await.is_ok() {
                        return true;
                    }
                }
            }
        }
    }
    copy_with_text_field(text)
}

fn copy_with_text_field(text: &str) -> bool {
    let document = document();
    let (Ok(field), Some(body)) = (document.create_element("textarea"), document.body()) else {
        return false;
    };
    let _ = field.set_attribute("readonly", "");
    // Out of sight by a class, not an inline style (a strict CSP forbids those).
    let _ = field.set_attribute("class", "share__copy-field");
    let _ = js_sys::Reflect::set(&field, &"value".into(), &text.into());
    if body.append_child(&field).is_err() {
        return false;
    }
    let call = |target: &JsValue, name: &str, args: &js_sys::Array| {
        js_sys::Reflect::get(target, &name.into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
            .and_then(|f| f.apply(target, args).ok())
    };
    call(&field, "select", &js_sys::Array::new());
    let copied = call(
        &document,
        "execCommand",
        &js_sys::Array::of1(&"copy".into()),
    )
    .and_then(|v| v.as_bool())
    .unwrap_or(false);
    field.remove();
    copied
}
