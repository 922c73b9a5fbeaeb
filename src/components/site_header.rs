//! The site header: emblem, name, tagline and the main menu from the site config.

use leptos::prelude::*;

use crate::core::model::Site;
use crate::core::routes;
use crate::lang::{use_content_lang, use_lang};

#[component]
pub fn SiteHeader(
    site: std::sync::Arc<Site>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let logo = site.logo.clone().map(|logo| {
        // The name follows as text inside the same link, so the emblem is decorative here.
        view! {
            <img class="site-header__logo" src=logo.src width=logo.width height=logo.height alt="" />
        }
    });
    let menu = site.menu.clone();
    let menu_label = use_lang().texts().main_menu;
    let lang = use_content_lang();
    view! {
        <header class="site-header">
            <div class="site-header__inner">
                <a class="site-header__brand" href=routes::HOME>
                    {logo}
                    <span class="site-header__name" lang=lang.clone()>{site.name.clone()}</span>
                </a>
                {site
                    .description
                    .clone()
                    .map(|d| view! { <p class="site-header__tagline" lang=lang.clone()>{d}</p> })}
                {children.map(|c| c())}
            </div>
            {(!menu.is_empty())
                .then(|| {
                    view! {
                        <nav class="site-menu" aria-label=menu_label>
                            <ul class="site-menu__list" lang=lang>
                                {menu
                                    .into_iter()
                                    .map(|item| {
                                        view! {
                                            <li class="site-menu__item">
                                                <a class="site-menu__link" href=item.url>
                                                    {item.title}
                                                </a>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        </nav>
                    }
                })}
        </header>
    }
}
