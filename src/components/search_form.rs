//! The search box with the rubric choice: "Поиск по новостям" … "Найти".

use leptos::prelude::*;

use crate::core::filter::Filter;
use crate::core::model::Rubric;
use crate::lang::use_lang;
use crate::router;

/// Submitting keeps the current period and replaces the words and the rubric, so
/// filters combine. A real `<form role="search">` with labelled fields: Enter submits.
/// It is a plain `GET` form to the period's address too, so it works before the app has
/// started (in a first-screen snapshot): the same `q` and `rubric` parameters.
#[component]
pub fn SearchForm(filter: Filter, rubrics: Vec<Rubric>) -> impl IntoView {
    let t = use_lang().texts();
    let period = filter.period;
    let query_input = NodeRef::<leptos::html::Input>::new();
    let rubric_select = NodeRef::<leptos::html::Select>::new();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let query = query_input.get().map(|input| input.value());
        let rubric = rubric_select.get().map(|select| select.value());
        let next = Filter::new(period, rubric.as_deref(), query.as_deref());
        router::navigate(&next.href(1));
    };
    let current_rubric = filter.rubric.clone().unwrap_or_default();
    view! {
        <form class="search" role="search" action=period.path() method="get" on:submit=on_submit>
            <div class="search__field">
                <label class="search__label" for="search-q">{t.search_label}</label>
                <input
                    id="search-q"
                    class="search__input"
                    type="search"
                    name="q"
                    maxlength="200"
                    autocomplete="off"
                    node_ref=query_input
                    prop:value=filter.query.clone().unwrap_or_default()
                />
            </div>
            {(!rubrics.is_empty())
                .then(|| {
                    view! {
                        <div class="search__field">
                            <label class="search__label" for="search-rubric">{t.rubric_label}</label>
                            <select id="search-rubric" class="search__select" name="rubric" node_ref=rubric_select>
                                <option value="" selected=current_rubric.is_empty()>{t.all_rubrics}</option>
                                {rubrics
                                    .into_iter()
                                    .map(|r| {
                                        let selected = r.id == current_rubric;
                                        view! { <option value=r.id selected=selected>{r.title}</option> }
                                    })
                                    .collect_view()}
                            </select>
                        </div>
                    }
                })}
            <button type="submit" class="button search__submit">{t.find}</button>
        </form>
    }
}
