//! Native tests of `core::sanitize` (the policy; the DOM walk is tested in `tests/web`).

use vestnik::core::sanitize::*;

#[test]
fn keeps_the_text_structure_of_an_article() {
    for tag in [
        "p",
        "strong",
        "em",
        "ul",
        "ol",
        "li",
        "a",
        "img",
        "table",
        "td",
        "blockquote",
    ] {
        assert_eq!(element_action(tag), Action::Keep(tag), "{tag}");
    }
    assert_eq!(element_action("h1"), Action::Keep("h2"));
}

#[test]
fn drops_code_and_foreign_content_whole() {
    for tag in [
        "script", "style", "iframe", "object", "embed", "svg", "math", "template", "meta", "link",
        "base", "form", "textarea", "noscript",
    ] {
        assert_eq!(element_action(tag), Action::Drop, "{tag}");
    }
}

#[test]
fn unwraps_unknown_wrappers() {
    for tag in ["font", "center", "o:p", "custom-element", "nobr"] {
        assert_eq!(element_action(tag), Action::Unwrap, "{tag}");
    }
}

#[test]
fn refuses_handlers_styles_and_ids() {
    for (tag, name) in [
        ("a", "onclick"),
        ("img", "onerror"),
        ("p", "style"),
        ("div", "class"),
        ("div", "id"),
        ("a", "target"),
        ("img", "srcset"),
        ("a", "formaction"),
        ("a", "xlink:href"),
    ] {
        assert_eq!(clean_attribute(tag, name, "x", ""), None, "{tag} {name}");
    }
}

#[test]
fn checks_urls_and_resolves_them_against_the_backend() {
    assert_eq!(
        clean_attribute("a", "href", "javascript:alert(1)", "api/"),
        None
    );
    assert_eq!(
        clean_attribute("a", "href", " JaVaScRiPt:alert(1)", "api/"),
        None
    );
    assert_eq!(
        clean_attribute(
            "img",
            "src",
            "data:image/svg+xml,<svg onload=alert(1)>",
            "api/"
        ),
        None
    );
    assert_eq!(
        clean_attribute("img", "src", "media/a.webp", "https://b.example/v1/").as_deref(),
        Some("https://b.example/v1/media/a.webp")
    );
    assert_eq!(
        clean_attribute("a", "href", "#note", "api/").as_deref(),
        Some("#note")
    );
    assert_eq!(
        clean_attribute("a", "href", "https://fsin.gov.ru/", "api/").as_deref(),
        Some("https://fsin.gov.ru/")
    );
}

#[test]
fn numbers_and_enumerations_must_be_what_they_claim() {
    assert_eq!(
        clean_attribute("img", "width", "640", "").as_deref(),
        Some("640")
    );
    assert_eq!(clean_attribute("img", "width", "640px", ""), None);
    assert_eq!(
        clean_attribute("td", "colspan", "2", "").as_deref(),
        Some("2")
    );
    assert_eq!(
        clean_attribute("th", "scope", "col", "").as_deref(),
        Some("col")
    );
    assert_eq!(clean_attribute("th", "scope", "javascript", ""), None);
    assert_eq!(
        clean_attribute("p", "dir", "rtl", "").as_deref(),
        Some("rtl")
    );
    assert_eq!(
        clean_attribute("p", "lang", "en-GB", "").as_deref(),
        Some("en-GB")
    );
    assert_eq!(clean_attribute("p", "lang", "en\" onclick=\"x", ""), None);
}

#[test]
fn external_links_get_noopener() {
    assert_eq!(
        added_attributes("a", Some("https://x.example/")),
        &[("rel", "noopener noreferrer")]
    );
    assert!(added_attributes("a", Some("/news/1")).is_empty());
    assert!(added_attributes("img", Some("a.jpg")).contains(&("loading", "lazy")));
}
