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
            // An empty segment or a backslash anywhere in a path to this site: once the
            // dot-segments go, the path may start with `//`.
            "/.//evil.example/",
            "news/..//evil.example/",
            "/a/%2e%2e//evil.example/",
            "./\\evil.example/",
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
    use super::decode_uri;
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

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4096))]

        /// An accepted link to this site, resolved as a browser resolves it, its path
        /// decoded (`decodeURI`) and resolved again as `history.pushState` does, still
        /// names this site: even a router that decodes paths (leptos_router did) could
        /// follow it. (`crate::router` pushes the address as resolved, undecoded.)
        #[test]
        fn the_router_can_follow_every_accepted_link_to_this_site(
            parts in proptest::collection::vec(
                prop_oneof![Just("/"), Just("//"), Just("\\"), Just("%5C"), Just("%09"), Just("%2F"),
                    Just("%2e"), Just("."), Just(".."), Just("a"), Just("?")],
                0..10,
            )
        ) {
            let raw = parts.concat();
            let page = url::Url::parse("https://site.example/press/news/1").unwrap();
            let Some(link) = safe_url(&raw, Use::Link) else { return Ok(()) };
            let Ok(resolved) = page.join(link) else { return Ok(()) };
            if scheme(link).is_some() || link.starts_with("//") || resolved.origin() != page.origin() {
                return Ok(());
            }
            let decoded = decode_uri(resolved.path());
            let pushed = page.join(&decoded);
            prop_assert!(
                pushed.as_ref().is_ok_and(|p| p.origin() == page.origin()),
                "{raw:?} resolves to {resolved}, decodes to {decoded:?}, pushes {pushed:?}"
            );
        }
    }
}

/// `decodeURI`: every escape decoded but those of the characters it keeps reserved
/// (`;/?:@&=+$,#`); invalid UTF-8 leaves the text as it was (where the browser throws,
/// and the router keeps the text as it was).
#[cfg(test)]
fn decode_uri(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escape = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match escape {
            Some(b) if bytes[i] == b'%' && !b";/?:@&=+$,#".contains(&b) => {
                out.push(b);
                i += 3;
            }
            _ => {
                out.push(bytes[i]);
                i += 1;
            }
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| text.to_owned())
}
