//! The interface language: chosen by the reader (remembered), or by a widget's `lang`
//! option; Russian by default. Switching loads the page anew, so every view is simply
//! built in one language.

use leptos::prelude::*;

use crate::browser::local_storage;
use crate::core::i18n::{self, Lang};
use crate::core::model::Site;

const STORAGE_KEY: &str = "vestnik.lang";

/// The current language (provided by the app; Russian where nothing provides it).
pub fn use_lang() -> Lang {
    use_context::<Lang>().unwrap_or_default()
}

/// The `lang` attribute for content (news, site names) when it differs from the
/// interface's: `Some("ru")` in the English interface of a Russian site.
pub fn use_content_lang() -> Option<String> {
    let site = use_context::<std::sync::Arc<Site>>()?;
    i18n::content_lang(use_lang(), &site.lang)
}

/// The reader's saved choice.
pub fn saved() -> Lang {
    local_storage()
        .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
        .map(|code| Lang::from_code(&code))
        .unwrap_or_default()
}

/// Marks the document with the interface language.
pub fn apply(lang: Lang) {
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("lang", lang.code());
    }
}
