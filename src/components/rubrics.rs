//! The rubrics (sections) a news item belongs to.

use leptos::prelude::*;

use crate::core::model::Rubric;

#[component]
pub fn Rubrics(rubrics: Vec<Rubric>) -> impl IntoView {
    (!rubrics.is_empty()).then(|| {
        view! {
            <ul class="rubrics" aria-label="Рубрики">
                {rubrics
                    .into_iter()
                    .map(|r| view! { <li class="rubrics__item">{r.title}</li> })
                    .collect_view()}
            </ul>
        }
    })
}
