//! The active filters as removable chips: each is a link to the same list without it.

use leptos::prelude::*;

use crate::core::filter::{Filter, Period};
use crate::core::model::Rubric;

/// One chip per active filter (period, rubric, search). Nothing when the feed is unfiltered.
#[component]
pub fn FilterChips(filter: Filter, rubrics: Vec<Rubric>) -> impl IntoView {
    let mut chips: Vec<(String, String)> = Vec::new();
    if filter.period != Period::All {
        let label = filter.period.phrase().trim_start_matches("за ").to_owned();
        chips.push((
            format!("Период: {label}"),
            Filter {
                period: Period::All,
                ..filter.clone()
            }
            .href(1),
        ));
    }
    if let Some(id) = &filter.rubric {
        let title = rubrics
            .iter()
            .find(|r| &r.id == id)
            .map_or(id.as_str(), |r| r.title.as_str());
        chips.push((
            format!("Рубрика: {title}"),
            Filter {
                rubric: None,
                ..filter.clone()
            }
            .href(1),
        ));
    }
    if let Some(q) = &filter.query {
        chips.push((
            format!("Поиск: «{q}»"),
            Filter {
                query: None,
                ..filter.clone()
            }
            .href(1),
        ));
    }
    (!chips.is_empty()).then(|| {
        view! {
            <div class="chips">
                <h2 class="visually-hidden">"Выбранные фильтры"</h2>
                <ul class="chips__list">
                    {chips
                        .into_iter()
                        .map(|(label, href)| {
                            let name = format!("Убрать фильтр «{label}»");
                            view! {
                                <li class="chips__item">
                                    <a class="chips__chip" href=href aria-label=name>
                                        <span>{label}</span>
                                        <span class="chips__remove" aria-hidden="true">"×"</span>
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
                <a class="chips__clear" href=Filter::default().href(1)>"Сбросить все"</a>
            </div>
        }
    })
}
