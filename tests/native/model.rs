//! Native tests of `core::model`.

mod tests {
    use vestnik::core::model::*;

    #[test]
    fn year_month_accepts_only_real_months() {
        assert_eq!(
            YearMonth::parse("2020-12"),
            Some(YearMonth {
                year: 2020,
                month: 12
            })
        );
        assert_eq!(
            YearMonth::parse("2020-1"),
            Some(YearMonth {
                year: 2020,
                month: 1
            })
        );
        for bad in [
            "2020-13", "2020-00", "20-12", "2020", "2020-", "2020-123", "abcd-12",
        ] {
            assert_eq!(YearMonth::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn site_defaults_to_moscow_time_and_ten_per_page() {
        let site: Site = serde_json::from_str(r#"{"name":"Пресс-служба"}"#).unwrap();
        assert_eq!(site.utc_offset.local_minus_utc(), 3 * 3600);
        assert_eq!(site.page_size, 10);
        assert!(serde_json::from_str::<Site>(r#"{"name":"x","utc_offset":"soon"}"#).is_err());
    }
}
