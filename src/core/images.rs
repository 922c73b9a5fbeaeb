//! Responsive image attributes from the model.

use super::model::Image;

/// `srcset` listing the image and its renditions by width, smallest first; `None` when
/// there is nothing to choose between.
pub fn srcset(image: &Image) -> Option<String> {
    if image.sizes.is_empty() {
        return None;
    }
    let mut candidates: Vec<(u32, &str)> = image
        .sizes
        .iter()
        .map(|r| (r.width, r.src.as_str()))
        .chain([(image.width, image.src.as_str())])
        .collect();
    candidates.sort_by_key(|(w, _)| *w);
    candidates.dedup_by_key(|(w, _)| *w);
    let list: Vec<String> = candidates
        .into_iter()
        .map(|(w, src)| format!("{} {w}w", escape_srcset_url(src)))
        .collect();
    Some(list.join(", "))
}

/// The smallest rendition at least `min_width` wide (or the largest there is), for a
/// thumbnail's `src` where `srcset` is not understood.
pub fn at_least(image: &Image, min_width: u32) -> (&str, u32, u32) {
    let mut all: Vec<(u32, u32, &str)> = image
        .sizes
        .iter()
        .map(|r| (r.width, r.height, r.src.as_str()))
        .chain([(image.width, image.height, image.src.as_str())])
        .collect();
    all.sort_by_key(|(w, _, _)| *w);
    let pick = all
        .iter()
        .find(|(w, _, _)| *w >= min_width)
        .or(all.last())
        .copied()
        .unwrap_or((image.width, image.height, image.src.as_str()));
    (pick.2, pick.0, pick.1)
}

/// Commas and spaces separate candidates in `srcset`; encode them inside a URL.
fn escape_srcset_url(url: &str) -> String {
    url.replace(' ', "%20").replace(',', "%2C")
}
