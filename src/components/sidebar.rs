//! The sidebar: the site's link blocks (internet reception, wanted persons, territorial
//! bodies…) and a slot for widgets such as the news archive calendar.

use leptos::prelude::*;

use crate::core::model::LinkGroup;

#[component]
pub fn Sidebar(
    groups: Vec<LinkGroup>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    view! {
        <aside class="sidebar" aria-label="Боковая панель">
            {children.map(|c| c())}
            {groups
                .into_iter()
                .map(|group| {
                    view! {
                        <section class="sidebar__group">
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
