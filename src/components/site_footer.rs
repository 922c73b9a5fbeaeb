//! The site footer: the lines the site config gives (copyright, address, contacts).

use leptos::prelude::*;

#[component]
pub fn SiteFooter(lines: Vec<String>) -> impl IntoView {
    view! {
        <footer class="site-footer">
            <div class="site-footer__inner">
                {lines.into_iter().map(|l| view! { <p class="site-footer__line">{l}</p> }).collect_view()}
            </div>
        </footer>
    }
}
