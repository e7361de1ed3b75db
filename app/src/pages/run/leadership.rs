//! Helpers and handing the lead over, on the run page: the banner for someone asked to take the
//! run over, and the leader's forms to choose helpers and to ask someone to take over.

use std::sync::Arc;

use leptos::prelude::*;

use crate::components::form::{Field, FormError, FormState, SubmitButton};
use crate::domain::run_state::RunAction;
use crate::i18n::{Key, use_i18n};
use crate::model::{RunDetail, TransferView};
use crate::t;
use crate::tr;

use super::RunActions;

/// Shown to the one the leader asked to take over.
#[component]
pub(super) fn TransferBanner(transfer: TransferView, actions: RunActions) -> impl IntoView {
    let i18n = use_i18n();
    let state = FormState::of(actions.answer);
    let from = transfer.from.display_name.clone();
    let request_id = transfer.id;
    view! {
        <section class="card notice" role="status" data-testid="transfer-banner">
            <p>{move || tr!(i18n, TransferAsked, name = from)}</p>
            <FormError state/>
            <div class="button-row">
                <ActionForm action=actions.answer attr:class="inline-form">
                    <input type="hidden" name="request_id" value=request_id.to_string()/>
                    <input type="hidden" name="accept" value="true"/>
                    <SubmitButton state label=Key::TransferAccept/>
                </ActionForm>
                <ActionForm action=actions.answer attr:class="inline-form">
                    <input type="hidden" name="request_id" value=request_id.to_string()/>
                    <input type="hidden" name="accept" value="false"/>
                    <button type="submit" class="button" disabled=move || state.is_pending()>
                        {t!(i18n, TransferDecline)}
                    </button>
                </ActionForm>
            </div>
        </section>
    }
}

/// The leader's helpers and handover, where the state machine offers them.
#[component]
pub(super) fn LeadershipPanel(
    run: Arc<RunDetail>,
    actions: RunActions,
    offered: Vec<RunAction>,
) -> impl IntoView {
    let i18n = use_i18n();
    let helper_state = FormState::of(actions.helper);
    let transfer_state = FormState::of(actions.transfer);
    let withdraw_state = FormState::of(actions.withdraw);
    let run_id = run.id;
    let helpers: Vec<_> = run
        .participants
        .iter()
        .filter(|p| p.is_helper && !p.removed)
        .cloned()
        .collect();
    let candidates: Vec<_> = run
        .group_members
        .iter()
        .filter(|m| !helpers.iter().any(|h| h.user_id == m.user_id))
        .cloned()
        .collect();
    let successors: Vec<_> = run
        .participants
        .iter()
        .filter(|p| !p.is_leader && !p.removed)
        .cloned()
        .collect();
    let helpers_part = offered.contains(&RunAction::ManageHelpers).then(|| view! {
        <div class="leader-step" data-testid="helpers">
            <h3>{t!(i18n, HelpersLabel)}</h3>
            <p class="muted">{t!(i18n, HelpersHelp)}</p>
            <FormError state=helper_state/>
            <ul class="member-list">
                {helpers.into_iter().map(|helper| view! {
                    <li class="list-row">
                        <span class="list-title">{helper.display_name.clone()}</span>
                        <ActionForm action=actions.helper attr:class="inline-form">
                            <input type="hidden" name="run_id" value=run_id.to_string()/>
                            <input type="hidden" name="user_id" value=helper.user_id.to_string()/>
                            <input type="hidden" name="helper" value="false"/>
                            <button type="submit" class="button small" disabled=move || helper_state.is_pending()>
                                {t!(i18n, RemoveHelper)}
                            </button>
                        </ActionForm>
                    </li>
                }).collect_view()}
            </ul>
            {(!candidates.is_empty()).then(|| view! {
                <ActionForm action=actions.helper attr:class="inline-pick">
                    <input type="hidden" name="run_id" value=run_id.to_string()/>
                    <input type="hidden" name="helper" value="true"/>
                    <label class="visually-hidden" for="new-helper">{t!(i18n, MakeHelper)}</label>
                    <select id="new-helper" name="user_id">
                        {candidates.into_iter().map(|member| view! {
                            <option value=member.user_id.to_string()>{member.display_name}</option>
                        }).collect_view()}
                    </select>
                    <SubmitButton state=helper_state label=Key::MakeHelper/>
                </ActionForm>
            })}
        </div>
    });
    let handover = offered.contains(&RunAction::TransferLeadership).then(|| {
        match run.pending_transfer.clone() {
            Some(transfer) => {
                let to = transfer.to.display_name.clone();
                view! {
                    <div class="leader-step" data-testid="handover">
                        <p>{move || tr!(i18n, TransferWaiting, name = to)}</p>
                        <ActionForm action=actions.withdraw attr:class="inline-form">
                            <input type="hidden" name="request_id" value=transfer.id.to_string()/>
                            <FormError state=withdraw_state/>
                            <SubmitButton state=withdraw_state label=Key::TransferWithdraw/>
                        </ActionForm>
                    </div>
                }.into_any()
            }
            None if successors.is_empty() => ().into_any(),
            None => view! {
                <div class="leader-step" data-testid="handover">
                    <h3>{t!(i18n, HandoverTitle)}</h3>
                    <ActionForm action=actions.transfer attr:class="stack">
                        <input type="hidden" name="run_id" value=run_id.to_string()/>
                        <FormError state=transfer_state/>
                        <Field id="new-leader" label=Key::HandoverLabel>
                            <select id="new-leader" name="to_user_id">
                                {successors.into_iter().map(|person| view! {
                                    <option value=person.user_id.to_string()>{person.display_name}</option>
                                }).collect_view()}
                            </select>
                        </Field>
                        <SubmitButton state=transfer_state label=Key::HandoverSubmit/>
                    </ActionForm>
                </div>
            }.into_any(),
        }
    });
    view! {
        {helpers_part}
        {handover}
    }
}
