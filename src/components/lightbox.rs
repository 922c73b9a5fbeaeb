//! The photo viewer: a modal `<dialog>` with the large picture, its caption, "2 из 4",
//! previous/next, a link to the original and a close button.
//!
//! `showModal()` makes the rest of the page inert, so focus stays inside; ←/→, Home/End
//! move between photos, Esc closes, a horizontal swipe turns the page on touch screens.
//! The neighbouring photos are preloaded. Which photo is open belongs to the caller
//! (`Gallery`), which keeps it in the URL.

use std::sync::Arc;

use leptos::html::Dialog;
use leptos::prelude::*;

use crate::core::images;
use crate::core::model::Image;
use crate::lang::use_lang;

/// A horizontal movement longer than this, in CSS pixels, is a swipe.
const SWIPE_PX: f64 = 50.0;

#[component]
pub fn Lightbox(
    images: Arc<Vec<Image>>,
    #[prop(into)] open: Signal<Option<usize>>,
    #[prop(into)] on_go: Callback<usize>,
    #[prop(into)] on_close: Callback<()>,
) -> impl IntoView {
    let lang = use_lang();
    let t = lang.texts();
    let count = images.len();
    let dialog = NodeRef::<Dialog>::new();
    let close_button = NodeRef::<leptos::html::Button>::new();
    let swipe_from = StoredValue::new(None::<f64>);

    // Open or close the native dialog to match the state; focus moves in on opening.
    // A dialog not yet in the document cannot be shown: try again on the next frame
    // (a deep link to `#photo-2` opens before the page has been attached).
    let sync = move || {
        let Some(el) = dialog.try_get_untracked().flatten() else {
            return true;
        };
        if !el.is_connected() {
            return false;
        }
        match open.try_get_untracked().flatten() {
            Some(_) if !el.open() && el.show_modal().is_ok() => {
                if let Some(button) = close_button.try_get_untracked().flatten() {
                    let _ = button.focus();
                }
            }
            None if el.open() => el.close(),
            _ => {}
        }
        true
    };
    Effect::new(move |_| {
        open.track();
        dialog.track();
        if !sync() {
            request_animation_frame(move || {
                sync();
            });
        }
    });
    // Preload the neighbours so ← and → show their photo at once.
    Effect::new({
        let images = Arc::clone(&images);
        move |_| {
            let Some(i) = open.get() else {
                return;
            };
            for j in [i.checked_sub(1), i.checked_add(1)].into_iter().flatten() {
                if let (Some(img), Ok(preload)) = (images.get(j), web_sys::HtmlImageElement::new())
                {
                    preload.set_src(&img.src);
                }
            }
        }
    });

    let go = move |to: Option<usize>| {
        if let Some(to) = to.filter(|t| *t < count) {
            on_go.run(to);
        }
    };
    let step_back = move || open.get_untracked().and_then(|i| i.checked_sub(1));
    let step_on = move || open.get_untracked().map(|i| i + 1);
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Tab" {
            if let Some(el) = dialog.get_untracked() {
                trap_focus(&el, &ev);
            }
            return;
        }
        let to = match ev.key().as_str() {
            "ArrowLeft" => step_back(),
            "ArrowRight" => step_on(),
            "Home" => Some(0),
            "End" => count.checked_sub(1),
            _ => return,
        };
        ev.prevent_default();
        go(to);
    };

    let photo = {
        let images = Arc::clone(&images);
        move || {
            let i = open.get()?;
            let img = images.get(i)?.clone();
            let caption = img
                .caption
                .clone()
                .filter(|c| !c.trim().is_empty())
                .unwrap_or_else(|| img.alt.clone());
            Some(view! {
                <p class="lightbox__counter" id="lightbox-counter">{lang.n_of(i + 1, count)}</p>
                <figure class="lightbox__figure">
                    <img
                        class="lightbox__image"
                        src=img.src.clone()
                        srcset=images::srcset(&img)
                        sizes="100vw"
                        width=img.width
                        height=img.height
                        alt=img.alt.clone()
                        draggable="false"
                    />
                    {(!caption.is_empty()).then(|| view! { <figcaption class="lightbox__caption">{caption}</figcaption> })}
                </figure>
                <a class="lightbox__original" href=img.src target="_blank" rel="noopener noreferrer">
                    {t.open_original}
                </a>
            })
        }
    };

    view! {
        <dialog
            class="lightbox"
            node_ref=dialog
            aria-label=t.photo_viewer
            aria-describedby="lightbox-counter"
            on:keydown=on_keydown
            // Esc: close through the caller, so the URL follows.
            on:cancel=move |ev: leptos::ev::Event| {
                ev.prevent_default();
                on_close.run(());
            }
            on:close=move |_| {
                if open.get_untracked().is_some() {
                    on_close.run(());
                }
            }
            on:pointerdown=move |ev: leptos::ev::PointerEvent| swipe_from.set_value(Some(f64::from(ev.client_x())))
            on:pointercancel=move |_| swipe_from.set_value(None)
            on:pointerup=move |ev: leptos::ev::PointerEvent| {
                if let Some(from) = swipe_from.get_value() {
                    swipe_from.set_value(None);
                    let dx = f64::from(ev.client_x()) - from;
                    if dx <= -SWIPE_PX {
                        go(step_on());
                    } else if dx >= SWIPE_PX {
                        go(step_back());
                    }
                }
            }
        >
            <div class="lightbox__body">{photo}</div>
            <button
                type="button"
                class="lightbox__nav lightbox__nav--prev"
                aria-label=t.previous_photo
                disabled=move || open.get().is_none_or(|i| i == 0)
                on:click=move |_| go(step_back())
            >
                "‹"
            </button>
            <button
                type="button"
                class="lightbox__nav lightbox__nav--next"
                aria-label=t.next_photo
                disabled=move || open.get().is_none_or(|i| i + 1 >= count)
                on:click=move |_| go(step_on())
            >
                "›"
            </button>
            <button
                type="button"
                class="lightbox__close"
                aria-label=t.close_viewer
                node_ref=close_button
                on:click=move |_| on_close.run(())
            >
                "×"
            </button>
        </dialog>
    }
}

/// Keeps Tab and Shift+Tab cycling inside the dialog instead of leaving for the browser's
/// own controls.
fn trap_focus(dialog: &web_sys::HtmlDialogElement, ev: &leptos::ev::KeyboardEvent) {
    use wasm_bindgen::JsCast;
    let Ok(list) = dialog.query_selector_all("a[href], button:not([disabled])") else {
        return;
    };
    let items: Vec<web_sys::HtmlElement> = (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into().ok())
        .collect();
    let (Some(first), Some(last)) = (items.first(), items.last()) else {
        return;
    };
    let active = document().active_element();
    let is = |el: &web_sys::HtmlElement| {
        active
            .as_ref()
            .is_some_and(|a| a == el.unchecked_ref::<web_sys::Element>())
    };
    if ev.shift_key() && is(first) {
        ev.prevent_default();
        let _ = last.focus();
    } else if !ev.shift_key() && is(last) {
        ev.prevent_default();
        let _ = first.focus();
    }
}
