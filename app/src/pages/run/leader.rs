//! The people side of a run page: who takes part and whether they are ready, the viewer's own
//! "I'm ready" switch, and the leader's panel (confirm, reopen, cancel with a reason).

use std::sync::Arc;

use leptos::prelude::*;

use crate::components::confirm::ConfirmSubmit;
use crate::components::form::{Field, FormError, FormState, SubmitButton};
use crate::domain::packs::Fairness;
use crate::domain::run::COMMENT_MAX;
use crate::domain::run_state::{RunAction, RunRole, authorize};
use crate::i18n::{Key, use_i18n};
use crate::model::RunDetail;
use crate::t;

use super::RunActions;
use super::confirm::{ConfirmWording, RunConfirmation, cancel_question, confirm_wording};
use super::leadership::LeadershipPanel;
use super::pack_choices::PackChoices;

#[component]
pub(super) fn ReadyToggle(run: Arc<RunDetail>, actions: RunActions) -> impl IntoView {
    let i18n = use_i18n();
    let state = FormState::of(actions.ready);
    let ready_now = run.viewer().is_some_and(|me| me.is_ready);
    let (label, help) = if ready_now {
        (Key::NotReadyAfterAll, Key::YouAreReady)
    } else {
        (Key::ImReady, Key::ReadyHelp)
    };
    view! {
        <section class="card ready-card" data-testid="ready-card">
            <p>{move || i18n.t(help)}</p>
            <ActionForm action=actions.ready attr:class="inline-form">
                <input type="hidden" name="run_id" value=run.id.to_string()/>
                <input type="hidden" name="ready" value=(!ready_now).to_string()/>
                <FormError state/>
                <SubmitButton state label/>
            </ActionForm>
        </section>
    }
}

#[component]
pub(super) fn LeaderPanel(
    run: Arc<RunDetail>,
    actions: RunActions,
    offered: Vec<RunAction>,
) -> impl IntoView {
    let i18n = use_i18n();
    let confirm_state = FormState::of(actions.confirm);
    let reopen_state = FormState::of(actions.reopen);
    let cancel_state = FormState::of(actions.cancel);
    let run_id = run.id;
    let everyone_ready = run.everyone_ready();
    let confirm = offered.contains(&RunAction::Confirm).then(|| {
        let ConfirmWording { note, label, question } = confirm_wording(i18n, &run);
        let packs_of = run.clone();
        view! {
            <div class="leader-step" data-testid="confirm-step">
                <p class=if everyone_ready { "ready-note" } else { "muted" } data-testid="readiness">{note}</p>
                <ActionForm action=actions.confirm attr:class="stack">
                    <input type="hidden" name="run_id" value=run_id.to_string()/>
                    <PackChoices run=packs_of rounded_up=Vec::new()/>
                    <FormError state=confirm_state/>
                    <ConfirmSubmit state=confirm_state page=RunConfirmation::Confirm.page(run_id)
                        label=Signal::derive(move || i18n.t(label).to_owned())
                        question=Signal::derive(move || question.clone())/>
                </ActionForm>
            </div>
        }
    });
    let reopen = offered.contains(&RunAction::Reopen).then(|| {
        view! {
            <div class="leader-step">
                <p class="muted">{t!(i18n, ReopenHelp)}</p>
                <ActionForm action=actions.reopen attr:class="inline-form">
                    <input type="hidden" name="run_id" value=run_id.to_string()/>
                    <FormError state=reopen_state/>
                    <ConfirmSubmit state=reopen_state page=RunConfirmation::Reopen.page(run_id)
                        label=Signal::derive(move || i18n.t(Key::ReopenSubmit).to_owned())
                        question=Signal::derive(move || i18n.t(Key::ReopenQuestion).to_owned())/>
                </ActionForm>
            </div>
        }
    });
    let day = run
        .planned_on
        .map(|day| day.to_string())
        .unwrap_or_default();
    let comment = run.comment.clone();
    let run_fairness = run.pack_fairness;
    let edit = offered.contains(&RunAction::EditComment).then(|| {
        let edit_state = FormState::of(actions.edit);
        view! {
            <details class="leader-step">
                <summary>{t!(i18n, EditRunTitle)}</summary>
                <ActionForm action=actions.edit attr:class="stack" attr:data-testid="edit-run-form">
                    <input type="hidden" name="run_id" value=run_id.to_string()/>
                    <FormError state=edit_state/>
                    <Field id="edit-run-day" label=Key::PlannedOnLabel>
                        <input id="edit-run-day" name="planned_on" type="date" value=day/>
                    </Field>
                    <Field id="edit-run-comment" label=Key::RunCommentLabel hint=Key::RunCommentHint>
                        <textarea id="edit-run-comment" name="comment" maxlength=COMMENT_MAX rows="2"
                            aria-describedby="edit-run-comment-hint">{comment}</textarea>
                    </Field>
                    <Field id="edit-run-fairness" label=Key::FairnessLabel>
                        <select id="edit-run-fairness" name="pack_fairness">
                            {[(Fairness::Proportional, Key::FairnessProportional), (Fairness::FirstCome, Key::FairnessFirstCome)]
                                .into_iter()
                                .map(|(fairness, key)| {
                                    let value: &'static str = fairness.into();
                                    view! {
                                        <option value=value selected={fairness == run_fairness}>
                                            {move || i18n.t(key)}
                                        </option>
                                    }
                                })
                                .collect_view()}
                        </select>
                    </Field>
                    <SubmitButton state=edit_state label=Key::SaveRunDetailsSubmit/>
                </ActionForm>
            </details>
        }
    });
    let question_key = cancel_question(run.state);
    let cancel = offered.contains(&RunAction::Cancel).then(|| {
        view! {
            <details class="leader-step cancel-step">
                <summary>{t!(i18n, CancelRunTitle)}</summary>
                <ActionForm action=actions.cancel attr:class="stack" attr:data-testid="cancel-form">
                    <input type="hidden" name="run_id" value=run_id.to_string()/>
                    <FormError state=cancel_state/>
                    <Field id="cancel-reason" label=Key::CancelReasonLabel>
                        <textarea id="cancel-reason" name="reason" maxlength=COMMENT_MAX rows="2"></textarea>
                    </Field>
                    <ConfirmSubmit state=cancel_state danger=true page=RunConfirmation::Cancel.page(run_id)
                        label=Signal::derive(move || i18n.t(Key::CancelRunSubmit).to_owned())
                        question=Signal::derive(move || i18n.t(question_key).to_owned())/>
                </ActionForm>
            </details>
        }
    });
    view! {
        <section class="card leader-panel" data-testid="leader-panel">
            <h2>{t!(i18n, LeaderPanelTitle)}</h2>
            {confirm}
            {reopen}
            <LeadershipPanel run=run.clone() actions offered=offered.clone()/>
            {edit}
            {cancel}
        </section>
    }
}

#[component]
pub(super) fn Participants(run: Arc<RunDetail>) -> impl IntoView {
    let i18n = use_i18n();
    // Ready chips matter while participants may still say they are ready.
    let show_ready = authorize(run.state, RunRole::Participant, RunAction::ToggleReady).is_ok();
    let count = run.participants.len() as i64;
    view! {
        <section class="card">
            <h2>{move || i18n.count(Key::ParticipantCount, count)}</h2>
            <ul class="member-list" data-testid="participants">
                {run.participants.iter().map(|person| {
                    let ready = person.is_ready;
                    view! {
                        <li class="list-row" class:removed=person.removed
                            data-testid=format!("participant-{}", person.display_name)>
                            <span class="list-title">{person.display_name.clone()}</span>
                            {person.is_leader.then(|| view! { <span class="badge">{t!(i18n, LeaderBadge)}</span> })}
                            {person.is_helper.then(|| view! { <span class="badge">{t!(i18n, HelperBadge)}</span> })}
                            {(show_ready && !person.is_leader && !person.removed && person.bid_count > 0).then(|| view! {
                                <span class=if ready { "chip ready" } else { "chip" }>
                                    {move || i18n.t(if ready { Key::ReadyChip } else { Key::NotReadyChip })}
                                </span>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}
