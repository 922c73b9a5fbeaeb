//! The rubrics (sections) a news item belongs to, each a link to its news.

use leptos::prelude::*;

use crate::core::filter::{Filter, Period};
use crate::core::model::Rubric;
use crate::lang::{use_content_lang, use_lang};

#[component]
pub fn Rubrics(rubrics: Vec<Rubric>) -> impl IntoView {
    let label = use_lang().texts().rubrics;
    let lang = use_content_lang();
    (!rubrics.is_empty()).then(|| {
        view! {
            <ul class="rubrics" aria-label=label lang=lang>
                {rubrics
                    .into_iter()
                    .map(|r| {
                        let href = Filter::new(Period::All, Some(&r.id), None).href(1);
                        view! { <li class="rubrics__item"><a href=href>{r.title}</a></li> }
                    })
                    .collect_view()}
            </ul>
        }
    })
}
