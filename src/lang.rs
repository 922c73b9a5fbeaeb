//! The interface language: chosen by the reader (remembered), or by a widget's `lang`
//! option; Russian by default. Switching loads the page anew, so every view is simply
//! built in one language.

use leptos::prelude::*;

use crate::core::i18n::{self, Lang};
use crate::core::model::Site;
use crate::core::routes;
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

/// "English" / "Русский": a plain link to this page with `?lang=en`, followed by the
/// browser (not the router), so it works the same before the app has started (in a
/// first-screen snapshot) and after: `public/prefs.js` remembers the choice and takes the
/// parameter out of the address before the first paint.
#[component]
pub fn LangSwitch() -> impl IntoView {
    let current = use_lang();
    let label = current.texts().language;
    let location = crate::router::use_location();
    let base = crate::location::base_path();
    let others = Lang::ALL
        .into_iter()
        .filter(|l| *l != current)
        .map(|other| {
            let base = base.clone();
            let href = move || {
                let path = routes::app_path(&location.pathname.get(), &base).to_owned();
                i18n::switch_href(&path, &location.search.get(), other)
            };
            view! {
                <a class="header-button" href=href hreflang=other.code() lang=other.code() rel="external nofollow">
                    {other.endonym()}
                </a>
            }
        })
        .collect_view();
    view! {
        <div class="lang-switch" role="group" aria-label=label>
            {others}
        </div>
    }
}
