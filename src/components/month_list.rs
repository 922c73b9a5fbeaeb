//! `<MonthList>`: the archive's months grouped by year, each a link to that month's news
//! with its count (the archive page, and the top of a year's page).

use leptos::prelude::*;

use crate::core::dates;
use crate::core::filter::Period;
use crate::core::model::{MonthCount, YearMonth};
use crate::lang::use_lang;

/// Months grouped by year (newest first), each a link to that month's news.
#[component]
pub fn MonthList(months: Vec<MonthCount>, headings: bool) -> impl IntoView {
    let lang = use_lang();
    let mut years: Vec<i32> = months.iter().map(|m| m.year).collect();
    years.sort_unstable_by(|a, b| b.cmp(a));
    years.dedup();
    years
        .into_iter()
        .map(|year| {
            let items = months
                .iter()
                .filter(|m| m.year == year)
                .map(|m| {
                    let path = Period::Month(YearMonth { year: m.year, month: m.month }).path();
                    let label = dates::month_name_in(lang, m.month);
                    view! {
                        <li class="archive__month">
                            <a href=path>{label}</a>
                            <span class="archive__count">{format!(" — {}", lang.news_count(u64::from(m.count)))}</span>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section class="archive__year">
                    {headings.then(|| view! { <h2><a href=Period::Year(year).path()>{lang.year(year)}</a></h2> })}
                    <ul class="archive__months">{items}</ul>
                </section>
            }
        })
        .collect_view()
}
