//! Native tests of `core::meta`.

use chrono::DateTime;
use vestnik::core::meta::*;
use vestnik::core::model::{Article, Site};

fn article(title: &str, summary: &str) -> Article {
    Article {
        id: "1".into(),
        title: title.into(),
        published: DateTime::parse_from_rfc3339("2020-12-01T09:30:00+07:00").unwrap(),
        updated: Some(DateTime::parse_from_rfc3339("2020-12-01T09:56:00+07:00").unwrap()),
        summary: summary.into(),
        rubrics: vec![],
        body_html: String::new(),
        gallery: vec![],
        signature: None,
        previous: None,
        next: None,
        related: vec![],
    }
}

fn site() -> Site {
    serde_json::from_str(r#"{"name":"Пресс-служба"}"#).unwrap()
}

#[test]
fn description_prefers_the_summary_and_cuts_at_a_word() {
    assert_eq!(description(&article("Заголовок", "  Кратко.  ")), "Кратко.");
    assert_eq!(description(&article("Заголовок", "")), "Заголовок");
    let long = "слово ".repeat(100);
    let d = description(&article("t", &long));
    assert!(d.chars().count() <= DESCRIPTION_CHARS);
    assert!(d.ends_with("слово…"), "{d}");
}

#[test]
fn json_ld_describes_the_news_article() {
    let ld = news_article_ld(
        &article("Итоги года", "Кратко"),
        &site(),
        "https://press.example/news/1",
        &["https://press.example/api/media/a.webp".into()],
        Some("https://press.example/api/media/emblem.svg"),
    );
    let v: serde_json::Value = serde_json::from_str(&ld).unwrap();
    assert_eq!(v["@type"], "NewsArticle");
    assert_eq!(v["headline"], "Итоги года");
    assert_eq!(v["datePublished"], "2020-12-01T09:30:00+07:00");
    assert_eq!(v["dateModified"], "2020-12-01T09:56:00+07:00");
    assert_eq!(v["image"][0], "https://press.example/api/media/a.webp");
    assert_eq!(v["publisher"]["name"], "Пресс-служба");
    assert_eq!(
        v["publisher"]["logo"]["url"],
        "https://press.example/api/media/emblem.svg"
    );
    assert_eq!(v["mainEntityOfPage"], "https://press.example/news/1");
}

#[test]
fn json_ld_cannot_close_its_script_element() {
    let ld = news_article_ld(
        &article("</script><script>alert(1)</script>", ""),
        &site(),
        "u",
        &[],
        None,
    );
    assert!(!ld.contains('<') && !ld.contains('>'));
    let v: serde_json::Value = serde_json::from_str(&ld).unwrap();
    assert_eq!(
        v["headline"], "</script><script>alert(1)</script>",
        "still the same text once parsed"
    );
}

proptest::proptest! {
    /// Whatever the backend sends as titles, summaries and names, the JSON-LD is valid JSON
    /// that gives the same text back and cannot close its script element.
    #[test]
    fn json_ld_is_valid_json_for_any_text(title in "\\PC{0,60}", summary in "\\PC{0,60}", name in "\\PC{0,30}", url in "\\PC{0,30}") {
        let mut site = site();
        site.name = name.clone();
        let ld = news_article_ld(&article(&title, &summary), &site, &url, &[url.clone(), "b".into()], Some(&url));
        proptest::prop_assert!(!ld.contains('<') && !ld.contains('>'));
        let v: serde_json::Value = serde_json::from_str(&ld).unwrap();
        proptest::prop_assert_eq!(v["headline"].as_str(), Some(title.as_str()));
        proptest::prop_assert_eq!(v["author"]["name"].as_str(), Some(name.as_str()));
        proptest::prop_assert_eq!(v["image"][1].as_str(), Some("b"));
        proptest::prop_assert_eq!(v["url"].as_str(), Some(url.as_str()));
        proptest::prop_assert_eq!(v["publisher"]["logo"]["url"].as_str(), Some(url.as_str()));
    }
}
