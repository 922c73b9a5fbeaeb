//! The site footer: the lines the site config gives (copyright, address, contacts), the
//! link to saved news and the build stamp.

use leptos::prelude::*;

use crate::core::routes;

#[component]
pub fn SiteFooter(lines: Vec<String>, build_stamp: Option<String>) -> impl IntoView {
    view! {
        <footer class="site-footer">
            <div class="site-footer__inner">
                {lines.into_iter().map(|l| view! { <p class="site-footer__line">{l}</p> }).collect_view()}
                <p class="site-footer__line site-footer__meta">
                    <a href=routes::SAVED>"Сохранённые новости"</a>
                    {build_stamp.map(|b| view! { " · Версия " <span class="site-footer__build">{b}</span> })}
                </p>
            </div>
        </footer>
    }
}
