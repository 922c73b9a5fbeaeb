//! "Версия для слабовидящих": the reader's display settings, as attributes on `<html>`
//! that style/vi.css turns into custom properties.
//!
//! Stored in localStorage as the attribute map itself, so `public/prefs.js` (a tiny
//! blocking script in `<head>`) can apply them before the first paint without knowing
//! anything but "set these data-vi-* attributes". Storage is untrusted: unknown keys and
//! values are ignored.

use std::collections::BTreeMap;

use super::i18n::{Lang, SettingTexts, Texts};

/// One setting: its attribute and values (the first is the default); its legend and the
/// values' labels are phrases of the interface (`i18n::SettingTexts`), in the same order.
#[derive(Clone, Copy, Debug)]
pub struct Setting {
    pub attribute: &'static str,
    pub values: &'static [&'static str],
    pub texts: fn(&'static Texts) -> &'static SettingTexts,
}

impl Setting {
    /// The legend in `lang`.
    pub fn legend_in(&self, lang: Lang) -> &'static str {
        (self.texts)(lang.texts()).legend
    }

    /// The choices as (value, label in `lang`).
    pub fn choices_in(&self, lang: Lang) -> impl Iterator<Item = (&'static str, &'static str)> {
        let labels = (self.texts)(lang.texts()).choices;
        self.values.iter().copied().zip(labels.iter().copied())
    }

    /// The first choice is the default (the ordinary version).
    pub fn default_value(&self) -> &'static str {
        self.values[0]
    }

    fn accepts(&self, value: &str) -> Option<&'static str> {
        self.values.iter().copied().find(|v| *v == value)
    }
}

pub const FONT_SIZE: Setting = Setting {
    attribute: "data-vi-font",
    values: &["100", "125", "150", "175", "200"],
    texts: |t| &t.vi_font_size,
};

pub const SCHEME: Setting = Setting {
    attribute: "data-vi-scheme",
    values: &[
        "site",
        "black-white",
        "white-black",
        "blue",
        "brown",
        "green",
    ],
    texts: |t| &t.vi_scheme,
};

pub const IMAGES: Setting = Setting {
    attribute: "data-vi-images",
    values: &["shown", "hidden", "grey"],
    texts: |t| &t.vi_images,
};

pub const LETTER_SPACING: Setting = Setting {
    attribute: "data-vi-spacing",
    values: &["normal", "medium", "large"],
    texts: |t| &t.vi_letter_spacing,
};

pub const LINE_HEIGHT: Setting = Setting {
    attribute: "data-vi-lines",
    values: &["normal", "medium", "large"],
    texts: |t| &t.vi_line_height,
};

pub const FONT_FAMILY: Setting = Setting {
    attribute: "data-vi-family",
    values: &["sans", "serif"],
    texts: |t| &t.vi_font_family,
};

/// Every setting, in the order the panel shows them.
pub const SETTINGS: [Setting; 6] = [
    FONT_SIZE,
    SCHEME,
    IMAGES,
    LETTER_SPACING,
    LINE_HEIGHT,
    FONT_FAMILY,
];

/// The storage key shared with public/prefs.js.
pub const STORAGE_KEY: &str = "vestnik.vi";

/// The reader's choices: attribute → value, only for settings away from their default.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Prefs(BTreeMap<&'static str, &'static str>);

impl Prefs {
    /// The value of a setting (its default when not chosen).
    pub fn get(&self, setting: &Setting) -> &'static str {
        self.0
            .get(setting.attribute)
            .copied()
            .unwrap_or(setting.default_value())
    }

    /// Chooses `value` for `setting`; unknown values are ignored.
    pub fn set(&mut self, setting: &Setting, value: &str) {
        match setting.accepts(value) {
            Some(v) if v == setting.default_value() => {
                self.0.remove(setting.attribute);
            }
            Some(v) => {
                self.0.insert(setting.attribute, v);
            }
            None => {}
        }
    }

    /// True for the ordinary version (nothing chosen).
    pub fn is_default(&self) -> bool {
        self.0.is_empty()
    }

    /// The attributes to put on `<html>`.
    pub fn attributes(&self) -> impl Iterator<Item = (&'static str, &'static str)> + '_ {
        self.0.iter().map(|(k, v)| (*k, *v))
    }

    /// The stored form: a JSON object of attributes.
    pub fn to_json(&self) -> String {
        serde_json::to_string(&self.0).unwrap_or_else(|_| "{}".to_owned())
    }

    /// Reads the stored form; anything unknown or malformed is dropped.
    pub fn from_json(json: &str) -> Self {
        let raw: BTreeMap<String, String> = serde_json::from_str(json).unwrap_or_default();
        let mut prefs = Self::default();
        for setting in SETTINGS {
            if let Some(value) = raw.get(setting.attribute) {
                prefs.set(&setting, value);
            }
        }
        prefs
    }
}
