//! Shared components: error panel, news list, breadcrumbs, pager, gallery.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use chrono::{DateTime, FixedOffset};
use leptos::prelude::*;
use vestnik::api::ApiError;
use vestnik::components::breadcrumbs::{Breadcrumbs, Crumb};
use vestnik::components::error_panel::ErrorPanel;
use vestnik::components::gallery::Gallery;
use vestnik::components::news_list::NewsList;
use vestnik::components::pager::Pager;
use vestnik::core::i18n::Lang;
use vestnik::core::model::{Image, NewsItem, Rendition, Rubric};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;

use super::{all, container, one};

fn kemerovo() -> FixedOffset {
    FixedOffset::east_opt(7 * 3600).unwrap()
}

fn item(id: &str, title: &str, published: &str, thumbnail: Option<Image>) -> NewsItem {
    NewsItem {
        id: id.into(),
        title: title.into(),
        published: DateTime::parse_from_rfc3339(published).unwrap(),
        summary: format!("Кратко: {title}"),
        thumbnail,
        rubrics: vec![Rubric {
            id: "sport".into(),
            title: "Спорт".into(),
        }],
    }
}

fn photo(alt: &str) -> Image {
    Image {
        src: "api/media/p.webp".into(),
        width: 1200,
        height: 800,
        alt: alt.into(),
        caption: Some("Подпись".into()),
        sizes: vec![Rendition {
            src: "api/media/p-480.webp".into(),
            width: 480,
            height: 320,
        }],
    }
}

#[wasm_bindgen_test]
async fn error_panel_explains_and_retries() {
    let root = container();
    let retries = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&retries);
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <ErrorPanel
                title="Не удалось загрузить новости"
                error=ApiError::Status(503)
                on_retry=move || { counter.fetch_add(1, Ordering::SeqCst); }
            />
        }
    });
    let panel = one(&root, ".error-panel");
    assert_eq!(panel.get_attribute("role").as_deref(), Some("alert"));
    assert_eq!(
        one(&root, "h2").text_content().unwrap(),
        "Не удалось загрузить новости"
    );
    assert!(panel.text_content().unwrap().contains("код 503"));
    let button = one(&root, "button").unchecked_into::<web_sys::HtmlElement>();
    assert_eq!(button.text_content().unwrap().trim(), "Повторить");
    button.click();
    button.click();
    leptos::task::tick().await;
    assert_eq!(retries.load(Ordering::SeqCst), 2);
}

#[wasm_bindgen_test]
fn error_panel_shows_format_details_on_request() {
    let root = container();
    let _handle = leptos::mount::mount_to(root.clone(), || {
        view! { <ErrorPanel title="Ошибка" error=ApiError::Format("expected u32".into()) on_retry=|| {} /> }
    });
    assert!(one(&root, ".error-panel__message")
        .text_content()
        .unwrap()
        .contains("неожиданном формате"));
    assert_eq!(
        one(&root, "details p").text_content().unwrap(),
        "expected u32"
    );
}

#[wasm_bindgen_test]
fn news_list_renders_semantic_previews_on_the_sites_clock() {
    let root = container();
    let items = vec![
        item(
            "10560",
            "Первая новость",
            "2020-12-01T02:30:00Z",
            Some(photo("Фото к первой")),
        ),
        item("a/b", "Вторая новость", "2020-11-30T20:00:00+03:00", None),
    ];
    let _handle = leptos::mount::mount_to(
        root.clone(),
        move || view! { <NewsList items site_offset=kemerovo() /> },
    );
    let cards = all(&root, "ul.news-list > li.news-card");
    assert_eq!(cards.len(), 2);
    let link = one(&cards[0], "h2 a");
    assert_eq!(link.get_attribute("href").as_deref(), Some("news/10560"));
    assert_eq!(link.text_content().unwrap(), "Первая новость");
    let time = one(&cards[0], "time");
    assert_eq!(time.text_content().unwrap(), "1 декабря 2020, 09:30");
    assert_eq!(
        time.get_attribute("datetime").as_deref(),
        Some("2020-12-01T09:30:00+07:00")
    );
    let img = one(&cards[0], "img");
    assert_eq!(img.get_attribute("alt").as_deref(), Some("Фото к первой"));
    assert_eq!(
        img.get_attribute("src").as_deref(),
        Some("api/media/p-480.webp")
    );
    assert_eq!(
        (
            img.get_attribute("width").as_deref(),
            img.get_attribute("height").as_deref()
        ),
        (Some("480"), Some("320"))
    );
    assert_eq!(img.get_attribute("loading").as_deref(), Some("lazy"));
    assert_eq!(
        img.get_attribute("srcset").as_deref(),
        Some("api/media/p-480.webp 480w, api/media/p.webp 1200w")
    );
    assert_eq!(
        one(&cards[0], ".rubrics li").text_content().unwrap(),
        "Спорт"
    );
    // Moscow 20:00 on 30 November is already 1 December in Kemerovo; odd ids are encoded.
    assert_eq!(
        one(&cards[1], "time").text_content().unwrap(),
        "1 декабря 2020, 00:00"
    );
    assert_eq!(
        one(&cards[1], "h2 a").get_attribute("href").as_deref(),
        Some("news/a%2Fb")
    );
    assert!(cards[1].query_selector("img").unwrap().is_none());
}

#[wasm_bindgen_test]
fn breadcrumbs_mark_the_current_page() {
    let root = container();
    let crumbs = vec![
        Crumb::link("Главная", "/"),
        Crumb::link("Новости", "/news"),
        Crumb::here("Статья"),
    ];
    let _handle = leptos::mount::mount_to(root.clone(), move || view! { <Breadcrumbs crumbs /> });
    assert_eq!(
        one(&root, "nav").get_attribute("aria-label").as_deref(),
        Some("Навигационная цепочка")
    );
    let items = all(&root, "ol > li");
    assert_eq!(items.len(), 3);
    assert_eq!(all(&root, "ol a").len(), 2);
    assert_eq!(
        one(&root, "[aria-current=page]").text_content().unwrap(),
        "Статья"
    );
}

#[wasm_bindgen_test]
fn pager_numbers_pages_with_a_window_and_hides_for_one_page() {
    let root = container();
    let _handle = leptos::mount::mount_to(root.clone(), || {
        view! { <Pager page=8 pages=16 href=|n: u32| format!("/news?page={n}") /> }
    });
    let texts: Vec<_> = all(&root, "nav li")
        .iter()
        .map(|li| li.text_content().unwrap())
        .collect();
    assert_eq!(texts, ["1", "…", "7", "8", "9", "…", "16"]);
    let current = one(&root, "[aria-current=page]");
    assert_eq!(current.text_content().unwrap(), "8");
    assert_eq!(
        one(&root, "a[rel=prev]").get_attribute("href").as_deref(),
        Some("/news?page=7")
    );
    assert_eq!(
        one(&root, "a[rel=next]").get_attribute("href").as_deref(),
        Some("/news?page=9")
    );
    assert_eq!(
        one(&root, "a[rel=next]").text_content().unwrap(),
        "Следующая страница »"
    );

    let single = container();
    let _h2 = leptos::mount::mount_to(
        single.clone(),
        || view! { <Pager page=1 pages=1 href=|n: u32| n.to_string() /> },
    );
    assert!(single.query_selector("nav").unwrap().is_none());
}

#[wasm_bindgen_test]
fn gallery_reserves_space_and_describes_each_photo() {
    let root = container();
    let _handle = leptos::mount::mount_to(
        root.clone(),
        || view! { <Gallery images=vec![photo("Один"), photo("Два")] /> },
    );
    assert!(one(&root, "h2")
        .text_content()
        .unwrap()
        .contains("2 фотографии"));
    let imgs = all(&root, "figure img");
    assert_eq!(imgs.len(), 2);
    for img in &imgs {
        assert!(img.get_attribute("width").is_some() && img.get_attribute("height").is_some());
        assert!(!img.get_attribute("alt").unwrap().is_empty());
    }
    assert_eq!(all(&root, "figcaption").len(), 2);

    let empty = container();
    let _h2 = leptos::mount::mount_to(empty.clone(), || view! { <Gallery images=vec![] /> });
    assert_eq!(empty.child_element_count(), 0, "no photos, no gallery");
}

#[wasm_bindgen_test]
fn components_speak_the_language_in_context() {
    let root = container();
    let _handle = leptos::mount::mount_to(root.clone(), || {
        provide_context(Lang::En);
        view! {
            <Pager page=2 pages=3 href=|n: u32| format!("/news?page={n}") />
            <Gallery images=vec![photo("Один")] />
            <NewsList
                items=vec![item("1", "Заголовок", "2020-12-01T02:30:00Z", None)]
                site_offset=kemerovo()
            />
        }
    });
    assert_eq!(
        one(&root, "nav").get_attribute("aria-label").as_deref(),
        Some("List pages")
    );
    assert_eq!(
        one(&root, "a[rel=next]").text_content().unwrap(),
        "Next page »"
    );
    assert_eq!(
        one(&root, "[aria-current=page]")
            .get_attribute("aria-label")
            .as_deref(),
        Some("Page 2, current")
    );
    assert!(one(&root, "h2")
        .text_content()
        .unwrap()
        .contains("(1 photo)"));
    assert_eq!(
        one(&root, ".gallery__open")
            .get_attribute("aria-label")
            .as_deref(),
        Some("Open photo 1 of 1: Один")
    );
    assert_eq!(
        one(&root, "time").text_content().unwrap(),
        "1 December 2020, 09:30"
    );
}
