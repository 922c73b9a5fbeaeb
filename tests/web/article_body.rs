//! The article body sanitizer in a real browser: hostile HTML goes in, nothing that can
//! run comes out, and the article's text and structure survive.

use leptos::prelude::*;
use vestnik::components::article_body::{sanitize_into, ArticleBody};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

use super::{all, container, one};

const HOSTILE: &str = r##"
<h1>Заголовок внутри текста</h1>
<p onclick="window.__xss=1" style="background:url(https://evil.example/x)" class="x" id="y">Первый <strong>абзац</strong>.</p>
<script>window.__xss = 2</script>
<img src="x" onerror="window.__xss=3" alt="картинка" width="640" height="480">
<a href="javascript:window.__xss=4">скрипт</a>
<a href="https://fsin.gov.ru/" target="_blank">ФСИН</a>
<a href="#note">сноска</a>
<img src="y" alt="#1 в рейтинге" title="#выборы">
<svg><script>window.__xss=5</script><a xlink:href="javascript:alert(1)">svg</a></svg>
<math><mi xlink:href="javascript:alert(1)">m</mi></math>
<iframe src="https://evil.example"></iframe>
<form action="https://evil.example"><button formaction="javascript:alert(1)">Отправить</button></form>
<font color="red">Текст в font</font>
<meta http-equiv="refresh" content="0;url=https://evil.example">
<noscript><p title="</noscript><img src=x onerror=window.__xss=6>"></p></noscript>
<table><tr><td colspan="2" onmouseover="x">ячейка</td></tr></table>
"##;

fn xss_flag() -> JsValue {
    js_sys::Reflect::get(&window(), &JsValue::from_str("__xss")).unwrap()
}

#[wasm_bindgen_test]
async fn hostile_markup_is_rebuilt_from_the_allowlist() {
    let root = container();
    let _handle = leptos::mount::mount_to(root.clone(), || {
        view! { <ArticleBody html=HOSTILE base="https://b.example/api/" page_path="/news/1" /> }
    });
    leptos::task::tick().await;
    let body = one(&root, ".article-body");

    // Nothing executable, nothing that loads from elsewhere on its own.
    for selector in [
        "script", "iframe", "form", "button", "svg", "math", "meta", "style", "noscript", "h1",
    ] {
        assert!(
            all(&body, selector).is_empty(),
            "{selector} survived: {}",
            body.inner_html()
        );
    }
    for element in all(&body, "*") {
        let names = element.get_attribute_names();
        for name in names.iter().filter_map(|n| n.as_string()) {
            assert!(
                !name.starts_with("on"),
                "handler {name} survived on {}",
                element.outer_html()
            );
            assert!(
                !["style", "class", "id", "target", "formaction"].contains(&name.as_str()),
                "{name} survived"
            );
        }
    }
    for a in all(&body, "a") {
        let href = a.get_attribute("href").unwrap_or_default();
        assert!(
            !href.to_ascii_lowercase().contains("javascript"),
            "unsafe href {href}"
        );
    }

    // The article itself is intact.
    assert_eq!(
        one(&body, "h2").text_content().unwrap(),
        "Заголовок внутри текста"
    );
    assert_eq!(one(&body, "p strong").text_content().unwrap(), "абзац");
    let img = one(&body, "img");
    assert_eq!(
        img.get_attribute("src").as_deref(),
        Some("https://b.example/api/x")
    );
    assert_eq!(img.get_attribute("alt").as_deref(), Some("картинка"));
    assert_eq!(img.get_attribute("loading").as_deref(), Some("lazy"));
    let external = all(&body, "a")
        .into_iter()
        .find(|a| a.text_content().as_deref() == Some("ФСИН"))
        .unwrap();
    assert_eq!(
        external.get_attribute("rel").as_deref(),
        Some("noopener noreferrer")
    );
    let note = all(&body, "a")
        .into_iter()
        .find(|a| a.text_content().as_deref() == Some("сноска"))
        .unwrap();
    assert_eq!(note.get_attribute("href").as_deref(), Some("/news/1#note"));
    // Only links are anchored to the page: text that starts with `#` stays as it is.
    let tagged = all(&body, "img")
        .into_iter()
        .find(|i| i.get_attribute("alt").as_deref() == Some("#1 в рейтинге"))
        .expect("an image whose alt starts with #");
    assert_eq!(tagged.get_attribute("title").as_deref(), Some("#выборы"));
    assert!(
        body.text_content().unwrap().contains("Текст в font"),
        "unknown wrappers keep their text"
    );
    assert_eq!(
        one(&body, "td").get_attribute("colspan").as_deref(),
        Some("2")
    );

    // And nothing ran, now or after the browser had a chance to load the image.
    gloo_timers::future::TimeoutFuture::new(50).await;
    assert!(
        xss_flag().is_undefined(),
        "a script ran: window.__xss = {:?}",
        xss_flag()
    );
}

#[wasm_bindgen_test]
fn deep_nesting_is_flattened_not_fatal() {
    let root = container();
    let html = "<div>".repeat(5_000) + "глубоко" + &"</div>".repeat(5_000);
    sanitize_into(&root, &html, "", "/news/1");
    assert!(root.text_content().unwrap().contains("глубоко"));
    assert!(all(&root, "div").len() <= vestnik::core::sanitize::MAX_DEPTH);
}

#[wasm_bindgen_test]
fn plain_text_and_empty_bodies_are_fine() {
    let root = container();
    sanitize_into(&root, "Просто текст без разметки", "", "/news/1");
    assert_eq!(root.text_content().unwrap(), "Просто текст без разметки");
    sanitize_into(&root, "", "", "/news/1");
    assert_eq!(root.child_nodes().length(), 0);
}

/// The shared corpus of known XSS vectors (tests/fixtures/xss-vectors.json), one at a time
/// into the live document: nothing runs and nothing dangerous survives.
#[wasm_bindgen_test]
async fn the_xss_corpus_neither_runs_nor_survives() {
    let vectors: Vec<String> =
        serde_json::from_str(include_str!("../fixtures/xss-vectors.json")).unwrap();
    assert!(
        vectors.len() >= 100,
        "the corpus has {} vectors",
        vectors.len()
    );
    let root = container();
    for (n, vector) in vectors.iter().enumerate() {
        sanitize_into(&root, vector, "https://b.example/api/", "/news/1");
        assert_safe(&root, n, vector);
    }
    // Give images, frames and timers a chance to fire before checking the flag.
    gloo_timers::future::TimeoutFuture::new(300).await;
    assert!(
        xss_flag().is_undefined(),
        "a vector ran: window.__xss = {:?}",
        xss_flag()
    );
}

fn assert_safe(root: &web_sys::Element, n: usize, vector: &str) {
    for el in all(root, "*") {
        let tag = el.local_name();
        assert!(
            ![
                "script", "iframe", "object", "embed", "svg", "math", "form", "input", "button",
                "style", "link", "meta", "base", "template", "frameset", "portal", "video",
                "audio", "select", "textarea", "details", "marquee"
            ]
            .contains(&tag.as_str()),
            "vector {n} left <{tag}>: {vector}"
        );
        for name in el
            .get_attribute_names()
            .iter()
            .filter_map(|a| a.as_string())
        {
            assert!(!name.starts_with("on"), "vector {n} left {name}: {vector}");
            assert!(
                ![
                    "style",
                    "srcset",
                    "formaction",
                    "background",
                    "srcdoc",
                    "xlink:href",
                    "action",
                    // DOM clobbering: no element may name itself into `window`.
                    "id",
                    "name",
                    "form",
                    "is",
                    "ping",
                    "cite",
                    "longdesc"
                ]
                .contains(&name.as_str()),
                "vector {n} left {name}: {vector}"
            );
            let value = el
                .get_attribute(&name)
                .unwrap_or_default()
                .to_ascii_lowercase();
            let squeezed: String = value.chars().filter(|c| !c.is_whitespace()).collect();
            for scheme in ["javascript:", "vbscript:", "data:"] {
                assert!(
                    !squeezed.starts_with(scheme),
                    "vector {n} left {name}={value}: {vector}"
                );
            }
        }
    }
}

/// Sanitizing what the sanitizer produced changes nothing (the output is a fixed point):
/// every corpus vector, the hostile sample, and generated tag soup.
#[wasm_bindgen_test]
fn sanitizing_twice_equals_sanitizing_once() {
    let vectors: Vec<String> =
        serde_json::from_str(include_str!("../fixtures/xss-vectors.json")).unwrap();
    let root = container();
    let base = "https://b.example/api/";
    let once = |html: &str| {
        sanitize_into(&root, html, base, "/news/1");
        root.inner_html()
    };
    let mut inputs: Vec<String> = vectors.clone();
    inputs.push(HOSTILE.to_owned());
    inputs.extend(tag_soup(400));
    for (n, input) in inputs.iter().enumerate() {
        let first = once(input);
        let second = once(&first);
        assert_eq!(first, second, "input {n} is not a fixed point: {input}");
    }
}

/// Deterministic random markup from pieces that stress the parser and the allowlist
/// (a small xorshift generator: proptest does not run in the browser).
fn tag_soup(cases: usize) -> Vec<String> {
    const PIECES: &[&str] = &[
        "<p>",
        "</p>",
        "<a href=\"https://x.example/a?b=1&amp;c=2\">",
        "</a>",
        "<a href=\"javascript:x\">",
        "<img src=\"a.webp\" width=\"10\" height=\"10\" alt=\"фото\">",
        "<strong>",
        "</strong>",
        "<table>",
        "<tr>",
        "<td colspan=2>",
        "</table>",
        "<ul>",
        "<li>",
        "</ul>",
        "<svg>",
        "</svg>",
        "<math>",
        "<style>",
        "</style>",
        "<script>",
        "</script>",
        "<!--",
        "-->",
        "<noscript>",
        "</noscript>",
        "<h1>",
        "</h1>",
        "<figure>",
        "<figcaption>",
        "</figure>",
        "<br>",
        "текст",
        " & ",
        "&lt;",
        "&amp;",
        "\"",
        "'",
        "<",
        ">",
        "<blockquote>",
        "<q>",
        "<time datetime=\"2020-12-01\">",
        "<div dir=rtl lang=ar>",
        "</div>",
        "<textarea>",
        "<template>",
        "<select><option>",
    ];
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    (0..cases)
        .map(|_| {
            let len = (next() % 24) as usize;
            (0..len)
                .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
                .collect()
        })
        .collect()
}
