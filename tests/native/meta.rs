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
