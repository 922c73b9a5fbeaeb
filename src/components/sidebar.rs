//! The sidebar: the site's link blocks (internet reception, wanted persons, territorial
//! bodies…) and a slot for widgets such as the news archive calendar.

use leptos::prelude::*;

use crate::core::model::LinkGroup;
use crate::lang::{use_content_lang, use_lang};

#[component]
pub fn Sidebar(
    groups: Vec<LinkGroup>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let label = use_lang().texts().sidebar;
    let lang = use_content_lang();
    view! {
        <aside class="sidebar" aria-label=label>
            {children.map(|c| c())}
            {groups
                .into_iter()
                .map(|group| {
                    view! {
                        <section class="sidebar__group" lang=lang.clone()>
                            {group.heading.map(|h| view! { <h2 class="sidebar__heading">{h}</h2> })}
                            <ul class="sidebar__links">
                                {group
                                    .links
                                    .into_iter()
                                    .map(|link| {
                                        view! {
                                            <li class="sidebar__item">
                                                <a class="sidebar__link" href=link.url>
                                                    {link.title}
                                                </a>
                                                {link
                                                    .description
                                                    .map(|d| view! { <span class="sidebar__note">{d}</span> })}
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        </section>
                    }
                })
                .collect_view()}
        </aside>
    }
}
