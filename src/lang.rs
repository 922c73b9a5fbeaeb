//! The interface language: chosen by the reader (remembered), or by a widget's `lang`
//! option; Russian by default. Switching reloads the page, so every view is simply built
//! in one language.

use leptos::prelude::*;

use crate::core::i18n::{self, Lang};
use crate::core::model::Site;
use crate::pwa::storage;

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
    storage()
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

/// "English" / "Русский": switches, remembers, reloads.
#[component]
pub fn LangSwitch() -> impl IntoView {
    let current = use_lang();
    let label = current.texts().language;
    let others = Lang::ALL
        .into_iter()
        .filter(|l| *l != current)
        .map(|other| {
            view! {
                <button
                    type="button"
                    class="header-button"
                    lang=other.code()
                    on:click=move |_| {
                        if let Some(storage) = storage() {
                            let _ = storage.set_item(STORAGE_KEY, other.code());
                        }
                        let _ = window().location().reload();
                    }
                >
                    {other.endonym()}
                </button>
            }
        })
        .collect_view();
    view! {
        <div class="lang-switch" role="group" aria-label=label>
            {others}
        </div>
    }
}
