//! A list of runs: where, in what state, who leads, when; each a link to its page.

use leptos::prelude::*;

use crate::components::run_badge::RunStateBadge;
use crate::i18n::{Key, use_i18n};
use crate::model::RunSummary;
use crate::tr;

#[component]
pub fn RunList(runs: Vec<RunSummary>, #[prop(optional)] show_group: bool) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <ul class="group-list run-list" data-testid="runs">
            {runs.into_iter().map(|run| {
                let leader = run.leader_name.clone();
                let count = run.participant_count;
                let planned = run.planned_on.map(|day| i18n.day_with_distance(day));
                view! {
                    <li><a class="list-row" href=format!("/runs/{}", run.id)>
                        <span class="list-title">{run.store_name.clone()}</span>
                        <RunStateBadge state=run.state/>
                        <span class="muted run-meta">
                            {show_group.then(|| format!("{} · ", run.group_name))}
                            {move || tr!(i18n, LedBy, name = leader)}
                            " · "
                            {move || i18n.count(Key::ParticipantCount, count)}
                            {planned.clone().map(|day| format!(" · {day}"))}
                        </span>
                    </a></li>
                }
            }).collect_view()}
        </ul>
    }
}
