//! The active filters as removable chips: each is a link to the same list without it.

use leptos::prelude::*;

use crate::core::filter::{Filter, Period};
use crate::core::i18n::Chip;
use crate::core::model::{rubric_title, Rubric};
use crate::lang::use_lang;

/// One chip per active filter (period, rubric, search). Nothing when the feed is unfiltered.
#[component]
pub fn FilterChips(filter: Filter, rubrics: Vec<Rubric>) -> impl IntoView {
    let lang = use_lang();
    let t = lang.texts();
    let mut chips: Vec<(String, String)> = Vec::new();
    if filter.period != Period::All {
        let without = Filter {
            period: Period::All,
            ..filter.clone()
        };
        chips.push((
            lang.chip(Chip::Period, &filter.period.label(lang)),
            without.href(1),
        ));
    }
    if let Some(id) = &filter.rubric {
        let title = rubric_title(&rubrics, id);
        let without = Filter {
            rubric: None,
            ..filter.clone()
        };
        chips.push((lang.chip(Chip::Rubric, title), without.href(1)));
    }
    if let Some(q) = &filter.query {
        let without = Filter {
            query: None,
            ..filter.clone()
        };
        chips.push((lang.chip(Chip::Search, q), without.href(1)));
    }
    (!chips.is_empty()).then(|| {
        view! {
            <div class="chips">
                <h2 class="visually-hidden">{t.chosen_filters}</h2>
                <ul class="chips__list">
                    {chips
                        .into_iter()
                        .map(|(label, href)| {
                            let name = lang.remove_filter(&label);
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
                <a class="chips__clear" href=Filter::default().href(1)>{t.clear_filters}</a>
            </div>
        }
    })
}
