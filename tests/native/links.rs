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
            "news/%D0%9F%D1%80%D0%B8%D0%BC%D0%B5%D1%80",
            "news?q=%5C%09",
            "/news/1#%5C",
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
            // A backslash or a control character behind an escape: decoded by the router,
            // the path names another site (or none) and the browser refuses to go there.
            "/%5Cevil.example/",
            "/%5cevil.example/",
            "/%09/evil.example",
            "/%0A%0D/evil.example",
            "https://press.example.ru/%5Cevil.example/",
            "news/%00",
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
        // Never handed to the router: an image may have any bytes in its name.
        assert!(safe_url("media/a%5Cb.jpg", Use::Image).is_some());
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
    use super::decode;
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

        /// What the router would hand to `history.pushState` for an accepted link — its
        /// path percent-decoded, with the tabs and newlines a browser drops — never
        /// starts like a link to another site (`//`, `/\`, `\\`).
        #[test]
        fn an_accepted_link_never_decodes_into_another_site(
            parts in proptest::collection::vec(
                prop_oneof![Just("/"), Just("\\"), Just("%5C"), Just("%5c"), Just("%09"), Just("%0A"),
                    Just("%0d"), Just("%2F"), Just("%20"), Just("."), Just("a"), Just("?"), Just("#")],
                0..8,
            )
        ) {
            let url = parts.concat();
            if let Some(link) = safe_url(&url, Use::Link) {
                let path = link.split(['?', '#']).next().unwrap_or_default();
                let decoded: String = decode(path).chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect();
                let start: String = decoded.chars().take(2).collect();
                prop_assert!(
                    !(start.len() == 2 && start.chars().all(|c| c == '/' || c == '\\') && !link.starts_with("//")),
                    "{url:?} decodes to {decoded:?}"
                );
            }
        }

        #[test]
        fn script_urls_are_refused_whatever_the_case(prefix in "[ \t\n\r]{0,3}", js in "[jJ][aA][vV][aA][sS][cC][rR][iI][pP][tT]") {
            let url = format!("{prefix}{js}:alert(1)");
            prop_assert_eq!(safe_url(&url, Use::Link), None);
        }
    }
}

/// Percent-decoding as `decodeURI` does it for the characters that matter here (it leaves
/// `%2F` alone).
#[cfg(test)]
fn decode(path: &str) -> String {
    let mut out = String::new();
    let mut rest = path;
    while let Some(at) = rest.find('%') {
        out.push_str(&rest[..at]);
        let code = rest
            .get(at + 1..at + 3)
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match code {
            Some(b) if b != b'/' && b.is_ascii() => {
                out.push(char::from(b));
                rest = &rest[at + 3..];
            }
            _ => {
                out.push('%');
                rest = &rest[at + 1..];
            }
        }
    }
    out.push_str(rest);
    out
}
