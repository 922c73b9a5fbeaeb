//! The language switch in the header.

use leptos::prelude::*;

use crate::context::use_router_base;
use crate::core::i18n::{self, Lang};
use crate::core::routes;
use crate::lang::use_lang;
use crate::router::use_location;

/// "English" / "Русский": a plain link to this page with `?lang=en`, followed by the
/// browser (not the router), so it works the same before the app has started (in a
/// first-screen snapshot) and after: `public/prefs.js` remembers the choice and takes the
/// parameter out of the address before the first paint.
#[component]
pub fn LangSwitch() -> impl IntoView {
    let current = use_lang();
    let label = current.texts().language;
    let location = use_location();
    let base = use_router_base().0;
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
