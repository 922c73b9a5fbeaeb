//! Native tests of `core::links`.

mod tests {
    use vestnik::core::links::*;

    #[test]
    fn links_allow_the_web_mail_and_phone() {
        for ok in [
            "https://fsin.gov.ru/",
            "http://example.org/a?b#c",
            "mailto:press@example.org",
            "tel:+73842000000",
            "/news/1",
            "news/1",
            "#top",
            "?page=2",
        ] {
            assert_eq!(safe_url(ok, Use::Link), Some(ok), "{ok}");
        }
    }

    #[test]
    fn links_refuse_script_and_data_in_every_disguise() {
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            " javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "\u{1}javascript:alert(1)",
            "vbscript:msgbox(1)",
            "data:text/html,<script>alert(1)</script>",
            "file:///etc/passwd",
            "\\\\evil.example/x",
            "/\\evil.example/x",
            "",
            "   ",
        ] {
            assert_eq!(safe_url(bad, Use::Link), None, "{bad:?}");
        }
    }

    #[test]
    fn images_allow_only_the_web() {
        assert!(safe_url("https://a.example/p.jpg", Use::Image).is_some());
        assert!(safe_url("media/p.webp", Use::Image).is_some());
        assert!(safe_url("data:image/png;base64,AAAA", Use::Image).is_none());
        assert!(safe_url("mailto:a@b", Use::Image).is_none());
    }

    #[test]
    fn a_colon_after_a_slash_is_not_a_scheme() {
        assert_eq!(scheme("media/a:b.jpg"), None);
        assert_eq!(scheme("?q=a:b"), None);
        assert_eq!(scheme("HTTPS://x"), Some("https".into()));
        assert_eq!(scheme(":x"), None);
    }

    #[test]
    fn external_means_another_site() {
        assert!(is_external("https://fsin.gov.ru/"));
        assert!(is_external("//cdn.example/x"));
        assert!(!is_external("/news/1"));
        assert!(!is_external("mailto:a@b"));
    }

    #[test]
    fn resolves_like_a_browser_for_the_cases_we_use() {
        assert_eq!(resolve("api/", "media/a.webp"), "api/media/a.webp");
        assert_eq!(resolve("api/", "/media/a.webp"), "/media/a.webp");
        assert_eq!(
            resolve("https://b.example/v1/", "/media/a.webp"),
            "https://b.example/media/a.webp"
        );
        assert_eq!(
            resolve("https://b.example/v1/news.json", "media/a.webp"),
            "https://b.example/v1/media/a.webp"
        );
        assert_eq!(
            resolve("https://b.example", "a.webp"),
            "https://b.example/a.webp"
        );
        assert_eq!(
            resolve("api/", "https://c.example/x.jpg"),
            "https://c.example/x.jpg"
        );
        assert_eq!(resolve("api/", "//c.example/x.jpg"), "//c.example/x.jpg");
        assert_eq!(resolve("", "a.jpg"), "a.jpg");
    }
}

mod properties {
    use proptest::prelude::*;
    use vestnik::core::links::*;

    proptest! {
        #[test]
        fn never_panics_and_never_lets_script_through(raw in "\\PC{0,40}", base in "\\PC{0,40}") {
            for usage in [Use::Link, Use::Image] {
                if let Some(url) = safe_url(&raw, usage) {
                    let s = scheme(url);
                    prop_assert!(!matches!(s.as_deref(), Some("javascript" | "data" | "vbscript")));
                }
            }
            let _ = resolve(&base, &raw);
        }

        #[test]
        fn script_urls_are_refused_whatever_the_case(prefix in "[ \t\n\r]{0,3}", js in "[jJ][aA][vV][aA][sS][cC][rR][iI][pP][tT]") {
            let url = format!("{prefix}{js}:alert(1)");
            prop_assert_eq!(safe_url(&url, Use::Link), None);
        }
    }
}
