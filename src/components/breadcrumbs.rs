//! "Главная / Новости / …": where this page sits, every step but the last a link.

use leptos::prelude::*;

use crate::lang::use_lang;

/// One step of the trail; the last one (the current page) has no link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Crumb {
    pub label: String,
    pub href: Option<String>,
}

impl Crumb {
    pub fn link(label: impl Into<String>, href: impl Into<String>) -> Self {
        Self {
            label: label.into(),
            href: Some(href.into()),
        }
    }

    pub fn here(label: impl Into<String>) -> Self {
        Self {
            label: label.into(),
            href: None,
        }
    }
}

#[component]
pub fn Breadcrumbs(crumbs: Vec<Crumb>) -> impl IntoView {
    let label = use_lang().texts().breadcrumbs;
    view! {
        <nav class="breadcrumbs" aria-label=label>
            <ol class="breadcrumbs__list">
                {crumbs
                    .into_iter()
                    .map(|crumb| {
                        let inner = match crumb.href {
                            Some(href) => {
                                view! { <a class="breadcrumbs__link" href=href>{crumb.label}</a> }
                                    .into_any()
                            }
                            None => view! { <span aria-current="page">{crumb.label}</span> }.into_any(),
                        };
                        view! { <li class="breadcrumbs__item">{inner}</li> }
                    })
                    .collect_view()}
            </ol>
        </nav>
    }
}
