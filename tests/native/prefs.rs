//! Native tests of `core::prefs`.

use proptest::prelude::*;
use vestnik::core::prefs::*;

#[test]
fn the_ordinary_version_has_no_attributes() {
    let p = Prefs::default();
    assert!(p.is_default());
    assert_eq!(p.attributes().count(), 0);
    assert_eq!(p.to_json(), "{}");
    assert_eq!(p.get(&FONT_SIZE), "100");
}

#[test]
fn choices_round_trip_through_storage() {
    let mut p = Prefs::default();
    p.set(&FONT_SIZE, "200");
    p.set(&SCHEME, "white-black");
    p.set(&IMAGES, "hidden");
    p.set(&FONT_FAMILY, "serif");
    let json = p.to_json();
    assert_eq!(Prefs::from_json(&json), p);
    assert_eq!(
        p.attributes().collect::<Vec<_>>(),
        [
            ("data-vi-family", "serif"),
            ("data-vi-font", "200"),
            ("data-vi-images", "hidden"),
            ("data-vi-scheme", "white-black"),
        ]
    );
    p.set(&FONT_SIZE, "100");
    assert_eq!(p.get(&FONT_SIZE), "100");
    assert!(
        !p.attributes().any(|(k, _)| k == "data-vi-font"),
        "defaults are not stored"
    );
}

#[test]
fn the_requirements_are_covered() {
    assert!(FONT_SIZE.values.len() >= 5 && FONT_SIZE.values.last() == Some(&"200"));
    assert_eq!(SCHEME.values.len(), 6, "the site's own and five schemes");
    assert_eq!(IMAGES.values.len(), 3);
    assert_eq!(LETTER_SPACING.values.len(), 3);
    assert_eq!(LINE_HEIGHT.values.len(), 3);
    assert_eq!(FONT_FAMILY.values.len(), 2);
}

#[test]
fn hostile_storage_is_ignored() {
    for bad in [
        "",
        "null",
        "[]",
        "{\"data-vi-font\":\"9999\"}",
        "{\"onclick\":\"alert(1)\"}",
        "{\"data-vi-scheme\":\"<script>\"}",
        "{",
    ] {
        assert!(Prefs::from_json(bad).is_default(), "{bad}");
    }
}

proptest! {
    #[test]
    fn any_storage_gives_known_attributes_only(json in "\\PC{0,80}") {
        let p = Prefs::from_json(&json);
        for (k, v) in p.attributes() {
            prop_assert!(SETTINGS.iter().any(|s| s.attribute == k && s.values.contains(&v)));
        }
    }
}

#[test]
fn every_setting_has_a_legend_and_a_label_per_value_in_both_languages() {
    use vestnik::core::i18n::Lang;
    for setting in SETTINGS {
        for lang in Lang::ALL {
            assert!(!setting.legend_in(lang).is_empty(), "{}", setting.attribute);
            let labels: Vec<_> = setting.choices_in(lang).collect();
            assert_eq!(
                labels.len(),
                setting.values.len(),
                "{} in {lang:?}",
                setting.attribute
            );
            assert!(labels.iter().all(|(_, label)| !label.is_empty()));
        }
    }
}
