//! Entities, tags and galleries out of backend HTML (`core::html`).

use proptest::prelude::*;
use vestnik::core::html::{decode_entities, summary, take_galleries, text};

#[test]
fn entities_decode_as_wordpress_writes_them() {
    assert_eq!(
        decode_entities(
            "&#171;Кузбасс&#187; &amp; ГУФСИН &#8212; it&#8217;s &laquo;да&raquo;&hellip;"
        ),
        "«Кузбасс» & ГУФСИН — it’s «да»…"
    );
    assert_eq!(decode_entities("&#x2014;&#X41;&nbsp;"), "—A\u{a0}");
    // Windows-1252 numbers old editors write for quotes.
    assert_eq!(decode_entities("&#147;x&#148;"), "“x”");
    // Unknown, unterminated or impossible references.
    assert_eq!(
        decode_entities("&bogus; & &amp &#; &#x;"),
        "&bogus; & &amp &#; &#x;"
    );
    assert_eq!(
        decode_entities("&#0;&#xD800;&#99999999;"),
        "\u{fffd}\u{fffd}\u{fffd}"
    );
}

#[test]
fn text_drops_tags_scripts_and_collapses_space() {
    assert_eq!(
        text("<em>Итоги</em> года&nbsp;<b>2020</b>"),
        "Итоги года\u{a0}2020"
    );
    assert_eq!(text("<p>a</p><p>b</p>"), "a b");
    assert_eq!(
        text("x<script>alert('<p>')</script>y<style>p{}</style>z"),
        "xyz"
    );
    assert_eq!(
        text("1 < 2 &lt;tag&gt;"),
        "1 < 2 <tag>",
        "decoded text is text, never markup"
    );
    assert_eq!(text("<!-- wp:paragraph -->a<!-- /wp:paragraph -->"), "a");
}

#[test]
fn summary_drops_the_read_more_tail() {
    assert_eq!(
        summary("<p>Турнир прошёл. [&hellip;]</p>\n"),
        "Турнир прошёл."
    );
    assert_eq!(summary("<p>Турнир прошёл [&hellip;]</p>"), "Турнир прошёл…");
    assert_eq!(summary("<p>Сто изделий &hellip;</p>"), "Сто изделий…");
    assert_eq!(summary("<p>Полный текст.</p>"), "Полный текст.");
}

#[test]
fn block_editor_gallery_becomes_photos_with_captions() {
    let body = r#"<p>До.</p>
<figure class="wp-block-gallery has-nested-images"><figure class="wp-block-image"><img width="1024" height="683" src="https://x/a-1024x683.webp" alt="Первое &amp; второе" srcset="https://x/a-1024x683.webp 1024w, https://x/a-480.webp 480w, https://x/a.webp 1200w" /><figcaption class="wp-element-caption">Подпись <em>один</em></figcaption></figure>
<figure class="wp-block-image"><img width="800" height="600" src="https://x/b.webp" alt="" /></figure><figcaption class="blocks-gallery-caption">Вся галерея</figcaption></figure>
<p>После.</p>"#;
    let g = take_galleries(body);
    assert_eq!(g.body, "<p>До.</p>\n\n<p>После.</p>");
    assert_eq!(g.photos.len(), 2);
    let a = &g.photos[0];
    assert_eq!(
        (a.src.as_str(), a.width, a.height),
        ("https://x/a-1024x683.webp", 1024, 683)
    );
    assert_eq!(a.alt, "Первое & второе");
    assert_eq!(a.caption.as_deref(), Some("Подпись один"));
    let widths: Vec<(u32, u32)> = a.sizes.iter().map(|r| (r.width, r.height)).collect();
    assert_eq!(
        widths,
        vec![(480, 320), (1200, 800)],
        "srcset heights follow the aspect ratio"
    );
    assert_eq!(
        g.photos[1].caption, None,
        "the gallery's own caption is not a photo's"
    );
}

#[test]
fn classic_gallery_shortcode_becomes_photos() {
    let body = "<p>a</p><style>#gallery-1{}</style><div id='gallery-1' class='gallery galleryid-5 gallery-columns-3'><figure class='gallery-item'><div class='gallery-icon landscape'><a href='https://x/p.webp'><img width=\"480\" height=\"320\" src=\"https://x/p-480.webp\" alt=\"Фото\" /></a></div><figcaption class='wp-caption-text gallery-caption'>\n Финал \n</figcaption></figure></div><p>b</p>";
    let g = take_galleries(body);
    assert_eq!(g.body, "<p>a</p><style>#gallery-1{}</style><p>b</p>");
    assert_eq!(g.photos.len(), 1);
    assert_eq!(g.photos[0].caption.as_deref(), Some("Финал"));
    assert_eq!(g.photos[0].width, 480);
}

#[test]
fn bodies_without_galleries_are_untouched() {
    for body in [
        "",
        "<p>text</p>",
        "<div class=\"galleryx\"><img src=a></div>",
        "a < b",
        "<figure><img src=a width=1 height=1></figure>",
    ] {
        let g = take_galleries(body);
        assert_eq!(g.body, body);
        assert!(g.photos.is_empty());
    }
    // Photos without a size cannot reserve room: left for the decoder to drop.
    let g = take_galleries("<div class=gallery><img src=a.webp></div>");
    assert!(g.photos.is_empty() && g.body.is_empty());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn never_panics_on_any_text(s in ".{0,200}") {
        let _ = text(&s);
        let _ = summary(&s);
        let _ = decode_entities(&s);
        let g = take_galleries(&s);
        prop_assert!(g.body.len() <= s.len());
    }

    #[test]
    fn never_panics_on_tag_soup(parts in proptest::collection::vec(prop_oneof![
        Just("<figure class=\"wp-block-gallery\">"), Just("</figure>"), Just("<div class='gallery'>"),
        Just("</div>"), Just("<img width=10 height=10 src=x srcset=\"a 1w, b\">"), Just("<figcaption>"),
        Just("</figcaption>"), Just("&#"), Just("&amp"), Just("<"), Just(">"), Just("\""), Just("'"),
        Just("<!--"), Just("-->"), Just("<script>"), Just("текст"), Just("="),
    ], 0..40)) {
        let s: String = parts.concat();
        let _ = text(&s);
        let g = take_galleries(&s);
        prop_assert!(g.body.len() <= s.len());
        // Text never contains a tag that was in the input as markup.
        prop_assert!(!text(&s).contains("<img"));
    }
}
