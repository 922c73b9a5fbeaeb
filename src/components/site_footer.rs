//! The site footer: the lines the site config gives (copyright, address, contacts), the
//! link to saved news and the build stamp.

use leptos::prelude::*;

use crate::core::routes;
use crate::lang::{use_content_lang, use_lang};

#[component]
pub fn SiteFooter(lines: Vec<String>, build_stamp: Option<String>) -> impl IntoView {
    let t = use_lang().texts();
    let lang = use_content_lang();
    view! {
        <footer class="site-footer">
            <div class="site-footer__inner">
                {lines.into_iter().map(|l| view! { <p class="site-footer__line" lang=lang.clone()>{l}</p> }).collect_view()}
                <p class="site-footer__line site-footer__meta">
                    <a href=routes::SAVED>{t.saved_news}</a>
                    {build_stamp.map(|b| view! { " · " {t.version} " " <span class="site-footer__build">{b}</span> })}
                </p>
            </div>
        </footer>
    }
}
