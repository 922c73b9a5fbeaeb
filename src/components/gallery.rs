//! The article's photos: a grid of thumbnails that open the [`Lightbox`]. The open photo
//! lives in the URL (`#photo-2`): a shared link opens it directly, and the browser's back
//! button closes it. In a first-screen snapshot, before the app runs, each thumbnail is a
//! link to its photo (`data-plain-href`; scripts/snapshot.mjs adds a view without script).

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use super::lightbox::Lightbox;
use super::picture::Picture;
use crate::core::model::Image;
use crate::core::routes;
use crate::lang::use_lang;

#[component]
pub fn Gallery(images: Vec<Image>) -> impl IntoView {
    if images.is_empty() {
        return None;
    }
    let lang = use_lang();
    let count = images.len();
    let images = Arc::new(images);
    let from_hash =
        move || routes::photo_from_hash(&window().location().hash().unwrap_or_default(), count);
    let open = RwSignal::new(from_hash());
    // Whether the current history entry is one this gallery pushed (then closing is "back").
    let pushed = StoredValue::new(false);
    let listener = window_event_listener(leptos::ev::popstate, move |_| {
        pushed.try_set_value(false);
        open.try_set(from_hash());
    });
    on_cleanup(move || listener.remove());

    // After the dialog closes, focus returns to the thumbnail of the photo last shown.
    Effect::new(move |previous: Option<Option<usize>>| {
        let now = open.get();
        if let (Some(Some(shown)), None) = (previous, now) {
            // On the next frame: until the dialog has closed, the page behind it is inert.
            request_animation_frame(move || focus_thumbnail(shown));
        }
        now
    });

    let show = move |i: usize| {
        set_hash(Some(i), true);
        pushed.set_value(true);
        open.set(Some(i));
    };
    let go = move |i: usize| {
        set_hash(Some(i), false);
        open.set(Some(i));
    };
    let close = move || {
        if pushed.get_value() {
            // The popstate listener clears `open`.
            let _ = window().history().and_then(|h| h.back());
        } else {
            set_hash(None, false);
            open.set(None);
        }
    };

    let thumbs = images
        .iter()
        .enumerate()
        .map(|(i, img)| {
            let caption = img.caption.clone();
            let label = lang.open_photo(i + 1, count, &img.alt);
            view! {
                <li class="gallery__item" id=routes::photo_hash(i).trim_start_matches('#').to_owned()>
                    <figure class="gallery__figure">
                        <button
                            type="button"
                            class="gallery__open"
                            aria-label=label
                            data-plain-href=routes::photo_hash(i)
                            on:click=move |_| show(i)
                        >
                            <Picture image=img.clone() min_width=360 sizes="(min-width: 48em) 14rem, 45vw" />
                        </button>
                        {caption.map(|c| view! { <figcaption class="gallery__caption">{c}</figcaption> })}
                    </figure>
                </li>
            }
        })
        .collect_view();

    Some(view! {
        <section class="gallery" aria-labelledby="gallery-title">
            <h2 id="gallery-title" class="gallery__title">
                {lang.texts().photos}
                " "
                <span class="gallery__count">{format!("({})", lang.photo_count(count as u64))}</span>
            </h2>
            <ul class="gallery__grid">{thumbs}</ul>
            <Lightbox images open on_go=go on_close=close />
        </section>
    })
}

/// Puts `#photo-N` (or no fragment) into the address, as a new history entry or in place.
/// The path is spelled out: with `<base href>` a bare fragment would point at the site root.
fn set_hash(photo: Option<usize>, push: bool) {
    let location = window().location();
    let path = format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    let url = match photo {
        Some(i) => format!("{path}{}", routes::photo_hash(i)),
        None => path,
    };
    let Ok(history) = window().history() else {
        return;
    };
    let state = history.state().unwrap_or(JsValue::NULL);
    let _ = if push {
        history.push_state_with_url(&state, "", Some(&url))
    } else {
        history.replace_state_with_url(&state, "", Some(&url))
    };
}

fn focus_thumbnail(index: usize) {
    let selector = format!("{} .gallery__open", routes::photo_hash(index));
    if let Ok(Some(el)) = document().query_selector(&selector) {
        if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
    }
}
