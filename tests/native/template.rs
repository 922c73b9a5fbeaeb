//! Native tests of `core::template`.

mod tests {
    use vestnik::core::template::*;

    #[test]
    fn fills_static_file_templates() {
        assert_eq!(
            expand("news/page/{page}.json", &[("page", "2")]),
            "news/page/2.json"
        );
        assert_eq!(
            expand(
                "calendar/{year}/{month}.json",
                &[("year", "2020"), ("month", "12")]
            ),
            "calendar/2020/12.json"
        );
    }

    #[test]
    fn fills_query_templates_and_skips_empty_values() {
        let t = "news{?page,per_page,q}";
        assert_eq!(
            expand(t, &[("page", "2"), ("per_page", "10"), ("q", "")]),
            "news?page=2&per_page=10"
        );
        assert_eq!(expand(t, &[("q", "мвд")]), "news?q=%D0%BC%D0%B2%D0%B4");
        assert_eq!(expand(t, &[]), "news");
        assert_eq!(
            expand("news?format=json{&page}", &[("page", "3")]),
            "news?format=json&page=3"
        );
    }

    #[test]
    fn values_cannot_break_out_of_their_slot() {
        assert_eq!(
            expand("news/{id}.json", &[("id", "../../etc/passwd?x=1#y")]),
            "news/..%2F..%2Fetc%2Fpasswd%3Fx%3D1%23y.json"
        );
        assert_eq!(encode_component("a&b=c d"), "a%26b%3Dc%20d");
    }

    #[test]
    fn check_reports_what_is_wrong() {
        let known = ["id", "page"];
        assert_eq!(check("news/{id}.json", &known, &["id"]), Ok(()));
        assert_eq!(
            check("news/{slug}.json", &known, &["id"]),
            Err(TemplateError::Unknown("slug".into()))
        );
        assert_eq!(
            check("news/latest.json", &known, &["id"]),
            Err(TemplateError::Missing("id"))
        );
        assert_eq!(
            check("news/{id.json", &known, &[]),
            Err(TemplateError::Unbalanced)
        );
        assert_eq!(
            check("news/id}", &known, &[]),
            Err(TemplateError::Unbalanced)
        );
        assert_eq!(
            check("news/{Id}", &known, &[]),
            Err(TemplateError::BadName("Id".into()))
        );
        assert_eq!(
            check("news/{}", &known, &[]),
            Err(TemplateError::BadName("".into()))
        );
        assert_eq!(
            check("news/{id,page}", &known, &[]),
            Err(TemplateError::BadName("id,page".into()))
        );
        assert_eq!(check("n{?id,page}", &known, &["page"]), Ok(()));
    }
    #[test]
    fn decodes_what_it_encodes_and_refuses_broken_escapes() {
        assert_eq!(decode_component("%D0%B0%20b+c").as_deref(), Some("а b+c"));
        assert_eq!(decode_component("plain").as_deref(), Some("plain"));
        for broken in ["%", "%2", "%G0", "%+1", "%FF", "%D0"] {
            assert_eq!(decode_component(broken), None, "{broken}");
        }
    }

    #[test]
    fn reads_query_values_as_a_form_sends_them() {
        let q = "?q=%D0%BD%D0%B0%D0%B1%D0%BB+%D0%BA&rubric=&page=2&q=second";
        assert_eq!(query_value(q, "q").as_deref(), Some("набл к"));
        assert_eq!(query_value(q, "rubric").as_deref(), Some(""));
        assert_eq!(query_value(q, "page").as_deref(), Some("2"));
        assert_eq!(query_value(q, "missing"), None);
        assert_eq!(query_value("flag&x=1", "flag").as_deref(), Some(""));
        // A broken escape is kept as written rather than dropped.
        assert_eq!(query_value("q=100%", "q").as_deref(), Some("100%"));
        assert_eq!(query_value("", "q"), None);
    }
}

mod properties {
    use proptest::prelude::*;
    use vestnik::core::template::*;

    proptest! {
        #[test]
        fn arbitrary_templates_never_panic(t in "\\PC{0,40}", v in "\\PC{0,20}") {
            let _ = check(&t, &["id", "page"], &["id"]);
            let _ = expand(&t, &[("id", &v), ("page", &v)]);
        }

        /// Whatever a query string holds, reading it never panics.
        #[test]
        fn any_query_can_be_read(q in "\\PC{0,60}", name in "[a-z%+]{0,6}") {
            let _ = query_value(&q, &name);
            let _ = decode_component(&q);
        }

        /// An encoded value holds only unreserved characters and `%XX` escapes, and
        /// decodes back to the original bytes.
        #[test]
        fn encoding_is_safe_and_lossless(v in "\\PC{0,30}") {
            let e = encode_component(&v);
            prop_assert!(e.bytes().all(|b| b.is_ascii_alphanumeric() || b"-._~%".contains(&b)));
            prop_assert_eq!(decode_component(&e), Some(v));
        }
    }
}
