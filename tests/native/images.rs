//! Native tests of `core::images`.

use vestnik::core::images::*;
use vestnik::core::model::{Image, Rendition};

fn photo(sizes: Vec<Rendition>) -> Image {
    Image {
        src: "api/media/p-1200.webp".into(),
        width: 1200,
        height: 800,
        alt: "Фото".into(),
        caption: None,
        sizes,
    }
}

fn rendition(src: &str, width: u32) -> Rendition {
    Rendition {
        src: src.into(),
        width,
        height: width * 2 / 3,
    }
}

#[test]
fn lists_every_width_once_smallest_first() {
    let img = photo(vec![
        rendition("api/media/p-400.webp", 400),
        rendition("a b,c.webp", 800),
        rendition("dup.webp", 1200),
    ]);
    assert_eq!(
        srcset(&img).as_deref(),
        Some("api/media/p-400.webp 400w, a%20b%2Cc.webp 800w, dup.webp 1200w")
    );
}

#[test]
fn no_srcset_without_renditions() {
    assert_eq!(srcset(&photo(vec![])), None);
}

#[test]
fn picks_the_smallest_rendition_wide_enough() {
    let img = photo(vec![rendition("s.webp", 400), rendition("m.webp", 800)]);
    assert_eq!(at_least(&img, 300), ("s.webp", 400, 266));
    assert_eq!(at_least(&img, 500), ("m.webp", 800, 533));
    assert_eq!(at_least(&img, 5000), ("api/media/p-1200.webp", 1200, 800));
    assert_eq!(
        at_least(&photo(vec![]), 100),
        ("api/media/p-1200.webp", 1200, 800)
    );
}
