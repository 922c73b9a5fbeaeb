//! The article's photos as a grid of thumbnails, each opening the full picture.

use leptos::prelude::*;

use super::picture::Picture;
use crate::core::model::Image;
use crate::core::plural::{self, PHOTOS};

#[component]
pub fn Gallery(images: Vec<Image>) -> impl IntoView {
    (!images.is_empty()).then(|| {
        let count = images.len() as u64;
        view! {
            <section class="gallery" aria-labelledby="gallery-title">
                <h2 id="gallery-title" class="gallery__title">
                    "Фотографии "
                    <span class="gallery__count">{format!("({})", plural::count(count, PHOTOS))}</span>
                </h2>
                <ul class="gallery__grid">
                    {images
                        .into_iter()
                        .map(|img| {
                            let caption = img.caption.clone();
                            let full = img.src.clone();
                            view! {
                                <li class="gallery__item">
                                    <figure class="gallery__figure">
                                        <a class="gallery__link" href=full target="_blank" rel="noopener">
                                            <Picture image=img min_width=360 sizes="(min-width: 48em) 14rem, 45vw" />
                                        </a>
                                        {caption.map(|c| view! { <figcaption class="gallery__caption">{c}</figcaption> })}
                                    </figure>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </section>
        }
    })
}
