//! `<Picture>`: a model image as a responsive, lazy `<img>` that reserves its space.

use leptos::prelude::*;

use crate::core::images;
use crate::core::model::Image;

/// Uses the smallest rendition at least `min_width` pixels wide as `src` (for browsers
/// that ignore `srcset`), lists every rendition in `srcset`, and always sets the
/// intrinsic `width`/`height` so the layout does not shift while it loads.
#[component]
pub fn Picture(
    image: Image,
    /// The narrowest rendition worth using as the fallback `src`, in pixels.
    min_width: u32,
    /// The `sizes` attribute: how wide the picture is drawn.
    sizes: &'static str,
) -> impl IntoView {
    let (src, width, height) = images::at_least(&image, min_width);
    let src = src.to_owned();
    // In the "images hidden" setting of the version for the visually impaired, this
    // description takes the picture's place (style/vi.css).
    let description = (!image.alt.trim().is_empty()).then(|| image.alt.clone());
    view! {
        <img
            src=src
            srcset=images::srcset(&image)
            sizes=sizes
            width=width
            height=height
            alt=image.alt
            loading="lazy"
            decoding="async"
        />
        {description.map(|d| view! { <span class="img-alt" aria-hidden="true">{d}</span> })}
    }
}
